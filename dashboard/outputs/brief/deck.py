"""The briefing as a 16:9 slide deck (python-pptx): a cover with the data vintage, then one slide
per panel — its chart rendered on the server, its title, units and period, its source line, and
speaker notes with the quotes and citations behind it."""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from dashboard.core import style
from dashboard.outputs.brief import render
from dashboard.outputs.brief.model import QUOTES_IN_NOTES, Briefing, Item, citation_lines, image_figure, quote_lines

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in: 16:9 exactly
MARGIN = Inches(0.4)
AUTHOR = "Russia–China military cooperation dashboard"
TITLE_ONLY = 5  # the default template's "Title Only" layout
TITLE = 0  # "Title Slide"
CLAIMS_IN_NOTES = 20


def deck(briefing: Briefing) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _cover(prs, briefing)
    for item in briefing.items:
        _panel_slide(prs, briefing, item)
    props = prs.core_properties
    props.title = f"Briefing: Russia–China military cooperation, {style.period_label(briefing.period)}"
    props.author = props.last_modified_by = AUTHOR
    props.created = props.modified = briefing.vintage.built_at
    props.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return steady_zip(out.getvalue(), briefing.vintage.built_at.timetuple()[:6])


def _cover(prs, briefing: Briefing) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE])
    slide.shapes.title.text = "Russia–China military cooperation"
    subtitle = slide.placeholders[1]
    subtitle.text = f"Briefing · {style.period_label(briefing.period)} · {len(briefing.items)} panels"
    for shape in (slide.shapes.title, subtitle):
        shape.left, shape.width = MARGIN, WIDTH - 2 * MARGIN
    slide.shapes.title.top, slide.shapes.title.height = Inches(0.6), Inches(1.2)
    subtitle.top, subtitle.height = Inches(1.8), Inches(0.7)
    v = briefing.vintage
    lines = [
        f"Data vintage — database built {v.built} · dashboard version {v.app_version}",
        f"SIPRI data: {v.sipri}",
        *("SIPRI " + r for r in v.releases),
        *("Document: " + d for d in v.documents),
        "TIV is SIPRI's trend-indicator value: a measure of the volume of arms transfers, not their financial value.",
    ]
    _text(slide, lines, Inches(2.7), HEIGHT - Inches(2.9), size=12)
    notes = ["This deck was made from the dashboard's database; every figure is its source's own, quoted in each slide's notes.", *lines]
    if briefing.skipped:
        notes.append("Not shown (no rows in this period): " + ", ".join(briefing.skipped))
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)


def _panel_slide(prs, briefing: Briefing, item: Item) -> None:
    cap = item.spec.caption
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    title = slide.shapes.title
    title.text = cap.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.15), WIDTH - 2 * MARGIN, Inches(0.75)
    title.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    _text(slide, [cap.subtitle], Inches(0.85), Inches(0.4), size=14)
    fig, width, height = image_figure(item, briefing.vintage)
    png = render.image(fig, "png", width=width, height=height, scale=2)
    room_top, room_bottom = Inches(1.3), HEIGHT - Inches(0.65)
    pic_h = room_bottom - room_top
    pic_w = Emu(int(pic_h * width / height))
    if pic_w > WIDTH - 2 * MARGIN:
        pic_w = WIDTH - 2 * MARGIN
        pic_h = Emu(int(pic_w * height / width))
    slide.shapes.add_picture(io.BytesIO(png), Emu(int((WIDTH - pic_w) / 2)), room_top, width=pic_w, height=pic_h)
    _text(slide, [cap.source], HEIGHT - Inches(0.6), Inches(0.5), size=11)
    slide.notes_slide.notes_text_frame.text = "\n".join(notes(item))


def notes(item: Item) -> list[str]:
    """The speaker notes: what the panel shows, its text alternative, its note, the quotes behind
    it and every source in full."""
    cap = item.spec.caption
    out = [f"{cap.title} — {cap.subtitle}", cap.source]
    description = (item.figure.layout.meta or {}).get("description") if isinstance(item.figure.layout.meta, dict) else None
    if description:
        out.append("What the chart shows: " + str(description))
    if item.spec.note:
        out.append("Note: " + item.spec.note)
    quotes = quote_lines(item, QUOTES_IN_NOTES)
    if quotes:
        out += ["", "Quotes behind the figures:", *quotes]
    cites = citation_lines(item)
    if cites:
        out += ["", "Sources:", *cites]
    ids = list(item.claims["claim_id"])
    if ids:
        shown = ids[:CLAIMS_IN_NOTES]
        out += ["", f"Claim cards (open ?claim=ID in the dashboard; {len(ids)} in all): " + ", ".join(shown) + (" …" if len(ids) > len(shown) else "")]
    return out


def _text(slide, lines: list[str], top, height, *, size: int) -> None:
    box = slide.shapes.add_textbox(MARGIN, top, WIDTH - 2 * MARGIN, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = line
        para.font.size = Pt(size)


def steady_zip(data: bytes, when: tuple[int, ...]) -> bytes:
    """The same archive with every member dated `when` (python-pptx dates them by the clock), so
    the same briefing gives the same bytes."""
    when = max(tuple(when), (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
