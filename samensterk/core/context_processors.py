from django.conf import settings
from django.urls import translate_url

from samensterk.core.offline import CACHE_VERSION


def languages(request):
    """The language switch on every page: the same page in each language (a plain link, no JS)."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "url": translate_url(path, code)} for code, _name in settings.LANGUAGES
        ]
    }


def offline(request):
    """The offline copy's version: pages name it so the service worker knows when to renew them."""
    return {"offline_cache_version": CACHE_VERSION}
