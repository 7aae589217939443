"""Bijstand (Participatiewet): the household's net income topped up to the bijstandsnorm.

Only the two leefvormen the calculator needs, both aged 21 to AOW age and without kostendelende
medebewoners: a couple (gehuwden or samenwonenden, one joint norm and one joint income test) and
a single parent. The norms include the vakantietoeslag (Participatiewet art. 21 and 19 lid 3),
so the netto_inkomen_maand they are compared with should include holiday allowance too.
Not modelled: the kostendelersnorm and the vermogenstoets. The conditions of the vrijlatingen
(27 or older, art. 31 lid 5; their duration; for the single-parent one a child under 12) are for
the caller to decide.
"""

from __future__ import annotations

import numpy as np

from samensterk.income.formulas import nan_to_num

GEEN_BIJSTAND, GEHUWDEN, ALLEENSTAANDE_OUDER = 0, 1, 2


def bijstandsnorm(p, *, leefvorm):
    """The monthly net norm including vakantietoeslag, by leefvorm (0 = not on bijstand).

    Participatiewet, art. 21 onder a (alleenstaande ouder) and onder b (gehuwden, both under AOW
    age); the amount in force at ``p.instant`` (indexed on 1 January and 1 July, art. 38).
    """
    leefvorm = np.asarray(leefvorm)
    # Comparisons rather than np.isin and np.select: the same result, at a fraction of the cost.
    onbekend = (leefvorm != GEEN_BIJSTAND) & (leefvorm != GEHUWDEN) & (leefvorm != ALLEENSTAANDE_OUDER)
    if onbekend.any():
        raise ValueError(f"Unknown leefvorm {np.unique(leefvorm[onbekend]).tolist()}: use 0, 1 or 2.")
    gehuwden, ouder = p.bijstand.norm_gehuwden, p.bijstand.norm_alleenstaande_ouder
    return np.where(leefvorm == GEHUWDEN, gehuwden, np.where(leefvorm == ALLEENSTAANDE_OUDER, ouder, 0.0))


def bijstandsnorm_jaargemiddelde(p_januari, p_juli, *, leefvorm):
    """The norm averaged over the year: the norms are indexed on 1 January and 1 July
    (Participatiewet, art. 38),
    so each applies six months, as the minimum wage the calculator averages the same way
    (formulas/loon.py). The time line's periods are months of her work, not calendar half years:
    a month of any period is a month of the year's average norm."""
    return (bijstandsnorm(p_januari, leefvorm=leefvorm) + bijstandsnorm(p_juli, leefvorm=leefvorm)) / 2


def vakantietoeslag(p, *, bijstandsnorm):
    """The part of a norm that is vakantietoeslag (reserved each month, paid once a year).

    Participatiewet, art. 19 lid 3 (5 procent of the bijstand including vakantietoeslag).
    """
    return np.asarray(bijstandsnorm, dtype=float) * p.bijstand.vakantietoeslag_percentage


def inkomstenvrijlating(p, *, arbeidsinkomen_maand):
    """The part of income from work that is not counted: 25%, at most the monthly maximum.

    Participatiewet, art. 31 lid 2 onder n: for at most six months (inkomstenvrijlating_duur),
    for recipients aged 27 or older (lid 5), when the college judges it helps towards work.
    """
    bijstand = p.bijstand
    inkomen = np.maximum(nan_to_num(arbeidsinkomen_maand), 0.0)
    return np.minimum(bijstand.inkomstenvrijlating_percentage * inkomen, bijstand.inkomstenvrijlating_maximum)


def inkomstenvrijlating_alleenstaande_ouder(p, *, arbeidsinkomen_maand):
    """The single-parent vrijlating: 12.5% of income from work, at most the monthly maximum.

    Participatiewet, art. 31 lid 2 onder r: for a single parent with a child under 12, after the
    six months of onderdeel n, for at most 30 consecutive months (27 or older, lid 5).
    """
    bijstand = p.bijstand
    inkomen = np.maximum(nan_to_num(arbeidsinkomen_maand), 0.0)
    return np.minimum(
        bijstand.inkomstenvrijlating_alleenstaande_ouder_percentage * inkomen,
        bijstand.inkomstenvrijlating_alleenstaande_ouder_maximum,
    )


def in_aanmerking_te_nemen_inkomen(
    p,
    *,
    netto_inkomen_maand,
    arbeidsinkomen_zij_maand,
    met_vrijlating,
    met_vrijlating_alleenstaande_ouder=False,
):
    """The household's net income counted against the norm, after a vrijlating if one applies.

    Participatiewet, art. 31 lid 1 (all means count) and art. 32 (net income); art. 31 lid 2
    onder n (25%) or, after it, onder r (12.5%, single parent). Partner earnings count in full:
    one joint income test for a couple. The two vrijlatingen follow each other in time; where
    both flags are set, the 25% one is applied.
    """
    netto = np.maximum(nan_to_num(netto_inkomen_maand), 0.0)
    met_vrijlating = np.asarray(met_vrijlating, dtype=bool)
    na_vrijlating = np.asarray(met_vrijlating_alleenstaande_ouder, dtype=bool) & ~met_vrijlating
    vrij = 0.0
    # A maximum is read only when it is used: the July 2026 maxima are unpublished.
    if met_vrijlating.any():
        vrij = np.where(
            met_vrijlating, inkomstenvrijlating(p, arbeidsinkomen_maand=arbeidsinkomen_zij_maand), vrij
        )
    if na_vrijlating.any():
        ouder = inkomstenvrijlating_alleenstaande_ouder(p, arbeidsinkomen_maand=arbeidsinkomen_zij_maand)
        vrij = np.where(na_vrijlating, ouder, vrij)
    return np.maximum(netto - vrij, 0.0)


def bijstand(
    p,
    *,
    leefvorm,
    netto_inkomen_maand,
    arbeidsinkomen_zij_maand,
    met_vrijlating,
    met_vrijlating_alleenstaande_ouder=False,
    norm=None,
):
    """Monthly bijstand: the norm minus the counted income, never below zero.

    Participatiewet, art. 11 (recht op bijstand when the means fall short of the norm), art. 19
    lid 1 (algemene bijstand = norm minus means), art. 21 (norms), art. 31-32 (means, vrijlating).
    ``met_vrijlating_alleenstaande_ouder`` (optional) applies the 12.5% vrijlating of art. 31 lid 2
    onder r, for leefvorm 2 only. ``norm``: the monthly norm to use (e.g. the year's average of the
    two half-year norms, ``bijstandsnorm_jaargemiddelde``); by default the one at ``p.instant``.
    Raises MissingParameter when a norm or a vrijlating maximum at ``p.instant`` is unpublished.
    """
    norm = bijstandsnorm(p, leefvorm=leefvorm) if norm is None else norm
    alleenstaande_ouder = np.asarray(met_vrijlating_alleenstaande_ouder, dtype=bool) & (
        np.asarray(leefvorm) == ALLEENSTAANDE_OUDER
    )
    inkomen = in_aanmerking_te_nemen_inkomen(
        p,
        netto_inkomen_maand=netto_inkomen_maand,
        arbeidsinkomen_zij_maand=arbeidsinkomen_zij_maand,
        met_vrijlating=met_vrijlating,
        met_vrijlating_alleenstaande_ouder=alleenstaande_ouder,
    )
    return np.maximum(norm - inkomen, 0.0)
