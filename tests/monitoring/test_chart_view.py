"""The dashboard's charts: SVG written directly (core/charts.py), inline on the page and as an image
URL of their own, with the same scope, filters and suppression as the page, and the same 404."""

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
    assert svg in page  # the page draws the same chart inline
    assert "Testuitkomst" not in svg
    assert "style=" not in svg and "<script" not in svg  # fits the page's Content-Security-Policy


@pytest.mark.django_db
def test_a_chart_draws_bars_for_shown_cells_only(client, crafted, personas):
    svg = (
        login(client, personas["staff"]).get(URL.format("district"), {"quarter": "2026-Q1"}).content.decode()
    )
    # Noord: men "x", women "<5"; Oost: men "<5", women "<5" -> no bar at all, only labels
    assert svg.count("<rect") == 2  # the two legend keys
    assert svg.count(">&lt;5<") == 3 and svg.count(">x<") == 1


@pytest.mark.django_db
def test_the_same_chart_is_drawn_alike_and_without_a_plotting_library(client, crafted, personas):
    import sys

    login(client, personas["staff"])
    first = client.get(URL.format("quarter")).content
    second = client.get(URL.format("quarter")).content
    assert first == second and re.search(rb"<svg", first)
    assert (
        "samensterk.calculator.chart" not in sys.modules
        or "matplotlib" not in open("samensterk/monitoring/charts.py").read()
    )


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
