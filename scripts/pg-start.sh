#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 under /tmp (no systemd). Prints the export line.
# PGDATA sits under /tmp: the postgres user cannot traverse a checkout under /root.
set -euo pipefail
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
PGBIN=/usr/lib/postgresql/$PGVER/bin
PGPORT=${PGPORT:-5433}
PGDATA=${PGDATA:-/tmp/samensterk-pgdata-$PGPORT}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ "$(id -u)" -eq 0 ]; then install -d -m 700 -o postgres -g postgres "$PGDATA"; else install -d -m 700 "$PGDATA"; fi
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt <<SQL
SELECT 'CREATE ROLE samensterk LOGIN PASSWORD ''samensterk'' CREATEDB'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname='samensterk') \gexec
SELECT 'CREATE DATABASE samensterk OWNER samensterk'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='samensterk') \gexec
SQL
echo "export DATABASE_URL=postgres://samensterk:samensterk@127.0.0.1:$PGPORT/samensterk"
