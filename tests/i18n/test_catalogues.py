"""Every UI string is translated in every shipped language (English is the source language)."""

import shutil
import subprocess
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
