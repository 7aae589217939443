import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samensterk.accounts.models import Organisation
from samensterk.programme.organisation_data import organisation_export


class Command(BaseCommand):
    help = "Export all data of one organisation as JSON (AVG: the right of access). Audited."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument(
            "--output", "-o", help="file to write (readable by its owner only); default stdout"
        )

    def handle(self, *args, slug, output=None, **options):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"No organisation with slug {slug!r}.")
        data = organisation_export(organisation=organisation)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if output:
            path = Path(output)
            path.write_text(text, encoding="utf-8")
            os.chmod(path, 0o600)
            self.stderr.write(f"Exported {sum(data['counts'].values())} rows to {path}.")
        else:
            self.stdout.write(text)
