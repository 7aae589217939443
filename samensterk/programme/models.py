"""Programme management: partnerships, trajectories, sessions, the report after every session, and
the facilitator pool (recruitment, training, intervision).

Privacy by construction (DESIGN.md §3): no field holds a participant's name, contact or birth
date. Attendance is counts. Free-text fields carry the reminder "no names, addresses or phone
numbers of participants" wherever they are shown. Every read goes through samensterk/access.py
and every change through a service function in services.py that writes an audit row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samensterk.accounts.models import Organisation


class District(models.TextChoices):
    """Amsterdam's city districts (stadsdelen) and Weesp; 'other' for work outside Amsterdam."""

    CENTRUM = "centrum", "Centrum"
    NIEUW_WEST = "nieuw-west", "Nieuw-West"
    NOORD = "noord", "Noord"
    OOST = "oost", "Oost"
    WEST = "west", "West"
    ZUID = "zuid", "Zuid"
    ZUIDOOST = "zuidoost", "Zuidoost"
    WEESP = "weesp", "Weesp"
    OTHER = "other", _("Elsewhere")


# Free text must stay short: a report is written on a phone in five minutes, and a long field
# invites names and stories that do not belong in it.
SHORT_TEXT = 2000


class Partnership(models.Model):
    """A men's organisation and a women's organisation that run trajectories together.

    Both organisations must agree: a coordinator of one proposes, a coordinator of the other
    accepts (alliance staff may create an accepted one directly). Until then nobody can start a
    trajectory in it or pick the partner's people (pairing with a stranger).
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for the other organisation")
        ACCEPTED = "accepted", _("Accepted by both organisations")

    men_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnerships_as_men",
        limit_choices_to={"kind": Organisation.Kind.MEN},
        verbose_name=_("men's organisation"),
    )
    women_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnerships_as_women",
        limit_choices_to={"kind": Organisation.Kind.WOMEN},
        verbose_name=_("women's organisation"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Accepted by default: rows made before proposals existed, and by alliance staff in /admin/.
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACCEPTED)
    proposed_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    is_demo = models.BooleanField(_("fictional demo data"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["men_organisation__name", "women_organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["men_organisation", "women_organisation"], name="one_partnership_per_pair"
            )
        ]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return f"{self.men_organisation} + {self.women_organisation}"

    @property
    def organisations(self) -> tuple[Organisation, Organisation]:
        return (self.men_organisation, self.women_organisation)


class Trajectory(models.Model):
    """A series of meetings of one method, run by a partnership in a district over a period."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    name = models.CharField(
        _("name"), max_length=120, help_text=_("For example: Noord, spring 2026. No names of participants.")
    )
    method = models.ForeignKey(
        "toolkit.Method", on_delete=models.PROTECT, related_name="trajectories", verbose_name=_("method")
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="trajectories", verbose_name=_("partnership")
    )
    district = models.CharField(_("district"), max_length=16, choices=District.choices)
    starts_on = models.DateField(_("first meeting"))
    ends_on = models.DateField(_("last meeting"), null=True, blank=True)
    # Language codes (nl, ar, tr, so, prs, zgh, ...): the languages the group works in.
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    # The trainer debriefs the reports; trainer and coordinator are the two people who see and
    # act on a safety signal (DESIGN.md §3). Required in the form; nullable so that deleting an
    # account does not delete a trajectory.
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trajectories_as_trainer",
        verbose_name=_("trainer"),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trajectories_as_coordinator",
        verbose_name=_("coordinator"),
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="trajectories", verbose_name=_("facilitators")
    )
    is_demo = models.BooleanField(_("fictional demo data"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="trajectory_ends_after_start",
            )
        ]
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    """One meeting of a trajectory. Attendance is counts only, never names."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        # Method 1 closes with a joint dialogue of the men and the women: planned like a session.
        CLOSING_DIALOGUE = "closing", _("Closing joint dialogue")

    class Place(models.TextChoices):
        LIVING_ROOM = "living_room", _("Living room")
        COMMUNITY_CENTRE = "community_centre", _("Community centre")
        NEIGHBOURHOOD_ROOM = "neighbourhood_room", _("Neighbourhood room")
        OTHER = "other", _("Other place")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("trajectory")
    )
    number = models.PositiveSmallIntegerField(_("number in the series"), validators=[MinValueValidator(1)])
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.MEETING)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("kind of place"), max_length=24, choices=Place.choices)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="sessions", verbose_name=_("facilitators")
    )
    interpreter_present = models.BooleanField(_("interpreter present"), default=False)
    language = models.CharField(_("language of the session"), max_length=8, default="nl")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    men_count = models.PositiveSmallIntegerField(_("men present"), null=True, blank=True)
    women_count = models.PositiveSmallIntegerField(_("women present"), null=True, blank=True)
    first_time_count = models.PositiveSmallIntegerField(
        _("of whom here for the first time"), null=True, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["trajectory", "number"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "number"], name="one_session_per_number"),
            models.CheckConstraint(
                condition=Q(first_time_count__isnull=True)
                | Q(first_time_count__lte=F("men_count") + F("women_count")),
                name="first_time_within_attendance",
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="session_status_start")]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.trajectory} #{self.number}"

    @property
    def attendance(self) -> int | None:
        if self.men_count is None and self.women_count is None:
            return None
        return (self.men_count or 0) + (self.women_count or 0)


class SignalAction(models.TextChoices):
    """What the trainer or coordinator did after a safety signal."""

    CONTACTED = "contacted", _("Contacted the facilitator and agreed on what to do")
    REFERRED = "referred", _("Referred to help")
    NO_ACTION = "no_action", _("No action needed")


class SessionReport(models.Model):
    """What the facilitator writes down after a session, and the trainer's debrief of it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        DISCUSSED = "discussed", _("Discussed")

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="report")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="session_reports"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    # The browser makes one key per report form; a second submit with the same key is the same
    # submission (a double tap, or a queued retry after the connection came back).
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    themes = models.ManyToManyField("toolkit.Theme", blank=True, verbose_name=_("themes discussed"))
    statements = models.ManyToManyField("toolkit.Statement", blank=True, verbose_name=_("statements used"))
    outcomes = models.TextField(_("main outcomes"), max_length=SHORT_TEXT, blank=True)
    quotes = models.TextField(_("anonymised quotes"), max_length=SHORT_TEXT, blank=True)
    atmosphere = models.PositiveSmallIntegerField(
        _("how safe and open was the atmosphere (1-5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    followup_financial = models.BooleanField(_("follow-up: financial information"), default=False)
    followup_referral = models.BooleanField(_("follow-up: referral to help"), default=False)
    safety_signal = models.BooleanField(_("safety signal"), default=False)
    # What the trainer or coordinator did about the signal. The signal stays on their lists until
    # this is recorded; discussing the report does not close it.
    signal_action = models.CharField(
        _("action taken on the safety signal"), max_length=16, choices=SignalAction.choices, blank=True
    )
    signal_referred_to = models.CharField(
        _("referred to"),
        max_length=120,
        blank=True,
        help_text=_("An organisation or service, for example Veilig Thuis. No names of participants."),
    )
    signal_action_on = models.DateField(_("action taken on"), null=True, blank=True)
    signal_action_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reflection = models.TextField(_("your reflection"), max_length=SHORT_TEXT, blank=True)
    # Totals sent by the session companion (turns, speaking time, share, statements used): counts
    # only, never a seat or an initial. Written by companion's service, shown prefilled here.
    companion_totals = models.JSONField(_("session companion totals"), default=dict, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    debriefed_on = models.DateField(_("discussed on"), null=True, blank=True)
    debrief_notes = models.TextField(_("debrief notes"), max_length=SHORT_TEXT, blank=True)
    debriefed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["status"], name="report_status")]
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    def __str__(self) -> str:
        return f"{_('Report')} {self.session}"


class FacilitatorRecruitment(models.Model):
    """A facilitator recruited by an organisation against the toolkit's four criteria."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        RECRUITED = "recruited", _("Recruited")
        NOT_NOW = "not_now", _("Not now")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="recruitments", verbose_name=_("organisation")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recruitments",
        verbose_name=_("facilitator"),
    )
    criteria_met = models.ManyToManyField(
        "toolkit.RecruitmentCriterion", blank=True, verbose_name=_("criteria met")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CANDIDATE)
    recorded_on = models.DateField(_("date"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "facilitator"], name="one_recruitment_per_org")
        ]
        verbose_name = _("facilitator recruitment")
        verbose_name_plural = _("facilitator recruitments")

    def __str__(self) -> str:
        return f"{self.facilitator} @ {self.organisation} ({self.status})"


class Training(models.Model):
    """One of the two half-days of facilitator training, and who attended."""

    class Part(models.IntegerChoices):
        FIRST = 1, _("First half-day")
        SECOND = 2, _("Second half-day")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="trainings", verbose_name=_("organisation")
    )
    part = models.PositiveSmallIntegerField(_("part"), choices=Part.choices)
    held_on = models.DateField(_("date"))
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="trainings_given",
        verbose_name=_("trainer"),
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="trainings", verbose_name=_("attended")
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return f"{self.organisation} {self.held_on} ({self.part})"


class Intervision(models.Model):
    """Trainers and facilitators meet to learn from their sessions; short notes, no names."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="intervisions", verbose_name=_("organisation")
    )
    held_on = models.DateField(_("date"))
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="intervisions", verbose_name=_("who took part")
    )
    notes = models.TextField(_("short notes"), max_length=SHORT_TEXT, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("intervision meeting")
        verbose_name_plural = _("intervision meetings")

    def __str__(self) -> str:
        return f"{self.organisation} {self.held_on}"
