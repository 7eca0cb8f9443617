"""Safe defaults (issue #7): no usage statistics, localhost only, XSRF protection on, a read-only
database, and no file written outside the app's own data folder (var/) and the temp directory.

That a full browser walk requests nothing from any host but localhost is checked, page by page,
by tests/browser/test_browser.py::test_page_draws_in_chromium (its `outside` list); it is not repeated here.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import duckdb
import pytest

from dashboard.core.db import Database
from dashboard.core.paths import ROOT
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, WAIT_FOR_CHARTS, serve

LOOPBACK_V4 = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it (little-endian hex)


# ----------------------------------------------------------------------------- configuration


@pytest.fixture
def streamlit_config(monkeypatch):
    """The options Streamlit takes from the project's .streamlit/config.toml, read the way
    `streamlit run` reads them (from the working directory), with no STREAMLIT_* overrides."""
    from streamlit import config

    for name in [n for n in os.environ if n.startswith("STREAMLIT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    yield config
    config.get_config_options(force_reparse=True)


def test_effective_configuration(streamlit_config):
    get = streamlit_config.get_option
    assert get("browser.gatherUsageStats") is False
    assert get("server.address") in ("localhost", "127.0.0.1")
    assert get("browser.serverAddress") in ("localhost", "127.0.0.1")
    assert get("server.enableXsrfProtection") is True
    assert get("server.enableCORS") is True
    assert get("client.showErrorDetails") not in ("full", True, "stacktrace")
    assert get("server.headless") is True
    assert get("server.runOnSave") is False
    assert get("server.fileWatcherType") == "none"  # not a safety default: speed (.streamlit/config.toml says why)
    assert get("global.developmentMode") is False


# ----------------------------------------------------------------------------- database


def test_the_apps_database_connection_is_read_only(built_db):
    before = built_db.read_bytes()
    database = Database(built_db)
    try:
        for sql in ("create table pwned (i integer)", "delete from sources", "drop view exercise_list", "update sources set title = 'x'",
                    f"attach '{built_db}' as other", "select * from read_csv('/etc/hostname')", f"copy sources to '{built_db}.csv'",
                    "set enable_external_access = true", "install httpfs"):
            with pytest.raises(duckdb.Error):
                database.con.execute(sql)
    finally:
        database.close()
    assert built_db.read_bytes() == before


# ----------------------------------------------------------------------------- the running server


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _tcp_sockets(pid: int) -> list[tuple[str, str, str, str]]:
    """(family, local address hex, remote address hex, state hex) of the process's TCP sockets."""
    inodes = _socket_inodes(pid)
    found = []
    for family in ("tcp", "tcp6"):
        path = Path(f"/proc/net/{family}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            f = line.split()
            if f[9] in inodes:
                found.append((family, f[1].split(":")[0], f[2].split(":")[0], f[3]))
    return found


def _is_loopback(family: str, address: str) -> bool:
    if family == "tcp":
        return address.endswith("7F")  # 127.0.0.0/8, little-endian
    packed = bytes.fromhex(address)
    words = b"".join(packed[i:i + 4][::-1] for i in range(0, 16, 4))  # /proc writes 4 host-order words
    ip = socket.inet_ntop(socket.AF_INET6, words)
    return ip == "::1" or ip.startswith("::ffff:127.")


def _unspecified(family: str, address: str) -> bool:
    return set(address) == {"0"}


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project as a user would run it: the app, its config, data and queries; no
    database yet (the app builds it into var/ on start)."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("dashboard", "data", "queries", ".streamlit"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.mark.browser
def test_server_listens_on_loopback_and_writes_only_var_and_temp(project, tmp_path, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    home = tmp_path / "home"  # the server's HOME (Chromium keeps its own: it writes a profile)
    home.mkdir()
    real_home = os.environ.get("HOME", "")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("DASHBOARD_DB", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    before = _snapshot(project)
    with serve(None, root=project, timeout_s=120) as served:
        monkeypatch.setenv("HOME", real_home)
        listening = [s for s in _tcp_sockets(served.pid) if s[3] == "0A"]
        assert listening, "the server has no listening socket"
        assert all(_is_loopback(f, a) for f, a, _, _ in listening), f"listening beyond loopback: {listening}"
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                for path in PAGE_PATHS.values():
                    page.goto(f"{served}/{path}")
                    page.wait_for_function(WAIT_FOR_CHARTS, timeout=90_000, polling=500)
                    assert page.locator('[data-testid="stException"]').count() == 0, path
            finally:
                browser.close()
        others = [s for s in _tcp_sockets(served.pid) if s[3] != "0A"]
        outside = [s for s in others if not (_is_loopback(s[0], s[2]) or _unspecified(s[0], s[2]))]
        assert not outside, f"the server connected beyond loopback: {outside}"
    after = _snapshot(project)
    changed = sorted(p for p in set(after) | set(before) if before.get(p) != after.get(p))
    # Python's own byte-code cache (dashboard/**/__pycache__) is written by the interpreter on
    # import, not by the app; everything else must stay inside var/.
    stray = [p for p in changed if not p.startswith("var/") and "__pycache__" not in Path(p).parts]
    assert not stray, f"written outside var/: {stray}"
    assert any(p.startswith("var/") for p in changed), "the app did not build its database in var/"
    in_home = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert not in_home, f"written to HOME: {in_home}"
