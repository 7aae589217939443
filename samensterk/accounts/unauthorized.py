"""401 instead of a redirect for script requests before login or the second factor.

A page sends a person who is not logged in (or has not typed the second-factor code) to the login
page. A script cannot follow that: the report's autosave, the offline queue and the companion's
totals would get the login page's HTML with a 200 and believe it was saved. So requests made by a
script (htmx, fetch with X-Requested-With, or asking for JSON) get 401 with a small JSON body;
htmx requests also get HX-Redirect, which htmx follows to the login page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import JsonResponse
from django.urls import Resolver404, resolve

# Where a person is sent to log in or to pass the second factor.
LOGIN_VIEWS = frozenset({"login", "accounts:two_factor_verify", "accounts:two_factor_setup"})


def is_script_request(request) -> bool:
    headers = request.headers
    accept = headers.get("Accept", "")
    return bool(
        headers.get("HX-Request")
        or headers.get("X-Requested-With")
        or headers.get("Content-Type", "").startswith("application/json")
        or ("application/json" in accept and "text/html" not in accept)
    )


def _login_target(url: str) -> bool:
    try:
        return resolve(urlsplit(url).path).view_name in LOGIN_VIEWS
    except Resolver404:
        return False


class UnauthorizedForScriptsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_script_request(request):
            return response
        target = ""
        if response.status_code in (301, 302, 303, 307) and response.has_header("Location"):
            target = response["Location"]
        elif response.has_header("HX-Redirect"):
            target = response["HX-Redirect"]
        if not target or not _login_target(target):
            return response
        unauthorized = JsonResponse({"error": "login_required", "login": target}, status=401)
        unauthorized["Cache-Control"] = "no-store"
        if request.headers.get("HX-Request"):
            unauthorized["HX-Redirect"] = target
        return unauthorized
