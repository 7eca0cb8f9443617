"""Source links (issue #12): a link's target is exactly the data's URL, its text readable, and
only http(s) URLs are ever links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from dashboard.web import ui

LINK = re.compile(r"^\[((?:\\.|[^\]\\])*)\]\(<((?:\\.|[^>\\\n])*)>\)$")
UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def parse(markdown: str) -> tuple[str, str] | None:
    """(shown text, target) of a CommonMark link written as [text](<target>), else None."""
    m = LINK.match(markdown)
    return (UNESCAPE.sub(r"\1", m.group(1)), UNESCAPE.sub(r"\1", m.group(2))) if m else None


URLS = [
    "https://abachy.com/news/russias-chip-supply-back-2021-level",
    "http://stage.exportcompliancedaily.com/article/2024/07/02/china-is-shipping-russia-all-the-inputs-necessary-for-its-military-blinken-says-2407010031?BC=bc_6739ff310f033",
    "https://en.wikipedia.org/wiki/Joint_Sea_(exercise)",
    "https://example.org/a_b*c[d]~e#frag",
    "https://example.org/?a=1&copy;b=2",
]


@pytest.mark.parametrize("url", URLS)
def test_link_target_is_the_url(url):
    parsed = parse(ui.link(url))
    assert parsed, ui.link(url)
    text, target = parsed
    assert target == url
    assert urlsplit(target).scheme in ("http", "https") and "%5C" not in target
    assert "\\" not in text and text  # readable: the site's name, escapes resolved
    assert parse(ui.link(url, "A [title] *here*")) == ("A [title] *here*", url)


def test_characters_that_break_a_target_are_percent_encoded():
    text, target = parse(ui.link("https://example.org/a b<c>"))
    assert target == "https://example.org/a%20b%3Cc%3E"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "/app/static/x", "https://", "https://exa\nmple.org"])
def test_hostile_or_odd_urls_are_plain_text(url):
    shown = ui.link(url)
    assert "](" not in shown  # no link: every "[", "]", "(" of the text is escaped
    assert "javascript:" not in shown.lower()  # and not even an autolinkable scheme ("javascript\\:")
    assert ui.link(url, "Source page") == "Source page"


def test_linked_text_links_urls_and_escapes_the_rest():
    text = 'Abachy, "Russia\'s chip supply back to 2021 level", 2023, https://abachy.com/news/russias-chip-supply-back-2021-level'
    out = ui.linked(text)
    links = re.findall(r"\[(?:\\.|[^\]\\])*\]\(<(?:\\.|[^>\\\n])*>\)", out)
    assert len(links) == 1 and parse(links[0])[1] == "https://abachy.com/news/russias-chip-supply-back-2021-level"
    assert "https://" not in out.replace(links[0], "")  # no bare URL left for autolinking
    assert parse(ui.linked("see https://tass.com/defense/966110.")) is None  # (not a whole link: text around it)
    assert "[tass\\.com/defense/966110](<https://tass.com/defense/966110>)\\." in ui.linked("see https://tass.com/defense/966110.")


def test_plain_text_urls_are_not_autolinked():
    # GFM autolinks "https://..." and "www." even when escaped inside; ui.plain escapes ":" and "."
    assert "https://" not in ui.plain("https://x.org") and "www." not in ui.plain("www.x.org")
