"""The chart of net household income over 0-40 hours: matplotlib -> SVG, for the page and the PDF.

The page's Content-Security-Policy forbids inline styles, and matplotlib writes its SVG with
``style="..."`` attributes and a ``<style>`` block. ``_presentation_attributes`` turns those into
SVG presentation attributes (``fill="..."``), which CSP does not govern, so the SVG can sit
inline in the page: its text is real text (translatable, shaped right to left by the browser)
and the selected-hours marker is an SVG group the script moves without a new request.

The marker's position for every hours value is computed here from matplotlib's own transform
and written as ``data-x``/``data-y`` on the ``<svg>``; the server puts it at the chosen hours.
"""

from __future__ import annotations

import io
import json
import re
import threading

from samensterk.core.charts import ACCENT, BAD, HER, INK, LINE
from samensterk.core.charts import escape as _escape
from samensterk.core.charts import nice_step as _nice_step
from samensterk.core.charts import text as _text

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
) -> str:
    """An inline SVG of the curve. ``drops``: ``[{"hours", "number", "short"}]`` marked on the line;
    ``labels``: translated ``title``, ``x``, ``household``, ``own``, ``threshold``, ``independent``.
    ``money`` formats the y tick labels. ``text_labels=False`` leaves words out of the drawing (for
    WeasyPrint, whose SVG text does not shape Arabic); the caller prints the legend beside it."""
    if not text_labels:
        labels = {**{k: "" for k in labels}, "title": labels["title"]}
        drops = [{**d, "short": ""} for d in drops]
    plt = _plt()
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    font = 15 if large else (13 if compact else 11)
    size = (10, 5.8) if large else ((4.3, 4.6) if compact else (8, 5))
    with _lock:
        plt.rcParams.update(
            {
                "svg.fonttype": "none",
                "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"],
                "font.size": font,
                "axes.edgecolor": LINE,
                "axes.labelcolor": INK,
                "xtick.color": INK,
                "ytick.color": INK,
                "svg.hashsalt": "samensterk",  # stable ids: the same input gives the same SVG
            }
        )
        fig, ax = plt.subplots(figsize=size, dpi=72)
        try:
            ax.plot(
                hours, household, color=ACCENT, linewidth=3.2 if large else 2.6, label=labels["household"]
            )
            if own is not None:
                ax.plot(hours, own, color=HER, linewidth=1.8, linestyle="-", label=labels["own"])
            if threshold:
                ax.axhline(
                    threshold, color=HER, linewidth=1.2, linestyle=(0, (5, 4)), label=labels["threshold"]
                )
            if independence_hours is not None and labels["independent"] and not compact:
                ax.axvline(independence_hours, color=HER, linewidth=1.2, linestyle=(0, (2, 3)))
                ax.annotate(
                    labels["independent"],
                    xy=(independence_hours, 0),
                    xycoords=("data", "axes fraction"),
                    xytext=(4, 6),
                    textcoords="offset points",
                    color=HER,
                    fontsize=font - 1,
                    ha="left" if independence_hours < 30 else "right",
                )
            ymax = max(max(household), max(own or [0]), threshold or 0)
            ymin = min(min(household), 0)
            ax.set_ylim(ymin, ymax * 1.18 + 50)
            ax.set_xlim(0, 40)
            ax.xaxis.set_major_locator(MultipleLocator(8 if large or compact else 4))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: money(v)))
            ax.grid(axis="y", color="#e3dfe9", linewidth=0.8)
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            if labels["x"]:
                ax.set_xlabel(labels["x"])
            placed: list[float] = []
            for d in drops:
                j = hours.index(d["hours"])
                stack = sum(1 for h in placed if abs(h - d["hours"]) < 6)  # labels close together stack up
                placed.append(d["hours"])
                ax.plot([d["hours"]], [household[j]], marker="v", color=BAD, markersize=9, zorder=5)
                ax.annotate(
                    f"{d['number']}. {d['short']}" if d["short"] and not compact else str(d["number"]),
                    xy=(d["hours"], household[j]),
                    xytext=(0, 12 + stack * (font + 6)),
                    textcoords="offset points",
                    ha="center" if 4 < d["hours"] < 34 else ("left" if d["hours"] <= 4 else "right"),
                    color=BAD,
                    fontsize=font - 1,
                    fontweight="bold",
                )
            if not text_labels:
                pass
            elif compact:  # a phone: the legend goes under the axes, the labels stay readable
                ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.2), frameon=False, fontsize=font - 1)
                ax.set_ylim(ymin, ymax * 1.08 + 50)
            else:  # under the axes, in one row: the selected-hours marker never crosses it
                ax.legend(loc="upper left", bbox_to_anchor=(-0.02, -0.15), frameon=False, fontsize=font - 1)
                ax.set_ylim(ymin, ymax * 1.1 + 50)
            fig.tight_layout(pad=0.6)
            fig.canvas.draw()
            # Marker positions in SVG user units (points; the SVG's y axis points down).
            height_pt = fig.get_figheight() * 72
            scale = 72 / fig.dpi
            xs, ys = [], []
            for h, v in zip(hours, household, strict=True):
                px, py = ax.transData.transform((h, v))
                xs.append(round(px * scale, 2))
                ys.append(round(height_pt - py * scale, 2))
            _x0, y_bottom = ax.transAxes.transform((0, 0))
            _x1, y_top = ax.transAxes.transform((0, 1))
            top, bottom = round(height_pt - y_top * scale, 2), round(height_pt - y_bottom * scale, 2)
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    svg = _presentation_attributes(buf.getvalue())
    j = hours.index(selected) if selected in hours else 0
    marker = (
        f'<g class="hours-marker" transform="translate({xs[j]} 0)" aria-hidden="true">'
        f'<line x1="0" x2="0" y1="{top}" y2="{bottom}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="3 3"/>'
        f'<circle class="hours-dot" cx="0" cy="{ys[j]}" r="7" fill="#fff" stroke="{INK}" stroke-width="3"/>'
        "</g>"
    )
    data = (
        f' id="{chart_id}" class="curve" role="img" aria-labelledby="{chart_id}-title"'
        f" data-x='{json.dumps(xs)}' data-y='{json.dumps(ys)}' data-selected=\"{selected}\""
        f' direction="ltr" preserveAspectRatio="xMidYMid meet"'
    )
    svg = re.sub(r"<svg\b", "<svg" + data, svg, count=1)
    svg = re.sub(r'\s(width|height)="[\d.]+pt"', "", svg, count=2)
    title = f'<title id="{chart_id}-title">{_escape(labels["title"])}</title>'
    svg = re.sub(r"(<svg[^>]*>)", r"\1" + title.replace("\\", "\\\\"), svg, count=1)
    return svg.replace("</svg>", marker + "</svg>")


# --- the page's chart without matplotlib ----------------------------------------------------------
# Drawing with matplotlib costs about 80 ms per chart; the page draws two per result. The same
# picture as plain SVG elements costs well under a millisecond. The PDF keeps matplotlib (above).


def curve_svg_fast(
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
) -> str:
    """The same chart as :func:`curve_svg`, written as SVG directly (the page's fast path)."""
    font = 15 if large else (13 if compact else 11)
    width, height = (720, 440) if large else ((310, 331) if compact else (576, 380))
    left = 12 + font * 0.62 * max(len(money(v)) for v in (max(household), 0)) + 6
    right, top = 14, 14
    bottom = font * 2.2 + (font * 1.5) * 3 + 14  # the legend: one item a row (it never overflows)
    pw, ph = width - left - right, height - top - bottom
    ymax = max(max(household), max(own or [0]), threshold or 0)
    ymin = min(min(household), 0)
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
