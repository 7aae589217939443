from django.shortcuts import render
from django.utils.translation import gettext as _


def not_found(request, exception=None):
    return render(
        request, "core/error.html", {"status": 404, "message": _("This page does not exist.")}, status=404
    )


def server_error(request):
    # Rendered without a request context on purpose: the failing part may be what adds it.
    return render(
        request,
        "core/error.html",
        {"status": 500, "message": _("Something went wrong on our side.")},
        status=500,
    )
