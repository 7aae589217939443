#!/usr/bin/env bash
# The whole check, as `make test` runs it (`scripts/test.sh fast` is `make test-fast`). Every stage
# prints its duration, wall clock and CPU time of the processes it ran (on a shared machine the CPU
# time varies less), and the summary at the end lists them all, the failed one too. The first
# failing stage stops the script with its exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
V=.venv/bin
MODE=${1:-full}
SUMMARY=()
T0=$EPOCHREALTIME

TIMES=$(mktemp)
CPU=0
read_cpu() {  # CPU = user + system seconds of every finished child process so far
  times >"$TIMES"  # in this shell: `times` inside $(...) would see only the subshell's children
  CPU=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$TIMES")
}

# stage NAME COMMAND...: run one stage and note how long it took.
stage() {
  local name=$1 start cpu rc=0 wall line
  shift
  echo "== $name"
  start=$EPOCHREALTIME
  read_cpu
  cpu=$CPU
  "$@" || rc=$?
  wall=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  read_cpu
  cpu=$(awk -v a="$cpu" -v b="$CPU" 'BEGIN { printf "%.1f", b - a }')
  line=$(printf '%8ss wall %8ss cpu  %s' "$wall" "$cpu" "$name")
  [ "$rc" -eq 0 ] || line="$line  FAILED (exit $rc)"
  SUMMARY+=("$line")
  echo "-- $name: ${wall}s wall, ${cpu}s cpu"
  return "$rc"
}

summary() {
  local rc=$?
  rm -f "$TIMES"
  echo ""
  echo "== stage durations ($MODE)"
  printf '%s\n' "${SUMMARY[@]}"
  awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%8.1fs wall in all\n", b - a }'
  return "$rc"
}
trap summary EXIT

# DEBUG stays off in the tests, as in production; the app refuses the development key without
# DEBUG, so the management commands below get a throwaway key (core/checks.py).
secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(50))'; }
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-test-only-$(secret)}"

# The tests without a browser run on both cores (pytest-xdist): about half the wall time of one
# process. The browser tests stay in one process: each already keeps Chromium and the live server busy.
XDIST=(-n "${TEST_WORKERS:-2}")
SLOWEST=(--durations=15)

if [ "$MODE" = fast ]; then
  # `make test-fast`: the loop while working; lint and every test but the browser ones, on SQLite.
  stage "ruff" bash -c "$V/ruff check . && $V/ruff format --check ."
  stage "import contracts" $V/lint-imports --no-cache
  stage "tests without a browser on SQLite" env -u DATABASE_URL $V/pytest -q "${XDIST[@]}" -m "not browser" "${SLOWEST[@]}"
  exit 0
fi

stage "system packages (Debian, when root and missing)" bash scripts/system-deps.sh
stage "set-up (.venv, dependencies, translations)" make -s setup
stage "ruff" bash -c "$V/ruff check . && $V/ruff format --check ."
stage "import contracts (layers point down; pyproject.toml)" $V/lint-imports --no-cache
stage "bandit (security lint of our code; settings in pyproject.toml)" \
  $V/bandit -c pyproject.toml -r samensterk benchmarks scripts manage.py -q
stage "migrations are complete" $V/python manage.py makemigrations --check --dry-run
stage "translations compile" $V/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0
stage "deploy checks (production settings)" \
  env DJANGO_SECURE=1 DJANGO_SECRET_KEY="$(secret)" $V/python manage.py check --deploy --fail-level WARNING

stage "SQLite: tests without a browser" env -u DATABASE_URL $V/pytest -q "${XDIST[@]}" -m "not browser" "${SLOWEST[@]}"
stage "SQLite: browser tests" env -u DATABASE_URL $V/pytest -q -m browser "${SLOWEST[@]}"

# PostgreSQL: only what can differ between the databases, the tests that use one (and one browser
# journey, marked pg_smoke); the tests without a database ran above and would give the same result.
export PGPORT=${PGPORT:-5433}
export PGDATA=/tmp/samensterk-pgdata-$PGPORT-$$
trap 'bash scripts/pg-stop.sh; summary' EXIT
start_postgres() {  # runs in this shell: the DATABASE_URL it exports is the one pytest gets below
  local line
  line=$(bash scripts/pg-start.sh | tail -1) || return
  eval "$line"
}
stage "PostgreSQL: start" start_postgres
# pytest-django gives each xdist worker its own test database (test_samensterk_gw0, _gw1).
stage "PostgreSQL: database tests and the pg_smoke journey" $V/pytest -q "${XDIST[@]}" --db-only "${SLOWEST[@]}"
