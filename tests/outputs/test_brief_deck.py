"""The briefing deck: `python -m dashboard brief --out deck.pptx` (the default briefing) and the
Briefing page give the same bytes; LibreOffice Impress opens it (converted to PDF here) with the
cover and one page per panel, titled as the panels; every panel slide has its chart, its units and
period, its source line, and notes with the quotes and citations behind it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest
from pptx import Presentation

from dashboard.core import citations
from dashboard.core.paths import ROOT
from dashboard.outputs import panels

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def deck_bytes(built_db, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("deck") / "deck.pptx"
    done = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--db", str(built_db), "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.fixture(scope="module")
def specs(built_db):
    from dashboard.web import data

    return [panels.PANELS[i].spec(data.load, "all") for i in panels.DEFAULT_BRIEFING]


def test_the_page_gives_the_same_deck_as_the_command_line(deck_bytes, built_db):
    from dashboard.web.panel_images import briefing_file

    assert briefing_file([], "all", "pptx") == deck_bytes


def test_every_panel_slide_has_its_chart_caption_source_and_notes(deck_bytes, specs):
    prs = Presentation(io.BytesIO(deck_bytes))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000), "not 16:9"
    slides = list(prs.slides)
    assert len(slides) == 1 + len(specs)
    cover = "\n".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Data vintage — database built" in cover and "SIPRI 2025 release: data generated 13 March 2025" in cover
    assert "Document: Hrytsenko, A. and Racz, A." in cover
    for slide, spec in zip(slides[1:], specs):
        cap = spec.caption
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert slide.shapes.title.text == cap.title
        assert cap.subtitle in texts and cap.source in texts, texts
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert abs(pictures[0].width / pictures[0].height - 16 / 9) < 0.01
        notes = slide.notes_slide.notes_text_frame.text
        assert cap.source in notes and "Sources:" in notes, notes[:300]
        if not spec.id.endswith(("period-comparison", "share-of-china-arms-imports")):  # panels with claim cards
            assert "Claim cards (open ?claim=ID in the dashboard;" in notes, spec.id
        if spec.quotes is not None and not spec.quotes.empty:
            first = spec.quotes.iloc[0]
            said = first["quote"] if first["evidence_kind"] == "quote" and first["quote"] else first["evidence"]
            assert "Quotes behind the figures:" in notes and str(said)[:60] in notes, (spec.id, notes[:400])
    arms = slides[1 + list(panels.DEFAULT_BRIEFING).index("ru-cn-arms-tiv-by-year")].notes_slide.notes_text_frame.text
    _credits_every_release_drawn(arms, next(s for s in specs if s.id == "ru-cn-arms-tiv-by-year"))


def _credits_every_release_drawn(notes: str, spec) -> None:
    """The notes give SIPRI's credit line for each release file the chart's bars come from."""
    from dashboard.web import data

    files = data.load("source_list", equals={"source_id": spec.source_ids()})
    sipri = files[files["title"].str.contains("SIPRI") & files["kind"].eq("database")]
    assert len(sipri) >= 2, spec.source_ids()  # the newest release for each year: more than one release
    for published in sipri["published"]:
        assert f"Credit: {citations.sipri_credit({'data_generated': published})}." in notes, (published, notes[-600:])


def test_libreoffice_impress_opens_the_deck(deck_bytes, specs, tmp_path):
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    (tmp_path / "deck.pptx").write_bytes(deck_bytes)
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "deck.pptx")], capture_output=True, text=True, timeout=300, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = tmp_path / "deck.pdf"
    assert pdf.exists(), done.stdout + done.stderr + " (Impress missing? apt-get install libreoffice-impress-nogui)"
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1 + len(specs)
    titles = [_pdf_text(t) for t in re.findall(rb"/Title\s*(<[0-9A-Fa-f]+>|\((?:[^()\\]|\\.)*\))", data)]
    for spec in specs:  # Impress writes each slide's title as a bookmark
        assert any(t and spec.caption.title.startswith(t[:40]) for t in titles), (spec.caption.title, titles)


def _pdf_text(token: bytes) -> str:
    if token.startswith(b"<"):
        raw = bytes.fromhex(token[1:-1].decode())
        return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
    return re.sub(rb"\\(.)", rb"\1", token[1:-1]).decode("latin-1")
