from django.core.management.base import BaseCommand

from samensterk.core.staff import STAFF_GROUP, staff_group_sync


class Command(BaseCommand):
    help = "Create or update the 'Alliance staff' admin group (view/change content, organisations, planning)."

    def handle(self, *args, **options):
        group, count = staff_group_sync()
        self.stdout.write(
            f"Group {STAFF_GROUP!r}: {count} permissions. Add alliance staff users to it in /admin/."
        )
