"""Whatever is sent, the API and the page answer 200 or a 4xx with a message; never a 500."""

import json

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calculator.helpers import url

pytestmark = pytest.mark.django_db

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**9), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
household = st.fixed_dictionaries(
    {},
    optional={
        "year": st.one_of(st.sampled_from([2025, 2026, 2031]), values),
        "her": st.fixed_dictionaries({}, optional={"hourly_wage": values, "pension_percent": values}),
        "partner": st.fixed_dictionaries(
            {}, optional={"situation": st.one_of(st.sampled_from(["works", "bijstand", "none", "no_income"]), values),
                          "gross_month": values, "net_month": values, "hourly_wage": values, "hours_week": values}),
        "children": st.one_of(st.lists(st.integers(-3, 30), max_size=5), values),
        "housing": st.one_of(st.fixed_dictionaries({}, optional={"rent": values, "owner": values}), values),
        "childcare": st.one_of(st.lists(st.fixed_dictionaries({}, optional={
            "child": values, "type": st.sampled_from(["dagopvang", "bso", "x"]), "hours_month": values,
            "hourly_price": values}), max_size=3), values),
    },
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.fixed_dictionaries({"household": household}, optional={"hours": values}), values))
def test_the_api_never_answers_500(client, body):
    cache.clear()  # stay under the rate limit
    response = client.post("/api/calculator/simulate", json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400, 422), response.content[:300]


form_text = st.one_of(st.text(max_size=15), st.sampled_from(["", "0", "-1", "1e9", "12,5", "1.250,00", "٣"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries(
        {},
        optional={name: form_text for name in ("partner", "partner_amount", "partner_amount_kind", "children", "rent",
                                               "her_wage", "childcare", "year", "her_pension", "hours", "compare_a",
                                               "care_type_0", "care_hours_0", "care_price_0")},
    )
)  # fmt: skip
def test_the_page_never_answers_500(client, data):
    data = {k: v.replace("\x00", "") for k, v in data.items()}
    response = client.post(url("calculator:hours"), data, HTTP_HX_REQUEST="true")
    assert response.status_code in (200, 422), response.content[:300]


@pytest.mark.parametrize(
    "extra",
    [
        {"partner_amount": "50000", "partner_amount_kind": "net"},
        {"partner_amount": "0", "partner_amount_kind": "net"},
        {"her_wage": "500", "rent": "5000", "children": "0, 0, 0, 0, 0, 0"},
        {"her_wage": "1", "rent": "0", "children": "17"},
        {"care_type_0": "gastouder", "care_hours_0": "300", "care_price_0": "50"},
        {"partner": "none", "owner": "on", "children": ""},
    ],
)
def test_extreme_but_valid_answers_give_a_result(client, extra):
    data = {"partner": "works", "children": "2, 6", "rent": "800", "childcare": "yes", "hours": "40", **extra}
    response = client.post(url("calculator:index"), data)
    assert response.status_code == 200
    assert 'class="sentence' in response.content.decode()  # "sentence in-period" on bijstand
