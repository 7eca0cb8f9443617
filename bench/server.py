"""Serve a Streamlit script the way tests/browser.py serves the app, and read its memory."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from dashboard.paths import ROOT


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    base: str
    pid: int
    log: Path
    started_s: float  # from `streamlit run` to /_stcore/health answering


@contextlib.contextmanager
def serve(script: str, db: Path | None, log: Path, port: int | None = None, root: Path = ROOT):
    """`python -m streamlit run <script>` from the project root (so .streamlit/config.toml
    applies), exactly as tests.browser.serve runs dashboard/app.py, but with its output in a log
    file rather than an unread pipe (a pipe fills up when a page logs tracebacks, and then the
    server blocks)."""
    port = port or free_port()
    env = {**os.environ}
    if db is not None:
        env["DASHBOARD_DB"] = str(db)
    log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.headless", "true"],
        cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
    )
    base = f"http://localhost:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"streamlit did not start ({script}); see {log}:\n" + log.read_text(errors="replace")[-2000:])
            time.sleep(0.1)
        yield Server(base, proc.pid, log, time.perf_counter() - t0)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()


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
