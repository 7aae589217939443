from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samensterk.toolkit.loader import ContentError, toolkit_load


class Command(BaseCommand):
    help = "Load the toolkit content (methods, work forms, statements, ...) from content/ into the database."

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(settings.CONTENT_DIR))

    def handle(self, *args, content_dir, **options):
        try:
            counts = toolkit_load(content_dir=content_dir)
        except (ContentError, KeyError, FileNotFoundError) as exc:
            raise CommandError(f"Content not loaded, nothing changed: {exc}") from exc
        self.stdout.write(
            "Toolkit content: {created} created, {updated} updated, {unchanged} unchanged, {removed} removed.".format(
                **{k: counts.get(k, 0) for k in ("created", "updated", "unchanged", "removed")}
            )
        )
