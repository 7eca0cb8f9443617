"""`python -m dashboard brief` refuses what it cannot make in one line, exit status 2, before any
chart is drawn; --list names the panels."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import panels


def _brief(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "brief", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "x.docx"], "give --out FILE ending in .pptx, .html, .pdf, .png, .svg"),
    (["--panels", "ru-cn-key-events,no-such-panel", "--out", "x.pptx"], "unknown panel no-such-panel; known: ru-cn-period-comparison"),
    (["--period", "1990s", "--out", "x.pptx"], "unknown period '1990s'"),
    (["--out", "x.png"], "a png image holds one panel; 6 were chosen (give one with --panels)"),
])
def test_refusals(built_db, tmp_path, args, message):
    done = _brief("--db", str(built_db), *[str(tmp_path / a) if a.startswith("x.") else a for a in args])
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "WARNING" not in done.stderr
    assert not list(tmp_path.glob("x.*")), "nothing is written"


def test_list_names_every_panel_and_the_default_briefing():
    done = _brief("--list")
    assert done.returncode == 0
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert [r[0] for r in rows] == list(panels.PANELS)
    assert [r[0] for r in rows if r[-1] == "(default)"] == sorted(panels.DEFAULT_BRIEFING, key=list(panels.PANELS).index)
