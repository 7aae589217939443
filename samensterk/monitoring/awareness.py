"""The awareness questionnaire's results: per statement, the first and last meeting and the shift.

Answers are anonymous, so the first and last meeting cannot be paired person by person: the shift
is the difference of two independent means with a Welch 95% confidence interval. Nothing is shown
for a statement until at least ``MIN_ANSWERS`` people answered it at both meetings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count

from samensterk.toolkit.selectors import localize

from .models import QuestionnaireAnswer, QuestionnaireRound

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
    from samensterk.toolkit.models import Statement

    statements = localize(Statement.objects.filter(pk__in=statement_ids).order_by("order", "slug"), language)
    results = []
    for st in statements:
        first = _summary(counts.get((QuestionnaireRound.Moment.FIRST, st.pk), {}))
        last = _summary(counts.get((QuestionnaireRound.Moment.LAST, st.pk), {}))
        results.append(StatementResult(statement=st, first=first, last=last, shift=welch_shift(first, last)))
    return {"rounds": rounds, "results": results, "min_answers": MIN_ANSWERS}
