#!/usr/bin/env bash
# The whole check, as `make test` runs it. Each check on its own line: with `set -e` a failure on
# the left of `&&` would not stop the script.
set -euo pipefail
cd "$(dirname "$0")/.."
V=.venv/bin
# DEBUG stays off in the tests, as in production; the app refuses the development key without
# DEBUG, so the management commands below get a throwaway key (core/checks.py).
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-test-only-$($V/python -c 'import secrets; print(secrets.token_urlsafe(40))')}"

echo "== ruff"
$V/ruff check .
$V/ruff format --check .

echo "== bandit (security lint of our code; settings in pyproject.toml)"
$V/bandit -c pyproject.toml -r samensterk benchmarks scripts manage.py -q

echo "== migrations are complete"
$V/python manage.py makemigrations --check --dry-run

echo "== translations compile"
$V/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

echo "== deploy checks (production settings)"
DJANGO_SECURE=1 DJANGO_SECRET_KEY="$($V/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  $V/python manage.py check --deploy --fail-level WARNING

echo "== test suite on SQLite"
env -u DATABASE_URL $V/pytest -q

echo "== test suite on PostgreSQL"
export PGPORT=${PGPORT:-5433}
export PGDATA=/tmp/samensterk-pgdata-$PGPORT-$$
trap 'bash scripts/pg-stop.sh' EXIT
eval "$(bash scripts/pg-start.sh | tail -1)"
$V/pytest -q
