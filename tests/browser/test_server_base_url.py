"""A page at a sub-path asks the server's right address first (dashboard/server.py): Streamlit's
client, without window.__streamlit.BACKEND_BASE_URL, first asks /<page>/_stcore/health, gets a
404 and waits 100 ms before asking /_stcore/health, on every page but the Overview."""

from __future__ import annotations

import urllib.request

import pytest

from tests.helpers.browser import PAGE_PATHS, open_page, page_url


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as r:
        return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()


@pytest.mark.parametrize("title", ["Arms transfers", "Incidents", "Overview"])
def test_a_page_asks_no_wrong_address(browser, app_url, title):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    failed: list[str] = []
    health: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: health.append(r.url) if r.url.endswith("/_stcore/health") else None)
    try:
        open_page(page, page_url(app_url.base, PAGE_PATHS[title]))
        assert page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text().strip()
    finally:
        context.close()
    assert failed == [], f"{title}: requests that failed: {failed}"
    assert health == [app_url.base + "/_stcore/health"], f"{title}: health asked at {health}"


def test_the_page_html_carries_the_address_and_nothing_else_changes(app_url):
    status, headers, html = _get(app_url.base + "/arms-transfers", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert html.startswith(b"<!") or b"<head>" in html
    head = html.split(b"<head>", 1)[1]
    assert head.startswith(b'<script>window.__streamlit=window.__streamlit||{BACKEND_BASE_URL:new URL("/",window.location.origin).href};</script>')
    assert int(headers["content-length"]) == len(html)
    assert html.count(b"<script>window.__streamlit") == 1  # once, however the page is reached
    # Streamlit's own routes pass through untouched (the health check, the client's code).
    assert _get(app_url.base + "/_stcore/health")[2] == b"ok"
    script = next(part.split(b'"', 1)[0] for part in html.split(b'src="')[1:] if part.split(b'"', 1)[0].endswith(b".js"))
    src = script.decode()
    status, headers, body = _get(app_url.base + (src if src.startswith("/") else "/" + src.lstrip("./")))
    assert status == 200 and b"__streamlit" in body and b"BACKEND_BASE_URL:new URL" not in body


def test_a_revalidated_page_stays_a_304(app_url):
    """The browser revalidates the Overview's page (Cache-Control: no-cache): the answer stays an
    empty 304, and its own copy, which has the script, is used. (Streamlit answers a page at a
    sub-path with its HTML page and a 200 every time.)"""
    import urllib.error

    _, headers, _ = _get(app_url.base + "/")
    assert headers.get("etag")
    try:
        status, _, body = _get(app_url.base + "/", {"If-None-Match": headers["etag"]})
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    assert (status, body) == (304, b"")
