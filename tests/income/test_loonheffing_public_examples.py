"""The Belastingdienst witte maandtabel 2026 (standard, below AOW age), as published.

Source: /work/shared/reference/public-examples.md, "Loonheffing 2026 (Belastingdienst 'witte
maandtabel', standard, below AOW age)"; computed by the Rekenvoorschriften voor de
geautomatiseerde loonadministratie 2026 (reference nl-tax-work §8).
"""

import numpy as np
import pytest

from samensterk.income.formulas.loonheffing import loonheffing_maand, tabelloon_jaar
from samensterk.income.parameters_loader import load

P2026 = load(2026)

# (table wage, without loonheffingskorting, with loonheffingskorting, of which arbeidskorting)
WITTE_MAANDTABEL_2026 = [(999.00, 357.08, 13.83, 83.67), (4000.50, 1443.83, 820.92, 460.67)]


@pytest.mark.parametrize(("wage", "zonder", "met", "ak"), WITTE_MAANDTABEL_2026)
def test_it_reproduces_the_published_rows(wage, zonder, met, ak):
    # Belastingdienst witte maandtabel 2026 (public-examples.md)
    r = loonheffing_maand(P2026, np.array([wage]))
    assert r.zonder_korting[0] == pytest.approx(zonder, abs=0.001)
    assert r.met_korting[0] == pytest.approx(met, abs=0.001)
    assert r.arbeidskorting[0] == pytest.approx(ak, abs=0.001)


def test_a_wage_between_rows_uses_the_lower_row():
    # public-examples.md: "A monthly wage of €4,000.00 uses the €3,996.00 row."
    between = loonheffing_maand(P2026, np.array([4000.00, 3996.00, 4000.49]))
    assert between.met_korting[0] == between.met_korting[1] == between.met_korting[2]
    assert tabelloon_jaar(P2026, 4000.00) == 3996.00 * 12
    assert loonheffing_maand(P2026, np.array([4000.50])).met_korting[0] > between.met_korting[0]


def test_the_table_moves_in_steps_of_4_50():
    wages = np.arange(1000.0, 5000.0, 0.25)
    lh = loonheffing_maand(P2026, wages).zonder_korting
    changes = wages[1:][np.diff(lh) != 0]
    assert np.allclose(np.mod(changes, 4.5), 0.0)
