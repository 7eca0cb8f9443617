"""SIPRI's releases on a chart: the source line naming every release a frame's rows come from (with
its data generation date and the years it gives), SIPRI's rounding, and the five-year view."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import style
from dashboard.core.charts import Caption, _cats, _described, _listing, _num, _sentence, _source_text, _yearly, describe, frame_figure, hover_text

DATABASE = "SIPRI Arms Transfers Database"


def year_span(first: int, last: int) -> str:
    if first == last:
        return str(first)
    return f"{first}–{last % 100:02d}" if first // 100 == last // 100 else f"{first}–{last}"


def release_runs(frame: pd.DataFrame, *, year: str = "year") -> list[tuple[str, int, int]]:
    """(release_label, first year, last year) for each run of consecutive years from one release, in
    year order: how a chart that takes each year from the newest release covering it is made up."""
    rows = frame[[year, "release_label"]].dropna().drop_duplicates().sort_values([year, "release_label"], kind="stable")
    runs: list[list] = []
    for y, label in rows.itertuples(index=False):
        if runs and runs[-1][0] == label:
            runs[-1][2] = int(y)
        else:
            runs.append([label, int(y), int(y)])
    return [(label, first, last) for label, first, last in runs]


def release_source(frame: pd.DataFrame, *, year: str | None = "year", extra: str = "") -> str:
    """The source line of a chart of SIPRI's values: every release its rows come from (release_label:
    with its data generation date) and, where there is more than one, the years each gives ('2024
    release (data generated 13 Apr 2024) for 1950–94; 2025 release (…) for 1995–2024'), then `extra`.
    `year` None: the rows have no year (each release named once, in order)."""
    labels = list(dict.fromkeys(frame["release_label"].dropna())) if "release_label" in frame else []
    if year is not None and len(labels) > 1:
        named = [f"{label} for {year_span(first, last)}" for label, first, last in release_runs(frame, year=year)]
    else:
        named = labels
    return f"Source: {DATABASE}" + (", " + "; ".join(named) if named else "") + (f"; {extra}" if extra else "")


def sipri_rounded(value, unit: str) -> str:
    """A figure as SIPRI's Fact Sheets print it: percentages of 10 or more whole, smaller ones to one
    decimal; ranks and counts whole. '' for no value."""
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    if unit in ("rank", "count"):
        return f"{int(round(v))}"
    text = f"{v:.0f}" if abs(v) >= 9.95 else f"{v:.1f}"
    sign = "+" if unit == "percent change" and v > 0 else ""
    return sign + text + "%"


FIVE_YEAR_HOVER = [
    "Window:window_label", "Release:release_label", "China's imports (millions of TIV):china_imports_mtiv", "From Russia (millions of TIV):russia_to_china_mtiv",
    "Russia's share of China's imports (%):russia_share_of_china_imports_pct", "China's rank among world importers:china_rank_world_importers",
    "Change from the previous five years (%):china_imports_change_pct",
]
FROM_RUSSIA = "From Russia (Soviet Union before 1992)"
FROM_OTHERS = "From other suppliers"


def five_year_bars(frame: pd.DataFrame, cap: Caption, *, highlight: str = "") -> go.Figure:
    """China's arms imports per five-year window of one release, stacked by supplier (Russia, others),
    oldest window first; the window `highlight` (a window_label) in full colour, the others faded."""
    rows = frame.sort_values("window_first_year", kind="stable")
    others = rows.assign(other_mtiv=(rows["china_imports_mtiv"] - rows["russia_to_china_mtiv"]).round(2))
    opacity = [1.0 if not highlight or w == highlight else 0.45 for w in rows["window_label"]]
    fig = go.Figure()
    for name, column in ((FROM_RUSSIA, "russia_to_china_mtiv"), (FROM_OTHERS, "other_mtiv")):
        fig.add_bar(
            x=_cats(others["window_label"]), y=others[column], name=name, marker={"color": style.series_colour(name, colours=style.FIVE_YEAR_COLOURS), "opacity": opacity},
            hovertext=hover_text(others, FIVE_YEAR_HOVER), hoverinfo="text",
        )
    fig.update_layout(barmode="stack", bargap=0.25)
    frame_figure(fig, cap)
    fig.update_xaxes(type="category", tickangle=0)
    fig.update_yaxes(title="Millions of TIV", rangemode="tozero", nticks=6)
    return _described(fig, five_year_description(rows, cap, highlight=highlight))


def five_year_description(rows: pd.DataFrame, cap: Caption, *, highlight: str = "") -> str:
    """The five-year chart in words, from its rows (plain text, not escaped)."""
    parts = [_sentence(cap.title), _sentence(cap.units)]
    if rows.empty:
        parts.append("No five-year windows in this release.")
    else:
        parts.append(_sentence(f"{len(rows)} five-year windows, {rows['window_label'].iloc[0]} to {rows['window_label'].iloc[-1]}"))
        parts.append(_sentence("China's imports: " + _listing([f"{r['window_label']} {_num(r['china_imports_mtiv'])}" for r in rows.to_dict("records")], 8)))
        chosen = rows[rows["window_label"] == highlight]
        if not chosen.empty:
            r = chosen.iloc[0].to_dict()
            parts.append(_sentence(f"Highlighted: {highlight}, of which Russia supplied {_num(r['russia_share_of_china_imports_pct'])}%"))
    parts.append(_sentence(_source_text(cap)))
    return " ".join(p for p in parts if p)


def estimated_lines(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, series: str, hover: list[str]) -> go.Figure:
    """One line per series (its fixed colour): SIPRI's values solid with filled markers; values that
    are estimates (is_estimate) as open markers on a dotted line from the series' last SIPRI value,
    named as estimates in the legend and in the description."""
    fig = go.Figure()
    notes = []
    for key, part in frame.groupby(series, sort=False):
        colour = style.series_colour(key)
        part = part.sort_values(x, kind="stable")
        est_mask = part["is_estimate"].astype(bool)
        exact, est = part[~est_mask], part[est_mask]
        fig.add_scatter(x=exact[x], y=exact[y], mode="lines+markers", name=str(key), line={"color": colour, "width": 2}, marker={"size": 6, "color": colour}, cliponaxis=False, hovertext=hover_text(exact, hover), hoverinfo="text")
        if not est.empty:
            bridge = pd.concat([exact[exact[x] < est[x].min()].tail(1), est])
            fig.add_scatter(
                x=bridge[x], y=bridge[y], mode="lines+markers", name=f"{key} (estimate)", line={"color": colour, "width": 2, "dash": "dot"},
                marker={"size": 8, "color": [colour if not e else style.PAPER for e in bridge["is_estimate"].astype(bool)], "line": {"color": colour, "width": 2}},
                cliponaxis=False, hovertext=hover_text(bridge, hover), hoverinfo="text",
            )
            notes.append(f"{key}: " + "; ".join(f"{_num(r[y])} in {int(r[x])}" for r in est.to_dict("records")))
    _yearly(fig, cap, frame[x], bands=True)
    text = describe(frame, cap, "lines", x=x, y=y, series=series)
    if notes:
        text = text.replace(" Source:", " Estimates (open markers, dotted): " + "; ".join(notes) + ". Source:", 1)
    return _described(fig, text)
