"""The reader-text checks of tests/helpers/reader.py catch the defects of issue #12 and pass
clean text: the browser tests built on them can fail."""

from __future__ import annotations

import pytest

from tests.helpers.reader import (
    bad_hrefs,
    check_text,
    find_bad_words,
    find_markdown_escapes,
    find_snake_ids,
    find_times,
    fractional_year_ticks,
    range_exceeds_period,
)

CLEAN = (
    "Russia–China military cooperation at a glance. Period shown: Since 24 Feb 2022. "
    "SIPRI Arms Transfers Database, data generated 13 March 2025. Database built 2026-12-01 20:41 UTC. "
    "None is corrected; the rows carry both readings. Nanjing, Nan Madol and a banana. "
    "Source: https://www.example.org/news/share_amp.html and www.example.org/a_b_c. "
    "Exercise “Joint Sea-2012”, 24 Feb 2022: full-scale invasion. 89% · ≈ 931 · 2014 – 23 Feb 2022."
)


@pytest.mark.parametrize("text, word", [
    ("as of nan · note: nan", "nan"),
    ("also: nan", "nan"),
    ("— nan (paraphrase)", "nan"),
    ("Note: None", "None"),
    ("Limits: None", "None"),
    ("None", "None"),
    ("value NaN here", "NaN"),
    ("date NaT", "NaT"),
    ("source: null", "null"),
    ("undefined · 2022", "undefined"),
    ("as of None · note", "None"),
])
def test_bad_words_are_found(text, word):
    assert [f.match for f in find_bad_words(text)] == [word] * text.count(word)


def test_bad_words_pass_clean_text():
    assert find_bad_words(CLEAN) == []


@pytest.mark.parametrize("text", ["https://abachy\\.com/news", "share\\_amp", "\\(paraphrase\\)", "Joint Sea\\-2012", "\\#1"])
def test_markdown_escapes_are_found(text):
    assert find_markdown_escapes(text)


def test_markdown_escapes_pass_clean_text():
    assert find_markdown_escapes(CLEAN) == []
    assert find_markdown_escapes("C:\\Users is a path, a\\b too") == []  # a backslash before a letter


@pytest.mark.parametrize("text, time", [
    ("2003-08-06 00:00:00", "00:00:00"),
    ("Data generated 13 Mar 2025 10:02:49 AM (deliveries to 2024)", "10:02:49 AM"),
    ("2003-08-06T00:00:00", "00:00:00"),
    ("at 10:02 pm", "10:02 pm"),
    ("2003-07-01 00:00:00.000", "00:00:00.000"),
])
def test_times_are_found(text, time):
    assert [f.match for f in find_times(text)] == [time]


def test_times_pass_clean_text():
    assert find_times(CLEAN) == []
    assert find_times("ratio 3:1, verse 2:14, 2014–2022") == []


@pytest.mark.parametrize("text, ident", [
    ("Source: cepa_2025", "cepa_2025"),
    ("web_nhk_nitrocellulose_2022 said", "web_nhk_nitrocellulose_2022"),
    ("kind: bomber_patrol", "bomber_patrol"),
    ("period 2014_2022.", "2014_2022"),
    ("(sipri_tiv_2025_04)", "sipri_tiv_2025_04"),
])
def test_snake_ids_are_found(text, ident):
    assert [f.match for f in find_snake_ids(text)] == [ident]


def test_snake_ids_pass_clean_text():
    assert find_snake_ids(CLEAN) == []
    assert find_snake_ids("a_ and _b, Snake_Case, __init") == []


def test_a_finding_names_the_text_around_it():
    text = "x" * 100 + " Limits card: as of nan · note " + "y" * 100
    (finding,) = find_bad_words(text)
    assert "as of nan · note" in str(finding) and len(str(finding)) < 120


def test_check_text_names_each_check():
    found = check_text("as of nan, abachy\\.com, 2003-08-06 00:00:00")
    assert [name for name, _ in found] == ["missing value", "markdown escape", "time on a date"]


BASE = "http://localhost:8501/dual-use?period=all"


@pytest.mark.parametrize("href", [
    "https://abachy%5C.com/news/1",
    "https://abachy\\.com/news/1",
    "https://www.example.org/a%5C-b%5C-c",
    "javascript:alert(1)",
    "mailto:someone@example.org",
    "https:///no-host",
    "https://exa mple.org/",
    "ftp://example.org/file",
    "https://-bad-.org/",
    "http://example.org:port/",
])
def test_bad_hrefs_are_found(href):
    assert bad_hrefs([href], BASE) != []


def test_good_hrefs_pass():
    good = ["#stMain", "/arms-transfers", "arms-transfers?period=since_2022", "http://localhost:8501/data", "https://www.sipri.org/databases/armstransfers",
            "https://en.wikipedia.org/wiki/Marine_Security_Belt", "https://news.cgtn.com/news/2021-10-23/x/index.html?a=1#b", "http://127.0.0.1:8501/"]
    assert bad_hrefs(good, BASE) == []


@pytest.mark.parametrize("ticks", [["2,020", "2,020.5", "2,021", "2,021.5"], ["2021", "2021.5", "2022"], ["2,019", "2,020", "2,021"]])
def test_fractional_year_ticks_are_found(ticks):
    assert fractional_year_ticks(ticks)


def test_year_ticks_pass():
    assert fractional_year_ticks(["2014", "2016", "2018", "2020"]) == []
    assert fractional_year_ticks(["0", "500", "1,000", "1,500"]) == []  # not years
    assert fractional_year_ticks(["0.5", "1.5", "2.5"]) == []  # not years
    assert fractional_year_ticks(["Jan 2022", "Jul 2022"]) == []  # a date axis


@pytest.mark.parametrize("axis_range, period", [
    (["2013-06-01 00:00:00", "2025-01-01"], "since_2022"),  # the timeline kept every year
    ([2013.5, 2024.5], "since_2022"),
    (["1995-01-01", "2024-12-31"], "before_2014"),
    ([1991.5, 2024.5], "before_2014"),
    (["2010-01-01", "2022-06-01"], "2014_2022"),
    ([2013.5, 2024.5], "2014_2022"),
])
def test_ranges_past_the_period_are_found(axis_range, period):
    assert range_exceeds_period(axis_range, period)


@pytest.mark.parametrize("axis_range, period", [
    (["2021-12-05 12:00:00.0", "2025-05-01"], "since_2022"),
    ([2021.4, 2025.6], "since_2022"),
    (["1995-01-01", "2014-06-30"], "before_2014"),
    ([1991.5, 2013.6], "before_2014"),
    (["2013-11-01", "2022-06-01"], "2014_2022"),
    ([2013.5, 2022.5], "2014_2022"),
    ([1950, 2030], "all"),
])
def test_ranges_within_the_period_pass(axis_range, period):
    assert range_exceeds_period(axis_range, period) is None


def test_contrast_ratio():
    from tests.helpers.reader import blend, contrast_ratio, parse_colour

    assert round(contrast_ratio((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == 1.0
    assert round(contrast_ratio(parse_colour("#0072B2")[:3], (255, 255, 255)), 2) == 5.19  # (1 + 0.05) / (0.1525 + 0.05)
    assert parse_colour("rgba(0, 114, 178, 0.5)") == (0, 114, 178, 0.5)
    assert parse_colour("rgb(14 17 23 / 50%)") == (14, 17, 23, 0.5)
    assert blend(parse_colour("rgba(0, 0, 0, 0.5)"), (255, 255, 255)) == (127.5, 127.5, 127.5)
    assert parse_colour("transparent") is None


def _part(**kw):
    base = {"part": 0, "tag": "a", "visible": True, "outline_style": "none", "outline_width": 3.0, "outline_color": "rgb(26, 26, 26)",
            "box_shadow": "none", "background": "rgba(0, 0, 0, 0)", "borders": [[0, "rgb(0, 0, 0)"]] * 4, "behind": [255, 255, 255]}
    return {**base, **kw}


def test_focus_indicator_contrast():
    from tests.helpers.reader import FOCUS_CONTRAST, focus_indicator_contrast

    assert focus_indicator_contrast([_part()], [_part()]) == (1.0, "nothing")  # no focus style (a nav link today)
    faint = focus_indicator_contrast([_part()], [_part(box_shadow="rgba(0, 114, 178, 0.5) 0px 0px 0px 3.2px")])
    assert faint[0] < FOCUS_CONTRAST  # Streamlit's half-transparent ring on white
    solid = focus_indicator_contrast([_part()], [_part(outline_style="solid", outline_width=2.0, outline_color="rgb(0, 114, 178)")])
    assert solid[0] > FOCUS_CONTRAST and "outline" in solid[1]
    hidden = focus_indicator_contrast([_part(visible=False)], [_part(visible=False, outline_style="auto", outline_width=1.0, outline_color="rgb(16, 16, 16)")])
    assert hidden == (1.0, "nothing")  # a ring on a visually hidden input shows nothing
    tint = focus_indicator_contrast([_part()], [_part(background="rgba(26, 26, 26, 0.05)")])
    assert tint[0] < FOCUS_CONTRAST
    dark = focus_indicator_contrast([_part(behind=[14, 17, 23])], [_part(behind=[14, 17, 23], outline_style="solid", outline_width=2.0, outline_color="rgb(86, 180, 233)")])
    assert dark[0] > FOCUS_CONTRAST


def _read(**kw):
    read = {"url": "http://localhost:8501/data?period=since_2022", "text": [], "names": [], "charts": [], "grids": [], "hrefs": []}
    return {**read, **kw}


def test_page_findings_name_each_place_and_keep_the_explorer_exemption_narrow():
    from tests.helpers.reader import page_findings, report

    chart = {"index": 0, "title": "<b>Key events</b><br>Dated", "svg": ["2014", "2016"],
             "axes": [{"name": "xaxis", "id": "x", "type": "date", "range": ["2012-09-03T00:00:00", "2025-07-30T00:00:00"], "ticks": ["2014", "2016"]},
                      {"name": "xaxis2", "id": "x2", "type": "linear", "range": [2020.2, 2024.8], "ticks": ["2,020.5", "2,021.5"]}],
             "traces": [{"index": 0, "type": "scatter", "name": "Since 24 Feb 2022", "hovertemplate": ["%{customdata[0]}<extra></extra>"],
                         "hovertext": ["Dates: 2003-08-06 00:00:00"], "text": [], "customdata": ["note: nan"]}]}
    read = _read(
        text=[{"kind": "stCode", "label": "", "text": "python -m dashboard export --relation exercise_list"},
              {"kind": "stSelectbox", "label": "Table or view", "text": "exercise_list (view)"},
              {"kind": "stMarkdown", "label": "", "text": "“quote” cepa_2025 · note: nan"}],
        grids=[{"header": ["exercise_id", "plot_date"], "cells": ["coalition_2003", "2003-07-01 00:00:00"]}],
        charts=[chart], hrefs=["#stMain", "https://abachy%5C.com/news"], names=["Help for imports \\(2023\\)"],
    )
    found = page_findings(read, "Data explorer", "since_2022")
    kinds = {(where.split(" «")[0], what) for where, what, _ in found}
    assert kinds == {
        ("text (stMarkdown)", "missing value"), ("text (stMarkdown)", "internal id"), ("data grid", "time on a date"),
        ("accessible names", "markdown escape"), ("chart 1", "year tick"), ("chart 1", "range past the period"),
        ("chart 1", "time on a date"), ("chart 1", "missing value"), ("link", "broken link"),
    }, kinds
    # The same ids anywhere but the Data explorer are reader text.
    elsewhere = {what for where, what, _ in page_findings(read, "Sources and method", "since_2022") if where.startswith(("text (stCode", "text (stSelectbox", "data grid"))}
    assert "internal id" in elsewhere
    message = report("Data explorer · since_2022 · light", found)
    assert message.count("\n") <= 13 and len(message) < 4000 and "abachy%5C.com" in message
    assert page_findings(_read(text=[{"kind": "stMarkdown", "label": "", "text": "Since 24 Feb 2022 · 89% · Joint Sea-2012"}]), "Overview", "all") == []


def test_a_link_shown_without_its_scheme_is_not_an_id():
    """Link text shows URLs as www3.nhk.or.jp/…/20240516_17/ or eng.chinamil.com.cn/…/content_1.htm."""
    from tests.helpers.reader import find_snake_ids

    assert not find_snake_ids("NHK, www3.nhk.or.jp/nhkworld/en/news/20240516_17/ · qualifier: about")
    assert not find_snake_ids("eng.chinamil.com.cn/view/2018-09/12/content_9280064.htm · note")
    assert find_snake_ids("see bomber_patrol in eng.chinamil.com.cn/view/x.htm")
