"""The printable handout: WeasyPrint renders the result in the chosen language, in memory.

Nothing is written to disk and nothing is fetched over the network: the stylesheet is read from
the app's static folder and the chart is inline SVG, so the URL fetcher refuses every URL.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.template.loader import render_to_string

CSS_PATH = Path(__file__).resolve().parent / "static" / "calculator" / "handout.css"


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The handout fetches nothing: {url}")


@lru_cache(maxsize=1)
def _stylesheet():
    from weasyprint import CSS

    return CSS(string=CSS_PATH.read_text(encoding="utf-8"))


def handout_pdf(request, context: dict) -> bytes:
    """The handout as PDF bytes (the caller sends them; they are never stored)."""
    from weasyprint import HTML

    html = render_to_string("calculator/handout.html", context, request=request)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[_stylesheet()])
