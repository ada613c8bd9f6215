# OPQ intranet: every set-up step is here, so a fresh Debian machine with Python 3.11 needs
# only `make run` (the intranet with demo data) or `make test` (the whole suite).
#
# When DATABASE_URL is not set, a project-local PostgreSQL is started (scripts/localdb.sh).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
SCALE ?= demo
BENCH_SCALE ?= demo

ifndef DATABASE_URL
LOCAL_DB := 1
export DATABASE_URL := $(shell scripts/localdb.sh url)
endif

.PHONY: setup deps db migrate seed run test bench lint messages check-deploy clean help
.PHONY: backup restore-drill pitr-drill

help:
	@echo "make run    - set up everything, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test   - set up everything and run the whole test suite"
	@echo "make setup  - virtualenv, Python and npm dependencies, database, migrations"
	@echo "make seed   - load demo data (SCALE=demo|full)"
	@echo "make bench  - benchmark the registered pages (BENCH_SCALE=demo|full)"
	@echo "make lint   - ruff"
	@echo "make serve  - the intranet under gunicorn, production settings, https://127.0.0.1:$(SERVE_PORT)"
	@echo "make backup - one dated, encrypted backup set in BACKUP_ROOT, then rotation"
	@echo "make restore-drill - back up, restore into a fresh database, compare: nothing lost"
	@echo "make pitr-drill - WAL archive + base backup, recover to a time before a DELETE"
	@echo "make failover-drill - primary killed under load, synchronous standby promoted: writes lost (0)"
	@echo "make audit  - known vulnerabilities in the pinned Python and npm packages"

# --- Dependencies -------------------------------------------------------------------------
$(BIN)/.installed: requirements.txt requirements-dev.txt scripts/system-deps.sh
	scripts/system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian packages, checked on every run (quick when all are there): a package removed since
# the virtualenv was made (Chromium, say) is installed again.
deps:
	scripts/system-deps.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

db:
ifdef LOCAL_DB
	scripts/localdb.sh start
endif

setup: deps $(BIN)/.installed node_modules/.installed db messages
	$(PY) manage.py migrate --noinput

messages: $(BIN)/.installed
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: setup

# --- Running --------------------------------------------------------------------------------
seed: setup
	$(PY) manage.py seed_demo --scale $(SCALE)

run: setup
	$(PY) manage.py seed_demo --scale demo --once
	$(PY) manage.py runserver $(HOST):$(PORT)

# --- Quality --------------------------------------------------------------------------------
test: deps $(BIN)/.installed node_modules/.installed db messages
	$(BIN)/pytest --create-db -n 2

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: setup
	DJANGO_SETTINGS_MODULE=opq_intranet.settings.bench $(PY) manage.py seed_demo --scale $(BENCH_SCALE) --once
	DJANGO_SETTINGS_MODULE=opq_intranet.settings.bench $(PY) manage.py bench

check-deploy: $(BIN)/.installed
	DJANGO_SETTINGS_MODULE=opq_intranet.settings.production \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=intranet.example \
	$(PY) manage.py check --deploy --fail-level WARNING

# --- Operations: deployment (issue 15) -------------------------------------------------------
# `make serve`: gunicorn with production settings on https://127.0.0.1:$(SERVE_PORT) (a
# self-signed certificate, a secret for the session), with make run's demo data.
# The production set-up itself (systemd, nginx) is in deploy/.
SERVE_PORT ?= 8001
.PHONY: serve
serve: setup
	$(PY) manage.py seed_demo --scale demo --once
	SERVE_PORT=$(SERVE_PORT) scripts/serve.sh

# --- Backups and the restore drill (issue 15, "Backups") -------------------------------------
# One dated, encrypted set into BACKUP_ROOT (BACKUP_KEY from the environment), then rotation.
backup: $(BIN)/.installed db
	$(PY) manage.py backup

# Back up this database, restore into a fresh one and a temporary file store, compare, drop.
restore-drill: $(BIN)/.installed db
	$(PY) manage.py restore_drill

# Point-in-time recovery from a base backup and the WAL archive, in a throw-away cluster.
pitr-drill:
	scripts/pitr-drill.sh

clean:
	rm -rf $(VENV) node_modules var/staticfiles

# --- Operations (issue 15): fail-over to the second site, security updates ------------------
# failover-drill: two PostgreSQL clusters on loopback (primary, synchronous standby), load through the
# application, primary killed, standby promoted; prints the recovery time and the writes lost (must be 0).
# Then the test's short version (it skips in `make test`: minutes, not seconds). DRILL_ARGS=--async compares.
# audit: known vulnerabilities in the pinned Python and npm packages; exit 1 if any, 3 if a database is unreachable.
DRILL_ARGS ?=
.PHONY: failover-drill audit
failover-drill: deps $(BIN)/.installed
	$(PY) scripts/failover_drill.py $(DRILL_ARGS)
	FAILOVER_DRILL=1 $(BIN)/pytest -p no:cacheprovider -q tests/operations/test_failover_drill.py

audit: $(BIN)/.installed node_modules/.installed
	$(PY) scripts/audit.py
