"""Small-number suppression with crafted columns: no shown total or difference reveals a small cell."""

import itertools

import pytest

from samensterk.monitoring.suppression import SMALL, small, suppress_column, suppress_linked


def _feasible(cells, total, hidden_bounds_cap=60):
    """Brute force: every assignment of the hidden cells consistent with what is shown."""
    hidden = [i for i, c in enumerate(cells) if c.hidden]
    ranges = [range(0, SMALL) if cells[i].small else range(SMALL, hidden_bounds_cap) for i in hidden]
    shown_sum = sum(c.value for c in cells if not c.hidden)
    solutions = []
    for combo in itertools.product(*ranges):
        if total.hidden or shown_sum + sum(combo) == total.value:
            solutions.append(dict(zip(hidden, combo, strict=True)))
    return solutions


def _assert_protected(values):
    cells, total = suppress_column(values)
    for value, cell in zip(values, cells, strict=True):
        assert cell.hidden == (cell.small or cell.secondary)
        if value < SMALL:
            assert cell.small and str(cell) == "<5"
        elif not cell.hidden:
            assert cell.value == value
    solutions = _feasible(cells, total)
    for i, cell in enumerate(cells):
        if cell.small:
            assert len({s[i] for s in solutions}) > 1, f"cell {i} of {values} is revealed"
    return cells, total


def test_it_shows_counts_of_five_and_more():
    cells, total = suppress_column([5, 12, 30])
    assert [str(c) for c in cells] == ["5", "12", "30"]
    assert str(total) == "47"


def test_one_small_cell_hides_a_second_so_the_total_does_not_reveal_it():
    cells, total = _assert_protected([3, 12, 30])
    assert [str(c) for c in cells] == ["<5", "x", "30"]
    assert str(total) == "45"


def test_two_small_cells_that_add_up_to_eight_are_both_four_so_one_more_is_hidden():
    cells, total = _assert_protected([4, 4, 20, 9])
    assert [str(c) for c in cells] == ["<5", "<5", "20", "x"]


def test_two_small_zeros_would_reveal_themselves():
    cells, total = _assert_protected([0, 0, 7, 9])
    assert sum(c.secondary for c in cells) == 1


def test_a_secondary_cell_of_exactly_five_with_a_zero_is_not_enough():
    # hidden sum = 5: 0 + 5, the zero could be read off (the x is at least 5); hide another cell
    cells, total = _assert_protected([0, 5, 6, 40])
    assert [c.hidden for c in cells] == [True, True, True, False]


def test_a_small_total_is_small_and_so_is_every_cell():
    cells, total = suppress_column([1, 2, 0])
    assert str(total) == "<5" and all(str(c) == "<5" for c in cells)


def test_one_row_hides_the_total_when_nothing_else_can_be_hidden():
    cells, total = _assert_protected([3, 6])
    assert [str(c) for c in cells] == ["<5", "x"]
    assert str(total) == "9"  # 9 = a + b with a < 5 and b >= 5: a could be 0..4


@pytest.mark.parametrize("values", list(itertools.product([0, 1, 3, 4, 5, 6, 9], repeat=3)))
def test_every_small_column_of_three_is_protected(values):
    _assert_protected(list(values))


def test_primary_only_counts():
    assert str(small(4)) == "<5" and str(small(0)) == "<5" and str(small(5)) == "5"
    assert small(4).value is None


def test_linked_tables_do_not_give_a_small_partnership_away_through_the_districts():
    # Finest groups: g1 = Noord/partnership 1 (31 men), g2 = Oost/partnership 2 (4 men).
    g1, g2 = frozenset({1}), frozenset({2})
    districts = [(31, g1), (4, g2), (0, frozenset())]
    partnerships = [(31, g1), (4, g2)]
    (d_cells, d_total), (p_cells, p_total) = suppress_linked([districts, partnerships])
    # on its own the partnership table hides partnership 1 (x) next to the small one; the district
    # table would show Noord = 31 = partnership 1, and so 35 - 31 = 4: Noord is hidden too
    assert [str(c) for c in p_cells] == ["x", "<5"]
    assert [str(c) for c in d_cells] == ["x", "<5", "<5"]
    assert str(d_total) == str(p_total) == "35"


def test_linked_tables_that_split_differently_leave_each_other_alone():
    # quarters cut across districts: no quarter cell adds up to a district cell
    a, b, c, d = (frozenset({i}) for i in range(4))
    districts = [(3 + 9, a | b), (8 + 7, c | d)]
    quarters = [(3 + 8, a | c), (9 + 7, b | d)]
    results = suppress_linked([districts, quarters])
    assert [str(x) for x in results[0][0]] == ["12", "15"]
    assert [str(x) for x in results[1][0]] == ["11", "16"]


def test_a_small_cell_equal_to_a_shown_cell_of_another_table_hides_that_one():
    g1, g2 = frozenset({1}), frozenset({2, 3})
    methods = [(3, g1), (40, g2)]  # method 1 ran only in Noord
    districts = [(3, g1), (40, g2)]
    (m_cells, _mt), (d_cells, _dt) = suppress_linked([methods, districts])
    assert str(m_cells[0]) == str(d_cells[0]) == "<5"
    assert m_cells[1].hidden and d_cells[1].hidden
