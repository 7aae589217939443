"""The awareness questionnaire's results: per statement, the first and last meeting and the shift.

Answers are anonymous, so the first and last meeting cannot be paired person by person: the shift
is the difference of two independent means with a Welch 95% confidence interval. Nothing is shown
for a statement until at least ``MIN_ANSWERS`` people answered it at both meetings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from samensterk.toolkit.models import Statement
from samensterk.toolkit.selectors import localize

from .models import QuestionnaireAnswer, QuestionnaireRound
from .queries import Quarter

MIN_ANSWERS = 5

# Two-sided 95% quantiles of Student's t by degrees of freedom (1..30); beyond 30 the normal 1.96
# is within 0.05 of the true value.
_T975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
]  # fmt: skip


def t_quantile(df: float) -> float:
    if df >= 30:
        return 1.96 if df > 120 else 2.0
    return _T975[max(int(math.floor(df)), 1) - 1]  # floor: the conservative (wider) side


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None
    var: float | None


def _summary(counts: dict[int, int]) -> Summary:
    n = sum(counts.values())
    if n == 0:
        return Summary(0, None, None)
    mean = sum(v * c for v, c in counts.items()) / n
    var = sum(c * (v - mean) ** 2 for v, c in counts.items()) / (n - 1) if n > 1 else 0.0
    return Summary(n, mean, var)


@dataclass(frozen=True)
class Shift:
    value: float
    low: float
    high: float


def welch_shift(first: Summary, last: Summary) -> Shift | None:
    """last - first with a 95% interval; None under MIN_ANSWERS on either side."""
    if first.n < MIN_ANSWERS or last.n < MIN_ANSWERS:
        return None
    diff = last.mean - first.mean
    a, b = first.var / first.n, last.var / last.n
    se = math.sqrt(a + b)
    if se == 0:
        return Shift(diff, diff, diff)
    df = (a + b) ** 2 / ((a * a) / (first.n - 1) + (b * b) / (last.n - 1))
    margin = t_quantile(df) * se
    return Shift(diff, diff - margin, diff + margin)


@dataclass(frozen=True)
class StatementResult:
    statement: object  # a Localized statement
    first: Summary
    last: Summary
    shift: Shift | None

    @property
    def shown(self) -> bool:
        return self.shift is not None

    @property
    def first_shown(self) -> bool:
        return self.first.n >= MIN_ANSWERS

    @property
    def last_shown(self) -> bool:
        return self.last.n >= MIN_ANSWERS


def awareness_results(trajectory, language: str | None = None) -> dict:
    """Rounds, response counts and per-statement results of ``trajectory`` (four queries)."""
    rounds = list(
        QuestionnaireRound.objects.filter(session__trajectory=trajectory)
        .select_related("session")
        .annotate(responses_n=Count("responses", distinct=True))
    )
    counts: dict[tuple[str, int], dict[int, int]] = {}
    statement_ids: list[int] = []
    for row in (
        QuestionnaireAnswer.objects.filter(
            response__round__session__trajectory=trajectory, response__round__voided_at__isnull=True
        )
        .values("response__round__moment", "statement_id", "value")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = (row["response__round__moment"], row["statement_id"])
        counts.setdefault(key, {})[row["value"]] = row["n"]
        if row["statement_id"] not in statement_ids:
            statement_ids.append(row["statement_id"])
    statements = localize(Statement.objects.filter(pk__in=statement_ids).order_by("order", "slug"), language)
    results = []
    for st in statements:
        first = _summary(counts.get((QuestionnaireRound.Moment.FIRST, st.pk), {}))
        last = _summary(counts.get((QuestionnaireRound.Moment.LAST, st.pk), {}))
        results.append(StatementResult(statement=st, first=first, last=last, shift=welch_shift(first, last)))
    return {"rounds": rounds, "results": results, "min_answers": MIN_ANSWERS}


# --- the awareness shift for funders: by method, district and quarter ---------------------------
# Agreement is the share answering 4 or 5 ("agree", "agree strongly"). First and last meeting are
# independent samples (the answers are anonymous), so the shift is a difference of two
# proportions with Newcombe's interval (hybrid score, from two Wilson intervals), which keeps its
# promised 95% at the small numbers of one group, where the textbook (Wald) interval does not.
AGREE_FROM = 4
_Z = 1.959964


def wilson(agree: int, n: int) -> tuple[float, float]:
    """Wilson's 95% interval of a proportion ``agree`` / ``n``."""
    p = agree / n
    centre = (p + _Z * _Z / (2 * n)) / (1 + _Z * _Z / n)
    half = _Z * math.sqrt(p * (1 - p) / n + _Z * _Z / (4 * n * n)) / (1 + _Z * _Z / n)
    return centre - half, centre + half


def newcombe(agree_first: int, n_first: int, agree_last: int, n_last: int) -> Shift:
    """The change in the share agreeing from the first to the last meeting, with its 95% interval
    (Newcombe 1998, method 10)."""
    p1, p2 = agree_first / n_first, agree_last / n_last
    l1, u1 = wilson(agree_first, n_first)
    l2, u2 = wilson(agree_last, n_last)
    d = p2 - p1
    return Shift(
        d,
        d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
        d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
    )


@dataclass(frozen=True)
class StatementShift:
    text: str
    n_first: int
    n_last: int
    shift: Shift

    @property
    def tenths(self) -> int:
        """The shift as "N in 10" (negative: fewer agreed)."""
        return round(self.shift.value * 10)

    @property
    def tenths_low(self) -> int:
        return math.floor(self.shift.low * 10)

    @property
    def tenths_high(self) -> int:
        return math.ceil(self.shift.high * 10)


@dataclass(frozen=True)
class AwarenessGroup:
    method: str
    district: str
    quarter: str
    men_only: bool  # the method works with men only: the sentence says "men"
    statements: list[StatementShift]


def awareness_groups(organisation_ids, filters, *, methods: dict, districts: dict) -> list[AwarenessGroup]:
    """Per method, district and quarter (of the last meeting): the shift per statement, only where
    both the first and the last meeting have at least MIN_ANSWERS answers to it. Trajectories
    with both rounds (not voided) count; two queries and one for the statements' translations."""
    from django.db.models import Q

    rounds = QuestionnaireRound.objects.filter(voided_at__isnull=True).select_related(
        "session__trajectory__method"
    )
    if organisation_ids is not None:
        rounds = rounds.filter(
            Q(session__trajectory__partnership__men_organisation_id__in=organisation_ids)
            | Q(session__trajectory__partnership__women_organisation_id__in=organisation_ids)
        )
    if filters.district:
        rounds = rounds.filter(session__trajectory__district=filters.district)
    if filters.method:
        rounds = rounds.filter(session__trajectory__method__slug=filters.method)
    if filters.partnership:
        rounds = rounds.filter(session__trajectory__partnership_id=filters.partnership)
    by_trajectory: dict[int, dict[str, QuestionnaireRound]] = {}
    for round_ in rounds:
        by_trajectory.setdefault(round_.session.trajectory_id, {})[round_.moment] = round_
    group_of: dict[int, tuple] = {}  # round id -> group key
    meta: dict[tuple, bool] = {}
    for moments in by_trajectory.values():
        first, last = (
            moments.get(QuestionnaireRound.Moment.FIRST),
            moments.get(QuestionnaireRound.Moment.LAST),
        )
        if not (first and last):
            continue
        trajectory = last.session.trajectory
        quarter = Quarter.of(timezone.localtime(last.session.starts_at).date())
        if filters.quarter and quarter != filters.quarter:
            continue
        key = (trajectory.method_id, trajectory.district, str(quarter))
        meta[key] = trajectory.method.composition == "men"
        group_of[first.pk] = key
        group_of[last.pk] = key
    if not group_of:
        return []
    counts: dict[tuple, list[int]] = {}  # (group, statement, moment) -> [answers, agreeing]
    for row in (
        QuestionnaireAnswer.objects.filter(response__round_id__in=list(group_of))
        .values("response__round_id", "response__round__moment", "statement_id")
        .annotate(n=Count("pk"), agree=Count("pk", filter=Q(value__gte=AGREE_FROM)))
        .order_by()
    ):
        key = (group_of[row["response__round_id"]], row["statement_id"], row["response__round__moment"])
        total = counts.setdefault(key, [0, 0])
        total[0] += row["n"]
        total[1] += row["agree"]
    statement_ids = sorted({s for (_g, s, _m) in counts})
    texts = {
        st.pk: st.text
        for st in localize(Statement.objects.filter(pk__in=statement_ids).order_by("order", "slug"), None)
    }
    order = list(texts)
    groups = []
    for key in sorted(meta, key=lambda k: (str(methods.get(k[0], "")), str(districts.get(k[1], k[1])), k[2])):
        shifts = []
        for sid in order:
            n1, a1 = counts.get((key, sid, QuestionnaireRound.Moment.FIRST), (0, 0))
            n2, a2 = counts.get((key, sid, QuestionnaireRound.Moment.LAST), (0, 0))
            if n1 >= MIN_ANSWERS and n2 >= MIN_ANSWERS:
                # Quoted inside a sentence that ends with its own full stop.
                text = texts[sid].rstrip().rstrip(".")
                shifts.append(StatementShift(text, n1, n2, newcombe(a1, n1, a2, n2)))
        if shifts:
            groups.append(
                AwarenessGroup(
                    method=str(methods.get(key[0], "")),
                    district=str(districts.get(key[1], key[1])),
                    quarter=key[2],
                    men_only=meta[key],
                    statements=shifts,
                )
            )
    return groups
