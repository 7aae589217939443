"""demo-staf (alliance staff) can really use /admin/: content and planning, never report text or users."""

import pytest
from django.core.management import call_command

from samensterk.accounts.models import User
from samensterk.core.staff import STAFF_GROUP, staff_group_sync


@pytest.fixture
def demo_staff(db):
    call_command("load_demo")
    return User.objects.get(username="demo-staf")


@pytest.mark.django_db
class TestStaffGroup:
    def test_demo_staff_is_in_the_group(self, demo_staff):
        assert demo_staff.is_staff
        assert demo_staff.groups.filter(name=STAFF_GROUP).exists()

    def test_staff_manage_content_organisations_and_planning(self, demo_staff):
        for perm in (
            "toolkit.change_method",
            "toolkit.view_statement",
            "accounts.change_organisation",
            "programme.change_trajectory",
            "programme.view_session",
        ):
            assert demo_staff.has_perm(perm), perm

    def test_staff_never_read_reports_nor_change_accounts(self, demo_staff):
        for perm in (
            "programme.view_sessionreport",
            "programme.change_sessionreport",
            "accounts.change_user",
            "accounts.view_user",
            "auth.change_group",
            "toolkit.delete_method",
        ):
            assert not demo_staff.has_perm(perm), perm

    def test_sync_is_idempotent(self, demo_staff):
        group, count = staff_group_sync()
        again, count_again = staff_group_sync()
        assert group.pk == again.pk and count == count_again > 20

    def test_admin_shows_the_toolkit_to_staff(self, client, demo_staff):
        client.force_login(demo_staff)
        index = client.get("/admin/")
        assert index.status_code == 200
        assert "/admin/toolkit/method/" in index.content.decode()
        assert client.get("/admin/toolkit/method/").status_code == 200
        assert client.get("/admin/accounts/organisation/").status_code == 200

    def test_admin_refuses_users_to_staff(self, client, demo_staff):
        client.force_login(demo_staff)
        assert client.get("/admin/accounts/user/").status_code == 403


@pytest.mark.django_db
@pytest.mark.second_factor
def test_demo_accounts_log_in_with_the_demo_totp_code(client):
    """The README's way in: password, then the code `manage.py demo_totp` prints."""
    import io

    from samensterk.portal.demo import DEMO_PASSWORD

    call_command("load_demo")
    out = io.StringIO()
    call_command("demo_totp", stdout=out, stderr=io.StringIO())
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    assert client.post("/en/login/", {"username": "demo-staf", "password": DEMO_PASSWORD}).status_code == 302
    assert client.get("/admin/").status_code == 302  # not yet: the second step first
    response = client.post("/en/account/two-factor/", {"token": code, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_demo_devices_are_idempotent():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    call_command("load_demo")
    call_command("load_demo")
    assert TOTPDevice.objects.filter(user__username="demo-staf").count() == 1
    assert TOTPDevice.objects.filter(user__username="demo-coordinator", confirmed=True).count() == 1
    assert not TOTPDevice.objects.filter(user__username="demo-gespreksleider").exists()
