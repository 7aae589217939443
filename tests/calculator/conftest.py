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
