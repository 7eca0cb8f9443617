"""Data explorer: any table or view the build created, filtered by the sidebar's period, years,
categories, source, qualifier and free text; a preview with every column's description and
unit; the rows as CSV or as a ZIP bundle with their metadata. Every choice lives in the link."""

import datetime as dt
from functools import partial

import streamlit as st

from dashboard.core import style
from dashboard.core.db import ALL_PERIODS, MAX_TEXT, PERIOD_COLUMN
from dashboard.core.paths import db_path
from dashboard.outputs import bundle, export
from dashboard.pipeline import catalog
from dashboard.web import data, ui

DEFAULT_RELATION = "exercise_list"
PERIOD_COLUMNS = ("period_scope", "period_id")  # values are period ids: shown by their labels
LABELS = {"source_id": "Source", "qualifier": "Qualifier", "evidence_kind": "Evidence", "period_scope": "Period scope"}


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


def _file(database, f: export.Filters, fmt: str, today: dt.date) -> bytes:
    """Built when a download button is clicked (Streamlit runs it apart from the page)."""
    return bundle.download(database, f, fmt, today).data


@st.cache_data(max_entries=16, show_spinner=False)
def _ready_file(version: int, f: export.Filters, fmt: str, today: dt.date) -> bytes:
    return _file(data.database(), f, fmt, today)


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
info, docs, year_span = _about(version, relation)
st.caption(ui.plain(" ".join(x for x in (info["title"], info["description"]) if x)) or "No description recorded.")

# ----------------------------------------------------------------------------- filters
columns = database.columns[relation]
filterable = catalog.filter_columns(database, relation)
ui.url_forget(*(c for c in catalog.FILTER_COLUMNS if c not in filterable))
with st.container(border=True):
    years = None
    if year_span:
        years = ui.url_range("Years", *year_span, key="year", help="Rows whose year column falls in this range.")
    else:
        ui.url_forget("year_from", "year_to")
    boxes = st.columns(3)
    values = {
        column: ui.url_multichoice(
            LABELS.get(column, column.replace("_", " ").capitalize()), _options(version, relation, column), key=column, container=boxes[i % 3],
            format_func=_option_label(column), help=f"Rows whose {column} is one of these (none chosen: all).",
        )
        for i, column in enumerate(filterable)
    }
    text = ui.url_text("Text", key="q", max_chars=MAX_TEXT, placeholder="words in quotes, notes, names, titles or descriptions", help="Case-insensitive; matches inside quotes, notes, names, titles and descriptions.")
if ui.period() != ALL_PERIODS and PERIOD_COLUMN not in columns:
    st.caption(f"This {info['kind']} has no period column, so the sidebar's period ({style.period_label(ui.period())}) does not filter it.")
filters = export.choose(database, relation, ui.period(), years, values, text)

# ----------------------------------------------------------------------------- the rows
query = export.to_query(filters)
# Only the preview's rows leave the database; the count and the sources are asked for apart.
rows = data.load(query.relation, query.period, equals=dict(query.equals), year_range=query.year_range, text=query.text, limit=catalog.PREVIEW_ROWS)
matched = data.count(query)
st.metric("Rows", f"{matched:,}")
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
today = dt.date.today()
left, right = st.columns(2)
for where, fmt, label, what in (
    (left, "csv", "Download these rows (CSV)", "UTF-8 CSV for spreadsheets; text that would start a formula begins with an apostrophe."),
    (right, "zip", "Download with metadata (ZIP)", "The CSV, datapackage.json (Frictionless: types, descriptions, units, sources, licences) and a README with the filters."),
):
    payload = _ready_file(version, filters, fmt, today) if matched <= EAGER_ROWS else partial(_file, database, filters, fmt, today)
    where.download_button(
        label, data=payload,
        file_name=bundle.download_name(filters, fmt, today), mime=bundle.MIME[fmt], on_click="ignore", key=f"download_{fmt}", help=what, icon=":material/download:",
    )
if matched > EAGER_ROWS:
    st.caption(f"More than {EAGER_ROWS:,} rows: the file is written when you click, which can take a while; with many readers at once, the command below is the dependable way to get it.")
st.caption("The same file from a script (add `--format zip` for the bundle):")
st.code(export.command(filters) + " --out " + bundle.download_name(filters, "csv", today), language="bash", wrap_lines=True)

ui.footer(catalog.source_ids_of(database, relation, data.distinct(query, catalog.SOURCE_COLUMNS)))
