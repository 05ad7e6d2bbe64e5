# Clearway. `make run` serves the demo council; `make test` runs every test.
# Both set up what they need on a fresh machine, so they are safe to run first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.12, as .python-version says: pyenv's if present, else a python3.12 on the PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.12)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgres://clearway:clearway@127.0.0.1:5432/clearway
# Where `make run`, `make dev` and `make serve` listen: `make run PORT=8001`, or HOST/PORT in
# the environment.
HOST ?= 127.0.0.1
PORT ?= 8000
# The browser tests use Debian's Chromium and chromedriver; Selenium must never download one.
export SE_OFFLINE := true

.PHONY: help run dev serve test test-sqlite test-postgres lint format check bench demo clean

help:
	@echo "make run    set up, seed the demo council and serve it on http://127.0.0.1:8000/ (this machine only)"
	@echo "make dev    the same with Django's debug pages, for developers"
	@echo "make serve  the production stack: gunicorn and a task worker (docs/deployment.md)"
	@echo "make test   set up and run every test, on SQLite and on PostgreSQL"
	@echo "make lint   ruff, import-linter, mypy, Django's system and migrations checks"
	@echo "make bench  page weight, SQL queries, CPU and cached throughput figures"

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 not found: install it (pyenv install 3.12) and retry." >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed
	@bash scripts/ensure-pango.sh

# Both serve on 127.0.0.1 only, for this machine. `run` shows residents' pages (the site's own
# 404 and 500); `dev` shows Django's debug pages (tracebacks, SQL, URL lists) to developers.
run: SETTINGS := clearway.settings.local
dev: SETTINGS := clearway.settings.dev
run dev: install
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) migrate --no-input
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) seed_demo --if-empty --with-examples
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) ensure_superuser
	DJANGO_SETTINGS_MODULE=$(SETTINGS) HOST=$(HOST) PORT=$(PORT) bash scripts/run.sh

# The production stack on this machine: gunicorn and a task worker with the production
# settings, static files compressed and hashed by collectstatic. Needs DJANGO_SECRET_KEY and
# DJANGO_ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL); says which is missing and stops.
serve: SETTINGS := clearway.settings.production
serve: install
	@DJANGO_SETTINGS_MODULE=$(SETTINGS) bash scripts/serve.sh --check
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) migrate --no-input
	DJANGO_SETTINGS_MODULE=$(SETTINGS) $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=$(SETTINGS) HOST=$(HOST) PORT=$(PORT) bash scripts/serve.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=council.example \
	DJANGO_SETTINGS_MODULE=clearway.settings.production $(PY) manage.py check --deploy --fail-level WARNING

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: install lint
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-postgres.sh
	$(MAKE) --no-print-directory test-sqlite test-postgres

test-sqlite: install
	@echo "== tests on SQLite"
	$(VENV)/bin/pytest

test-postgres: install
	@echo "== tests on PostgreSQL"
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest

bench: install
	bash scripts/ensure-wrk.sh
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) node_modules static_collected .pytest_cache .ruff_cache
