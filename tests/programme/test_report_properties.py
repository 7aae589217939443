"""Whatever a phone sends as a report, the answer is a submitted report or a 422 that keeps what
was typed; never a 500 (hypothesis)."""

import html
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samensterk.programme.models import SessionReport

from .helpers import url

pytestmark = pytest.mark.django_db

junk = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["", "1", "5", "yes", "no", "on"]),
)
report_posts = st.fixed_dictionaries(
    {"outcomes": st.text(max_size=2500)},
    optional={
        "submission_key": st.one_of(st.just(""), st.text(max_size=40), st.uuids().map(str)),
        "men_count": junk,
        "women_count": junk,
        "first_time_count": junk,
        "atmosphere": junk,
        "safety_signal": junk,
        "followup_financial": junk,
        "themes": st.lists(junk, max_size=3),
        "statements": st.lists(junk, max_size=3),
        "reflection": st.text(max_size=50),
    },
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=report_posts)
def test_a_report_post_never_fails_and_keeps_what_was_typed(client, personas, programme, data):
    session = programme["sessions"][1]
    SessionReport.objects.filter(session=session).delete()
    client.force_login(personas["facilitator"])
    # The null character cannot be stored by PostgreSQL nor sent by a browser form; drop it.
    data = {
        key: (value.replace("\x00", "") if isinstance(value, str) else value) for key, value in data.items()
    }
    response = client.post(url("report", session.pk), data)
    assert response.status_code in (302, 422), response.status_code
    if response.status_code == 422:
        page = response.content.decode()
        typed = data["outcomes"].strip()
        if typed and len(typed) <= 2000:
            assert html.escape(typed, quote=False) in page or html.escape(typed) in page
        assert not SessionReport.objects.filter(session=session, status="submitted").exists()
    else:
        assert SessionReport.objects.get(session=session).status == "submitted"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=report_posts)
def test_an_autosave_never_fails(client, personas, programme, data):
    client.force_login(personas["facilitator"])
    data = {
        key: (value.replace("\x00", "") if isinstance(value, str) else value) for key, value in data.items()
    }
    data.setdefault("submission_key", str(uuid.uuid4()))
    response = client.post(url("report_draft", programme["sessions"][1].pk), data)
    assert response.status_code in (200, 422)
