"""SIPRI's five-year view reproduces the figures SIPRI published in its Fact Sheets from the same
release (data/sipri_fact_sheet_figures.csv, each row citing the page that reports it), and the yearly
marts of the Arms transfers page take each value from one release, once."""

from __future__ import annotations

import csv

import pytest

from dashboard.core.paths import DATA_DIR

FIGURES = list(csv.DictReader((DATA_DIR / "sipri_fact_sheet_figures.csv").open(encoding="utf-8")))


def sipri_rounding(value: float, unit: str) -> float:
    """As SIPRI's Fact Sheets print: percentages of 10 or more whole, smaller ones to one decimal
    (77, 8.2, 0.6); ranks and counts whole. Written out here as the oracle, not imported."""
    if unit in ("rank", "count"):
        return float(round(value))
    return float(round(value)) if abs(value) >= 9.95 else round(value, 1)


def five_year(db, release: int, first_year: int, measure: str):
    rows = db.execute(f'select "{measure}" from sipri_five_year where release = ? and window_first_year = ?', [release, first_year]).fetchall()
    return rows


@pytest.mark.parametrize("figure", [f for f in FIGURES if f["reproducible"] == "true"], ids=lambda f: f["figure_id"])
def test_published_figure_is_reproduced_from_the_same_release(db, figure):
    rows = five_year(db, int(figure["release"]), int(figure["window_first_year"]), figure["measure"])
    assert len(rows) == 1, (figure["figure_id"], rows)
    computed, published = rows[0][0], float(figure["published_value"])
    assert computed is not None, figure["figure_id"]
    if figure["qualifier"] == "more_than":
        assert computed > published, (figure["figure_id"], computed)
    else:
        assert sipri_rounding(computed, figure["unit"]) == published, (figure["figure_id"], computed, published)


@pytest.mark.parametrize("figure", [f for f in FIGURES if f["reproducible"] == "false"], ids=lambda f: f["figure_id"])
def test_a_figure_marked_not_reproducible_really_has_no_window_here(db, figure):
    assert five_year(db, int(figure["release"]), int(figure["window_first_year"]), figure["measure"]) == [], "the data now covers it: check it and mark it reproducible"
    assert figure["note"].startswith("Not reproducible here")


def test_every_figure_cites_a_public_page(db):
    assert len(FIGURES) >= 10
    for f in FIGURES:
        url, kind = db.execute("select url, kind from sources where source_id = ?", [f["source_id"]]).fetchone()
        assert kind == "web_page" and url == f["source_url"] and url.startswith("https://"), f["figure_id"]
        assert f["evidence_kind"] == "paraphrase" and len(f["evidence"]) > 40


def test_the_check_mart_agrees_with_every_reproducible_figure(db):
    rows = db.execute("select figure_id, reproducible, agrees from sipri_fact_sheet_check").fetchall()
    assert len(rows) == len(FIGURES)
    assert [r for r in rows if r[1] and r[2] is not True] == []
    assert [r for r in rows if not r[1] and r[2] is not None] == []


def test_the_examples_of_the_issue(db):
    """China's imports fell 64% between 2015–19 and 2020–24 (2025 release); Russia's share of
    China's imports in 2019–23 was 77% (2024 release)."""
    assert sipri_rounding(five_year(db, 2025, 2020, "china_imports_change_pct")[0][0], "percent change") == -64
    assert sipri_rounding(five_year(db, 2024, 2019, "russia_share_of_china_imports_pct")[0][0], "percent") == 77


def test_windows_end_with_the_release_and_step_back_by_five_years(db):
    rows = db.execute("select release, list(window_label order by window_first_year desc) from sipri_five_year group by release order by release").fetchall()
    assert [r[0] for r in rows] == [2024, 2025], "only releases whose yearly values cover every pair for five years"
    assert rows[1][1] == ["2020–24", "2015–19", "2010–14", "2005–09", "2000–04", "1995–99"]
    assert rows[0][1][:2] == ["2019–23", "2014–18"] and rows[0][1][-1] == "1954–58"
    assert db.execute("select previous_window_label from sipri_five_year where release = 2025 and window_first_year = 1995").fetchone() == (None,)


# ----------------------------------------------------------------------------- one value, one release


@pytest.mark.parametrize("mart, key", [
    ("arms_tiv_by_year", "release_view, supplier, year"),
    ("arms_china_import_share", "release_view, year"),
    ("arms_pair_by_year", "release_view, pair, year"),
])
def test_one_row_per_year_in_each_release_view(db, mart, key):
    assert db.execute(f"select count(*) from (select {key} from {mart} group by {key} having count(*) > 1)").fetchone() == (0,)


def test_a_single_release_view_holds_only_that_release(db):
    assert db.execute("select count(*) from arms_pair_by_year where release_view <> 'newest' and release_view <> cast(release as varchar)").fetchone() == (0,)


def test_newest_view_takes_each_year_from_the_newest_release_covering_it(db):
    rows = dict(db.execute("select year, release from arms_tiv_by_year where release_view = 'newest'").fetchall())
    assert {r for y, r in rows.items() if y < 1995} == {2024} and {r for y, r in rows.items() if 1995 <= y <= 2024} == {2025} and rows[2025] == 2026
    assert 1969 not in rows, "no deliveries in the newest release covering 1969 (a gap, not an older release's value)"
    values = dict(db.execute("select year, tiv_mtiv from arms_tiv_by_year where release_view = 'newest' and supplier = 'Russia'").fetchall())
    assert values[2024] == 30.0, "SIPRI's own value, not the even split (about 207)"
    by_release = dict(db.execute("select release_view, tiv_mtiv from arms_pair_by_year where pair = 'Russia → China' and year = 2021").fetchall())
    assert {"2022": 773.0, "2024": 466.75, "2025": 466.75, "newest": 466.75}.items() <= by_release.items()


def test_newest_view_sums_like_its_releases(db):
    """A sum over the newest view is the sum of each year's own release: nothing counted twice."""
    newest, by_release = db.execute("""
        select (select sum(tiv_mtiv) from arms_tiv_by_year where release_view = 'newest'),
               (select sum(t.tiv_mtiv) from arms_tiv_by_year t join (select year, supplier, release from arms_tiv_by_year where release_view = 'newest') n
                  on n.year = t.year and n.supplier = t.supplier and t.release_view = cast(n.release as varchar))""").fetchone()
    assert newest == pytest.approx(by_release)


def test_estimates_name_their_method(db):
    rows = db.execute("select year, method, is_estimate, method_label from arms_tiv_by_year where release_view = 'newest' and is_estimate").fetchall()
    assert [r[:3] for r in rows] == [(2025, "register_minus_per_year_estimate", True)]
    assert rows[0][3].startswith("Estimate (this project)")


def test_share_divides_numbers_of_one_release(db):
    """Russia + Soviet Union over China's total, both from the release the row names: 2024 in the
    2025 release is 30 / 72; the 2016 release (China's import table) gives its own shares."""
    row = db.execute("select release, russia_soviet_union_mtiv, china_imports_mtiv, share_pct from arms_china_import_share where release_view = 'newest' and year = 2024").fetchone()
    assert row == (2025, 30.0, 72.0, 41.7)
    china_2015 = db.execute("select sum(tiv_mtiv) from sipri_dyad_year where release = 2016 and recipient = 'China' and year = 2015").fetchone()[0]
    assert db.execute("select china_imports_mtiv from arms_china_import_share where release_view = '2016' and year = 2015").fetchone()[0] == pytest.approx(china_2015)
    assert db.execute("select count(*) from arms_china_import_share where release_view = '2022'").fetchone() == (0,), "Russia's export tables do not hold China's total imports"
