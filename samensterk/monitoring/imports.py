"""Reading a file of earlier counts (CSV or XLSX) and checking every row before anything is stored.

The file has one header row with the columns ``organisation`` (the organisation's short name, its
slug), ``district``, ``quarter`` (like 2024-Q3), ``sessions``, ``men`` and ``women``. Every bad row
is named with its line number and what is wrong; the import is all or nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samensterk.accounts.models import Organisation
from samensterk.programme.models import District

from .models import EarlierCount
from .queries import Quarter

COLUMNS = ["organisation", "district", "quarter", "sessions", "men", "women"]
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
MAX_COUNT = 100_000  # per row: a typo guard (a quarter of one organisation is far below this)


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)  # ready for EarlierCount(**row), organisation as id
    preview: list[dict] = field(default_factory=list)  # for the page: names, not ids
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.rows)


def _read_table(name: str, content: bytes) -> list[list[str]]:
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = wb.worksheets[0]
        return [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)
        ]
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _district(value: str) -> str | None:
    value = value.strip().lower()
    for code, label in District.choices:
        if value in (code, str(label).lower()):
            return code
    return None


def _count(value: str) -> int | None:
    value = value.strip()
    if value.endswith(".0"):  # a spreadsheet may hand a whole number over as 12.0
        value = value[:-2]
    if not value.isdigit():
        return None
    number = int(value)
    return number if number <= MAX_COUNT else None


def parse_counts(name: str, content: bytes, *, organisation_ids) -> ParsedFile:
    """Check a file; ``organisation_ids`` None allows every organisation, else only these."""
    parsed = ParsedFile()
    if not name.lower().endswith((".csv", ".xlsx")):
        parsed.errors.append((0, _("Upload a .csv or .xlsx file.")))
        return parsed
    if len(content) > MAX_BYTES:
        parsed.errors.append((0, _("The file is larger than 2 MB.")))
        return parsed
    try:
        table = [row for row in _read_table(name, content) if any(row)]
    except Exception:  # openpyxl and csv raise many kinds on a damaged file; all mean "unreadable"
        parsed.errors.append((0, _("The file could not be read. Save it as CSV (UTF-8) or XLSX.")))
        return parsed
    if not table:
        parsed.errors.append((0, _("The file is empty.")))
        return parsed
    header = [h.strip().lower() for h in table[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        parsed.errors.append(
            (1, _("The first line misses the columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return parsed
    if len(table) - 1 > MAX_ROWS:
        parsed.errors.append((0, _("The file has more than %(max)s rows.") % {"max": MAX_ROWS}))
        return parsed
    index = {c: header.index(c) for c in COLUMNS}
    orgs = Organisation.objects.all()
    if organisation_ids is not None:
        orgs = orgs.filter(pk__in=organisation_ids)
    by_slug = {o.slug: o for o in orgs}
    existing = set(EarlierCount.objects.values_list("organisation_id", "district", "year", "quarter"))
    seen: dict[tuple, int] = {}
    for line, row in enumerate(table[1:], start=2):
        row = row + [""] * (len(header) - len(row))
        get = {c: row[i] for c, i in index.items()}
        problems = []
        org = by_slug.get(get["organisation"])
        if org is None:
            problems.append(
                _("organisation “%(value)s” is unknown or not yours") % {"value": get["organisation"][:40]}
            )
        district = _district(get["district"])
        if district is None:
            problems.append(_("district “%(value)s” is not a district") % {"value": get["district"][:40]})
        try:
            quarter = Quarter.parse(get["quarter"])
        except ValueError:
            quarter = None
            problems.append(_("quarter “%(value)s” is not like 2024-Q3") % {"value": get["quarter"][:40]})
        numbers = {}
        for col in ("sessions", "men", "women"):
            numbers[col] = _count(get[col])
            if numbers[col] is None:
                problems.append(
                    _("%(column)s “%(value)s” is not a whole number from 0 to 100000")
                    % {"column": col, "value": get[col][:20]}
                )
        if org and district and quarter:
            key = (org.pk, district, quarter.year, quarter.number)
            if key in existing:
                problems.append(_("this organisation, district and quarter were imported before"))
            elif key in seen:
                problems.append(
                    _("the same organisation, district and quarter are on line %(line)s")
                    % {"line": seen[key]}
                )
            else:
                seen[key] = line
        if problems:
            parsed.errors.append((line, "; ".join(problems)))
            continue
        parsed.rows.append(
            {
                "organisation_id": org.pk,
                "district": district,
                "year": quarter.year,
                "quarter": quarter.number,
                **numbers,
            }
        )
        parsed.preview.append(
            {
                "line": line,
                "organisation": org.name,
                "district": dict(District.choices)[district],
                "quarter": str(quarter),
                **numbers,
            }
        )
    if not parsed.rows and not parsed.errors:
        parsed.errors.append((0, _("The file has a header but no rows.")))
    return parsed
