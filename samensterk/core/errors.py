import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def not_found(request, exception=None):
    return render(
        request, "core/error.html", {"status": 404, "message": _("This page does not exist.")}, status=404
    )


def csrf_failure(request, reason=""):
    """Django's CSRF check failed (CSRF_FAILURE_VIEW): usually a form left open too long, or a
    browser that refuses cookies. Said in the site's layout and the visitor's language."""
    return render(
        request,
        "core/error.html",
        {
            "status": 403,
            "message": _("This form has expired for safety."),
            "detail": _(
                "Go back, reload the page and send the form again. If it keeps happening, allow "
                "cookies for this site."
            ),
        },
        status=403,
    )


def server_error(request):
    """Django calls this inside the except block of the failed request, so the exception is at hand.

    A database that is down or restarting is a passing fault, not a bug: the visitor gets 503 with
    Retry-After and a page that says to try again. Rendered without the request's context on
    purpose: the context processors (the logged-in user, the session) need the very database or
    code that just failed.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, InterfaceError | OperationalError):
        html = render_to_string(
            "core/error.html",
            {
                "status": 503,
                "message": _("The service is briefly unavailable."),
                "detail": _(
                    "We are working on it. Nothing you typed was saved: wait a minute and send the form again."
                ),
            },
        )
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "30"
        return response
    html = render_to_string(
        "core/error.html", {"status": 500, "message": _("Something went wrong on our side.")}
    )
    return HttpResponse(html, status=500)
