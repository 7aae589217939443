"""Fictional demo trajectories, sessions and reports, so a newcomer logging in as each demo account
sees a realistic picture. Dates are relative to today; nothing names a person.

Called by portal.demo.demo_load after the demo organisations and accounts exist. Idempotent: a
trajectory that exists (by name) is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samensterk.accounts.models import Organisation, User
from samensterk.toolkit.models import Method, RecruitmentCriterion, Statement, Theme

from .models import (
    FacilitatorRecruitment,
    Intervision,
    Partnership,
    Session,
    SessionReport,
    Training,
    Trajectory,
)
from .signals import trajectories_changed_send

# Attendance per meeting as (men, women, first time): small, uneven numbers, as in real groups.
NOORD_ATTENDANCE = [(9, 0, 9), (8, 0, 1), (7, 0, 0), (8, 0, 2)]
ZUIDOOST_ATTENDANCE = [(6, 5, 11), (5, 6, 2)]
EARLIER_ATTENDANCE = [(7, 0, 7), (6, 0, 1), (8, 0, 2), (6, 0, 0), (5, 0, 1), (7, 0, 0)]

DEMO_OUTCOMES = [
    "De mannen bespraken wie in hun eigen ouderlijk huis voor de kinderen zorgde. Meerdere mannen "
    "zeiden dat hun vader nooit kookte, en dat zij dat zelf wel doen.",
    "Gesprek over de angst dat de toeslagen stoppen als de vrouw gaat werken. Afgesproken om de "
    "rekenhulp in de volgende bijeenkomst samen te bekijken.",
    "Veel herkenning bij de stelling over de kostwinner. De groep was open; twee nieuwe deelnemers "
    "luisterden vooral.",
]


def _session_times(start: dt.datetime, count: int, every_days: int = 7) -> list[dt.datetime]:
    return [start + dt.timedelta(days=every_days * n) for n in range(count)]


def _make_trajectory(
    *,
    name: str,
    method: Method,
    partnership: Partnership,
    district: str,
    first: dt.datetime,
    meetings: int,
    attendance: list[tuple[int, int, int]],
    trainer: User | None,
    coordinator: User | None,
    facilitator: User,
    languages: list[str],
    discussed: int,
    signal_in: int | None,
    themes: list[Theme],
    statements: list[Statement],
) -> Trajectory:
    held = len(attendance)
    last = first + dt.timedelta(days=7 * (meetings - 1))
    status = Trajectory.Status.COMPLETED if held >= meetings else Trajectory.Status.RUNNING
    trajectory = Trajectory.objects.create(
        name=name,
        method=method,
        partnership=partnership,
        district=district,
        starts_on=first.date(),
        ends_on=last.date(),
        languages=languages,
        status=status,
        trainer=trainer,
        coordinator=coordinator,
        is_demo=True,
    )
    trajectory.facilitators.add(facilitator)
    now = timezone.now()
    for number, starts_at in enumerate(_session_times(first, meetings), start=1):
        in_past = starts_at < now
        counts = attendance[number - 1] if number <= held else (None, None, None)
        session = Session.objects.create(
            trajectory=trajectory,
            number=number,
            kind=Session.Kind.MEETING,
            starts_at=starts_at,
            place=Session.Place.COMMUNITY_CENTRE if number % 2 else Session.Place.LIVING_ROOM,
            language=languages[0],
            interpreter_present=len(languages) > 1,
            status=Session.Status.HELD if number <= held and in_past else Session.Status.PLANNED,
            men_count=counts[0],
            women_count=counts[1],
            first_time_count=counts[2],
        )
        session.facilitators.add(facilitator)
        # Every held meeting but the last has a report; the last one is the "report to write".
        if number < held or (status == Trajectory.Status.COMPLETED and number <= held):
            is_discussed = number <= discussed
            report = SessionReport.objects.create(
                session=session,
                author=facilitator,
                status=SessionReport.Status.DISCUSSED if is_discussed else SessionReport.Status.SUBMITTED,
                outcomes=DEMO_OUTCOMES[(number - 1) % len(DEMO_OUTCOMES)],
                quotes="\u201cIk wil dat mijn dochter later haar eigen geld verdient.\u201d",
                atmosphere=3 + number % 3,
                followup_financial=number % 2 == 0,
                safety_signal=number == signal_in,
                reflection="De check-in met de bal werkte goed om iedereen aan het woord te laten.",
                submitted_at=starts_at + dt.timedelta(days=1),
                debriefed_on=(starts_at + dt.timedelta(days=3)).date() if is_discussed else None,
                debrief_notes="Besproken met de trainer." if is_discussed else "",
                debriefed_by=trainer if is_discussed else None,
            )
            report.themes.set(themes[number % len(themes) :][:2] or themes[:2])
            report.statements.set(statements[number % max(1, len(statements)) :][:2])
    # Made with the ORM, not the services: tell monitoring to count it for the dashboard.
    trajectories_changed_send([trajectory.pk])
    return trajectory


def demo_programme_load(users: dict[str, User], orgs: dict[str, Organisation]) -> int:
    """Create the demo partnerships, trajectories, sessions, reports and facilitator pool.

    Returns how many trajectories were created (0 on a second run, or without toolkit content).
    """
    methods = {m.slug: m for m in Method.objects.all()}
    if "dialoogsessies-mannen" not in methods or "dialoogsessies-mannen-en-vrouwen" not in methods:
        return 0  # the toolkit content is not loaded (load_toolkit first); nothing to build on
    themes = list(Theme.objects.order_by("order"))
    noord, _ = Partnership.objects.get_or_create(
        men_organisation=orgs["demo-mannen-noord"],
        women_organisation=orgs["demo-vrouwen-noord"],
        defaults={"is_demo": True},
    )
    zuidoost, _ = Partnership.objects.get_or_create(
        men_organisation=orgs["demo-vaders-zuidoost"],
        women_organisation=orgs["demo-vrouwen-zuidoost"],
        defaults={"is_demo": True},
    )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    evening = now.replace(hour=19)
    plans = [
        dict(
            name="Demo Noord, najaar",
            method=methods["dialoogsessies-mannen"],
            partnership=noord,
            district="noord",
            first=evening - dt.timedelta(days=7 * len(NOORD_ATTENDANCE) - 1),
            meetings=6,
            attendance=NOORD_ATTENDANCE,
            trainer=users["demo-trainer"],
            coordinator=users["demo-coordinator"],
            facilitator=users["demo-gespreksleider"],
            languages=["nl", "ar"],
            discussed=1,
            signal_in=2,
        ),
        dict(
            name="Demo Zuidoost, gemengde groep",
            method=methods["dialoogsessies-mannen-en-vrouwen"],
            partnership=zuidoost,
            district="zuidoost",
            first=evening - dt.timedelta(days=7 * len(ZUIDOOST_ATTENDANCE) - 2),
            meetings=6,
            attendance=ZUIDOOST_ATTENDANCE,
            trainer=users["demo-trainer-zuidoost"],
            coordinator=users["demo-coordinator-zuidoost"],
            facilitator=users["demo-gespreksleider-zuidoost"],
            languages=["nl", "so"],
            discussed=0,
            signal_in=None,
        ),
        dict(
            name="Demo Noord, voorjaar (afgerond)",
            method=methods["dialoogsessies-mannen"],
            partnership=noord,
            district="noord",
            first=evening - dt.timedelta(days=240),
            meetings=6,
            attendance=EARLIER_ATTENDANCE,
            trainer=users["demo-trainer"],
            coordinator=users["demo-coordinator"],
            facilitator=users["demo-gespreksleider"],
            languages=["nl", "tr"],
            discussed=6,
            signal_in=None,
        ),
    ]
    created = 0
    for plan in plans:
        if Trajectory.objects.filter(name=plan["name"]).exists():
            continue
        statements = list(Statement.objects.filter(methods=plan["method"]).order_by("order")) or list(
            Statement.objects.order_by("order")[:4]
        )
        _make_trajectory(**plan, themes=themes, statements=statements)
        created += 1
    _demo_pool(users, orgs)
    return created


def _demo_pool(users: dict[str, User], orgs: dict[str, Organisation]) -> None:
    """Recruitment, the two training half-days and one intervision meeting in Noord."""
    today = timezone.localdate()
    org = orgs["demo-mannen-noord"]
    recruitment, new = FacilitatorRecruitment.objects.get_or_create(
        organisation=org,
        facilitator=users["demo-gespreksleider"],
        defaults={
            "status": FacilitatorRecruitment.Status.RECRUITED,
            "recorded_on": today - dt.timedelta(days=300),
        },
    )
    if new:
        recruitment.criteria_met.set(RecruitmentCriterion.objects.all())
    for part, days in ((Training.Part.FIRST, 280), (Training.Part.SECOND, 273)):
        training, new = Training.objects.get_or_create(
            organisation=org,
            part=part,
            defaults={"held_on": today - dt.timedelta(days=days), "trainer": users["demo-trainer"]},
        )
        if new:
            training.attendees.add(users["demo-gespreksleider"])
    intervision, new = Intervision.objects.get_or_create(
        organisation=org,
        held_on=today - dt.timedelta(days=30),
        defaults={"notes": "Hoe houd je het gesprek veilig als de groep het oneens is? Tips uitgewisseld."},
    )
    if new:
        intervision.participants.add(users["demo-gespreksleider"], users["demo-trainer"])
