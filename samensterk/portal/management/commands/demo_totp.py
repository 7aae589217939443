import time

from django.core.management.base import BaseCommand
from django_otp.oath import totp

from samensterk.portal.demo import DEMO_TOTP_BASE32, DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current login code of the demo coordinators and demo-staf (fictional, local only)."
    requires_system_checks = []  # a development aid: no key or DEBUG needed to print a demo code

    def handle(self, *args, **options):
        now = int(time.time())
        code = totp(bytes.fromhex(DEMO_TOTP_KEY), step=30, t0=0, digits=6)
        self.stdout.write(f"{code:06d}")
        self.stderr.write(
            f"Login code for demo-coordinator, demo-coordinator-zuidoost and demo-staf; "
            f"valid for {30 - now % 30} more seconds. Authenticator app key: {DEMO_TOTP_BASE32}"
        )
