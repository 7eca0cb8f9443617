# Two commands do all the set-up on a fresh machine:
#   make run   — create .venv, install, build the database, serve http://localhost:8501
#   make test  — the same set-up (plus LibreOffice for the file tests), then every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= var/dashboard.duckdb
PORT   ?= 8501

.PHONY: run test build install install-test debian-run debian-test bench clean lock upgrade plotly-bundle

# Installs come from the lock files (exact versions, with hashes), so a fresh machine gets what the
# tests passed with; the project itself is installed without dependencies. `make upgrade` is the
# one deliberate way to move versions.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test debian-test

# Debian packages. The app renders server-side images and briefing decks with kaleido, which drives
# Debian's Chromium (Playwright cannot download browsers here); the tests also open exported files
# and decks in LibreOffice Calc and Impress, as an analyst or briefer would.
DEB_RUN  := chromium fonts-liberation
DEB_TEST := $(DEB_RUN) libreoffice-calc-nogui libreoffice-impress-nogui
define apt_install
	@if ! dpkg -s $(1) >/dev/null 2>&1; then \
	  echo "installing Debian packages: $(1) (needs root)"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null; \
	fi
endef
debian-run:
	$(call apt_install,$(DEB_RUN))
debian-test:
	$(call apt_install,$(DEB_TEST))

build: install
	$(PY) -m dashboard build --db $(DB)

run: build debian-run
	DASHBOARD_DB=$(DB) $(VENV)/bin/streamlit run dashboard/server.py --server.port $(PORT)

test: install-test
	$(PY) -m pytest

bench: install-test
	$(PY) -m bench

# Re-resolve the lock files from pyproject.toml's ranges (UPGRADE=1: newest versions allowed),
# with hashes, for Python 3.11 (uv is a tool of this step only, not of the app).
LOCK_FLAGS = --quiet --generate-hashes --python-version 3.11 --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.installed
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra test $(LOCK_FLAGS) -o requirements-test.lock

# The deliberate upgrade: newest allowed versions into the locks, a clean venv from them, all tests.
upgrade:
	$(MAKE) lock UPGRADE=1
	rm -rf $(VENV)
	$(MAKE) test

# The charts' plotly.js bundle (dashboard/static/vendor/, committed; vendor/plotly/README.md):
# rebuilt only to move plotly.js or add a trace type. Needs Node.js >= 20 and npm; nothing else does.
plotly-bundle:
	cd vendor/plotly && npm ci --no-audit --no-fund && node build.js

clean:
	rm -rf $(VENV) var build tests/screenshots
