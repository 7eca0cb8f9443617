"""Citations, written once: a source's full citation, SIPRI's credit line, "Cite this chart".

Style: Chicago author-date (reference-list form): Author(s). Year. Title. Publisher. Date.
URL. — with dates written day month year ("13 March 2025"), as the dashboard writes them
everywhere else. Pure functions of the rows they are given; a missing field (None, NaN, NaT,
an empty string) is left out, never printed as "nan" or "None"; nothing is invented (no
accessed date for a page nobody recorded opening, no URL where the source gives none).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

STYLE = "Chicago author-date style, dates written day month year"
SIPRI_DATABASE = "SIPRI Arms Transfers Database"
SIPRI_SOURCE_LINE = "Source: SIPRI Arms Transfers Database (c) SIPRI."
DASHBOARD_TITLE = "Russia–China military cooperation dashboard"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def missing(value) -> bool:
    """No value: None, NaN, NaT, pd.NA or blank text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text(value) -> str:
    """A cell as text, or "" where it is missing (None, NaN, NaT, pandas NA, blank)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if value != value:  # NaT, pandas NA
            return ""
    except (TypeError, ValueError):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def reader_date(value) -> str:
    """A date at the precision it carries: "13 March 2025", "July 2017", "2025"; "" if missing.
    Accepts a date, a datetime, or text starting with an ISO date (the rest is dropped)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    match = _ISO.match(text(value))
    if not match:
        return ""
    year, month, day = match.groups()
    if month and day:
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if month:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


def _sentence(part: str) -> str:
    part = part.strip()
    return part if not part or part[-1] in ".?!" else part + "."


def _names(authors: str) -> str:
    """Semicolon-separated names, Chicago style: the first inverted ("Hrytsenko, Alina"),
    the others as written, joined with "and"."""
    names = [n.strip() for n in authors.split(";") if n.strip()]
    if not names:
        return ""
    first = names[0].rsplit(" ", 1)
    names[0] = f"{first[1]}, {first[0]}" if len(first) == 2 else names[0]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}"
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def _year(source: Mapping) -> str:
    year = text(source.get("year"))
    if year:
        return year
    match = _ISO.match(text(source.get("published")))
    return match.group(1) if match else "n.d."


def source_citation(source: Mapping) -> str:
    """The full citation of one source (a row of `sources` or the `source_list` mart):
    authors (or, without any, the publisher as author), year, title (quoted for a web page or
    a database, as a part of a larger site), the publisher where it is not already the author,
    the full date for a web page or the date of data generation for a database, and the URL."""
    authors = _names(text(source.get("authors")))
    publisher = text(source.get("publisher"))
    title = text(source.get("title"))
    kind = text(source.get("kind"))
    url = text(source.get("url"))
    parts = [_sentence(authors or publisher), _sentence(_year(source))]
    if title:
        parts.append(f"“{_sentence(title)}”" if kind in ("web_page", "database") else _sentence(title))
    if authors and publisher:
        parts.append(_sentence(publisher))
    published = reader_date(source.get("published"))
    if kind == "database" and published:
        parts.append(f"Data generated {published}.")
    elif kind == "web_page" and published and published != _year(source):
        parts.append(_sentence(published))
    if url:
        parts.append(_sentence(url))
    return " ".join(p for p in parts if p)


def sipri_credit(release: Mapping) -> str:
    """SIPRI's requested credit line, "SIPRI Arms Transfers Database, [date of data generation]",
    for one release (a row of `sipri_releases`) or one file of it. The date is `data_generated`
    where the row has one (the file a value came from), else `data_generated_first` to
    `data_generated_last` (a release whose files were generated on different days); the
    release year follows in brackets so two releases are never taken for one."""
    single = reader_date(release.get("data_generated"))
    first = reader_date(release.get("data_generated_first"))
    last = reader_date(release.get("data_generated_last"))
    if single:
        when = single
    elif first and last and first != last:
        when = f"{first} to {last}"
    else:
        when = first or last
    line = f"{SIPRI_DATABASE}, {when}" if when else SIPRI_DATABASE
    name = text(release.get("release"))
    return f"{line} ({name} release)" if name else line


def dashboard_citation(title: str, url: str, accessed: date, version: str, release: str | None) -> str:
    """"Cite this chart": the dashboard as author and container, the chart's title, the
    dashboard's version, the SIPRI data release where the chart draws SIPRI data (a release
    year such as "2025", or a credit line from `sipri_credit`), the link that reopens the view
    with its filters, and the date accessed."""
    release = text(release)
    if release.isdigit():
        release = f"{SIPRI_DATABASE}, {release} release"
    parts = [
        _sentence(DASHBOARD_TITLE),
        _sentence(str(accessed.year)),
        f"“{_sentence(text(title))}”" if text(title) else "",
        f"Version {text(version)}." if text(version) else "",
        f"Data: {_sentence(release)}" if release else "",
        f"Accessed {reader_date(accessed)}.",
        _sentence(text(url)) if text(url) else "",
    ]
    return " ".join(p for p in parts if p)
