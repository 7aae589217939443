"""The annual assessment in the bijstand zone: one box-1 assessment per person over her wage, her
holiday allowance and her share of the gross bijstand, every heffingskorting once.

The Decimal recomputation below is written from the rules (Wet IB 2001 art. 2.10, 8.10, 8.11,
8.14a), independently of the engine's code. From the engine it takes only the inputs of the
assessment: her gross wage and payroll loonheffing (checked to the cent elsewhere), the net
bijstand and its gross amount (checked here to be the gross of that net)."""

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

import pytest

from samensterk.income.parameters_loader import load

from .conftest import BIJSTAND_COUPLE, household, run

ZERO = Decimal(0)
SINGLE_MOTHER_ON_BIJSTAND = {
    "year": 2026,
    "partner": {"situation": "none"},
    "children": [2, 5],
    "housing": {"rent": 750},
}
HOURS = (0, 4, 8, 12, 16, 20, 24, 32)


def D(x):
    return Decimal(repr(float(x)))


def box1(p, income: Decimal) -> Decimal:
    scale, tax = p.inkomstenbelasting.tarief_box1, ZERO
    bounds = [D(t) for t in scale.thresholds] + [None]
    for k, rate in enumerate(scale.rates):
        lo, hi = bounds[k], bounds[k + 1]
        tax += D(rate) * max(ZERO, (income if hi is None else min(income, hi)) - lo)
    return tax


def ahk(p, income: Decimal) -> Decimal:
    a = p.algemene_heffingskorting
    return min(
        max(D(a.maximum) - D(a.afbouwpercentage) * max(ZERO, income - D(a.afbouwpunt)), ZERO), D(a.maximum)
    )


def ak(p, work: Decimal) -> Decimal:
    s = p.arbeidskorting.schijven
    k = max(i for i, t in enumerate(s.thresholds) if D(t) <= work)
    value = D(s.amounts[k]) + D(s.rates[k]) * (work - D(s.thresholds[k]))
    if s.rates[k] > 0 and k + 1 < len(s.amounts):
        value = min(value, D(s.amounts[k + 1]))
    return max(value, ZERO)


def iack(p, work: Decimal) -> Decimal:
    c = p.iack
    return min(max(D(c.opbouwpercentage) * (work - D(c.drempel)), ZERO), D(c.maximum))


def settle(p, *, work, bijstand_gross, withheld, iack_right) -> Decimal:
    """Refund (+) or payback (-) of one person's year."""
    income = (work + bijstand_gross).to_integral_value(ROUND_FLOOR)
    work = work.to_integral_value(ROUND_FLOOR)
    tax = box1(p, income)
    k1 = min(ahk(p, income), tax)
    k2 = min(ak(p, work), tax - k1)
    k3 = min(iack(p, work), tax - k1 - k2) if iack_right else ZERO
    return withheld - (tax - k1 - k2 - k3)


def decimal_assessment_month(res, i, j) -> Decimal:
    """The household's settlement per month, recomputed for household ``i`` at column ``j``."""
    hh = res.households[i]
    p = load(hh.year)
    c = res.components
    gross = D(c["her_gross"][i, j])
    holiday = (D(p.wml.vakantiebijslag_percentage) * 12 * gross).quantize(Decimal("0.01"), ROUND_HALF_UP)
    her_work = 12 * gross + holiday
    her_withheld = 12 * D(c["loonheffing_her"][i, j]) + holiday - D(c["holiday_allowance_may"][i, j])
    halves = 2 if hh.has_partner else 1
    share_net = 12 * D(c["bijstand"][i, j]) / halves
    share_gross = (D(res.context["bijstand_gross_year"][i, j]) / halves).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    share_withheld = share_gross - share_net
    # The IACK: a child under 12, and no partner or the lower income from work (the partner on
    # bijstand earns nothing, so she has it only at 0 hours, where it is 0).
    iack_right = min(hh.children) < p.iack.leeftijdsgrens_kind and (not hh.has_partner or her_work == 0)
    total = settle(p, work=her_work, bijstand_gross=share_gross, withheld=her_withheld + share_withheld,
                   iack_right=iack_right)  # fmt: skip
    if hh.has_partner:  # the partner on bijstand: no wage, half the bijstand, no IACK (she earns more)
        total += settle(p, work=ZERO, bijstand_gross=share_gross, withheld=share_withheld, iack_right=False)
    # A refund counts as means against the bijstand, up to a year's bijstand (Participatiewet art. 31).
    total -= min(max(total, ZERO), 12 * D(c["bijstand"][i, j]))
    return total / 12


@pytest.mark.parametrize("data", [SINGLE_MOTHER_ON_BIJSTAND, BIJSTAND_COUPLE,
                                  household(BIJSTAND_COUPLE, children=[3, 6, 9])], ids=["single", "couple2", "couple3"])  # fmt: skip
def test_the_engine_assessment_agrees_with_a_decimal_combined_assessment(data):
    res = run(data)
    for hours in HOURS:
        j = int(hours)
        got = D(res.components["assessment"][0, j])
        want = decimal_assessment_month(res, 0, j)
        assert abs(got - want) < Decimal("0.01"), (hours, got, want)


@pytest.mark.parametrize("data", [SINGLE_MOTHER_ON_BIJSTAND, BIJSTAND_COUPLE])
def test_the_gross_bijstand_is_the_gross_of_the_net_with_one_algemene_heffingskorting(data):
    res = run(data)
    p = load(2026)
    halves = 2 if res.households[0].has_partner else 1
    for j in HOURS:
        share_gross = D(res.context["bijstand_gross_year"][0, j]) / halves
        share_net = 12 * D(res.components["bijstand"][0, j]) / halves
        tax = max(box1(p, share_gross) - ahk(p, share_gross), ZERO)
        assert abs(share_gross - tax - share_net) < 1, j


def test_with_the_korting_applied_once_nothing_is_paid_back_next_spring():
    """Issue #20: the default is the korting applied once, by the gemeente on the bijstand, so her
    employer withholds the tax without it; the assessment then pays back (a refund the gemeente
    counts against the bijstand), never takes back. Before, the korting was assumed applied twice
    (employer and gemeente) and these households were shown a payback of about € 178 a month."""
    res = run(SINGLE_MOTHER_ON_BIJSTAND, BIJSTAND_COUPLE)
    c = res.components
    for i in range(2):
        assert abs(float(c["assessment"][i, 0])) < 0.5  # no wage: the gemeente withheld exactly
        assert (c["assessment"][i, :25] > -0.5).all()
        assert not res.context["korting_at_employer"][i, 8]


def test_applied_twice_by_mistake_the_assessment_takes_it_back():
    """'both': her employer and the gemeente both apply it; the assessment takes the surplus back."""
    res = run(household(BIJSTAND_COUPLE, bijstand={"loonheffingskorting": "both"}))
    c = res.components
    assert float(c["assessment"][0, 8]) < -100  # a payback of more than € 100 a month
    assert float(c["assessment"][0, 12]) == pytest.approx(-178, abs=5)  # the measurement


def test_applied_by_her_employer_the_gemeente_grosses_her_bijstand_up_without_it():
    res = run(household(SINGLE_MOTHER_ON_BIJSTAND, bijstand={"loonheffingskorting": "employer"}))
    p, c = load(2026), res.components
    for j in (8, 16):
        assert res.context["korting_at_employer"][0, j]
        share_gross = D(res.context["bijstand_gross_year"][0, j])
        share_net = 12 * D(c["bijstand"][0, j])
        assert abs(share_gross - box1(p, share_gross) - share_net) < 1  # the full tax, no AHK
        assert abs(float(c["assessment"][0, j])) < 1  # withheld about right: little to settle


def test_her_own_income_from_work_has_no_bijstand_settlement_in_it():
    res = run(SINGLE_MOTHER_ON_BIJSTAND)
    own = float(res.context["own_work_net_month"][0, 16])
    c = res.components
    assert own >= float(c["her_net"][0, 16])  # the payback on the bijstand is not her work's
