# Two commands do all the set-up on a fresh machine:
#   make run   — create .venv, install, build the database, serve http://localhost:8501
#   make test  — the same set-up (plus Chromium for browser tests), then every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= var/dashboard.duckdb
PORT   ?= 8501

.PHONY: run test build install install-test chromium bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test chromium

# Debian packages the tests need: Chromium for the browser tests (Playwright cannot download
# browsers here) and LibreOffice Calc to open exported CSV files as an analyst would.
DEB_PACKAGES := chromium libreoffice-calc-nogui fonts-liberation
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/soffice ]; then \
	  echo "installing Debian packages: $(DEB_PACKAGES) (needs root)"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PACKAGES) >/dev/null; \
	fi

build: install
	$(PY) -m dashboard build --db $(DB)

run: build
	DASHBOARD_DB=$(DB) $(VENV)/bin/streamlit run dashboard/app.py --server.port $(PORT)

test: install-test
	$(PY) -m pytest

bench: install-test
	$(PY) -m bench

clean:
	rm -rf $(VENV) var build tests/screenshots
