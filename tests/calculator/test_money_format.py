"""format_money writes amounts as Django's number format of the language would (it only looks the
language's marks up once): checked against Django for many amounts in every language we serve."""

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.utils import numberformat, translation
from django.utils.formats import get_format

from samensterk.calculator.results import format_money


def _django(value: float, cents: bool) -> str:
    digits = 2 if cents else 0
    rounded = Decimal(str(abs(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    number = numberformat.format(
        rounded,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=digits,
        grouping=get_format("NUMBER_GROUPING") or 3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return ("−" if value < 0 and rounded != 0 else "") + "€\u00a0" + number


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_same_as_djangos_number_format(language):
    rng = random.Random(language)
    values = [rng.uniform(-1e6, 1e6) for _ in range(300)] + [rng.uniform(-100, 100) for _ in range(300)]
    values += [0.0, 0.4, -0.4, 0.5, 99.995, 999.5, 1000.0, -1093.49, 1234567.5]
    with translation.override(language):
        for value in values:
            for cents in (True, False):
                assert format_money(value, cents=cents) == _django(value, cents), (value, cents)


def test_marks_follow_the_language():
    with translation.override("nl"):
        assert format_money(1234.5, cents=True) == "€\u00a01.234,50"
    with translation.override("en"):
        assert format_money(1234.5, cents=True) == "€\u00a01,234.50"
    # Arabic has no grouping in Django; thousands are grouped for legibility.
    with translation.override("ar"):
        assert format_money(-12345) == "−€\u00a012.345"
