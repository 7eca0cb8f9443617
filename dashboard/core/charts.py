"""Chart builders: pure functions from a DataFrame to a Plotly figure.

Every figure carries its own title, a subtitle with units and period, and a source line, so a
screenshot or a downloaded PNG stands alone, and a text alternative generated from the same rows
(`describe`, also in layout.meta.description). Colours and the footer style come from style.py.
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
    shown: str = ""  # set by the builders: what the chart draws differently from its rows (fewer marks, grouped, spans); lines joined by "\n"

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


TITLE_CHARS = 42  # a title, subtitle or source line wraps at these widths: a phone (390 px) shows
SUBTITLE_CHARS = 56  # them whole; a desktop card shows them on a few short lines
SOURCE_CHARS = 60
LEGEND_ROW_PX = 26
PHONE_CARD_PX = 350  # a chart's width on a phone (390 px): a legend below the plot wraps within it


def _legend_rows(fig: go.Figure, left: int) -> int:
    """Rows a horizontal legend below the plot needs on a phone: it starts at the plot's left edge
    and wraps at the card's, so rows are reserved for the narrowest screen."""
    names = [str(t.name or "") for t in fig.data if t.showlegend is not False and t.name]
    if not names:
        return 0
    room = max(120, PHONE_CARD_PX - left)
    rows, used, tallest, extra = 1, 0, 1, 0
    for name in names:
        lines = name.split("<br>")
        width = 44 + 6.6 * max(len(_unescaped(line)) for line in lines)
        if used and used + width > room:
            rows, used, extra, tallest = rows + 1, 0, extra + tallest - 1, 1
        used += width
        tallest = max(tallest, len(lines))
    return min(rows + extra + tallest - 1, 6)


LEGEND_CHARS = 40  # a longer legend entry is wrapped: a legend is never cut at the card's edge


def _legend_name(key, labels: dict | None = None) -> str:
    return _wrap(_esc(style.series_name(key, labels)), LEGEND_CHARS)


def frame_figure(fig: go.Figure, cap: Caption, *, height: int = 460, legend: bool = True, left: int = 60, right: int = 24, axis_px: int = 44) -> go.Figure:
    """Apply the shared layout: title, subtitle, source line, fonts, white card, margins (in one
    layout update: each plotly update re-validates the layout). Title, subtitle and source are
    wrapped to fit a phone; the legend sits below the plot (rows reserved for a phone's width) and
    the source line below it, starting at the card's left edge, like the title, whatever the left
    margin (`left`, in pixels). `axis_px`: room under the plot for the x tick labels."""
    source = _wrap(_esc(cap.source), SOURCE_CHARS)
    lines = source.count("<br>") + 1
    title = _wrap(_esc(cap.title), TITLE_CHARS)
    subtitle = _wrap(_esc(cap.subtitle), SUBTITLE_CHARS)
    notes = [_wrap(_esc(n), SUBTITLE_CHARS) for n in cap.shown.split("\n") if n.strip()]
    shown = "".join(f"<br><span style='font-size:12px;color:{style.NEUTRAL}'><i>{n}</i></span>" for n in notes)
    top = 30 + 21 * (title.count("<br>") + 1) + 17 * (subtitle.count("<br>") + 1) + 16 * sum(n.count("<br>") + 1 for n in notes)
    rows = _legend_rows(fig, left) if legend else 0
    below = axis_px + LEGEND_ROW_PX * rows + (6 if rows else 0)  # px from the plot's bottom to the source line
    bottom = below + 15 * lines + 14
    plot_px = max(120, height - 165)  # the plot keeps the height `height` gave it before titles wrapped; the card grows
    height = plot_px + top + bottom
    source_note = dict(
        text=source, xref="paper", yref="paper", x=0, y=0, xshift=12 - left, yshift=-below, xanchor="left", yanchor="top",
        showarrow=False, align="left", font={"size": style.SOURCE_FONT_SIZE, "color": style.NEUTRAL},
    )
    fig.update_layout(
        title={"text": f"<b>{title}</b><br><span style='font-size:13px;color:{style.NEUTRAL}'>{subtitle}</span>" + shown, "x": 0.01, "xanchor": "left", "y": 1 - 14 / height, "yanchor": "top", "font": {"size": 16}},
        font={"family": style.FONT, "size": 13, "color": "#1A1A1A"},
        paper_bgcolor=style.PAPER,
        plot_bgcolor=style.PAPER,
        height=height,
        margin={"l": left, "r": right, "t": top, "b": bottom, "autoexpand": True},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "top", "y": -(axis_px - 4) / plot_px, "x": 0, "xanchor": "left", "bgcolor": "rgba(0,0,0,0)", "font": {"size": 12}, "traceorder": "normal"},
        hoverlabel={"font": {"family": style.FONT}, "align": "left"},
        modebar={"orientation": "v", "bgcolor": "rgba(255,255,255,0.7)"},  # down the right edge, not over the title
        annotations=list(fig.layout.annotations or ()) + [source_note],
    )
    fig.update_xaxes(gridcolor="#E5E8EC", linecolor="#9AA3AE", zeroline=False, automargin=True)
    fig.update_yaxes(gridcolor="#E5E8EC", linecolor="#9AA3AE", zeroline=False, automargin=True)
    return fig


def _esc(text: str) -> str:
    """Plotly renders a small HTML subset in titles and hover text; data text must stay text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cats(values: pd.Series) -> pd.Series:
    """Category labels, bar text and other values Plotly draws as (HTML-subset) text: strings
    escaped like _esc, numbers and dates untouched."""
    return values.map(lambda v: _esc(v) if isinstance(v, str) else v)


LABEL_CHARS = 24  # a longer category label is wrapped onto more lines (a phone keeps room for the bars)


def _labels(values: pd.Series, width: int = LABEL_CHARS) -> pd.Series:
    """Category labels drawn beside bars: escaped like _cats, long ones wrapped."""
    return values.map(lambda v: _wrap(_esc(v), width) if isinstance(v, str) else v)


LANE_CHARS = 26  # a timeline's lanes are one line each (their rows are too close for two)


def _row_px(labels) -> int:
    """Pixels per category row: room for the tallest (wrapped) label."""
    return 26 + 16 * (max((str(v).count("<br>") for v in labels), default=0))


def _category_rows(fig: go.Figure, cap: Caption, categories: pd.Series, *, least_height: int) -> go.Figure:
    """Frame a horizontal bar chart: categories top to bottom in the frame's order, one row each
    (tall enough for its lines), and a left margin that holds them. The bars keep the whole label
    (hover, tests and the data read it); the axis draws it wrapped at LABEL_CHARS."""
    order = list(dict.fromkeys(_cats(categories)))
    wrapped = [_wrap(v, LABEL_CHARS) if isinstance(v, str) else v for v in order]
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], tickmode="array", tickvals=order, ticktext=wrapped)
    fig.update_xaxes(nticks=6)
    return frame_figure(fig, cap, height=max(least_height, 175 + _row_px(wrapped) * len(order)), left=label_margin(wrapped), right=56)


def label_margin(labels, *, px_per_char: float = 6.6, most: int = 220) -> int:
    """A left margin wide enough for category labels at 13 px (Liberation Sans averages under
    6.6 px a character), by their longest line: set, not Plotly's automargin, so the source line
    can start at the card's edge. Wider labels are cut by the browser; hover and data keep them."""
    longest = max((len(line) for v in labels for line in _unescaped(str(v)).split("<br>")), default=0)
    return int(min(most, max(60, 20 + px_per_char * longest)))


def _unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


HOVER_CHARS = 400  # longer values are cut in the hover box (the data table and CSV keep them whole)
HOVER_WRAP = 40  # a hover box's lines: narrow enough for a phone's plot (wider boxes were cut)


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
            parts.append(f"<b>{_esc(label)}</b>: {_wrap(_esc(text), HOVER_WRAP)}")
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


# ----------------------------------------------------------------------------- time axes

YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50)
MOST_YEAR_TICKS = 8  # a phone's width holds eight year labels


def year_range(values: pd.Series, period: str, *, extra=()) -> tuple[float, float]:
    """The x range of a yearly chart: every year of the data (and `extra` years) and of the period
    shown (an open-ended period ends at the data), each year a whole slot (±0.5)."""
    years = [float(v) for v in list(pd.to_numeric(values, errors="coerce").dropna()) + list(extra)]
    first, last = style.PERIOD_YEARS.get(period, (None, None))
    years += [float(y) for y in (first, last) if y is not None]
    lo, hi = (min(years), max(years)) if years else (2000.0, 2024.0)
    if first is not None and last is None:  # e.g. since 2022: from 2022 to the data's last year
        hi = max(hi, float(first))
    return lo - 0.5, hi + 0.5


def year_axis(fig: go.Figure, x_range: tuple[float, float]) -> go.Figure:
    """Whole years only, however narrow the period: integer ticks a whole number of years apart
    (at most MOST_YEAR_TICKS), no thousands separator ('2022', never '2,021.5')."""
    span = x_range[1] - x_range[0]
    step = next((s for s in YEAR_STEPS if span / s <= MOST_YEAR_TICKS), YEAR_STEPS[-1])
    fig.update_xaxes(range=list(x_range), tickmode="linear", tick0=2000, dtick=step, tickformat="d", separatethousands=False, type="linear")
    return fig


def date_range(dates: pd.Series, period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range of a date axis: the data and the period shown (for all periods, both cut dates),
    padded so a marker at either end is drawn whole."""
    known = pd.to_datetime(pd.Series(list(dates)), errors="coerce").dropna()
    first, last = style.PERIOD_DATES.get(period, (style.EVENT_MARKERS[0]["date"], style.EVENT_MARKERS[-1]["date"]))
    bounds = [pd.Timestamp(b) for b in (first, last) if b is not None]
    if period not in style.PERIOD_DATES:
        bounds = [pd.Timestamp("2013-01-01"), pd.Timestamp("2023-01-01")]
    if first is not None and period in style.PERIOD_DATES:  # a span far outside the period is cut at the axis
        known = known[known >= pd.Timestamp(first) - DATE_OVERHANG]
    if last is not None and period in style.PERIOD_DATES:
        known = known[known <= pd.Timestamp(last) + DATE_OVERHANG]
    points = list(known) + bounds
    lo, hi = min(points), max(points)
    if first is not None and period in style.PERIOD_DATES:
        lo = max(lo, pd.Timestamp(first) - DATE_OVERHANG)
    if last is not None and period in style.PERIOD_DATES:
        hi = min(hi, pd.Timestamp(last) + DATE_OVERHANG)
    pad = max(pd.Timedelta(days=120), (hi - lo) * 0.03)
    if period in style.PERIOD_DATES:  # a filtered axis stays within half a year of its period
        pad = min(pad, pd.Timedelta(days=180))
    return lo - pad, hi + pad


#: How far past its period a filtered date axis may reach (then the padding): a span that runs on
#: beyond it is drawn cut at the edge, so the axis fits the period shown.
DATE_OVERHANG = pd.Timedelta(days=90)


MOST_DATE_TICKS = 5  # a timeline's plot is narrow on a phone (its lanes take the left)


def date_axis(fig: go.Figure, x_range) -> go.Figure:
    """Year ticks on a date axis, a whole number of years apart, few enough for a phone."""
    span = (pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0])).days / 365.25
    step = next((s for s in YEAR_STEPS if span / s <= MOST_DATE_TICKS), YEAR_STEPS[-1])
    fig.update_xaxes(tickmode="linear", tick0="2000-01-01", dtick=f"M{12 * step}", tickformat="%Y", tickangle=0)
    return fig


def _position(value) -> float:
    return pd.Timestamp(value).value if isinstance(value, (str, pd.Timestamp)) else float(value)


def add_period_bands(fig: go.Figure, x_min, x_max, *, yearly: bool = True) -> go.Figure:
    """Shade the periods lightly and mark 2014 and 24 February 2022, each only where it falls inside
    the x range; a cut's label sits on the side of its line with room (inside the chart). One
    layout update: plotly's add_vrect/add_vline/add_annotation re-validate the whole layout on
    every call (about a tenth of a second each, measured), which made the bands the slowest part
    of a page."""
    lo, hi = _position(x_min), _position(x_max)
    edges = [m["year_edge"] if yearly else pd.Timestamp(m["date"]) for m in style.EVENT_MARKERS]
    at = [_position(e) for e in edges]
    spans = [("before_2014", lo, at[0]), ("2014_2022", at[0], at[1]), ("since_2022", at[1], hi)]
    cast = (lambda v: v) if yearly else (lambda v: pd.Timestamp(int(v)))
    shapes = [
        dict(type="rect", xref="x", yref="y domain", x0=cast(max(lo, a)), x1=cast(min(hi, b)), y0=0, y1=1, fillcolor=style.PERIOD_COLOURS[period], opacity=0.06, line_width=0, layer="below")
        for period, a, b in spans if min(hi, b) > max(lo, a)
    ]
    annotations = []
    for i, (marker, edge, pos) in enumerate(zip(style.EVENT_MARKERS, edges, at)):
        if not lo < pos < hi:
            continue
        shapes.append(dict(type="line", xref="x", yref="y domain", x0=edge, x1=edge, y0=0, y1=1, line={"width": 1, "dash": "dot", "color": style.NEUTRAL}))
        right_half = (pos - lo) / (hi - lo) >= 0.5
        annotations.append(dict(
            x=edge, y=1 - 0.1 * i, yref="paper", text=marker["short"], showarrow=False, xanchor="right" if right_half else "left", yanchor="top", align="right" if right_half else "left",
            font={"size": 11, "color": style.NEUTRAL}, xshift=-3 if right_half else 3, bgcolor="rgba(255,255,255,0.8)",
        ))
    fig.update_layout(shapes=list(fig.layout.shapes or ()) + shapes, annotations=list(fig.layout.annotations or ()) + annotations, xaxis_range=[x_min, x_max])
    return fig


# ----------------------------------------------------------------------------- builders


def _period_bar_traces(fig: go.Figure, frame: pd.DataFrame, *, x: str, y: str, hover: list[str], estimate_col: str | None, label_col: str | None) -> None:
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
                text=_cats(sub[label_col]) if label_col else None, textposition="outside", cliponaxis=False,
                hovertext=hover_text(sub, hover), hoverinfo="text",
            )
    fig.update_layout(barmode="stack", bargap=0.15)


def _yearly(fig: go.Figure, cap: Caption, years: pd.Series, *, bands: bool, extra=()) -> go.Figure:
    """Frame a chart with a year x axis: whole-year ticks, the range of the data and the period,
    and the period bands where they fall inside."""
    frame_figure(fig, cap)
    x_range = year_range(years, cap.period, extra=extra)
    if bands:
        add_period_bands(fig, *x_range)
    fig.update_yaxes(nticks=6)
    return year_axis(fig, x_range)


def period_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, hover: list[str], estimate_col: str | None = None, label_col: str | None = None, yearly_bands: bool = True) -> go.Figure:
    """Bars by year coloured by period; estimated values hatched and named as estimates in the legend."""
    fig = go.Figure()
    _period_bar_traces(fig, frame, x=x, y=y, hover=hover, estimate_col=estimate_col, label_col=label_col)
    _yearly(fig, cap, frame[x], bands=yearly_bands)
    return _described(fig, describe(frame, cap, "period_bars", x=x, y=y, label_col=label_col, estimate_col=estimate_col))


def stacked_counts(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, stack: str, hover: list[str], colours: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> go.Figure:
    """Counts per year stacked by a category (e.g. domain), with the period bands behind. A
    category's colour is `colours[key]`, else its fixed colour (style.series_colour)."""
    fig = go.Figure()
    for key, part in frame.groupby(stack, sort=True):
        fig.add_bar(x=_cats(part[x]), y=_cats(part[y]), name=_legend_name(key, labels), marker={"color": style.series_colour(key, colours=colours)}, hovertext=hover_text(part, hover), hoverinfo="text")
    fig.update_layout(barmode="stack", bargap=0.2)
    _yearly(fig, cap, frame[x], bands=True)
    most = float(frame.groupby(x)[y].sum().max()) if not frame.empty else 0.0
    fig.update_yaxes(dtick=1 if most <= 10 else None, rangemode="tozero", range=[0, most * 1.3] if most else None)  # headroom: the cut labels sit above the bars
    return _described(fig, describe(frame, cap, "stacked_counts", x=x, y=y, stack=stack, labels=labels))


def _subplot_title(text: str) -> str:
    return _wrap(_esc(text), 22)


def period_comparison(frame: pd.DataFrame, cap: Caption, *, highlight: str = "all") -> go.Figure:
    """Small multiples: one panel per indicator, one bar per period (the chosen period stands out)."""
    from plotly.subplots import make_subplots

    indicators = list(dict.fromkeys(frame["indicator"]))
    fig = make_subplots(rows=1, cols=max(1, len(indicators)), subplot_titles=[_subplot_title(i) for i in indicators], horizontal_spacing=0.08)
    for col, indicator in enumerate(indicators, start=1):
        part = frame[frame["indicator"] == indicator]
        fig.add_bar(
            x=[_wrap(style.PERIOD_SHORT[p], 8) for p in part["period_id"]], y=part["value"], showlegend=False,
            marker={"color": [style.PERIOD_COLOURS[p] for p in part["period_id"]], "opacity": [1.0 if highlight in ("all", p) else 0.35 for p in part["period_id"]],
                    "pattern": {"shape": [style.ESTIMATE_PATTERN if e else "" for e in part["is_estimate"]], "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
            text=_cats(part["value_label"]), textposition="outside", cliponaxis=False, constraintext="none", textfont={"size": 11},
            hovertext=hover_text(part, ["Indicator:indicator", "Period:period_label", "Per year:value_label", "Unit:unit", "Years:years", "Method:note"]), hoverinfo="text",
            row=1, col=col,
        )
    titles = max((_subplot_title(i).count("<br>") + 1 for i in indicators), default=1)
    frame_figure(fig, cap, height=440 + 14 * titles, legend=False, axis_px=58)
    fig.update_layout(margin={"t": fig.layout.margin.t + 16 * titles})  # the panel titles sit above the panels, under the subtitle
    fig.update_xaxes(tickfont={"size": 10}, tickangle=0)
    fig.update_yaxes(nticks=5, rangemode="tozero")
    for a in fig.layout.annotations[: len(indicators)]:
        a.update(font={"size": 12}, yanchor="bottom", yshift=4)
    return _described(fig, describe(frame, cap, "period_comparison", highlight=highlight))


TIV_HOVER = ["Year:year", "Supplier:supplier", "TIV (millions):tiv_mtiv", "Release:release_label", "Method:method_label", "Deals delivering:deals", "Systems:systems"]


def tiv_by_year(frame: pd.DataFrame, cap: Caption) -> go.Figure:
    """SIPRI's yearly TIV as bars by period: SIPRI's own values solid, estimates hatched and named
    as estimates in the legend; each bar's hover names its release and method (where the frame has
    them: release_label, method_label)."""
    fig = go.Figure()
    _period_bar_traces(fig, frame, x="year", y="tiv_mtiv", estimate_col="is_estimate", label_col=None, hover=TIV_HOVER)
    _yearly(fig, cap, frame["year"], bands=True)
    fig.update_yaxes(title="Millions of TIV", rangemode="tozero")
    return _described(fig, describe(frame, cap, "tiv_by_year"))


def horizontal_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, colour_by: str, hover: list[str], label: str | None = None, estimate_col: str | None = None, colours: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> go.Figure:
    """Ranked horizontal bars (largest at the top), coloured by a category, estimates hatched."""
    text = describe(frame, cap, "horizontal_bars", x=x, y=y, colour_by=colour_by, label=label, labels=labels)
    frame, cap = first_bars(frame, cap, y)
    fig = go.Figure()
    for key, part in frame.groupby(colour_by, sort=False):
        est = part[estimate_col].astype(bool) if estimate_col else pd.Series(False, index=part.index)
        fig.add_bar(
            x=_cats(part[x]), y=_cats(part[y]), orientation="h", name=_legend_name(key, labels),
            marker={"color": style.series_colour(key, colours=colours), "pattern": {"shape": [style.ESTIMATE_PATTERN if e else "" for e in est], "fgcolor": "#FFFFFF", "solidity": 0.3, "fillmode": "overlay"}},
            text=_cats(part[label]) if label else None, textposition="outside", cliponaxis=False,
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    return _described(_category_rows(fig, cap, frame[y], least_height=360), text)


def hedged_bars(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, label: str, colour_by: str, hover: list[str], orientation: str = "v", value_range: tuple[float, float] | None = None, colours: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> go.Figure:
    """Bars of figures as sources state them: exact solid, hedged dotted, each labelled (e.g. '≥ 12').
    Vertical bars stand on categories as given (years as text stay categories, '2022', not 2,022)."""
    text = describe(frame, cap, "hedged_bars", x=x, y=y, label=label, colour_by=colour_by, orientation=orientation, labels=labels)
    frame, cap = first_bars(frame, cap, x if orientation == "v" else y)
    fig = go.Figure()
    for key, part in frame.groupby(colour_by, sort=False, dropna=False):
        hedged = part["qualifier"].fillna("exact") != "exact"
        fig.add_bar(
            x=_cats(part[x]), y=_cats(part[y]), orientation=orientation,
            name=_legend_name(key, labels),
            marker={"color": style.series_colour(key, colours=colours), "pattern": {"shape": [style.HEDGED_PATTERN if h else "" for h in hedged], "fgcolor": "#FFFFFF", "solidity": 0.4, "fillmode": "overlay"}},
            text=_cats(part[label]) if orientation == "h" else part[label].map(lambda v: _wrap(_esc(v), 10) if isinstance(v, str) else v), textposition="outside", cliponaxis=False,
            **({} if orientation == "h" else {"constraintext": "none", "textfont": {"size": 10}}),  # a narrow bar's label keeps its size (wrapped), not shrunk unreadable
            hovertext=hover_text(part, hover), hoverinfo="text",
        )
    fig.update_layout(barmode="group", bargroupgap=0.08)
    if value_range:
        (fig.update_xaxes if orientation == "h" else fig.update_yaxes)(range=list(value_range))
    if orientation == "h":
        return _described(_category_rows(fig, cap, frame[y], least_height=460), text)
    frame_figure(fig, cap)
    fig.update_xaxes(type="category", categoryorder="category ascending" if pd.Series(frame[x]).astype(str).str.fullmatch(r"\d{4}").all() else "trace")
    fig.update_yaxes(nticks=6, rangemode="tozero")
    return _described(fig, text)


def _imprecise(frame: pd.DataFrame) -> pd.Series:
    """Rows whose date is known only to a month or year: date_from before date_to (the data helper's
    columns; absent in older frames, where no row is imprecise)."""
    if not {"date_from", "date_to"} <= set(frame.columns):
        return pd.Series(False, index=frame.index)
    start, end = pd.to_datetime(frame["date_from"], errors="coerce"), pd.to_datetime(frame["date_to"], errors="coerce")
    return (start.notna() & end.notna() & (end > start)).fillna(False).astype(bool)


def _straddling(frame: pd.DataFrame) -> pd.Series:
    if "straddles_cut" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["straddles_cut"].map(lambda v: bool(v) if not _missing(v) else False).astype(bool)


def _cuts_within(frame: pd.DataFrame) -> list[str]:
    """The cut dates ('24 Feb 2022') that fall inside some straddling row's date span."""
    start, end = pd.to_datetime(frame["date_from"], errors="coerce"), pd.to_datetime(frame["date_to"], errors="coerce")
    out = []
    for marker in style.EVENT_MARKERS:
        cut = pd.Timestamp(marker["date"])
        if ((start <= cut) & (end >= cut)).any():
            out.append(_day(cut))
    return out


def straddle_note(frame: pd.DataFrame, *, spans: bool = True) -> str:
    """What a chart says on itself when rows dated only to a month or year straddle a cut date
    (`spans`: the chart draws them as spans, as a timeline does; a map does not)."""
    rows = frame[_straddling(frame)] if "date_from" in frame.columns else frame.iloc[0:0]
    if rows.empty:
        return ""
    cuts = " or ".join(_cuts_within(rows)) or "a cut date"
    n = len(rows)
    drawn = f"drawn as {'a span' if n == 1 else 'spans'} and " if spans else ""
    return f"{n:,} {'item' if n == 1 else 'items'} dated only to a month or year that includes {cuts} {'is' if n == 1 else 'are'} {drawn}shown under both periods"


def _with_note(cap: Caption, note: str) -> Caption:
    return replace(cap, shown="\n".join(n for n in (cap.shown, note) if n)) if note else cap


def timeline(frame: pd.DataFrame, cap: Caption, *, date: str, label: str, lane: str, hover: list[str], height: int = 480) -> go.Figure:
    """Events on a date axis, one lane per category, coloured by period, with the two cut dates.
    A row dated only to a month or year (date_from before date_to, where the frame has them) is a
    span from date_from to date_to with end ticks, not a point; rows that straddle a cut are
    counted on the chart. Beyond MAX_MARKERS events, one marker per lane and year, its area the
    number of events."""
    text = describe(frame, cap, "timeline", date=date, label=label, lane=lane)
    fig = go.Figure()
    grouped = len(frame) > MAX_MARKERS
    imprecise = _imprecise(frame) & (not grouped)
    if grouped:
        years = pd.to_datetime(frame[date]).dt.year
        marks = grouped_markers(frame.assign(_year=years), ["period_id", lane, "_year"], label=label, hover=hover)
        marks[date] = pd.to_datetime(marks["_year"].astype(int).astype(str) + "-07-01")
        cap = replace(cap, shown=f"{len(frame):,} events grouped by year (marker area: number of events)")
    cap = _with_note(cap, straddle_note(frame))
    span_hover = hover + (["Date:precision_note"] if "precision_note" in frame.columns else [])
    for period, colour in style.PERIOD_COLOURS.items():
        part = marks if grouped else frame[~imprecise]
        part = part[part["period_id"] == period]
        if part.empty:
            continue
        marker = {"color": colour, "size": 12, "line": {"width": 1, "color": "#FFFFFF"}, "symbol": "diamond"}
        fig.add_scatter(
            x=part[date], y=_labels(part[lane], LANE_CHARS), mode="markers", name=style.period_label(period), hoverinfo="text", cliponaxis=False, legendgroup=period,
            **_markers(part, grouped, marker, hover, symbol="circle", opacity=0.8),
        )
    spans = frame[imprecise]
    if not spans.empty:
        for period, colour in style.PERIOD_COLOURS.items():
            part = spans[spans["period_id"] == period]
            if part.empty:
                continue
            xs, ys, texts = [], [], []
            for lane_value, start, end, words in zip(_labels(part[lane], LANE_CHARS), pd.to_datetime(part["date_from"]), pd.to_datetime(part["date_to"]), hover_text(part, span_hover)):
                xs += [start, end, None]
                ys += [lane_value, lane_value, None]
                texts += [words, words, None]
            fig.add_scatter(
                x=xs, y=ys, mode="lines+markers", name=style.period_label(period) + " (span)", showlegend=False, legendgroup=period, hoverinfo="text", hovertext=texts, cliponaxis=False,
                line={"color": colour, "width": 4}, marker={"symbol": "line-ns", "size": 12, "line": {"width": 2, "color": colour}, "color": colour}, opacity=0.85,
            )
        fig.add_scatter(x=[None], y=[None], mode="lines+markers", name="Month or year only (span)", line={"color": style.NEUTRAL, "width": 4}, marker={"symbol": "line-ns", "size": 12, "line": {"width": 2, "color": style.NEUTRAL}}, hoverinfo="skip")
    lane_labels = _labels(pd.Series(frame[lane].dropna().unique(), dtype=object), LANE_CHARS)
    lines_of_labels = sum(str(v).count("<br>") + 1 for v in lane_labels)
    frame_figure(fig, cap, height=max(height, 165 + 18 * lines_of_labels + 40), left=label_margin(lane_labels))  # a lane's (wrapped) label has room
    if not frame.empty:
        extent = pd.concat([pd.to_datetime(frame[date], errors="coerce")] + ([pd.to_datetime(spans["date_from"]), pd.to_datetime(spans["date_to"])] if not spans.empty else []))
        x_range = date_range(extent, cap.period)
        add_period_bands(fig, *x_range, yearly=False)
        date_axis(fig, x_range)
    lanes = frame[lane].nunique()  # headroom above the top lane for the cut-date labels (two lines each)
    fig.update_yaxes(categoryorder="category descending", title=None, range=[-0.5, lanes - 0.5 + max(1.3, 0.2 * lanes)] if lanes else None)
    return _described(fig, text)


def map_points(frame: pd.DataFrame, cap: Caption, *, lat: str, lon: str, colour_by: str, hover: list[str], label: str, scope: str = "world", height: int = 520, colours: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> go.Figure:
    """Markers on an offline world map (topojson served by the app itself). Beyond MAX_MARKERS
    points, one marker per place (to 0.1°) and colour, its area the number of rows there."""
    text = describe(frame, cap, "map_points", lat=lat, lon=lon, colour_by=colour_by, label=label, labels=labels)
    fig = go.Figure()
    note = straddle_note(frame, spans=False)
    grouped = len(frame) > MAX_MARKERS
    if grouped:
        frame = grouped_markers(frame.assign(**{lat: frame[lat].round(1), lon: frame[lon].round(1)}), [colour_by, lat, lon], label=label, hover=hover)
        cap = replace(cap, shown=f"{int(frame['rows'].sum()):,} rows grouped by place (marker area: number of rows)")
    cap = _with_note(cap, note)
    for key, part in frame.groupby(colour_by, sort=False):
        marker = {"size": 11, "color": style.series_colour(key, colours=colours), "line": {"width": 1, "color": "#FFFFFF"}, "opacity": 0.9}
        fig.add_scattergeo(
            lat=part[lat], lon=part[lon], mode="markers", name=_legend_name(key, labels), hoverinfo="text",
            **_markers(part, grouped, marker, hover, opacity=0.75),
        )
    fig.update_geos(
        projection_type="natural earth", showland=True, landcolor="#E6E8EB", showcountries=True, countrycolor="#FFFFFF",
        showocean=True, oceancolor="#F5F8FB", showframe=False, resolution=110,
        **({"lataxis_range": [5, 75], "lonaxis_range": [0, 180]} if scope == "eurasia" else {}),
    )
    frame_figure(fig, cap, height=height, left=10, right=10, axis_px=12)
    return _described(fig, text)


def lines(frame: pd.DataFrame, cap: Caption, *, x: str, y: str, series: str, hover: list[str], colours: dict[str, str] | None = None, yearly_bands: bool = True, labels: dict[str, str] | None = None) -> go.Figure:
    """One line per series, markers on each point; a year x axis (whole years, the period's range)
    with the period bands behind. A series' colour is `colours[key]`, else its fixed colour."""
    fig = go.Figure()
    for key, part in frame.groupby(series, sort=False):
        colour = style.series_colour(key, colours=colours)
        fig.add_scatter(x=part[x], y=part[y], mode="lines+markers", name=_legend_name(key, labels) if labels else _wrap(_esc(key), LEGEND_CHARS), line={"color": colour, "width": 2}, marker={"size": 6, "color": colour}, cliponaxis=False, hovertext=hover_text(part, hover), hoverinfo="text")
    if pd.api.types.is_numeric_dtype(frame[x]):
        _yearly(fig, cap, frame[x], bands=yearly_bands)
    else:
        frame_figure(fig, cap)
    return _described(fig, describe(frame, cap, "lines", x=x, y=y, series=series, labels=labels))


# ----------------------------------------------------------------------------- text alternative


def _described(fig: go.Figure, text: str) -> go.Figure:
    fig.update_layout(meta={"description": text})
    return fig


def description(fig: go.Figure) -> str:
    """The text alternative a builder put in the figure (layout.meta.description), or ''."""
    meta = fig.layout.meta
    return str(meta.get("description", "")) if isinstance(meta, dict) else ""


def _num(value) -> str:
    """A number as the chart's axes print it: thousands separated, at most one decimal."""
    v = float(value)
    return f"{int(round(v)):,}" if abs(v - round(v)) < 1e-9 else f"{v:,.1f}"


def _day(value) -> str:
    t = pd.Timestamp(value)
    return f"{t.day} {t:%b %Y}"


def _when(row: dict, date: str) -> str:
    """A row's date as precisely as it is known: a day, a month or a year (from date_from and
    date_to where the frame has them, else its date_label, else the plotted day)."""
    start, end = row.get("date_from"), row.get("date_to")
    if not _missing(start) and not _missing(end):
        start, end = pd.Timestamp(start), pd.Timestamp(end)
        if start == end:
            return _day(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%b %Y}"
        if start.year == end.year:
            return f"{start.year}"
        return f"{start.year}–{end.year}"
    if not _missing(row.get("date_label")):  # the source's own words for the date ('1969', 'March 2022')
        return str(row["date_label"])
    value = row.get(date)
    return "" if _missing(value) else _day(value)


def _value_text(row: dict, value: str, label: str | None) -> str:
    shown = row.get(label) if label else None
    return str(shown) if not _missing(shown) else _num(row[value])


def _year(value) -> str:
    v = pd.to_numeric(value, errors="coerce")
    return str(int(v)) if not pd.isna(v) and float(v).is_integer() else str(value)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def _source_text(cap: Caption) -> str:
    """The source once: 'Source: …' however the caption spells it."""
    source = cap.source.strip()
    while source.lower().startswith(("source:", "sources:")):
        source = source.split(":", 1)[1].strip()
    return f"Source: {source}" if source else ""


def _listing(items: list[str], most: int = 5) -> str:
    items = [i for i in items if i]
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {len(items) - most:,} more"
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + (items[-1] if items else "")


def _extremes(rows: pd.DataFrame, value: str, along: str, label: str | None, name: str = "") -> str:
    """'largest V in X; latest V in X' of one series over years."""
    rows = rows[pd.to_numeric(rows[value], errors="coerce").notna()]
    if rows.empty:
        return ""
    rows = rows.assign(_v=pd.to_numeric(rows[value]), _x=pd.to_numeric(rows[along], errors="coerce"))
    top = rows.loc[rows["_v"].idxmax()].to_dict()
    last = rows.sort_values("_x", kind="stable").iloc[-1].to_dict()
    prefix = f"{name}: " if name else ""
    return f"{prefix}largest {_value_text(top, value, label)} in {_year(top[along])}; latest {_value_text(last, value, label)} in {_year(last[along])}"


def describe(frame: pd.DataFrame, cap: Caption, kind: str, **options) -> str:
    """A screen-reader description of a chart, generated from the rows it draws: what it shows and
    in which units, the x range, the largest and latest values (formatted as the chart prints
    them), the period and the source. `kind` is the builder's name ('tiv_by_year', 'lines',
    'period_bars', 'stacked_counts', 'horizontal_bars', 'hedged_bars', 'timeline', 'map_points',
    'period_comparison'); `options` are the builder's own keyword arguments (extra ones ignored).
    Plain text (not escaped): render it as text. Builders put it in layout.meta.description."""
    o = options
    period = style.period_label(cap.period)
    head = [_sentence(cap.title), _sentence(f"{cap.units}; period shown: {period}")]
    body: list[str] = []
    if frame.empty:
        body.append("No rows in this period.")
    elif kind in ("tiv_by_year", "period_bars", "stacked_counts", "lines"):
        x, y = ("year", "tiv_mtiv") if kind == "tiv_by_year" else (o["x"], o["y"])
        years = pd.to_numeric(frame[x], errors="coerce").dropna()
        if not years.empty:
            body.append(f"Years {_year(years.min())} to {_year(years.max())}." if years.min() != years.max() else f"The year {_year(years.min())}.")
        if kind == "tiv_by_year":
            est = frame[frame["is_estimate"].astype(bool)]
            exact = frame[~frame["is_estimate"].astype(bool)]
            if not exact.empty:
                body.append(_sentence("SIPRI's values (solid bars): " + _extremes(exact, y, x, None)))
            if not est.empty:
                methods = [str(m) for m in dict.fromkeys(est["method_label"].dropna())] if "method_label" in est else []
                body.append(_sentence("Estimates (hatched): " + "; ".join(f"{_num(r[y])} in {_year(r[x])}" for r in est.head(5).to_dict("records")) + (f" ({_listing(methods, 2)})" if methods else "")))
        elif kind == "stacked_counts":
            totals = frame.groupby(x, as_index=False)[y].sum()
            body.append(_sentence(_extremes(totals, y, x, None).replace("largest", "Most in one year:", 1).replace("; latest", "; latest year:", 1)))
            body.append(_sentence("By " + o["stack"].replace("_", " ") + ": " + _listing([f"{style.series_name(k, o.get('labels'))} {_num(v)}" for k, v in frame.groupby(o["stack"])[y].sum().sort_values(ascending=False).items()])))
        elif kind == "lines":
            parts = [_extremes(part, y, x, None, str(style.series_name(key, o.get("labels")) if o.get("labels") else key)) for key, part in frame.groupby(o["series"], sort=False)]
            body.append(_sentence("; ".join(p for p in parts if p)))
        else:
            body.append(_sentence(_extremes(frame, y, x, o.get("label_col")).capitalize()))
    elif kind in ("horizontal_bars", "hedged_bars"):
        value, category = (o["x"], o["y"]) if kind == "horizontal_bars" or o.get("orientation") == "h" else (o["y"], o["x"])
        label = o.get("label")
        rows = frame[pd.to_numeric(frame[value], errors="coerce").notna()]
        body.append(f"{len(frame):,} {'bar' if len(frame) == 1 else 'bars'}.")
        if kind == "hedged_bars" and o.get("orientation", "v") == "v":
            for key, part in rows.groupby(o["colour_by"], sort=False, dropna=False):
                name = style.series_name(key, o.get("labels")) if not _missing(key) else "(not named)"
                body.append(_sentence(f"{name}: " + "; ".join(f"{_year(r[category])} {_value_text(r, value, label)}" for r in part.to_dict("records"))))
        else:
            ranked = rows.assign(_v=pd.to_numeric(rows[value])).sort_values("_v", ascending=False, kind="stable")
            body.append(_sentence("Largest: " + _listing([f"{r[category]} ({_value_text(r, value, label)})" for r in ranked.head(3).to_dict("records")], 3)))
            if len(ranked) > 3:
                r = ranked.iloc[-1].to_dict()
                body.append(_sentence(f"Smallest: {r[category]} ({_value_text(r, value, label)})"))
    elif kind == "timeline":
        date, label, lane = o["date"], o["label"], o["lane"]
        records = frame.assign(_d=pd.to_datetime(frame[date], errors="coerce")).sort_values("_d", kind="stable").to_dict("records")
        dated = [r for r in records if not _missing(r["_d"])]
        body.append(f"{len(frame):,} {'item' if len(frame) == 1 else 'items'}" + (f" from {_when(dated[0], date)} to {_when(dated[-1], date)}" if dated else "") + ".")
        lanes = [str(v) for v in dict.fromkeys(frame[lane].dropna())]
        if lanes:
            body.append(_sentence(f"In {len(lanes)} {'row' if len(lanes) == 1 else 'rows'}: " + _listing(lanes, 8)))
        if dated:
            last = dated[-1]
            body.append(_sentence(f"Latest: {last[label] if not _missing(last[label]) else '(not named)'} ({_when(last, date)})"))
        if "date_from" in frame.columns:
            spans = int(_imprecise(frame).sum())
            if spans:
                body.append(f"{spans:,} dated only to a month or year, drawn as spans.")
        note = straddle_note(frame)
        if note:
            body.append(_sentence(note[:1].upper() + note[1:]))
    elif kind == "map_points":
        places = frame[[o["lat"], o["lon"]]].dropna().round(1).drop_duplicates()
        body.append(f"{len(frame):,} {'row' if len(frame) == 1 else 'rows'} at {len(places):,} {'place' if len(places) == 1 else 'places'}.")
        counts = frame[o["colour_by"]].value_counts(sort=False)
        body.append(_sentence("By colour: " + _listing([f"{style.series_name(k, o.get('labels'))} {n:,}" for k, n in counts.items()])))
        if "date_from" in frame.columns and straddle_note(frame, spans=False):
            note = straddle_note(frame, spans=False)
            body.append(_sentence(note[:1].upper() + note[1:]))
    elif kind == "period_comparison":
        for indicator, part in frame.groupby("indicator", sort=False):
            unit = part["unit"].dropna().iloc[0] if "unit" in part and part["unit"].notna().any() else ""
            values = [f"{style.period_label(r['period_id'])} {_value_text(r, 'value', 'value_label')}" for r in part.to_dict("records") if not _missing(r["value"])]
            body.append(_sentence(f"{indicator}" + (f", in {unit}" if unit else "") + ": " + _listing(values, 6)))
        if o.get("highlight", "all") != "all":
            body.append(_sentence(f"Highlighted: {style.period_label(o['highlight'])}"))
    if cap.shown:
        body += [_sentence(n[:1].upper() + n[1:]) for n in cap.shown.split("\n") if n.strip()]
    source = _source_text(cap)
    return " ".join(t for t in head + body + ([_sentence(source)] if source else []) if t)
