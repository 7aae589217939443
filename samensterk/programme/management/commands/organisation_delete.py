from django.core.management.base import BaseCommand, CommandError

from samensterk.accounts.models import Organisation
from samensterk.programme.organisation_data import organisation_counts, organisation_delete


class Command(BaseCommand):
    help = (
        "Delete all data of one organisation (AVG: the right to erasure): it shows what goes, then asks "
        "for the organisation's slug. Export it first with organisation_export. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--confirm", help="the slug again, to delete without the question (scripts)")

    def handle(self, *args, slug, confirm=None, **options):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {slug!r}.")
        counts = organisation_counts(organisation)
        self.stdout.write(f"Deleting {organisation.name} ({slug}) removes:")
        for label, count in counts.items():
            self.stdout.write(f"  {count:6d}  {label}")
        if confirm is None:
            confirm = input(f"Type {slug} to delete all of this for good: ").strip()
        try:
            deleted = organisation_delete(organisation=organisation, confirm=confirm)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Deleted {sum(deleted.values())} rows.")
