"""Shared fixtures: the real database built once from data/, and copies of the inputs to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.core.db import Database
from dashboard.core.paths import DATA_DIR, QUERIES_DIR
from dashboard.pipeline.build import build


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The database built from the real data/ and queries/."""
    path = tmp_path_factory.mktemp("db") / "dashboard.duckdb"
    build(path)
    os.environ["DASHBOARD_DB"] = str(path)
    return path


@pytest.fixture(scope="session")
def db(built_db) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(built_db), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def database(built_db) -> Database:
    return Database(built_db)


@pytest.fixture
def use_db(monkeypatch):
    """`use_db(path)` points the app at another database file for the rest of the test, with the
    cached query results dropped before and after."""
    import streamlit as st

    def use(path: Path) -> Path:
        monkeypatch.setenv("DASHBOARD_DB", str(path))
        st.cache_data.clear()
        st.cache_resource.clear()  # query results (web.data._fetch) and panels are resources
        return path

    yield use
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of data/ and queries/ to break on purpose; returns its root."""
    shutil.copytree(DATA_DIR, tmp_path / "data")
    shutil.copytree(QUERIES_DIR, tmp_path / "queries")
    return tmp_path
