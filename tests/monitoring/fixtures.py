"""Crafted monitoring data on top of the shared `programme` fixture."""

import datetime as dt

import pytest
from django.utils import timezone


def make_sessions(trajectory, specs, *, start_number=10, facilitator=None):
    """specs: [(when, status, men, women, first_time)] -> Session rows."""
    from samensterk.monitoring.summary import summary_refresh
    from samensterk.programme.models import Session

    made = []
    for i, (when, status, men, women, first) in enumerate(specs):
        session = Session.objects.create(
            trajectory=trajectory,
            number=start_number + i,
            starts_at=when,
            place=Session.Place.COMMUNITY_CENTRE,
            status=status,
            men_count=men,
            women_count=women,
            first_time_count=first,
        )
        if facilitator:
            session.facilitators.add(facilitator)
        made.append(session)
    # Made with the ORM, round the programme services: count them for the dashboard.
    summary_refresh(trajectory_ids=[trajectory.pk])
    return made


@pytest.fixture
def crafted(programme, personas):
    """Two districts in one quarter: Noord with 3 more sessions (men 20+, women 3), Oost with one
    small session (men 4). The Oost trajectory belongs to the outsider's organisation."""
    from samensterk.monitoring.summary import summary_rebuild
    from samensterk.programme.models import Trajectory

    q_start = timezone.make_aware(dt.datetime(2026, 1, 10, 19, 0))
    noord = programme["trajectory"]
    make_sessions(
        noord,
        [
            (q_start, "held", 8, 1, 2),
            (q_start + dt.timedelta(days=7), "held", 7, 2, 1),
            (q_start + dt.timedelta(days=14), "cancelled", None, None, None),
        ],
        facilitator=personas["facilitator"],
    )
    oost = Trajectory.objects.create(
        name="Test Oost",
        method=programme["method"],
        partnership=programme["other_trajectory"].partnership,
        district="oost",
        starts_on=dt.date(2026, 1, 1),
        status=Trajectory.Status.COMPLETED,
    )
    make_sessions(oost, [(q_start + dt.timedelta(days=3), "held", 4, 0, 4)])
    summary_rebuild()  # the shared `programme` fixture made its sessions with the ORM too
    return {"noord": noord, "oost": oost, "quarter": "2026-Q1"}
