from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samensterk.toolkit.selectors import method_list


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    methods = method_list()
    return render(request, "core/home.html", {"methods": methods})


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: the process is up and answers."""
    return JsonResponse({"ok": True})


def ratelimited(request: HttpRequest, exception=None) -> HttpResponse:
    """django-ratelimit's view for a limited request: a clear 429, never a 500."""
    message = _("Too many requests in a short time. Wait a minute and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "core/error.html", {"status": 429, "message": message}, status=429)
