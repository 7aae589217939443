from django.conf import settings
from django.http import Http404
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


def navigation(request):
    """Which sections the menu offers this user. Lazy: pages that do not draw the menu (PDFs,
    partials) ask nothing of the database."""
    from samensterk import access

    user = getattr(request, "user", None)

    def may_monitor() -> bool:
        try:
            access.dashboard_scope_for(user)
        except Http404:
            return False
        return True

    return {"may_monitor": may_monitor, "offline_cache_version": CACHE_VERSION}
