"""Start-up guards: the app does not serve on the published development key."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


def insecure_secret_key() -> bool:
    """True when DEBUG is off and no DJANGO_SECRET_KEY was given (the published development key)."""
    key = settings.SECRET_KEY
    return not settings.DEBUG and (not key or key == getattr(settings, "DEVELOPMENT_SECRET_KEY", None))


def refuse_to_serve_insecurely() -> None:
    """Called by wsgi.py and `manage.py runserver` before they serve a single request."""
    if insecure_secret_key():
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set and DEBUG is off: refusing to serve on the development key. "
            "Set DJANGO_SECRET_KEY to a long random string (or DJANGO_DEBUG=1 on a development machine)."
        )


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if insecure_secret_key():
        return [
            Error(
                "DJANGO_SECRET_KEY is not set; the published development key is in use.",
                hint="Set DJANGO_SECRET_KEY to a long random string.",
                id="samensterk.E001",
            )
        ]
    return []
