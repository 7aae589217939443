"""The audit log as people use it: each row names its trajectory and meeting, the log
filters by person, trajectory, action and period, and the data protection officer takes it away
as CSV. Reads only; the view checks access (access.audit_events_for) and audits the reading.

Rows hold an object type and id (core/audit.py). The trajectory and meeting of a page of rows are
looked up in one query per object type, not one per row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samensterk.core.models import AuditAction
from samensterk.core.spreadsheet import csv_safe

from .models import Session, Trajectory

# Object types about one meeting ("" for the session itself; else they have a `session` field),
# and about a trajectory as a whole ("" for the trajectory itself; else a `trajectory` field).
_SESSION_PATHS = {
    "programme.session": "",
    "programme.sessionreport": "session",
    "toolkit.meetingplan": "session",
    "monitoring.questionnaireround": "session",
}
_TRAJECTORY_TYPES = {"programme.trajectory": "", "companion.agreements": "trajectory"}


class AuditFilterForm(forms.Form):
    person = forms.CharField(label=_("Person (username)"), required=False, max_length=150)
    trajectory = forms.ModelChoiceField(
        label=_("Trajectory"), queryset=Trajectory.objects.order_by("name"), required=False
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *AuditAction.choices]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end of the period cannot be before its start."))
        return data


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def _ids(queryset) -> list[str]:
    return [str(pk) for pk in queryset.values_list("pk", flat=True)]


def trajectory_q(trajectory: Trajectory) -> Q:
    """Rows about the trajectory, its meetings, their reports, plans and questionnaires."""
    sessions = Session.objects.filter(trajectory=trajectory)
    q = Q(object_type="programme.trajectory", object_id=str(trajectory.pk)) | Q(
        object_type="programme.session", object_id__in=_ids(sessions)
    )
    for label, path in _SESSION_PATHS.items():
        if path:
            q |= Q(object_type=label, object_id__in=_ids(_model(label).objects.filter(session__in=sessions)))
    q |= Q(
        object_type="companion.agreements",
        object_id__in=_ids(_model("companion.agreements").objects.filter(trajectory=trajectory)),
    )
    return q


def filtered(events, data: dict):
    if data.get("person"):
        events = events.filter(actor__username=data["person"])
    if data.get("trajectory"):
        events = events.filter(trajectory_q(data["trajectory"]))
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("since"):
        events = events.filter(created__date__gte=data["since"])
    if data.get("until"):
        events = events.filter(created__date__lte=data["until"])
    return events


@dataclass
class AuditRow:
    event: object
    trajectory: Trajectory | None = None
    session: Session | None = None


def rows(events) -> list[AuditRow]:
    """The events with the trajectory and meeting each one is about (None when about neither)."""
    events = list(events)
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.object_id.isdigit():
            wanted.setdefault(event.object_type, set()).add(int(event.object_id))
    sessions: dict[tuple[str, int], Session] = {}
    trajectories: dict[tuple[str, int], Trajectory] = {}
    for label, ids in wanted.items():
        if label in _SESSION_PATHS:
            if label == "programme.session":
                found = {s.pk: s for s in Session.objects.filter(pk__in=ids).select_related("trajectory")}
            else:
                found = {
                    obj.pk: obj.session
                    for obj in _model(label).objects.filter(pk__in=ids).select_related("session__trajectory")
                }
            sessions.update({(label, pk): s for pk, s in found.items()})
        elif label in _TRAJECTORY_TYPES:
            if label == "programme.trajectory":
                found = {t.pk: t for t in Trajectory.objects.filter(pk__in=ids)}
            else:
                found = {
                    obj.pk: obj.trajectory
                    for obj in _model(label).objects.filter(pk__in=ids).select_related("trajectory")
                }
            trajectories.update({(label, pk): t for pk, t in found.items()})
    result = []
    for event in events:
        key = (event.object_type, int(event.object_id)) if event.object_id.isdigit() else None
        session = sessions.get(key)
        trajectory = session.trajectory if session is not None else trajectories.get(key)
        result.append(AuditRow(event=event, trajectory=trajectory, session=session))
    return result


def _cell(value) -> str:
    """Text for the CSV, formula-safe (core/spreadsheet.py): names here are typed by people."""
    return csv_safe("" if value is None else str(value))


CSV_HEADER = (
    "time_utc",
    "person",
    "action",
    "organisation",
    "trajectory_id",
    "trajectory",
    "meeting",
    "object_type",
    "object_id",
)


def as_csv(audit_rows: list[AuditRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in audit_rows:
        event = row.event
        writer.writerow(
            [
                _cell(value)
                for value in (
                    event.created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    event.actor.get_username() if event.actor else "",
                    event.action,
                    event.organisation.name if event.organisation else "",
                    row.trajectory.pk if row.trajectory else "",
                    row.trajectory.name if row.trajectory else "",
                    row.session.number if row.session else "",
                    event.object_type,
                    event.object_id,
                )
            ]
        )
    return out.getvalue()
