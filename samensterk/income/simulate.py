"""simulate(households, hours): every household x every hours value at once.

One call serves 1 and 100,000 households: the input is packed into numpy arrays (households on
axis 0, her hours on axis 1, children on axis 2) and every rule runs once per year present.

How the parts fit (all euros; components per month, shape (n, H)):

- her wage: hourly wage (default: the statutory minimum wage, yearly average) x hours x 52/12;
  payroll loonheffing by the witte maandtabel; the 8% holiday allowance is paid in May and taxed
  as a once-a-year payment. ``holiday_allowance_may`` is the net amount paid in May (her and her
  partner's); ``holiday_allowance_month`` is the same spread over the year and counts in
  ``net_household``, so the month and the year agree (``net_household_year`` = 12 x month, except
  in a year of two bijstand spells, below, where it is the year's real total).
- the annual assessment (``assessment``): the year's box-1 tax with the heffingskortingen and the
  IACK, against what payroll withheld; + is a refund. A non-earning partner born after 1962 gets
  no payout of heffingskortingen.
- her loonheffingskorting is applied by one payer only (Wet LB 1964 art. 22 and art. 29 lid 2; UWV: "u mag de
  loonheffingskorting maar 1 keer laten toepassen"). While the household gets bijstand the
  default (``Household.loonheffingskorting`` "gemeente") is that the gemeente keeps applying it
  to the bijstand, so her employer withholds the tax without korting; the bijstand tops the lower
  net wage up (Divosa, Werkwijzer Verrekening parttime inkomsten, 2.5: the gemeente counts the
  net wage, with or without korting as applied). Where her wage leaves no bijstand the korting
  goes to her employer. "employer": her employer applies it, and the gemeente grosses her part of
  the bijstand up without it; "both" (a mistake): the korting is used twice and the assessment
  takes the surplus back.
- toetsingsinkomen = her annual taxable wage + the partner's + the taxable (gross) amount of the
  household's bijstand. Bijstand is taxable income and counts in the verzamelinkomen; the
  gemeente pays the net norm and withholds the tax, so we gross the net bijstand up with the
  algemene heffingskorting (see ``inkomstenbelasting.bruto_uitkering_jaar``); a couple's bijstand
  is paid half to each partner, so each half is grossed up with one algemene heffingskorting (her
  half without it when her employer applies her korting). A tax refund counts as means against the
  bijstand while the household gets it (see ``refund_to_bijstand``); the gemeente's own year-end
  correction of the loonheffing on bijstand is not modelled.
- bijstand: the household's top-up to the norm; her and her partner's net wages (holiday
  allowance spread over the year) count against it, with the 25% disregard as an option. A year
  may have two spells (``Household.bijstand_months``: e.g. six months with the 25% disregard and
  six with the 12.5% one or none): the components are those of the household's own months; the
  toetsingsinkomen, the toeslagen and the assessment take the year's real sum of bijstand.
- childcare is used, paid and subsidised only in the hours she works (hours > 0).
- the employee pension contribution (a percentage) is taken from the monthly wage only, not
  from the holiday allowance (schemes differ; this is the simple reading).

A rule that raises MissingParameter gives 0 for that component and
an entry in ``res.missing[i]`` for each household it would apply to.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field

import numpy as np

from samensterk.income.components import COMPONENTS, COSTS, INCOME
from samensterk.income.formulas import (
    awir,
    huurtoeslag,
    kinderbijslag,
    kinderopvangtoeslag,
    kindgebonden_budget,
    loon,
    loonheffing,
    nan_to_num,
    zelfstandigheid,
    zorgtoeslag,
)
from samensterk.income.formulas import bijstand as bijstand_rules
from samensterk.income.formulas import inkomstenbelasting as ib
from samensterk.income.household import (
    CARE_PER_WORK_HOUR,
    CHILDCARE_TYPES,
    CURVE_HOURS,
    LOONHEFFINGSKORTING,
    MAX_HOURS_WEEK,
    Household,
)
from samensterk.income.parameters_loader import MissingParameter, load
from samensterk.income.rounding import round_half_up_cent, round_half_up_cent_nonnegative

PARTNER_CODES = {"none": 0, "works": 1, "bijstand": 2, "no_income": 3}
CHUNK = 1_024  # households per vectorised pass: its (chunk, H) arrays stay in the core's cache

# Care per hour of her work by childcare type code (0: no care).
_PER_WORK_HOUR = np.zeros(len(CHILDCARE_TYPES) + 1)
for _name, _code in CHILDCARE_TYPES.items():
    _PER_WORK_HOUR[_code] = CARE_PER_WORK_HOUR[_name]


@dataclass
class Result:
    """The curve of every household over ``hours``; see the module docstring for the parts."""

    hours: np.ndarray
    components: dict[str, np.ndarray]
    missing: list[list[dict]]
    households: list[Household]
    context: dict[str, np.ndarray] = field(default_factory=dict)  # inputs the explanation needs

    def __len__(self):
        return len(self.households)


@dataclass
class Arrays:
    """The households packed as arrays: (n, 1) per household, (n, 1, K) per child."""

    her_wage: np.ndarray
    her_pension: np.ndarray
    her_old: np.ndarray
    partner: np.ndarray
    partner_gross: np.ndarray
    partner_net: np.ndarray
    partner_pension: np.ndarray
    partner_old: np.ndarray
    child_age: np.ndarray
    rent: np.ndarray
    owner: np.ndarray
    care_type: np.ndarray
    care_hours: np.ndarray
    care_price: np.ndarray
    bijstand_claim: np.ndarray
    vrijlating: np.ndarray
    vrijlating_ouder: np.ndarray
    bijstand_months: np.ndarray
    rest_vrijlating: np.ndarray
    rest_vrijlating_ouder: np.ndarray
    lhk: np.ndarray  # who applies her loonheffingskorting: an index into LOONHEFFINGSKORTING
    own_share_paid: np.ndarray  # the gemeente pays the childcare's own share while on bijstand

    @property
    def has_partner(self):
        return self.partner != PARTNER_CODES["none"]


def _partner_gross(h):
    if h.partner_situation != "works":
        return 0.0
    if h.partner_gross_month is not None:
        return h.partner_gross_month
    if h.partner_hourly_wage is not None:
        return float(loon.brutoloon_maand(h.partner_hourly_wage, h.partner_hours_week or 0.0))
    return np.nan  # from net_month, inverted in simulate


# The (n, 1) fields of Arrays read straight from a Household's attribute, with their dtype
# (np.array turns a None into NaN); the partner's code and gross wage are worked out in pack.
_COLUMNS = (
    ("her_wage", "her_hourly_wage", float),
    ("her_pension", "her_pension_percent", float),
    ("her_old", "her_born_before_1963", bool),
    ("partner_net", "partner_net_month", float),
    ("partner_pension", "partner_pension_percent", float),
    ("partner_old", "partner_born_before_1963", bool),
    ("rent", "rent", float),
    ("owner", "owner", bool),
    ("bijstand_claim", "bijstand_claim", bool),
    ("vrijlating", "bijstand_vrijlating", bool),
    ("vrijlating_ouder", "bijstand_vrijlating_alleenstaande_ouder", bool),
    ("bijstand_months", "bijstand_months", float),
    ("rest_vrijlating", "bijstand_rest_vrijlating", bool),
    ("rest_vrijlating_ouder", "bijstand_rest_vrijlating_alleenstaande_ouder", bool),
    ("lhk", "loonheffingskorting_code", float),
    ("own_share_paid", "bijstand_childcare_own_share", bool),
)
_ATTRIBUTES = operator.attrgetter(*(attribute for _, attribute, _ in _COLUMNS))


def pack(households: list[Household]) -> Arrays:
    """Households -> arrays. A plain loop over the inputs; all arithmetic happens on arrays."""
    n = len(households)
    k = max([len(h.children) for h in households] + [1])
    # The (n, 1) fields in one float array, a field a row: one numpy call, not one per field, and
    # the attributes read by one C-level getter (a batch of 10,000 spent a tenth of its time here).
    table = np.array([_ATTRIBUTES(h) for h in households], dtype=float).T.copy()
    columns = {
        name: table[j].reshape(n, 1) if dtype is float else table[j].reshape(n, 1).astype(dtype)
        for j, (name, _, dtype) in enumerate(_COLUMNS)
    }
    columns["partner"] = np.array([PARTNER_CODES[h.partner_situation] for h in households]).reshape(n, 1)
    columns["partner_gross"] = np.array([_partner_gross(h) for h in households], dtype=float).reshape(n, 1)
    ages = np.full((n, 1, k), np.nan)
    care = np.zeros((3, n, 1, k))
    for i, h in enumerate(households):
        ages[i, 0, : len(h.children)] = h.children
        for c in h.childcare:
            hours = np.nan if c.hours_month is None else c.hours_month  # NaN: follows her hours
            care[:, i, 0, c.child] = (CHILDCARE_TYPES[c.type], hours, c.hourly_price)
    return Arrays(
        **columns, child_age=ages, care_type=care[0].astype(int), care_hours=care[1], care_price=care[2]
    )


def simulate(households: list[Household], hours=CURVE_HOURS) -> Result:
    """Compute every household's curve over ``hours`` (her hours per week)."""
    households = list(households)
    hrs = np.asarray(list(hours), dtype=float)
    # Checked on the smallest and largest value: NaN fails both comparisons.
    if hrs.ndim != 1 or hrs.size == 0 or not (hrs.min() >= 0 and hrs.max() <= MAX_HOURS_WEEK):
        raise ValueError(f"hours must be a non-empty list of values from 0 to {MAX_HOURS_WEEK}")
    n = len(households)
    missing: list[list[dict]] = [[] for _ in range(n)]
    if n == 0:
        empty = {k: np.zeros((0, hrs.size)) for k in COMPONENTS}
        return Result(hours=hrs, components=empty, missing=[], households=[], context={})
    years = np.array([h.year for h in households])
    components: dict[str, np.ndarray] = {}
    context: dict[str, np.ndarray] = {}
    year_set = set(years.tolist())
    for year in sorted(year_set):
        group = np.arange(n) if len(year_set) == 1 else np.flatnonzero(years == year)
        # Chunks bound the working memory (about 60 temporary (chunk, H) arrays) and keep it in
        # the core's cache: on these machines chunks of 512-2,048 households made a batch about
        # a quarter faster than chunks of 16,384 (benchmarks/bench_income.py). The result arrays
        # are filled in place.
        for start in range(0, group.size, CHUNK):
            idx = group[start : start + CHUNK]
            sub = households if idx.size == n else [households[i] for i in idx]
            comps, ctx, miss = _simulate_year(year, pack(sub), hrs)
            if idx.size == n:
                components = {k: _full(v, (n, hrs.size)) for k, v in comps.items()}
                context = ctx
            else:
                # With one year the chunk's rows are a slice: a faster copy than by index.
                rows = slice(start, start + idx.size) if len(year_set) == 1 else idx
                _fill(components, comps, rows, n, hrs.size)
                _fill(context, ctx, rows, n)
            for j, m in enumerate(miss):
                missing[idx[j]] = m
    return Result(hours=hrs, components=components, missing=missing, households=households, context=context)


def _fill(out: dict, part: dict, rows, n, hours=None):
    """Copy a chunk's arrays into the rows ``rows`` of the batch's arrays, made on the first
    chunk: (n, hours), the assignment broadcasting a chunk's (m, 1) component over the hours,
    or without ``hours`` n rows of the chunk array's shape. Every row is written exactly once."""
    for key, arr in part.items():
        if key not in out:
            shape = (n, hours) if hours else (n,) + arr.shape[1:]
            out[key] = np.empty(shape, dtype=np.result_type(arr))
        out[key][rows] = arr


class _Rules:
    """Calls a rule; a MissingParameter becomes 0 for that component and a note for each
    household it applies to.

    A rule raises for the whole array when any household needs an unpublished figure, so on
    MissingParameter we split the households in halves and retry, down to single households:
    only the households that need the figure are flagged; the others get their amount.

    ``applies`` marks the households for which the component can be other than 0 (a child for
    the kindgebonden budget, childcare for its toeslag, a claim for bijstand): where it is False
    the rule gives 0, so when it is False for all of them the rule is not called at all (for one
    household without childcare, say; tests/income/test_simulate_rules.py checks the premise)."""

    def __init__(self, n):
        self.n = n
        self.missing: list[list[dict]] = [[] for _ in range(n)]

    def call(self, component, fn, applies, shape, **kwargs):
        if applies is not True and not applies.any():
            return np.zeros((self.n, shape[1]))
        try:  # the usual case: all households at once, without the bookkeeping of _fill
            result = fn(**kwargs)
        except MissingParameter as e:
            out = np.zeros((self.n, shape[1]))
            applies = np.broadcast_to(applies, (self.n, 1))[:, 0]
            self._split(component, fn, kwargs, np.arange(self.n), out, applies, e)
            return out
        if (
            isinstance(result, np.ndarray) and result.dtype == float and result.shape == (self.n, shape[1])
            and not any(result is v for v in kwargs.values())
        ):  # fmt: skip
            return result  # a new array of the right shape already: no copy needed
        out = np.empty((self.n, shape[1]))
        out[...] = result  # broadcast by the assignment
        return out

    def _fill(self, component, fn, kwargs, idx, out, applies):
        sub = kwargs if idx.size == self.n else {k: self._rows(v, idx) for k, v in kwargs.items()}
        try:
            out[idx] = np.broadcast_to(np.asarray(fn(**sub), dtype=float), (idx.size, out.shape[1]))
        except MissingParameter as e:
            self._split(component, fn, kwargs, idx, out, applies, e)

    def _split(self, component, fn, kwargs, idx, out, applies, e):
        """The households ``idx`` raised ``e``: note it for a single one, else retry the halves."""
        if idx.size == 1:
            if applies[idx[0]]:
                self.missing[idx[0]].append({"component": component, "parameter": e.name, "note": e.note})
            return
        half = idx.size // 2
        self._fill(component, fn, kwargs, idx[:half], out, applies)
        self._fill(component, fn, kwargs, idx[half:], out, applies)

    def _rows(self, value, idx):
        if isinstance(value, np.ndarray) and value.ndim >= 1 and value.shape[0] == self.n and self.n > 1:
            return value[idx]
        return value


def _payroll(p, gross, pension_percent):
    """Net wage, loonheffing and the holiday allowance per earner (monthly; May separately).

    Every rule here works element by element, so one call serves both earners: her wages are
    the first columns and the partner's wage the last (see _simulate_year). One household's
    curve is short, and the cost of a numpy call, not its arithmetic, is what counts there."""
    gross = round_half_up_cent_nonnegative(gross)
    pension = round_half_up_cent_nonnegative(gross * pension_percent / 100)
    table = gross - pension
    vt = round_half_up_cent_nonnegative(loon.vakantiebijslag(p, 12 * gross))
    lh, vt_lh, vt_lh_zonder = loonheffing.loonheffing_maand_en_bijzondere_beloning(p, table, vt)
    return {
        "gross": gross, "net": table - lh.met_korting, "lh": lh.met_korting,
        "lh_ahk": lh.algemene_heffingskorting, "lh_ak": lh.arbeidskorting, "vt": vt,
        "vt_net": vt - vt_lh, "withheld_year": 12 * lh.met_korting + vt_lh, "taxable_year": 12 * table + vt,
        "table": table, "lh_zonder": lh.zonder_korting, "vt_lh_zonder": vt_lh_zonder,
    }  # fmt: skip


def _her_payroll(her, without):
    """Her payroll where her employer applies no loonheffingskorting (``without``, True there):
    the full tax is withheld on the wage and on the holiday allowance."""
    zero = np.zeros(1)
    other = {
        "net": her["table"] - her["lh_zonder"], "lh": her["lh_zonder"], "lh_ahk": zero, "lh_ak": zero,
        "vt_net": her["vt"] - her["vt_lh_zonder"], "withheld_year": 12 * her["lh_zonder"] + her["vt_lh_zonder"],
    }  # fmt: skip
    return {**her, **{k: np.where(without, v, her[k]) for k, v in other.items()}}


_PAYROLL_HER = ("gross", "net", "lh", "lh_ahk", "lh_ak", "vt", "vt_net", "withheld_year", "taxable_year",
                "table", "lh_zonder", "vt_lh_zonder")  # fmt: skip
_PAYROLL_PARTNER = ("gross", "net", "lh", "vt_net", "withheld_year", "taxable_year")


def _work_credits(p, work):
    """The arbeidskorting and the IACK on a person's taxable income from ``work``, before the tax
    caps them; worked out once per person for the two assessments (with and without bijstand),
    and for both earners in one call (their columns side by side, as in _payroll)."""
    work = ib.belastbaar_inkomen(work)
    return ib.arbeidskorting(p, work), ib.iack(p, work)


def _assessment(p, taxable, withheld, iack_right, *, credits):
    """The annual assessment of one person (Wet IB 2001): box-1 tax over all ``taxable`` income
    (wage, holiday allowance, share of the gross bijstand), the credits once each (the
    arbeidskorting and IACK on the income from work only: ``credits`` from _work_credits), and
    the refund (+) or payback (-). Element by element: _simulate_year stacks the four
    assessments it needs on one axis and makes one call."""
    income = ib.belastbaar_inkomen(taxable)
    tax = ib.box1_belasting(p, income)
    ahk_full = ib.algemene_heffingskorting(p, income)
    ak_full, iack_full = credits
    ahk = np.minimum(ahk_full, tax)
    ak = np.minimum(ak_full, tax - ahk)
    iack = np.where(iack_right, np.minimum(iack_full, tax - ahk - ak), 0.0)
    due = tax - ahk - ak - iack
    ahk_unused = ahk_full - ahk
    return {
        "due": due,
        "ahk": ahk,
        "ak": ak,
        "iack": iack,
        "refund": withheld - due,
        "ahk_unused": ahk_unused,
    }


def _full(v, shape):
    """``v`` as a C-contiguous array of ``shape``: np.ascontiguousarray(np.broadcast_to(v, shape)),
    which is a read-only view of an array that has the shape already; made here without the cost
    of broadcast_to (a simulation builds some 25 components this way)."""
    if isinstance(v, np.ndarray) and v.shape == shape and v.flags.c_contiguous:
        view = v.view()
        view.flags.writeable = False
        return view
    return _copy(v, shape, dtype=np.result_type(v))


def _copy(v, shape, dtype=float):
    """A new C-contiguous array of ``shape`` with the values of ``v`` broadcast to it (as
    np.broadcast_to(v, shape).astype(dtype), at a fraction of broadcast_to's cost)."""
    out = np.empty(shape, dtype=dtype)
    out[...] = v  # the assignment broadcasts
    return out


def _norm(p, leefvorm, n):
    """The household's bijstand norm incl. holiday pay, the year's average of its two half-year
    norms (NaN when one is not published)."""
    try:
        return _copy(_year_norm(p, leefvorm), (n, 1))
    except MissingParameter:
        return np.full((n, 1), np.nan)


def _year_norm(p, leefvorm):
    """The year's average of the 1 January and 1 July norms (bijstand.bijstandsnorm_jaargemiddelde)."""
    return bijstand_rules.bijstandsnorm_jaargemiddelde(
        p, load(dt.date(p.instant.year, 7, 1)), leefvorm=leefvorm
    )


def _simulate_year(year: int, a: Arrays, hrs: np.ndarray):
    p = load(year)
    n, shape = a.her_wage.shape[0], (a.her_wage.shape[0], hrs.size)
    rules = _Rules(n)
    has_partner = a.has_partner
    h = hrs[None, :]
    working = h > 0  # (1, H): broadcast where it is used

    # Her wage at each hours value, and the partner's wage; a net_month input is inverted to
    # the gross wage.
    wage = np.where(np.isnan(a.her_wage), loon.minimumuurloon_jaargemiddelde(year), a.her_wage)
    works = a.partner == PARTNER_CODES["works"]
    pgross = a.partner_gross.copy()
    todo = works & np.isnan(pgross)
    if todo.any():
        pgross[todo] = loonheffing.brutoloon_bij_nettoloon(
            p, a.partner_net[todo], pensioen_percentage=a.partner_pension[todo]
        )
    pgross = np.where(works, nan_to_num(pgross), 0.0)
    # The payroll of both: her H columns and the partner's one column side by side, one call.
    H = hrs.size
    gross, pension = np.empty((n, H + 1)), np.empty((n, H + 1))
    gross[:, :H], gross[:, H:] = loon.brutoloon_maand(wage, h), pgross
    pension[:, :H], pension[:, H:] = a.her_pension, a.partner_pension
    both = _payroll(p, gross, pension)
    # Split into her columns and the partner's: only the parts used below (a slice is a numpy call).
    her = {k: both[k][:, :H] for k in _PAYROLL_HER}
    partner = {k: both[k][:, H:] for k in _PAYROLL_PARTNER}
    # Her loonheffingskorting, applied by one payer: with bijstand, by default the gemeente (her
    # employer then applies none); her employer where she chose so, or both by mistake.
    leefvorm = np.where(has_partner, 1, 2)
    months = a.bijstand_months
    try:  # every month of the year at the year's average norm, as her wage (minimumuurloon_jaargemiddelde)
        norm = _year_norm(p, leefvorm) if a.bijstand_claim.any() else None
    except MissingParameter:
        norm = None  # the rule raises it again for the households it applies to

    def top_up(her):
        """Bijstand: the top-up to the norm of the household (couple or single parent), for the
        household's own months and the rest of the year. A year of two spells (the bijstand time
        line: six months with the 25% disregard, then the months after): the components describe
        the household's own months, while the year's income tests (toetsingsinkomen, assessment)
        take the year's real sum of bijstand."""
        her_work_month = her["net"] + her["vt_net"] / 12  # her net wage, holiday allowance spread
        work_net_month = her_work_month + partner["net"] + partner["vt_net"] / 12
        bijstand = rules.call(
            "bijstand", bijstand_rules.bijstand, a.bijstand_claim, shape, p=p, leefvorm=leefvorm,
            netto_inkomen_maand=work_net_month, arbeidsinkomen_zij_maand=her_work_month,
            met_vrijlating=a.vrijlating, met_vrijlating_alleenstaande_ouder=a.vrijlating_ouder, norm=norm) * a.bijstand_claim  # fmt: skip
        rest = bijstand
        if (months < 12).any():
            rest = rules.call(
                "bijstand", bijstand_rules.bijstand, a.bijstand_claim & (months < 12), shape, p=p, leefvorm=leefvorm,
                netto_inkomen_maand=work_net_month, arbeidsinkomen_zij_maand=her_work_month,
                met_vrijlating=a.rest_vrijlating, met_vrijlating_alleenstaande_ouder=a.rest_vrijlating_ouder, norm=norm) * a.bijstand_claim  # fmt: skip
        return bijstand, rest, months * bijstand + (12 - months) * rest

    # Her loonheffingskorting, applied by one payer. With bijstand, by default the gemeente applies
    # it and her employer none, unless her wage with the korting would leave no bijstand in the
    # year: then she leaves the bijstand and her employer applies it. "employer" or "both" (by
    # mistake) as chosen.
    gemeente_only = a.bijstand_claim & (a.lhk == LOONHEFFINGSKORTING.index("gemeente"))
    bijstand, bijstand_rest, bijstand_year = top_up(her)
    at_employer = ~gemeente_only | (bijstand_year <= 0)
    if (gemeente_only & (bijstand_year > 0)).any():
        her = _her_payroll(her, ~at_employer)
        bijstand, bijstand_rest, bijstand_year = top_up(her)
    her_vt_net = her["vt_net"]
    # A couple's bijstand is paid half to each partner, each half grossed up by the gemeente with
    # that partner's algemene heffingskorting; a single parent's in full.
    halves = np.where(has_partner, 2, 1)
    share_net_year = bijstand_year / halves
    if a.bijstand_claim.any():  # a jaaropgaaf is in cents
        share_gross_year = round_half_up_cent(ib.bruto_uitkering_jaar(p, share_net_year))
    else:  # nobody here gets bijstand: the gross-up and rounding of 0 give 0 (a dozen numpy calls)
        share_gross_year = np.zeros(shape)
    # Her part: where her employer applies her korting (and not the gemeente too), the gemeente
    # grosses it up without the algemene heffingskorting.
    employer_only = a.bijstand_claim & (a.lhk == LOONHEFFINGSKORTING.index("employer")) & working
    her_share_gross = share_gross_year
    if employer_only.any():
        without = round_half_up_cent(ib.bruto_uitkering_jaar(p, share_net_year, met_heffingskorting=False))
        her_share_gross = np.where(employer_only, without, share_gross_year)
    bijstand_gross_year = her_share_gross + np.where(has_partner, share_gross_year, 0.0)
    share_withheld_year = share_gross_year - share_net_year
    her_share_withheld = her_share_gross - share_net_year

    # The annual assessment per person over all box-1 income: wage, holiday allowance and the
    # person's share of the gross bijstand; every heffingskorting once, none above the tax.
    # Her loonheffingskorting was applied once (by the gemeente or her employer, above), or twice
    # where "both" was chosen: then the assessment takes the surplus back.
    youngest = np.where(np.isnan(a.child_age), np.inf, a.child_age).min(axis=-1)
    her_taxable = her["taxable_year"]
    p_taxable = _copy(partner["taxable_year"], shape)
    p_share = np.where(has_partner, share_gross_year, 0.0)
    p_share_withheld = np.where(has_partner, share_withheld_year, 0.0)
    her_iack = ib.iack_recht(p, eigen_arbeidsinkomen=her_taxable, partner_arbeidsinkomen=p_taxable,
                             heeft_partner=has_partner, jongste_kind_leeftijd=youngest)  # fmt: skip
    p_iack = has_partner & (youngest < p.iack.leeftijdsgrens_kind) & (p_taxable < her_taxable)
    ak, iack = _work_credits(p, both["taxable_year"])  # her columns, then the partner's
    # Four assessments, stacked on axis 1 and made in one call: her and the partner's over all
    # income (0, 1), and over the income from work alone (2, 3; below).
    taxable, withheld = np.empty((n, 4, H)), np.empty((n, 4, H))
    iack_right, ak4, iack4 = np.empty((n, 4, H), dtype=bool), np.empty((n, 4, H)), np.empty((n, 4, H))
    taxable[:, 0], taxable[:, 1] = her_taxable + her_share_gross, p_taxable + p_share
    taxable[:, 2], taxable[:, 3] = her_taxable, p_taxable
    withheld[:, 0] = her["withheld_year"] + her_share_withheld
    withheld[:, 1] = partner["withheld_year"] + p_share_withheld
    withheld[:, 2], withheld[:, 3] = her["withheld_year"], partner["withheld_year"]
    iack_right[:, 0::2], iack_right[:, 1::2] = her_iack[:, None], p_iack[:, None]
    ak4[:, 0::2], ak4[:, 1::2] = ak[:, None, :H], ak[:, None, H:]
    iack4[:, 0::2], iack4[:, 1::2] = iack[:, None, :H], iack[:, None, H:]
    del ak, iack
    ib4 = _assessment(p, taxable, withheld, iack_right, credits=(ak4, iack4))
    del taxable, withheld, iack_right, ak4, iack4  # not kept to the end: a batch's peak memory
    her_ib, p_ib = ({k: ib4[k][:, j] for k in ("due", "iack", "refund", "ahk_unused")} for j in (0, 1))
    her_work_refund, p_work_refund = ib4["refund"][:, 2], ib4["refund"][:, 3]
    # Payout of unused algemene heffingskorting only to a partner born before 1963 (art. 8.9).
    her_payout = ib.uitbetaling_algemene_heffingskorting(
        p, geboortejaar_voor_grens=a.her_old & has_partner, ahk_eigen=her_ib["ahk_unused"],
        belasting_partner_na_korting=p_ib["due"])  # fmt: skip
    p_payout = ib.uitbetaling_algemene_heffingskorting(
        p, geboortejaar_voor_grens=a.partner_old & has_partner, ahk_eigen=p_ib["ahk_unused"],
        belasting_partner_na_korting=her_ib["due"] - her_payout)  # fmt: skip
    assessment_year = her_ib["refund"] + her_payout + p_ib["refund"] + p_payout
    # A tax refund counts as means against the bijstand (Participatiewet art. 31 lid 1; gemeenten
    # count refunded heffingskortingen such as the AHK, the AK and the IACK): while the household
    # gets bijstand, the gemeente lowers it by the refund, up to a year's bijstand.
    refund_to_bijstand = np.zeros(shape)
    if a.bijstand_claim.any():
        refund_to_bijstand = np.where(a.bijstand_claim, np.clip(assessment_year, 0.0, None), 0.0)
        refund_to_bijstand = np.minimum(refund_to_bijstand, bijstand_year)
        assessment_year = assessment_year - refund_to_bijstand
    # Her own income from work (CBS) counts no bijstand: her_work_refund, the settlement of her
    # wage alone (and p_work_refund the partner's), made with the two above.

    # Toeslagen on the joint toetsingsinkomen.
    ti = her_taxable + p_taxable + bijstand_gross_year
    has_child = ~np.isnan(a.child_age).all(axis=-1)
    has_care = (a.care_type > 0).any(axis=-1)
    # Care that follows her hours: her hours a month times the share of them the type covers.
    follows = loon.brutoloon_maand(_PER_WORK_HOUR[a.care_type], h[..., None])  # share x hours x 52/12
    care_hours = np.where(np.isnan(a.care_hours), follows, a.care_hours) * working[..., None]
    zt = rules.call("zorgtoeslag", zorgtoeslag.zorgtoeslag, True, shape,
                    p=p, toetsingsinkomen=ti, heeft_partner=has_partner)  # fmt: skip
    ht = rules.call("huurtoeslag", huurtoeslag.huurtoeslag, ~a.owner & (a.rent > 0), shape,
                    p=p, toetsingsinkomen=ti, heeft_partner=has_partner, kind_leeftijd=a.child_age,
                    kale_huur_maand=a.rent, eigen_woning=a.owner)  # fmt: skip
    kgb = rules.call("kindgebonden_budget", kindgebonden_budget.kindgebonden_budget, has_child, shape,
                     p=p, toetsingsinkomen=ti, heeft_partner=has_partner, kind_leeftijd=a.child_age)  # fmt: skip
    recht = working & (~has_partner | works)
    kot = rules.call("kinderopvangtoeslag", kinderopvangtoeslag.kinderopvangtoeslag, has_care, shape,
                     p=p, toetsingsinkomen=ti, kind_leeftijd=a.child_age, opvang_soort=a.care_type,
                     opvang_uren_maand=care_hours, opvang_uurprijs=a.care_price, recht=recht)  # fmt: skip
    cost = rules.call("childcare_cost", kinderopvangtoeslag.kinderopvang_kosten, has_care, shape,
                      p=p, opvang_uren_maand=care_hours, opvang_uurprijs=a.care_price)  # fmt: skip
    kb = rules.call(
        "kinderbijslag", kinderbijslag.kinderbijslag, has_child, (n, 1), p=p, kind_leeftijd=a.child_age
    )

    toeslagen_year = np.empty((4, n, H))  # the four toeslagen stacked, their months in one call
    toeslagen_year[0], toeslagen_year[1], toeslagen_year[2], toeslagen_year[3] = zt, ht, kgb, kot
    toeslagen_month = awir.maandbedrag(toeslagen_year)
    # The part of the childcare the toeslag leaves, paid by the gemeente (bijzondere bijstand,
    # Participatiewet art. 35) in the months the household still gets bijstand, where the household
    # says its gemeente does: a local policy (many gemeenten, not all), so only on that answer.
    own_share = own_share_rest = np.zeros(shape)
    if a.own_share_paid.any():
        left = np.clip(cost / 12 - toeslagen_month[3], 0.0, None)
        own_share = np.where(a.own_share_paid & (bijstand > 0.005), left, 0.0)
        own_share_rest = np.where(a.own_share_paid & (bijstand_rest > 0.005), left, 0.0)
    c = {
        "her_gross": her["gross"],
        "her_net": her["net"],
        "partner_gross": partner["gross"],
        "partner_net": partner["net"],
        "loonheffing_her": her["lh"],
        "loonheffing_partner": partner["lh"],
        "algemene_heffingskorting": her["lh_ahk"],
        "arbeidskorting": her["lh_ak"],
        "iack": (her_ib["iack"] + p_ib["iack"]) / 12,
        "assessment": assessment_year / 12,
        "zorgtoeslag": toeslagen_month[0],
        "huurtoeslag": toeslagen_month[1],
        "kindgebonden_budget": toeslagen_month[2],
        "kinderopvangtoeslag": toeslagen_month[3],
        "kinderbijslag": kb / 12,
        "bijstand": bijstand,
        "childcare_cost": cost / 12,
        "gemeente_childcare": own_share,
        "holiday_allowance_month": (her_vt_net + partner["vt_net"]) / 12,
        "holiday_allowance_may": her_vt_net + partner["vt_net"],
    }
    # The registry says what adds to the household's net income and what is paid out of it.
    net = sum(c[k] for k in INCOME) - sum(c[k] for k in COSTS)
    c["net_household"] = net
    # The year's real total: in a year of two spells only the bijstand (and with it the gemeente's
    # part of the childcare) differs between its months.
    c["net_household_year"] = 12 * net + (12 - months) * (
        bijstand_rest - bijstand + own_share_rest - own_share
    )
    c["change_vs_0"] = net - net[:, :1]
    step = hrs[1:] - hrs[:-1]  # np.diff, without its overhead
    marginal = np.zeros(shape)  # 0 at the first hours value
    marginal[:, 1:] = (net[:, 1:] - net[:, :-1]) / np.where(step == 0, 1, step)
    c["marginal_per_hour"] = marginal

    # Her own net income from work, yearly average per month (CBS definition).
    own_work = her["net"] + her_vt_net / 12 + her_work_refund / 12
    wml_net = zelfstandigheid.netto_minimumloon_maand(year)
    partner_own = (partner["net"] + partner["vt_net"] / 12) + p_work_refund / 12  # (n, 1) + (n, H)
    c["financially_independent"] = zelfstandigheid.financieel_onafhankelijk(p, own_work, wml_net)
    c["economically_independent"] = zelfstandigheid.economisch_zelfstandig(p, own_work, wml_net)
    ctx = {
        "toetsingsinkomen": np.ascontiguousarray(ti),
        "her_hourly_wage": _copy(wage, (n, 1)),
        "her_taxable_year": np.ascontiguousarray(her_taxable),
        "partner_taxable_year": np.ascontiguousarray(p_taxable),
        "bijstand_gross_year": np.ascontiguousarray(bijstand_gross_year),
        "bijstand_norm": _norm(p, leefvorm, n),
        "bijstand_rest_months": _copy(bijstand_rest, shape),
        "care_hours_month": care_hours.sum(axis=-1),  # a new (n, H) array
        "assessment_her_year": np.ascontiguousarray(her_ib["refund"] + her_payout),
        "assessment_partner_year": np.ascontiguousarray(p_ib["refund"] + p_payout),
        "own_work_net_month": np.ascontiguousarray(own_work),
        "partner_own_work_net_month": np.ascontiguousarray(partner_own),
        "partner_financially_independent": np.ascontiguousarray(
            zelfstandigheid.financieel_onafhankelijk(p, partner_own, wml_net) & (partner_own > 0)
        ),
        "netto_minimumloon": np.full((n, 1), wml_net),
        "refund_to_bijstand_year": np.ascontiguousarray(refund_to_bijstand),
        # Whether her employer applies her loonheffingskorting at this hours value.
        "korting_at_employer": _copy(at_employer & working, shape, dtype=bool),
        "year": np.full((n, 1), year),
    }
    return c, ctx, rules.missing
