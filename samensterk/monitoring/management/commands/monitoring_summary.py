"""Check or rebuild the dashboard's summary tables (summary.py).

    manage.py monitoring_summary --check      # lists where the summary differs from the live data
    manage.py monitoring_summary --rebuild    # recounts it from the sessions and reports

Needed after sessions or reports were changed round the programme services (the admin, a shell,
a restored backup); the services keep the summary in step themselves.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from samensterk.monitoring.summary import summary_differences, summary_rebuild


class Command(BaseCommand):
    help = "Check the dashboard's summary against the sessions and reports, or rebuild it."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--check", action="store_true", help="list differences; exit 1 if there are any")
        group.add_argument("--rebuild", action="store_true", help="recount the summary from the live data")

    def handle(self, *args, check: bool, rebuild: bool, **options):
        if rebuild:
            n = summary_rebuild()
            self.stdout.write(f"Summary rebuilt for {n} trajectories.")
            return
        differences = summary_differences()
        for line in differences[:50]:
            self.stdout.write(line)
        if differences:
            raise CommandError(f"{len(differences)} differences; run with --rebuild.")
        self.stdout.write("The summary agrees with the sessions and reports.")
