"""Backup and restore round trip: every table comes back exactly as it was (SQLite and PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.db import connection

from samensterk.core.backup import BackupError, database_backup, database_restore
from samensterk.core.models import AuditEvent


def _snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            tables[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return tables


def _without_restore_row(tables):
    """The restore writes one audit row about itself after the data came back."""
    restore_ids = {
        repr(pk) for pk in AuditEvent.objects.filter(action="restore").values_list("pk", flat=True)
    }
    return {
        table: [row for row in rows if not (table == "core_auditevent" and row[0] in restore_ids)]
        for table, rows in tables.items()
    }


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(programme, tmp_path):
    call_command("load_demo")
    before = _snapshot()
    assert sum(len(rows) for rows in before.values()) > 50
    path = database_backup(path=tmp_path / "backup.db")
    assert path.stat().st_size > 0
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    # Damage: a report gone, an organisation renamed, new rows.
    from samensterk.accounts.models import Organisation
    from samensterk.programme.models import SessionReport

    SessionReport.objects.all().delete()
    Organisation.objects.filter(slug="test-men").update(name="Renamed")
    call_command("sync_staff_group")
    assert _snapshot() != before

    database_restore(path=path)
    after = _snapshot()
    assert set(after) == set(before)
    # Every table as it was; the audit row about the backup was written after the copy was taken,
    # so the restored log is the old one plus the row about the restore itself.
    assert _without_restore_row(after) == before
    assert AuditEvent.objects.filter(action="restore").count() == 1


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_commands(personas, tmp_path):
    before = _snapshot()
    call_command("backup", str(tmp_path / "b.db"))
    personas["facilitator"].delete()
    call_command("restore", str(tmp_path / "b.db"), "--yes")
    assert _without_restore_row(_snapshot()) == before


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "not-a-backup.db"
    bogus.write_text("hello")
    with pytest.raises(BackupError):
        database_restore(path=bogus)
    with pytest.raises(BackupError):
        database_restore(path=tmp_path / "missing.db")
