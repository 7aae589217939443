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
