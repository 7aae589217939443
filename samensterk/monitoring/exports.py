"""The suppressed dashboard tables as CSV, XLSX and the funder PDF.

Exports take a ``Dashboard`` (selectors.dashboard), whose cells are already suppressed and
rounded to multiples of 5: a hidden cell is written as its label ("<5" or "x"), never as a number.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .selectors import ROUNDING_NOTE, Dashboard


def _rows(dashboard: Dashboard):
    """(table caption, row header, column label, row label, shown value) for every cell."""
    for table in dashboard.tables:
        rows = [*table.rows, *([table.total] if table.total else [])]
        for row in rows:
            for (_key, col_label), cell in zip(table.columns, row.cells, strict=True):
                yield table.caption, table.row_header, str(col_label), row.label, cell.number


def filter_description(dashboard: Dashboard) -> list[tuple[str, str]]:
    f = dashboard.filters
    return [
        (_("District"), f.district or _("All districts")),
        (_("Quarter"), str(f.quarter) if f.quarter else _("All quarters")),
        (_("Method"), f.method or _("All methods")),
        (_("Partnership"), str(f.partnership) if f.partnership else _("All partnerships")),
    ]


def dashboard_csv(dashboard: Dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Table"), _("Row kind"), _("Figure"), _("Row"), _("Value")])
    for row in _rows(dashboard):
        writer.writerow(row)
    writer.writerow([])
    writer.writerow(
        [_("Counts under 5 are shown as <5; x hides a count so that a total does not reveal one.")]
    )
    writer.writerow([str(ROUNDING_NOTE)])
    return out.getvalue()


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    about = wb.active
    about.title = _("About")[:31]
    about.append([_("Samen Sterk met Werk: monitoring figures")])
    about["A1"].font = Font(bold=True)
    for label, value in filter_description(dashboard):
        about.append([label, value])
    about.append([])
    about.append([_("Counts under 5 are shown as <5; x hides a count so that a total does not reveal one.")])
    about.append([str(ROUNDING_NOTE)])
    for table in dashboard.tables:
        ws = wb.create_sheet(title=table.key[:31])
        ws.append([table.caption])
        ws["A1"].font = Font(bold=True)
        ws.append([table.row_header, *[str(label) for _k, label in table.columns]])
        for row in [*table.rows, *([table.total] if table.total else [])]:
            ws.append([row.label, *[cell.number for cell in row.cells]])
        ws.column_dimensions["A"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
