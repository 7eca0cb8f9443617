"""Data explorer: any table or view the build created, filtered by the sidebar's period (where it
applies), years, the SIPRI release, categories, source, qualifier and free text; a preview with
every column's description and unit; the rows as CSV, Excel, Parquet or a ZIP bundle with their
metadata, the same bytes as `python -m dashboard export`. Every choice lives in the link; a filter
that would change nothing is not offered."""

from functools import partial

import streamlit as st

from dashboard.core import style
from dashboard.core.db import ALL_PERIODS, MAX_TEXT
from dashboard.core.paths import db_path
from dashboard.outputs import bundle, export, filters as rowfilters
from dashboard.pipeline import catalog
from dashboard.web import data, ui

DEFAULT_RELATION = "exercise_list"
PERIOD_COLUMNS = ("period_scope", "period_id")  # values are period ids: shown by their labels
LABELS = {"source_id": "Source", "qualifier": "Qualifier", "evidence_kind": "Evidence", "period_scope": "Period scope"}
ROW_SHAPES = {"deal": "One row per deal (TIV of the chosen years)", "year": "One row per deal and delivery year"}
DOWNLOADS = (
    ("csv", "Download CSV", "UTF-8 CSV (with a byte-order mark) for any tool; text that would start a formula begins with an apostrophe. To open it in a spreadsheet, import it as UTF-8 with text columns as text, or take the Excel file."),
    ("xlsx", "Download Excel", "An .xlsx workbook: typed cells (numbers, dates, true/false, text kept as text), a frozen header, and an 'about' sheet with the filters, columns, sources, licences and vintage."),
    ("parquet", "Download Parquet", "Apache Parquet for Python and R: typed columns, each with its description and unit."),
    ("zip", "Download ZIP bundle", "The CSV, datapackage.json (Frictionless: types, keys, descriptions, units, sources, licences) and a README with the filters."),
)


@st.cache_data(max_entries=512, show_spinner=False)
def _options(version: int, relation: str, column: str) -> list[str]:
    return catalog.distinct_values(data.database(), relation, column)


@st.cache_data(max_entries=128, show_spinner=False)
def _about(version: int, relation: str) -> tuple[dict, dict, tuple[int, int] | None]:
    database = data.database()
    return catalog.relation_info(database, relation), catalog.column_docs(database, relation), catalog.year_bounds(database, relation)


# Up to this many rows, the files are written with the page (cached by their filters) and handed
# to the button as bytes. Larger selections are written only when clicked: Streamlit 1.67 keeps
# such a file registered to no session, and any two script runs anywhere can delete it before the
# browser fetches it (seen as a 404 with 20 readers at once), so the CLI is the dependable way out.
EAGER_ROWS = 100_000
# A workbook is the slowest file to write (the 29,515-row register: about 3–7 s on 2 busy cores):
# larger ones are written only when clicked, so a page with a big selection does not wait for it.
EAGER_XLSX_ROWS = 5_000


def _file(database, f: export.Filters, fmt: str) -> bytes:
    """Built when a download button is clicked (Streamlit runs it apart from the page)."""
    return bundle.download(database, f, fmt).data


@st.cache_data(max_entries=16, show_spinner=False)
def _ready_file(version: int, f: export.Filters, fmt: str) -> bytes:
    return _file(data.database(), f, fmt)


@st.cache_data(max_entries=256, show_spinner=False)
def _preview(version: int, f: export.Filters):
    return data.reader_rows(rowfilters.rows(data.database(), f, limit=catalog.PREVIEW_ROWS))


@st.cache_data(max_entries=256, show_spinner=False)
def _count(version: int, f: export.Filters) -> int:
    return rowfilters.count(data.database(), f)


@st.cache_data(max_entries=256, show_spinner=False)
def _sources(version: int, f: export.Filters) -> list[str]:
    database = data.database()
    return catalog.source_ids_of(database, f.relation, database.distinct(rowfilters.to_query(f), catalog.SOURCE_COLUMNS))


def _option_label(column: str):
    """How a filter's values read: periods by their labels, sources by their citation (ids are
    not reader text); other values as they are."""
    if column in PERIOD_COLUMNS:
        return style.period_label
    if column == "source_id":
        names = ui.source_short_names()
        return lambda value: names.get(value, value)
    return str


def _column_help(doc: dict) -> str | None:
    text = " ".join(x for x in (ui.plain(doc.get("description") or ""), f"Unit: {ui.plain(doc['unit'])}." if doc.get("unit") else "") if x)
    return text or None


ui.page_header("Data explorer", "Any table or view behind the dashboard, filtered, with each column's meaning and unit, to download with its sources.")
database = data.database()
version = db_path().stat().st_mtime_ns

# ----------------------------------------------------------------------------- what to show
relations = database.relations()
relation = ui.url_choice(
    "Table or view", relations, key="relation", default=DEFAULT_RELATION if DEFAULT_RELATION in relations else relations[0],
    format_func=lambda name: f"{name} ({database.kinds[name]})", help="Views (marts) are what the pages read; tables are the curated files as loaded; stg_ views are the staging layer between them.",
)
info, _, year_span = _about(version, relation)
st.caption(ui.plain(" ".join(x for x in (info["title"], info["description"]) if x)) or "No description recorded.")

# ----------------------------------------------------------------------------- filters
# Only filters that change something are offered: the sidebar's period where the relation has a
# period or a year, the years where it spans more than one, a column where it has two values or more.
filterable = [c for c in catalog.filter_columns(database, relation) if len(_options(version, relation, c)) > 1]
ui.url_forget(*(c for c in catalog.FILTER_COLUMNS if c not in filterable))
period = ui.period()
how = rowfilters.period_applies(database, relation)
if period != ALL_PERIODS and how is None:
    readers = catalog.period_views_reading(database, relation)
    st.caption(f"The sidebar's period ({style.period_label(period)}) does not apply here: this {info['kind']} has no period, date or year column, so all its rows are shown."
               + (f" Views that read it and can be filtered by period: {', '.join(readers)}." if readers else ""))
    period = ALL_PERIODS
elif period != ALL_PERIODS and how == "year":
    first, last = catalog.period_years(database, period)
    st.caption(f"The sidebar's period ({style.period_label(period)}) applies through the year column: {first} to {last} (yearly convention).")
with st.container(border=True):
    values = {}
    if "release" in filterable:
        releases = sorted(_options(version, relation, "release"), reverse=True)
        release = ui.url_choice("SIPRI release", releases, key="release", default=releases[0], help="One SIPRI release at a time (the newest by default): two releases hold the same deliveries twice, revised.")
        values["release"] = [release]
    else:
        ui.url_forget("release")
    years = None
    if year_span and year_span[0] < year_span[1]:
        years = ui.url_range("Years" if relation not in rowfilters.ROLLUPS else "Delivery years", *year_span, key="year", help="Rows whose year column falls in this range.")
    else:
        ui.url_forget("year_from", "year_to")
    per_deal = False
    if relation in rowfilters.ROLLUPS:
        per_deal = ui.url_choice("Rows", list(ROW_SHAPES), key="rows", default="deal", format_func=ROW_SHAPES.get, widget="radio", help="One row per deal sums SIPRI's per-year values over the delivery years kept, so each deal appears once.") == "deal"
    else:
        ui.url_forget("rows")
    boxes = st.columns(3)
    others = [c for c in filterable if c != "release"]
    for i, column in enumerate(others):
        values[column] = ui.url_multichoice(
            LABELS.get(column, column.replace("_", " ").capitalize()), _options(version, relation, column), key=column, container=boxes[i % 3],
            format_func=_option_label(column), help=f"Rows whose {column} is one of these (none chosen: all).",
        )
    text = ui.url_text("Text", key="q", max_chars=MAX_TEXT, placeholder="words in quotes, notes, names, titles or descriptions", help="Case-insensitive; matches inside quotes, notes, names, titles and descriptions.")
filters = export.choose(database, relation, period, years, values, text, per_deal=per_deal)
docs = rowfilters.column_docs(database, filters)

# ----------------------------------------------------------------------------- the rows
# Only the preview's rows leave the database; the count and the sources are asked for apart.
rows = _preview(version, filters)
matched = _count(version, filters)
st.metric("Rows" if not per_deal else "Deals", f"{matched:,}")
st.dataframe(
    rows, hide_index=True, width="stretch", placeholder="",
    column_config={
        c: (st.column_config.DateColumn(c, help=_column_help(docs.get(c, {})), format="YYYY-MM-DD") if rows[c].dtype.kind == "M" else st.column_config.Column(c, help=_column_help(docs.get(c, {}))))
        for c in rows.columns
    },
)
if matched > catalog.PREVIEW_ROWS:
    st.caption(f"The preview shows the first {catalog.PREVIEW_ROWS:,} rows; the downloads hold all {matched:,}.")

# ----------------------------------------------------------------------------- downloads
buttons = st.columns(len(DOWNLOADS))
for where, (fmt, label, what) in zip(buttons, DOWNLOADS):
    eager = matched <= (EAGER_XLSX_ROWS if fmt == "xlsx" else EAGER_ROWS)
    payload = _ready_file(version, filters, fmt) if eager else partial(_file, database, filters, fmt)
    where.download_button(
        label, data=payload,
        file_name=bundle.download_name(database, filters, fmt), mime=bundle.MIME[fmt], on_click="ignore", key=f"download_{fmt}", help=what, icon=":material/download:",
    )
if matched > EAGER_ROWS:
    st.caption(f"More than {EAGER_ROWS:,} rows: the file is written when you click, which can take a while; with many readers at once, the command below is the dependable way to get it.")
st.caption("The same file from a script, in the project's folder with its environment active (`. .venv/bin/activate`); add `--format xlsx`, `parquet` or `zip` for the others:")
st.code(export.command(filters) + " --out " + bundle.download_name(database, filters, "csv"), language="bash", wrap_lines=True)

ui.footer(_sources(version, filters))
