"""SVG drawing primitives shared by every chart of the app (calculator curve, monitoring bars).

Charts are written as SVG elements directly: a chart costs well under a millisecond, its text is
real text (translatable, shaped right to left by the browser), it sits inline in a page under the
Content-Security-Policy (presentation attributes, no ``style``), and WeasyPrint draws the same
SVG in a PDF. This module is the bottom layer: it imports no app.
"""

from __future__ import annotations

INK = "#1b1b1b"
ACCENT = "#5a2a82"
HER = "#1d6b3a"
LINE = "#6c6478"
BAD = "#a3201b"
GRID = "#e3dfe9"
FONT_FAMILY = "DejaVu Sans, sans-serif"

_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000)


def escape(text) -> str:
    """Text for an SVG element or attribute."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def nice_step(span: float, most: int = 8, *, smallest: float = 50) -> float:
    """A round grid step that gives at most ``most`` lines over ``span`` (never below ``smallest``)."""
    steps = [s for s in _STEPS if s >= smallest]
    return next((s for s in steps if span / s <= most), steps[-1])


def text(x, y, content, *, size, anchor="start", fill=INK, weight=None, cls=None) -> str:
    """One ``<text>`` element in the app's chart font."""
    extra = (f' font-weight="{weight}"' if weight else "") + (f' class="{cls}"' if cls else "")
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
        f' font-family="{FONT_FAMILY}"{extra}>{escape(content)}</text>'
    )
