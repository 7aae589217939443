"""The suppressed dashboard tables as CSV and XLSX (the funder PDF is a template of views.py).

Exports take a ``Dashboard`` (selectors.dashboard), whose cells are already suppressed together
for the whole page and rounded to multiples of 5, so a file never holds a figure the page does not.

Made to open well in Excel:
- a figure column holds numbers only; a hidden figure leaves it empty and says "<5" or "x" in the
  column beside it, so SUM adds what is shown and skips nothing silently;
- text that Excel would run as a formula (starting with =, +, -, @, a tab or a carriage return:
  a name typed by anyone, such as an organisation's) is written as text: a string cell in the
  XLSX, a leading apostrophe in the CSV (OWASP, "CSV injection");
- the CSV starts with a byte-order mark (Excel reads UTF-8, so Arabic is not garbled) and comes
  with commas or, for Excel set to Dutch, semicolons;
- the workbook is right to left in Arabic, its sheets named in the reader's language, and each
  quarter has its first day as a date cell beside it.
"""

from __future__ import annotations

import csv
import io
import re

from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from samensterk.core.spreadsheet import csv_safe

from .queries import Quarter
from .selectors import ROUNDING_NOTE, Dashboard, Table

BOM = "\ufeff"


def _suppression_note() -> str:
    return _("Counts under 5 are shown as <5; x hides a count so that a total does not reveal one.")


def _quarter_start(table: Table, row) -> str:
    """The first day of a quarter row as an ISO date (Excel reads it as a date), else ""."""
    if table.key != "quarter":
        return ""
    try:
        return Quarter.parse(row.key).first_day.isoformat()
    except ValueError:
        return ""  # the total row, or work before a known quarter


def _figures(dashboard: Dashboard):
    """(table caption, row header, column label, row label, number or None, marker, quarter's first
    day) for every cell."""
    for table in dashboard.tables:
        for row in [*table.rows, *([table.total] if table.total else [])]:
            starts = _quarter_start(table, row)
            for (_key, col_label), cell in zip(table.columns, row.cells, strict=True):
                marker = "" if cell.value is not None else str(cell)
                yield table.caption, table.row_header, str(col_label), row.label, cell.value, marker, starts


def filter_description(dashboard: Dashboard) -> list[tuple[str, str]]:
    """The filters by name, as the page's form shows them (no slug, no id)."""
    names = dashboard.filter_names
    return [
        (_("District"), names.get("district") or _("All districts")),
        (_("Quarter"), names.get("quarter") or _("All quarters")),
        (_("Method"), names.get("method") or _("All methods")),
        (_("Partnership"), names.get("partnership") or _("All partnerships")),
    ]


def dashboard_csv(dashboard: Dashboard, *, delimiter: str = ",") -> str:
    """One line per shown figure. ``delimiter`` ";" for Excel set to Dutch (its list separator)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(
        [_("Table"), _("Row kind"), _("Figure"), _("Row"), _("Value"), _("Hidden"), _("Quarter starts on")]
    )
    for caption, header, label, row, number, marker, starts in _figures(dashboard):
        writer.writerow(
            [csv_safe(caption), csv_safe(header), csv_safe(label), csv_safe(row), number, marker, starts]
        )
    writer.writerow([])
    for label, value in filter_description(dashboard):
        writer.writerow([csv_safe(label), csv_safe(value)])
    writer.writerow([_suppression_note()])
    writer.writerow([str(ROUNDING_NOTE)])
    return out.getvalue()


_SHEET_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


def sheet_title(table: Table) -> str:
    """The table's caption as an Excel sheet name (at most 31 characters, none of \\ / ? * [ ] :)."""
    return _SHEET_FORBIDDEN.sub(" ", table.caption).strip()[:31] or table.key


def _text(ws, row: int, column: int, value: str):
    """A string cell that stays a string: openpyxl would store a text starting with = as a formula."""
    cell = ws.cell(row=row, column=column, value=value)
    cell.data_type = "s"
    return cell


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rtl = get_language_bidi()
    wb = Workbook()
    about = wb.active
    about.title = _("About")[:31]
    about.sheet_view.rightToLeft = rtl
    _text(about, 1, 1, _("Samen Sterk met Werk: monitoring figures")).font = Font(bold=True)
    line = 2
    for label, value in filter_description(dashboard):
        _text(about, line, 1, str(label))
        _text(about, line, 2, str(value))
        line += 1
    _text(about, line, 1, _("Exported on"))
    about.cell(row=line, column=2, value=timezone.localdate()).number_format = "yyyy-mm-dd"
    _text(about, line + 2, 1, _suppression_note())
    _text(about, line + 3, 1, str(ROUNDING_NOTE))
    _text(
        about,
        line + 4,
        1,
        _(
            "Each figure column holds numbers only; the column beside it says <5 or x where a figure is hidden."
        ),
    )
    about.column_dimensions["A"].width = 30
    about.column_dimensions["B"].width = 40
    used = {about.title}
    for table in dashboard.tables:
        title = sheet_title(table)
        while title in used:  # two captions alike in their first 31 characters
            title = title[:29] + f" {len(used)}"
        used.add(title)
        ws = wb.create_sheet(title=title)
        ws.sheet_view.rightToLeft = rtl
        _text(ws, 1, 1, table.caption).font = Font(bold=True)
        quarters = table.key == "quarter"
        header = [table.row_header]
        for _key, label in table.columns:
            header += [str(label), _("%(figure)s: hidden") % {"figure": label}]
        if quarters:
            header.append(_("Quarter starts on"))
        for c, value in enumerate(header, start=1):
            _text(ws, 2, c, value).font = Font(bold=True)
        for r, row in enumerate([*table.rows, *([table.total] if table.total else [])], start=3):
            _text(ws, r, 1, row.label)
            for i, cell in enumerate(row.cells):
                if cell.value is not None:
                    ws.cell(row=r, column=2 + 2 * i, value=cell.value)
                else:
                    _text(ws, r, 3 + 2 * i, str(cell))
            starts = _quarter_start(table, row)
            if quarters and starts:
                cell = ws.cell(row=r, column=len(header), value=Quarter.parse(row.key).first_day)
                cell.number_format = "yyyy-mm-dd"
        ws.column_dimensions["A"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
