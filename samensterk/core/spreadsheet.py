"""Cells that a spreadsheet will not run: the one guard for every CSV the app writes.

Excel and LibreOffice read a cell that starts with = + - @, a tab or a carriage return as a
formula. Names typed by people (organisations, trajectories, themes, methods) reach funders' and
the data protection officer's spreadsheets, so such text is written with a leading apostrophe, as
OWASP advises for CSV ("CSV injection"). XLSX writers store the text as a string cell instead.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_safe(value):
    """A value for a CSV cell that a spreadsheet will not run as a formula (numbers pass as they are)."""
    return "'" + value if looks_like_formula(value) else value
