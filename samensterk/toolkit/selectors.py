"""Reads for the methods library. Every page gets its rows in the reader's language from here."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, QuerySet, Subquery, prefetch_related_objects
from django.utils.translation import get_language

from samensterk import access

from .models import (
    ContentItem,
    FinancialTool,
    Insight,
    LearningPoint,
    Meeting,
    MeetingPlan,
    Method,
    Principle,
    Question,
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


def localize_lists(*lists: Iterable[ContentItem], language: str | None = None) -> list[list[Localized]]:
    """Like localize, for rows of several models at once, in one query for all translations."""
    lists = [list(objs) for objs in lists]
    language = language or current_language()
    translations: dict[tuple[int, int], Translation] = {}
    if language != SOURCE_LANGUAGE:
        match = Q(pk__in=[])
        for objs in lists:
            if objs:
                ct = ContentType.objects.get_for_model(objs[0])
                match |= Q(content_type=ct, object_id__in=[o.pk for o in objs])
        translations = {
            (t.content_type_id, t.object_id): t for t in Translation.objects.filter(match, language=language)
        }
    result = []
    for objs in lists:
        ct_id = ContentType.objects.get_for_model(objs[0]).pk if objs else None
        result.append([Localized(o, language, translations.get((ct_id, o.pk))) for o in objs])
    return result


def localize_one(obj: ContentItem, language: str | None = None) -> Localized:
    return localize([obj], language)[0]


def statements_filtered(
    *, method: str = "", theme: str = "", audience: str = "", query: str = ""
) -> list[Statement]:
    """The statement bank, filtered, with themes and methods prefetched. The search finds
    statements holding every word of ``query`` in the Dutch text or the reader's translation."""
    qs = Statement.objects.all()
    if method:
        qs = qs.filter(methods__slug=method)
    if theme:
        qs = qs.filter(themes__slug=theme)
    if audience:
        qs = qs.filter(audience__in=AUDIENCE_MATCHES.get(audience, (audience,)))
    qs = qs.distinct().order_by("order", "slug")
    words = search_words(query)
    if words:
        # The bank is a few dozen statements: fetch them with their translation in one query and
        # compare in Python, the same on SQLite and PostgreSQL (accents and case folded).
        language = current_language()
        if language != SOURCE_LANGUAGE:
            ct = ContentType.objects.get_for_model(Statement)
            translated = Translation.objects.filter(
                content_type=ct, language=language, object_id=OuterRef("pk")
            )
            qs = qs.annotate(translated_text=Subquery(translated.values("fields__text")[:1]))
        rows = [
            s
            for s in qs
            if all(w in f"{fold(s.text)} {fold(getattr(s, 'translated_text', None) or '')}" for w in words)
        ]
    else:
        rows = list(qs)
    prefetch_related_objects(rows, "themes", "methods")
    return rows


def search_words(text: str) -> list[str]:
    """The words of a search, lower case and without accents ("Één vrouw" -> ["een", "vrouw"]);
    a word may be part of a longer one ("vrouw" finds "vrouwen")."""
    return fold(text).split()


def fold(text: str) -> str:
    """Lower case, accents dropped: how the search compares (so "een" finds "één")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def methods_and_themes(language: str | None = None) -> tuple[list[Localized], list[Localized]]:
    """The statement bank's method and theme filters, their translations in one query."""
    methods, themes = localize_lists(
        Method.objects.order_by("order", "slug"), Theme.objects.order_by("order", "slug"), language=language
    )
    return methods, themes


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


# --- Reads the library's views need (no ORM in views.py) ----------------------------------------


def method_or_none(slug: str) -> Method | None:
    return Method.objects.filter(slug=slug).first() if slug else None


def method_workforms(method: Method, language: str | None = None) -> list[Localized]:
    return localize(method.workforms.order_by("order", "slug"), language)


def method_statement_count(method: Method) -> int:
    return method.statements.count()


def method_uses_statements(method: Method) -> bool:
    """Whether the toolkit says the method works with statements (methods 1, 3 and 4): its work
    forms, which come from the toolkit, include working with statements."""
    return method.workforms.filter(slug="stellingen-en-bal").exists()


def step_workforms(step, language: str | None = None) -> list[Localized]:
    return workforms_with_questions(step.workforms.all(), language)


def step_get(method: Method, slug: str):
    """The step ``slug`` of ``method``; raises MethodStep.DoesNotExist."""
    return method.steps.get(slug=slug)


def workform_detail(workform: WorkForm, language: str | None = None) -> Localized:
    return workforms_with_questions(WorkForm.objects.filter(pk=workform.pk), language)[0]


def workform_methods(workform: WorkForm, language: str | None = None) -> list[Localized]:
    return localize(workform.methods.order_by("order", "slug"), language)


def workform_questions(workform: WorkForm) -> list[Question]:
    return list(workform.questions.order_by("order", "slug"))


def workforms_by_slugs(slugs: Iterable[str], language: str | None = None) -> list[Localized]:
    return workforms_with_questions(WorkForm.objects.filter(slug__in=[s for s in slugs if s]), language)


def plan_statements(method: Method) -> list[Statement]:
    """Every statement of the toolkit for the plan builder, the method's own first."""
    return sorted(
        Statement.objects.prefetch_related("methods"),
        key=lambda s: (method not in s.methods.all(), s.order, s.slug),
    )


def plan_questions(method: Method, workform_slugs: Iterable[str] = ()) -> list[Question]:
    """Every question of the toolkit for the plan builder: those of the method's work forms and of
    the work forms in its programme first, then the rest (the "eigen normen en waarden" questions
    too), so every block the app suggests can be filled with its content."""
    first = set(method.workforms.values_list("slug", flat=True)) | set(workform_slugs)
    questions = Question.objects.select_related("workform").order_by(
        "workform__order", "workform__slug", "order", "slug"
    )
    return sorted(questions, key=lambda q: q.workform.slug not in first)


def keepable_sessions(user, method: Method) -> list:
    """Sessions of the user's trajectories of this method, for "keep this plan for a session"."""
    if not user.is_authenticated:
        return []
    return list(
        access.visible_sessions(user)
        .filter(trajectory__method=method)
        .select_related("trajectory")
        .order_by("starts_at")
    )


def kept_plan_choices(plan: MeetingPlan) -> tuple[list[str], list[str]]:
    """The statement slugs and question pks of a kept plan, as the plan form takes them."""
    return [s.slug for s in plan.statements.all()], [str(q.pk) for q in plan.questions.all()]


# Which statements an audience option finds. "all" is for groups of men and for mixed groups (the
# toolkit uses s001-s005 in method 1's conversations with men and in its mixed closing session);
# there are no women's groups in the toolkit's methods.
AUDIENCE_MATCHES = {
    Statement.Audience.MEN: (Statement.Audience.MEN, Statement.Audience.ALL),
    Statement.Audience.WOMEN: (Statement.Audience.WOMEN,),
    Statement.Audience.MIXED: (Statement.Audience.MIXED, Statement.Audience.ALL),
}


def audience_options() -> list[tuple[str, str]]:
    """The audience filter's options: only groups that some statement is for (never an empty one)."""
    used = set(Statement.objects.order_by().values_list("audience", flat=True).distinct())
    return [
        (value, label)
        for value, label in Statement.Audience.choices
        if value in AUDIENCE_MATCHES and used & set(AUDIENCE_MATCHES[value])
    ]


# --- From a session to its meeting plan ---------------------------------------------------------

# Method 1's sessions are its series of living-room conversations, all prepared as the one meeting
# the toolkit describes for them; its closing dialogue is the session kind "closing".
SERIES_MEETING = {"huiskamergesprekken": 3}


def meeting_number_for_session(session) -> int | None:
    """The meeting of the toolkit that ``session`` is, or None when there is no such meeting."""
    method = session.trajectory.method
    numbers = {m.number: m.extra for m in method.meetings.all()}  # prefetched by the lists that link it
    core = [n for n, extra in numbers.items() if not extra]
    if session.kind == "closing" and core:
        return max(core)
    if method.slug in SERIES_MEETING:
        return SERIES_MEETING[method.slug]
    return session.number if session.number in numbers else None


def next_sessions(user) -> list:
    """The user's next planned sessions (as on "My work"), for the prepare page."""
    # Inside the function: programme/selectors.py imports this module (localize) at its top.
    from samensterk.programme.selectors import next_sessions_for

    return list(next_sessions_for(user)) if user.is_authenticated else []


def methods_with_meetings(language: str | None = None) -> list[Localized]:
    """Every method, each with ``meetings_localized``: its meetings in the same language."""
    methods = list(Method.objects.prefetch_related("meetings").order_by("order", "slug"))
    rows = localize(methods, language)
    meetings = localize([m for method in methods for m in method.meetings.all()], language)
    for row in rows:
        row.meetings_localized = sorted(
            (m for m in meetings if m.obj.method_id == row.obj.pk), key=lambda m: m.number
        )
    return rows


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
