# The README's commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres lint format messages install browser clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## run: set up (virtualenv, install, migrate, demo content, admin login) and serve on :8000,
##      with the background worker (email goes to this console) beside the server
run: $(STAMP)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) demo_admin
	$(MANAGE) db_worker --backend database --queue-name "*" --reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000

## browser: Debian's Chromium for the browser tests (Playwright cannot download one here)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "Install Chromium (apt-get install chromium) for the browser tests."; exit 1; fi; }

## test: the whole suite (SQLite unless DATABASE_URL is set)
test: $(STAMP) browser
	$(BIN)/pytest

## test-postgres: the suite on the local PostgreSQL server, without the browser tests (they
##                check templates, scripts and axe, which do not depend on the database)
test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -m "not browser"

## lint: ruff, template formatting, Django checks, migrations and translations up to date
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) --no-print-directory messages
	git diff --exit-code -I '^"POT-Creation-Date' -- site/website/locale || \
		{ echo "Interface strings changed: commit the output of 'make messages'."; exit 1; }

## format: apply ruff and djhtml formatting
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

## messages: refresh the interface strings for translators, then compile them
messages: $(STAMP)
	$(MANAGE) makemessages --locale pl --locale ar --ignore ".venv/*" --ignore "frontend/*" --ignore "build/*" --no-location --no-obsolete
	$(MANAGE) compilemessages --ignore ".venv/*"

## bench: pages under wrk load, gunicorn (production settings) vs the same HTML on nginx (~3 min)
bench: $(STAMP)
	$(MANAGE) bench

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
