"""statements_for_session: the kept plan's statements, else the method's (the companion's source)."""

import pytest

from samensterk.toolkit import selectors
from samensterk.toolkit.models import MeetingPlan, Statement

pytestmark = pytest.mark.django_db


def _statements(method, *slugs):
    rows = [Statement.objects.create(slug=s, text=f"Stelling {s}", order=i) for i, s in enumerate(slugs)]
    for row in rows:
        row.methods.add(method)
    return rows


def test_without_a_kept_plan_the_methods_statements(programme):
    method = programme["method"]
    own = _statements(method, "t1", "t2")
    Statement.objects.create(slug="elsewhere", text="Niet van deze methode")
    session = programme["sessions"][2]
    assert list(selectors.statements_for_session(session)) == own


def test_the_kept_plans_choice_wins(programme):
    method = programme["method"]
    own = _statements(method, "t1", "t2", "t3")
    other = Statement.objects.create(
        slug="z-other", text="Gekozen, ook al hoort zij bij geen methode", order=9
    )
    session = programme["sessions"][2]
    plan = MeetingPlan.objects.create(session=session, method=method, meeting_number=3)
    plan.statements.set([own[2], other])
    assert list(selectors.statements_for_session(session)) == [own[2], other]
    # another session of the same trajectory still gets the method's statements
    assert list(selectors.statements_for_session(programme["sessions"][1])) == own


def test_a_plan_without_statements_falls_back(programme):
    method = programme["method"]
    own = _statements(method, "t1")
    session = programme["sessions"][0]
    MeetingPlan.objects.create(session=session, method=method, meeting_number=1)
    assert list(selectors.statements_for_session(session)) == own


def test_a_method_without_statements_of_its_own_borrows_those_for_the_same_group(programme, toolkit_content):
    # Issue #22: the demo's method 3 (dialogue sessions with men) opened an empty deck, although the
    # toolkit's dialogue sessions with men work with statements.
    from samensterk.toolkit.models import Method

    trajectory = programme["trajectory"]
    trajectory.method = Method.objects.get(slug="dialoogsessies-mannen")
    trajectory.save(update_fields=["method"])
    deck = list(selectors.statements_for_session(programme["sessions"][1]))
    assert deck, "never an empty deck"
    assert {s.audience for s in deck} <= {"men", "all"}
    assert "s001" in {s.slug for s in deck}  # method 1's statements, made for men
