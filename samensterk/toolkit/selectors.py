"""Reads for the methods library. Every page gets its rows in the reader's language from here."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from .models import ContentItem, Method, Statement, Translation

SOURCE_LANGUAGE = "nl"


class Localized:
    """A content row seen in one language: translated fields where there are any, Dutch otherwise.

    ``fallback_fields`` lists the fields shown in Dutch, so a page can mark them (lang="nl").
    ``is_draft`` is true when any shown text comes from an unreviewed translation.
    """

    def __init__(self, obj: ContentItem, language: str, translation: Translation | None):
        self._obj = obj
        self.language = language
        self.translation = translation
        fields = translation.fields if translation else {}
        self._fields = {f: fields[f] for f in obj.translatable_fields if fields.get(f)}
        self.fallback_fields = (
            set()
            if language == SOURCE_LANGUAGE
            else {f for f in obj.translatable_fields if f not in self._fields}
        )
        self.is_draft = bool(translation and self._fields and not translation.reviewed)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._fields:
            return self._fields[name]
        return getattr(self._obj, name)

    @property
    def obj(self) -> ContentItem:
        return self._obj

    def lang_of(self, field: str) -> str:
        """The language a field is shown in (for the lang attribute around it)."""
        return SOURCE_LANGUAGE if field in self.fallback_fields else self.language

    def __str__(self) -> str:
        return str(self._obj)


def localize(objs: Iterable[ContentItem], language: str | None = None) -> list[Localized]:
    """Wrap rows of one model in their translation; one query per call, whatever the count."""
    objs = list(objs)
    language = (language or get_language() or SOURCE_LANGUAGE).split("-")[0]
    if not objs:
        return []
    translations: dict[int, Translation] = {}
    if language != SOURCE_LANGUAGE:
        ct = ContentType.objects.get_for_model(objs[0])
        translations = {
            t.object_id: t
            for t in Translation.objects.filter(
                content_type=ct, language=language, object_id__in=[o.pk for o in objs]
            )
        }
    return [Localized(o, language, translations.get(o.pk)) for o in objs]


def localize_one(obj: ContentItem, language: str | None = None) -> Localized:
    return localize([obj], language)[0]


def statements_filtered(
    *, method: str = "", theme: str = "", audience: str = "", query: str = ""
) -> QuerySet[Statement]:
    """The statement bank, filtered. The search matches the Dutch text and the reader's translation."""
    qs = Statement.objects.prefetch_related("themes", "methods")
    if method:
        qs = qs.filter(methods__slug=method)
    if theme:
        qs = qs.filter(themes__slug=theme)
    if audience:
        qs = qs.filter(audience=audience)
    query = query.strip()
    if query:
        language = (get_language() or SOURCE_LANGUAGE).split("-")[0]
        ct = ContentType.objects.get_for_model(Statement)
        translated_ids = Translation.objects.filter(
            content_type=ct, language=language, fields__text__icontains=query
        ).values("object_id")
        qs = qs.filter(Q(text__icontains=query) | Q(pk__in=translated_ids))
    return qs.distinct().order_by("order", "slug")


def methods_with_counts() -> QuerySet[Method]:
    return Method.objects.prefetch_related("steps").order_by("order", "slug")
