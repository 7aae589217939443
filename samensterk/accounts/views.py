"""The second login step: set up an authenticator app once, then a code at every login."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from . import twofactor
from .forms import TokenForm


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _qr_svg(uri: str) -> str:
    # segno writes the SVG from the otpauth URI on our server: no image service, no script.
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, border=2, title=_("QR code for your authenticator app")
    )
    return mark_safe(svg)  # noqa: S308 - segno's markup of our own data  # nosec B308, B703


@never_cache
@ratelimit(key="user_or_ip", rate="10/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if twofactor.has_confirmed_device(request.user):
        # Enrolling a second device needs the first one: a password alone must never add a device.
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': next_url})}")
    device = twofactor.totp_device_start(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.totp_device_confirm(request=request, device=device, token=form.cleaned_data["token"]):
            return redirect(next_url)
        form.add_error(
            "token", _("That code is not right. Check the time on your phone and try the next code.")
        )
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": _qr_svg(device.config_url),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/two_factor_setup.html", context, status=status)


@never_cache
@ratelimit(key="user_or_ip", rate="10/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if not twofactor.has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': next_url})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.second_factor_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(next_url)
        form.add_error(
            "token", _("That code is not right. Check the time on your phone and try the next code.")
        )
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url}, status=status)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes calls this for a locked account or client (AXES_LOCKOUT_CALLABLE): a clear 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many failed attempts to log in. For safety, logging in is paused for %(minutes)s minutes. "
        "Ask the alliance office if you forgot your password."
    ) % {"minutes": minutes}
    return render(request, "core/error.html", {"status": 429, "message": message}, status=429)
