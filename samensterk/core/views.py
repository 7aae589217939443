import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and uptime monitors (GET or HEAD): 200 when the database and the
    shared cache answer, 503 when one does not, so the balancer takes this server out."""
    checks = {"database": True, "cache": True}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        checks["database"] = False
        logger.warning("healthz: database unavailable")
    try:
        cache.set("healthz", 1, timeout=10)
        checks["cache"] = cache.get("healthz") == 1
    except Exception:  # any backend error (database cache, Redis) means: not healthy
        checks["cache"] = False
        logger.warning("healthz: cache unavailable")
    ok = all(checks.values())
    return JsonResponse({"ok": ok, **checks}, status=200 if ok else 503)


def ratelimited(request: HttpRequest, exception=None) -> HttpResponse:
    """django-ratelimit's view for a limited request: a clear 429, never a 500."""
    message = _("Too many requests in a short time. Wait a minute and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "core/error.html", {"status": 429, "message": message}, status=429)
