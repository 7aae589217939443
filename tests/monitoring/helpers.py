"""Log a persona in as far as the monitoring pages: past the second login step where there is one."""

from django.conf import settings


def login(client, user):
    """force_login, and mark the session as having passed the TOTP step (issue #12) if it is on."""
    client.force_login(user)
    if "django_otp" in settings.INSTALLED_APPS:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test", confirmed=True
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client
