"""Inkomstenbelasting box 1 and the heffingskortingen, for the annual assessment (aanslag).

Payroll (``loonheffing.py``) uses the same credit formulas with the payroll rounding; the annual
assessment recomputes the year's tax on the year's wage, adds the IACK (which payroll does not
apply) and settles the difference with what was withheld.
"""

from __future__ import annotations

import math

import numpy as np

from samensterk.income.rounding import round_down_euro


def belastbaar_inkomen(inkomen):
    """Belastbaar inkomen uit werk en woning, rounded down to whole euros
    (Wet IB 2001, art. 3.1; Awr rounds the taxable income down to whole euros)."""
    return round_down_euro(np.maximum(np.asarray(inkomen, float), 0.0))


def box1_belasting(p, belastbaar):
    """Inkomstenbelasting plus premies volksverzekeringen in box 1, below AOW age: the bracket
    rates of Wet IB 2001, art. 2.10, with Wfsv art. 9 (combined rate)."""
    return p.inkomstenbelasting.tarief_box1.calc(belastbaar)


def algemene_heffingskorting(p, inkomen):
    """Algemene heffingskorting below AOW age: the maximum, reduced by the afbouwpercentage of
    the income above the afbouwpunt, not below zero (Wet IB 2001, art. 8.10)."""
    ahk = p.algemene_heffingskorting
    afbouw = ahk.afbouwpercentage * np.maximum(np.asarray(inkomen, float) - ahk.afbouwpunt, 0.0)
    return np.minimum(np.maximum(ahk.maximum - afbouw, 0.0), ahk.maximum)  # np.clip, cheaper


def arbeidskorting(p, arbeidsinkomen, *, decimals: int | None = None):
    """Arbeidskorting below AOW age (Wet IB 2001, art. 8.11): per bracket the statutory amount
    at its threshold plus its percentage of the arbeidsinkomen above it; a rising bracket never
    exceeds the next bracket's amount; the last bracket phases out to zero.

    ``decimals``: payroll rounds each product to 5 decimals (Rekenvoorschriften loonheffing)."""
    scale = p.arbeidskorting.schijven
    x = np.maximum(np.asarray(arbeidsinkomen, float), 0.0)
    idx = np.maximum(scale.thresholds.searchsorted(x, side="right") - 1, 0)
    rates = scale.rates[idx]
    product = rates * (x - scale.thresholds[idx])
    if decimals is not None:
        product = product.round(decimals)  # what np.round calls, without its wrapper
    ak = scale.amounts[idx] + product
    # A rising bracket is capped at the statute's amount where the next bracket starts.
    ak = np.where(rates > 0, np.minimum(ak, scale.next_amounts[idx]), ak)
    return np.maximum(ak, 0.0)


def iack(p, arbeidsinkomen):
    """Inkomensafhankelijke combinatiekorting: the opbouwpercentage of the arbeidsinkomen above
    the drempel, up to the maximum (Wet IB 2001, art. 8.14a). Eligibility: see ``iack_recht``."""
    c = p.iack
    opbouw = c.opbouwpercentage * (np.asarray(arbeidsinkomen, float) - c.drempel)
    return np.minimum(np.maximum(opbouw, 0.0), c.maximum)  # np.clip, cheaper


def iack_recht(p, *, eigen_arbeidsinkomen, partner_arbeidsinkomen, heeft_partner, jongste_kind_leeftijd):
    """Who has the IACK (Wet IB 2001, art. 8.14a lid 1): a child younger than 12 on 1 January
    lives with you, and you have no fiscal partner or you have the lower arbeidsinkomen of the
    two. With equal incomes the older partner has it; we do not know ages and give it to her."""
    kind = np.asarray(jongste_kind_leeftijd, float) < p.iack.leeftijdsgrens_kind  # NaN -> False
    lager = np.asarray(eigen_arbeidsinkomen, float) <= np.asarray(partner_arbeidsinkomen, float)
    return kind & (~np.asarray(heeft_partner, bool) | lager)


def verschuldigde_belasting(belasting, heffingskortingen):
    """Tax due after heffingskortingen: the credits reduce the tax to zero but not below
    (Wet IB 2001, art. 8.1; payout to a non-earning partner is handled separately)."""
    return np.maximum(np.asarray(belasting, float) - np.asarray(heffingskortingen, float), 0.0)


def uitbetaling_algemene_heffingskorting(
    p, *, geboortejaar_voor_grens, ahk_eigen, belasting_partner_na_korting
):
    """Payout of the algemene heffingskorting to a minstverdienende partner without enough tax of
    their own: only if born before 1 January 1963, and at most the other partner's tax
    (Wet IB 2001, art. 8.9 lid 2-3). ``geboortejaar_voor_grens``: born before that date."""
    return np.where(
        np.asarray(geboortejaar_voor_grens, bool),
        np.minimum(np.asarray(ahk_eigen, float), np.maximum(belasting_partner_na_korting, 0.0)),
        0.0,
    )


def bruto_uitkering_jaar(p, netto_jaar, *, raster_stap=1.0, met_heffingskorting=True):
    """The taxable (gross) annual amount of a net benefit such as bijstand: the gemeente pays the
    net norm and withholds loonheffing on top, with the algemene heffingskorting and no
    arbeidskorting (Participatiewet art. 21 amounts are net; Wet LB 1964 art. 22; Belastingdienst,
    besluit CPP2000/3098M, "Heffing van belasting/premie volksverzekeringen ter zake van
    bijstandsuitkeringen", section 4). Without ``met_heffingskorting`` (her employer applies her
    loonheffingskorting, so the gemeente may not) the gross-up withholds the full tax. The gross
    amount counts in the toetsingsinkomen (Awir art. 8: verzamelinkomen).

    Net(gross) = gross - max(box-1 tax - AHK, 0) rises piecewise-linearly with gross, so we
    invert it by linear interpolation on a one-euro grid up to the largest net amount asked."""
    netto = np.maximum(np.asarray(netto_jaar, float), 0.0)
    if not netto.any():  # no benefit at all (most households): gross 0, as the grid gives
        return np.zeros_like(netto)
    top = float(np.max(netto, initial=0.0)) * 2 + 2 * raster_stap
    size = math.ceil(top / raster_stap)  # np.arange's length
    bruto_raster, netto_raster = _raster(p, size, raster_stap, met_heffingskorting)
    return np.interp(netto, netto_raster, bruto_raster)


# The grid (np.arange(0, top, step)) and Net(gross) on it, per instant and grid step. A grid
# point's value (i x step) and Net there do not depend on the grid's length, so the first points
# of a longer grid are those of a shorter one: we keep the longest grid asked for and hand out
# its first points. (For one household on bijstand the grid has tens of thousands of points;
# computing it was about a third of the simulation.)
_RASTER: dict = {}


def _raster(p, size, raster_stap, met_heffingskorting=True):
    key = (p.instant, raster_stap, met_heffingskorting)
    grids = _RASTER.get(key)
    if grids is None or grids[0].size < size:
        bruto_raster = np.arange(size) * raster_stap  # the points of np.arange(0.0, top, raster_stap)
        belasting = box1_belasting(p, bruto_raster)
        korting = algemene_heffingskorting(p, bruto_raster) if met_heffingskorting else 0.0
        netto_raster = bruto_raster - verschuldigde_belasting(belasting, korting)
        # Shared by every later call but left writeable: np.interp copies a read-only array
        # (tens of thousands of points, most of a bijstand household's simulation). Only
        # bruto_uitkering_jaar reads them.
        grids = _RASTER[key] = (bruto_raster, netto_raster)
    return grids[0][:size], grids[1][:size]
