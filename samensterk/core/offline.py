"""The site as an installable app that keeps a facilitator's own pages for offline use.

One service worker for the whole site (served from the root so that its scope covers every
language), a web app manifest, and the header by which a view marks its response as one of the
user's own pages that the worker may keep. Nothing is kept unless a view marks it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

# Bump when the kept pages or files change shape, so that old caches are dropped.
CACHE_VERSION = "v2"
# A response with this header may be kept on the device for offline use (sw.js reads it).
OFFLINE_HEADER = "X-Offline-Page"


def offline_page(response: HttpResponse) -> HttpResponse:
    """Mark ``response`` as one of the logged-in user's own pages that may be kept offline.

    Only for pages that show the user's own work (My work, the report of a meeting they run, the
    companion); the worker deletes the copy of a page that comes back unmarked. Log-out deletes
    all copies (static/core/offline.js).
    """
    response[OFFLINE_HEADER] = "1"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker. Public on purpose (browsers fetch it without asking the user); it holds
    no secrets and no user data: it keeps only what views mark with OFFLINE_HEADER."""
    body = render_to_string("core/sw.js", {"cache_version": CACHE_VERSION, "static_prefix": static("")})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


LANGUAGES = ("nl", "en", "ar", "tr")


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: installable on a phone's home screen, opening on "My work"."""
    # Under each language's prefix (/manifest.webmanifest, /ar/manifest.webmanifest): no query
    # string, so no page carries a "?" in a link (the calculator's pages promise none).
    lang = get_language() if get_language() in LANGUAGES else "nl"
    with override(lang):
        try:
            start = reverse("programme:home")
        except NoReverseMatch:
            start = "/"
        data = {
            "name": _("Samen Sterk met Werk"),
            "short_name": _("Samen Sterk"),
            "lang": lang,
            "dir": "rtl" if lang == "ar" else "ltr",
            "start_url": start,
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#5a2a82",
            "icons": [
                {"src": static(f"core/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
                for size in (192, 512)
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
