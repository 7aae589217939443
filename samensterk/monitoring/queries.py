"""The dashboard's queries as QuerySet methods (STYLE.md: djangoproject.com), one grouped query each.

Quarters are computed in SQL with a CASE over the quarter's start and end instants, not with a
date-truncation function: on SQLite Django's truncation is a Python callback per row, which on
100,000 sessions costs more than the whole page may take.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Count, Q, Sum, Value, When
from django.utils import timezone

from samensterk.programme.models import Session, SessionReport, Trajectory

from .models import EarlierCount


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


def quarter_case(field: str, quarters: list[Quarter], *, date_field: bool = False) -> Case:
    """SQL that labels ``field`` with its quarter ('2026-Q1'); '' outside ``quarters``."""
    whens = []
    for q in quarters:
        lo, hi = (q.first_day, q.next().first_day) if date_field else (q.start(), q.end())
        whens.append(When(**{f"{field}__gte": lo, f"{field}__lt": hi}, then=Value(str(q))))
    return Case(*whens, default=Value(""), output_field=models.CharField())


@dataclass(frozen=True)
class Filters:
    district: str = ""
    quarter: Quarter | None = None
    method: str = ""  # a method slug
    partnership: int | None = None


HELD = Q(status=Session.Status.HELD)


def session_scope_q(organisation_ids, prefix: str = "") -> Q:
    """Sessions of the organisations' partnerships (all when None); ``prefix`` reaches them from
    another model ("session__" from a report)."""
    if organisation_ids is None:
        return Q()
    return Q(**{f"{prefix}trajectory__partnership__men_organisation_id__in": organisation_ids}) | Q(
        **{f"{prefix}trajectory__partnership__women_organisation_id__in": organisation_ids}
    )


def session_filters_q(filters: Filters, prefix: str = "") -> Q:
    q = Q()
    if filters.district:
        q &= Q(**{f"{prefix}trajectory__district": filters.district})
    if filters.method:
        q &= Q(**{f"{prefix}trajectory__method__slug": filters.method})
    if filters.partnership:
        q &= Q(**{f"{prefix}trajectory__partnership_id": filters.partnership})
    if filters.quarter:
        q &= Q(
            **{
                f"{prefix}starts_at__gte": filters.quarter.start(),
                f"{prefix}starts_at__lt": filters.quarter.end(),
            }
        )
    return q


class SessionStats(models.QuerySet):
    """Sessions seen as numbers."""

    def in_scope(self, organisation_ids):
        return self.filter(session_scope_q(organisation_ids))

    def matching(self, filters: Filters):
        return self.filter(session_filters_q(filters))

    def reach_rows(self, quarters: list[Quarter]) -> list[dict]:
        """Held and cancelled sessions and attendance per district, method, partnership and quarter."""
        return list(
            self.annotate(quarter=quarter_case("starts_at", quarters))
            .values("trajectory__district", "trajectory__method_id", "trajectory__partnership_id", "quarter")
            .annotate(
                held=Count("pk", filter=HELD),
                cancelled=Count("pk", filter=Q(status=Session.Status.CANCELLED)),
                men=Sum("men_count", filter=HELD),
                women=Sum("women_count", filter=HELD),
                first_time=Sum("first_time_count", filter=HELD),
            )
            .order_by()
        )

    def start_range(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        span = self.order_by().aggregate(first=models.Min("starts_at"), last=models.Max("starts_at"))
        return span["first"], span["last"]

    def active_facilitators(self) -> int:
        """How many different people facilitated a held session."""
        # From the small link table, not from the sessions: a join of every session is slow.
        links = Session.facilitators.through.objects.filter(session__in=self.filter(HELD).values("pk"))
        return links.values("user_id").distinct().count()


class ReportStats(models.QuerySet):
    """Submitted reports seen as numbers: themes ticked, follow-up and safety as counts, never text."""

    def submitted(self):
        return self.exclude(status=SessionReport.Status.DRAFT)

    def in_scope(self, organisation_ids):
        return self.filter(session_scope_q(organisation_ids, "session__"))

    def matching(self, filters: Filters):
        return self.filter(session_filters_q(filters, "session__"))

    def signal_counts(self) -> dict[str, int]:
        return self.order_by().aggregate(
            reports=Count("pk"),
            financial=Count("pk", filter=Q(followup_financial=True)),
            referral=Count("pk", filter=Q(followup_referral=True)),
            safety=Count("pk", filter=Q(safety_signal=True)),
        )

    def theme_counts(self) -> list[tuple[int, int]]:
        """How many of these reports ticked each theme, counted on the link table."""
        links = SessionReport.themes.through.objects.filter(sessionreport__in=self.values("pk"))
        return list(links.values("theme_id").annotate(n=Count("pk")).order_by().values_list("theme_id", "n"))


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


def sessions() -> SessionStats:
    return SessionStats(model=Session)


def reports() -> ReportStats:
    return ReportStats(model=SessionReport)


def trajectories() -> TrajectoryStats:
    return TrajectoryStats(model=Trajectory)


def earlier_counts() -> EarlierCountStats:
    return EarlierCountStats(model=EarlierCount)
