"""Chart builders: pure functions from a DataFrame to a Plotly figure.

Every figure carries its own title, a subtitle with units and period, and a source line, so a
screenshot or a downloaded PNG stands alone. Colours and the footer style come from style.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import style


@dataclass(frozen=True)
class Caption:
    """What a panel says about itself: title, units, period and source."""

    title: str
    units: str
    period: str
    source: str
    shown: str = ""  # set by the builders when a chart draws fewer marks than it has rows

    @property
    def subtitle(self) -> str:
        return f"{self.units} · {style.period_label(self.period)}"


# What a chart sends to the browser does not grow with the data: beyond these, a category chart
# draws its first bars and says so, and a timeline or map groups its markers and says so. Every
# row stays in the data behind the chart (table and CSV). Today's data is far below both.
MAX_BARS = 40
MAX_MARKERS = 300
LISTED = 8  # names listed in the hover box of a grouped marker


def first_bars(frame: pd.DataFrame, cap: Caption, category: str) -> tuple[pd.DataFrame, Caption]:
    """At most MAX_BARS rows, whole categories first (a category's readings stay together), in the
    frame's order; the caption says how many of how many are drawn."""
    if len(frame) <= MAX_BARS:
        return frame, cap
    codes, _ = pd.factorize(frame[category], use_na_sentinel=False)  # categories in order of appearance
    sizes = pd.Series(codes).value_counts().sort_index().cumsum()
    whole = int((sizes <= MAX_BARS).sum())
    shown = frame[codes < max(1, whole)].head(MAX_BARS)
    return shown, replace(cap, shown=f"the first {len(shown):,} of {len(frame):,} rows drawn (all are in the CSV)")


def grouped_markers(frame: pd.DataFrame, keys: list[str], *, label: str, hover: list[str]) -> pd.DataFrame:
    """One row per group of `keys`: its size (`rows`), and hover text listing the group's first
    names and every field the group's rows share."""
    columns = {spec: spec.split(":", 1)[1].strip() for spec in hover if spec.split(":", 1)[1].strip() != label}
    out = []
    for key, part in frame.groupby(keys, sort=False, dropna=False):
        names = [_esc(v) if not _missing(v) else "(not named)" for v in part[label].head(LISTED)]
        more = len(part) - len(names)
        shared = [spec for spec, column in columns.items() if part[column].nunique(dropna=False) == 1]
        lines = [f"<b>{len(part):,} rows</b>", *names] + ([f"… and {more:,} more (see the data behind this chart)"] if more else [])
        common = hover_text(part.head(1), shared)[0] if shared else ""
        out.append({**dict(zip(keys, key if isinstance(key, tuple) else (key,))), "rows": len(part), "hover": "<br>".join(lines + ([common] if common else []))})
    return pd.DataFrame(out)


def _markers(part: pd.DataFrame, grouped: bool, marker: dict, hover: list[str], **when_grouped) -> dict:
    """A trace's marker and hover text: one marker per row as given, or for grouped_markers rows
    an area proportional to the number of rows (restyled by `when_grouped`) and the group's hover."""
    if not grouped:
        return {"marker": marker, "hovertext": hover_text(part, hover)}
    area = {"size": part["rows"], "sizemode": "area", "sizeref": 2.0 * max(1, int(part["rows"].max())) / 34**2, "sizemin": 7}
    return {"marker": {**marker, **area, **when_grouped}, "hovertext": list(part["hover"])}


def frame_figure(fig: go.Figure, cap: Caption, *, height: int = 460, legend: bool = True, left: int = 60) -> go.Figure:
    """Apply the shared layout: title, subtitle, source line, fonts, white card, margins (in one
    layout update: each plotly update re-validates the layout). The source line starts at the
    card's left edge, like the title, whatever the left margin (`left`, in pixels)."""
    source = _wrap(_esc(cap.source), 150)
    lines = source.count("<br>") + 1
    shown = f"<br><span style='font-size:12px;color:{style.NEUTRAL}'><i>{_esc(cap.shown)}</i></span>" if cap.shown else ""
    source_note = dict(
        text=source, xref="paper", yref="paper", x=0, y=0, xshift=12 - left, yshift=-44, xanchor="left", yanchor="top",
        showarrow=False, align="left", font={"size": style.SOURCE_FONT_SIZE, "color": style.NEUTRAL},
    )
    fig.update_layout(
        title={"text": f"<b>{_esc(cap.title)}</b><br><span style='font-size:13px;color:{style.NEUTRAL}'>{_esc(cap.subtitle)}</span>" + shown, "x": 0.01, "xanchor": "left", "y": 1 - 14 / height, "yanchor": "top"},
        font={"family": style.FONT, "size": 13, "color": "#1A1A1A"},
        paper_bgcolor=style.PAPER,
        plot_bgcolor=style.PAPER,
        height=height,
        margin={"l": left, "r": 24, "t": 86 + (18 if shown else 0), "b": 64 + 15 * lines},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right", "bgcolor": "rgba(0,0,0,0)"},
        hoverlabel={"font": {"family": style.FONT}, "align": "left"},
        annotations=list(fig.layout.annotations or ()) + [source_note],
    )
    fig.update_xaxes(gridcolor="#E5E8EC", linecolor="#9AA3AE", zeroline=False)
    fig.update_yaxes(gridcolor="#E5E8EC", linecolor="#9AA3AE", zeroline=False)
    return fig


def _esc(text: str) -> str:
    """Plotly renders a small HTML subset in titles and hover text; data text must stay text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cats(values: pd.Series) -> pd.Series:
    """Category labels, bar text and other values Plotly draws as (HTML-subset) text: strings
    escaped like _esc, numbers and dates untouched."""
    return values.map(lambda v: _esc(v) if isinstance(v, str) else v)


LABEL_CHARS = 48  # a longer category label is wrapped onto more lines


def _labels(values: pd.Series) -> pd.Series:
    """Category labels drawn beside bars: escaped like _cats, long ones wrapped."""
    return values.map(lambda v: _wrap(_esc(v), LABEL_CHARS) if isinstance(v, str) else v)


def _row_px(labels) -> int:
    """Pixels per category row: room for the tallest (wrapped) label."""
    return 24 + 14 * (max((str(v).count("<br>") for v in labels), default=0))


def _category_rows(fig: go.Figure, cap: Caption, categories: pd.Series, *, least_height: int) -> go.Figure:
    """Frame a horizontal bar chart: categories top to bottom in the frame's order, wrapped, one
    row each (tall enough for its lines), and a left margin that holds them."""
    order = list(dict.fromkeys(_labels(categories)))
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1])
    return frame_figure(fig, cap, height=max(least_height, 120 + _row_px(order) * len(order)), left=label_margin(order))


def label_margin(labels, *, px_per_char: float = 6.6, most: int = 420) -> int:
    """A left margin wide enough for category labels at 13 px (Liberation Sans averages under
    6.6 px a character), by their longest line: set, not Plotly's automargin, so the source line
    can start at the card's edge. Wider labels are cut by the browser; hover and data keep them."""
    longest = max((len(line) for v in labels for line in _unescaped(str(v)).split("<br>")), default=0)
    return int(min(most, max(60, 20 + px_per_char * longest)))


def _unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


HOVER_CHARS = 400  # longer values are cut in the hover box (the data table and CSV keep them whole)


def hover_text(frame: pd.DataFrame, lines: list[str]) -> list[str]:
    """Hover text from columns, escaped: each line is 'Label: column'."""
    out = []
    for row in frame.to_dict("records"):  # iterrows builds a Series per row: slow at thousands of points
        parts = []
        for spec in lines:
            label, column = spec.split(":", 1)
            value = row.get(column.strip())
            if _missing(value):
                continue
            text = str(value)
            if len(text) > HOVER_CHARS:  # a hover box is for reading at a glance; the row has it all
                text = text[:HOVER_CHARS].rsplit(" ", 1)[0] + " …"
            parts.append(f"<b>{_esc(label)}</b>: {_wrap(_esc(text))}")
        out.append("<br>".join(parts))
    return out


def _missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def _wrap(text: str, width: int = 70) -> str:
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def add_period_bands(fig: go.Figure, x_min: float, x_max: float, *, yearly: bool = True) -> go.Figure:
    """Shade the three periods lightly and mark 2014 and 24 February 2022. One layout update:
    plotly's add_vrect/add_vline/add_annotation re-validate the whole layout on every call (about
    a tenth of a second each, measured), which made the bands the slowest part of a page."""
    edges = [m["year_edge"] if yearly else m["date"] for m in style.EVENT_MARKERS]
    spans = [("before_2014", x_min, edges[0]), ("2014_2022", edges[0], edges[1]), ("since_2022", edges[1], x_max)]
    shapes = [
        dict(type="rect", xref="x", yref="y domain", x0=start, x1=end, y0=0, y1=1, fillcolor=style.PERIOD_COLOURS[period], opacity=0.06, line_width=0, layer="below")
        for period, start, end in spans
    ] + [dict(type="line", xref="x", yref="y domain", x0=edge, x1=edge, y0=0, y1=1, line={"width": 1, "dash": "dot", "color": style.NEUTRAL}) for edge in edges]
    annotations = [
        dict(x=edge, y=1 - 0.06 * i, yref="paper", text=marker["label"], showarrow=False, xanchor="right", yanchor="top",  # left of its line: the last one would run off the chart
             font={"size": 11, "color": style.NEUTRAL}, xshift=-3, bgcolor="rgba(255,255,255,0.8)")
        for i, (marker, edge) in enumerate(zip(style.EVENT_MARKERS, edges))
    ]
    fig.update_layout(shapes=list(fig.layout.shapes or ()) + shapes, annotations=list(fig.layout.annotations or ()) + annotations, xaxis_range=[x_min, x_max])
    return fig


def period_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, hover: list[str], estimate_col: str | None = None, label_col: str | None = None, yearly_bands: bool = True) -> go.Figure:
    """Bars coloured by period; estimated values hatched and named as estimates in the legend."""
    fig = go.Figure()
    for period, colour in style.PERIOD_COLOURS.items():
        part = frame[frame["period_id"] == period]
        if part.empty:
            continue
        for is_est in (False, True):
            sub = part[part[estimate_col].fillna(False).astype(bool) == is_est] if estimate_col else (part if not is_est else part.iloc[0:0])
            if sub.empty:
                continue
            fig.add_bar(
                x=_cats(sub[x]), y=_cats(sub[y]), name=style.period_label(period) + (" (estimate)" if is_est else ""),
                marker={"color": colour, "pattern": {"shape": style.ESTIMATE_PATTERN if is_est else "", "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
                text=_cats(sub[label_col]) if label_col else None, textposition="outside",
                hovertext=hover_text(sub, hover), hoverinfo="text",
            )
    fig.update_layout(barmode="stack", bargap=0.15)
    frame_figure(fig, cap)
    if yearly_bands and not frame.empty:
        add_period_bands(fig, float(frame[x].min()) - 0.5, float(frame[x].max()) + 0.5)
    return fig


def stacked_counts(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, stack: str, hover: list[str], colours: dict[str, str] | None = None) -> go.Figure:
    """Counts per year stacked by a category (e.g. domain), with the period bands behind."""
    colours = colours or style.DOMAIN_COLOURS
    fig = go.Figure()
    for key, part in frame.groupby(stack, sort=True):
        fig.add_bar(x=_cats(part[x]), y=_cats(part[y]), name=_esc(str(key).capitalize()), marker={"color": colours.get(key, style.NEUTRAL)}, hovertext=hover_text(part, hover), hoverinfo="text")
    fig.update_layout(barmode="stack", bargap=0.2)
    fig.update_yaxes(dtick=1 if frame.groupby(x)[y].sum().max() <= 10 else None, rangemode="tozero")
    frame_figure(fig, cap)
    if not frame.empty:
        add_period_bands(fig, float(frame[x].min()) - 0.5, float(frame[x].max()) + 0.5)
    return fig


def period_comparison(frame: pd.DataFrame, cap: Caption, *, highlight: str = "all") -> go.Figure:
    """Small multiples: one panel per indicator, one bar per period (the chosen period stands out)."""
    from plotly.subplots import make_subplots

    indicators = list(dict.fromkeys(frame["indicator"]))
    fig = make_subplots(rows=1, cols=max(1, len(indicators)), subplot_titles=[_esc(i) for i in indicators], horizontal_spacing=0.06)
    for col, indicator in enumerate(indicators, start=1):
        part = frame[frame["indicator"] == indicator]
        fig.add_bar(
            x=[style.PERIOD_LABELS[p] for p in part["period_id"]], y=part["value"], showlegend=False,
            marker={"color": [style.PERIOD_COLOURS[p] for p in part["period_id"]], "opacity": [1.0 if highlight in ("all", p) else 0.35 for p in part["period_id"]],
                    "pattern": {"shape": [style.ESTIMATE_PATTERN if e else "" for e in part["is_estimate"]], "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
            text=_cats(part["value_label"]), textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, ["Indicator:indicator", "Period:period_label", "Per year:value_label", "Unit:unit", "Years:years", "Method:note"]), hoverinfo="text",
            row=1, col=col,
        )
    frame_figure(fig, cap, height=440, legend=False)
    fig.update_xaxes(tickfont={"size": 11})
    fig.update_annotations(font={"size": 12})
    return fig


def tiv_by_year(frame: pd.DataFrame, cap: Caption) -> go.Figure:
    """Estimated yearly TIV as hatched bars by period; SIPRI's exact yearly figures as black diamonds."""
    estimates = frame[frame["is_estimate"].astype(bool)]
    fig = period_bars(estimates, cap, x="year", y="tiv_mtiv", estimate_col="is_estimate", hover=["Year:year", "Supplier:supplier", "TIV (millions, estimate):tiv_mtiv", "Method:method", "Deals delivering:deals", "Systems:systems"])
    exact = frame[~frame["is_estimate"].astype(bool)]
    if not exact.empty:
        fig.add_scatter(
            x=exact["year"], y=exact["tiv_mtiv"], mode="markers+text", name="SIPRI's exact yearly figure",
            marker={"symbol": "diamond", "size": 12, "color": "#000000"}, text=[f"SIPRI: {v:g}" for v in exact["tiv_mtiv"]], textposition="top center",
            hovertext=hover_text(exact, ["Year:year", "Supplier:supplier", "TIV (millions, exact):tiv_mtiv", "Source:method"]), hoverinfo="text",
        )
    fig.update_yaxes(title="Millions of TIV", rangemode="tozero")
    return fig


def horizontal_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, colour_by: str, hover: list[str], label: str | None = None, estimate_col: str | None = None) -> go.Figure:
    """Ranked horizontal bars (largest at the top), coloured by a category, estimates hatched."""
    frame, cap = first_bars(frame, cap, y)
    fig = go.Figure()
    for i, (key, part) in enumerate(frame.groupby(colour_by, sort=False)):
        est = part[estimate_col].astype(bool) if estimate_col else pd.Series(False, index=part.index)
        fig.add_bar(
            x=_cats(part[x]), y=_labels(part[y]), orientation="h", name=_esc(style.series_name(key)),
            marker={"color": style.series_colour(key, i), "pattern": {"shape": [style.ESTIMATE_PATTERN if e else "" for e in est], "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
            text=_cats(part[label]) if label else None, textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    return _category_rows(fig, cap, frame[y], least_height=360)


def hedged_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, label: str, colour_by: str, hover: list[str], orientation: str = "v", value_range: tuple[float, float] | None = None) -> go.Figure:
    """Bars of figures as sources state them: exact solid, hedged dotted, each labelled (e.g. '≥ 12')."""
    frame, cap = first_bars(frame, cap, x if orientation == "v" else y)
    fig = go.Figure()
    for i, (key, part) in enumerate(frame.groupby(colour_by, sort=False, dropna=False)):
        hedged = part["qualifier"].fillna("exact") != "exact"
        fig.add_bar(
            x=_cats(part[x]), y=_labels(part[y]) if orientation == "h" else _cats(part[y]), orientation=orientation,
            name=_esc(style.series_name(key)),
            marker={"color": style.series_colour(key, i), "pattern": {"shape": [style.HEDGED_PATTERN if h else "" for h in hedged], "fgcolor": "#FFFFFF", "solidity": 0.4, "fillmode": "overlay"}},
            text=_cats(part[label]), textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    fig.update_layout(barmode="group")
    if value_range:
        (fig.update_xaxes if orientation == "h" else fig.update_yaxes)(range=list(value_range))
    return _category_rows(fig, cap, frame[y], least_height=460) if orientation == "h" else frame_figure(fig, cap)


def timeline(frame: pd.DataFrame, cap: Caption, *, date: str, label: str, lane: str, hover: list[str], height: int = 480) -> go.Figure:
    """Events on a date axis, one lane per category, coloured by period, with the two cut dates.
    Beyond MAX_MARKERS events, one marker per lane and year, its area the number of events."""
    fig = go.Figure()
    grouped = len(frame) > MAX_MARKERS
    if grouped:
        years = pd.to_datetime(frame[date]).dt.year
        marks = grouped_markers(frame.assign(_year=years), ["period_id", lane, "_year"], label=label, hover=hover)
        marks[date] = pd.to_datetime(marks["_year"].astype(int).astype(str) + "-07-01")
        cap = replace(cap, shown=f"{len(frame):,} events grouped by year (marker area: number of events)")
    for period, colour in style.PERIOD_COLOURS.items():
        part = marks if grouped else frame
        part = part[part["period_id"] == period]
        if part.empty:
            continue
        marker = {"color": colour, "size": 12, "line": {"width": 1, "color": "#FFFFFF"}, "symbol": "diamond"}
        fig.add_scatter(
            x=part[date], y=_cats(part[lane]), mode="markers", name=style.period_label(period), hoverinfo="text",
            **_markers(part, grouped, marker, hover, symbol="circle", opacity=0.8),
        )
    frame_figure(fig, cap, height=height, left=label_margin(frame[lane].dropna().unique()))
    if not frame.empty:
        lo = min(pd.to_datetime(frame[date]).min(), pd.Timestamp("2013-01-01"))
        hi = max(pd.to_datetime(frame[date]).max(), pd.Timestamp("2023-01-01"))
        add_period_bands(fig, lo - pd.Timedelta(days=120), hi + pd.Timedelta(days=120), yearly=False)
    lanes = frame[lane].nunique()  # headroom above the top lane for the cut-date labels
    fig.update_yaxes(categoryorder="category descending", title=None, range=[-0.5, lanes - 0.5 + max(0.9, 0.13 * lanes)] if lanes else None)
    return fig


def map_points(frame: pd.DataFrame, cap: Caption, *, lat: str, lon: str, colour_by: str, hover: list[str], label: str, scope: str = "world", height: int = 520) -> go.Figure:
    """Markers on an offline world map (topojson served by the app itself). Beyond MAX_MARKERS
    points, one marker per place (to 0.1°) and colour, its area the number of rows there."""
    fig = go.Figure()
    grouped = len(frame) > MAX_MARKERS
    if grouped:
        frame = grouped_markers(frame.assign(**{lat: frame[lat].round(1), lon: frame[lon].round(1)}), [colour_by, lat, lon], label=label, hover=hover)
        cap = replace(cap, shown=f"{int(frame['rows'].sum()):,} rows grouped by place (marker area: number of rows)")
    for i, (key, part) in enumerate(frame.groupby(colour_by, sort=False)):
        marker = {"size": 11, "color": style.series_colour(key, i), "line": {"width": 1, "color": "#FFFFFF"}, "opacity": 0.9}
        fig.add_scattergeo(
            lat=part[lat], lon=part[lon], mode="markers", name=_esc(style.series_name(key)), hoverinfo="text",
            **_markers(part, grouped, marker, hover, opacity=0.75),
        )
    fig.update_geos(
        projection_type="natural earth", showland=True, landcolor="#E6E8EB", showcountries=True, countrycolor="#FFFFFF",
        showocean=True, oceancolor="#F5F8FB", showframe=False, resolution=110,
        **({"lataxis_range": [5, 75], "lonaxis_range": [0, 180]} if scope == "eurasia" else {}),
    )
    frame_figure(fig, cap, height=height, left=10)
    fig.update_layout(margin={"r": 10, "b": 96})
    return fig


def lines(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, series: str, hover: list[str], colours: dict[str, str] | None = None, yearly_bands: bool = True) -> go.Figure:
    """One line per series, markers on each point; period bands behind."""
    fig = go.Figure()
    for i, (key, part) in enumerate(frame.groupby(series, sort=False)):
        colour = (colours or {}).get(key, style.series_colour(key, i))
        fig.add_scatter(x=part[x], y=part[y], mode="lines+markers", name=_esc(key), line={"color": colour, "width": 2}, marker={"size": 5}, hovertext=hover_text(part, hover), hoverinfo="text")
    frame_figure(fig, cap)
    if yearly_bands and not frame.empty:
        add_period_bands(fig, float(frame[x].min()) - 0.5, float(frame[x].max()) + 0.5)
    return fig
