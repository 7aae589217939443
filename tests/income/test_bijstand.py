"""Bijstand: top-up to the Participatiewet norm, with and without the inkomstenvrijlating."""

import datetime as dt

import numpy as np
import pytest

from samensterk.income import parameters_loader
from samensterk.income.formulas.bijstand import (
    ALLEENSTAANDE_OUDER,
    GEEN_BIJSTAND,
    GEHUWDEN,
    bijstand,
    bijstandsnorm,
    inkomstenvrijlating,
    inkomstenvrijlating_alleenstaande_ouder,
    vakantietoeslag,
)

P2025 = parameters_loader.load(2025)
P2026 = parameters_loader.load(2026)


@pytest.mark.parametrize(
    ("when", "couple", "single"),
    [
        # Participatiewet art. 21 as consolidated on each date (nl-gaps-2025-2026.md §1), incl. VT.
        (dt.date(2025, 1, 1), 1922.07, 1345.45),
        (dt.date(2025, 7, 1), 1955.80, 1369.06),
        (dt.date(2026, 1, 1), 2002.13, 1401.50),
        (dt.date(2026, 7, 1), 2027.79, 1419.46),
    ],
)
def test_the_norms(when, couple, single):
    p = parameters_loader.load(when)
    np.testing.assert_allclose(
        bijstandsnorm(p, leefvorm=np.array([GEHUWDEN, ALLEENSTAANDE_OUDER, GEEN_BIJSTAND])),
        [couple, single, 0],
    )


def test_the_single_parent_norm_is_70_percent_of_the_couple_norm():
    assert bijstandsnorm(P2026, leefvorm=2) / bijstandsnorm(P2026, leefvorm=1) == pytest.approx(
        0.70, abs=5e-6
    )


def test_vakantietoeslag_is_5_percent_of_the_norm():
    # Hof van Twente 1-7-2025: €1,369.06 incl. VT -> €1,300.61 excl.
    p = parameters_loader.load(dt.date(2025, 7, 1))
    norm = bijstandsnorm(p, leefvorm=ALLEENSTAANDE_OUDER)
    assert norm - vakantietoeslag(p, bijstandsnorm=norm) == pytest.approx(1300.61, abs=0.005)


def test_it_tops_up_to_the_norm():
    assert bijstand(
        P2026, leefvorm=1, netto_inkomen_maand=0, arbeidsinkomen_zij_maand=0, met_vrijlating=False
    ) == (pytest.approx(2002.13))
    assert bijstand(
        P2026, leefvorm=2, netto_inkomen_maand=400, arbeidsinkomen_zij_maand=400, met_vrijlating=False
    ) == (pytest.approx(1401.50 - 400))
    assert (
        bijstand(
            P2026, leefvorm=2, netto_inkomen_maand=2000, arbeidsinkomen_zij_maand=0, met_vrijlating=False
        )
        == 0
    )


def test_partner_earnings_count_in_full():
    # One joint income test for a couple: the partner's €900 net reduces the household's bijstand,
    # and the vrijlating applies only to her earnings.
    out = bijstand(
        P2026, leefvorm=1, netto_inkomen_maand=900 + 400, arbeidsinkomen_zij_maand=400, met_vrijlating=True
    )
    assert out == pytest.approx(2002.13 - 900 - 400 + 0.25 * 400)


def test_the_vrijlating_is_25_percent_up_to_the_maximum():
    # Participatiewet art. 31 lid 2 onder n: 25%, max €285.00 per month from 1-1-2026 (€273 / €278 in 2025).
    np.testing.assert_allclose(
        inkomstenvrijlating(P2026, arbeidsinkomen_maand=[400, 1140, 1141, 3000]), [100, 285, 285, 285]
    )
    assert inkomstenvrijlating(P2025, arbeidsinkomen_maand=2000) == 273
    assert inkomstenvrijlating(parameters_loader.load(dt.date(2025, 7, 1)), arbeidsinkomen_maand=2000) == 278
    with_ = bijstand(
        P2026, leefvorm=2, netto_inkomen_maand=1000, arbeidsinkomen_zij_maand=1000, met_vrijlating=True
    )
    without = bijstand(
        P2026, leefvorm=2, netto_inkomen_maand=1000, arbeidsinkomen_zij_maand=1000, met_vrijlating=False
    )
    assert with_ - without == pytest.approx(250)


def test_the_unpublished_july_2026_maximum_is_reported_not_guessed():
    p = parameters_loader.load(dt.date(2026, 7, 1))
    with pytest.raises(parameters_loader.MissingParameter) as info:
        bijstand(p, leefvorm=2, netto_inkomen_maand=500, arbeidsinkomen_zij_maand=500, met_vrijlating=True)
    assert info.value.name == "bijstand.inkomstenvrijlating_maximum"
    # Without vrijlating the July 2026 norm is known.
    assert bijstand(
        p, leefvorm=2, netto_inkomen_maand=500, arbeidsinkomen_zij_maand=500, met_vrijlating=False
    ) == (pytest.approx(1419.46 - 500))


def test_an_unknown_leefvorm_is_refused():
    with pytest.raises(ValueError, match="leefvorm"):
        bijstandsnorm(P2026, leefvorm=[1, 5])


def test_it_broadcasts_households_by_hours():
    leefvorm = np.array([[1], [2], [0]])
    netto = np.array([[800.0], [0.0], [0.0]]) + np.arange(0, 2000, 500)[None, :]
    zij = np.broadcast_to(np.arange(0, 2000, 500)[None, :], (3, 4))
    vrij = np.array([[True], [False], [True]])
    out = bijstand(
        P2026, leefvorm=leefvorm, netto_inkomen_maand=netto, arbeidsinkomen_zij_maand=zij, met_vrijlating=vrij
    )
    assert out.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            one = bijstand(
                P2026,
                leefvorm=leefvorm[i, 0],
                netto_inkomen_maand=netto[i, j],
                arbeidsinkomen_zij_maand=zij[i, j],
                met_vrijlating=vrij[i, 0],
            )
            assert out[i, j] == one
    assert np.all(out[2] == 0)


def test_the_single_parent_vrijlating_is_12_5_percent_up_to_its_maximum():
    # Participatiewet art. 31 lid 2 onder r: 12.5%, max €177.66 a month from 1-1-2026 (€170.61 on 1-1-2025).
    np.testing.assert_allclose(
        inkomstenvrijlating_alleenstaande_ouder(P2026, arbeidsinkomen_maand=[800, 1421.28, 3000]),
        [100, 177.66, 177.66],
    )
    assert inkomstenvrijlating_alleenstaande_ouder(P2025, arbeidsinkomen_maand=3000) == 170.61
    kwargs = {"netto_inkomen_maand": 800, "arbeidsinkomen_zij_maand": 800, "met_vrijlating": False}
    plain = bijstand(P2026, leefvorm=2, **kwargs)
    after = bijstand(P2026, leefvorm=2, met_vrijlating_alleenstaande_ouder=True, **kwargs)
    assert after - plain == pytest.approx(100)
    # Only for a single parent; and where both apply, the 25% vrijlating is used.
    assert bijstand(P2026, leefvorm=1, met_vrijlating_alleenstaande_ouder=True, **kwargs) == bijstand(
        P2026, leefvorm=1, **kwargs
    )
    both = {"netto_inkomen_maand": 800, "arbeidsinkomen_zij_maand": 800, "met_vrijlating": True}
    assert bijstand(
        P2026, leefvorm=2, met_vrijlating_alleenstaande_ouder=True, **both
    ) - plain == pytest.approx(200)


def test_the_unpublished_july_2026_single_parent_maximum_is_reported():
    p = parameters_loader.load(dt.date(2026, 7, 1))
    with pytest.raises(parameters_loader.MissingParameter) as info:
        bijstand(
            p, leefvorm=2, netto_inkomen_maand=500, arbeidsinkomen_zij_maand=500, met_vrijlating=False,
            met_vrijlating_alleenstaande_ouder=True,
        )  # fmt: skip
    assert info.value.name == "bijstand.inkomstenvrijlating_alleenstaande_ouder_maximum"
