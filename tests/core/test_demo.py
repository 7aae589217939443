"""The demo dataset is fictional, complete and idempotent."""

import pytest
from django.core.management import call_command

from samensterk.accounts.models import Membership, Organisation, User
from samensterk.core.models import AuditEvent


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    events = AuditEvent.objects.count()
    call_command("load_demo")
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == counts
    assert AuditEvent.objects.count() == events
    assert counts[0] >= 4


@pytest.mark.django_db
def test_demo_organisations_are_clearly_fictional():
    call_command("load_demo")
    for org in Organisation.objects.all():
        assert org.is_demo and org.name.startswith("Demo ")
    for user in User.objects.all():
        assert user.username.startswith("demo-")
        assert not user.first_name and not user.last_name
        # Issue #21: e-mail alerts need an address; the demo's are fictional (example.org is reserved).
        assert user.email == f"{user.username}@example.org"


@pytest.mark.django_db
def test_load_demo_is_audited():
    call_command("load_demo")
    assert AuditEvent.objects.filter(action="demo.load").count() == 1


@pytest.mark.django_db
def test_demo_login_works(client):
    from samensterk.portal.demo import DEMO_PASSWORD

    call_command("load_demo")
    assert client.login(username="demo-coordinator", password=DEMO_PASSWORD)


@pytest.mark.django_db
def test_the_demo_programme_gives_each_account_a_realistic_picture(toolkit_content):
    from samensterk.programme.models import Session, SessionReport, Trajectory

    call_command("load_demo")
    assert Trajectory.objects.filter(is_demo=True).count() == 3
    noord = Trajectory.objects.get(name="Demo Noord, najaar")
    assert noord.sessions.filter(status=Session.Status.PLANNED).exists()
    # The facilitator has a held meeting without a report: the "report to write".
    assert noord.sessions.filter(status=Session.Status.HELD, report__isnull=True).count() == 1
    assert SessionReport.objects.filter(session__trajectory=noord, safety_signal=True).count() == 1
    assert SessionReport.objects.filter(status=SessionReport.Status.DISCUSSED).exists()
    counts = (Trajectory.objects.count(), Session.objects.count(), SessionReport.objects.count())
    call_command("load_demo")
    assert (Trajectory.objects.count(), Session.objects.count(), SessionReport.objects.count()) == counts
