from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samensterk.core.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by `backup`. Stop the app servers first."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            answer = input(f"This replaces ALL data in the database with {path}. Type 'restore' to go on: ")
            if answer.strip() != "restore":
                raise CommandError("Nothing restored.")
        try:
            database_restore(path=Path(path))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored from {path}.")
