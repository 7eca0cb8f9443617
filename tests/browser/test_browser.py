"""Every page in real headless Chromium: charts drawn, no exception, no console error, no request
to any host but localhost; a screenshot of each page at two sizes for review."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.helpers.browser import PAGE_PATHS, SCREENSHOTS, WAIT_FOR_CHARTS

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


def _visit(browser, url, *, size, scheme="light"):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme)
    page = context.new_page()
    problems, outside, probes = [], [], []
    # Streamlit's frontend first probes <page path>/_stcore/{health,host-config} and falls back to
    # the root when they answer 404; those probes (and the console lines they cause) are expected.
    page.on("response", lambda r: probes.append(r.url) if r.status == 404 and "/_stcore/" in r.url else None)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("localhost", "127.0.0.1", None) and not r.url.startswith(("data:", "blob:")) else None)
    page.goto(url)
    page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000, polling=250)
    page.wait_for_timeout(300)
    expected = [p for p in problems if "Failed to load resource" in p and "404" in p][: len(probes)]
    problems[:] = [p for p in problems if p not in expected]
    assert all(urlparse(u).path.rsplit("/_stcore/", 1)[1] in ("health", "host-config") for u in probes), probes
    return context, page, problems, outside


@pytest.mark.parametrize("title", list(PAGE_PATHS))
def test_page_draws_in_chromium(title, app_url, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size_name, size in SIZES.items():
        for scheme in ("light", "dark") if size_name == "1366x768" else ("light",):
            context, page, problems, outside = _visit(browser, f"{app_url}/{PAGE_PATHS[title]}", size=size, scheme=scheme)
            try:
                assert page.locator('[data-testid="stException"]').count() == 0, page.locator('[data-testid="stException"]').first.inner_text()
                assert page.get_by_text("Page not found").count() == 0, "the page path is not served"
                assert page.locator("h1").first.inner_text().strip(), "the page has no title"
                page.screenshot(path=str(SCREENSHOTS / f"{PAGE_PATHS[title] or 'overview'}_{size_name}_{scheme}.png"), full_page=True)
                assert not problems, problems
                assert not outside, f"requests outside localhost: {outside}"
            finally:
                context.close()
