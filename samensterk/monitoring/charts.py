"""Bar charts of the suppressed tables: matplotlib -> SVG, the same drawing on the page and in the PDF.

On the dashboard each chart is its own request (views.chart, an <img> next to its table), drawn
once per version of the data and cached: the page itself then costs no matplotlib import and no
drawing (issue #11's 500 ms), and the charts still come from a maintained library.

Only suppressed cells reach this module: a hidden cell gets no bar, only its label ("<5" or
"x"), so a chart never shows what its table hides. The SVG is cleaned for the page's CSP here
(presentation attributes instead of style attributes). This is the one module that imports
matplotlib; the calculator's curve is plain SVG (core/charts.py).
"""

from __future__ import annotations

import io
import re
import threading

from samensterk.core.charts import escape as _escape

from .selectors import Table

# Matplotlib is imported lazily (it costs ~0.3 s at start-up) and is not thread-safe.
_lock = threading.Lock()


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


_STYLE_ATTR = re.compile(r'style="([^"]*)"')
_FONT = re.compile(r"^\s*(?:(bold|normal|italic)\s+)?([\d.]+)px\s+(.+)$")


def _style_to_attrs(match: re.Match) -> str:
    attrs = []
    for decl in match.group(1).split(";"):
        if ":" not in decl:
            continue
        name, value = (s.strip() for s in decl.split(":", 1))
        if name == "font":
            m = _FONT.match(value)
            if m:
                if m.group(1):
                    attrs.append(f'font-weight="{m.group(1)}"')
                attrs.append(f'font-size="{m.group(2)}"')
                attrs.append(f'font-family="{m.group(3)}, sans-serif"')
            continue
        attrs.append(f'{name}="{value}"')
    return " ".join(attrs)


def _presentation_attributes(svg: str) -> str:
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    return _STYLE_ATTR.sub(_style_to_attrs, svg)


COLOURS = ["#5a2a82", "#1d6b3a", "#8a5a00", "#2f5c8f"]
INK = "#1b1b1b"


def bar_chart_svg(table: Table, columns: list[str], *, title: str, chart_id: str) -> str:
    """Horizontal bars, one group per row of ``table``, one bar per column in ``columns``."""
    plt = _plt()
    labels = [row.label for row in table.rows]
    col_index = {key: i for i, (key, _label) in enumerate(table.columns)}
    col_labels = dict(table.columns)
    n_rows, n_cols = max(len(labels), 1), len(columns)
    height = 0.4 + 0.32 * n_rows * n_cols + 0.35 * n_rows
    with _lock:
        plt.rcParams.update(
            {
                "svg.fonttype": "none",
                "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"],
                "font.size": 10,
                "svg.hashsalt": "samensterk-monitoring",
            }
        )
        fig, ax = plt.subplots(figsize=(6.4, max(height, 1.6)), dpi=72)
        try:
            bar = 0.8 / n_cols
            shown = [
                row.cells[col_index[c]].value or 0
                for row in table.rows
                for c in columns
                if not row.cells[col_index[c]].hidden
            ]
            top = max(shown, default=5)
            for j, col in enumerate(columns):
                ys = [i + j * bar for i in range(len(labels))]
                values = [row.cells[col_index[col]] for row in table.rows]
                ax.barh(
                    ys,
                    [0 if c.hidden else c.value for c in values],
                    height=bar * 0.9,
                    color=COLOURS[j % len(COLOURS)],
                    label=str(col_labels[col]),
                )
                for y, cell in zip(ys, values, strict=True):
                    ax.text(
                        (0 if cell.hidden else cell.value) + top * 0.01,
                        y,
                        str(cell),
                        va="center",
                        ha="left",
                        color=INK,
                        fontsize=9,
                    )
            ax.set_yticks([i + bar * (n_cols - 1) / 2 for i in range(len(labels))])
            ax.set_yticklabels(labels)
            ax.invert_yaxis()
            ax.set_xlim(0, top * 1.15 + 1)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            if n_cols > 1:
                ax.legend(loc="lower right", frameon=False, fontsize=9)
            # Margins from the label lengths instead of tight_layout, which draws the figure a
            # second time just to measure it (a third of the time of a chart).
            width_in, height_in = fig.get_size_inches()
            longest = max((len(label) for label in labels), default=4)
            left = min(0.5, (0.15 + 0.075 * longest) / width_in)
            fig.subplots_adjust(left=left, right=0.97, top=1 - 0.1 / height_in, bottom=0.3 / height_in)
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    svg = _prefix_ids(_presentation_attributes(buf.getvalue()), chart_id)
    svg = re.sub(
        r"<svg\b",
        f'<svg id="{chart_id}" class="bar-chart" role="img" aria-labelledby="{chart_id}-title"'
        ' direction="ltr" preserveAspectRatio="xMidYMid meet"',
        svg,
        count=1,
    )
    svg = re.sub(r'\s(width|height)="[\d.]+pt"', "", svg, count=2)
    heading = f'<title id="{chart_id}-title">{_escape(title)}</title>'
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + heading, svg, count=1)
    return svg


def _prefix_ids(svg: str, prefix: str) -> str:
    """matplotlib numbers its ids from 1 in every figure; three charts on one page would share them."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
