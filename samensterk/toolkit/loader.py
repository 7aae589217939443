"""Load the toolkit content (``content/``) into the database, idempotently.

Each item is matched on its slug. A hash of the item's source text is kept on the row: when the
file has not changed since the last load the row is left alone (so an edit made in the admin
survives a reload), when it has changed the file wins. Rows that came from the files and are no
longer in them are removed; rows created in the admin (no hash) are kept.
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


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: {exc}") from exc


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


class _Loader:
    def __init__(self, content_dir: Path):
        self.dir = content_dir
        self.counts: Counter[str] = Counter()
        self.seen: dict[type[models.Model], set[int]] = {}

    def upsert(self, model, lookup: dict, item: dict, fields: dict, m2m: dict | None = None):
        # Provenance travels with every item: the toolkit section, its page, the app's own fields.
        fields = {
            "source": _text(item.get("source")),
            "page": item.get("page"),
            "app_fields": list(item.get("app_fields") or []),
            **fields,
        }
        digest = _hash(item)
        obj = model.objects.filter(**lookup).first()
        if obj is not None and obj.source_hash == digest:
            self.counts["unchanged"] += 1
        else:
            if obj is None:
                obj = model(**lookup)
                self.counts["created"] += 1
            else:
                self.counts["updated"] += 1
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.source_hash = digest
            obj.save()
            for name, related in (m2m or {}).items():
                getattr(obj, name).set(related)
        self.seen.setdefault(model, set()).add(obj.pk)
        return obj

    def by_slug(self, model, slugs, where: str):
        found = {o.slug: o for o in model.objects.filter(slug__in=slugs or [])}
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

    # --- Dutch source files -------------------------------------------------------------
    def load_dutch(self):
        for i, item in enumerate(_read(self.dir / "themes.yaml") or []):
            self.upsert(Theme, {"slug": item["slug"]}, item, {"order": i, "name": _text(item["name"])})

        for path in sorted((self.dir / "workforms").glob("*.yaml")):
            item = _read(path)
            wf = self.upsert(
                WorkForm,
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
            )
            for j, q in enumerate(item.get("questions") or []):
                self.upsert(
                    Question, {"workform": wf, "slug": q["slug"]}, q, {"order": j, "text": _text(q["text"])}
                )

        for path in sorted((self.dir / "methods").glob("*.yaml")):
            item = _read(path)
            where = f"methods/{path.name}"
            method = self.upsert(
                Method,
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
            for j, step in enumerate(item.get("steps") or []):
                self.upsert(
                    MethodStep,
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

            self.load_meetings(method, item.get("meetings") or [], where)

        for i, item in enumerate(_read(self.dir / "statements.yaml") or []):
            where = f"statements.yaml {item['slug']}"
            self.upsert(
                Statement,
                {"slug": item["slug"]},
                item,
                {"order": i, "text": _text(item["text"]), "audience": item.get("audience") or "all"},
                {
                    "methods": self.by_slug(Method, item.get("methods"), where),
                    "themes": self.by_slug(Theme, item.get("themes"), where),
                },
            )

        for filename, model in TITLED_FILES.items():
            for i, item in enumerate(_read(self.dir / filename) or []):
                fields = {
                    "order": item.get("order") or i,
                    "title": _text(item["title"]),
                    "body": _text(item.get("body")),
                }
                if model is FinancialTool:
                    fields["url"] = _text(item.get("url"))
                self.upsert(model, {"slug": item["slug"]}, item, fields)

        for i, item in enumerate(_read(self.dir / "learning_points.yaml") or []):
            lp = self.upsert(
                LearningPoint,
                {"slug": item["slug"]},
                {k: v for k, v in item.items() if k != "recommendations"},
                {
                    "order": item.get("order") or i,
                    "title": _text(item["title"]),
                    "body": _text(item.get("body")),
                },
            )
            for j, rec in enumerate(item.get("recommendations") or []):
                self.upsert(
                    Recommendation,
                    {"slug": rec["slug"]},
                    rec,
                    {
                        "learning_point": lp,
                        "order": j,
                        "text": _text(rec["text"]),
                        "audience": rec.get("audience") or "organisations",
                    },
                )

    def load_meetings(self, method: Method, meetings: list, where: str):
        numbers = [m.get("number") for m in meetings]
        if numbers != list(range(1, len(meetings) + 1)):
            raise ContentError(f"{where}: meetings must be numbered 1, 2, 3, ... in order")
        for m in meetings:
            blocks = []
            for block in m.get("blocks") or []:
                kind, minutes = block.get("kind"), block.get("minutes")
                if kind not in BLOCK_KINDS or not isinstance(minutes, int) or not 0 < minutes <= 600:
                    raise ContentError(f"{where} meeting {m['number']}: bad block {block!r}")
                blocks.append({"kind": kind, "minutes": minutes})
            self.upsert(
                Meeting,
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
            )

    # --- translations ------------------------------------------------------------------
    def translate(self, obj, language: str, item: dict, reviewed: bool):
        fields = {f: _text(item[f]) for f in obj.translatable_fields if item.get(f)}
        if not fields:
            return
        digest = _hash({"fields": fields, "reviewed": reviewed})
        ct = ContentType.objects.get_for_model(obj)
        existing = Translation.objects.filter(content_type=ct, object_id=obj.pk, language=language).first()
        if existing is not None and existing.source_hash == digest:
            self.counts["unchanged"] += 1
            return
        self.counts["updated" if existing else "created"] += 1
        Translation.objects.update_or_create(
            content_type=ct,
            object_id=obj.pk,
            language=language,
            defaults={"fields": fields, "reviewed": reviewed, "source_hash": digest},
        )

    def load_translations(self, lang_dir: Path):
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
                objs = {o.slug: o for o in model.objects.all()}
                for item in items:
                    if item.get("slug") in objs:
                        self.translate(objs[item["slug"]], language, item, reviewed)

        path = lang_dir / "learning_points.yaml"
        if path.exists():
            items, reviewed = items_of(_read(path))
            for item in items:
                lp = LearningPoint.objects.filter(slug=item.get("slug")).first()
                if lp:
                    self.translate(lp, language, item, reviewed)
                    for rec in item.get("recommendations") or []:
                        obj = lp.recommendations.filter(slug=rec.get("slug")).first()
                        if obj:
                            self.translate(obj, language, rec, reviewed)

        for path in sorted((lang_dir / "workforms").glob("*.yaml")):
            item = _read(path) or {}
            wf = WorkForm.objects.filter(slug=item.get("slug") or path.stem).first()
            if wf:
                reviewed = bool(item.get("reviewed", False))
                self.translate(wf, language, item, reviewed)
                for q in item.get("questions") or []:
                    obj = wf.questions.filter(slug=q.get("slug")).first()
                    if obj:
                        self.translate(obj, language, q, reviewed)

        for path in sorted((lang_dir / "methods").glob("*.yaml")):
            item = _read(path) or {}
            method = Method.objects.filter(slug=item.get("slug") or path.stem).first()
            if method:
                reviewed = bool(item.get("reviewed", False))
                self.translate(method, language, item, reviewed)
                for step in item.get("steps") or []:
                    obj = method.steps.filter(slug=step.get("slug")).first()
                    if obj:
                        self.translate(obj, language, step, reviewed)
                for meeting in item.get("meetings") or []:
                    obj = method.meetings.filter(number=meeting.get("number")).first()
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
        for lang_dir in sorted(p for p in i18n.iterdir() if p.is_dir()) if i18n.exists() else []:
            loader.load_translations(lang_dir)
        if loader.counts["created"] or loader.counts["updated"] or loader.counts["removed"]:
            audit_record(actor=actor, action=AuditAction.TOOLKIT_LOAD, detail=dict(loader.counts))
    return loader.counts
