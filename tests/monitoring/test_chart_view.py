"""The dashboard's charts, one SVG image each (matplotlib, drawn once per version of the data): the
same scope, filters and suppression as the page, and the same 404 for whoever may not see it."""

import re

import pytest

from tests.monitoring.helpers import login

URL = "/en/monitoring/charts/{}.svg"


@pytest.mark.django_db
def test_staff_get_the_chart_of_the_filtered_table_with_its_suppressed_cells(client, crafted, personas):
    login(client, personas["staff"])
    response = client.get(URL.format("district"), {"quarter": "2026-Q1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert 'id="chart-district"' in svg and "<title" in svg
    # A suppressed cell is a label without a bar: the chart shows what the table shows.
    page = client.get("/en/monitoring/", {"quarter": "2026-Q1"}).content.decode()
    assert "&lt;5" in page and "&lt;5" in svg
    assert 'src="/en/monitoring/charts/district.svg?quarter=2026-Q1"' in page
    assert "Testuitkomst" not in svg


@pytest.mark.django_db
def test_the_same_chart_is_drawn_once(client, crafted, personas, monkeypatch):
    from samensterk.monitoring import charts

    drawn = []
    real = charts.bar_chart_svg
    monkeypatch.setattr(charts, "bar_chart_svg", lambda *a, **k: drawn.append(1) or real(*a, **k))
    login(client, personas["staff"])
    first = client.get(URL.format("quarter")).content
    second = client.get(URL.format("quarter")).content
    assert first == second and re.search(rb"<svg", first)
    assert len(drawn) == 1


@pytest.mark.django_db
def test_an_unknown_chart_or_an_empty_table_is_404(client, crafted, personas):
    login(client, personas["staff"])
    assert client.get(URL.format("salaries")).status_code == 404
    assert client.get(URL.format("themes")).status_code == 404  # no report ticked a theme


@pytest.mark.django_db
def test_bad_filters_are_a_400(client, crafted, personas):
    login(client, personas["staff"])
    assert client.get(URL.format("district"), {"quarter": "1999-Q9"}).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["facilitator", "trainer"])
def test_who_may_not_see_the_dashboard_gets_404(client, crafted, personas, who):
    login(client, personas[who])
    assert client.get(URL.format("district")).status_code == 404


@pytest.mark.django_db
def test_anonymous_gets_404(client, crafted):
    assert client.get(URL.format("district")).status_code == 404
