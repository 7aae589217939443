"""The dashboard's queries as QuerySet methods (STYLE.md: djangoproject.com), one grouped query each.

Sessions, reports, themes and facilitators are read from the summary tables (summary.py: one row
per trajectory and quarter), not from the 100,000 sessions themselves: grouping those took most
of a second on SQLite. District, method and partnership come from the trajectory at query time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, F, Max, Min, Q, Sum
from django.utils import timezone

from samensterk.programme.models import Trajectory

from .models import EarlierCount, FacilitatorSummary, SessionSummary, ThemeSummary


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """'2026-Q1' -> Quarter(2026, 1); ValueError otherwise."""
        year, _sep, q = text.strip().upper().partition("-Q")
        quarter = cls(int(year), int(q))
        if not (1 <= quarter.number <= 4 and 2000 <= quarter.year <= 2100):
            raise ValueError(text)
        return quarter

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def start(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.first_day, dt.time()))

    def end(self) -> dt.datetime:
        return self.next().start()


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    quarters, q = [], first
    while q <= last and len(quarters) < 400:  # 100 years: a guard against a corrupt date
        quarters.append(q)
        q = q.next()
    return quarters


@dataclass(frozen=True)
class Filters:
    district: str = ""
    quarter: Quarter | None = None
    method: str = ""  # a method slug
    partnership: int | None = None


class IntSum(Sum):
    """SUM of an integer column, without Django's per-value int() converter: both SQLite and
    PostgreSQL return integers already, and on 10,000 grouped rows the converters cost more than
    the query (benchmarks/bench_dashboard.py)."""

    def get_db_converters(self, connection):
        return []


REACH_SUMS = ["held", "cancelled", "men", "women", "first_time"]
SIGNAL_SUMS = ["reports", "financial", "referral", "safety"]


class SummaryStats(models.QuerySet):
    """Rows of one of the summary tables (summary.py): trajectory, quarter and counts."""

    def in_scope(self, organisation_ids):
        """Rows of the organisations' partnerships (all when None)."""
        if organisation_ids is None:
            return self
        return self.filter(
            Q(trajectory__partnership__men_organisation_id__in=organisation_ids)
            | Q(trajectory__partnership__women_organisation_id__in=organisation_ids)
        )

    def matching(self, filters: Filters):
        q = Q()
        if filters.district:
            q &= Q(trajectory__district=filters.district)
        if filters.method:
            q &= Q(trajectory__method__slug=filters.method)
        if filters.partnership:
            q &= Q(trajectory__partnership_id=filters.partnership)
        if filters.quarter:
            q &= Q(year=filters.quarter.year, quarter=filters.quarter.number)
        return self.filter(q)


class SessionSummaryStats(SummaryStats):
    def reach_rows(self) -> list[tuple]:
        """(district, method id, partnership id, year, quarter, held, cancelled, men, women,
        first time, reports, financial, referral, safety): one tuple per finest group."""
        return list(
            self.order_by()
            .values_list(
                "trajectory__district",
                "trajectory__method_id",
                "trajectory__partnership_id",
                "year",
                "quarter",
            )
            .annotate(*[IntSum(name) for name in REACH_SUMS + SIGNAL_SUMS])
        )

    def quarter_span(self) -> tuple[Quarter | None, Quarter | None]:
        """The first and the last quarter with a session (planned ones too)."""
        index = F("year") * 4 + F("quarter") - 1
        span = self.order_by().aggregate(first=Min(index), last=Max(index))
        return tuple(None if i is None else Quarter(i // 4, i % 4 + 1) for i in (span["first"], span["last"]))


class ThemeSummaryStats(SummaryStats):
    def theme_counts(self) -> list[tuple[int, int]]:
        """(theme id, submitted reports that ticked it)."""
        return list(self.order_by().values_list("theme_id").annotate(IntSum("reports")))


class FacilitatorSummaryStats(SummaryStats):
    def active(self) -> int:
        """How many different people facilitated a held session."""
        return self.order_by().values("user_id").distinct().count()


class TrajectoryStats(models.QuerySet):
    def in_scope(self, organisation_ids):
        if organisation_ids is None:
            return self
        return self.filter(
            Q(partnership__men_organisation_id__in=organisation_ids)
            | Q(partnership__women_organisation_id__in=organisation_ids)
        )

    def matching(self, filters: Filters):
        qs = self
        if filters.district:
            qs = qs.filter(district=filters.district)
        if filters.method:
            qs = qs.filter(method__slug=filters.method)
        if filters.partnership:
            qs = qs.filter(partnership_id=filters.partnership)
        if filters.quarter:  # running at some time in the quarter
            q = filters.quarter
            qs = qs.filter(starts_on__lt=q.next().first_day).filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=q.first_day)
            )
        return qs

    def by_status(self) -> dict[str, int]:
        return dict(self.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n"))


class EarlierCountStats(models.QuerySet):
    def in_scope(self, organisation_ids):
        return self if organisation_ids is None else self.filter(organisation_id__in=organisation_ids)

    def matching(self, filters: Filters):
        if filters.method or filters.partnership:  # earlier counts name neither
            return self.none()
        qs = self
        if filters.district:
            qs = qs.filter(district=filters.district)
        if filters.quarter:
            qs = qs.filter(year=filters.quarter.year, quarter=filters.quarter.number)
        return qs

    def reach_rows(self) -> list[dict]:
        return list(
            self.order_by()
            .values("district", "year", "quarter")
            .annotate(held=Sum("sessions"), men=Sum("men"), women=Sum("women"))
        )


def session_summary() -> SessionSummaryStats:
    return SessionSummaryStats(model=SessionSummary)


def theme_summary() -> ThemeSummaryStats:
    return ThemeSummaryStats(model=ThemeSummary)


def facilitator_summary() -> FacilitatorSummaryStats:
    return FacilitatorSummaryStats(model=FacilitatorSummary)


def trajectories() -> TrajectoryStats:
    return TrajectoryStats(model=Trajectory)


def earlier_counts() -> EarlierCountStats:
    return EarlierCountStats(model=EarlierCount)
