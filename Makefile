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
	@echo "make backup - one dated, encrypted backup set in BACKUP_ROOT, then rotation"
	@echo "make restore-drill - back up, restore into a fresh database, compare: nothing lost"
	@echo "make pitr-drill - WAL archive + base backup, recover to a time before a DELETE"

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
