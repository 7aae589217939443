"""Fixtures for the methods-library view tests: seeded translations (rate limits: tests/conftest.py)."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType

from samensterk.toolkit.models import Translation


@pytest.fixture
def translate(db):
    """Give one content row a translation: translate(obj, "ar", reviewed=False, name="...")."""

    def _translate(obj, language: str = "ar", *, reviewed: bool = False, **fields) -> Translation:
        ct = ContentType.objects.get_for_model(obj)
        row, _created = Translation.objects.update_or_create(
            content_type=ct,
            object_id=obj.pk,
            language=language,
            defaults={"fields": fields, "reviewed": reviewed},
        )
        return row

    return _translate


@pytest.fixture
def untranslate(db):
    """Remove every translation of the given rows (so the page falls back to Dutch)."""

    def _untranslate(*objs) -> None:
        for obj in objs:
            ct = ContentType.objects.get_for_model(obj)
            Translation.objects.filter(content_type=ct, object_id=obj.pk).delete()

    return _untranslate


@pytest.fixture
def all_reviewed(db):
    """Mark every translation as checked by a native speaker."""

    def _all_reviewed() -> None:
        Translation.objects.update(reviewed=True)

    return _all_reviewed
