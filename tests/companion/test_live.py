"""GET/POST /companion/sessions/<pk>/live/: the card the group sees, shared by two devices."""

import pytest

from .helpers import post_json, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(programme):
    return programme["sessions"][1]


POSITION = {"projector": "deck", "deck": "statements", "index": {"statements": 3, "questions": 0}}


def test_a_move_on_one_device_is_what_the_other_reads(client, personas, session):
    client.force_login(personas["facilitator"])
    assert client.get(url("live", session.pk)).json() == {"seq": 0}
    first = post_json(client, url("live", session.pk), POSITION)
    assert first.status_code == 200 and first.json() == {"seq": 1, **POSITION}
    post_json(client, url("live", session.pk), {**POSITION, "index": {"statements": 4}})
    read = client.get(url("live", session.pk))
    assert read.json()["seq"] == 2 and read.json()["index"] == {"statements": 4, "questions": 0}
    assert read["Cache-Control"].startswith("max-age=0")


def test_the_sending_browser_is_named_so_its_windows_do_not_take_their_own_move_back(
    client, personas, session
):
    client.force_login(personas["facilitator"])
    post_json(client, url("live", session.pk), {**POSITION, "device": "tablet-7f3a"})
    assert client.get(url("live", session.pk)).json()["device"] == "tablet-7f3a"
    # a device that sends no token is still taken, and the old token does not stick to its move
    post_json(client, url("live", session.pk), POSITION)
    assert "device" not in client.get(url("live", session.pk)).json()


@pytest.mark.parametrize(
    "bad",
    [
        {**POSITION, "device": "<script>"},
        {**POSITION, "device": "x" * 65},
        {**POSITION, "device": 7},
        {**POSITION, "projector": "seats"},
        {**POSITION, "deck": "AB"},
        {**POSITION, "index": {"statements": -1}},
        {**POSITION, "index": {"initials": 1}},
        ["deck"],
        "not json{",
    ],
)
def test_anything_but_a_position_is_a_400(client, personas, session, bad):
    client.force_login(personas["facilitator"])
    assert post_json(client, url("live", session.pk), bad).status_code == 400
    assert client.get(url("live", session.pk)).json() == {"seq": 0}


def test_it_hides_other_orgs(client, personas, programme):
    client.force_login(personas["facilitator"])
    assert client.get(url("live", programme["other_session"].pk)).status_code == 404


@pytest.mark.parametrize("who", ["coordinator", "trainer"])
def test_the_managers_run_it_too(client, personas, session, who):
    client.force_login(personas[who])
    assert post_json(client, url("live", session.pk), POSITION).status_code == 200


def test_anonymous_gets_401_json(client, session):
    assert client.get(url("live", session.pk)).status_code == 401


def test_it_rejects_the_wrong_method(client, personas, session):
    client.force_login(personas["facilitator"])
    assert client.put(url("live", session.pk)).status_code == 405
