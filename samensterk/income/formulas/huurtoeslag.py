"""Huurtoeslag (Wet op de huurtoeslag, Wht).

The toeslag pays a share of the rent above a basishuur the household is deemed able to pay:
100% up to the kwaliteitskortingsgrens, 65% up to the aftoppingsgrens, 40% above it. How the
income enters changed on 1 January 2026, so there are two dated methods:

- 2025: the basishuur grows with income (a quadratic normhuur); the maximale huurgrens is an
  eligibility limit.
- 2026: a flat basishuur, the rent capped at a rekengrens, and a linear income correction.

Limitations: the youth rules (in 2025 a household whose oldest member is under 23, from 2026
under 21, without a child) are not modelled: the adults are taken to be 21 or older (23 in 2025).
Servicekosten are not an input (only the kale huur), medebewoners other than the partner and the
children are not modelled, and neither is the vermogenstoets.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from samensterk.income import parameters_loader
from samensterk.income.formulas import awir, nan_to_num
from samensterk.income.rounding import round_down_euro, round_up_cent


def huishoudgrootte(*, heeft_partner, kind_leeftijd):
    """Number of persons in the household: the applicant, the partner and the children at home.

    Wet op de huurtoeslag, art. 1 (huishouden: aanvrager, partner en medebewoners).
    Children are ages on the last axis; NaN means "no child".
    """
    kinderen = (~np.isnan(np.asarray(kind_leeftijd, dtype=float))).sum(axis=-1)
    return 1.0 + np.asarray(heeft_partner, dtype=bool) + kinderen


def is_eenpersoonshuishouden(huishouden):
    """Whether the household is an eenpersoonshuishouden (Wet op de huurtoeslag, art. 1)."""
    return np.asarray(huishouden) <= 1


def aftoppingsgrens(p, *, huishouden):
    """The aftoppingsgrens: a lower one for one or two persons, a higher one for three or more.

    Wet op de huurtoeslag, art. 20 lid 2.
    """
    ht = p.huurtoeslag
    return np.where(
        np.asarray(huishouden) <= 2,
        ht.aftoppingsgrens_een_of_twee_personen,
        ht.aftoppingsgrens_drie_of_meer_personen,
    )


def naar_huishouden(huishouden, eenpersoons, meerpersoons):
    """Pick the eenpersoons or meerpersoons value of a parameter (Wet op de huurtoeslag, art. 1)."""
    return np.where(is_eenpersoonshuishouden(huishouden), eenpersoons, meerpersoons)


def te_vergoeden_huur(p, *, rekenhuur, basishuur, huishouden):
    """The rent subsidy before any income correction: 100% / 65% / 40% of the parts of the rent.

    Wet op de huurtoeslag, art. 21: the part between basishuur and kwaliteitskortingsgrens in
    full, the part up to the aftoppingsgrens at 65%, the part above it at 40%. Each part starts
    at the basishuur where that is higher than the part's lower limit.
    """
    ht = p.huurtoeslag
    kkg = ht.kwaliteitskortingsgrens
    aftop = aftoppingsgrens(p, huishouden=huishouden)
    deel_a = np.maximum(np.minimum(rekenhuur, kkg) - basishuur, 0.0)
    deel_b = np.maximum(np.minimum(rekenhuur, aftop) - np.maximum(kkg, basishuur), 0.0)
    deel_c = np.maximum(rekenhuur - np.maximum(aftop, basishuur), 0.0)
    return (
        ht.percentage_tot_kwaliteitskortingsgrens * deel_a
        + ht.percentage_tot_aftoppingsgrens * deel_b
        + ht.percentage_boven_aftoppingsgrens * deel_c
    )


# --- The method in force from 1 January 2025 ---------------------------------------------------


def normhuur_2025(p, *, toetsingsinkomen, huishouden):
    """The normhuur: a x Y^2 + b x Y above the minimum-inkomensijkpunt, the minimum normhuur below.

    Wet op de huurtoeslag, art. 17 (minimum normhuur) and art. 19 lid 2 (formula; rounded up to
    whole cents, lid 3), as in force in 2025.
    """
    ht = p.huurtoeslag
    inkomen = np.asarray(toetsingsinkomen, dtype=float)
    a = naar_huishouden(huishouden, ht.factor_a_eenpersoons, ht.factor_a_meerpersoons)
    b = naar_huishouden(huishouden, ht.factor_b_eenpersoons, ht.factor_b_meerpersoons)
    ijkpunt = naar_huishouden(
        huishouden, ht.minimum_inkomensijkpunt_eenpersoons, ht.minimum_inkomensijkpunt_meerpersoons
    )
    minimum = naar_huishouden(huishouden, ht.minimum_normhuur_eenpersoons, ht.minimum_normhuur_meerpersoons)
    return np.where(inkomen > ijkpunt, round_up_cent(a * inkomen**2 + b * inkomen), minimum)


def basishuur_2025(p, *, toetsingsinkomen, huishouden):
    """The basishuur: the normhuur lowered by a fixed amount.

    Wet op de huurtoeslag, art. 16; Wet verlaging eigen bijdrage huurtoeslag, art. 1.
    """
    normhuur = normhuur_2025(p, toetsingsinkomen=toetsingsinkomen, huishouden=huishouden)
    return normhuur - p.huurtoeslag.verlaging_basishuur


def huurtoeslag_per_maand_2025(p, *, toetsingsinkomen, huishouden, kale_huur_maand):
    """Monthly huurtoeslag, 2025 method, rounded down to whole euros; 0 above the maximale huurgrens.

    Wet op de huurtoeslag, art. 13 (maximale huurgrens), art. 16-21, as in force in 2025.
    The rekenhuur is the kale huur (servicekosten are not an input).
    """
    rekenhuur = np.asarray(kale_huur_maand, dtype=float)
    basishuur = basishuur_2025(p, toetsingsinkomen=toetsingsinkomen, huishouden=huishouden)
    bedrag = te_vergoeden_huur(p, rekenhuur=rekenhuur, basishuur=basishuur, huishouden=huishouden)
    return np.where(rekenhuur > p.huurtoeslag.maximale_huurgrens, 0.0, round_down_euro(bedrag))


# --- The method in force from 1 January 2026 ---------------------------------------------------


def rekenhuur_2026(p, *, kale_huur_maand):
    """The rent that counts: the kale huur up to the rekengrens (no longer an eligibility limit).

    Wet op de huurtoeslag, art. 13 lid 1 onder a and art. 21 lid 1 onder d, as in force from
    1-1-2026 (the part of the rent above the maximale huurgrens is not subsidised); Dienst
    Toeslagen, "Berekening huurtoeslag 2026", stap 1.
    """
    return np.minimum(np.asarray(kale_huur_maand, dtype=float), p.huurtoeslag.rekengrens)


def basishuur_2026(p, *, huishouden):
    """The basishuur, flat per household type from 2026 (no longer income-dependent).

    Wet op de huurtoeslag, art. 16 and 17, as in force from 1-1-2026; Dienst Toeslagen,
    "Berekening huurtoeslag 2026", stap 2.
    """
    ht = p.huurtoeslag
    return naar_huishouden(huishouden, ht.basishuur_eenpersoons, ht.basishuur_meerpersoons)


def inkomenscorrectie_2026(p, *, toetsingsinkomen, huishouden):
    """The monthly income correction: the afbouwpercentage of the income above the ijkpunt, / 12.

    Wet op de huurtoeslag, art. 21 lid 2, as in force from 1-1-2026: Y x (afbouwpercentage / 12),
    Y being the rekeninkomen minus the minimum-inkomensijkpunt of art. 17.
    """
    ht = p.huurtoeslag
    ijkpunt = naar_huishouden(huishouden, ht.inkomensijkpunt_eenpersoons, ht.inkomensijkpunt_meerpersoons)
    percentage = naar_huishouden(
        huishouden, ht.afbouwpercentage_eenpersoons, ht.afbouwpercentage_meerpersoons
    )
    boven = np.maximum(np.asarray(toetsingsinkomen, dtype=float) - ijkpunt, 0.0)
    return percentage * boven / 12.0


def huurtoeslag_per_maand_2026(p, *, toetsingsinkomen, huishouden, kale_huur_maand):
    """Monthly huurtoeslag, 2026 method, rounded down to whole euros.

    Wet op de huurtoeslag, art. 21 lid 1 and 2, as in force from 1-1-2026; Dienst Toeslagen,
    "Berekening huurtoeslag 2026": the rent subsidy minus the income correction, never below zero.
    """
    bedrag = te_vergoeden_huur(
        p,
        rekenhuur=rekenhuur_2026(p, kale_huur_maand=kale_huur_maand),
        basishuur=basishuur_2026(p, huishouden=huishouden),
        huishouden=huishouden,
    ) - inkomenscorrectie_2026(p, toetsingsinkomen=toetsingsinkomen, huishouden=huishouden)
    return round_down_euro(np.maximum(bedrag, 0.0))


# A structural change gets a new dated formula; the one in force at p.instant is used.
BEREKENINGSMETHODEN = (
    (dt.date(2025, 1, 1), huurtoeslag_per_maand_2025),
    (dt.date(2026, 1, 1), huurtoeslag_per_maand_2026),
)


def berekeningsmethode(p):
    """The monthly huurtoeslag formula in force at ``p.instant`` (Wet op de huurtoeslag, art. 21)."""
    in_force = [method for start, method in BEREKENINGSMETHODEN if start <= p.instant]
    if not in_force:
        raise parameters_loader.MissingParameter(
            "huurtoeslag.berekeningsmethode", p.instant, "Only the 2025 and 2026 methods are implemented."
        )
    return in_force[-1]


def huurtoeslag(p, *, toetsingsinkomen, heeft_partner, kind_leeftijd, kale_huur_maand, eigen_woning):
    """Annual huurtoeslag: twelve times the monthly amount (rounded down), Awir art. 14 applied.

    Wet op de huurtoeslag, art. 21 (method of the year of ``p.instant``); no huurtoeslag for an
    owner-occupied home (art. 1: huurder). The Dienst Toeslagen rounds the monthly amount down;
    twelve of those keep awir.maandbedrag of the result equal to the published monthly amount.
    """
    huishouden = huishoudgrootte(heeft_partner=heeft_partner, kind_leeftijd=kind_leeftijd)
    huur = np.maximum(nan_to_num(kale_huur_maand), 0.0)
    per_maand = berekeningsmethode(p)(
        p, toetsingsinkomen=toetsingsinkomen, huishouden=huishouden, kale_huur_maand=huur
    )
    per_maand = np.where(np.asarray(eigen_woning, dtype=bool), 0.0, per_maand)
    return awir.jaarbedrag(12.0 * per_maand, p=p)
