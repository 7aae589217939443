from django.core.management.base import BaseCommand

from samensterk.portal.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the fictional demo organisations and accounts (idempotent)."

    def handle(self, *args, **options):
        created = demo_load()
        self.stdout.write(
            "Demo data: {organisations} organisations, {users} users, {memberships} memberships, "
            "{trajectories} trajectories created.".format(**created)
        )
        self.stdout.write(f"Demo accounts use the password {DEMO_PASSWORD!r} (fictional, local only).")
