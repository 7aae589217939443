"""Reads for the methods library. Every page gets its rows in the reader's language from here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from .models import (
    ContentItem,
    FinancialTool,
    Insight,
    LearningPoint,
    Meeting,
    MeetingPlan,
    Method,
    Principle,
    Recommendation,
    RecruitmentCriterion,
    Statement,
    Theme,
    Translation,
    WorkForm,
)

SOURCE_LANGUAGE = "nl"


class Localized:
    """A content row seen in one language: translated fields where there are any, Dutch otherwise.

    ``fallback_fields`` lists the fields shown in Dutch, so a page can mark them (lang="nl").
    ``is_draft`` is true when any shown text comes from an unreviewed translation.
    """

    def __init__(self, obj: ContentItem, language: str, translation: Translation | None):
        self._obj = obj
        self.language = language
        self.translation = translation
        fields = translation.fields if translation else {}
        self._fields = {f: fields[f] for f in obj.translatable_fields if fields.get(f)}
        self.fallback_fields = (
            set()
            if language == SOURCE_LANGUAGE
            else {f for f in obj.translatable_fields if f not in self._fields}
        )
        self.is_draft = bool(translation and self._fields and not translation.reviewed)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._fields:
            return self._fields[name]
        return getattr(self._obj, name)

    @property
    def obj(self) -> ContentItem:
        return self._obj

    def lang_of(self, field: str) -> str:
        """The language a field is shown in (for the lang attribute around it)."""
        return SOURCE_LANGUAGE if field in self.fallback_fields else self.language

    def __str__(self) -> str:
        return str(self._obj)


def localize(objs: Iterable[ContentItem], language: str | None = None) -> list[Localized]:
    """Wrap rows of one model in their translation; one query per call, whatever the count."""
    objs = list(objs)
    language = language or current_language()
    if not objs:
        return []
    translations: dict[int, Translation] = {}
    if language != SOURCE_LANGUAGE:
        ct = ContentType.objects.get_for_model(objs[0])
        translations = {
            t.object_id: t
            for t in Translation.objects.filter(
                content_type=ct, language=language, object_id__in=[o.pk for o in objs]
            )
        }
    return [Localized(o, language, translations.get(o.pk)) for o in objs]


def localize_one(obj: ContentItem, language: str | None = None) -> Localized:
    return localize([obj], language)[0]


def statements_filtered(
    *, method: str = "", theme: str = "", audience: str = "", query: str = ""
) -> QuerySet[Statement]:
    """The statement bank, filtered. The search matches the Dutch text and the reader's translation."""
    qs = Statement.objects.prefetch_related("themes", "methods")
    if method:
        qs = qs.filter(methods__slug=method)
    if theme:
        qs = qs.filter(themes__slug=theme)
    if audience:
        qs = qs.filter(audience=audience)
    query = query.strip()
    if query:
        language = current_language()
        ct = ContentType.objects.get_for_model(Statement)
        translated_ids = Translation.objects.filter(
            content_type=ct, language=language, fields__text__icontains=query
        ).values("object_id")
        qs = qs.filter(Q(text__icontains=query) | Q(pk__in=translated_ids))
    return qs.distinct().order_by("order", "slug")


# --- Pages of the methods library -----------------------------------------------------------
# Each returns rows already localized, in a fixed number of queries whatever the content size.


def current_language() -> str:
    return (get_language() or SOURCE_LANGUAGE).split("-")[0]


def method_list(language: str | None = None) -> list[Localized]:
    return localize(Method.objects.order_by("order", "slug"), language)


def method_get(slug: str) -> Method:
    """The method with this slug; raises Method.DoesNotExist."""
    return Method.objects.get(slug=slug)


def method_steps(method: Method, language: str | None = None) -> list[Localized]:
    return localize(method.steps.order_by("order", "slug"), language)


def workforms_with_questions(workforms: QuerySet[WorkForm], language: str | None = None) -> list[Localized]:
    """Work forms localized, each with ``questions_localized``: its questions in the same language."""
    workforms = list(workforms.prefetch_related("questions").order_by("order", "slug"))
    rows = localize(workforms, language)
    questions = localize([q for wf in workforms for q in wf.questions.all()], language)
    by_workform: dict[int, list[Localized]] = {}
    for q in questions:
        by_workform.setdefault(q.obj.workform_id, []).append(q)
    for row in rows:
        row.questions_localized = by_workform.get(row.obj.pk, [])
    return rows


def workform_list(language: str | None = None) -> list[Localized]:
    return localize(WorkForm.objects.order_by("order", "slug"), language)


def workform_get(slug: str) -> WorkForm:
    """The work form with this slug; raises WorkForm.DoesNotExist."""
    return WorkForm.objects.get(slug=slug)


def theme_list(language: str | None = None) -> list[Localized]:
    return localize(Theme.objects.order_by("order", "slug"), language)


@dataclass
class StatementRow:
    statement: Localized
    themes: list[Localized]
    methods: list[Localized]


def statement_rows(
    statements: Iterable[Statement],
    *,
    themes: list[Localized],
    methods: list[Localized],
    language: str | None = None,
) -> list[StatementRow]:
    """Statements localized with their (already localized) theme and method tags.

    ``statements`` should come from statements_filtered (themes and methods prefetched); the tags are
    looked up in ``themes`` and ``methods``, so this costs one query for the translations.
    """
    statements = list(statements)
    themes_by_pk = {t.obj.pk: t for t in themes}
    methods_by_pk = {m.obj.pk: m for m in methods}
    return [
        StatementRow(
            statement=loc,
            themes=[themes_by_pk[t.pk] for t in s.themes.all() if t.pk in themes_by_pk],
            methods=[methods_by_pk[m.pk] for m in s.methods.all() if m.pk in methods_by_pk],
        )
        for s, loc in zip(statements, localize(statements, language), strict=True)
    ]


def principle_list(language: str | None = None) -> list[Localized]:
    return localize(Principle.objects.order_by("order", "slug"), language)


def recruitment_criterion_list(language: str | None = None) -> list[Localized]:
    return localize(RecruitmentCriterion.objects.order_by("order", "slug"), language)


def learning_points_with_recommendations(language: str | None = None) -> list[Localized]:
    """Learning points, each with ``for_organisations`` and ``for_policy``: its localized recommendations."""
    points = list(LearningPoint.objects.prefetch_related("recommendations").order_by("order", "slug"))
    rows = localize(points, language)
    recs = localize(
        [r for lp in points for r in sorted(lp.recommendations.all(), key=lambda r: (r.order, r.slug))],
        language,
    )
    for row in rows:
        mine = [r for r in recs if r.obj.learning_point_id == row.obj.pk]
        row.for_organisations = [r for r in mine if r.audience == Recommendation.Audience.ORGANISATIONS]
        row.for_policy = [r for r in mine if r.audience == Recommendation.Audience.POLICY]
    return rows


def insight_list(language: str | None = None) -> list[Localized]:
    return localize(Insight.objects.order_by("order", "slug"), language)


def financial_tool_list(language: str | None = None) -> list[Localized]:
    return localize(FinancialTool.objects.order_by("order", "slug"), language)


# --- Meetings and kept plans ----------------------------------------------------------------


def meeting_list(method: Method, language: str | None = None) -> list[Localized]:
    return localize(method.meetings.order_by("number"), language)


def meeting_get(method: Method, number: int) -> Meeting:
    """Meeting ``number`` of ``method``; raises Meeting.DoesNotExist."""
    return method.meetings.get(number=number)


def meeting_plan_for_session(session) -> MeetingPlan | None:
    """The plan kept for ``session`` (the caller got the session through access.session_for)."""
    return MeetingPlan.objects.filter(session=session).prefetch_related("statements", "questions").first()


def statements_for_session(session) -> QuerySet[Statement]:
    """The statements for one session: those chosen in its kept plan, else its method's statements.

    The session companion calls this; ``session`` must come from access.session_for.
    """
    chosen = Statement.objects.filter(
        pk__in=MeetingPlan.statements.through.objects.filter(meetingplan__session=session).values(
            "statement_id"
        )
    )
    if chosen.exists():
        return chosen.order_by("order", "slug")
    return statements_for_method(session.trajectory.method)


def statements_for_method(method) -> QuerySet[Statement]:
    """A method's deck: its own statements; for a method the toolkit gives none of its own, the
    statements the toolkit uses with the same group (a men's group: those for men, e.g. method 3
    borrows method 1's), and with everyone. Never empty while the toolkit has statements."""
    own = Statement.objects.filter(methods=method)
    if own.exists():
        return own.order_by("order", "slug")
    audiences = {method.composition, Statement.Audience.ALL}
    same_group = Statement.objects.filter(audience__in=audiences)
    if same_group.exists():
        return same_group.order_by("order", "slug")
    return Statement.objects.order_by("order", "slug")
