"""Page building blocks: URL-backed selectors, the chart panel, quotes, and the sources footer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.core import style
from dashboard.core.citations import missing  # noqa: F401 (ui.missing: pages call it by that name)
from dashboard.core.db import ALL_PERIODS, PERIODS
from dashboard.outputs.export import file_name, to_csv_bytes
from dashboard.outputs import panels
from dashboard.web import chart_view, claims, data, panel_images

PERIOD_OPTIONS = (ALL_PERIODS, *PERIODS)
# ":" and "@" too: an escaped "https\://" or "a@b\.c" is not turned into a link by GFM's
# autolinking, which would otherwise put the backslashes into the link's target.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&])")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
# Characters a Markdown link target written as <...> cannot hold as they are (or that Markdown
# would read as an escape), percent-encoded; everything else stays exactly as in the data.
_TARGET_ENCODE = {" ": "%20", "<": "%3C", ">": "%3E", "\\": "%5C", "\n": "%0A", "\r": "%0D", "\t": "%09"}


def plain(text) -> str:
    """Data text for st.markdown: every markdown and HTML character escaped, so it shows as text."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def _linkable(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(ord(c) < 32 or ord(c) == 127 for c in url)


def link(url, text=None) -> str:
    """Markdown for a link to `url` whose target is exactly the URL in the data, shown as `text`
    (escaped; by default the site's name). Only http(s) URLs become links: anything else
    (javascript:, data:, a path) is shown as plain text, never as a link."""
    url = "" if url is None else str(url).strip()
    if not url:
        return plain(text or "")
    if not _linkable(url):
        return plain(text if text else url)
    host = urlsplit(url).hostname or url
    shown = plain(text if text else (host[4:] if host.startswith("www.") else host))
    target = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", "".join(_TARGET_ENCODE.get(c, c) for c in url))  # "&amp;" stays five characters
    return f"[{shown}](<{target}>)"


def linked(text) -> str:
    """Data text for st.markdown with the http(s) URLs in it as links (target exactly the URL,
    shown in full as text) and everything else escaped."""
    text = "" if text is None else str(text)
    out, at = [], 0
    for m in _URL_IN_TEXT.finditer(text):
        url = m.group(0).rstrip(".,;:)]}'’”")
        out.append(plain(text[at:m.start()]))
        out.append(link(url, url.split("://", 1)[1]))  # no scheme in the shown text: nothing to autolink
        at = m.start() + len(url)
    out.append(plain(text[at:]))
    return "".join(out)


_SNAKE_VALUE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")


def _in_words(value):
    """A code value in words ("web_page" → "web page"); anything else as it is."""
    return value.replace("_", " ") if isinstance(value, str) and _SNAKE_VALUE.fullmatch(value) else value


def table(rows: pd.DataFrame, *, hide: Sequence[str] = (), **options) -> None:
    """st.dataframe for reader tables: missing values blank (not "None"), dates without a time,
    headers in words ("data_vintage" → "Data vintage"), id columns (``*_id`` and `hide`) left to
    the Data explorer and the CSV, and code values in words ("web_page" → "web page")."""
    shown = rows[[c for c in rows.columns if not (c == "id" or c.endswith("_id") or c in hide)]].copy()
    for c in shown.columns:
        if shown[c].dtype == object or pd.api.types.is_string_dtype(shown[c]):  # object from DuckDB, str from pandas 3
            shown[c] = shown[c].map(_in_words)
    config = {c: st.column_config.Column(style.series_name(c)) for c in shown.columns}
    config.update({c: st.column_config.DateColumn(style.series_name(c), format="YYYY-MM-DD") for c in shown.columns if pd.api.types.is_datetime64_any_dtype(shown[c])})
    config.update(options.pop("column_config", None) or {})
    st.dataframe(shown, hide_index=True, width="stretch", placeholder="", column_config=config, **options)


def static_table(rows: pd.DataFrame, columns: dict[str, str], *, links: Sequence[str] = ()) -> None:
    """A short reader table as a Markdown table (an HTML <table> with header cells) rather than a
    data grid: its text is read by a screen reader and found by the browser's search, and a page
    showing one loads none of a table's code: st.table (Arrow, ~1.1 MB of JavaScript) was the
    Incidents page's largest download after Plotly; Markdown is drawn by code every page has
    loaded already. `columns`: the columns shown and their headers; a column in `links` shows each
    URL as a link to it. Every cell is text, escaped: missing values blank, whole numbers without a
    decimal point, yes/no for true/false, code values in words ("web_page" → "web page"). Beyond
    STATIC_ROWS rows it is the data grid after all (same columns and headers, URLs as links): the
    browser draws a grid's visible rows only, an HTML table every cell (600 incidents at ×100 the
    data: the page 2.4 s → 4.3 s, a period change over 20 s)."""
    if len(rows) > STATIC_ROWS:
        table(rows[list(columns)].rename(columns=columns), column_config={columns[c]: st.column_config.LinkColumn(columns[c]) for c in links})
        return
    lines = [_row(plain(header) for header in columns.values()), _row("---" for _ in columns)]
    for r in rows[list(columns)].itertuples(index=False):
        lines.append(_row(_cell(v, link_to=c in links) for c, v in zip(columns, r)))
    st.markdown("\n".join(lines))


def _row(cells) -> str:
    """One row of a Markdown table. A cell is one line (a line break would end the table), and a
    pipe is escaped wherever it is, a link's target too (GFM reads \\| as | there, so the link
    still goes exactly to the URL in the data)."""
    return "| " + " | ".join(re.sub(r"(?<!\\)\|", r"\\|", re.sub(r"\s*[\r\n]+\s*", " ", c)) for c in cells) + " |"


#: The most rows ui.static_table shows as an HTML table (the real lists: 6 incidents, 11 published counts).
STATIC_ROWS = 60


def _cell(value, *, link_to: bool = False) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if link_to:
        return link(value)
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)) or (isinstance(value, (float, np.floating)) and float(value).is_integer()):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.10g}"
    return plain(_in_words(str(value)))


# ----------------------------------------------------------------------------- URL state


def url_choice(label: str, options: Sequence[str], *, key: str, default: str, format_func: Callable[[str], str] = str, container=None, widget: str = "selectbox", help: str | None = None) -> str:
    """A selector whose value lives in the URL query string (?key=value), so links reopen the view.
    An unknown value in the URL falls back to the default."""
    container = container or st
    options = list(options)
    if key not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in options else default
    elif st.session_state[key] not in options:
        st.session_state[key] = default
    make = container.radio if widget == "radio" else container.selectbox
    value = make(label, options, key=key, format_func=format_func, help=help)
    if st.query_params.get(key) != value:
        st.query_params[key] = value
    return value


def url_tabs(labels: Sequence[str], *, key: str) -> Sequence:
    """Tabs whose open one lives in the URL (?key=<label>; none for the first), so a link reopens
    it. Only the open tab's content should be computed and sent: test each tab's `.open`."""
    return st.tabs(list(labels), key=key, bind="query-params", default=labels[0])


def url_multichoice(label: str, options: Sequence[str], *, key: str, format_func: Callable[[str], str] = str, container=None, help: str | None = None) -> list[str]:
    """A multiselect whose values live in the URL as repeated ?key=a&key=b; values that are not
    among the options are dropped, and an empty choice leaves the URL."""
    container = container or st
    options = list(options)
    if key not in st.session_state:
        st.session_state[key] = [v for v in dict.fromkeys(st.query_params.get_all(key)) if v in options]
    else:
        kept = [v for v in st.session_state[key] if v in options]
        if kept != st.session_state[key]:
            st.session_state[key] = kept
    # Typing filters by substring ("China" matches only options containing it, not a fuzzy
    # subsequence like "Viet Cong (South Vietnam)"), and there is no "Select all / Select N
    # matches" entry, so Enter never adds options the reader did not pick one by one.
    value = container.multiselect(label, options, key=key, format_func=format_func, help=help, filter_mode="contains", select_all=False)
    _url_set(key, value)
    return value


def url_range(label: str, low: int, high: int, *, key: str, container=None, help: str | None = None) -> tuple[int, int] | None:
    """A whole-number range slider kept in the URL as ?<key>_from=..&<key>_to=..; None (and no URL
    entry) while it spans everything. Values that are not whole numbers between low and high, or
    that make an empty range, fall back to the whole span."""
    container = container or st
    names = (f"{key}_from", f"{key}_to")
    if low >= high:
        url_forget(*names)
        return None
    if key not in st.session_state:
        wanted = [_whole(st.query_params.get(n)) for n in names]
        start = wanted[0] if wanted[0] is not None and low <= wanted[0] <= high else low
        end = wanted[1] if wanted[1] is not None and low <= wanted[1] <= high else high
        st.session_state[key] = (start, end) if start <= end else (low, high)
    else:
        current = st.session_state[key]
        if not (isinstance(current, (tuple, list)) and len(current) == 2 and low <= current[0] <= current[1] <= high):
            st.session_state[key] = (low, high)
    start, end = container.slider(label, min_value=low, max_value=high, step=1, key=key, help=help)
    chosen = None if (start, end) == (low, high) else (int(start), int(end))
    _url_set(names[0], None if chosen is None else str(chosen[0]))
    _url_set(names[1], None if chosen is None else str(chosen[1]))
    return chosen


def url_text(label: str, *, key: str, max_chars: int, container=None, help: str | None = None, placeholder: str | None = None) -> str:
    """A text box kept in the URL (?key=...); a longer value from the URL is cut to max_chars."""
    container = container or st
    if key not in st.session_state:
        st.session_state[key] = str(st.query_params.get(key) or "")[:max_chars]
    value = container.text_input(label, key=key, max_chars=max_chars, help=help, placeholder=placeholder)
    _url_set(key, value.strip() or None)
    return value


def url_forget(*keys: str) -> None:
    """Drop entries from the URL (filters that do not apply to what the page now shows)."""
    for key in keys:
        if key in st.query_params:
            del st.query_params[key]


def _url_set(key: str, value: str | list[str] | None) -> None:
    if not value:
        url_forget(key)
    elif isinstance(value, list):
        if st.query_params.get_all(key) != value:
            st.query_params[key] = value
    elif st.query_params.get(key) != value or len(st.query_params.get_all(key)) != 1:
        st.query_params[key] = value


def _whole(text) -> int | None:
    """A whole number written plainly (at most 6 digits), else None."""
    return int(text) if isinstance(text, str) and re.fullmatch(r"-?[0-9]{1,6}", text) else None


def period() -> str:
    """The period chosen in the sidebar (shared by every page)."""
    return st.session_state.get("period", ALL_PERIODS)


def presenting() -> bool:
    """Presentation mode (?present=1): no sidebar, no controls, just the panels."""
    return st.query_params.get("present") == "1"


def period_from_url() -> str:
    """In presentation mode the period comes from the link alone; no control is drawn."""
    wanted = st.query_params.get("period")
    st.session_state["period"] = wanted if wanted in PERIOD_OPTIONS else ALL_PERIODS
    return st.session_state["period"]


def period_selector() -> str:
    return url_choice(
        "Period", PERIOD_OPTIONS, key="period", default=ALL_PERIODS, format_func=style.period_label,
        container=st.sidebar, widget="radio", help="Filters every page. Cut dates: 1 January 2014 and 24 February 2022.",
    )


# ----------------------------------------------------------------------------- panels


def chart(builder: Callable[..., go.Figure], rows: pd.DataFrame, cap, **options) -> go.Figure:
    """`builder(rows, cap, **options)`, built once per distinct input and shared by every rerun and
    session after it: the builders are pure, and building a figure (plotly validates every
    property) was most of a page's script time. The figure is shared: pass it to panel(), do not
    change it."""
    return _built(builder.__module__ + "." + builder.__qualname__, rows, cap, tuple(sorted(options.items())), _builder=builder)


@st.cache_resource(max_entries=256, show_spinner=False)
def _built(name: str, rows: pd.DataFrame, cap, options: tuple, _builder: Callable[..., go.Figure]) -> go.Figure:
    return _builder(rows, cap, **dict(options))


def description_of(fig: go.Figure) -> str | None:
    """The chart's text alternative, where its builder put one in layout.meta["description"]."""
    meta = fig.layout.meta
    if isinstance(meta, dict):
        text = meta.get("description")
        return str(text) if text else None
    return None


def panel(fig: go.Figure, rows: pd.DataFrame, *, name: str, quotes: pd.DataFrame | None = None, note: str | None = None, description: str | None = None, release: str | None = None, params: dict | None = None) -> None:
    """A chart that stands alone, then its description in words (the chart's text alternative),
    then (unless presenting) the exact rows behind it with a CSV download, where there are any the
    verbatim quotes behind its figures, the claim cards of its rows (a chart's hover cannot hold a
    link), for a panel of the registry its PNG and SVG images (drawn with `params`, the page's
    choices), and its citation; the rows, quotes, cards and citation are sent once the reader opens
    them. `release`: the SIPRI release the chart draws, where its rows do not carry a `release`
    column."""
    chart_view.plotly_chart(fig, config=style.png_config(f"{name}_{period()}"), key=f"chart_{name}")
    description = description or description_of(fig)
    if description:
        st.markdown("**Chart description:** " + plain(description))
    if note:
        st.caption(note)
    if presenting():
        return
    data_expander(rows, name)
    if quotes is not None and not quotes.empty:
        # Lazy, like the rows and the citation: a long list sent with every view was a tenth of the
        # Overview's load time in Chromium (79 quotes parsed as Markdown while the expander is closed).
        with lazy_expander(f"{style.QUOTES_HEADING} ({len(quotes)})", key=f"quotes_{name}", icon=":material/format_quote:") as is_open:
            if is_open:
                quote_list(quotes)
    claim_links(rows, name)
    if name in panels.PANELS:
        panel_images.image_downloads(name, period(), **(params or {}))
    with lazy_expander("Cite this chart", key=f"cite_{name}", icon=":material/bookmark:") as is_open:
        if is_open:
            st.code(claims.panel_citation(fig, rows, release), language=None, wrap_lines=True)
            st.caption("The link reopens this view with its filters; the date is today's (UTC).")


@contextmanager
def lazy_expander(label: str, *, key: str, icon: str | None = None) -> Iterator[bool]:
    """An expander whose content is computed and sent only once the reader opens it (a rerun),
    not with every page view: yields whether it is open. For what a reader opens rarely and a
    browser pays for on every load (a citation's code block loads and runs the syntax
    highlighter: about 0.6 s of script on a page of seven panels, measured in Chromium)."""
    with st.expander(label, key=key, on_change="rerun", icon=icon) as box:
        yield bool(box.open)


CLAIMS_LISTED = 40  # claim cards listed under a panel; every card is in the Data explorer (claim_cards)


def claim_links(rows: pd.DataFrame, name: str) -> None:
    """"Claims behind this chart": a link to the card of each row the panel's rows name (nothing
    when the rows are aggregates with no card of their own)."""
    ids = claims.ids_in(rows)
    if not ids:
        return
    with lazy_expander(f"Claims behind this chart ({len(ids)})", key=f"claims_{name}", icon=":material/checklist:") as is_open:
        if not is_open:
            return
        found = claims.cards(ids[:CLAIMS_LISTED])
        for card in found.to_dict("records"):
            claim_link(card)
        if len(ids) > len(found):
            st.caption(f"The first {len(found)} of {len(ids):,}: every card is in the Data explorer (the claim cards view).")


def claim_link(card: dict, label: str | None = None) -> None:
    """A link to a claim card, shown as its label, value, period and source (or `label`)."""
    shown = label or " · ".join(str(card[c]) for c in ("label", "value_text", "period_text", "source_publisher") if not missing(card.get(c)))
    st.page_link(claims.PAGE_FILE, label=plain(shown or "Claim card"), query_params={claims.PARAM: card["claim_id"]}, icon=":material/checklist:")


def data_expander(rows: pd.DataFrame, name: str, what: str = "chart", rows_period: str | None = None) -> None:
    """The exact rows behind a chart (or page) and their CSV, in an expander that is lazy: the
    table and the CSV are computed and sent only once the reader opens it (a rerun), not with
    every page view. The CSV goes to the button as bytes, not as a callable written on click:
    Streamlit 1.67 keeps a file written on click registered to no session, and with many readers
    at once it can be deleted before the browser fetches it."""
    with lazy_expander(f"Data behind this {what} ({len(rows)} rows)", key=f"rows_{name}") as is_open:
        if is_open:
            table(rows)
            st.download_button(
                "Download these rows (CSV)", data=to_csv_bytes(rows), file_name=file_name(name, rows_period or period()),
                mime="text/csv", on_click="ignore", key=f"csv_{name}",
            )


QUOTES_SHOWN = 100  # beyond this, a panel's quotes are in its data (CSV) and the Data explorer


def source_names() -> dict[str, str]:
    """Each source's reader name (its citation, else its title), by id: ids are not reader text."""
    rows = data.load("source_list")
    return {r.source_id: (r.citation or r.title or "Source not recorded") for r in rows.itertuples()}


def source_short_names() -> dict[str, str]:
    """Each source's citation without its URL, by id: for choosers, where a URL is no link."""
    return {k: re.sub(r"[\s,;]*$", "", _URL_IN_TEXT.sub("", v)) or v for k, v in source_names().items()}


def quote_list(rows: pd.DataFrame, limit: int = QUOTES_SHOWN) -> None:
    """Each figure's quote (or, where the source is paraphrased, the paraphrase), its qualifier,
    source (by name, with a link to its page) and note: as plain text, in one Markdown element
    (one per quote made long lists slow to send and draw)."""
    names = source_names()
    lines = []
    for r in rows.head(limit).to_dict("records"):
        value = lambda column: None if missing(r.get(column)) else r.get(column)  # noqa: E731
        head = plain(value("label") or "")
        quote, evidence = value("quote"), value("evidence")
        if quote and (value("evidence_kind") or "quote") == "quote":
            marker = "“" + linked(quote) + "”"
        elif evidence or quote:
            marker = linked(evidence or quote) + " _(paraphrase)_"
        else:
            marker = "_(no quote or paraphrase recorded)_"
        line = f"**{head}** — {marker}" if head else marker
        source = value("source_citation") or names.get(value("source_id") or "") or value("source_title")
        url = value("source_url")
        extra = [linked(source) if source else ""]
        if value("qualifier") and value("qualifier") != "exact":
            extra.append("qualifier: " + plain(value("qualifier_label") or str(value("qualifier")).replace("_", " ")))
        if url and url not in (source or ""):
            extra.append("source page: " + link(url))
        if value("note"):
            extra.append("note: " + linked(value("note")))
        lines.append(line + "  \n" + " · ".join(x for x in extra if x))
    if len(rows) > limit:
        lines.append(f"_The first {limit:,} of {len(rows):,}: every quote is in the data behind this chart (CSV) and in the Data explorer._")
    st.markdown("\n\n".join(lines))


CARDS_SHOWN = 25  # statement cards listed on a page per group; every row is in the data behind it


def first_cards(rows: pd.DataFrame, what: str) -> pd.DataFrame:
    """The cards a page lists (at most CARDS_SHOWN), saying so when there are more."""
    if len(rows) > CARDS_SHOWN:
        st.caption(f"The first {CARDS_SHOWN} of {len(rows):,} {what}; all of them are in the data behind this page and in the Data explorer.")
    return rows.head(CARDS_SHOWN)


def page_header(title: str, intro: str) -> None:
    st.title(title)
    st.caption(f"{intro} Period shown: **{style.period_label(period())}**.")


def tile(label, value, help_text=None, claim: str | None = None) -> None:
    """A headline figure: its full label in words that wrap (st.metric cuts a long label to one
    line), the figure, the longer explanation behind the label's help mark, and a link to its
    claim card (`claim`, else the card the claim registry lists for this label and period)."""
    claim = claim or claims.tile_claim(str(label), period())
    with st.container(border=True):
        st.markdown(f"**{plain(label)}**", help=plain(help_text) if not missing(help_text) else None)
        st.metric(plain(label), plain(value), label_visibility="collapsed")
        if claim:
            claim_link({"claim_id": claim}, "Claim card: source and citation")


def period_legend() -> None:
    """The period colours as coloured swatches with their names: static HTML from constants
    (style) only, never data."""
    st.html(
        "<div class='period-legend' style='display:flex;flex-wrap:wrap;gap:0.4rem 1.2rem;align-items:center;font-size:0.875rem'>"
        "<span>Period colours:</span>"
        f"<span><span aria-hidden='true' style='display:inline-block;width:0.9em;height:0.9em;border-radius:2px;vertical-align:-0.1em;margin-right:0.35em;background:{style.PERIOD_COLOURS['before_2014']}'></span>{style.PERIOD_LABELS['before_2014']}</span>"
        f"<span><span aria-hidden='true' style='display:inline-block;width:0.9em;height:0.9em;border-radius:2px;vertical-align:-0.1em;margin-right:0.35em;background:{style.PERIOD_COLOURS['2014_2022']}'></span>{style.PERIOD_LABELS['2014_2022']}</span>"
        f"<span><span aria-hidden='true' style='display:inline-block;width:0.9em;height:0.9em;border-radius:2px;vertical-align:-0.1em;margin-right:0.35em;background:{style.PERIOD_COLOURS['since_2022']}'></span>{style.PERIOD_LABELS['since_2022']}</span>"
        "</div>"
    )


_TIME_OF_DAY = re.compile(r"\s*\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?UTC)?\b")


def without_time_of_day(text) -> str:
    """A vintage or date text without its time of day ("13 Mar 2025 10:02:49 AM" → "13 Mar 2025"):
    readers compare data vintages by day; a bare clock time without its zone says nothing."""
    return _TIME_OF_DAY.sub("", "" if text is None else str(text))


def reader_date(value) -> str:
    """A date as readers write it: "1 December 2026" (no time of day)."""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%B %Y}"


def footer(source_ids: Sequence[str]) -> None:
    """The sources of this page (each linked to its page where it has one), with their data
    vintage, and the build that served them."""
    sources = data.load("source_list", equals={"source_id": list(source_ids)})
    info = data.database().build_info()
    st.divider()
    lines = []
    for r in sources.itertuples():
        citation = linked(r.citation or r.title or "")
        if r.url and r.url not in (r.citation or ""):
            citation += " " + link(r.url)
        parts = [citation]
        if r.data_vintage:
            parts.append(f"Data vintage: {plain(without_time_of_day(r.data_vintage))}.")
        if r.terms_of_use:
            parts.append(f"Terms: {linked(r.terms_of_use)}")
        lines.append("- " + " ".join(parts))
    st.caption("**Sources**\n" + "\n".join(lines))
    st.caption(f"Database built {reader_date(info['built_at'])} · app version {plain(info['app_version'])} · SIPRI data vintage: {plain(without_time_of_day(info['data_vintage']))}. TIV is SIPRI's trend-indicator value: a measure of the volume of arms transfers, not their financial value.")


# ----------------------------------------------------------------------------- E2: record dates


DOCUMENTS_END = "April 2025"  # the month of the documents' latest events (record_dates.rows_after_documents)


def record_up_to(list_id: str) -> None:
    """'Record up to <date>' beside a list (queries/marts/record_dates.sql): the latest dated row's
    date at its precision, the list's row count and how many rows date from after the documents.
    It describes the whole list, whatever period is chosen."""
    rows = data.load("record_dates", equals={"list_id": list_id})
    r = rows.iloc[0] if not rows.empty else None
    if r is None or missing(r["latest_label"]):
        st.caption("Record up to: no dated row in this list yet.")
        return
    total, after = int(r["rows"]), int(r["rows_after_documents"])
    scope = "dated to the year only; all periods" if r["latest_precision"] == "year" else "all periods"
    text = f"**Record up to {plain(r['latest_label'])}** ({scope}) · {total:,} {'row' if total == 1 else 'rows'} in this list"
    if after:
        text += f", {after:,} of them dated after {DOCUMENTS_END}, from public pages since the documents"
    st.caption(text + ".")


def url_choice_or_link(label: str, options: Sequence[str], *, key: str, default: str, format_func: Callable[[str], str] = str, help: str | None = None) -> str:
    """url_choice (e.g. a SIPRI release, ?release=2025: the default where the URL names none or an
    unknown one), except in presentation mode: read from the link alone, with no control drawn."""
    options = list(options)
    if presenting():
        wanted = st.query_params.get(key)
        return wanted if wanted in options else default
    return url_choice(label, options, key=key, default=default, format_func=format_func, help=help)


# Markdown that a note's plain text could form (emphasis, code, links, HTML, headings, maths, e-mail
# autolinks), escaped; ":" and parentheses stay as written, so a note reads the same in the page's
# Markdown as in a slide's plain text.
_NOTE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>~$@&])")


def note_text(text: str | None) -> str | None:
    """A panel's plain-text note for st.caption."""
    return None if text is None else _NOTE_SPECIAL.sub(r"\\\1", text)


def registry_panel(panel_id: str, **params) -> panels.Spec | None:
    """The registry's panel `panel_id` (dashboard.outputs.panels) for the period and the page's
    choices `params`, drawn as panel() draws a chart: the one definition the briefing output draws
    too. None (nothing drawn) when the period has no rows for it: the page says so in its words."""
    drawn = _registry_drawn(panel_id, period(), tuple(sorted(params.items())), data.version())
    if drawn is None:
        return None
    spec, fig = drawn
    panel(fig, spec.behind, name=spec.id, quotes=spec.quotes, note=note_text(spec.note), params=params)
    return spec


@st.cache_resource(max_entries=256, show_spinner=False)
def _registry_drawn(panel_id: str, period: str, params: tuple, version: tuple[str, int]) -> tuple[panels.Spec, go.Figure] | None:
    """A registry panel's spec and figure, once per panel, period, page choices and database file
    (`version`): keyed by those few values rather than by the rows, whose hashing was a quarter of
    a page's script time (py-spy). Shared by every session: do not change what it returns."""
    spec = panels.PANELS[panel_id].spec(data.load, period, **dict(params))
    if spec is None:
        return None
    return spec, spec.figure()
