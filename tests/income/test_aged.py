"""household.aged: a later period of the time line sees the children older, and their childcare
follows them (day care -> after-school care at 4, none after primary school)."""

from samensterk.income.household import Childcare, Household, aged, max_care_price
from samensterk.income.timeline import periods, years_on

BSO_MAX = max_care_price(2026, "bso")


def household(children, childcare):
    return Household(year=2026, children=tuple(children), childcare=tuple(childcare), bijstand_claim=True,
                     bijstand_vrijlating=True, bijstand_vrijlating_alleenstaande_ouder=True)  # fmt: skip


def test_day_care_becomes_after_school_care_at_its_own_price_and_hours():
    hh = household([2, 3], [Childcare(0, "dagopvang", 120.0, 13.50), Childcare(1, "dagopvang", None, 11.23)])
    one = aged(hh, 1)
    assert one.children == (3, 4)
    # The child of 3 stays in day care as given; the one now 4 is at school: bso, hours follow hers.
    assert one.childcare == (Childcare(0, "dagopvang", 120.0, 13.50), Childcare(1, "bso", None, BSO_MAX))
    assert BSO_MAX is not None and BSO_MAX < 11.23


def test_children_past_17_leave_and_the_childcare_indices_follow():
    hh = household(
        [16, 10, 1], [Childcare(1, "gastouder", None, 8.0), Childcare(2, "dagopvang", None, 11.23)]
    )
    three = aged(hh, 3)
    assert three.children == (13, 4)  # the child of 16 is 19: no child benefits any more
    # The child of 10 is 13, past primary school: no childcare. The toddler of 1 is 4: bso.
    assert three.childcare == (Childcare(1, "bso", None, BSO_MAX),)


def test_no_years_no_change():
    hh = household([2], [Childcare(0, "dagopvang", None, 11.23)])
    assert aged(hh, 0) is hh


def test_the_periods_age_the_children_by_the_year_they_start_in():
    assert [years_on(m) for m in (1, 7, 12, 13, 24, 25, 37)] == [0, 0, 0, 1, 1, 2, 3]
    single = periods(household([2], [Childcare(0, "dagopvang", None, 11.23)]))
    assert [(p.key, p.household.children) for p in single] == [
        ("first", (2,)), ("after", (2,)), ("second_third", (3,)), ("later", (5,))]  # fmt: skip
    # The 12.5% needs a child under 12 (Participatiewet art. 31 lid 2 onder r): a child of 11 is 12
    # in the second year, so that period keeps nothing, though the months after the first six do.
    eleven = {p.key: p for p in periods(household([11], []))}
    assert eleven["after"].household.bijstand_vrijlating_alleenstaande_ouder
    assert not eleven["second_third"].household.bijstand_vrijlating_alleenstaande_ouder
    assert eleven["second_third"].note == eleven["later"].note
