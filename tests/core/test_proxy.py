"""Client addresses come from X-Forwarded-For only when a configured proxy sent it."""

import pytest

from samensterk.core.proxy import client_address

PROXIES = ("10.0.0.1", "192.168.5.0/24", "::1")


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # No proxy in front: the header is whatever the client typed; ignore it.
        ("203.0.113.7", "1.2.3.4", "203.0.113.7"),
        # Our proxy forwarded for a client.
        ("10.0.0.1", "198.51.100.9", "198.51.100.9"),
        # The client sent its own X-Forwarded-For; the proxy appended the real address: take the right one.
        ("10.0.0.1", "1.2.3.4, 198.51.100.9", "198.51.100.9"),
        # Two of our proxies in a row (a network range and an address).
        ("10.0.0.1", "198.51.100.9, 192.168.5.20", "198.51.100.9"),
        # IPv6 proxy.
        ("::1", "2001:db8::5", "2001:db8::5"),
        # A proxy without a header: the proxy is all we know.
        ("10.0.0.1", "", "10.0.0.1"),
        # Garbage in the header: do not believe anything to its left; count the proxy.
        ("10.0.0.1", "1.2.3.4, not-an-address", "10.0.0.1"),
    ],
)
def test_client_address(remote, forwarded, expected):
    assert client_address(remote, forwarded, PROXIES) == expected


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address("10.0.0.1", "198.51.100.9", ()) == "10.0.0.1"


@pytest.mark.django_db
class TestLoginLimitsBehindAProxy:
    """The login rate limit counts each visitor behind the proxy, not the proxy."""

    def _guess(self, client, forwarded, n):
        return [
            client.post(
                "/en/login/",
                {"username": f"nobody-{forwarded}", "password": f"guess-{i}"},
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=forwarded,
            ).status_code
            for i in range(n)
        ]

    def test_one_visitor_is_limited_and_another_is_not(self, client, settings):
        from django.test.utils import override_settings

        with override_settings(TRUSTED_PROXIES=["10.0.0.1"]):
            assert self._guess(client, "198.51.100.1", 12)[-1] == 429
            assert self._guess(client, "198.51.100.2", 1) == [200]

    def test_without_the_setting_everyone_behind_the_proxy_shares_one_limit(self, client):
        assert self._guess(client, "198.51.100.1", 12)[-1] == 429
        assert self._guess(client, "198.51.100.2", 1) == [429]
