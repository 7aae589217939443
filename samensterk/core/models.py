"""The audit log: who did or read what, when (DESIGN.md §3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """Every action the log knows. The one writer (core/audit.py) refuses anything else.

    Kept off the database column on purpose: adding an action is a code change, not a migration,
    so parallel work on different apps never collides on core's migrations.
    """

    TOOLKIT_LOAD = "toolkit.load", _("toolkit content loaded")
    DEMO_LOAD = "demo.load", _("demo data loaded")
    PARTNERSHIP_CREATE = "partnership.create", _("partnership created")
    PARTNERSHIP_UPDATE = "partnership.update", _("partnership changed")
    PARTNERSHIP_PROPOSE = "partnership.propose", _("partnership proposed")
    PARTNERSHIP_ACCEPT = "partnership.accept", _("partnership accepted")
    TRAJECTORY_CREATE = "trajectory.create", _("trajectory created")
    TRAJECTORY_UPDATE = "trajectory.update", _("trajectory changed")
    TRAJECTORY_MOVE = "trajectory.move", _("trajectory moved to another partnership")
    SESSION_CREATE = "session.create", _("session planned")
    SESSION_UPDATE = "session.update", _("session changed")
    REPORT_DRAFT_SAVE = "report.draft_save", _("report draft saved")
    REPORT_SUBMIT = "report.submit", _("report submitted")
    REPORT_READ = "report.read", _("report text read")
    REPORT_DEBRIEF = "report.debrief", _("report discussed")
    SAFETY_SIGNAL = "report.safety_signal", _("safety signal raised")
    SAFETY_SIGNAL_ACTION = "report.safety_signal_action", _("action on a safety signal recorded")
    RECRUITMENT_RECORD = "facilitator.recruit", _("facilitator recruitment recorded")
    TRAINING_RECORD = "training.record", _("training recorded")
    INTERVISION_RECORD = "intervision.record", _("intervision recorded")
    MEETING_PLAN_SAVE = "meeting_plan.save", _("meeting plan saved")
    AGREEMENTS_SAVE = "agreements.save", _("dialogue agreements saved")
    COMPANION_TOTALS = "companion.totals", _("session companion totals received")
    QUESTIONNAIRE_OPEN = "questionnaire.open", _("questionnaire opened")
    QUESTIONNAIRE_PAPER = "questionnaire.paper", _("paper questionnaire answers entered")
    QUESTIONNAIRE_VOID = "questionnaire.void", _("questionnaire answers voided")
    COUNTS_IMPORT = "counts.import", _("earlier counts imported")
    EXPORT = "export", _("data exported")
    AUDIT_READ = "audit.read", _("audit log read")
    AUDIT_EXPORT = "audit.export", _("audit log exported")
    ALERT_EMAIL = "alert.email", _("e-mail alert sent")
    ORGANISATION_EXPORT = "organisation.export", _("all data of an organisation exported")
    ORGANISATION_DELETE = "organisation.delete", _("all data of an organisation deleted")
    BACKUP = "backup", _("backup made")
    TWO_FACTOR_SETUP = "account.two_factor_setup", _("second login step set up")
    TWO_FACTOR_RESET = "account.two_factor_reset", _("second login step reset")
    RESTORE = "restore", _("backup restored")


class AuditEvent(models.Model):
    """One row per state change or per view/export of sensitive text. Append-only.

    ``detail`` holds counts, ids and field names only: never free text a user typed, never a
    participant's anything.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=64)  # an AuditAction value, checked by the writer
    # The organisation the row belongs to, so an organisation's coordinator and the alliance can
    # read their own part; null for system actions (content loads, backups).
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action} {self.object_type}:{self.object_id}"

    @property
    def action_label(self) -> str:
        try:
            return AuditAction(self.action).label
        except ValueError:
            return self.action
