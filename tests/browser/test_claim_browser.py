"""A claim card's URL in a fresh browser (no session, no cookies, nothing clicked before): the
card shows its quote and the citation to copy, and a panel's card link leads to it."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tests.helpers.browser import open_page

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

CLAIM = "doc_arms_transfers:cepa_combat_aircraft_1992_2014"
QUOTE = "between 1992 and 2014, Russia supplied China with over 100 combat aircraft, including Su-27 and Su-30 fighters"
CITATION = "Hrytsenko, Alina, and Andras Racz. 2025. Hrytsenko & Racz, CEPA (2025). Center for European Policy Analysis (CEPA)."


@pytest.fixture
def page(browser):
    """A page of a new browser context: no session, no cookies, nothing visited before."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


def test_a_claim_url_in_a_fresh_browser_shows_its_quote_and_citation(app_url, page):
    open_page(page, f"{app_url}/claim?{urlencode({'claim': CLAIM})}")
    assert page.get_by_text("Page not found").count() == 0, "the claim page is not served at /claim"
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert QUOTE in body
    assert CITATION in body
    assert "> 100 aircraft" in body
    # the card's own citation carries the address that reopens it, in full
    codes = page.locator('[data-testid="stCode"]').all_inner_texts()
    assert any(f"{app_url}/claim?claim=" in c for c in codes), codes
    # and it leads back to the panel, a link whose text reads as written (no Markdown escapes)
    back = page.locator("a", has_text="Arms transfers: panel “Systems the documents name: their figures beside SIPRI's”")
    assert back.count() == 1, page.locator("a").all_inner_texts()
    back.click()
    page.wait_for_url(lambda url: url.startswith(f"{app_url}/arms-transfers?view=Documents"), timeout=30_000)  # the panel's tab
    page.locator("h1", has_text="Arms transfers").wait_for(timeout=60_000)
    page.locator(".js-plotly-plot .gtitle", has_text="Systems the documents name").wait_for(timeout=60_000)


def test_a_panels_citation_and_claim_link(app_url, page):
    open_page(page, f"{app_url}/dual-use?period=since_2022")
    page.get_by_text("Cite this chart").first.click()
    code = page.locator('[data-testid="stExpander"]', has_text="Cite this chart").first.locator('[data-testid="stCode"]')
    code.wait_for(timeout=60_000)  # sent once the expander is opened (a rerun)
    cited = code.inner_text()
    assert "“China's share of Russia's chip imports, chip-making inputs and drone electronics.” Version " in cited
    assert f"{app_url}/dual-use?period=since_2022." in cited, "the link reopens the view with its filters"
    page.get_by_text(re.compile(r"Claims behind this chart \(\d+\)")).first.click()
    page.locator("a", has_text="China share of Russia microchip imports · 89% · 2023").first.click()
    page.wait_for_url(lambda url: "/claim?claim=supply_dependencies%3Acepa_microchip_share_2023" in url, timeout=30_000)
    page.get_by_text("as of 2023, China accounted for 89% of Russia’s microchip imports").wait_for(timeout=60_000)


def test_an_unknown_claim_url_says_so(app_url, page):
    open_page(page, f"{app_url}/claim?claim=no-such-claim")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "No claim card has the id" in page.locator('[data-testid="stMain"]').inner_text()
