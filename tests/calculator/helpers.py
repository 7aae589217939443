"""Paths of the calculator in a given language (Dutch, the default, has no prefix)."""

from django.urls import reverse
from django.utils import translation


def url(name: str, *args, lang: str = "en") -> str:
    """'/en/calculator/' for ("calculator:index"): the tests read the English source strings.
    Computed under translation.override, so a language left active by an earlier request in the
    same test cannot add a second prefix."""
    with translation.override(lang):
        return reverse(name, args=args)
