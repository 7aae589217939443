"""The client's address, taken from X-Forwarded-For only when our own reverse proxy sent it.

Rate limits and login lockouts count per client address. Behind a reverse proxy every request
connects from the proxy, so counting REMOTE_ADDR would put all visitors in one bucket; trusting
X-Forwarded-For from anyone would let an attacker pick a fresh address per request. So: only when
the connection comes from an address in DJANGO_TRUSTED_PROXIES do we read the header, walking it
from the right (the entries our proxies appended) to the first address that is not a proxy.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in proxies)


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def is_trusted_proxy(address: str, proxies: tuple[str, ...]) -> bool:
    ip = _parse(address)
    return ip is not None and any(ip in network for network in _networks(proxies))


def client_address(remote_addr: str, forwarded_for: str, proxies: tuple[str, ...]) -> str:
    """The address rate limits should count: REMOTE_ADDR unless a trusted proxy forwarded for someone."""
    if not proxies or not is_trusted_proxy(remote_addr, proxies):
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if _parse(hop) is None:
            # A malformed entry: nothing left of it can be trusted either; count the proxy itself.
            return remote_addr
        if not is_trusted_proxy(hop, proxies):
            return hop
    # Every hop was one of our proxies (a health check from the proxy host, say).
    return hops[0] if hops else remote_addr


class TrustedProxyMiddleware:
    """Sets REMOTE_ADDR to the client's address before anything counts it (rate limits, axes)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = tuple(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.proxies:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                self.proxies,
            )
        return self.get_response(request)


def request_client_address(request) -> str:
    """django-axes asks for the client's address through this (AXES_CLIENT_IP_CALLABLE)."""
    return request.META.get("REMOTE_ADDR", "")
