"""Kinderopvangtoeslag (Wet kinderopvang, hoofdstuk 1, afdeling 3; Besluit kinderopvangtoeslag).

Per child: the hours (at most 230 a month) times the hourly price (at most the maximum uurprijs of
the type of care) times a percentage that depends on the joint toetsingsinkomen; the first child
has its own percentage table. Child-level inputs have the children on the last axis (n, 1, K);
household inputs are (n, 1) or (n, H).
"""

from __future__ import annotations

import functools

import numpy as np

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir, nan_to_num
from samensterk.income.rounding import round_down_euro

GEEN, DAGOPVANG, BUITENSCHOOLSE_OPVANG, GASTOUDEROPVANG = 0, 1, 2, 3


def maximum_uurprijs(p, *, opvang_soort):
    """The maximum hourly price of the type of care (0 for "no care").

    Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag (maximum uurprijs).
    """
    kot = p.kinderopvangtoeslag
    soort = np.asarray(opvang_soort)
    dagopvang = kot.maximum_uurprijs_dagopvang
    bso = kot.maximum_uurprijs_buitenschoolse_opvang
    gastouder = kot.maximum_uurprijs_gastouderopvang
    # Nested np.where rather than np.select: the same result, at a fraction of the cost.
    return np.where(
        soort == DAGOPVANG,
        dagopvang,
        np.where(soort == BUITENSCHOOLSE_OPVANG, bso, np.where(soort == GASTOUDEROPVANG, gastouder, 0.0)),
    )


def opvanguren(p, *, opvang_soort, opvang_uren_maand):
    """The hours per month that count: at most 230 per child, only for a known type of care.

    Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag, art. 8a.
    """
    uren = np.maximum(nan_to_num(opvang_uren_maand), 0.0)
    uren = np.minimum(uren, p.kinderopvangtoeslag.maximum_uren_per_maand)
    return np.where(np.asarray(opvang_soort) == GEEN, 0.0, uren)


def vergoede_uurprijs(p, *, opvang_soort, opvang_uurprijs):
    """The hourly price that counts: the actual price, at most the maximum uurprijs.

    Wet kinderopvang, art. 1.7 (maximum uurprijs).
    """
    prijs = np.maximum(nan_to_num(opvang_uurprijs), 0.0)
    return np.minimum(prijs, maximum_uurprijs(p, opvang_soort=opvang_soort))


def eerste_kind(uren, kosten):
    """Which child is the "first" child: the most childcare hours; on equal hours the highest costs.

    Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag, bijlage I (eerste kind), as applied in the Dienst Toeslagen
    leaflet "Berekening kinderopvangtoeslag 2026". On a further tie the lowest index is taken
    (the percentages are then the same either way). Children without care are never first.
    """
    if uren.shape[-1] == 0:
        return np.zeros(uren.shape, dtype=bool)
    meeste_uren = uren == uren.max(axis=-1, keepdims=True)
    kosten_kandidaat = np.where(meeste_uren, kosten, -np.inf)
    kandidaat = meeste_uren & (kosten_kandidaat == kosten_kandidaat.max(axis=-1, keepdims=True))
    return kandidaat & (kandidaat.cumsum(axis=-1) == 1) & (uren > 0)


def _tabel(p, naam):
    """The percentage table at ``p.instant`` with NaN for a band whose percentage is unpublished.

    The loader's Scale refuses a table with any missing entry; the 2025 table is known only for
    its lowest bands, so we read the brackets ourselves and raise only for incomes that need a
    missing band. A band with a missing threshold does not exist in that year.
    """
    return _tabel_op(p.instant, naam)


# Built once per instant: the parameter files do not change while the process runs, and reading
# the brackets was a large part of one household's simulation (two tables per call).
@functools.cache
def _tabel_op(instant, naam):
    param = parameters_loader.all_parameters()[f"kinderopvangtoeslag.{naam}"]
    grenzen, percentages, notes = [], [], []
    for bracket in param.brackets:
        grens = bracket["threshold"].at(instant)
        if grens.missing:
            continue
        percentage = bracket["rate"].at(instant)
        grenzen.append(float(grens.value))
        percentages.append(np.nan if percentage.missing else float(percentage.value))
        notes.append(percentage.note)
    grenzen, percentages = np.array(grenzen), np.array(percentages)
    grenzen.flags.writeable = percentages.flags.writeable = False  # shared by every caller
    return grenzen, percentages, tuple(notes)


def percentage(p, *, naam, toetsingsinkomen):
    """The percentage of the band the joint toetsingsinkomen falls in (NaN if unpublished).

    Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag, bijlage I; ``naam`` is percentage_eerste_kind or percentage_volgend_kind.
    """
    grenzen, percentages, _ = _tabel(p, naam)
    index = grenzen.searchsorted(np.asarray(toetsingsinkomen, dtype=float), side="right") - 1
    return percentages[np.maximum(index, 0)]


def kinderopvangtoeslag_per_maand(
    p, *, toetsingsinkomen, kind_leeftijd, opvang_soort, opvang_uren_maand, opvang_uurprijs, recht
):
    """Monthly kinderopvangtoeslag before rounding: sum over children of hours x price x percentage.

    Wet kinderopvang, art. 1.5 and 1.6 (recht: the parent and the toeslagpartner both work) and art. 1.7;
    Besluit kinderopvangtoeslag, art. 8a and bijlage I.
    Raises MissingParameter when a household that receives the toeslag needs an unpublished
    percentage.
    """
    bestaat = ~np.isnan(np.asarray(kind_leeftijd, dtype=float))
    uren = np.where(
        bestaat, opvanguren(p, opvang_soort=opvang_soort, opvang_uren_maand=opvang_uren_maand), 0.0
    )
    prijs = vergoede_uurprijs(p, opvang_soort=opvang_soort, opvang_uurprijs=opvang_uurprijs)
    kosten = uren * prijs
    eerste = eerste_kind(uren, kosten)

    inkomen = np.asarray(toetsingsinkomen, dtype=float)[..., None]  # add the child axis
    pct_eerste = percentage(p, naam="percentage_eerste_kind", toetsingsinkomen=inkomen)
    pct_volgend = percentage(p, naam="percentage_volgend_kind", toetsingsinkomen=inkomen)
    per_kind_pct = np.where(eerste, pct_eerste, pct_volgend)

    heeft_recht = np.asarray(recht, dtype=bool)[..., None]
    nodig = heeft_recht & (kosten > 0)
    if (nodig & np.isnan(per_kind_pct)).any():
        naam = "kinderopvangtoeslag.percentage_eerste_kind / percentage_volgend_kind"
        _, _, notes = _tabel(p, "percentage_eerste_kind")
        note = next((n for n in notes if n), "A percentage for this income is not published.")
        raise parameters_loader.MissingParameter(naam, p.instant, note)
    per_kind = np.where(nodig, kosten * nan_to_num(per_kind_pct), 0.0)
    return per_kind.sum(axis=-1)


def kinderopvangtoeslag(
    p, *, toetsingsinkomen, kind_leeftijd, opvang_soort, opvang_uren_maand, opvang_uurprijs, recht
):
    """Annual kinderopvangtoeslag: twelve times the monthly amount rounded down to whole euros.

    Wet kinderopvang, art. 1.7; Awir art. 14. The Dienst Toeslagen rounds the monthly amount down
    ("Berekening kinderopvangtoeslag 2026"); taking twelve of those keeps the monthly payment
    (awir.maandbedrag of the result) equal to the published one. The 230-hours limit is applied
    per month; the yearly variant (230 x months worked by the least-working parent) is not
    modelled, nor the age limit of buitenschoolse opvang (end of primary school).
    """
    per_maand = kinderopvangtoeslag_per_maand(
        p,
        toetsingsinkomen=toetsingsinkomen,
        kind_leeftijd=kind_leeftijd,
        opvang_soort=opvang_soort,
        opvang_uren_maand=opvang_uren_maand,
        opvang_uurprijs=opvang_uurprijs,
        recht=recht,
    )
    return awir.jaarbedrag(12.0 * round_down_euro(per_maand), p=p)


def kinderopvang_kosten(p, *, opvang_uren_maand, opvang_uurprijs):
    """Annual amount the parents pay the childcare provider (before toeslag): hours x price x 12.

    Wet kinderopvang, art. 1.7 (kosten van kinderopvang); all hours and the full price
    count here, also above the 230 hours and the maximum uurprijs. Sums over the children.
    """
    uren = np.maximum(nan_to_num(opvang_uren_maand), 0.0)
    prijs = np.maximum(nan_to_num(opvang_uurprijs), 0.0)
    return 12.0 * (uren * prijs).sum(axis=-1)
