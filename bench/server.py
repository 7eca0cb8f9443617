"""Serve a Streamlit script for the benchmark (tests.browser.serve, with the benchmark's argument
order), and read a server's memory and log."""

from __future__ import annotations

import contextlib
from pathlib import Path

from dashboard.core.paths import ROOT
from tests.helpers.browser import Served, free_port
from tests.helpers.browser import serve as _serve

Server = Served  # .base, .pid, .log, .started_s (from `streamlit run` to /_stcore/health answering)

__all__ = ["LogTail", "Server", "free_port", "rss_mb", "serve"]


@contextlib.contextmanager
def serve(script: str, db: Path | None, log: Path, port: int | None = None, root: Path = ROOT):
    """`python -m streamlit run <script>` from the project root, exactly as the browser tests run
    the app, with its output in ``log``; DASHBOARD_DB is left alone when ``db`` is None."""
    with _serve(db, port, script=script, log=log, root=root) as app:
        yield app


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                kids.append(int(entry.name))
    return kids


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (VmRSS from /proc)."""
    total_kb = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
        todo.extend(_children(p))
    return total_kb / 1024


class LogTail:
    """New tracebacks in a server log since the last call: their last line (the exception)."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0

    def new_errors(self) -> list[str]:
        try:
            with self.path.open("rb") as f:
                f.seek(self.offset)
                chunk = f.read()
        except OSError:
            return []
        self.offset += len(chunk)
        lines = chunk.decode(errors="replace").splitlines()
        found = []
        for i, line in enumerate(lines):
            if line.startswith("Traceback"):
                j = i + 1
                while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                    j += 1
                if j < len(lines) and lines[j] not in found:
                    found.append(lines[j][:300])
        return found
