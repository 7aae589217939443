"""Logging in with the second step, for tests marked `@pytest.mark.second_factor`.

Unmarked tests need none of this (tests/conftest.py counts their sessions as verified).
"""

from __future__ import annotations

import time

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator, created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the user's app shows now (what they would type).

    A code is accepted once: when this device's current code was used already (a second login
    within 30 seconds), wait for the next one, as a person would.
    """
    device.refresh_from_db()
    if device.last_t >= int((time.time() - device.t0) // device.step) + device.drift:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.2)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def login(client, user, *, next_url: str = "/en/") -> None:
    """Log in with the password step done by force_login and the second step done for real."""
    client.force_login(user)
    device = totp_device(user)
    response = client.post("/en/account/two-factor/", {"token": current_code(device), "next": next_url})
    assert response.status_code == 302, response.content.decode()[:500]
