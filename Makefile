# Kinerja Puskesmas: `make demo` runs the system, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
KINERJA := $(BIN)/kinerja
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1:8000

.PHONY: demo serve test test-sqlite test-postgres lint bench system-deps browser-deps clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || PYTHON=python3; $${PYTHON:-$(PYTHON)} -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

# Debian libraries WeasyPrint needs for PDF reports, and gettext for the English translation.
system-deps:
	@if ! ldconfig -p | grep -q libpango-1.0 || ! command -v msgfmt >/dev/null; then \
		echo "Installing system libraries (pango, gettext)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext >/dev/null; \
	fi

browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

var/.compiled: $(VENV)/.installed $(wildcard src/kinerja/locale/*/LC_MESSAGES/django.po)
	@mkdir -p var
	@if compgen -G "src/kinerja/locale/*/LC_MESSAGES/django.po" >/dev/null; then cd src/kinerja && ../../$(KINERJA) compilemessages -v 0; fi
	@touch $@

demo: system-deps $(VENV)/.installed var/.compiled
	$(KINERJA) migrate --no-input -v 0
	$(KINERJA) load-demo
	@echo ""
	@echo "Kinerja Puskesmas is running at http://$(HOST)/  (Ctrl+C to stop)"
	@echo "Demo logins (password for all: demo-kinerja-2026):"
	@echo "  dinkes.admin     district administrator"
	@echo "  dinkes.program   district programme manager"
	@echo "  dinkes.supervisi supervisor"
	@echo "  kapus.sukamaju   head of Puskesmas Sukamaju"
	@echo "  operator.sukamaju operator of Puskesmas Sukamaju"
	$(KINERJA) runserver $(HOST) --insecure

serve: $(VENV)/.installed var/.compiled
	$(KINERJA) runserver $(HOST) --insecure

lint: $(VENV)/.installed
	$(BIN)/ruff check src
	$(BIN)/ruff format --check src
	$(KINERJA) makemigrations --check --dry-run -v 1

test-sqlite: $(VENV)/.installed var/.compiled
	$(BIN)/pytest -q -n 2 --dist loadfile

# PostgreSQL: required in CI (CI=true), skipped with a notice elsewhere when it is unreachable.
test-postgres: $(VENV)/.installed var/.compiled
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -n 2 --dist loadfile; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL at $(PG_URL) is unreachable: in CI this is an error."; exit 1; \
	else \
		echo "PostgreSQL at $(PG_URL) is unreachable: skipping the PostgreSQL run (set PG_URL to point at one)."; \
	fi

test: system-deps browser-deps lint test-sqlite test-postgres

bench: $(VENV)/.installed
	$(BIN)/python -m kinerja.bench

clean:
	rm -rf $(VENV) var
