"""Backups of the whole database and restoring one.

SQLite: the online backup API copies a consistent snapshot while the app keeps running.
PostgreSQL: pg_dump in its custom format, restored with pg_restore into the configured database.
The password travels in PGPASSWORD, never on a command line that `ps` shows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore with fixed arguments, no shell
from pathlib import Path

from django.db import connections

from .audit import audit_record
from .models import AuditAction


class BackupError(Exception):
    pass


def _vendor(alias: str) -> str:
    return connections[alias].vendor


def _pg_env_and_args(alias: str) -> tuple[dict[str, str], list[str]]:
    conf = connections[alias].settings_dict
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = str(conf["PASSWORD"])
    args = ["--host", conf.get("HOST") or "127.0.0.1", "--username", conf.get("USER") or "postgres"]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    return env, args


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(
            f"{name} not found: install the PostgreSQL client (apt-get install postgresql-client)"
        )
    return tool


def database_backup(*, path: Path, actor=None, alias: str = "default") -> Path:
    """Write a consistent copy of the database to ``path`` (SQLite file or pg_dump archive)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
            # One self-contained file: the copy takes the live database's write-ahead-log mode,
            # which would make any reader (restore opens it read-only) create -wal/-shm files.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    elif _vendor(alias) == "postgresql":
        env, args = _pg_env_and_args(alias)
        name = connection.settings_dict["NAME"]
        proc = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [_pg_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--file", str(path), name],
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise BackupError(f"pg_dump failed: {proc.stderr.strip()[:500]}")
    else:
        raise BackupError(f"no backup method for {_vendor(alias)}")
    os.chmod(path, 0o600)  # the backup holds report text: readable by its owner only
    audit_record(actor=actor, action=AuditAction.BACKUP, detail={"bytes": path.stat().st_size})
    return path


def database_restore(*, path: Path, actor=None, alias: str = "default") -> None:
    """Replace the database's contents with the backup at ``path``. Stop the app servers first."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is not an intact SQLite database")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{path} is not a SQLite backup: {exc}") from exc
        finally:
            source.close()
    elif _vendor(alias) == "postgresql":
        env, args = _pg_env_and_args(alias)
        name = connection.settings_dict["NAME"]
        connection.close()  # pg_restore drops tables this connection might hold locks on
        proc = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                _pg_tool("pg_restore"),
                *args,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                name,
                str(path),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise BackupError(f"pg_restore failed: {proc.stderr.strip()[:500]}")
    else:
        raise BackupError(f"no restore method for {_vendor(alias)}")
    audit_record(actor=actor, action=AuditAction.RESTORE, detail={"bytes": path.stat().st_size})
