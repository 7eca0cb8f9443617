"""What a reader reads, checked: pure functions over text, links, tick labels and axis ranges.

Each check returns the offending pieces (a list of `Finding` or strings), empty when the input
is clean, so a test can name every defect at once. tests/test_reader_checks.py shows that each
one catches the defects of issue #12 and passes clean text; tests/browser/test_reader_text.py
runs them over every page, period and theme in Chromium.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

CONTEXT = 40  # characters shown either side of an offending piece of text


@dataclass(frozen=True)
class Finding:
    """An offending piece of text and the text around it (whitespace folded to single spaces)."""

    match: str
    context: str

    def __str__(self) -> str:
        return f"{self.match!r} in «{self.context}»"


def _findings(pattern: re.Pattern, text: str, keep=lambda m: True) -> list[Finding]:
    out = []
    for m in pattern.finditer(text):
        if keep(m):
            before = text[max(0, m.start() - CONTEXT): m.start()]
            after = text[m.end(): m.end() + CONTEXT]
            around = " ".join((("…" if m.start() > CONTEXT else "") + before + m.group(0) + after + ("…" if m.end() + CONTEXT < len(text) else "")).split())
            out.append(Finding(m.group(0), around))
    return out


# ----------------------------------------------------------------------------- missing values

# Missing values as pandas, Python, SQL or JavaScript print them. Case-sensitive: "Nan" (a name)
# and "none" (a word) are not flagged.
_BAD_WORDS = re.compile(r"(?<![\w-])(nan|NaN|None|NaT|null|undefined)(?![\w-])")
# "None" is also an English word: a sentence that opens with it and goes on in lower case
# ("None is corrected; …", "None of the sources …") is prose, not a missing value.
_PROSE_NONE = re.compile(r" [a-z]")


def find_bad_words(text: str) -> list[Finding]:
    """Missing values shown as words: nan, NaN, None, NaT, null, undefined (whole words)."""

    def keep(m: re.Match) -> bool:
        if m.group(0) != "None":
            return True
        before = text[: m.start()].rstrip(" \"“‘'(")
        sentence_start = not before or before[-1] in ".!?:;\n"
        return not (sentence_start and _PROSE_NONE.match(text, m.end()))

    return _findings(_BAD_WORDS, text, keep)


# ----------------------------------------------------------------------------- markdown escapes

# A backslash before ASCII punctuation: what escaping for Markdown leaves when the text is then
# shown as plain text, or put in a URL ("abachy\.com", "share\_amp").
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


def find_markdown_escapes(text: str) -> list[Finding]:
    """Markdown escapes leaking into reader text: a backslash before punctuation."""
    return _findings(_ESCAPE, text)


# ----------------------------------------------------------------------------- times on dates

# A time of day with seconds ("00:00:00", "10:02:49 AM", "T00:00:00" of an ISO timestamp) or a
# 12-hour clock time ("10:02 AM"). "HH:MM UTC" (the build time in the footer) is a deliberate
# time of day and is not matched.
_TIME = re.compile(r"(?<![\d:])(?:\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?:\s?[AaPp]\.?[Mm]\.?)?|\d{1,2}:\d{2}\s?[AaPp]\.?[Mm]\b\.?)(?![\d:])")


def find_times(text: str) -> list[Finding]:
    """A time of day where a date is meant: "2003-08-06 00:00:00", "13 Mar 2025 10:02:49 AM"."""
    return _findings(_TIME, text)


# ----------------------------------------------------------------------------- internal ids

# Two or more runs of lower-case letters or digits joined by underscores: cepa_2025,
# web_nhk_nitrocellulose_2022, bomber_patrol, 2014_2022. URLs (where underscores are part of
# the address) are taken out first.
_SNAKE = re.compile(r"(?<![\w.-])[a-z0-9]+(?:_[a-z0-9]+)+(?![\w-])")
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\d*\.)\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*", re.I)


def find_snake_ids(text: str) -> list[Finding]:
    """Internal ids (snake_case) in reader text; URLs are not searched."""
    return _findings(_SNAKE, _URL.sub(lambda m: " " * len(m.group(0)), text))


def check_text(text: str) -> list[tuple[str, Finding]]:
    """Every text check but the ids: (check name, finding) pairs."""
    return [(name, f) for name, check in (("missing value", find_bad_words), ("markdown escape", find_markdown_escapes), ("time on a date", find_times)) for f in check(text)]


# ----------------------------------------------------------------------------- links

_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.I)


def _valid_host(host: str) -> bool:
    if not host:
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    return len(host) <= 253 and all(_LABEL.fullmatch(label) for label in labels)


def bad_hrefs(hrefs, base: str) -> list[str]:
    """Links a reader cannot follow: each href resolved against the page URL ``base`` must be an
    http(s) URL with a valid host name, and must not carry a Markdown escape (a backslash, raw or
    as %5C, before punctuation). Links within the app (relative paths, #anchors) resolve to the
    app's own http URL and pass. Returns "href (why)" strings."""
    out = []
    for href in hrefs:
        if href is None:
            continue
        raw = str(href).strip()
        url = urljoin(base, raw)
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError as e:
            out.append(f"{raw} (not a URL: {e})")
            continue
        if parts.scheme not in ("http", "https"):
            out.append(f"{raw} (scheme {parts.scheme or 'none'!r}, not http(s))")
        elif not _valid_host(host):
            out.append(f"{raw} (host {host!r} is not a valid host name)")
        elif find_markdown_escapes(unquote(url)) or "\\" in unquote(parts.netloc):
            out.append(f"{raw} (a Markdown escape in the URL)")
    return out


# ----------------------------------------------------------------------------- year ticks

_NUMBER = re.compile(r"[−-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[−-]?\d+(?:\.\d+)?")


def _tick_value(label: str) -> float | None:
    label = label.strip()
    if not _NUMBER.fullmatch(label):
        return None
    return float(label.replace(",", "").replace("−", "-"))


def looks_like_years(ticks) -> bool:
    """Tick labels that are all numbers between 1900 and 2100 (at least two of them)."""
    values = [_tick_value(t) for t in ticks if str(t).strip()]
    return len(values) >= 2 and all(v is not None and 1900 <= v <= 2100 for v in values)


def fractional_year_ticks(ticks) -> list[str]:
    """On an axis whose ticks look like years, the ticks a reader cannot read as a year: a
    fraction ("2021.5", "2,021.5") or a year with a thousands separator ("2,021")."""
    ticks = [str(t).strip() for t in ticks]
    if not looks_like_years(ticks):
        return []
    return [t for t in ticks if "." in t or "," in t]


# ----------------------------------------------------------------------------- axis range

# How far past its period a time axis may reach (room for a bar's half-width, a marker and the
# axis padding), per period: (earliest start, latest end) for a date axis, and the same as years
# for a numeric year axis. One calendar year of margin on a side that has an end: since_2022
# (from 24 Feb 2022) may start on 1 Jan 2021 / at 2021 at the earliest; before_2014 (to 31 Dec
# 2013) may end on 31 Dec 2014 / at 2014.5 at the latest (the last year's bar ends at 2013.5, and
# a year's padding); 2014_2022 (1 Jan 2014 – 23 Feb 2022) between 1 Jan 2013 / 2013 and
# 31 Dec 2023 / 2023.5. "all" has no limit; neither has the open end of since_2022 nor the open
# start of before_2014.
PERIOD_LIMITS = {
    "before_2014": ((None, dt.date(2014, 12, 31)), (None, 2014.5)),
    "2014_2022": ((dt.date(2013, 1, 1), dt.date(2023, 12, 31)), (2013.0, 2023.5)),
    "since_2022": ((dt.date(2021, 1, 1), None), (2021.0, None)),
}


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"\s*(-?\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value))
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def range_exceeds_period(axis_range, period: str, kind: str = "auto") -> str | None:
    """Why an x range (two dates as Plotly gives them, "2021-12-05 12:00:00.0", or two numbers
    that are years) reaches past ``period`` by more than PERIOD_LIMITS allows; None when it
    does not (or the period is "all"). ``kind`` is "date", "year" or "auto" (numbers are years,
    strings dates)."""
    if period not in PERIOD_LIMITS or axis_range is None or len(axis_range) != 2:
        return None
    start, end = axis_range
    if kind == "auto":
        kind = "year" if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (start, end)) else "date"
    (date_lo, date_hi), (year_lo, year_hi) = PERIOD_LIMITS[period]
    if kind == "year":
        lo, hi, start, end = year_lo, year_hi, float(start), float(end)
    else:
        lo, hi, start, end = date_lo, date_hi, _as_date(start), _as_date(end)
        if start is None or end is None:
            return f"range {axis_range!r} is not a pair of dates"
    if start > end:
        start, end = end, start
    problems = []
    if lo is not None and start < lo:
        problems.append(f"starts at {start} (before {lo})")
    if hi is not None and end > hi:
        problems.append(f"ends at {end} (after {hi})")
    return f"x range {axis_range!r} " + " and ".join(problems) + f" for period {period}" if problems else None


# ----------------------------------------------------------------------------- colour contrast


def parse_colour(css: str) -> tuple[float, float, float, float] | None:
    """A CSS colour as getComputedStyle gives it ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "#0072B2",
    "color(srgb 0.1 0.2 0.3 / 0.5)") as (r, g, b, alpha) with r, g, b in 0..255; None if it is not
    one of those."""
    css = css.strip().lower()
    if m := re.fullmatch(r"#([0-9a-f]{6})([0-9a-f]{2})?", css):
        rgb = [int(m.group(1)[i:i + 2], 16) for i in (0, 2, 4)]
        return (*rgb, int(m.group(2), 16) / 255 if m.group(2) else 1.0)
    if m := re.fullmatch(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)", css):
        alpha = m.group(4)
        a = 1.0 if alpha is None else (float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha))
        return (float(m.group(1)), float(m.group(2)), float(m.group(3)), a)
    if m := re.fullmatch(r"color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*/\s*([\d.]+))?\)", css):
        return (float(m.group(1)) * 255, float(m.group(2)) * 255, float(m.group(3)) * 255, float(m.group(4) or 1))
    return None


def blend(top: tuple[float, float, float, float], under: tuple[float, ...]) -> tuple[float, float, float]:
    """``top`` (with its alpha) drawn over the opaque colour ``under``."""
    a = top[3]
    return tuple(top[i] * a + under[i] * (1 - a) for i in range(3))


def relative_luminance(rgb) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0..255 channels)."""
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a, b) -> float:
    """WCAG contrast ratio of two opaque colours, 1..21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ----------------------------------------------------------------------------- focus indicator

FOCUS_CONTRAST = 3.0  # WCAG 2.4.11 (2.2) / 1.4.11: a focus indicator at 3:1 at least


def _shadow_colours(shadow: str) -> list[tuple[float, float, float, float]]:
    return [c for c in (parse_colour(m) for m in re.findall(r"rgba?\([^)]*\)|#[0-9a-fA-F]{6,8}", shadow or "")) if c and c[3] > 0]


def focus_indicator_contrast(unfocused: list[dict], focused: list[dict]) -> tuple[float, str]:
    """The strongest focus indicator of one keyboard target: the best contrast ratio among what
    changed on its visible parts when it took focus, and what that was. Parts are the dicts of
    tests/helpers/browser.py FOCUS_STYLES, in the same order in both states. An outline or a box
    shadow that appears is measured against the colour behind the part; a border or a
    background that changes, against its unfocused colour (the same pixels before and after,
    as WCAG 2.4.11 puts it). (1.0, "nothing") when nothing visible changed."""
    best = (1.0, "nothing")

    def consider(ratio: float, what: str) -> None:
        nonlocal best
        if ratio > best[0]:
            best = (ratio, what)

    for before, after in zip(unfocused, focused):
        if not after.get("visible"):
            continue
        under = tuple(after["behind"])
        name = f"<{after['tag']}> part {after['part']}"
        outline = (after["outline_style"], after["outline_width"], after["outline_color"])
        if after["outline_style"] not in ("none", "hidden") and after["outline_width"] >= 1 and outline != (before["outline_style"], before["outline_width"], before["outline_color"]):
            colour = parse_colour(after["outline_color"])
            if colour:
                consider(contrast_ratio(blend(colour, under), under), f"{name} outline {after['outline_style']} {after['outline_width']:g}px {after['outline_color']}")
        if after["box_shadow"] != before["box_shadow"]:
            for colour in _shadow_colours(after["box_shadow"]):
                consider(contrast_ratio(blend(colour, under), under), f"{name} box-shadow {after['box_shadow']}")
        for (width, colour), (_, was) in zip(after["borders"], before["borders"]):
            now, then = parse_colour(colour), parse_colour(was)
            if width >= 1 and now and then and colour != was:
                consider(contrast_ratio(blend(now, under), blend(then, tuple(before["behind"]))), f"{name} border {was} → {colour}")
        if after["background"] != before["background"]:
            now, then = parse_colour(after["background"]), parse_colour(before["background"])
            if now and then:
                consider(contrast_ratio(blend(now, under), blend(then, tuple(before["behind"]))), f"{name} background {before['background']} → {after['background']}")
    return best


# ----------------------------------------------------------------------------- a page, read

SHOWN = 12  # kinds of problem listed in a failure message; the rest are counted


def id_exempt(page_title: str, chunk: dict) -> bool:
    """Page text where snake_case ids are shown on purpose: the command line for scripts on the
    Data explorer and the Briefing page (stCode: it must carry the relation's name and the period's
    id, e.g. --period before_2014) and the Data explorer's "Table or view" picker (it names the
    relation). The Data explorer's data grid is exempt too (see page_findings)."""
    if chunk["kind"] == "stCode":
        return page_title in ("Data explorer", "Briefing")
    return page_title == "Data explorer" and chunk["kind"] == "stSelectbox" and chunk["label"] == "Table or view"


_TAG = re.compile(r"<br\s*/?>|<[^>]*>", re.I)
_PLACEHOLDER = re.compile(r"%\{[^}]*\}")


def _shown(template: str) -> str:
    """A hover template or label as the reader sees it: tags out (<br> as a new line), the
    %{...} placeholders out (their values are checked as the traces' data)."""
    return _PLACEHOLDER.sub(" ", _TAG.sub(lambda m: "\n" if m.group(0).lower().startswith("<br") else "", template))


def page_findings(read: dict, page_title: str, period: str) -> list[tuple[str, str, str]]:
    """Everything wrong with what the reader reads on one page (a dict as tests/helpers/browser.py
    READ_PAGE returns it) shown for ``period``: (where, what, detail) triples, without repeats."""
    out: list[tuple[str, str, str]] = []

    def text(where: str, value: str, ids: bool = True) -> None:
        out.extend((where, name, str(f)) for name, f in check_text(value))
        if ids:
            out.extend((where, "internal id", str(f)) for f in find_snake_ids(value))

    for chunk in read["text"]:
        where = f"text ({chunk['kind']}{' «' + chunk['label'][:40] + '»' if chunk['label'] else ''})"
        text(where, chunk["text"], ids=not id_exempt(page_title, chunk))
    text("accessible names", "\n".join(read["names"]))
    for grid in read["grids"]:
        text("data grid", "\n".join(grid["header"] + grid["cells"]), ids=page_title != "Data explorer")
    for chart in read["charts"]:
        title = " ".join(_shown(chart["title"]).split()) or "untitled"
        where = f"chart {chart['index'] + 1} «{title[:50]}»"
        text(f"{where} SVG", "\n".join(chart["svg"]))
        for t in chart["traces"]:
            trace = f"{where} trace {t['index']}{' «' + t['name'][:30] + '»' if t['name'] else ''}"
            for field in ("hovertemplate", "hovertext", "text"):
                if t[field]:
                    text(f"{trace} {field}", "\n".join(_shown(s) for s in t[field]))
            if t["customdata"]:
                text(f"{trace} customdata", "\n".join(t["customdata"]))
            if t["name"]:
                text(f"{trace} name", t["name"])
        for axis in chart["axes"]:
            bad = fractional_year_ticks(axis["ticks"])
            if bad:
                out.append((f"{where} {axis['name']}", "year tick", f"{bad[:6]} (ticks {axis['ticks'][:10]})"))
            if axis["name"].startswith("xaxis") and (axis["type"] == "date" or (axis["type"] == "linear" and looks_like_years(axis["ticks"]))):
                why = range_exceeds_period(axis["range"], period, "date" if axis["type"] == "date" else "year")
                if why:
                    out.append((f"{where} {axis['name']}", "range past the period", why))
    out.extend(("link", "broken link", h) for h in bad_hrefs(read["hrefs"], read["url"]))
    return list(dict.fromkeys(out))


def report(what: str, found: list[tuple[str, str, str]]) -> str:
    """One line per kind of problem in one place, with its first example and a count: a failure
    stays a screenful however many rows repeat the defect."""
    groups: dict[tuple[str, str], list[str]] = {}
    for where, check, detail in found:
        groups.setdefault((where, check), []).append(detail)
    lines = [f"{what}: {len(found)} problem(s) a reader sees"]
    for (where, check), details in list(groups.items())[:SHOWN]:
        more = f" (×{len(details)}, e.g.)" if len(details) > 1 else ""
        lines.append(f"  - {where}: {check}{more}: {details[0][:200]}")
    if len(groups) > SHOWN:
        lines.append(f"  … and {len(groups) - SHOWN} more kinds in other places")
    return "\n".join(lines)
