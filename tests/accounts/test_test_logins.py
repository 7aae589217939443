"""How the other tests log in: without the second_factor marker every session counts as verified."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["coordinator", "staff"])
def test_force_login_reaches_pages_without_the_marker(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get("/en/").status_code == 200


@pytest.mark.django_db
@pytest.mark.second_factor
def test_with_the_marker_force_login_is_only_the_password(client, personas):
    client.force_login(personas["coordinator"])
    assert client.get("/en/").status_code == 302
