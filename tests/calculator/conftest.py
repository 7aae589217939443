"""Shared data for the calculator's view tests: a household as the page's form posts it."""

import pytest

FORM = {
    "partner": "works",
    "partner_amount": "2600",
    "partner_amount_kind": "gross",
    "children": "4, 8",
    "rent": "900",
    "her_wage": "",
    "childcare": "yes",
    "hours": "16",
    "compare_a": "0",
}


@pytest.fixture
def form_data():
    return dict(FORM)


@pytest.fixture(autouse=True)
def english_source_strings(settings):
    """The tests read the English source strings: "/" is served in English here, whatever .mo
    files are compiled (Dutch is the site's default language)."""
    settings.LANGUAGE_CODE = "en"
