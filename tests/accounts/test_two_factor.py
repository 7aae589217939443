"""The second login step for coordinators and alliance staff (TOTP, django-otp): real, not bypassed."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from samensterk.core.models import AuditEvent
from tests.auth import current_code, login, totp_device

pytestmark = [pytest.mark.django_db, pytest.mark.second_factor]

PASSWORD = "a-long-test-password"
SETUP = "/en/account/two-factor/setup/"
VERIFY = "/en/account/two-factor/"


def _password_login(client, username, path="/en/login/"):
    return client.post(path, {"username": username, "password": PASSWORD})


class TestWhoNeedsIt:
    @pytest.mark.parametrize("persona", ["coordinator", "staff"])
    def test_coordinators_and_staff_are_stopped_after_the_password(self, client, personas, persona):
        assert _password_login(client, persona).status_code == 302
        response = client.get("/en/programme/")
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP + "?next=")

    @pytest.mark.parametrize("persona", ["facilitator", "trainer", "funder"])
    def test_others_go_on_with_a_password(self, client, personas, persona):
        _password_login(client, persona)
        assert client.get("/en/").status_code == 200

    def test_a_user_with_a_device_is_asked_for_the_code(self, client, personas):
        totp_device(personas["coordinator"])
        _password_login(client, "coordinator")
        response = client.get("/en/toolkit/")
        assert response.status_code == 302
        assert response["Location"] == VERIFY + "?next=%2Fen%2Ftoolkit%2F"


class TestAdmin:
    @pytest.fixture
    def admin_staff(self, personas):
        user = personas["staff"]
        user.is_staff = True
        user.is_superuser = True
        user.save()
        totp_device(user)
        return user

    def test_staff_login_without_the_second_factor_does_not_reach_admin(self, client, admin_staff):
        response = _password_login(client, "staff", "/admin/login/?next=/admin/")
        assert response.status_code == 302
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"] == "/account/two-factor/?next=%2Fadmin%2F"
        assert client.get("/admin/accounts/user/").status_code == 302

    def test_after_the_code_admin_opens(self, client, admin_staff):
        _password_login(client, "staff", "/admin/login/?next=/admin/")
        device = TOTPDevice.objects.get(user=admin_staff)
        response = client.post(VERIFY, {"token": current_code(device), "next": "/admin/"})
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_a_plain_staff_flag_also_needs_it(self, client, personas):
        user = personas["trainer"]
        user.is_staff = True
        user.save()
        client.force_login(user)
        assert client.get("/admin/").status_code == 302


class TestSetup:
    def test_it_shows_a_qr_code_and_the_key(self, client, personas):
        client.force_login(personas["coordinator"])
        response = client.get(SETUP)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<svg" in html and "<script" not in html.split("</main>")[0].split("<main")[1]
        device = TOTPDevice.objects.get(user=personas["coordinator"])
        assert not device.confirmed
        key = re.search(r'<code class="secret-key">([A-Z2-7 ]+)</code>', html).group(1)
        import base64

        assert base64.b32decode(key.replace(" ", "")) == device.bin_key

    def test_the_same_device_is_shown_until_confirmed(self, client, personas):
        client.force_login(personas["coordinator"])
        client.get(SETUP)
        client.get(SETUP)
        assert TOTPDevice.objects.filter(user=personas["coordinator"]).count() == 1

    def test_a_wrong_code_is_refused_and_kept(self, client, personas):
        client.force_login(personas["coordinator"])
        client.get(SETUP)
        response = client.post(SETUP, {"token": "000000"})
        if response.status_code == 302:  # one in a million: 000000 was the right code
            pytest.skip("the random key's current code was 000000")
        assert response.status_code == 400
        html = response.content.decode()
        assert "That code is not right" in html and 'value="000000"' in html
        assert not TOTPDevice.objects.get(user=personas["coordinator"]).confirmed

    def test_letters_get_a_clear_message(self, client, personas):
        client.force_login(personas["coordinator"])
        response = client.post(SETUP, {"token": "abc"})
        assert response.status_code == 400
        assert "Enter the six digits" in response.content.decode()

    def test_the_right_code_confirms_and_lets_her_in(self, client, personas):
        user = personas["coordinator"]
        client.force_login(user)
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=user)
        response = client.post(SETUP, {"token": current_code(device), "next": "/en/programme/"})
        assert response.status_code == 302 and response["Location"] == "/en/programme/"
        device.refresh_from_db()
        assert device.confirmed
        assert AuditEvent.objects.filter(action="account.two_factor_setup", actor=user).count() == 1
        assert client.get("/en/").status_code == 200

    def test_a_password_alone_cannot_add_a_second_device(self, client, personas):
        user = personas["coordinator"]
        totp_device(user)
        client.force_login(user)
        response = client.get(SETUP)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY)
        assert TOTPDevice.objects.filter(user=user).count() == 1

    def test_an_outside_next_is_ignored(self, client, personas):
        user = personas["coordinator"]
        client.force_login(user)
        client.get(SETUP)
        device = TOTPDevice.objects.get(user=user)
        response = client.post(SETUP, {"token": current_code(device), "next": "https://evil.example/"})
        assert response["Location"] == "/en/"

    def test_anonymous_goes_to_login(self, client):
        response = client.get(SETUP)
        assert response.status_code == 302 and "/login/" in response["Location"]

    def test_wrong_method(self, client, personas):
        client.force_login(personas["coordinator"])
        assert client.put(SETUP).status_code == 405


class TestVerify:
    def test_a_wrong_code_keeps_her_out(self, client, personas):
        user = personas["coordinator"]
        device = totp_device(user)
        client.force_login(user)
        wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
        response = client.post(VERIFY, {"token": wrong})
        assert response.status_code == 400
        assert client.get("/en/programme/").status_code == 302

    def test_login_helper_passes_it(self, client, personas):
        login(client, personas["staff"])
        assert client.get("/en/").status_code == 200

    def test_a_code_cannot_be_used_twice(self, client, personas):
        user = personas["coordinator"]
        device = totp_device(user)
        client.force_login(user)
        code = current_code(device)
        assert client.post(VERIFY, {"token": code}).status_code == 302
        client.logout()
        client.force_login(user)
        assert client.post(VERIFY, {"token": code}).status_code == 400

    def test_it_is_rate_limited(self, client, personas):
        user = personas["coordinator"]
        totp_device(user)
        client.force_login(user)
        statuses = [client.post(VERIFY, {"token": "12345x"}).status_code for _ in range(11)]
        assert statuses[-1] == 429

    def test_the_verify_page_needs_a_device(self, client, personas):
        client.force_login(personas["coordinator"])
        response = client.get(VERIFY)
        assert response.status_code == 302 and response["Location"].startswith(SETUP)

    def test_public_api_and_logout_stay_open(self, client, personas):
        client.force_login(personas["coordinator"])
        assert client.get("/healthz").status_code == 200
        assert client.post("/en/logout/").status_code == 302

    def test_reset_removes_the_devices_and_is_audited(self, personas):
        from samensterk.accounts.twofactor import second_factor_reset

        totp_device(personas["coordinator"])
        assert second_factor_reset(user=personas["coordinator"], actor=personas["staff"]) == 1
        assert not TOTPDevice.objects.filter(user=personas["coordinator"]).exists()
        assert AuditEvent.objects.filter(action="account.two_factor_reset").count() == 1
