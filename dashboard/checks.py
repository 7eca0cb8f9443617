"""Checks across tables that a column constraint cannot express, run by the build after every
table is loaded and before any view is created. Each raises BuildError naming file, line, column."""

from __future__ import annotations

from pathlib import Path

import duckdb


def run_all(con: duckdb.DuckDBPyConnection, tables: list, data_dir: Path) -> None:
    """Every cross-table check, in order; the first failure stops the build."""
