"""The login page for organisations (participants never have an account)."""

import pytest


@pytest.mark.django_db
class TestLogin:
    def test_it_shows_the_form(self, client):
        response = client.get("/en/login/")
        assert response.status_code == 200
        assert 'name="username"' in response.content.decode()

    def test_a_wrong_password_gets_a_message_and_keeps_the_username(self, client, personas):
        response = client.post("/en/login/", {"username": "facilitator", "password": "wrong"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'value="facilitator"' in html
        assert "errorlist" in html or "error" in html

    def test_it_logs_in(self, client, personas):
        response = client.post("/en/login/", {"username": "facilitator", "password": "a-long-test-password"})
        assert response.status_code == 302


@pytest.mark.django_db
def test_password_guessing_is_rate_limited(client, personas):
    # The tenth failure locks the account and the address (django-axes; tests/accounts/test_lockout.py),
    # and more than ten posts a minute from one address get 429 from the rate limit anyway.
    statuses = [
        client.post("/en/login/", {"username": "facilitator", "password": f"guess-{i}"}).status_code
        for i in range(12)
    ]
    assert statuses[:9] == [200] * 9
    assert statuses[9:] == [429, 429, 429]
