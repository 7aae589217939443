"""State changes of the toolkit app: keeping a meeting plan for a session."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samensterk.access import session_for
from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction

from .models import Meeting, MeetingPlan, Question, Statement
from .plan import Block


@transaction.atomic
def meeting_plan_save(
    *,
    actor,
    session_pk: int,
    meeting: Meeting,
    blocks: list[Block],
    statements: list[Statement],
    questions: list[Question],
    date: dt.date | None = None,
    place: str = "",
    group: str = "",
) -> MeetingPlan:
    """Keep (or replace) the plan of session ``session_pk``.

    Http404 when the actor may not see the session; PermissionDenied when they may read it but
    neither manage the trajectory nor facilitate the session; ValidationError when the meeting
    belongs to another method than the session's trajectory.
    """
    session, can = session_for(actor, session_pk)
    if not (can.edit or can.write_report):
        raise PermissionDenied
    if session.trajectory.method_id != meeting.method_id:
        raise ValidationError(_("This session belongs to a trajectory of another method."))
    plan, created = MeetingPlan.objects.update_or_create(
        session=session,
        defaults={
            "method": meeting.method,
            "meeting_number": meeting.number,
            "date": date,
            "place": place,
            "group": group,
            "blocks": [b.stored() for b in blocks],
            "created_by": actor,
        },
    )
    plan.statements.set(statements)
    plan.questions.set(questions)
    audit_record(
        actor=actor,
        action=AuditAction.MEETING_PLAN_SAVE,
        obj=plan,
        organisation=session.trajectory.partnership.men_organisation,
        detail={
            "session": session.pk,
            "meeting": meeting.number,
            "blocks": len(blocks),
            "statements": len(statements),
            "questions": len(questions),
            "created": created,
        },
    )
    return plan
