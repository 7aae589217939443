"""Load the toolkit content (``content/``) into the database, idempotently.

Each item is matched on its slug. A hash of the item's source text is kept on the row: when the
file has not changed since the last load the row is left alone (so an edit made in the admin
survives a reload), when it has changed the file wins. Rows that came from the files and are no
longer in them are removed; rows created in the admin (no hash) are kept.

The rows of one kind are read once and written in bulk (one INSERT and one UPDATE per kind, not a
query per item): a load is a few dozen queries whatever the size of the toolkit, and the YAML is
parsed with libyaml where PyYAML was built with it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction

from .models import (
    FinancialTool,
    Insight,
    LearningPoint,
    Meeting,
    Method,
    MethodStep,
    Principle,
    Question,
    Recommendation,
    RecruitmentCriterion,
    Statement,
    Theme,
    Translation,
    WorkForm,
)
from .plan import BLOCK_KINDS

# file name -> model, for the flat list files with title/body items
TITLED_FILES = {
    "principles.yaml": Principle,
    "recruitment.yaml": RecruitmentCriterion,
    "insights.yaml": Insight,
    "financial_tools.yaml": FinancialTool,
}


class ContentError(ValueError):
    """The content files are inconsistent (unknown slug, duplicate, unreadable YAML)."""


def _hash(item: Any) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()


def _parse(text: str) -> Any:
    # libyaml's parser gives the same data as the pure-Python one in about an eighth of the time.
    if yaml.__with_libyaml__:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.safe_load(text)


def _read(path: Path) -> Any:
    try:
        return _parse(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: {exc}") from exc


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _key(values) -> tuple:
    return tuple(v.pk if isinstance(v, models.Model) else v for v in values)


class _Loader:
    def __init__(self, content_dir: Path):
        self.dir = content_dir
        self.counts: Counter[str] = Counter()
        self.seen: dict[type[models.Model], set[int]] = {}
        self.slugs: dict[type[models.Model], dict[str, models.Model]] = {}
        self.translations: list[tuple[models.Model, str, dict, bool]] = []

    def upsert(self, model, entries: list[tuple[dict, dict, dict, dict | None]]) -> list:
        """Create or update the rows of one kind: entries of (lookup, item, fields, m2m).

        The rows already there are read once and matched on the lookup; a row whose hash equals the
        item's is left alone, the others are written with one bulk INSERT and one bulk UPDATE.
        Returns the rows in the order of the entries.
        """
        if not entries:
            return []
        names = list(entries[0][0])
        attnames = [model._meta.get_field(name).attname for name in names]
        rows = {tuple(getattr(o, a) for a in attnames): o for o in model.objects.all()}
        created: list = []
        changed: dict[int, models.Model] = {}
        m2m_of: dict[int, tuple[models.Model, dict]] = {}
        written: set[str] = {"source_hash"}
        result = []
        for lookup, item, fields, m2m in entries:
            # Provenance travels with every item: the toolkit section, its page, the app's own fields.
            fields = {
                "source": _text(item.get("source")),
                "page": item.get("page"),
                "app_fields": list(item.get("app_fields") or []),
                **fields,
            }
            digest = _hash(item)
            key = _key(lookup[name] for name in names)
            obj = rows.get(key)
            if obj is not None and obj.source_hash == digest:
                self.counts["unchanged"] += 1
            else:
                if obj is None:
                    obj = model(**lookup)
                    rows[key] = obj
                    created.append(obj)
                    self.counts["created"] += 1
                else:
                    if obj.pk is not None:  # an item twice in the files: the later one wins, as it did
                        changed[id(obj)] = obj
                    self.counts["updated"] += 1
                for name, value in fields.items():
                    setattr(obj, name, value)
                written.update(fields)
                obj.source_hash = digest
                if m2m:
                    m2m_of[id(obj)] = (obj, m2m)
            result.append(obj)
        model.objects.bulk_create(created)
        if changed:
            model.objects.bulk_update(list(changed.values()), fields=sorted(written))
        self.set_m2m(model, list(m2m_of.values()))
        self.seen.setdefault(model, set()).update(o.pk for o in result)
        self.slugs.pop(model, None)
        return result

    @staticmethod
    def set_m2m(model, pairs: list[tuple[models.Model, dict]]):
        """What ``obj.<name>.set(related)`` does for each written row, in two queries per relation."""
        for name in sorted({name for _obj, m2m in pairs for name in m2m}):
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            wanted = {obj.pk: [r.pk for r in m2m[name]] for obj, m2m in pairs if name in m2m}
            there = {
                (s, t): pk
                for pk, s, t in through.objects.filter(**{f"{source}__in": wanted}).values_list(
                    "pk", source, target
                )
            }
            pairs_wanted = {(s, t) for s, targets in wanted.items() for t in targets}
            stale = [pk for pair, pk in there.items() if pair not in pairs_wanted]
            if stale:
                through.objects.filter(pk__in=stale).delete()
            new = list(
                dict.fromkeys((s, t) for s, targets in wanted.items() for t in targets if (s, t) not in there)
            )
            through.objects.bulk_create([through(**{source: s, target: t}) for s, t in new])

    def slug_index(self, model) -> dict:
        """Every row of a kind by slug, read once (and again after the loader wrote that kind)."""
        if model not in self.slugs:
            self.slugs[model] = {o.slug: o for o in model.objects.all()}
        return self.slugs[model]

    def by_slug(self, model, slugs, where: str):
        found = self.slug_index(model)
        unknown = sorted(set(slugs or []) - set(found))
        if unknown:
            raise ContentError(f"{where}: unknown {model.__name__} slug(s) {', '.join(unknown)}")
        return [found[s] for s in slugs or []]

    def remove_stale(self):
        for model in (
            Question,
            Meeting,
            MethodStep,
            Recommendation,
            Statement,
            Method,
            WorkForm,
            Theme,
            LearningPoint,
            *TITLED_FILES.values(),
        ):
            stale = model.objects.exclude(source_hash="").exclude(pk__in=self.seen.get(model, set()))
            removed = stale.count()
            if removed:
                stale.delete()
                self.counts["removed"] += removed
        self.slugs.clear()

    # --- Dutch source files -------------------------------------------------------------
    def load_dutch(self):
        self.upsert(
            Theme,
            [
                ({"slug": item["slug"]}, item, {"order": i, "name": _text(item["name"])}, None)
                for i, item in enumerate(_read(self.dir / "themes.yaml") or [])
            ],
        )

        workforms = [_read(path) for path in sorted((self.dir / "workforms").glob("*.yaml"))]
        rows = self.upsert(
            WorkForm,
            [
                (
                    {"slug": item["slug"]},
                    {k: v for k, v in item.items() if k != "questions"},
                    {
                        "order": item.get("order") or 0,
                        "name": _text(item["name"]),
                        "summary": _text(item.get("summary")),
                        "purpose": _text(item.get("purpose")),
                        "instructions": _text(item.get("instructions")),
                        "materials": _text(item.get("materials")),
                        "duration_minutes": item.get("duration_minutes"),
                    },
                    None,
                )
                for item in workforms
            ],
        )
        self.upsert(
            Question,
            [
                ({"workform": wf, "slug": q["slug"]}, q, {"order": j, "text": _text(q["text"])}, None)
                for wf, item in zip(rows, workforms, strict=True)
                for j, q in enumerate(item.get("questions") or [])
            ],
        )

        methods = [
            (f"methods/{path.name}", _read(path)) for path in sorted((self.dir / "methods").glob("*.yaml"))
        ]
        rows = self.upsert(
            Method,
            [
                (
                    {"slug": item["slug"]},
                    {k: v for k, v in item.items() if k not in ("steps", "meetings")},
                    {
                        "order": item.get("order") or 0,
                        "name": _text(item["name"]),
                        "developed_by": _text(item.get("developed_by")),
                        "partners": list(item.get("partners") or []),
                        "summary": _text(item.get("summary")),
                        "goal": _text(item.get("goal")),
                        "target_group": _text(item.get("target_group")),
                        "composition": item.get("composition") or Method.Composition.MEN,
                        "meetings_count": item.get("meetings_count"),
                        "meeting_minutes": item.get("meeting_minutes"),
                        "roles": _text(item.get("roles")),
                        "characteristics": _text(item.get("characteristics")),
                        "every_meeting": _text(item.get("every_meeting")),
                        "partners_line": _text(item.get("partners_line")),
                    },
                    {"workforms": self.by_slug(WorkForm, item.get("workforms"), where)},
                )
                for where, item in methods
            ],
        )
        self.upsert(
            MethodStep,
            [
                (
                    {"method": method, "slug": step["slug"]},
                    step,
                    {
                        "order": j,
                        "title": _text(step["title"]),
                        "theme": _text(step.get("theme")),
                        "description": _text(step.get("description")),
                        "duration_minutes": step.get("duration_minutes"),
                    },
                    {
                        "workforms": self.by_slug(
                            WorkForm, step.get("workforms"), f"{where} step {step['slug']}"
                        )
                    },
                )
                for method, (where, item) in zip(rows, methods, strict=True)
                for j, step in enumerate(item.get("steps") or [])
            ],
        )
        self.upsert(
            Meeting,
            [
                entry
                for method, (where, item) in zip(rows, methods, strict=True)
                for entry in self.meeting_entries(method, item.get("meetings") or [], where)
            ],
        )

        statements = _read(self.dir / "statements.yaml") or []
        self.upsert(
            Statement,
            [
                (
                    {"slug": item["slug"]},
                    item,
                    {"order": i, "text": _text(item["text"]), "audience": item.get("audience") or "all"},
                    {
                        "methods": self.by_slug(
                            Method, item.get("methods"), f"statements.yaml {item['slug']}"
                        ),
                        "themes": self.by_slug(Theme, item.get("themes"), f"statements.yaml {item['slug']}"),
                    },
                )
                for i, item in enumerate(statements)
            ],
        )

        for filename, model in TITLED_FILES.items():
            entries = []
            for i, item in enumerate(_read(self.dir / filename) or []):
                fields = {
                    "order": item.get("order") or i,
                    "title": _text(item["title"]),
                    "body": _text(item.get("body")),
                }
                if model is FinancialTool:
                    fields["url"] = _text(item.get("url"))
                entries.append(({"slug": item["slug"]}, item, fields, None))
            self.upsert(model, entries)

        points = _read(self.dir / "learning_points.yaml") or []
        rows = self.upsert(
            LearningPoint,
            [
                (
                    {"slug": item["slug"]},
                    {k: v for k, v in item.items() if k != "recommendations"},
                    {
                        "order": item.get("order") or i,
                        "title": _text(item["title"]),
                        "body": _text(item.get("body")),
                    },
                    None,
                )
                for i, item in enumerate(points)
            ],
        )
        self.upsert(
            Recommendation,
            [
                (
                    {"slug": rec["slug"]},
                    rec,
                    {
                        "learning_point": lp,
                        "order": j,
                        "text": _text(rec["text"]),
                        "audience": rec.get("audience") or "organisations",
                    },
                    None,
                )
                for lp, item in zip(rows, points, strict=True)
                for j, rec in enumerate(item.get("recommendations") or [])
            ],
        )

    @staticmethod
    def meeting_entries(method: Method, meetings: list, where: str) -> list:
        numbers = [m.get("number") for m in meetings]
        if numbers != list(range(1, len(meetings) + 1)):
            raise ContentError(f"{where}: meetings must be numbered 1, 2, 3, ... in order")
        entries = []
        for m in meetings:
            blocks = []
            for block in m.get("blocks") or []:
                kind, minutes = block.get("kind"), block.get("minutes")
                if kind not in BLOCK_KINDS or not isinstance(minutes, int) or not 0 < minutes <= 600:
                    raise ContentError(f"{where} meeting {m['number']}: bad block {block!r}")
                blocks.append({"kind": kind, "minutes": minutes})
            entries.append(
                (
                    {"method": method, "number": m["number"]},
                    m,
                    {
                        "slug": f"bijeenkomst-{m['number']}",
                        "order": m["number"],
                        "title": _text(m.get("title")),
                        "toolkit_text": _text(m.get("toolkit_text")),
                        "extra": bool(m.get("extra")),
                        "blocks": blocks,
                    },
                    None,
                )
            )
        return entries

    # --- translations ------------------------------------------------------------------
    def translate(self, obj, language: str, item: dict, reviewed: bool):
        """Queue one item's translation; write_translations() writes them all."""
        fields = {f: _text(item[f]) for f in obj.translatable_fields if item.get(f)}
        if fields:
            self.translations.append((obj, language, fields, reviewed))

    def write_translations(self):
        """The queued translations in one bulk INSERT and one bulk UPDATE; unchanged ones stay."""
        rows = {
            (t.content_type_id, t.object_id, t.language): t
            for t in Translation.objects.only("content_type", "object_id", "language", "source_hash")
        }
        created: list[Translation] = []
        changed: dict[int, Translation] = {}
        for obj, language, fields, reviewed in self.translations:
            digest = _hash({"fields": fields, "reviewed": reviewed})
            key = (ContentType.objects.get_for_model(obj).pk, obj.pk, language)
            row = rows.get(key)
            if row is not None and row.source_hash == digest:
                self.counts["unchanged"] += 1
                continue
            self.counts["updated" if row is not None else "created"] += 1
            if row is None:
                row = rows[key] = Translation(content_type_id=key[0], object_id=obj.pk, language=language)
                created.append(row)
            elif row.pk is not None:
                changed[id(row)] = row
            row.fields, row.reviewed, row.source_hash = fields, reviewed, digest
        Translation.objects.bulk_create(created)
        if changed:
            Translation.objects.bulk_update(
                list(changed.values()), fields=["fields", "reviewed", "source_hash"]
            )
        self.translations.clear()

    def children(self, model, parent: str, key: str = "slug") -> dict:
        """Every row of a kind by (parent id, slug or number), read once."""
        return {(getattr(o, f"{parent}_id"), getattr(o, key)): o for o in model.objects.all()}

    def load_translations(self, lang_dir: Path, children: dict):
        language = lang_dir.name

        def items_of(data):
            if isinstance(data, dict):
                return data.get("items") or [], bool(data.get("reviewed", False))
            return data or [], False

        simple = {"themes.yaml": Theme, "statements.yaml": Statement, **TITLED_FILES}
        for filename, model in simple.items():
            path = lang_dir / filename
            if path.exists():
                items, reviewed = items_of(_read(path))
                objs = self.slug_index(model)
                for item in items:
                    if item.get("slug") in objs:
                        self.translate(objs[item["slug"]], language, item, reviewed)

        path = lang_dir / "learning_points.yaml"
        if path.exists():
            items, reviewed = items_of(_read(path))
            for item in items:
                lp = self.slug_index(LearningPoint).get(item.get("slug"))
                if lp:
                    self.translate(lp, language, item, reviewed)
                    for rec in item.get("recommendations") or []:
                        obj = children[Recommendation].get((lp.pk, rec.get("slug")))
                        if obj:
                            self.translate(obj, language, rec, reviewed)

        for path in sorted((lang_dir / "workforms").glob("*.yaml")):
            item = _read(path) or {}
            wf = self.slug_index(WorkForm).get(item.get("slug") or path.stem)
            if wf:
                reviewed = bool(item.get("reviewed", False))
                self.translate(wf, language, item, reviewed)
                for q in item.get("questions") or []:
                    obj = children[Question].get((wf.pk, q.get("slug")))
                    if obj:
                        self.translate(obj, language, q, reviewed)

        for path in sorted((lang_dir / "methods").glob("*.yaml")):
            item = _read(path) or {}
            method = self.slug_index(Method).get(item.get("slug") or path.stem)
            if method:
                reviewed = bool(item.get("reviewed", False))
                self.translate(method, language, item, reviewed)
                for step in item.get("steps") or []:
                    obj = children[MethodStep].get((method.pk, step.get("slug")))
                    if obj:
                        self.translate(obj, language, step, reviewed)
                for meeting in item.get("meetings") or []:
                    obj = children[Meeting].get((method.pk, meeting.get("number")))
                    if obj:
                        self.translate(obj, language, meeting, reviewed)


def toolkit_load(*, content_dir: Path, actor=None) -> Counter[str]:
    """Load all toolkit content from ``content_dir`` in one transaction; returns the counts.

    Raises ContentError (and changes nothing) when the files are inconsistent.
    """
    loader = _Loader(Path(content_dir))
    with transaction.atomic():
        loader.load_dutch()
        loader.remove_stale()
        i18n = loader.dir / "i18n"
        lang_dirs = sorted(p for p in i18n.iterdir() if p.is_dir()) if i18n.exists() else []
        if lang_dirs:
            children = {
                Recommendation: loader.children(Recommendation, "learning_point"),
                Question: loader.children(Question, "workform"),
                MethodStep: loader.children(MethodStep, "method"),
                Meeting: loader.children(Meeting, "method", "number"),
            }
            for lang_dir in lang_dirs:
                loader.load_translations(lang_dir, children)
            loader.write_translations()
        if loader.counts["created"] or loader.counts["updated"] or loader.counts["removed"]:
            audit_record(actor=actor, action=AuditAction.TOOLKIT_LOAD, detail=dict(loader.counts))
    return loader.counts
