"""Users, organisations and the membership row that gives a user a role in an organisation.

Participants never have an account. Every access decision goes through samensterk/access.py,
which reads Membership: a user sees only what belongs to organisations they are a member of.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Staff, trainers, facilitators and funders. Holds no more personal data than login needs."""

    # Facilitators choose the language the app speaks to them in, independent of the browser.
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        WOMEN = "women", _("Women's organisation")
        MEN = "men", _("Men's organisation")
        ALLIANCE = "alliance", _("Alliance")
        FUNDER = "funder", _("Funder or policy maker")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    district = models.CharField(_("district"), max_length=100, blank=True)
    is_demo = models.BooleanField(
        _("fictional demo data"), default=False, help_text=_("Created by load_demo; never real.")
    )
    members = models.ManyToManyField(User, through="Membership", related_name="organisations")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        TRAINER = "trainer", _("Trainer")
        COORDINATOR = "coordinator", _("Coordinator")
        STAFF = "staff", _("Alliance staff")
        FUNDER = "funder", _("Funder (aggregates only)")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org"),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"

    # Roles that may change an organisation's records; funders only read aggregates.
    EDITING_ROLES = frozenset({Role.FACILITATOR, Role.TRAINER, Role.COORDINATOR, Role.STAFF})
