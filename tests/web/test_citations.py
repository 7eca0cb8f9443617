"""Citations as a reader copies them: one style, every field the source gives, nothing invented."""

from __future__ import annotations

import math
from datetime import date

import pytest

from dashboard.core.citations import dashboard_citation, reader_date, sipri_credit, source_citation


def test_document_with_authors_in_chicago_author_date_form(db):
    cepa = db.execute("select * from source_list where source_id = 'cepa_2025'").fetchdf().iloc[0].to_dict()
    assert source_citation(cepa) == (
        "Hrytsenko, Alina, and Andras Racz. 2025. Hrytsenko & Racz, CEPA (2025). "
        "Center for European Policy Analysis (CEPA)."
    )


def test_web_page_names_publisher_full_date_and_url():
    page = {
        "source_id": "web_ex_peopledaily_20130706", "kind": "web_page", "authors": None,
        "title": "Backgrounder: China-Russia joint military exercises since 2003",
        "publisher": "People's Daily Online (Xinhua)", "published": "2013-07-06", "year": 2013,
        "url": "http://en.people.cn/90786/8313722.html",
    }
    assert source_citation(page) == (
        "People's Daily Online (Xinhua). 2013. “Backgrounder: China-Russia joint military exercises since 2003.” "
        "6 July 2013. http://en.people.cn/90786/8313722.html."
    )


def test_database_carries_its_date_of_data_generation():
    sipri = {
        "kind": "database", "title": "SIPRI Arms Transfers Database: trade register (all suppliers to all recipients)",
        "publisher": "Stockholm International Peace Research Institute (SIPRI)", "authors": math.nan,
        "published": "2025-03-13", "year": 2025, "url": "https://www.sipri.org/databases/armstransfers",
    }
    assert "Data generated 13 March 2025." in source_citation(sipri)


def test_undated_page_says_no_date_and_prints_no_missing_marker():
    page = {"kind": "web_page", "title": "Joint Sea-2014 analysis (China-US Focus)", "publisher": "China-US Focus",
            "authors": None, "published": "n.d. (the compiled list gives no date for this page)", "year": math.nan,
            "url": "http://zh.chinausfocus.com/peace-security/20151017/56.html"}
    cited = source_citation(page)
    assert cited.startswith("China-US Focus. n.d. “Joint Sea-2014")
    assert "nan" not in cited.lower()


def test_every_source_row_has_a_full_citation(db):
    rows = db.execute("select * from source_list").fetchdf().to_dict("records")
    assert len(rows) > 50
    for row in rows:
        cited = source_citation(row)
        assert row["title"] in cited, row["source_id"]
        if isinstance(row["url"], str):
            assert row["url"] in cited, row["source_id"]
        for missing in ("nan", "None", "NaT", "<NA>"):
            assert missing not in cited.replace("Xinhua", ""), (row["source_id"], cited)


def test_sipri_credit_uses_sipris_wording_with_the_generation_date():
    assert sipri_credit({"release": 2025, "data_generated": date(2026, 2, 12)}) == "SIPRI Arms Transfers Database, 12 February 2026 (2025 release)"
    assert sipri_credit({"release": 2016, "data_generated_first": "2016-07-24", "data_generated_last": "2016-07-24"}) == "SIPRI Arms Transfers Database, 24 July 2016 (2016 release)"


def test_sipri_credit_of_a_release_spans_its_files(db):
    row = db.execute("select * from sipri_releases where release = 2025").fetchdf().iloc[0].to_dict()
    assert sipri_credit(row) == "SIPRI Arms Transfers Database, 13 March 2025 to 12 February 2026 (2025 release)"


def test_dashboard_citation_has_title_version_release_link_and_access_date():
    cited = dashboard_citation("Russian arms deliveries to China, by year", "http://localhost:8501/arms-transfers?period=since_2022",
                               date(2026, 12, 1), "0.1.0", "2025")
    assert cited == (
        "Russia–China military cooperation dashboard. 2026. “Russian arms deliveries to China, by year.” Version 0.1.0. "
        "Data: SIPRI Arms Transfers Database, 2025 release. Accessed 1 December 2026. "
        "http://localhost:8501/arms-transfers?period=since_2022."
    )


def test_dashboard_citation_without_sipri_data_names_no_release():
    cited = dashboard_citation("Limits of the partnership", "http://localhost:8501/limits", date(2026, 12, 1), "0.1.0", None)
    assert "Data:" not in cited and "None" not in cited


@pytest.mark.parametrize(("value", "shown"), [
    ("2017-07", "July 2017"), ("2025 (no date in the text)", "2025"), (date(2022, 2, 24), "24 February 2022"),
    (None, ""), (math.nan, ""), ("n.d.", ""),
])
def test_reader_date_keeps_the_precision_given(value, shown):
    assert reader_date(value) == shown
