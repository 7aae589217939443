"""The session companion keeps almost nothing on the server: the live state (seats, initials, who
speaks) stays in the browser. What lives here is the group's dialogue agreements, which belong to
the trajectory and return at the start of every meeting.

The speaker totals go to the session report (SessionReport.companion_totals), not to a model here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The agreements hang on one flip-over sheet: a short text, never a list of people.
AGREEMENTS_MAX = 2000


class Agreements(models.Model):
    """The dialogue agreements a group wrote in its first meeting, as amended since.

    One row per trajectory. Who changed it last and when are kept here; every change also writes
    an audit row (AuditAction.AGREEMENTS_SAVE), which is the full history of who changed it.
    """

    trajectory = models.OneToOneField(
        "programme.Trajectory",
        on_delete=models.CASCADE,
        related_name="agreements",
        verbose_name=_("trajectory"),
    )
    text = models.TextField(
        _("agreements"),
        max_length=AGREEMENTS_MAX,
        help_text=_("One agreement per line. No names of participants."),
    )
    # How many times the text was saved; the edit form sends the version it started from, so two
    # facilitators editing at once do not silently overwrite each other.
    version = models.PositiveIntegerField(_("version"), default=1)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dialogue agreements")
        verbose_name_plural = _("dialogue agreements")

    def __str__(self) -> str:
        return f"{_('Agreements')} {self.trajectory}"

    @property
    def lines(self) -> list[str]:
        """The agreements one per line, without empty lines or list markers typed by hand."""
        return [line.strip().lstrip("-*•").strip() for line in self.text.splitlines() if line.strip()]
