"""Small-number suppression with crafted columns: no shown total or difference reveals a small cell."""

import itertools

import pytest

from samensterk.monitoring.suppression import SMALL, small, suppress_column


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
