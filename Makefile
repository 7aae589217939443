# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast setup venv deps system-deps messages content demo lint clean

## make run: venv, install, migrate, translations, toolkit content, demo data, serve on 127.0.0.1:8000
run: setup
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput -v0
	DJANGO_DEBUG=1 $(PY) manage.py load_toolkit
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	@echo ""
	@echo "  Samen Sterk met Werk is running at http://$(HOST):$(PORT)/"
	@echo "  Demo logins (fictional): see README. Stop with Ctrl+C."
	@echo ""
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## make test: everything the tests need, then lint, migrations check, messages, and the suite
## on SQLite and on a PostgreSQL server that scripts/pg-start.sh starts under /tmp and stops.
## scripts/test.sh runs the set-up too, as its first stages, so that their time is printed.
test:
	bash scripts/test.sh

## make test-fast: ruff and every test except the browser ones, on SQLite (the loop while working)
test-fast: setup
	bash scripts/test.sh fast

setup: venv deps messages

venv:
	@test -x $(PY) || python3 -m venv $(VENV)

deps: venv
	@$(PY) -m pip install -q --disable-pip-version-check -e ".[dev]" 2>&1 | grep -v "^WARNING: Location 'file://" || true

# Debian packages the tests need; installed only when running as root and missing.
system-deps:
	@bash scripts/system-deps.sh

messages: venv
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm artifacts staticfiles
