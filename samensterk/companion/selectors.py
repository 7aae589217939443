"""Reads for the session companion: the cards of a session's decks and its trajectory's agreements."""

from __future__ import annotations

from dataclasses import dataclass

from samensterk.programme.models import Session, Trajectory
from samensterk.toolkit import selectors as toolkit
from samensterk.toolkit.models import MeetingPlan, Question, WorkForm

from .models import Agreements

SOURCE_LANGUAGE = toolkit.SOURCE_LANGUAGE
# The work form whose questions make the second deck (content/workforms/<slug>.yaml).
HOUSE_WORKFORM = "huis-van-vroeger-huis-van-nu"


@dataclass(frozen=True)
class Card:
    """One card of a deck: the Dutch text, and beside it the participants' language when translated."""

    key: str  # the statement slug (what the totals report as used) or "q-<pk>" for a question
    dutch: str
    text: str  # in ``language``; empty when there is no translation
    language: str
    is_draft: bool


def participants_language(session: Session) -> str:
    """The language shown beside Dutch: the session's own, else the trajectory's first non-Dutch one.

    Returns "nl" when the group works in Dutch only (the cards then show Dutch alone).
    """
    if session.language and session.language != SOURCE_LANGUAGE:
        return session.language
    for code in session.trajectory.languages or []:
        if code and code != SOURCE_LANGUAGE:
            return code
    return SOURCE_LANGUAGE


def _cards(rows, key, language: str) -> list[Card]:
    cards = []
    for row in toolkit.localize(rows, language):
        translated = language != SOURCE_LANGUAGE and row.lang_of("text") == language
        cards.append(
            Card(
                key=key(row.obj),
                dutch=row.obj.text,
                text=row.text if translated else "",
                language=language,
                is_draft=translated and row.is_draft,
            )
        )
    return cards


def statement_cards(session: Session, language: str) -> list[Card]:
    """The statements chosen in the session's meeting plan, else its method's statements."""
    return _cards(list(toolkit.statements_for_session(session)), lambda s: s.slug, language)


def question_cards(session: Session, language: str) -> list[Card]:
    """The "Huis van vroeger, Huis van nu" questions: those chosen in the meeting plan, else all."""
    workform = WorkForm.objects.filter(slug=HOUSE_WORKFORM).first()
    if workform is None:
        return []
    rows = Question.objects.filter(workform=workform)
    chosen = rows.filter(
        pk__in=MeetingPlan.questions.through.objects.filter(meetingplan__session=session).values(
            "question_id"
        )
    )
    if chosen.exists():
        rows = chosen
    return _cards(list(rows.order_by("order", "slug")), lambda q: f"q-{q.pk}", language)


def agreements_of(trajectory: Trajectory) -> Agreements | None:
    return Agreements.objects.filter(trajectory=trajectory).select_related("changed_by").first()
