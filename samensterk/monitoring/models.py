"""Monitoring's own data: counts of work done before the app, and the anonymous awareness
questionnaire (rounds, responses, answers).

Nothing here identifies a participant: a response has no user, no address, no device id and
only the date it came in (a timestamp to the second could be matched to who was in the room).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samensterk.accounts.models import Organisation
from samensterk.programme.models import District


def _short_token() -> str:
    # 12 characters of a URL-safe alphabet (72 bits): short enough to type from a flip-over,
    # far too many to guess while the round is open and the answer page is rate-limited.
    return secrets.token_urlsafe(9)


class EarlierCount(models.Model):
    """Counts of trajectories run before the app, per organisation, district and quarter."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="earlier_counts", verbose_name=_("organisation")
    )
    district = models.CharField(_("district"), max_length=16, choices=District.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    sessions = models.PositiveIntegerField(_("sessions held"))
    men = models.PositiveIntegerField(_("men"))
    women = models.PositiveIntegerField(_("women"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "quarter", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "district", "year", "quarter"], name="one_earlier_count_per_quarter"
            )
        ]
        verbose_name = _("earlier count")
        verbose_name_plural = _("earlier counts")

    def __str__(self) -> str:
        return f"{self.organisation} {self.district} {self.year}-Q{self.quarter}"


class QuestionnaireRound(models.Model):
    """The awareness questionnaire at the first or the last meeting of a trajectory."""

    class Moment(models.TextChoices):
        FIRST = "first", _("First meeting")
        LAST = "last", _("Last meeting")

    session = models.ForeignKey(
        "programme.Session",
        on_delete=models.CASCADE,
        related_name="questionnaire_rounds",
        verbose_name=_("session"),
    )
    moment = models.CharField(_("moment"), max_length=8, choices=Moment.choices)
    token = models.CharField(max_length=32, unique=True, default=_short_token, editable=False)
    statements = models.ManyToManyField("toolkit.Statement", related_name="+", verbose_name=_("statements"))
    expires_at = models.DateTimeField(_("phones can answer until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    # Answers that look like flooding (far more than the group) are voided as a batch by the
    # trajectory's managers or alliance staff (services.questionnaire_void, audited): the round
    # then takes no more answers and counts in no result. Nothing is deleted.
    voided_at = models.DateTimeField(_("answers voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["session__starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "moment"], name="one_round_per_session_moment")
        ]
        verbose_name = _("questionnaire round")
        verbose_name_plural = _("questionnaire rounds")

    def __str__(self) -> str:
        return f"{self.session} ({self.moment})"


class QuestionnaireResponse(models.Model):
    """One person's answers. No user, no device, no time of day: the date only."""

    round = models.ForeignKey(QuestionnaireRound, on_delete=models.CASCADE, related_name="responses")
    on_paper = models.BooleanField(_("entered from paper"), default=False)
    received_on = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")

    def __str__(self) -> str:
        return f"{self.round} #{self.pk}"


class QuestionnaireAnswer(models.Model):
    """Agreement with one statement on a five-point scale (1 = disagree strongly, 5 = agree strongly)."""

    response = models.ForeignKey(QuestionnaireResponse, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey("toolkit.Statement", on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="one_answer_per_statement"),
            models.CheckConstraint(condition=models.Q(value__gte=1, value__lte=5), name="answer_on_scale"),
        ]
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.value}"


# --- the dashboard's summary (summary.py keeps it in step with the sessions and reports) ---------
# One row per trajectory and quarter, not per district or partnership: those are read through the
# trajectory at query time, so moving a trajectory to another district needs no update here.


class SessionSummary(models.Model):
    """Sessions and submitted reports of one trajectory in one quarter, as counts."""

    trajectory = models.ForeignKey("programme.Trajectory", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    held = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    men = models.PositiveIntegerField(default=0)  # of held sessions only, as the live query
    women = models.PositiveIntegerField(default=0)
    first_time = models.PositiveIntegerField(default=0)
    reports = models.PositiveIntegerField(default=0)  # submitted (or discussed), never drafts
    financial = models.PositiveIntegerField(default=0)
    referral = models.PositiveIntegerField(default=0)
    safety = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "year", "quarter"], name="one_summary_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.year}-Q{self.quarter}"


class ThemeSummary(models.Model):
    """How many submitted reports of one trajectory in one quarter ticked a theme."""

    trajectory = models.ForeignKey("programme.Trajectory", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    theme = models.ForeignKey("toolkit.Theme", on_delete=models.CASCADE, related_name="+")
    reports = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["trajectory", "year", "quarter"], name="theme_summary_key")]

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.year}-Q{self.quarter}"


class FacilitatorSummary(models.Model):
    """Who facilitated a held session of one trajectory in one quarter (a distinct count needs who)."""

    trajectory = models.ForeignKey("programme.Trajectory", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["trajectory", "year", "quarter"], name="facilitator_summary_key")]

    def __str__(self) -> str:
        return f"{self.trajectory_id} {self.year}-Q{self.quarter}"
