# Mission Workbench: `make run` to try it, `make test` to check it. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
# Local development runs with DEBUG on; production reads SECRET_KEY and friends from the environment.
DEV := DEBUG=1

BIND ?= 127.0.0.1:8000
WORKERS ?= 3

.PHONY: install run test lint format serve clean

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)
	@mkdir -p var
	$(DEV) $(BIN)/python manage.py migrate --noinput

run: install
	$(DEV) $(BIN)/python manage.py load_examples
	$(DEV) $(BIN)/python manage.py create_demo
	@echo "  Open http://127.0.0.1:8000 and sign in with the demo login above."
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production mode: DEBUG off, settings from the environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, ...).
serve: $(STAMP)
	@test -n "$$SECRET_KEY" || { echo "make serve needs SECRET_KEY (and ALLOWED_HOSTS) in the environment; see README"; exit 2; }
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/gunicorn workbench.wsgi --bind $(BIND) --workers $(WORKERS) --threads 4 --access-logfile - --timeout 60

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install lint
	@if [ -x $(CHROMIUM) ]; then echo "Browser tests: running in $(CHROMIUM)"; \
	else echo "Browser tests: SKIPPED, no Chromium at $(CHROMIUM) (apt-get install chromium; .ci/run does)"; fi
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
