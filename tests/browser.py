"""Helpers for the browser tests: serve the app on a free localhost port, drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dashboard.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE_PATHS = {"Overview": "", "Arms transfers": "arms-transfers", "Dual-use supply": "dual-use", "Exercises and diplomacy": "exercises", "Incidents": "incidents", "Limits of the partnership": "limits", "Data explorer": "data", "Sources and method": "sources"}
SCREENSHOTS = ROOT / "tests" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db: Path, port: int | None = None):
    """Run `streamlit run dashboard/app.py` on localhost until the block ends; yield its base URL."""
    port = port or free_port()
    env = {**os.environ, "DASHBOARD_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
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
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{out}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


WAIT_FOR_CHARTS = """
() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  if (charts.length === 0) return document.querySelector('[data-testid="stMainBlockContainer"] h1') !== null;
  return charts.every(c => {
    const plot = c.querySelector('.js-plotly-plot');
    if (!plot || !plot.querySelector('.main-svg')) return false;
    if (plot.querySelector('.geo')) return plot.querySelectorAll('.geo path.land, .geo .layer.land path').length > 0;
    return plot.querySelectorAll('.plot .trace, .plot path, .scatterlayer .trace, .barlayer .trace').length > 0;
  });
}
"""
