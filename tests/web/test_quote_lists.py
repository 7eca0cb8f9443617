"""A panel's verbatim quotes are one click away and sent only on that click: the Overview's Key
events list (79 quotes) parsed on every view, expander closed, was a tenth of the page's load time
in Chromium (issue #12). Opened, the list shows every quote with its source."""

from __future__ import annotations

from tests.helpers.apptest import QUOTES, open_page, open_quote_lists


def _quote_text(at) -> str:
    return " ".join(str(m.value) for m in at.markdown if "(paraphrase)" in str(m.value) or "“" in str(m.value))


def test_a_quote_list_is_sent_only_once_opened(built_db, db):
    at = open_page("web/pages/overview.py", params={"period": "all"})
    (events,) = db.execute("select count(*) from key_events").fetchone()
    assert f"{QUOTES} ({events})" in [e.label for e in at.expander], "the Key events panel offers its quotes"
    assert "Putin–Xi video call" not in _quote_text(at), "the list is sent with the page, before the reader opens it"
    open_quote_lists(at)
    shown = _quote_text(at)
    assert "Putin–Xi video call" in shown and "(paraphrase)" in shown, "the opened list does not show the quotes"
    assert shown.count("\n\n") + 1 >= events, "the opened list does not show one entry per event"


def test_presentation_mode_shows_no_quote_list(built_db):
    at = open_page("web/pages/overview.py", params={"present": "1"})
    assert not [e for e in at.expander if e.label.startswith(QUOTES)]
