"""Every UI string is translated in every shipped language (English is the source language)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
TRANSLATED = ["nl", "ar", "tr"]

pytestmark = pytest.mark.skipif(not shutil.which("msgattrib"), reason="GNU gettext is not installed")


def _entries(language: str, flag: str) -> str:
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    out = subprocess.run(
        ["msgattrib", flag, "--no-obsolete", str(po)], capture_output=True, text=True, check=True
    )
    # msgattrib prints the header entry (msgid "") along with the matches; drop it.
    return "\n".join(
        line for line in out.stdout.splitlines() if line.startswith("msgid ") and line != 'msgid ""'
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_string_is_left_untranslated(language):
    assert _entries(language, "--untranslated") == ""


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_is_fuzzy(language):
    """Fuzzy entries are not compiled: the page would show English."""
    assert _entries(language, "--only-fuzzy") == ""


def test_the_draft_label_reads_concept_vertaling_in_dutch():
    from django.utils import translation

    with translation.override("nl"):
        assert translation.gettext("draft translation") == "concept-vertaling"


def _msgids(po: Path) -> set[str]:
    out = subprocess.run(
        ["msgattrib", "--no-obsolete", "--no-wrap", str(po)], capture_output=True, text=True, check=True
    )
    return {line for line in out.stdout.splitlines() if line.startswith("msgid ") and line != 'msgid ""'}


def test_the_catalogues_hold_every_string_in_the_code(tmp_path):
    """makemessages on today's code finds no string that the committed catalogue lacks.

    It runs on a copy of the code, so the committed catalogues are never touched."""
    root = LOCALE.parent
    shutil.copytree(
        root / "samensterk", tmp_path / "samensterk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(LOCALE, tmp_path / "locale")
    shutil.copy(root / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "-v0"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "samensterk.settings", "PYTHONPATH": str(tmp_path)},
        check=True,
    )
    committed = _msgids(LOCALE / "nl" / "LC_MESSAGES" / "django.po")
    current = _msgids(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    assert current - committed == set(), "run makemessages and translate the new strings"
    # A regenerated catalogue keeps every translation usable (e.g. no "25%" taken for a format).
    fuzzy = subprocess.run(
        [
            "msgattrib",
            "--only-fuzzy",
            "--no-obsolete",
            str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert [line for line in fuzzy.splitlines() if line.startswith("msgid ") and line != 'msgid ""'] == []
