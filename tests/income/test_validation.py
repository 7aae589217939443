"""parse_household: one clear error per wrong field."""

import pytest

from samensterk.income.household import HouseholdInvalid, parse_household

from .conftest import COUPLE_TWO_CHILDREN, household


def errors(data):
    with pytest.raises(HouseholdInvalid) as e:
        parse_household(data)
    return {(x["field"], x["code"]) for x in e.value.errors}, e.value.errors


def test_the_contract_example_is_valid():
    hh = parse_household(COUPLE_TWO_CHILDREN)
    assert hh.children == (4, 8) and hh.rent == 900 and hh.partner_gross_month == 2600
    assert hh.her_hourly_wage is None and hh.childcare[0].type == "dagopvang"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"housing": {"rent": -1}}, "housing.rent", "negative"),
        ({"children": [4, 25]}, "children[1]", "age_out_of_range"),
        ({"children": [-1]}, "children[0]", "age_out_of_range"),
        (
            {"partner": {"situation": "works", "hourly_wage": 15, "hours_week": 81}},
            "partner.hours_week",
            "hours_out_of_range",
        ),
        ({"year": 2031}, "year", "unknown_year"),
        ({"year": "2026"}, "year", "unknown_year"),
        ({"partner": {"situation": "married"}}, "partner.situation", "unknown_situation"),
        (
            {"childcare": [{"child": 2, "type": "bso", "hours_month": 40, "hourly_price": 9}]},
            "childcare[0].child",
            "unknown_child",
        ),
        (
            {"childcare": [{"child": 0, "type": "creche", "hours_month": 40, "hourly_price": 9}]},
            "childcare[0].type",
            "unknown_type",
        ),
        ({"her": {"hourly_wage": -3}}, "her.hourly_wage", "negative"),
        ({"partner": {"situation": "works", "gross_month": -100}}, "partner.gross_month", "negative"),
        ({"partner": {"situation": "works"}}, "partner", "wage_required"),
        ({"her": {"hourly_wage": "twelve"}}, "her.hourly_wage", "not_a_number"),
    ],
)
def test_one_error_for_the_wrong_field(changes, field, code):
    found, raw = errors(household(COUPLE_TWO_CHILDREN, **changes))
    assert found == {(field, code)}
    assert raw[0]["message"].endswith(".")


def test_the_child_age_message_is_plain():
    _, raw = errors(household(COUPLE_TWO_CHILDREN, children=[4, 25]))
    assert raw == [
        {"field": "children[1]", "code": "age_out_of_range", "message": "A child's age must be 0 to 17."}
    ]


def test_several_wrong_fields_give_several_errors():
    found, _ = errors({"year": 1999, "children": [30], "housing": {"rent": -5}})
    assert {f for f, _ in found} == {"year", "children[0]", "housing.rent"}


def test_not_an_object():
    found, _ = errors([1, 2])
    assert found == {("", "not_an_object")}


def test_bijstand_claim_defaults_follow_the_situation():
    assert parse_household({"year": 2026, "partner": {"situation": "bijstand"}}).bijstand_claim
    assert parse_household({"year": 2026}).bijstand_claim  # a single mother
    assert not parse_household(COUPLE_TWO_CHILDREN).bijstand_claim
