"""Alliance staff read the audit log; reading it is logged too."""

import pytest

from samensterk.core.models import AuditEvent

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_staff_see_who_read_a_report(client, personas, programme):
    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    html = as_(client, personas, "staff").get(url("audit_log")).content.decode()
    assert "report text read" in html
    assert "coordinator" in html
    assert AuditEvent.objects.filter(action="audit.read", actor=personas["staff"]).exists()


def test_the_filter_narrows_to_one_action(client, personas, programme):
    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    html = as_(client, personas, "staff").get(url("audit_log") + "?action=audit.read").content.decode()
    assert "<td>report text read</td>" not in html


def test_nobody_else_reads_it(client, personas, programme):
    for who in ("facilitator", "trainer", "coordinator", "outsider", "funder"):
        client.force_login(personas[who])
        assert client.get(url("audit_log")).status_code == 404, who


def test_it_rejects_post(client, personas, programme):
    assert as_(client, personas, "staff").post(url("audit_log")).status_code == 405


# --- issue #21: an audit trail people can use ------------------------------------------------


def _second_report(programme, personas):
    from samensterk.programme.models import SessionReport

    return SessionReport.objects.create(
        session=programme["sessions"][1], author=personas["facilitator"], status="submitted", outcomes="x"
    )


def test_filter_by_trajectory_shows_who_read_the_report_of_each_meeting(client, personas, programme):
    _second_report(programme, personas)
    s1, s2 = programme["sessions"][0], programme["sessions"][1]
    as_(client, personas, "coordinator").get(url("report", s1.pk))
    as_(client, personas, "trainer").get(url("report", s2.pk))
    # The outsider reads in their own trajectory: not part of this trajectory's trail.
    other = programme["other_trajectory"]
    from samensterk.programme.services import audit_log_read

    audit_log_read(actor=personas["outsider"])
    trajectory = programme["trajectory"]
    response = as_(client, personas, "staff").get(
        url("audit_log") + f"?trajectory={trajectory.pk}&action=report.read"
    )
    assert response.status_code == 200
    html = response.content.decode()
    rows = [row for row in html.split("<tr>")[2:]]
    read_rows = [row for row in rows if "report text read" in row]
    assert len(read_rows) == 2
    meeting_1 = next(row for row in read_rows if "Meeting 1" in row)
    meeting_2 = next(row for row in read_rows if "Meeting 2" in row)
    assert "<td>coordinator</td>" in meeting_1 and "<td>trainer</td>" in meeting_2
    # Each row names and links the trajectory and the meeting.
    detail = url("trajectory", trajectory.pk)
    assert f'href="{detail}">Test Noord voorjaar</a>' in meeting_1
    assert f'href="{detail}#session-{s1.pk}">Meeting 1</a>' in meeting_1
    assert other.name not in html.split("<tbody>")[1]


def test_filter_by_person_and_period(client, personas, programme):
    import datetime as dt

    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    as_(client, personas, "trainer").get(url("report", programme["report"].session_id))
    staff = as_(client, personas, "staff")
    body = staff.get(url("audit_log") + "?person=trainer").content.decode().split("<tbody>")[1]
    assert "<td>trainer</td>" in body and "<td>coordinator</td>" not in body
    yesterday = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    body = staff.get(url("audit_log") + f"?until={yesterday}").content.decode().split("<tbody>")[1]
    assert "Nothing logged yet." in body


def test_a_bad_filter_is_a_clear_400_that_keeps_what_was_typed(client, personas, programme):
    response = as_(client, personas, "staff").get(
        url("audit_log") + "?since=2026-05-01&until=2026-04-01&person=trai"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end of the period cannot be before its start." in html
    assert 'value="trai"' in html
    response = as_(client, personas, "staff").get(url("audit_log") + "?since=not-a-date")
    assert response.status_code == 400


def test_the_csv_export_for_the_data_protection_officer_is_audited(client, personas, programme):
    from samensterk.programme.models import Trajectory

    Trajectory.objects.filter(pk=programme["trajectory"].pk).update(name='=HYPERLINK("http://x")')
    as_(client, personas, "coordinator").get(url("report", programme["report"].session_id))
    response = as_(client, personas, "staff").get(
        url("audit_export") + f"?trajectory={programme['trajectory'].pk}"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    import csv
    import io

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["time_utc", "person", "action"]
    read = [row for row in rows if row[2] == "report.read"]
    assert read and read[0][1] == "coordinator" and read[0][6] == "1"
    # A name typed as a formula is written as text (OWASP: a leading apostrophe).
    assert read[0][5] == '\'=HYPERLINK("http://x")'
    event = AuditEvent.objects.get(action="audit.export")
    assert event.actor == personas["staff"] and event.detail["rows"] == len(rows) - 1


def test_nobody_else_exports_it(client, personas, programme):
    for who in ("facilitator", "trainer", "coordinator", "outsider", "funder"):
        client.force_login(personas[who])
        assert client.get(url("audit_export")).status_code == 404, who
    assert not AuditEvent.objects.filter(action="audit.export").exists()
