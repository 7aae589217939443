"""Template filters of the calculator's printed and shown text.

``bidi_isolate``: in a right-to-left language, each Dutch term and each amount inside a sentence
is wrapped in Unicode isolates (LRI ... PDI), so the bidi algorithm keeps it in its own order and
does not pull the Arabic letters, brackets or signs around it into the wrong place (the handout
printed "وarbeidskorting (€ 92)" with the bracket and the amount swapped). The isolate characters
work in WeasyPrint's text shaping, where HTML's <bdi> may not, and are invisible.
"""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

register = template.Library()

LRI, PDI = "\u2066", "\u2069"
# A signed amount ("+€ 86", "−€ 1.298", "€ 14,71") or a run of Latin words ("algemene
# heffingskorting", "Participatiewet, art. 31", "https://wetten.overheid.nl/BWBR0015703").
_AMOUNT = r"[+\u2212-]?€[\u00a0 ]?\d[\d.,]*"
_LATIN_WORD = r"[A-Za-z\u00c0-\u024f][\w.,'’:/#%\-]*"
_LATIN = rf"{_LATIN_WORD}(?:[ \u00a0]+(?:{_LATIN_WORD}|\d[\w.,\-]*))*"
_RUN = re.compile(rf"{_AMOUNT}|{_LATIN}")
_TRAILING = re.compile(r"[.,:;]+$")  # a full stop after a term belongs to the sentence
# Markup and character references are never touched: only the text between them.
_MARKUP = re.compile(r"(<[^>]*>|&[#\w]+;)")


def isolate_text(text: str) -> str:
    """Wrap each Latin run and amount of a plain text in LRI ... PDI."""

    def wrap(m: re.Match) -> str:
        run = m.group(0)
        tail = _TRAILING.search(run)
        cut = tail.start() if tail else len(run)
        return f"{LRI}{run[:cut]}{PDI}{run[cut:]}"

    return _RUN.sub(wrap, text)


@register.filter(is_safe=True)
def bidi_isolate(value):
    """In a right-to-left language: Dutch terms and amounts isolated (see the module's comment).
    Works on rendered HTML too (``{% filter bidi_isolate %}``): tags and entities stay as they are."""
    if not get_language_bidi() or not value:
        return value
    text = str(value)
    parts = _MARKUP.split(text)
    out = "".join(part if i % 2 else isolate_text(part) for i, part in enumerate(parts))
    # Safe in, safe out: the isolates are plain characters added between already escaped text.
    return mark_safe(out) if isinstance(value, SafeString) else out  # noqa: S308 - isolates between escaped text  # nosec B308, B703
