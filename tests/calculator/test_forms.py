"""How amounts and ages typed on a phone are read."""

from decimal import Decimal

import pytest

from samensterk.calculator.forms import parse_ages, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [("900", "900"), ("1.250", "1250"), ("1,250", "1250"), ("1250,50", "1250.50"), ("1.250,50", "1250.50"),
     ("1,250.50", "1250.50"), ("€ 900,-", "900"), ("14.71", "14.71"), ("١٢٥٠", "1250"), ("12,5", "12.5")],
)  # fmt: skip
def test_amounts(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1-2", "--"])
def test_not_amounts(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_ages():
    assert parse_ages("3, 7") == [3, 7]
    assert parse_ages("3 7;12") == [3, 7, 12]
    assert parse_ages("٣ ٧") == [3, 7]
    assert parse_ages("") == []
    with pytest.raises(ValueError):
        parse_ages("3, seven")


def errors_for(lang: str, **answers) -> dict:
    from django.utils import translation

    from samensterk.calculator.forms import CalculatorForm

    with translation.override(lang):
        form = CalculatorForm({"partner": "none", "children": "3", "hours": "16", **answers})
        form.is_valid()
        return {name: [str(e) for e in errs] for name, errs in form.errors.items()}


@pytest.mark.parametrize("rent", ["-700", "−700", "- 700"])
def test_a_negative_rent_is_told_it_must_be_0_or_more(rent):
    assert errors_for("en", rent=rent)["rent"] == ["This must be 0 or more."]


def test_limits_are_written_as_amounts_in_the_language():
    assert errors_for("en", rent="20000")["rent"] == ["This must be at most €\u00a010,000."]
    assert errors_for("nl", rent="20000")["rent"] == ["Dit mag hoogstens €\u00a010.000 zijn."]
    assert errors_for("en", her_pension="150")["her_pension"] == ["This must be at most 100%."]
    assert errors_for("en", care_hours_0="800")["care_hours_0"] == ["This must be at most 744 hours."]
    assert errors_for("en", her_wage="0,50")["her_wage"] == ["This must be at least €\u00a01."]
    # never Python's own notation
    for lang in ("nl", "en", "ar", "tr"):
        assert "10000" not in str(errors_for(lang, rent="20000"))
