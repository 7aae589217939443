"""The second login step (TOTP, django-otp) for coordinators and alliance staff.

Coordinators read report text and safety signals; alliance staff manage every organisation. A
guessed or reused password alone must not open that. After the password, such a user reaches no
page but the set-up and code pages (and log out) until a code from their authenticator app is
accepted for this session. The admin (/admin/) is behind the same step: is_staff counts too.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction

from .models import Membership
from .roles import roles_of

SECOND_FACTOR_ROLES = frozenset({Membership.Role.COORDINATOR, Membership.Role.STAFF})

# Pages an authenticated user reaches before the second step (by view name).
OPEN_VIEWS = frozenset(
    {"accounts:two_factor_setup", "accounts:two_factor_verify", "login", "logout", "healthz", "set_language"}
)
# The calculator's JSON API is public and reads no session data.
OPEN_PREFIXES = ("/api/", "/static/")


def needs_second_factor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(r.role in SECOND_FACTOR_ROLES for r in roles_of(user))


def second_factor_done(request) -> bool:
    """This session passed the second step (OTPMiddleware sets is_verified)."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_start(*, user) -> TOTPDevice:
    """The unconfirmed device the set-up page shows; the same one on every visit until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def totp_device_confirm(*, request, device: TOTPDevice, token: str) -> bool:
    """Confirm the device with a first code from the app; this session then counts as verified."""
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Any other unconfirmed leftovers are of no use any more.
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        audit_record(actor=request.user, action=AuditAction.TWO_FACTOR_SETUP, obj=device.user)
    otp_login(request, device)
    return True


def second_factor_verify(*, request, token: str) -> bool:
    device = match_token(request.user, token)
    if device is None:
        return False
    otp_login(request, device)
    return True


def second_factor_reset(*, user, actor=None) -> int:
    """Remove a user's devices (a lost phone); they set up a new one at their next login."""
    with transaction.atomic():
        count, _detail = TOTPDevice.objects.filter(user=user).delete()
        audit_record(actor=actor, action=AuditAction.TWO_FACTOR_RESET, obj=user, detail={"devices": count})
    return count


class SecondFactorMiddleware:
    """Sends coordinators and staff who have not passed the second step to the set-up or code page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (match and match.view_name in OPEN_VIEWS) or request.path_info.startswith(OPEN_PREFIXES):
            return None
        user = request.user
        if not user.is_authenticated or second_factor_done(request) or not needs_second_factor(user):
            return None
        name = "accounts:two_factor_verify" if has_confirmed_device(user) else "accounts:two_factor_setup"
        url = f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
