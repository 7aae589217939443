"""State changes of monitoring: named, keyword-only, atomic, audited (STYLE.md)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction
from samensterk.toolkit.models import Statement

from .models import EarlierCount, QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireRound
from .queries import Filters

# Phones may answer for half a day after the round is opened: long enough for a late meeting,
# short enough that a link passed on afterwards no longer works.
ROUND_OPEN_FOR = dt.timedelta(hours=12)
STATEMENTS_PER_ROUND = 5


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
    """A questionnaire cannot be opened; the message is for the user."""


def statements_for_trajectory(trajectory) -> list[Statement]:
    """The statements a trajectory asks about: its method's, in the toolkit's order."""
    return list(trajectory.method.statements.order_by("order", "slug")[:STATEMENTS_PER_ROUND])


def questionnaire_open(*, session, moment: str, actor) -> QuestionnaireRound:
    """Open the questionnaire of ``session`` at ``moment`` (first or last meeting).

    The last meeting asks the statements of the first so that the two can be compared.
    """
    from django.utils.translation import gettext as _

    with transaction.atomic():
        existing = QuestionnaireRound.objects.filter(session=session, moment=moment).first()
        if existing:
            existing.expires_at = timezone.now() + ROUND_OPEN_FOR
            existing.save(update_fields=["expires_at"])
            round_ = existing
        else:
            first = (
                QuestionnaireRound.objects.filter(
                    session__trajectory=session.trajectory, moment=QuestionnaireRound.Moment.FIRST
                )
                .exclude(session=session)
                .first()
            )
            statements = (
                list(first.statements.all()) if first else statements_for_trajectory(session.trajectory)
            )
            if not statements:
                raise QuestionnaireError(
                    _("The method of this trajectory has no statements to ask about yet.")
                )
            round_ = QuestionnaireRound.objects.create(
                session=session, moment=moment, expires_at=timezone.now() + ROUND_OPEN_FOR, created_by=actor
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


def questionnaire_answer(
    *, round_: QuestionnaireRound, answers: dict[int, int], on_paper: bool = False, actor=None
):
    """Store one person's answers (statement id -> 1..5). No identity is stored, not even a time.

    Answers from phones write no audit row on purpose: the row's timestamp to the second is
    exactly what the response itself leaves out. Paper answers are logged with the facilitator.
    """
    with transaction.atomic():
        response = QuestionnaireResponse.objects.create(round=round_, on_paper=on_paper)
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
