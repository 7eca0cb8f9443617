"""The Data page's downloads in real headless Chromium: open a filtered link, set one more filter,
click each download (CSV, Excel, Parquet, ZIP bundle), check the files (BOM, header, row count =
the count shown, ZIP contents, each the same bytes as `python -m dashboard export`), and check that
the click neither reran nor reset the page."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import bundle, export
from tests.helpers.browser import serve

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

LINK = "/data?relation=exercise_list&period=since_2022&kind=patrol&kind=bomber_patrol"
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.getAttribute('data-test-script-state') !== 'running' && !document.querySelector('[data-testid="stStatusWidget"]')
    && document.querySelector('[data-testid="stMetricValue"]') !== null;
}"""
COUNT_RERUNS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__reruns = 0;
  new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') window.__reruns++; })
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


@pytest.fixture(scope="module")
def app_url(built_db):
    if "web/pages/data_explorer.py" not in (ROOT / "dashboard" / "app.py").read_text(encoding="utf-8"):
        if os.environ.get("CI"):
            pytest.fail("dashboard/app.py does not register web/pages/data_explorer.py (url_path 'data')")
        pytest.skip("the Data page is not registered in dashboard/app.py yet")
    with serve(built_db) as base:
        yield base


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), data[:20]
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _state(page) -> tuple:
    return page.url, page.locator('[data-testid="stMetricValue"]').inner_text(), page.get_by_label("Text", exact=True).input_value(), page.locator(".st-key-kind").inner_text()


def test_downloads_hold_the_rows_shown(app_url, browser, database, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(app_url + LINK)
        page.wait_for_function(IDLE, timeout=60_000, polling=250)
        box = page.get_by_label("Text", exact=True)
        box.fill("sea")
        box.press("Enter")
        page.wait_for_function("() => location.search.includes('q=sea')", timeout=30_000, polling=100)
        page.wait_for_function(IDLE, timeout=60_000, polling=250)
        page.wait_for_timeout(500)
        assert page.locator('[data-testid="stException"]').count() == 0
        shown = int(page.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))
        assert shown > 0
        before = _state(page)
        page.evaluate(COUNT_RERUNS)

        files = {}
        chosen = export.choose(database, "exercise_list", "since_2022", values={"kind": ["patrol", "bomber_patrol"]}, text="sea")
        for fmt, label in (("csv", "Download CSV"), ("xlsx", "Download Excel"), ("parquet", "Download Parquet"), ("zip", "Download ZIP bundle")):
            with page.expect_download(timeout=60_000) as info:
                page.get_by_role("button", name=label, exact=True).click()
            download = info.value
            assert download.suggested_filename == bundle.download_name(database, chosen, fmt)
            files[fmt] = Path(download.path()).read_bytes()
            assert files[fmt] == bundle.download(database, chosen, fmt).data, f"the page's {fmt} differs from the command line's"
            page.wait_for_timeout(500)

        header, *rows = _rows(files["csv"])
        assert header == database.columns["exercise_list"]
        assert len(rows) == shown
        assert all(r[header.index("period_id")] == "since_2022" and r[header.index("kind")] in ("patrol", "bomber_patrol") for r in rows)

        z = zipfile.ZipFile(io.BytesIO(files["zip"]))
        csv_name = bundle.download_name(database, chosen, "csv")
        assert sorted(z.namelist()) == sorted([csv_name, "sources.csv", "datapackage.json", "README.txt"])
        assert z.read(csv_name) == files["csv"]
        assert [f["name"] for f in json.loads(z.read("datapackage.json"))["resources"][0]["schema"]["fields"]] == header
        readme = z.read("README.txt").decode("utf-8")
        assert "kind: bomber_patrol or patrol" in readme and "'sea'" in readme and f"Rows: {shown}" in readme

        assert page.evaluate("window.__reruns") == 0, "a download click reran the page"
        assert _state(page) == before, "the page changed after a download"
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
