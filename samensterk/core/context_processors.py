from django.conf import settings
from django.urls import translate_url


def languages(request):
    """The language switch on every page: the same page in each language (a plain link, no JS)."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "url": translate_url(path, code)} for code, _name in settings.LANGUAGES
        ]
    }
