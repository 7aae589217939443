"""Her first year of work on bijstand as it runs: six months with the 25% earnings disregard,
then six months with the 12.5% one (a single parent with a child under 12) or none (a couple).

The toetsingsinkomen, the toeslagen and the annual assessment of that year follow the year's real
sum of bijstand, not twelve months of one half. Recomputed here in Decimal from the rules
(Participatiewet art. 31 lid 2 onder n and r; Awir; Wet IB 2001 via test_combined_assessment) for
the single mother on bijstand with two young children; from the engine it takes only her payroll
(checked to the cent elsewhere) and the gross of the year's net bijstand (checked here)."""

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from samensterk.income.formulas.loonheffing import loonheffing_maand
from samensterk.income.household import parse_household
from samensterk.income.parameters_loader import load
from samensterk.income.simulate import simulate

from . import decimal_toeslagen as dec
from .conftest import BIJSTAND_COUPLE
from .test_combined_assessment import SINGLE_MOTHER_ON_BIJSTAND, D, ahk, box1, settle

ZERO = Decimal(0)
CENT = Decimal("0.01")
HOURS = (4, 8, 12, 16, 24)


def first_year(data, *, after_twelve_and_a_half):
    """Rows: 0 months 1-6 (25%), 1 months 7-12, 2 a whole year of 25% (the old approximation)."""
    base = parse_household(data)
    first = replace(base, bijstand_vrijlating=True, bijstand_months=6,
                    bijstand_rest_vrijlating_alleenstaande_ouder=after_twelve_and_a_half)  # fmt: skip
    after = replace(base, bijstand_vrijlating_alleenstaande_ouder=after_twelve_and_a_half, bijstand_months=6,
                    bijstand_rest_vrijlating=True)  # fmt: skip
    whole = replace(base, bijstand_vrijlating=True)
    return simulate([first, after, whole], hours=range(0, 41))


def decimal_bijstand(p, *, net_work, disregard, cap) -> Decimal:
    """Participatiewet art. 19 and 31: the norm minus her net income from work after the disregard;
    the norm is the year's average of the 1 January and 1 July norms (art. 38; issue #20)."""
    kept = min(disregard * net_work, cap)
    norm = (
        D(p.bijstand.norm_alleenstaande_ouder) + D(load(date(2026, 7, 1)).bijstand.norm_alleenstaande_ouder)
    ) / 2
    return max(norm - (net_work - kept), ZERO)


@pytest.mark.parametrize("hours", HOURS)
def test_the_single_mothers_first_year_agrees_with_a_decimal_recomputation(hours):
    res = first_year(SINGLE_MOTHER_ON_BIJSTAND, after_twelve_and_a_half=True)
    p, c, ctx, j = load(2026), res.components, res.context, hours
    net_work = D(c["her_net"][0, j]) + D(c["holiday_allowance_may"][0, j]) / 12
    b = p.bijstand
    first = decimal_bijstand(p, net_work=net_work, disregard=D(b.inkomstenvrijlating_percentage),
                             cap=D(b.inkomstenvrijlating_maximum))  # fmt: skip
    after = decimal_bijstand(p, net_work=net_work, disregard=D(b.inkomstenvrijlating_alleenstaande_ouder_percentage),
                             cap=D(b.inkomstenvrijlating_alleenstaande_ouder_maximum))  # fmt: skip
    assert abs(D(c["bijstand"][0, j]) - first) < CENT and abs(D(c["bijstand"][1, j]) - after) < CENT
    assert first > after  # the 25% keeps more than the 12.5%

    # The year's bijstand: six months of each; its gross is the gross of that net (one AHK).
    year_net = 6 * first + 6 * after
    gross = D(ctx["bijstand_gross_year"][0, j])
    assert abs(gross - max(box1(p, gross) - ahk(p, gross), ZERO) - year_net) < 1
    assert ctx["bijstand_gross_year"][1, j] == ctx["bijstand_gross_year"][0, j]

    # The toetsingsinkomen: her wage and holiday allowance and that gross, the same for both halves.
    her_gross = D(c["her_gross"][0, j])
    holiday = (D(p.wml.vakantiebijslag_percentage) * 12 * her_gross).quantize(CENT, ROUND_HALF_UP)
    ti = 12 * her_gross + holiday + gross
    assert abs(D(ctx["toetsingsinkomen"][0, j]) - ti) < CENT
    for row in (0, 1):
        _, kgb_year = dec.kindgebonden_budget(ti, False, [2, 5], 2026)
        assert D(c["kindgebonden_budget"][row, j]) == dec.awir_maandbedrag(kgb_year)
        _, zt_year = dec.zorgtoeslag(ti, False, 2026)
        assert D(c["zorgtoeslag"][row, j]) == dec.awir_maandbedrag(zt_year)

    # Her loonheffingskorting is applied once, by the gemeente on the bijstand (the default): her
    # employer withholds the tax without it.
    assert (
        c["loonheffing_her"][0, j]
        == loonheffing_maand(p, c["her_gross"][0, j], loonheffingskorting=False).met_korting
    )
    # One assessment for the year: her wage and the year's gross bijstand, the credits once; a
    # refund counts as means against the bijstand (up to a year's bijstand).
    withheld = 12 * D(c["loonheffing_her"][0, j]) + holiday - D(c["holiday_allowance_may"][0, j])
    refund = settle(p, work=12 * her_gross + holiday, bijstand_gross=gross.quantize(CENT, ROUND_HALF_UP),
                    withheld=withheld + gross.quantize(CENT, ROUND_HALF_UP) - year_net, iack_right=True)  # fmt: skip
    kept = refund - min(max(refund, ZERO), year_net)
    assert refund > 0 and kept >= 0  # korting once: nothing to pay back next spring
    for row in (0, 1):
        assert abs(D(c["assessment"][row, j]) - kept / 12) < CENT

    # Each half's month differs by the bijstand only; the year is six months of each.
    months = [D(c["net_household"][row, j]) for row in (0, 1)]
    assert abs((months[0] - months[1]) - (first - after)) < CENT
    for row in (0, 1):
        assert abs(D(c["net_household_year"][row, j]) - 6 * (months[0] + months[1])) < CENT


def test_the_year_is_not_twelve_months_of_its_first_half():
    """The old approximation (a whole year of 25%) overstated the year's bijstand: a higher
    toetsingsinkomen and a larger payback than the year that really runs."""
    res = first_year(SINGLE_MOTHER_ON_BIJSTAND, after_twelve_and_a_half=True)
    c, ctx = res.components, res.context
    assert ctx["bijstand_gross_year"][0, 16] < ctx["bijstand_gross_year"][2, 16] - 100
    assert c["bijstand"][0, 16] == c["bijstand"][2, 16]  # the same month of bijstand ...
    assert ctx["toetsingsinkomen"][0, 16] < ctx["toetsingsinkomen"][2, 16] - 100  # ... another year
    assert c["net_household_year"][0, 16] < c["net_household_year"][2, 16]


def test_a_couples_months_after_the_first_six_count_her_earnings_in_full():
    res = first_year(BIJSTAND_COUPLE, after_twelve_and_a_half=False)
    plain = simulate([parse_household(BIJSTAND_COUPLE)], hours=range(0, 41))
    c = res.components
    assert c["bijstand"][1, 16] == pytest.approx(plain.components["bijstand"][0, 16])
    # ... while the year's toeslagen and assessment still see the first half's higher bijstand.
    assert res.context["toetsingsinkomen"][1, 16] > plain.context["toetsingsinkomen"][0, 16] + 100


def test_without_work_every_month_of_the_year_is_the_same():
    res = first_year(SINGLE_MOTHER_ON_BIJSTAND, after_twelve_and_a_half=True)
    c = res.components
    assert c["net_household"][0, 0] == pytest.approx(c["net_household"][1, 0])
    assert c["net_household_year"][0, 0] == pytest.approx(12 * c["net_household"][0, 0])
