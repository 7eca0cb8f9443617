"""What a reader reads (issue #12): on every page under every period, no text element shows a
missing value as a word ("nan", "None", "NaT"), a time of day where a date is meant, an internal
id, or a URL with Markdown escapes in it; and every link's target is exactly a URL of the data."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from dashboard.core.db import ALL_PERIODS, PERIODS
from tests.helpers.apptest import open_page_views

PAGES = [
    "web/pages/overview.py", "web/pages/arms_transfers.py", "web/pages/dual_use.py", "web/pages/exercises.py",
    "web/pages/incidents.py", "web/pages/limits.py", "web/pages/data_explorer.py", "web/pages/sources.py",
]
MISSING_WORD = re.compile(r"(?<![\w\\])(?:nan|NaN|None|NaT)(?![\w])")
# "None" starting a sentence of a quote is English, not a missing value: a sentence that goes on
NONE_IN_PROSE = re.compile(r"None (?:of|has|have|is|are|was|were)\b")
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?\b|00:00:00")
# a Markdown link written by ui.link: [text](<target>)
LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(<((?:\\.|[^>\\\n])*)>\)")
ANY_LINK_TARGET = re.compile(r"\]\(")
BARE_URL = re.compile(r"https?://\S+", re.IGNORECASE)
ESCAPED_URL = re.compile(r"https?(?:\\?:)//[^\s)>\]]*\\[^\w\s]", re.IGNORECASE)
MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
INTERNAL_IDS = ("cepa_2025", "rabdan_2025", "sipri_at_2025", "2014_2022", "before_2014", "since_2022", "disagreement_id")


def texts(at) -> list[tuple[str, str]]:
    """(element kind, Markdown source) for every element a reader reads as text."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        for el in at.get(kind):
            out.append((kind, str(el.value)))
            help_text = getattr(el.proto, "help", "")
            if help_text:
                out.append((kind + " help", help_text))
    for m in at.get("metric"):
        out += [("metric label", m.label), ("metric value", str(m.value)), ("metric help", m.proto.help)]
    for e in at.get("expander"):
        out.append(("expander label", e.label))
    for w in [*at.get("radio"), *at.get("selectbox"), *at.get("multiselect")]:
        out.append(("options of " + w.label, " | ".join(str(o) for o in w.options)))
    return out


def data_urls(database) -> set[str]:
    """Every URL the data holds: the sources' pages, the rows' source_url and URLs in text."""
    urls = set()
    for relation in database.views():
        for column in database.columns[relation]:
            if column in ("url", "source_url", "citation", "note", "terms_of_use", "quote", "evidence"):
                for (value,) in database._run(f'select distinct "{column}"::varchar from "{relation}" where "{column}" is not null', []):
                    if column in ("url", "source_url"):
                        urls.add(value.strip())
                    else:
                        urls.update(m.group(0).rstrip(".,;:)]}'’”") for m in BARE_URL.finditer(value))
    return urls


def problems(source: str, urls: set[str], *, markdown: bool = True) -> list[str]:
    """What is wrong with one element's text (Markdown source, or plain text for options)."""
    found = []
    targets = [(m.group(1), MD_ESCAPE.sub(r"\1", m.group(2))) for m in LINK.finditer(source)]
    for text, target in targets:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            found.append(f"a link to {target!r}")
        if target not in urls:
            found.append(f"a link target that is not a URL of the data: {target!r}")
    outside = LINK.sub(" ", source)
    if ANY_LINK_TARGET.search(outside):
        found.append("a Markdown link not written by ui.link")
    if ESCAPED_URL.search(source):
        found.append(f"a URL with a backslash before punctuation: {ESCAPED_URL.search(source).group(0)!r}")
    for m in BARE_URL.finditer(outside if markdown else ""):  # a bare URL would be autolinked, escapes and all
        found.append(f"a bare URL that Markdown would autolink: {m.group(0)!r}")
    shown = MD_ESCAPE.sub(r"\1", NONE_IN_PROSE.sub(" ", source))
    if MISSING_WORD.search(shown):
        found.append(f"a missing value as a word: …{shown[max(0, MISSING_WORD.search(shown).start() - 40):MISSING_WORD.search(shown).end() + 20]}…")
    if TIME_OF_DAY.search(shown):
        found.append(f"a time of day: {TIME_OF_DAY.search(shown).group(0)!r}")
    for name in INTERNAL_IDS:
        if name in shown:
            found.append(f"an internal id: {name!r}")
    return found


@pytest.fixture(scope="module")
def urls(database):
    return data_urls(database)


@pytest.mark.parametrize("period", [ALL_PERIODS, *PERIODS])
@pytest.mark.parametrize("page", PAGES)
def test_reader_text(page, period, built_db, urls):
    # every tab of a page with tabs (the quote lists are in expanders: AppTest runs their contents, open or not)
    shown = [t for at in open_page_views(page, params={"period": period}) for t in texts(at)]
    found = [f"{kind}: {p}" for kind, source in shown for p in problems(source, urls, markdown=not kind.startswith("options"))]
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_checks_catch_the_old_defects(urls):
    old = [
        "as of nan · note: nan · sources disagree: nan (see Sources and method)",
        "**Microchips** — nan _(paraphrase)_",
        "Abachy, 2023, https://abachy\\.com/news/russias\\-chip\\-supply\\-back\\-2021\\-level",
        "Database built 2026-12-01 10:02 UTC",
        "10:02:49 AM",
        "cepa_2025 · note: x",
        "options of Period scope: 2014_2022 | all",
        "[x](javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "Ship: None",
    ]
    for text in old:
        assert problems(text, urls), text
    assert not problems("[abachy\\.com](<https://abachy.com/news/russias-chip-supply-back-2021-level>) · None of the sources", urls)
