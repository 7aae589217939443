#!/usr/bin/env bash
# Stop the cluster scripts/pg-start.sh started, and remove its data directory.
set -euo pipefail
PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
PGPORT=${PGPORT:-5433}
PGDATA=${PGDATA:-/tmp/samensterk-pgdata-$PGPORT}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -s "$PGDATA/PG_VERSION" ]; then
  as_pg "/usr/lib/postgresql/$PGVER/bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
fi
