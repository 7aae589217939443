"""State changes of monitoring: named, keyword-only, atomic, audited (STYLE.md)."""

from __future__ import annotations

import datetime as dt
import math

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction
from samensterk.programme.models import Session, SessionReport
from samensterk.toolkit.models import MeetingPlan, Statement

from .models import EarlierCount, QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireRound
from .own_statements import own_statements
from .queries import Filters, Quarter
from .stamps import stamps_bump

# Beside the app's own set (own_statements.py), at most this many of the meeting's own statements.
MEETING_STATEMENTS = 3
# Answers one round takes: about the group, with room for latecomers and a repeated tap, never
# fewer than ROUND_MIN_ANSWERS (a first meeting's group size is not known yet). A script that
# floods the link meets this limit; a real group of ~20 phones never does.
ROUND_MIN_ANSWERS = 30
ROUND_GROUP_FACTOR = 1.5


def export_record(*, actor, kind: str, filters: Filters, organisation=None) -> None:
    """Log an export of the (suppressed) aggregates: which format and which filters, no figures."""
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        organisation=organisation,
        detail={
            "kind": kind,
            "district": filters.district,
            "quarter": str(filters.quarter) if filters.quarter else "",
            "method": filters.method,
            "partnership": filters.partnership,
        },
    )


class QuestionnaireError(ValueError):
    """A questionnaire cannot be opened or answered; the message is for the user."""


class QuestionnaireFull(QuestionnaireError):
    """The round took as many answers as its group can give."""


def statements_for_session(session) -> list[Statement]:
    """What a questionnaire asks at ``session``: the meeting's own statements (the ones planned for
    it, at most MEETING_STATEMENTS) and the app's fixed awareness set, which every trajectory asks
    whatever its method."""
    own = own_statements()
    own_ids = {s.pk for s in own}
    meeting = [s for s in _meeting_statements(session) if s.pk not in own_ids]
    return meeting[:MEETING_STATEMENTS] + own


def _meeting_statements(session) -> list[Statement]:
    """The statements of the meeting's plan, else those its report says were used."""
    plan = MeetingPlan.objects.filter(session=session).first()
    if plan is not None and plan.statements.exists():
        return list(plan.statements.order_by("order", "slug"))
    report = SessionReport.objects.filter(session=session).first()
    return list(report.statements.order_by("order", "slug")) if report else []


def meeting_day_end(session) -> dt.datetime:
    """The end of the meeting's day (local time): the short link works until then, not after."""
    day = timezone.localtime(session.starts_at).date() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def round_answer_limit(round_: QuestionnaireRound) -> int:
    """How many answers ``round_`` takes: about its group (the largest attendance the trajectory
    counted so far), never fewer than ROUND_MIN_ANSWERS."""
    largest = (
        Session.objects.filter(trajectory_id=round_.session.trajectory_id, status="held")
        .annotate(people=F("men_count") + F("women_count"))
        .aggregate(m=Max("people"))["m"]
    )
    return max(ROUND_MIN_ANSWERS, math.ceil((largest or 0) * ROUND_GROUP_FACTOR))


def questionnaire_open(*, session, moment: str, actor) -> QuestionnaireRound:
    """Open the questionnaire of ``session`` at ``moment`` (first or last meeting).

    The last meeting asks the statements of the first so that the two can be compared. Phones can
    answer until the end of the meeting's day; after that only paper answers are typed in.
    """
    with transaction.atomic():
        existing = QuestionnaireRound.objects.filter(session=session, moment=moment).first()
        if existing:
            round_ = existing
        else:
            first = (
                QuestionnaireRound.objects.filter(
                    session__trajectory=session.trajectory, moment=QuestionnaireRound.Moment.FIRST
                )
                .exclude(session=session)
                .first()
            )
            statements = list(first.statements.all()) if first else statements_for_session(session)
            round_ = QuestionnaireRound.objects.create(
                session=session, moment=moment, expires_at=meeting_day_end(session), created_by=actor
            )
            round_.statements.set(statements)
        audit_record(
            actor=actor,
            action=AuditAction.QUESTIONNAIRE_OPEN,
            obj=round_,
            organisation=session.trajectory.partnership.men_organisation,
            detail={"session": session.pk, "moment": moment, "statements": round_.statements.count()},
        )
    return round_


def _awareness_changed(round_: QuestionnaireRound) -> None:
    """The dashboards of the trajectory's questionnaire quarters show a new awareness shift."""
    starts = QuestionnaireRound.objects.filter(
        session__trajectory_id=round_.session.trajectory_id
    ).values_list("session__starts_at", flat=True)
    quarters = {str(Quarter.of(timezone.localtime(start).date())) for start in starts}
    stamps_bump(quarters)
    transaction.on_commit(lambda: stamps_bump(quarters))  # again: a page built meanwhile saw the old data


def questionnaire_void(*, round_: QuestionnaireRound, actor) -> int:
    """Void the answers of ``round_`` (a suspected flood): they stay stored but count nowhere, and
    the link takes no more. Returns how many answers were voided."""
    with transaction.atomic():
        round_ = QuestionnaireRound.objects.select_for_update().get(pk=round_.pk)
        count = round_.responses.count()
        _awareness_changed(round_)
        if round_.voided_at is None:
            round_.voided_at = timezone.now()
            round_.voided_by = actor
            round_.save(update_fields=["voided_at", "voided_by"])
        audit_record(
            actor=actor,
            action=AuditAction.QUESTIONNAIRE_VOID,
            obj=round_,
            organisation=round_.session.trajectory.partnership.men_organisation,
            detail={"session": round_.session_id, "moment": round_.moment, "responses": count},
        )
    return count


def questionnaire_answer(
    *, round_: QuestionnaireRound, answers: dict[int, int], on_paper: bool = False, actor=None
):
    """Store one person's answers (statement id -> 1..5). No identity is stored, not even a time.

    Answers from phones write no audit row on purpose: the row's timestamp to the second is
    exactly what the response itself leaves out. Paper answers are logged with the facilitator.
    """
    with transaction.atomic():
        # The round row locked: two phones at once cannot both take the last place.
        locked = QuestionnaireRound.objects.select_for_update().get(pk=round_.pk)
        if locked.voided_at is not None:
            raise QuestionnaireError(_("These answers were voided; this link takes no more."))
        if not on_paper and locked.responses.filter(on_paper=False).count() >= round_answer_limit(locked):
            raise QuestionnaireFull(_("This questionnaire has as many answers as the group can give."))
        response = QuestionnaireResponse.objects.create(round=round_, on_paper=on_paper)
        _awareness_changed(round_)
        QuestionnaireAnswer.objects.bulk_create(
            QuestionnaireAnswer(response=response, statement_id=sid, value=value)
            for sid, value in answers.items()
        )
        if on_paper:
            audit_record(
                actor=actor,
                action=AuditAction.QUESTIONNAIRE_PAPER,
                obj=round_,
                organisation=round_.session.trajectory.partnership.men_organisation,
                detail={"answers": len(answers)},
            )
    return response


def earlier_counts_import(*, rows: list[dict], actor, organisation=None) -> int:
    """Import validated rows of earlier counts, all or nothing. Returns how many rows."""
    with transaction.atomic():
        created = EarlierCount.objects.bulk_create(
            EarlierCount(imported_by=actor if actor and actor.is_authenticated else None, **row)
            for row in rows
        )
        audit_record(
            actor=actor,
            action=AuditAction.COUNTS_IMPORT,
            organisation=organisation,
            detail={"rows": len(created), "sessions": sum(r["sessions"] for r in rows)},
        )
    return len(created)
