"""The printable handout: the result in the chosen language, rendered by the one PDF helper.

The stylesheet is read from the app's static folder and the chart is inline SVG, so rendering
fetches nothing.
"""

from __future__ import annotations

from pathlib import Path

from samensterk.core.pdf import render_pdf

CSS_PATH = Path(__file__).resolve().parent / "static" / "calculator" / "handout.css"


def handout_pdf(request, context: dict) -> bytes:
    """The handout as PDF bytes (the caller sends them; they are never stored)."""
    return render_pdf("calculator/handout.html", context, request=request, stylesheets=[CSS_PATH])
