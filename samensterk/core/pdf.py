"""The one PDF helper (WeasyPrint) for the toolkit, the calculator and the programme.

Everything is rendered in memory from a template: nothing is written to disk and nothing is
fetched over the network. The URL fetcher accepts only data: URLs, so a stray <img src> or
stylesheet link in a template fails loudly instead of calling out.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.template.loader import render_to_string


@lru_cache(maxsize=8)
def _stylesheet(path: str):
    from weasyprint import CSS  # lazy: loads Pango through cffi

    return CSS(string=Path(path).read_text(encoding="utf-8"))


def render_pdf(template: str, context: dict, *, request=None, stylesheets: Sequence[Path] = ()) -> bytes:
    """Render ``template`` with ``context`` to PDF bytes; the caller sends them, never stores them.

    ``stylesheets`` are files read once per process (the HTML may carry its own <style> too).
    """
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context, request=request)
    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[_stylesheet(str(path)) for path in stylesheets]
    )


def pdf_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """A PDF download that no proxy or browser keeps (it may hold a household's figures)."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
