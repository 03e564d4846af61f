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
PORT ?= 8000
# The Debian packages PDFs need, one a line (make debian-packages reads them).
DEBIAN_PACKAGES ?= workbench/pdf/DEBIAN_PACKAGES

.PHONY: install debian-packages run test lint format serve clean

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

install: debian-packages $(STAMP)
	@mkdir -p var
	$(DEV) $(BIN)/python manage.py migrate --noinput

# The Debian packages the PDF one-pager needs (Pango, HarfBuzz, fonts): installed here when run as root with apt,
# otherwise the one command to run is printed and make stops. Not a Debian machine (no dpkg): nothing checked.
debian-packages:
	@command -v dpkg >/dev/null || exit 0; \
	missing=$$(for package in $$(grep -v '^#' $(DEBIAN_PACKAGES)); do \
	  dpkg -s $$package >/dev/null 2>&1 || printf '%s ' $$package; done); \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing the Debian packages PDF one-pagers need: $$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing >/dev/null \
	  || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing >/dev/null; }; \
	else \
	  echo "PDF one-pagers need Debian packages that are not installed. Run this once, then make again:"; \
	  echo "  sudo apt-get install -y --no-install-recommends $$missing"; exit 1; \
	fi

# The web server and one task worker (renders one-pagers, sends e-mail) together; Ctrl-C stops both.
run: install
	$(DEV) $(BIN)/python manage.py load_examples
	$(DEV) $(BIN)/python manage.py create_demo
	@$(DEV) $(BIN)/python manage.py pdf_check || true
	@echo "  Open http://127.0.0.1:$(PORT) and sign in with the demo login above. Ctrl-C stops the server and the worker."
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(BIN)/python manage.py worker & worker=$$!; \
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production mode: DEBUG off, settings from the environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, ...).
# This runs the web server only. Run the task worker beside it (a service of its own, one or more per machine,
# same environment):   .venv/bin/python manage.py worker
# Without a worker, PDFs stay "Preparing" and e-mail waits in the queue (README, "Deployment").
serve: $(STAMP)
	@test -n "$$SECRET_KEY" || { echo "make serve needs SECRET_KEY (and ALLOWED_HOSTS) in the environment; see README"; exit 2; }
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	@$(BIN)/python manage.py pdf_check || true
	@echo "  Web server only: start the task worker with  $(BIN)/python manage.py worker  (see README, Deployment)."
	$(BIN)/gunicorn workbench.wsgi --bind $(BIND) --workers $(WORKERS) --threads 4 --access-logfile - --timeout 60

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The suite runs on every core (pytest-xdist; idle workers take tests from busy ones); PYTEST_ARGS="-n 0" runs it in one process.
PYTEST_ARGS ?= -n auto --dist worksteal

test: install lint
	@if [ -x $(CHROMIUM) ]; then echo "Browser tests: running in $(CHROMIUM)"; \
	else echo "Browser tests: SKIPPED, no Chromium at $(CHROMIUM) (apt-get install chromium; .ci/run does)"; fi
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
