"""The dashboard's summary tables (monitoring/summary.py) agree with the live sessions and reports:
after every programme service that changes them, after a rebuild, and on the dashboard itself."""

import datetime as dt
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samensterk.access import DashboardScope
from samensterk.monitoring import selectors
from samensterk.monitoring.models import FacilitatorSummary, SessionSummary, ThemeSummary
from samensterk.monitoring.queries import Filters
from samensterk.monitoring.summary import summary_differences, summary_rebuild
from samensterk.programme import services
from samensterk.programme.models import Session

ALL = DashboardScope(organisation_ids=None)


def _held_in_noord() -> str:
    quarters = selectors.available_quarters(ALL)
    choices = selectors.filter_choices(ALL)
    board = selectors.dashboard(ALL, Filters(), quarters=quarters, choices=choices)
    row = next(r for r in board.table("district").rows if r.key == "noord")
    return str(row.cells[0])


@pytest.fixture
def counted(programme):
    summary_rebuild()  # the shared fixture made its sessions with the ORM
    assert summary_differences() == []
    return programme


@pytest.mark.django_db
def test_the_services_keep_the_summary_in_step(counted, personas):
    from samensterk.toolkit.models import Theme

    trajectory = counted["trajectory"]
    theme = Theme.objects.create(slug="test-werk", name="Werk")
    when = timezone.make_aware(dt.datetime(2025, 11, 3, 19, 0))
    session = services.session_create(
        actor=personas["trainer"],
        trajectory=trajectory,
        data={"number": 20, "starts_at": when, "place": Session.Place.LIVING_ROOM},
        facilitators=[personas["facilitator"]],
    )
    assert summary_differences() == []
    # a draft's ticks and flags do not count; its attendance does once the session is held
    services.report_save_draft(
        session=session,
        author=personas["facilitator"],
        data={"men_count": 6, "women_count": 2, "first_time_count": 1, "themes": [theme]},
    )
    assert summary_differences() == []
    assert not ThemeSummary.objects.filter(theme=theme).exists()
    services.report_submit(
        session=session,
        author=personas["facilitator"],
        data={
            "men_count": 7,
            "women_count": 2,
            "first_time_count": 1,
            "themes": [theme],
            "followup_financial": True,
        },
        submission_key=uuid.uuid4(),
    )
    assert summary_differences() == []
    assert _held_in_noord() == "<5"  # 3 held sessions in Noord, read from the summary
    row = SessionSummary.objects.get(trajectory=trajectory, year=2025, quarter=4)
    assert (row.held, row.men, row.women, row.reports, row.financial) == (1, 7, 2, 1, 1)
    assert ThemeSummary.objects.get(theme=theme).reports == 1
    assert FacilitatorSummary.objects.filter(trajectory=trajectory, year=2025, quarter=4).count() == 1
    # moved to the next quarter and cancelled: the old quarter empties, the new one counts it
    services.session_update(
        actor=personas["trainer"],
        session=session,
        data={"starts_at": when + dt.timedelta(days=60), "status": Session.Status.CANCELLED},
    )
    assert summary_differences() == []
    assert not SessionSummary.objects.filter(trajectory=trajectory, year=2025, quarter=4).exists()
    assert SessionSummary.objects.get(trajectory=trajectory, year=2026, quarter=1).cancelled >= 1


@pytest.mark.django_db
def test_a_change_round_the_services_shows_as_a_difference_until_rebuilt(counted):
    session = counted["sessions"][1]
    Session.objects.filter(pk=session.pk).update(men_count=30)  # as the admin or a shell would
    assert summary_differences()
    with pytest.raises(CommandError):
        call_command("monitoring_summary", "--check")
    call_command("monitoring_summary", "--rebuild")
    assert summary_differences() == []
    call_command("monitoring_summary", "--check")


@pytest.mark.django_db
def test_a_quarter_is_the_local_one(counted):
    # 1 April 00:30 in Amsterdam is 31 March 22:30 UTC: the second quarter, as on the dashboard.
    trajectory = counted["trajectory"]
    at = timezone.make_aware(dt.datetime(2026, 4, 1, 0, 30))
    Session.objects.create(trajectory=trajectory, number=30, starts_at=at, place="other", status="cancelled")
    summary_rebuild()
    assert SessionSummary.objects.get(trajectory=trajectory, year=2026, quarter=2).cancelled == 1


@pytest.mark.django_db
def test_an_edit_in_the_admin_keeps_the_summary_in_step(client, counted, django_user_model):
    """The admin edits sessions too (the rare fixes): its saves and deletes recount the summary."""
    admin = django_user_model.objects.create_superuser("test-admin", password="a-long-test-password")
    client.force_login(admin)
    session = counted["sessions"][0]
    change = f"/admin/programme/session/{session.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        starts_at_0=session.starts_at.strftime("%Y-%m-%d"),
        starts_at_1=session.starts_at.strftime("%H:%M:%S"),
        men_count=session.men_count + 7,
        facilitators=[u.pk for u in session.facilitators.all()],
    )
    data.pop("starts_at", None)
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    session.refresh_from_db()
    assert session.men_count == 15
    assert summary_differences() == []
    response = client.post(f"/admin/programme/session/{session.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert summary_differences() == []


@pytest.mark.django_db
def test_a_refresh_of_one_quarter_recounts_that_quarter_only(crafted):
    from samensterk.monitoring.queries import Quarter
    from samensterk.monitoring.summary import summary_refresh

    noord = crafted["noord"]
    q1 = Quarter(2026, 1)
    other = SessionSummary.objects.exclude(year=2026, quarter=1).filter(trajectory=noord)
    other_ids = set(other.values_list("pk", flat=True))
    assert other_ids  # the shared fixture's sessions are in another quarter
    session = Session.objects.filter(
        trajectory=noord, starts_at__gte=q1.start(), starts_at__lt=q1.end()
    ).first()
    Session.objects.filter(pk=session.pk).update(men_count=30)
    summary_refresh(trajectory_ids=[noord.pk], quarters=[q1])
    assert summary_differences() == []
    assert set(other.values_list("pk", flat=True)) == other_ids  # other quarters' rows untouched


@pytest.mark.django_db
def test_a_write_in_one_quarter_keeps_the_cached_pages_of_the_others(client, crafted, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from samensterk.monitoring.queries import Quarter
    from samensterk.monitoring.summary import summary_refresh
    from tests.monitoring.helpers import login

    login(client, personas["staff"])
    this_quarter = str(Quarter.of(timezone.localdate()))
    pages = [("/en/monitoring/", {"quarter": q}) for q in ("2026-Q1", this_quarter)]
    for url, params in pages:
        client.get(url, params)

    def cost(params):
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/monitoring/", params)
        return len(queries)

    warm = cost({"quarter": this_quarter})
    summary_refresh(trajectory_ids=[crafted["noord"].pk], quarters=[Quarter(2026, 1)])
    assert cost({"quarter": this_quarter}) == warm  # still cached
    assert cost({"quarter": "2026-Q1"}) > warm  # built again
