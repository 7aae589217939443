import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samensterk.core.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Back up the whole database to a file (SQLite online backup, or pg_dump for PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="where to write it (default: backups/samensterk-<date-time>.sqlite3 or .pgdump)",
        )

    def handle(self, *args, path=None, **options):
        from django.db import connection

        if path is None:
            suffix = "sqlite3" if connection.vendor == "sqlite" else "pgdump"
            path = Path("backups") / f"samensterk-{dt.datetime.now():%Y%m%d-%H%M%S}.{suffix}"
        try:
            written = database_backup(path=Path(path))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup written to {written} ({written.stat().st_size} bytes, readable by its owner only)."
        )
