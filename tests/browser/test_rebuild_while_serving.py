"""Rebuilding the database while the app serves: `python -m dashboard build --db PATH` replaces the
file with os.replace. An open session shows the new figures at its next rerun (here: a period
change), a new session shows them at once, and no page shows an error. A rebuild that fails leaves
the served file byte-identical and every session working on the last good data."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.core.paths import ROOT
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, WAIT_FOR_CHARTS, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
sync_api = pytest.importorskip("playwright.sync_api")

ROW = "cepa_microchip_share_2023,"  # the Overview card "China's share of Russia's microchip imports (2023)"
CARD = "microchip"
PERIOD_LABELS = {"all": "All periods", "since_2022": "Since 24 Feb 2022"}  # the periods that show the card

# A headline tile's figure: the one value whose surrounding box (the nearest ancestor holding no
# other figure) also holds the label.
CARD_VALUE = """(label) => {
  const values = [...document.querySelectorAll('[data-testid="stMetricValue"]')];
  const value = values.find(v => {
    for (let el = v.parentElement; el && el.querySelectorAll('[data-testid="stMetricValue"]').length === 1; el = el.parentElement)
      if (el.innerText.includes(label)) return true;
    return false;
  });
  return value ? value.innerText.trim() : null;
}"""

SHOWN = """([label, expected]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running' || document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-testid="stException"]')) return true;  // fail fast, with the error
  return (""" + CARD_VALUE + """)(label) === expected;
}"""


def _edit_share(data_dir: Path, old: str, new: str) -> None:
    """Change the share_pct cell of the card's row (the quote stays verbatim: the build checks it)."""
    path = data_dir / "supply_dependencies.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(ROW)]
    assert len(hits) == 1, f"{path} has no single row {ROW!r}"
    line = lines[hits[0]]
    assert f",stated,{old}," in line, line
    lines[hits[0]] = line.replace(f",stated,{old},", f",stated,{new},", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def _build(db: Path, copy: Path) -> subprocess.CompletedProcess:
    """What an operator runs while the app serves."""
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "build", "--db", str(db), "--data-dir", str(copy / "data"), "--queries-dir", str(copy / "queries")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _card(page) -> str:
    return page.evaluate(CARD_VALUE, CARD) or "(no card)"


def _expect(page, value: str, what: str) -> None:
    try:
        page.wait_for_function(SHOWN, arg=[CARD, value], timeout=60_000, polling=250)
    except sync_api.TimeoutError:
        pytest.fail(f"{what}: the card shows {_card(page)!r}, expected {value!r}")
    page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000, polling=250)
    assert page.locator('[data-testid="stException"]').count() == 0, f"{what}: " + page.locator('[data-testid="stException"]').first.inner_text()
    assert page.locator('[data-testid="stAlert"]').filter(has_text="error").count() == 0, f"{what}: " + page.locator('[data-testid="stAlert"]').first.inner_text()
    assert _card(page) == value, what


def _choose_period(page, period: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"] label').filter(has_text=PERIOD_LABELS[period]).click()
    page.wait_for_function("(p) => new URLSearchParams(location.search).get('period') === p", arg=period, timeout=30_000, polling=100)


@pytest.fixture
def served(project_copy, tmp_path):
    db = tmp_path / "served" / "dashboard.duckdb"
    db.parent.mkdir()
    done = _build(db, project_copy)
    assert done.returncode == 0, done.stderr
    with serve(db) as app:
        yield app, db, project_copy


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, base: str, period: str):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/?period={period}")
    return context, page, errors


def test_rebuild_while_serving(served, browser):
    app, db, copy = served
    old = _card_value_in_copy(copy)
    new = "77" if old != "77" else "78"

    context, page, errors = _open(browser, app.base, "all")
    try:
        _expect(page, f"{old}%", "before the rebuild")

        _edit_share(copy / "data", old, new)
        done = _build(db, copy)
        assert done.returncode == 0, done.stderr

        # The open session, at its next rerun: the new figure, no error.
        _choose_period(page, "since_2022")
        _expect(page, f"{new}%", "the open session after the rebuild")
        # A new session.
        other, page2, errors2 = _open(browser, app.base, "all")
        try:
            _expect(page2, f"{new}%", "a new session after the rebuild")
        finally:
            other.close()

        # A rebuild that fails: the served file stays byte-identical, sessions keep the last good data.
        before = _sha(db)
        path = copy / "data" / "supply_dependencies.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(f"{ROW}china_share_of_russia_microchip_imports,microchips,2023,stated,{new},", f"{ROW}china_share_of_russia_microchip_imports,microchips,2023,stated,eighty,", 1), encoding="utf-8")
        failed = _build(db, copy)
        assert failed.returncode == 2, (failed.returncode, failed.stdout, failed.stderr)
        assert "supply_dependencies.csv" in failed.stderr, failed.stderr
        assert _sha(db) == before, "a failed build changed the served database"
        assert not [p for p in db.parent.iterdir() if p.name != db.name and not p.name.endswith(".lock")], list(db.parent.iterdir())

        _choose_period(page, "all")
        _expect(page, f"{new}%", "the open session after a failed rebuild")
        other, page3, errors3 = _open(browser, app.base, "since_2022")
        try:
            _expect(page3, f"{new}%", "a new session after a failed rebuild")
        finally:
            other.close()
        assert not errors + errors2 + errors3, errors + errors2 + errors3
        log = app.log.read_text(errors="replace")
        assert "Traceback" not in log, log[-3000:]
    finally:
        context.close()


def _card_value_in_copy(copy: Path) -> str:
    line = next(line for line in (copy / "data" / "supply_dependencies.csv").read_text(encoding="utf-8").split("\n") if line.startswith(ROW))
    share = line.split(",")[5]
    assert share.isdigit(), line
    return share
