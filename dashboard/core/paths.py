"""Where the project keeps its inputs and its built database."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
TABLES_DIR = QUERIES_DIR / "tables"
VIEW_LAYERS = ("staging", "marts")
STATIC_DIR = ROOT / "dashboard" / "static"

#: The default database file. Override with the DASHBOARD_DB environment variable
#: or ``python -m dashboard build --db PATH``.
DEFAULT_DB = ROOT / "var" / "dashboard.duckdb"


def db_path() -> Path:
    """The database the app reads: $DASHBOARD_DB if set, else var/dashboard.duckdb."""
    env = os.environ.get("DASHBOARD_DB")
    return Path(env).resolve() if env else DEFAULT_DB


def relative(path: Path) -> str:
    """A path as people see it in messages: relative to the project root when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
