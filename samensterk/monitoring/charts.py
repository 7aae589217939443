"""Bar charts of the suppressed tables, written as SVG elements: the same drawing on the page and in
the PDF (WeasyPrint draws inline SVG).

Why not matplotlib any more: importing it cost about a second in a fresh process and drawing the
dashboard's three charts a few hundred milliseconds more, most of a cold page (issue #11's
benchmark); a horizontal bar chart is a few rectangles and labels. The SVG needs no style
attribute or <style> block, so it sits inline under the page's Content-Security-Policy.

Only suppressed cells reach this module: a hidden cell gets no bar, only its label ("<5" or
"x"), so a chart never shows what its table hides.
"""

from __future__ import annotations

from samensterk.calculator.chart import _escape

from .selectors import Table

COLOURS = ["#5a2a82", "#1d6b3a", "#8a5a00", "#2f5c8f"]
INK = "#1b1b1b"
AXIS = "#6c6478"
GRID = "#e3dfe9"
FONT = "DejaVu Sans, sans-serif"
WIDTH = 460  # px; the page scales it to its column (monitoring.css), the PDF to 150 mm
SIZE = 10  # font size in px
BAR = 14  # thickness of one bar
LABEL_ROOM = 0.6 * SIZE  # the average width of a character, for margins and cutting long labels


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = SIZE, fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-family="{FONT}" fill="{fill}"'
        f' text-anchor="{anchor}">{_escape(text)}</text>'
    )


def _step(top: float) -> int:
    """A round tick step that gives at most six ticks up to ``top``."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if top / (step * magnitude) <= 6:
                return step * magnitude
        magnitude *= 10


def _fit(label: str, room: float) -> str:
    most = max(int(room / LABEL_ROOM), 4)
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def bar_chart_svg(table: Table, columns: list[str], *, title: str, chart_id: str) -> str:
    """Horizontal bars, one group per row of ``table``, one bar per column in ``columns``."""
    col_index = {key: i for i, (key, _label) in enumerate(table.columns)}
    col_labels = dict(table.columns)
    labels = [row.label for row in table.rows]
    n_cols = len(columns)
    group = n_cols * (BAR + 2) + 10
    left = min(WIDTH * 0.45, 18 + LABEL_ROOM * max((len(label) for label in labels), default=4))
    right, top_margin = 34, 6  # room for the last value label
    legend = 20 if n_cols > 1 else 0
    plot_h = group * max(len(labels), 1)
    height = top_margin + plot_h + 22 + legend
    plot_w = WIDTH - left - right
    shown = [
        row.cells[col_index[c]].value
        for row in table.rows
        for c in columns
        if not row.cells[col_index[c]].hidden
    ]
    top = max(shown, default=0) or 5
    step = _step(top)
    xmax = (top // step + 1) * step

    def x(value: float) -> float:
        return left + plot_w * value / xmax

    out = [
        f'<svg id="{chart_id}" class="bar-chart" role="img" aria-labelledby="{chart_id}-title"'
        f' direction="ltr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}"'
        ' preserveAspectRatio="xMidYMid meet">',
        f'<title id="{chart_id}-title">{_escape(title)}</title>',
    ]
    axis_y = top_margin + plot_h
    for tick in range(0, xmax + 1, step):
        out.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top_margin}" y2="{axis_y}" stroke="{GRID}"/>'
        )
        out.append(_text(x(tick), axis_y + 14, str(tick), anchor="middle", size=SIZE - 1))
    for r, (label, row) in enumerate(zip(labels, table.rows, strict=True)):
        y0 = top_margin + r * group + 5
        middle = y0 + n_cols * (BAR + 2) / 2
        out.append(_text(left - 6, middle + SIZE * 0.35, _fit(label, left - 18), anchor="end"))
        for j, col in enumerate(columns):
            cell = row.cells[col_index[col]]
            y = y0 + j * (BAR + 2)
            end = x(0 if cell.hidden else cell.value)
            if not cell.hidden:
                out.append(
                    f'<rect x="{left:.1f}" y="{y:.1f}" width="{end - left:.1f}" height="{BAR}"'
                    f' fill="{COLOURS[j % len(COLOURS)]}"/>'
                )
            out.append(_text(end + 4, y + BAR * 0.75, str(cell), size=SIZE - 1))
    out.append(f'<line x1="{left:.1f}" x2="{left:.1f}" y1="{top_margin}" y2="{axis_y}" stroke="{AXIS}"/>')
    out.append(
        f'<line x1="{left:.1f}" x2="{left + plot_w:.1f}" y1="{axis_y}" y2="{axis_y}" stroke="{AXIS}"/>'
    )
    if legend:
        lx, ly = left, axis_y + 26
        for j, col in enumerate(columns):
            name = str(col_labels[col])
            out.append(
                f'<rect x="{lx:.1f}" y="{ly:.1f}" width="10" height="10" fill="{COLOURS[j % len(COLOURS)]}"/>'
            )
            out.append(_text(lx + 14, ly + 9, name))
            lx += 14 + LABEL_ROOM * len(name) + 16
    out.append("</svg>")
    return "".join(out)
