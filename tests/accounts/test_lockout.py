"""Password guessing locks out the combination of account and client, and a client that guesses
too often, on our login and on /admin/login/ (django-axes + accounts/backends.py); an attacker
elsewhere cannot lock the real person out."""

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test.utils import override_settings

PASSWORD = "a-long-test-password"


def _attempts(client, path, username, n, addr="198.51.100.1", password="wrong"):  # noqa: S107
    return [
        client.post(path, {"username": username, "password": f"{password}-{i}"}, REMOTE_ADDR=addr).status_code
        for i in range(n)
    ]


@pytest.fixture
def admin_user(personas):
    user = personas["staff"]
    user.is_staff = True
    user.is_superuser = True
    user.save()
    return user


@pytest.mark.django_db
class TestAdminLogin:
    def test_the_admin_login_locks_after_repeated_failures(self, client, admin_user):
        statuses = _attempts(client, "/admin/login/", "staff", 10)
        assert statuses[:9] == [200] * 9
        assert statuses[9] == 429
        # The right password no longer works from that client while it is locked (a minute later:
        # past the per-minute rate limit, so this is the lockout's answer).
        cache.clear()
        response = client.post(
            "/admin/login/", {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="198.51.100.1"
        )
        assert response.status_code == 429
        # The lockout page (not the rate limit's), in Dutch: /admin/ has no language prefix.
        from django.utils import translation

        with translation.override("nl"):
            expected = translation.gettext(
                "Too many failed attempts to log in. For safety, logging in is paused for %(minutes)s minutes. Ask the alliance office if you forgot your password."
            )
        assert expected.split("%(minutes)s")[0] in response.content.decode()

    def test_guessing_elsewhere_does_not_lock_the_real_person_out(self, client, admin_user):
        # Issue #21: ten wrong passwords for her name from one place lock that place only.
        _attempts(client, "/admin/login/", "staff", 10, addr="198.51.100.10")
        cache.clear()  # the per-minute rate limit is not what this test is about
        response = client.post(
            "/admin/login/", {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="203.0.113.99"
        )
        assert response.status_code == 302

    def test_ten_failures_spread_over_addresses_lock_nothing(self, client, personas):
        for i in range(10):
            _attempts(client, "/en/login/", "facilitator", 1, addr=f"198.51.100.{i + 10}")
        response = client.post(
            "/en/login/", {"username": "facilitator", "password": PASSWORD}, REMOTE_ADDR="198.51.100.10"
        )
        assert response.status_code == 302

    @override_settings(LOGIN_CLIENT_FAILURE_LIMIT=15)
    def test_a_client_guessing_many_accounts_is_stopped(self, client, personas):
        # Failures over many accounts from one client add up to the per-client limit.
        for i in range(15):
            if i % 9 == 0:
                cache.clear()  # as if a minute passed: past the per-minute rate limit
            _attempts(client, "/en/login/", f"someone-{i}", 1, addr="203.0.113.5")
        cache.clear()
        response = client.post(
            "/en/login/", {"username": "facilitator", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
        )
        assert response.status_code == 429
        # Another client logs in as usual, the same person included.
        response = client.post(
            "/en/login/", {"username": "facilitator", "password": PASSWORD}, REMOTE_ADDR="203.0.113.6"
        )
        assert response.status_code == 302

    def test_below_the_client_limit_other_accounts_still_log_in(self, client, personas):
        for i in range(9):
            _attempts(client, "/en/login/", f"someone-{i}", 1, addr="203.0.113.5")
        cache.clear()
        response = client.post(
            "/en/login/", {"username": "facilitator", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
        )
        assert response.status_code == 302

    def test_failures_are_kept_in_the_database_that_all_workers_share(self, client, personas):
        _attempts(client, "/en/login/", "facilitator", 3)
        attempt = AccessAttempt.objects.get(username="facilitator")
        assert attempt.failures_since_start == 3
        assert "wrong" not in attempt.post_data  # the password is masked

    def test_a_success_resets_the_count(self, client, personas):
        _attempts(client, "/en/login/", "facilitator", 5)
        response = client.post(
            "/en/login/", {"username": "facilitator", "password": PASSWORD}, REMOTE_ADDR="198.51.100.1"
        )
        assert response.status_code == 302
        assert not AccessAttempt.objects.filter(username="facilitator").exists()

    @override_settings(LOGIN_CLIENT_FAILURE_LIMIT=9)
    def test_behind_the_proxy_the_client_address_counts(self, client, personas):
        with override_settings(TRUSTED_PROXIES=["10.0.0.1"]):
            for i in range(9):
                client.post(
                    "/en/login/",
                    {"username": f"someone-{i}", "password": "x"},
                    REMOTE_ADDR="10.0.0.1",
                    HTTP_X_FORWARDED_FOR="203.0.113.5",
                )
            response = client.post(
                "/en/login/",
                {"username": "facilitator", "password": PASSWORD},
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR="203.0.113.6",
            )
        assert response.status_code == 302


def test_password_validation_refuses_weak_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    weak_passwords = (
        "short-pw",
        "123456789012",
        "password1234",
        "abcdefghijkl",
        "abcabcabcabc",
        "qwertyuiopas",
        "Wachtwoord2026!",
        "samensterk-2026",
    )
    for weak in weak_passwords:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("paard-batterij-nietje-correct")
    validate_password("demo-wachtwoord-2026".replace("wachtwoord", "zonnebloem"))
