"""Zorgtoeslag (Wet op de zorgtoeslag, Wzt).

The toeslag is the gap between the standaardpremie (twice for a couple) and the normpremie the
household is deemed able to pay from its toetsingsinkomen (Wzt art. 2).
"""

from __future__ import annotations

import numpy as np

from samensterk.income.formulas import awir


def normpremie(p, *, toetsingsinkomen, heeft_partner):
    """The normpremie: a percentage of the drempelinkomen plus a percentage of the income above it.

    Wet op de zorgtoeslag, art. 2 lid 2 (without toeslagpartner) and lid 3 (with toeslagpartner,
    on the joint toetsingsinkomen); drempelinkomen per art. 1.
    """
    zt = p.zorgtoeslag
    percentage_drempel = np.where(
        np.asarray(heeft_partner, dtype=bool),
        zt.normpercentage_drempelinkomen_met_partner,
        zt.normpercentage_drempelinkomen_zonder_partner,
    )
    boven_drempel = np.maximum(np.asarray(toetsingsinkomen, dtype=float) - zt.drempelinkomen, 0.0)
    return percentage_drempel * zt.drempelinkomen + zt.normpercentage_boven_drempelinkomen * boven_drempel


def standaardpremie_huishouden(p, *, heeft_partner):
    """The standaardpremie, counted twice with a toeslagpartner (both insured).

    Wet op de zorgtoeslag, art. 2 lid 1 and lid 3; standaardpremie per art. 4.
    """
    aantal_verzekerden = np.where(np.asarray(heeft_partner, dtype=bool), 2.0, 1.0)
    return aantal_verzekerden * p.zorgtoeslag.standaardpremie


def zorgtoeslag_onafgerond(p, *, toetsingsinkomen, heeft_partner):
    """The annual zorgtoeslag before the Awir rounding (can be negative: then no toeslag).

    Wet op de zorgtoeslag, art. 2: standaardpremie minus normpremie.
    """
    return standaardpremie_huishouden(p, heeft_partner=heeft_partner) - normpremie(
        p, toetsingsinkomen=toetsingsinkomen, heeft_partner=heeft_partner
    )


def zorgtoeslag(p, *, toetsingsinkomen, heeft_partner):
    """Annual zorgtoeslag in whole euros (Wet op de zorgtoeslag, art. 2; Awir art. 14 lid 4-5).

    There is no separate income ceiling: the published ceilings are where this amount, after
    rounding, falls below the Awir €24 minimum. The vermogenstoets is not modelled (assets are
    not an input). A partner who is not Zvw-insured (Wzt art. 2 lid 4) is not modelled either.
    """
    return awir.jaarbedrag(
        zorgtoeslag_onafgerond(p, toetsingsinkomen=toetsingsinkomen, heeft_partner=heeft_partner), p=p
    )
