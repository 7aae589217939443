"""The dashboard page: who sees it, what it shows, and that bad filters give a 400 that keeps them."""

import pytest
from django.urls import reverse

from tests.monitoring.helpers import login

URL = "/en/monitoring/"


@pytest.fixture
def as_(client):
    return lambda user: login(client, user)


@pytest.mark.django_db
def test_it_works_for_alliance_staff_with_suppressed_cells(crafted, personas, as_):
    response = as_(personas["staff"]).get(URL, {"quarter": "2026-Q1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg id="chart-district"' in html and 'id="table-district"' in html
    assert "&lt;5" in html
    assert "Testuitkomst" not in html and "Testcitaat" not in html  # never report text


@pytest.mark.django_db
def test_a_funder_sees_the_same_aggregates(crafted, personas, as_):
    response = as_(personas["funder"]).get(URL)
    assert response.status_code == 200
    assert "Noord" in response.content.decode()
    assert "Import earlier counts" not in response.content.decode()


@pytest.mark.django_db
def test_a_coordinator_sees_only_their_own_organisations_figures(crafted, personas, as_):
    response = as_(personas["coordinator"]).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Noord" in body and '<th scope="row">Oost</th>' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["facilitator", "trainer"])
def test_it_hides_the_dashboard_from_facilitators_and_trainers(crafted, personas, as_, who):
    assert as_(personas[who]).get(URL).status_code == 404


@pytest.mark.django_db
def test_it_hides_the_dashboard_from_anonymous_visitors(client, crafted):
    assert client.get(URL).status_code == 404


@pytest.mark.django_db
def test_it_rejects_post(crafted, personas, as_):
    assert as_(personas["staff"]).post(URL).status_code == 405


@pytest.mark.django_db
def test_a_bad_filter_gives_400_and_keeps_the_other_choices(crafted, personas, as_):
    response = as_(personas["staff"]).get(URL, {"district": "noord", "quarter": "1999-Q9"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose a value from the list." in body
    assert '<option value="noord" selected>' in body


@pytest.mark.django_db
def test_the_url_name_resolves():
    assert reverse("monitoring:dashboard").endswith("/monitoring/")


@pytest.mark.django_db
def test_a_new_session_shows_at_once_although_the_page_is_cached(crafted, personas, as_, programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.monitoring.fixtures import make_sessions

    client = as_(personas["staff"])
    client.get(URL)
    with CaptureQueriesContext(connection) as warm:
        body = client.get(URL).content.decode()
    assert '<th scope="row">Zuidoost</th>' not in body
    zuidoost = crafted["oost"]
    zuidoost.district = "zuidoost"
    zuidoost.save()
    make_sessions(zuidoost, [(programme["sessions"][0].starts_at, "held", 9, 6, 2)], start_number=40)
    with CaptureQueriesContext(connection) as cold:
        body = client.get(URL).content.decode()
    assert '<th scope="row">Zuidoost</th>' in body
    assert len(cold) > len(warm)  # the tables were built again, not read from the cache


@pytest.mark.django_db
def test_an_empty_table_gets_no_chart(crafted, personas, as_):
    body = as_(personas["staff"]).get(URL).content.decode()
    assert 'id="chart-district"' in body
    assert 'id="chart-themes"' not in body  # no report ticked a theme
    assert 'id="table-themes"' in body


@pytest.mark.django_db
def test_an_empty_dashboard_is_a_page_not_an_error(client, personas, as_):
    """A new installation (or a scope with nothing counted yet): every table empty, no chart, a 200."""
    response = as_(personas["staff"]).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="table-district"' in html
    assert '<img id="chart-district"' not in html
