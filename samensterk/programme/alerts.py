"""E-mail alerts to a trajectory's trainer and coordinator.

A submitted report waits for the trainer's debrief, and a safety signal must not wait until
someone next logs in. The e-mail says which meeting and links to the report; it never carries
report text or the signal's details: an e-mail travels through other people's servers and sits
in inboxes on shared phones. Reading the report stays behind the login and its audit row.

Sent after the report's transaction commits (transaction.on_commit): a report that was rolled
back alerts nobody, and a mail server that is slow or down never undoes a saved report.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samensterk.accounts.models import Membership
from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction

from . import team

logger = logging.getLogger("samensterk.security")


def recipients(trajectory) -> list:
    """The trainer and coordinator, while they hold those roles in the partnership, with an address."""
    people = []
    for user, role in (
        (trajectory.trainer, Membership.Role.TRAINER),
        (trajectory.coordinator, Membership.Role.COORDINATOR),
    ):
        if user is None or not user.email or user in people:
            continue
        if user.pk in team.holders(trajectory.partnership, role, [user]):
            people.append(user)
    return people


def _message(report, user) -> EmailMessage:
    session = report.session
    trajectory = session.trajectory
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        url = settings.SITE_URL + reverse("programme:report", kwargs={"pk": session.pk})
        names = {"number": session.number, "trajectory": trajectory.name}
        if report.safety_signal:
            subject = _("Safety signal: meeting %(number)s of %(trajectory)s") % names
            lead = (
                _(
                    "A facilitator marked a safety signal in the report of meeting %(number)s of "
                    "%(trajectory)s. Please read the report and act on it."
                )
                % names
            )
        else:
            subject = _("A report waits for debrief: meeting %(number)s of %(trajectory)s") % names
            lead = (
                _("The report of meeting %(number)s of %(trajectory)s was submitted and waits for debrief.")
                % names
            )
        body = "\n\n".join(
            [
                lead,
                _("Open the report (you log in first): %(url)s") % {"url": url},
                _("This e-mail holds no report text on purpose."),
            ]
        )
    return EmailMessage(subject=subject, body=body, to=[user.email])


def report_alert_send(*, report) -> int:
    """Send the alert for a submitted report now; returns how many e-mails went out.

    Failures are logged, never raised: the report is already saved, and the trainer and
    coordinator still find it on their "My work" page."""
    people = recipients(report.session.trajectory)
    if not people:
        return 0
    try:
        with get_connection() as connection:
            sent = connection.send_messages([_message(report, user) for user in people]) or 0
    except Exception:  # an unreachable or refusing mail server: a passing fault, not a lost report
        logger.warning("alert e-mail failed", extra={"event": "alert.failed", "report_id": report.pk})
        return 0
    audit_record(
        actor=None,
        action=AuditAction.ALERT_EMAIL,
        obj=report,
        organisation=report.session.trajectory.partnership.men_organisation,
        detail={"recipients": sent, "safety_signal": report.safety_signal},
    )
    return sent


def report_alert_after_commit(*, report) -> None:
    """Called by services.report_submit inside its transaction."""
    transaction.on_commit(lambda: report_alert_send(report=report))
