"""PDFs of the methods library (WeasyPrint): meeting plans (A4 portrait) and flip-over sheets
(one statement per A4 landscape page).

The HTML is self-contained (styles inline, fonts from the system), and the URL fetcher only
accepts data: URLs, so rendering never makes a network or file request.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.translation import get_language_info

from samensterk.core.pdf import render_pdf

from .plan import PRACTICAL_CHECKLIST
from .selectors import SOURCE_LANGUAGE, Localized

# The usable area of an A4 landscape sheet with 15 mm margins, in points (1 mm = 72/25.4 pt).
_MM = 72 / 25.4
SHEET_WIDTH_PT = (297 - 2 * 15) * _MM
SHEET_HEIGHT_PT = (210 - 2 * 15 - 14) * _MM  # 14 mm kept free above the footer
FONT_SIZES_PT = (120, 108, 96, 88, 80, 72, 64, 58, 52, 46, 40, 36, 32, 28, 25, 22, 20, 18, 16, 14, 12)


def _rtl(language: str) -> bool:
    try:
        return bool(get_language_info(language)["bidi"])
    except KeyError:
        return False


def _wrapped_lines(text: str, chars_per_line: int) -> int:
    """How many lines a greedy word wrap needs at ``chars_per_line`` characters a line."""
    lines, used = 0, 0
    for word in text.split():
        length = len(word)
        if used and used + 1 + length <= chars_per_line:
            used += 1 + length
            continue
        lines += 1
        while length > chars_per_line:  # a word longer than a line breaks anywhere
            lines += 1
            length -= chars_per_line
        used = length
    return max(lines, 1)


def _block_height(text: str, size: float, *, width: float, char_em: float, line_height: float) -> float:
    chars_per_line = max(1, math.floor(width / (size * char_em)))
    return _wrapped_lines(text, chars_per_line) * size * line_height


def flipover_font_size(text: str, *, rtl: bool = False, dutch: str = "") -> tuple[int, int]:
    """The largest font size (pt) at which ``text`` fits one sheet, and the size of the Dutch line.

    Estimates with a generous average glyph width for a bold face, so the real text always fits.
    """
    char_em, line_height = (0.47, 1.75) if rtl else (0.58, 1.22)
    for size in FONT_SIZES_PT:
        dutch_size = max(14, min(30, round(size * 0.4))) if dutch else 0
        height = _block_height(text, size, width=SHEET_WIDTH_PT, char_em=char_em, line_height=line_height)
        if dutch:
            height += 0.8 * size + _block_height(
                dutch, dutch_size, width=SHEET_WIDTH_PT, char_em=0.58, line_height=1.3
            )
        if height <= SHEET_HEIGHT_PT * 0.92:
            return size, dutch_size
    return FONT_SIZES_PT[-1], 12 if dutch else 0


def flipover_pdf(statements: Sequence[Localized], *, language: str, with_dutch: bool) -> bytes:
    """One statement per page, as large as fits; the Dutch text underneath when asked (and not Dutch)."""
    sheets = []
    rtl = _rtl(language)
    for number, st in enumerate(statements, start=1):
        shown_in = st.lang_of("text")
        dutch = st.obj.text if with_dutch and shown_in != SOURCE_LANGUAGE else ""
        size, dutch_size = flipover_font_size(st.text, rtl=_rtl(shown_in), dutch=dutch)
        sheets.append(
            {
                "statement": st,
                "number": number,
                "lang": shown_in,
                "dir": "rtl" if _rtl(shown_in) else "ltr",
                "size": size,
                "dutch": dutch,
                "dutch_size": dutch_size,
            }
        )
    return render_pdf(
        "toolkit/pdf/flipover.html",
        {"sheets": sheets, "language": language, "dir": "rtl" if rtl else "ltr", "total": len(sheets)},
    )


def _sheet(item: Localized, number: int, *, kind: str) -> dict:
    shown_in = item.lang_of("text")
    size, _dutch = flipover_font_size(item.text, rtl=_rtl(shown_in))
    return {
        "item": item,
        "kind": kind,
        "number": number,
        "lang": shown_in,
        "dir": "rtl" if _rtl(shown_in) else "ltr",
        "size": size,
    }


def meeting_plan_pdf(
    *,
    context: dict,
    blocks: Sequence,
    total: int,
    length,
    statements: Sequence[Localized],
    questions: Sequence[Localized],
    fields: dict,
    sheets: bool,
    guide,
    guide_url: str,
    language: str,
) -> bytes:
    """A meeting plan on A4 portrait, then (when asked) one A4 landscape flip-over sheet for each
    chosen statement and question: the whole preparation in one file, printed in one go."""
    sheet_rows = []
    if sheets:
        sheet_rows = [_sheet(s, i, kind="statement") for i, s in enumerate(statements, start=1)]
        sheet_rows += [_sheet(q, i, kind="question") for i, q in enumerate(questions, start=1)]
    return render_pdf(
        "toolkit/pdf/meeting_plan.html",
        {
            **context,
            "blocks": blocks,
            "total": total,
            "length": length,
            "statements": statements,
            "questions": questions,
            "fields": fields,
            "sheets": sheet_rows,
            "guide": guide,
            "guide_url": guide_url,
            "checklist": PRACTICAL_CHECKLIST,
            "language": language,
            "dir": "rtl" if _rtl(language) else "ltr",
        },
    )


def difficult_pdf(*, method: Localized, guide, language: str) -> bytes:
    return render_pdf(
        "toolkit/pdf/difficult.html",
        {"method": method, "guide": guide, "language": language, "dir": "rtl" if _rtl(language) else "ltr"},
    )


def series_pdf(*, method: Localized, meetings: Sequence[Localized], language: str) -> bytes:
    return render_pdf(
        "toolkit/pdf/series.html",
        {
            "method": method,
            "meetings": meetings,
            "language": language,
            "dir": "rtl" if _rtl(language) else "ltr",
        },
    )
