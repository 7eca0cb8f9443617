"""Chart builders: pure functions from a DataFrame to a Plotly figure.

Every figure carries its own title, a subtitle with units and period, and a source line, so a
screenshot or a downloaded PNG stands alone. Colours and the footer style come from style.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import style


@dataclass(frozen=True)
class Caption:
    """What a panel says about itself: title, units, period and source."""

    title: str
    units: str
    period: str
    source: str

    @property
    def subtitle(self) -> str:
        return f"{self.units} · {style.period_label(self.period)}"


def frame_figure(fig: go.Figure, cap: Caption, *, height: int = 460, legend: bool = True) -> go.Figure:
    """Apply the shared layout: title, subtitle, source line, fonts, white card, margins (in one
    layout update: each plotly update re-validates the layout)."""
    source = _wrap(_esc(cap.source), 150)
    lines = source.count("<br>") + 1
    source_note = dict(
        text=source, xref="paper", yref="paper", x=0, y=0, yshift=-44, xanchor="left", yanchor="top",
        showarrow=False, align="left", font={"size": style.SOURCE_FONT_SIZE, "color": style.NEUTRAL},
    )
    fig.update_layout(
        title={"text": f"<b>{_esc(cap.title)}</b><br><span style='font-size:13px;color:{style.NEUTRAL}'>{_esc(cap.subtitle)}</span>", "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        font={"family": style.FONT, "size": 13, "color": "#1A1A1A"},
        paper_bgcolor=style.PAPER,
        plot_bgcolor=style.PAPER,
        height=height,
        margin={"l": 60, "r": 24, "t": 86, "b": 64 + 15 * lines},
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
        dict(x=edge, y=1 - 0.06 * i, yref="paper", text=marker["label"], showarrow=False, xanchor="right" if i == 0 else "left", yanchor="top",
             font={"size": 11, "color": style.NEUTRAL}, xshift=-3 if i == 0 else 3, bgcolor="rgba(255,255,255,0.8)")
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


DOMAIN_COLOURS = {"land": "#8C6D31", "naval": "#0072B2", "air": "#56B4E9", "combined": "#009E73"}


def stacked_counts(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, stack: str, hover: list[str], colours: dict[str, str] | None = None) -> go.Figure:
    """Counts per year stacked by a category (e.g. domain), with the period bands behind."""
    colours = colours or DOMAIN_COLOURS
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
    fig = go.Figure()
    palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#8C6D31", "#000000", "#999999"]
    order = list(frame[y])
    for i, (key, part) in enumerate(frame.groupby(colour_by, sort=False)):
        est = part[estimate_col].astype(bool) if estimate_col else pd.Series(False, index=part.index)
        fig.add_bar(
            x=_cats(part[x]), y=_cats(part[y]), orientation="h", name=_esc(key),
            marker={"color": style.PERIOD_COLOURS.get(key, palette[i % len(palette)]), "pattern": {"shape": [style.ESTIMATE_PATTERN if e else "" for e in est], "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
            text=_cats(part[label]) if label else None, textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=[_esc(v) if isinstance(v, str) else v for v in order[::-1]], automargin=True)
    frame_figure(fig, cap, height=max(360, 120 + 26 * len(frame)))
    return fig


def hedged_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, label: str, colour_by: str, hover: list[str], orientation: str = "v") -> go.Figure:
    """Bars of figures as sources state them: exact solid, hedged dotted, each labelled (e.g. '≥ 12')."""
    fig = go.Figure()
    colours = {**style.PERIOD_COLOURS}
    for key, part in frame.groupby(colour_by, sort=False, dropna=False):
        hedged = part["qualifier"].fillna("exact") != "exact"
        fig.add_bar(
            x=_cats(part[x] if orientation == "v" else part[y]), y=_cats(part[y] if orientation == "v" else part[x]), orientation=orientation,
            name=style.period_label(str(key)) if key in colours else _esc(key),
            marker={"color": colours.get(key, style.NEUTRAL), "pattern": {"shape": [style.HEDGED_PATTERN if h else "" for h in hedged], "fgcolor": "#FFFFFF", "solidity": 0.4, "fillmode": "overlay"}},
            text=_cats(part[label]), textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    fig.update_layout(barmode="group")
    return frame_figure(fig, cap)


def timeline(frame: pd.DataFrame, cap: Caption, *, date: str, label: str, lane: str, hover: list[str], height: int = 480) -> go.Figure:
    """Events on a date axis, one lane per category, coloured by period, with the two cut dates."""
    fig = go.Figure()
    for period, colour in style.PERIOD_COLOURS.items():
        part = frame[frame["period_id"] == period]
        if part.empty:
            continue
        fig.add_scatter(
            x=part[date], y=_cats(part[lane]), mode="markers", name=style.period_label(period),
            marker={"color": colour, "size": 12, "line": {"width": 1, "color": "#FFFFFF"}, "symbol": "diamond"},
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    frame_figure(fig, cap, height=height)
    if not frame.empty:
        lo = min(pd.to_datetime(frame[date]).min(), pd.Timestamp("2013-01-01"))
        hi = max(pd.to_datetime(frame[date]).max(), pd.Timestamp("2023-01-01"))
        add_period_bands(fig, lo - pd.Timedelta(days=120), hi + pd.Timedelta(days=120), yearly=False)
    fig.update_yaxes(categoryorder="category descending", title=None)
    return fig


def map_points(frame: pd.DataFrame, cap: Caption, *, lat: str, lon: str, colour_by: str, hover: list[str], scope: str = "world", height: int = 520) -> go.Figure:
    """Markers on an offline world map (topojson served by the app itself)."""
    fig = go.Figure()
    for key, part in frame.groupby(colour_by, sort=False):
        fig.add_scattergeo(
            lat=part[lat], lon=part[lon], mode="markers", name=style.period_label(str(key)),
            marker={"size": 11, "color": style.PERIOD_COLOURS.get(key, style.NEUTRAL), "line": {"width": 1, "color": "#FFFFFF"}, "opacity": 0.9},
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    fig.update_geos(
        projection_type="natural earth", showland=True, landcolor="#E6E8EB", showcountries=True, countrycolor="#FFFFFF",
        showocean=True, oceancolor="#F5F8FB", showframe=False, resolution=110,
        **({"lataxis_range": [5, 75], "lonaxis_range": [0, 180]} if scope == "eurasia" else {}),
    )
    frame_figure(fig, cap, height=height)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 86, "b": 96})
    return fig


def lines(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, series: str, hover: list[str], colours: dict[str, str] | None = None, yearly_bands: bool = True) -> go.Figure:
    """One line per series, markers on each point; period bands behind."""
    fig = go.Figure()
    palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#000000"]
    for i, (key, part) in enumerate(frame.groupby(series, sort=False)):
        colour = (colours or {}).get(key, palette[i % len(palette)])
        fig.add_scatter(x=part[x], y=part[y], mode="lines+markers", name=_esc(key), line={"color": colour, "width": 2}, marker={"size": 5}, hovertext=hover_text(part, hover), hoverinfo="text")
    frame_figure(fig, cap)
    if yearly_bands and not frame.empty:
        add_period_bands(fig, float(frame[x].min()) - 0.5, float(frame[x].max()) + 0.5)
    return fig
