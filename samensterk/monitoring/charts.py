"""Bar charts of the suppressed tables, as SVG written directly with the shared primitives
(samensterk/core/charts.py): the same drawing inline on the dashboard and in the funder PDF.

A chart costs well under a millisecond, so the page draws its charts itself (no image requests,
no plotting library). Only suppressed cells reach this module: a hidden cell gets no bar, only its
label ("<5" or "x"), so a chart never shows what its table hides.
"""

from __future__ import annotations

from samensterk.core import charts as svg

from .selectors import Table

COLOURS = [svg.ACCENT, svg.HER, "#8a5a00", "#2f5c8f"]
WIDTH = 640
BAR = 14  # the height of one bar
GAP = 3  # between the bars of one row
ROW_GAP = 12  # between rows
FONT = 12
CHAR = 7.0  # about the width of one character at FONT (DejaVu Sans), for the label column
TOP = 30  # room for the legend
BOTTOM = 22  # room for the axis numbers


def bar_chart_svg(table: Table, columns: list[str], *, title: str, chart_id: str) -> str:
    """Horizontal bars, one group per row of ``table``, one bar per column in ``columns``."""
    col_index = {key: i for i, (key, _label) in enumerate(table.columns)}
    col_labels = dict(table.columns)
    rows = table.rows
    labels = [row.label for row in rows]
    left = min(220, 12 + CHAR * max((len(label) for label in labels), default=4))
    plot = WIDTH - left - 40
    shown = [
        row.cells[col_index[c]].value for row in rows for c in columns if not row.cells[col_index[c]].hidden
    ]
    step = svg.nice_step(max(shown, default=5), 5, smallest=5)
    top = max(step, -(-max(shown, default=5) // step) * step)
    row_height = len(columns) * (BAR + GAP) - GAP
    height = TOP + len(rows) * (row_height + ROW_GAP) + BOTTOM

    def x(value: float) -> float:
        return left + plot * value / top

    parts = [
        f'<svg id="{chart_id}" class="bar-chart" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-labelledby="{chart_id}-title" viewBox="0 0 {WIDTH} {height}" direction="ltr">',
        f'<title id="{chart_id}-title">{svg.escape(title)}</title>',
    ]
    axis_y = height - BOTTOM
    tick = 0
    while tick <= top:
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{TOP - 4}" x2="{x(tick):.1f}" y2="{axis_y}" stroke="{svg.GRID}"/>'
        )
        parts.append(svg.text(x(tick), axis_y + 15, tick, size=FONT - 1, anchor="middle", fill=svg.LINE))
        tick += step
    if len(columns) > 1:  # the legend
        lx = left
        for j, col in enumerate(columns):
            name = str(col_labels[col])
            parts.append(
                f'<rect x="{lx:.1f}" y="6" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>'
            )
            parts.append(svg.text(lx + 16, 16, name, size=FONT))
            lx += 16 + CHAR * len(name) + 18
    y = TOP
    for row in rows:
        parts.append(svg.text(left - 8, y + row_height / 2 + 4, row.label, size=FONT, anchor="end"))
        for j, col in enumerate(columns):
            cell = row.cells[col_index[col]]
            by = y + j * (BAR + GAP)
            if not cell.hidden:
                parts.append(
                    f'<rect x="{left}" y="{by}" width="{max(x(cell.value) - left, 1):.1f}" height="{BAR}"'
                    f' fill="{COLOURS[j % len(COLOURS)]}"/>'
                )
            end = left if cell.hidden else x(cell.value)
            parts.append(svg.text(end + 4, by + BAR - 3, str(cell), size=FONT - 1))
        y += row_height + ROW_GAP
    parts.append(f'<line x1="{left}" y1="{TOP - 4}" x2="{left}" y2="{axis_y}" stroke="{svg.INK}"/></svg>')
    return "".join(parts)
