"""One panel as a server-side image, and the briefing as PDF: `python -m dashboard brief --panels ID
--out F.png|.svg` and the page's image buttons give the same bytes; the image is 16:9 with the
chart's title, source line and data vintage inside it; the PDF holds the chosen panels."""

from __future__ import annotations

import re
import struct
import subprocess
import sys

import pytest

from dashboard.core.paths import ROOT

pytestmark = pytest.mark.slow
PANEL = "ru-cn-arms-tiv-by-year"


def _cli(built_db, out, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "brief", "--db", str(built_db), *args, "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cli_images(built_db, tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("images")
    out = {}
    for fmt in ("png", "svg"):
        done = _cli(built_db, folder / f"panel.{fmt}", "--panels", PANEL, "--period", "since_2022")
        assert done.returncode == 0, done.stderr
        out[fmt] = (folder / f"panel.{fmt}").read_bytes()
    return out


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_the_page_gives_the_same_image_as_the_command_line(cli_images, fmt):
    from dashboard.web.panel_images import briefing_file

    assert briefing_file([PANEL], "since_2022", fmt) == cli_images[fmt]


def test_the_png_is_16_to_9(cli_images):
    png = cli_images["png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width * 9 == height * 16 and width >= 2560, (width, height)


def test_the_svg_carries_title_units_period_source_and_vintage(cli_images):
    svg = cli_images["svg"].decode("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", svg).replace("&amp;", "&").split())  # wrapped lines are separate text elements
    for words in ("Russia and Soviet Union → China: arms delivered per year", "Since 24 Feb 2022", "Source: SIPRI Arms Transfers Database", "Data as of the build of", "dashboard 0.1.0"):
        assert words in text, words
    width, height = (float(x) for x in re.search(r'<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"', svg).groups())
    assert abs(width / height - 16 / 9) < 0.01
    assert "http://" not in svg.replace("http://www.w3.org/", "") and "https://" not in svg, "the image names no outside resource"


def test_the_pdf_holds_the_cover_and_each_panel(cli_images):
    from dashboard.web.panel_images import briefing_file

    data = briefing_file([PANEL, "ru-cn-dual-use-shares"], "all", "pdf")
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 3, "a cover and a page per panel"
