"""Sources and method, 'What changed between releases': SIPRI's revisions with both values, for
Russia → China by default and for any pair and releases named in the URL; every table titled with
its units and releases, with a source line naming the releases and their data-generation dates."""

from __future__ import annotations

from tests.helpers.apptest import open_page

PAGE = "web/pages/sources.py"
RELEASES = {"view": "What changed between releases"}  # the page's tab


def _table_after(at, title):
    """The dataframe shown under the subheader `title` (subheaders and tables in page order)."""
    heads = [h.value for h in at.subheader]
    k = next(i for i, h in enumerate(heads) if h.startswith(title))
    return at.dataframe[len(at.dataframe) - len(heads) + k].value


def test_russia_china_by_default(built_db):
    at = open_page(PAGE, params=RELEASES)
    heads = [h.value for h in at.subheader]
    assert "Yearly values revised: Russia → China, million TIV, each release against the previous one" in heads
    assert "Deals changed: Russia → China, 2025 release → 2026 release (TIV in millions; numbers in items)" in heads
    yearly = _table_after(at, "Yearly values revised")
    row = yearly[(yearly.year == 2021) & (yearly.release_old == 2022)]
    assert (row.value_old.tolist(), row.release_new.tolist(), row.value_new.tolist()) == ([773.0], [2024], [466.75])
    deals = _table_after(at, "Deals changed")
    r77 = deals[(deals.designation == "R-77") & (deals.order_year == 2000) & (deals.change == "revalued tiv order")]
    assert r77[["2025 release", "2026 release"]].values.tolist() == [["300", "375"]]
    years = deals[(deals.designation == "D-30") & (deals.change == "delivery years")]
    assert years["2026 release"].iloc[0].endswith("2024; 2025")
    captions = " ".join(c.value for c in at.caption)
    assert ("Source: SIPRI Arms Transfers Database (c) SIPRI; 2025 release (data generated 13 March 2025 to 12 February 2026) "
            "and 2026 release (data generated 18 May 2026 to 14 July 2026).") in captions
    assert "Export scope of the files compared: 2025 'deliveries made', 2026 'deliveries made'." in captions


def test_pair_and_releases_from_the_url(built_db):
    at = open_page(PAGE, params={**RELEASES, "changes_pair": "Russia → India", "changes_old": "2024", "changes_new": "2025"})
    heads = [h.value for h in at.subheader]
    assert "Deals changed: Russia → India, 2024 release → 2025 release (TIV in millions; numbers in items)" in heads
    deals = _table_after(at, "Deals changed")
    assert len(deals) > 0
    assert "Export scope of the files compared: 2024 'deliveries or orders', 2025 'deliveries made'." in " ".join(c.value for c in at.caption)


def test_releases_in_the_wrong_order_are_explained(built_db):
    at = open_page(PAGE, params={**RELEASES, "changes_old": "2026", "changes_new": "2025"})
    assert any("Choose an older release on the left" in i.value for i in at.info)
