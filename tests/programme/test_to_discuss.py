"""The trainer's list of submitted reports waiting for a debrief."""

import pytest

from samensterk.programme.models import SessionReport

from .helpers import as_, url

pytestmark = pytest.mark.django_db


def test_the_trainer_sees_the_submitted_report(client, personas, programme):
    html = as_(client, personas, "trainer").get(url("to_discuss")).content.decode()
    assert url("report", programme["sessions"][0].pk) in html


def test_a_discussed_report_leaves_the_list(client, personas, programme):
    SessionReport.objects.filter(pk=programme["report"].pk).update(status=SessionReport.Status.DISCUSSED)
    html = as_(client, personas, "trainer").get(url("to_discuss")).content.decode()
    assert url("report", programme["sessions"][0].pk) not in html


def test_it_hides_other_orgs(client, personas, programme):
    for who in ("outsider", "facilitator", "staff"):
        html = as_(client, personas, who).get(url("to_discuss")).content.decode()
        assert url("report", programme["sessions"][0].pk) not in html, who


def test_a_funder_gets_404(client, personas, programme):
    assert as_(client, personas, "funder").get(url("to_discuss")).status_code == 404


def test_it_rejects_post(client, personas, programme):
    assert as_(client, personas, "trainer").post(url("to_discuss")).status_code == 405
