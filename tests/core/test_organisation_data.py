"""AVG: export and delete all data of one organisation, with a confirmation step, audited."""

import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from samensterk.accounts.models import Organisation, User
from samensterk.core.models import AuditEvent
from samensterk.programme.models import SessionReport, Trajectory
from samensterk.programme.organisation_data import organisation_delete, organisation_export

pytestmark = pytest.mark.django_db


def _keys(data):
    return {(row["model"], row["pk"]) for row in data["objects"]}


def test_the_export_holds_the_organisations_data_and_no_one_elses(programme, personas):
    women = personas["orgs"]["women"]
    data = organisation_export(organisation=women, actor=personas["staff"])
    keys = _keys(data)
    assert ("accounts.organisation", women.pk) in keys
    assert ("programme.trajectory", programme["trajectory"].pk) in keys
    assert ("programme.sessionreport", programme["report"].pk) in keys
    assert all(("programme.session", s.pk) in keys for s in programme["sessions"])
    assert ("accounts.user", personas["coordinator"].pk) in keys
    # Not the outsider's world, not the men's organisation's own staff.
    assert ("programme.trajectory", programme["other_trajectory"].pk) not in keys
    assert ("accounts.user", personas["facilitator"].pk) not in keys
    assert ("accounts.organisation", personas["orgs"]["men"].pk) not in keys
    assert data["counts"]["programme.session"] == 3
    json.dumps(data)  # JSON as it stands


def test_the_export_has_no_password_hashes(programme, personas):
    data = organisation_export(organisation=personas["orgs"]["women"])
    users = [row for row in data["objects"] if row["model"] == "accounts.user"]
    assert users and all("password" not in row["fields"] for row in users)
    assert "md5$" not in json.dumps(data) and "pbkdf2" not in json.dumps(data)


def test_the_export_is_audited(programme, personas):
    women = personas["orgs"]["women"]
    organisation_export(organisation=women, actor=personas["staff"])
    event = AuditEvent.objects.get(action="organisation.export")
    assert event.actor == personas["staff"] and event.organisation == women
    assert event.detail["objects"] > 5


def test_delete_needs_the_slug_as_confirmation(programme, personas):
    with pytest.raises(ValueError):
        organisation_delete(organisation=personas["orgs"]["women"], confirm="yes")
    assert Organisation.objects.filter(slug="test-women").exists()
    assert SessionReport.objects.count() == 1


def test_delete_removes_exactly_what_the_export_listed(programme, personas):
    women = personas["orgs"]["women"]
    women_pk = women.pk
    exported = _keys(organisation_export(organisation=women))
    counts = organisation_delete(organisation=women, actor=personas["staff"], confirm="test-women")
    # The export holds only the allow-listed part of it (issue #21); deleting takes all of it.
    assert sum(counts.values()) >= len(exported)
    for label, pk in exported:
        assert not apps.get_model(label).objects.filter(pk=pk).exists(), (label, pk)
    # Everyone else's data stays.
    assert Trajectory.objects.filter(pk=programme["other_trajectory"].pk).exists()
    assert User.objects.filter(username__in=["facilitator", "trainer", "outsider", "staff"]).count() == 4
    assert Organisation.objects.filter(slug="test-men").exists()
    event = AuditEvent.objects.get(action="organisation.delete")
    assert event.actor == personas["staff"] and event.detail["organisation_id"] == women_pk
    assert event.detail["counts"]["programme.sessionreport"] == 1


def test_the_commands(programme, personas, tmp_path, monkeypatch):
    out = tmp_path / "women.json"
    call_command("organisation_export", "test-women", "--output", str(out))
    assert json.loads(out.read_text())["organisation"] == "test-women"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError):
        call_command("organisation_delete", "test-women")
    assert Organisation.objects.filter(slug="test-women").exists()
    call_command("organisation_delete", "test-women", "--confirm", "test-women")
    assert not Organisation.objects.filter(slug="test-women").exists()
    with pytest.raises(CommandError):
        call_command("organisation_export", "test-women")


def test_the_export_holds_exactly_the_allow_list(programme, personas):
    """Issue #21: no second-factor keys, no password hashes, no submission keys, no other
    people's drafts; every exported row is of an allow-listed model with exactly its fields."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from samensterk.programme.models import SessionReport
    from samensterk.programme.organisation_data import AUDIT_FIELDS, EXPORT_FIELDS

    coordinator = personas["coordinator"]
    device = TOTPDevice.objects.create(user=coordinator, name="authenticator", confirmed=True)
    draft = SessionReport.objects.create(
        session=programme["sessions"][1],
        author=personas["facilitator"],
        outcomes="Testconcept van een ander.",
    )
    women = personas["orgs"]["women"]
    data = organisation_export(organisation=women, actor=coordinator)
    text = json.dumps(data)
    for row in data["objects"]:
        assert row["model"] in EXPORT_FIELDS, row["model"]
        assert set(row["fields"]) == set(EXPORT_FIELDS[row["model"]]), row["model"]
    assert all(set(row["fields"]) == set(AUDIT_FIELDS) for row in data["audit_log"])
    assert set(data["counts"]) <= set(EXPORT_FIELDS)
    assert device.key not in text and "otp_totp" not in text
    assert "Testconcept" not in text and ("programme.sessionreport", draft.pk) not in _keys(data)
    assert "submission_key" not in text and "password" not in text
    # The submitted report is there: the export can show what it must.
    assert ("programme.sessionreport", programme["report"].pk) in _keys(data)
