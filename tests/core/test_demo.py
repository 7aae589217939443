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
        assert not user.email and not user.first_name and not user.last_name


@pytest.mark.django_db
def test_load_demo_is_audited():
    call_command("load_demo")
    assert AuditEvent.objects.filter(action="demo.load").count() == 1


@pytest.mark.django_db
def test_demo_login_works(client):
    from samensterk.core.demo import DEMO_PASSWORD

    call_command("load_demo")
    assert client.login(username="demo-coordinator", password=DEMO_PASSWORD)
