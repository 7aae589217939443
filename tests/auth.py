"""Logging in with the second step, for tests marked `@pytest.mark.second_factor`.

Unmarked tests need none of this (tests/conftest.py counts their sessions as verified).
"""

from __future__ import annotations

import time

import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

# Clocks moved forward by current_code(); tests/conftest.py's _clock_back stops them after each test.
_travels: list[time_machine.travel] = []


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator, created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the user's app shows now (what they would type).

    A code is accepted once: when this device's current code was used already (a second login
    within 30 seconds), a person waits for the next one. The test does not wait: the clock jumps to
    the start of the next window (time-machine moves the time of the whole process, so the live
    server's thread and django-otp's check see it too) and keeps running from there.
    """
    device.refresh_from_db()
    if device.last_t >= int((time.time() - device.t0) // device.step) + device.drift:
        next_window = device.last_t - device.drift + 1
        travel = time_machine.travel(device.t0 + next_window * device.step + 0.2, tick=True)
        travel.start()
        _travels.append(travel)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def login(client, user, *, next_url: str = "/en/") -> None:
    """Log in with the password step done by force_login and the second step done for real."""
    client.force_login(user)
    device = totp_device(user)
    response = client.post("/en/account/two-factor/", {"token": current_code(device), "next": next_url})
    assert response.status_code == 302, response.content.decode()[:500]


def clock_back() -> None:
    """Undo every clock jump current_code() made (the latest first)."""
    while _travels:
        _travels.pop().stop()
