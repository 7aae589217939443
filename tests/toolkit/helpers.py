"""Helpers for the methods-library tests: URLs per language, fallback markers, PDF inspection."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

DRAFT = 'class="draft-label"'


def url(name: str, *args, lang: str = "nl", query: str = "") -> str:
    """The URL of a toolkit page in one language ("/ar/toolkit/..." for Arabic, no prefix for Dutch)."""
    with override(lang):
        path = reverse(f"toolkit:{name}", args=args)
    return f"{path}?{query}" if query else path


def fallback_marker(text: str) -> str:
    """How Dutch fallback text appears in a page of another language."""
    return f' lang="nl" dir="ltr">{escape(text)}'


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} not installed (apt-get install poppler-utils)")
    return path


def pdf_pages(content: bytes, tmp_path: Path) -> int:
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_page_size(content: bytes, tmp_path: Path) -> tuple[float, float]:
    """Width and height of the first page in points."""
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    info = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])


def pdf_text(content: bytes, tmp_path: Path, *, page: int | None = None) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
