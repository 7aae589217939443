"""The chart of net household income over 0-40 hours, for the page, the projector and the PDF.

Written as SVG elements with the primitives of ``core/charts.py`` (no matplotlib): well under a
millisecond a chart, real text (translatable, shaped right to left by the browser), presentation
attributes only (the page's Content-Security-Policy forbids inline styles), and WeasyPrint draws
the same SVG in the handout. The selected-hours marker is an SVG group the script moves without
a new request; its position for every hours value is written as ``data-x``/``data-y``.

On bijstand with the earnings disregards the chart draws a curve per period of the time line
(income.timeline), each labelled in the legend; the shown period's curve is the thick one.
"""

from __future__ import annotations

import json

from samensterk.core.charts import ACCENT, BAD, HER, INK, LINE
from samensterk.core.charts import escape as _escape
from samensterk.core.charts import nice_step as _nice_step
from samensterk.core.charts import text as _text

# The other periods' curves: a dash pattern each, so they differ without colour alone.
PERIOD_DASHES = ("6 3", "2 3", "9 3 2 3", "1 2")
PERIOD_COLOUR = "#8a5a00"


def curve_svg(
    *,
    hours: list[float],
    household: list[float],
    own: list[float] | None,
    threshold: float | None,
    independence_hours: int | None,
    drops: list[dict],
    selected: int,
    labels: dict[str, str],
    money,
    rtl: bool = False,
    large: bool = False,
    compact: bool = False,
    text_labels: bool = True,
    chart_id: str = "chart",
    periods: list[dict] = (),
) -> str:
    """An inline SVG of the curve. ``drops``: ``[{"hours", "number", "short"}]`` marked on the line;
    ``labels``: translated ``title``, ``x``, ``household``, ``own``, ``threshold``, ``independent``;
    ``periods``: the other periods of the bijstand time line, ``[{"label", "values"}]``, drawn
    thinner and labelled. ``money`` formats the y tick labels. ``text_labels=False`` leaves words
    out of the drawing; the caller prints the legend beside it."""
    font = 15 if large else (13 if compact else 11)
    rows = 3 + len(periods)  # the legend: one item a row (it never overflows)
    extra = (font * 1.5) * len(periods) if text_labels else 0
    width, height = (720, 440) if large else ((310, 331) if compact else (576, 380))
    height = round(height + extra)
    everything = [household, *(p["values"] for p in periods)]
    left = 12 + font * 0.62 * max(len(money(v)) for v in (max(map(max, everything)), 0)) + 6
    right, top = 14, 14
    bottom = font * 2.2 + (font * 1.5) * rows + 14
    pw, ph = width - left - right, height - top - bottom
    ymax = max(max(map(max, everything)), max(own or [0]), threshold or 0)
    ymin = min(min(map(min, everything)), 0)
    ytop = ymax * (1.08 if compact else 1.1) + 50
    step = _nice_step(ytop - ymin, 6 if compact else 8)

    def x(h):
        return left + pw * h / 40

    def y(v):
        return top + ph * (ytop - v) / (ytop - ymin)

    out = []
    tick = ymin - ymin % step if ymin % step else ymin
    while tick <= ytop:
        out.append(f'<line x1="{left:.1f}" x2="{left + pw:.1f}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e3dfe9" stroke-width="0.8"/>')  # fmt: skip
        out.append(_text(left - 6, y(tick) + font * 0.35, money(tick), size=font, anchor="end"))
        tick += step
    out.append(f'<line x1="{left:.1f}" x2="{left:.1f}" y1="{top}" y2="{top + ph:.1f}" stroke="{LINE}"/>')
    out.append(f'<line x1="{left:.1f}" x2="{left + pw:.1f}" y1="{top + ph:.1f}" y2="{top + ph:.1f}" stroke="{LINE}"/>')  # fmt: skip
    xstep = 8 if large or compact else 4
    for h in range(0, 41, xstep):
        out.append(f'<line x1="{x(h):.1f}" x2="{x(h):.1f}" y1="{top + ph:.1f}" y2="{top + ph + 4:.1f}" stroke="{LINE}"/>')  # fmt: skip
        out.append(_text(x(h), top + ph + 6 + font, str(h), size=font, anchor="middle"))
    if labels.get("x") and text_labels:
        out.append(_text(left + pw / 2, top + ph + 10 + 2 * font, labels["x"], size=font, anchor="middle"))
    if threshold:
        out.append(f'<line x1="{left:.1f}" x2="{left + pw:.1f}" y1="{y(threshold):.1f}" y2="{y(threshold):.1f}" stroke="{HER}" stroke-width="1.2" stroke-dasharray="5 4"/>')  # fmt: skip
    if independence_hours is not None and labels.get("independent") and not compact and text_labels:
        xi = x(independence_hours)
        out.append(f'<line x1="{xi:.1f}" x2="{xi:.1f}" y1="{top}" y2="{top + ph:.1f}" stroke="{HER}" stroke-width="1.2" stroke-dasharray="2 3"/>')  # fmt: skip
        fits = xi + 4 + (font - 1) * 0.6 * len(labels["independent"]) <= left + pw
        anchor = "start" if fits else "end"
        out.append(_text(xi + (4 if anchor == "start" else -4), top + ph - 6, labels["independent"], size=font - 1, anchor=anchor, fill=HER))  # fmt: skip

    def points(values):
        return " ".join(f"{x(h):.1f},{y(v):.1f}" for h, v in zip(hours, values, strict=True))

    if own is not None:
        out.append(f'<polyline points="{points(own)}" fill="none" stroke="{HER}" stroke-width="1.8"/>')
    for k, p in enumerate(periods):
        dash = PERIOD_DASHES[k % len(PERIOD_DASHES)]
        out.append(f'<polyline points="{points(p["values"])}" fill="none" stroke="{PERIOD_COLOUR}" stroke-width="1.8" stroke-dasharray="{dash}" stroke-linejoin="round"/>')  # fmt: skip
    out.append(f'<polyline points="{points(household)}" fill="none" stroke="{ACCENT}" stroke-width="{3.2 if large else 2.6}" stroke-linejoin="round"/>')  # fmt: skip
    placed: list[float] = []
    for d in drops:
        j = hours.index(d["hours"])
        stack = sum(1 for h in placed if abs(h - d["hours"]) < 6)
        placed.append(d["hours"])
        cx, cy = x(d["hours"]), y(household[j])
        out.append(f'<path d="M{cx - 5:.1f},{cy - 9:.1f} L{cx + 5:.1f},{cy - 9:.1f} L{cx:.1f},{cy:.1f} Z" fill="{BAD}"/>')  # fmt: skip
        text = (
            f"{d['number']}. {d['short']}"
            if d.get("short") and not compact and text_labels
            else str(d["number"])
        )
        anchor = "middle" if 4 < d["hours"] < 34 else ("start" if d["hours"] <= 4 else "end")
        out.append(_text(cx, cy - 14 - stack * (font + 6), text, size=font - 1, anchor=anchor, fill=BAD, weight="bold"))  # fmt: skip
    if text_labels:
        items = [(ACCENT, "", labels.get("household"), 2.6), (HER, "", labels.get("own"), 1.8),
                 (HER, ' stroke-dasharray="5 4"', labels.get("threshold"), 1.2)]  # fmt: skip
        items[1:1] = [(PERIOD_COLOUR, f' stroke-dasharray="{PERIOD_DASHES[k % len(PERIOD_DASHES)]}"', p["label"], 1.8)
                      for k, p in enumerate(periods)]  # fmt: skip
        ly = top + ph + 2 * font + 16 + font
        lx = 8 if compact else left
        for color, dash, text, w in items:
            if not text:
                continue
            out.append(f'<line x1="{lx:.1f}" x2="{lx + 24:.1f}" y1="{ly - font * 0.35:.1f}" y2="{ly - font * 0.35:.1f}" stroke="{color}" stroke-width="{w}"{dash}/>')  # fmt: skip
            out.append(_text(lx + 30, ly, text, size=font - 1))
            ly += font * 1.5
    xs = [round(x(h), 2) for h in hours]
    ys = [round(y(v), 2) for v in household]
    j = hours.index(selected) if selected in hours else 0
    marker = (
        f'<g class="hours-marker" transform="translate({xs[j]} 0)" aria-hidden="true">'
        f'<line x1="0" x2="0" y1="{top}" y2="{top + ph:.2f}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="3 3"/>'
        f'<circle class="hours-dot" cx="0" cy="{ys[j]}" r="7" fill="#fff" stroke="{INK}" stroke-width="3"/>'
        "</g>"
    )
    return (
        f'<svg id="{chart_id}" class="curve" role="img" aria-labelledby="{chart_id}-title"'
        f" data-x='{json.dumps(xs)}' data-y='{json.dumps(ys)}' data-selected=\"{selected}\""
        f' direction="ltr" preserveAspectRatio="xMidYMid meet" viewBox="0 0 {width} {height}"'
        f' xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{_escape(labels["title"])}</title>' + "".join(out) + marker + "</svg>"
    )
