"""State changes of the session companion: named, keyword-only, atomic, audited (STYLE.md).

Only two things reach the server: the group's dialogue agreements (text the facilitator typed,
no names) and the session's totals (counts and seconds). Seats and initials never do: the totals
validator refuses any key it does not know, so a browser bug cannot smuggle them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction
from samensterk.programme.models import Session, SessionReport, Trajectory
from samensterk.programme.services import report_draft_for
from samensterk.toolkit.models import Statement

from .models import AGREEMENTS_MAX, Agreements

# A meeting lasts a few hours; anything beyond these is a broken clock or a forged request.
MAX_COUNT = 10_000
MAX_SECONDS = 24 * 60 * 60
MAX_STATEMENTS = 500
# Devices (runs) one session's report keeps apart: a tablet, a phone, a laptop, reloads of a
# browser whose storage was cleared. More is not a meeting but a script.
MAX_RUNS = 20
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")
_RUN = re.compile(r"^[-a-zA-Z0-9]{8,64}$")

# The keys the totals may have, and nothing else.
COUNT_FIELDS = ("turns_men", "turns_women", "interruptions", "checkin_turns")
SECONDS_FIELDS = ("seconds_men", "seconds_women")


class TotalsError(ValueError):
    """The totals are not what the companion sends; ``errors`` maps each field to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class ReportClosed(Exception):
    """The session's report is submitted already: the totals no longer change it."""


@dataclass(frozen=True)
class TotalsResult:
    report: SessionReport
    changed: bool


def _whole_number(value: Any, limit: int) -> int | None:
    # bool is an int in Python; true/false is not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    if value < 0 or value > limit:
        return None
    return value


def totals_clean(data: Any) -> dict[str, Any]:
    """Check the totals a browser sent and return them in the stored shape, or raise TotalsError.

    Shape: the four counts and two second-totals as whole numbers, ``statements`` as a list of
    statement slugs, ``run`` (the browser's id for this run of the session) and ``revision`` (a
    counter that only grows within a run), so that a late retry cannot overwrite newer figures.
    """
    if not isinstance(data, dict):
        raise TotalsError({"__all__": str(_("The totals must be a JSON object."))})
    errors: dict[str, str] = {}
    allowed = {*COUNT_FIELDS, *SECONDS_FIELDS, "statements", "run", "revision"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        # Names of the keys only, never their values: they might be what must not be stored.
        errors["__all__"] = str(_("Only counts are accepted; unknown fields: %(fields)s.")) % {
            "fields": ", ".join(k[:40] for k in unknown[:10])
        }
    cleaned: dict[str, Any] = {}
    for name in COUNT_FIELDS:
        value = _whole_number(data.get(name, 0), MAX_COUNT)
        if value is None:
            errors[name] = str(_("Enter a whole number from 0 to %(max)s.")) % {"max": MAX_COUNT}
        else:
            cleaned[name] = value
    for name in SECONDS_FIELDS:
        value = _whole_number(data.get(name, 0), MAX_SECONDS)
        if value is None:
            errors[name] = str(_("Enter a whole number of seconds from 0 to %(max)s.")) % {"max": MAX_SECONDS}
        else:
            cleaned[name] = value
    statements = data.get("statements", [])
    if (
        not isinstance(statements, list)
        or len(statements) > MAX_STATEMENTS
        or not all(isinstance(s, str) and _SLUG.match(s) for s in statements)
    ):
        errors["statements"] = str(_("Statements are sent as a list of statement codes."))
    else:
        cleaned["statements"] = list(dict.fromkeys(statements))  # in order of first use, once each
    run = data.get("run")
    if not isinstance(run, str) or not _RUN.match(run):
        errors["run"] = str(_("The run of the session is missing."))
    else:
        cleaned["run"] = run
    revision = _whole_number(data.get("revision"), 10**9)
    if revision is None:
        errors["revision"] = str(_("The revision must be a whole number."))
    else:
        cleaned["revision"] = revision
    if errors:
        raise TotalsError(errors)
    return cleaned


def _is_stale(stored_run: dict[str, Any] | None, incoming: dict[str, Any]) -> bool:
    """An older or equal revision of the same run: a retry or a late duplicate, already applied."""
    return stored_run is not None and int(stored_run.get("revision", -1)) >= incoming["revision"]


def _runs_of(stored: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The runs kept so far. Totals stored before runs were kept count as one run of their own."""
    if "runs" in stored:
        return dict(stored["runs"])
    if stored.get("run"):
        return {
            stored["run"]: {
                k: stored[k]
                for k in (*COUNT_FIELDS, *SECONDS_FIELDS, "statements", "revision")
                if k in stored
            }
        }
    return {}


def totals_merge(runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The session's totals over every device run: counts and seconds added up, statements in order
    of first use. Each device (a tablet, a second browser) counts what it saw; none overwrites another."""
    merged: dict[str, Any] = {name: 0 for name in (*COUNT_FIELDS, *SECONDS_FIELDS)}
    statements: list[str] = []
    for run in runs.values():
        for name in (*COUNT_FIELDS, *SECONDS_FIELDS):
            merged[name] += int(run.get(name, 0))
        statements.extend(run.get("statements", []))
    merged["statements"] = list(dict.fromkeys(statements))
    total_seconds = merged["seconds_men"] + merged["seconds_women"]
    merged["share_women"] = round(100 * merged["seconds_women"] / total_seconds) if total_seconds else None
    return merged


@transaction.atomic
def companion_totals_record(*, session: Session, actor, totals: Any) -> TotalsResult:
    """Store the companion's totals in the session's report (a draft is made if there is none).

    Each run (one device's run of the session) is kept apart under ``runs`` and the report shows
    their sum, so a second device adds its turns instead of replacing the first one's.
    Idempotent: sending the same run and revision twice (a retry after the connection came back)
    changes nothing and writes no second audit row. A submitted report is not changed
    (ReportClosed). Callers have checked can.write_report.
    """
    cleaned = totals_clean(totals)
    report = report_draft_for(session=session, author=actor)
    report = SessionReport.objects.select_for_update().get(pk=report.pk)
    if report.status != SessionReport.Status.DRAFT:
        raise ReportClosed
    stored = report.companion_totals or {}
    runs = _runs_of(stored)
    if _is_stale(runs.get(cleaned["run"]), cleaned):
        return TotalsResult(report=report, changed=False)
    if cleaned["run"] not in runs and len(runs) >= MAX_RUNS:
        raise TotalsError({"run": str(_("This session has totals from too many devices already."))})
    known = dict(Statement.objects.filter(slug__in=cleaned["statements"]).values_list("slug", "pk"))
    # A statement removed from the library meanwhile is dropped rather than failing every retry.
    cleaned["statements"] = [slug for slug in cleaned["statements"] if slug in known]
    runs[cleaned["run"]] = {k: v for k, v in cleaned.items() if k != "run"}
    merged = totals_merge(runs)
    # Every statement the companion showed is ticked in the report once; one the facilitator
    # unticked after it was proposed is not ticked again, and their own ticks are never removed.
    proposed_before = set(stored.get("statements", []))
    new = [known[slug] for slug in merged["statements"] if slug not in proposed_before and slug in known]
    if new:
        report.statements.add(*new)
    report.companion_totals = {**merged, "run": cleaned["run"], "revision": cleaned["revision"], "runs": runs}
    report.save(update_fields=["companion_totals", "updated"])
    audit_record(
        actor=actor,
        action=AuditAction.COMPANION_TOTALS,
        obj=report,
        organisation=session.trajectory.partnership.men_organisation,
        detail={
            "turns": cleaned["turns_men"] + cleaned["turns_women"],
            "statements": len(cleaned["statements"]),
            "revision": cleaned["revision"],
            "runs": len(runs),
        },
    )
    return TotalsResult(report=report, changed=True)


class AgreementsConflict(Exception):
    """Someone else saved the agreements after this form was opened."""

    def __init__(self, current: Agreements):
        super().__init__("agreements changed meanwhile")
        self.current = current


@transaction.atomic
def agreements_save(*, trajectory: Trajectory, actor, text: str, base_version: int | None) -> Agreements:
    """Write or amend the group's dialogue agreements. Callers have checked the right to edit.

    ``base_version`` is the version the editor started from (None for a first writing); if the
    stored version moved on meanwhile, AgreementsConflict is raised and nothing is saved.
    """
    text = text.strip()
    if not text or len(text) > AGREEMENTS_MAX:
        raise ValueError("agreements text empty or too long")  # the form checks this first
    agreements = Agreements.objects.select_for_update().filter(trajectory=trajectory).first()
    if agreements is None:
        agreements = Agreements.objects.create(trajectory=trajectory, text=text, changed_by=actor)
    else:
        if base_version is not None and base_version != agreements.version:
            raise AgreementsConflict(agreements)
        if agreements.text == text:
            return agreements
        agreements.text = text
        agreements.version += 1
        agreements.changed_by = actor
        agreements.save(update_fields=["text", "version", "changed_by", "changed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.AGREEMENTS_SAVE,
        obj=agreements,
        organisation=trajectory.partnership.men_organisation,
        detail={"version": agreements.version, "lines": len(agreements.lines)},
    )
    return agreements


# --- the live position: which card the group sees, shared by the devices of one session --------

LIVE_SECONDS = 12 * 60 * 60  # an evening; nothing of it is kept longer
LIVE_VIEWS = ("blank", "agreements", "deck")
LIVE_DECKS = ("statements", "questions")
# A random token per browser, so that the windows of one browser (kept in step by their
# BroadcastChannel) do not take their own moves back from the server late (companion.js).
LIVE_DEVICE = re.compile(r"[A-Za-z0-9-]{1,64}")


def _live_key(session_id: int) -> str:
    return f"companion-live-{session_id}"


def live_position_of(*, session_id: int) -> dict[str, Any]:
    """The last position a device of this session sent, or {"seq": 0} when none did."""
    return cache.get(_live_key(session_id)) or {"seq": 0}


def live_position_set(*, session_id: int, data: Any) -> dict[str, Any]:
    """Share the position (projector view, deck, card) with the session's other devices.

    A card number and a view name, kept in the cache for one evening: no record of the meeting, so
    no audit row (turning a card is not a change to anything the app keeps). Raises TotalsError on
    anything else.
    """
    if not isinstance(data, dict):
        raise TotalsError({"__all__": str(_("The position must be a JSON object."))})
    index = data.get("index")
    if (
        data.get("projector") not in LIVE_VIEWS
        or data.get("deck") not in LIVE_DECKS
        or not isinstance(index, dict)
        or set(index) - set(LIVE_DECKS)
        or any(_whole_number(v, MAX_STATEMENTS) is None for v in index.values())
        or not isinstance(data.get("device", ""), str)
        or ("device" in data and not LIVE_DEVICE.fullmatch(data["device"]))
    ):
        raise TotalsError({"__all__": str(_("The position is not what the companion sends."))})
    current = live_position_of(session_id=session_id)
    position = {
        "seq": int(current.get("seq", 0)) + 1,
        "projector": data["projector"],
        "deck": data["deck"],
        "index": {name: int(index.get(name, 0)) for name in LIVE_DECKS},
    }
    if "device" in data:
        position["device"] = data["device"]
    cache.set(_live_key(session_id), position, LIVE_SECONDS)
    return position
