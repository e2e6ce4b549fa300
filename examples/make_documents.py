"""Render the example resumes (plain text / Markdown sources) to PDF and DOCX.

Usage:  python examples/make_documents.py

Needs reportlab, python-docx and pypdf (all in the project's dev environment).
Everything written is deterministic: running the script twice yields byte-identical
files, so regenerated outputs only show up in ``git diff`` when a source changed.

Outputs (next to the sources in examples/resumes/ unless noted):
  <name>.pdf                         one-column PDF of every resume source
  <name>.docx                        DOCX for the resumes listed in DOCX_PLAIN / DOCX_SKILLS_TABLE
  senior_ml_engineer_two_column.pdf  sidebar + main column layout built from reportlab frames
  examples/bad/*                     hostile inputs (encrypted, scanned, truncated, empty, PNG)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

rl_config.invariant = 1  # fixed creation date and document ID in every PDF


def _bullet_as_0x95() -> None:
    """ReportLab encodes U+2022 BULLET as byte 0x7F, which WinAnsiEncoding leaves undefined, so
    text extractors (pypdf included) drop every bullet. Encode it as 0x95 like Word and
    LibreOffice do. Private API: if it moves, bullets simply stay unextractable."""
    try:
        from reportlab.pdfbase.rl_codecs import RL_Codecs

        data = RL_Codecs._RL_Codecs__rl_codecs_data
        data["winansi"].rexceptions[0x2022] = 0x95
        RL_Codecs._RL_Codecs__rl_codecs_cache.pop("winansi", None)
    except (ImportError, AttributeError, KeyError):
        pass


_bullet_as_0x95()

HERE = Path(__file__).resolve().parent
RESUMES = HERE / "resumes"
BAD = HERE / "bad"

# Resumes that also get a DOCX; the last one gets its skills section as a 2-column table.
DOCX_PLAIN = ["junior_ml_engineer", "mid_ml_engineer", "ml_engineering_manager"]
DOCX_SKILLS_TABLE = ["senior_ml_engineer"]
TWO_COLUMN_SOURCE = "senior_ml_engineer"

FIXED_TIME = dt.datetime(2025, 1, 15, 9, 0, 0)
ZIP_TIME = (2025, 1, 15, 9, 0, 0)
AUTHOR = "gapfinder examples"

# --------------------------------------------------------------------------------------
# Parsing the text / Markdown sources into a small block model
# --------------------------------------------------------------------------------------

# Sections whose blocks start with an "entry" line (job title, degree, project name).
ENTRY_SECTIONS = re.compile(r"experience|education|projects?|employment|history", re.IGNORECASE)
KNOWN_HEADINGS = re.compile(
    r"^(professional\s+)?(summary|profile|objective|(work\s+|professional\s+)?experience|education|"
    r"(technical\s+)?skills|certifications?|projects|publications|patents|open source|talks|"
    r"leadership training)$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*([-*•])\s+(.*)$")
UNDERLINE = re.compile(r"^\s*[-=_]{3,}\s*$")
GAP = re.compile(r"^(\S.*?\S)\s{3,}(\S.*)$")
LABEL = re.compile(r"^[A-Z][\w /&()+.-]{0,38}:\s")


@dataclass
class Block:
    kind: str  # name | contact | heading | entry | bullet | para
    text: str
    right: str = ""  # entry: right-aligned part (usually dates)
    section: str = ""


def _is_caps_heading(line: str) -> bool:
    core = re.sub(r"\(.*?\)", "", line).strip()
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 3 and len(core) <= 40 and core.upper() == core


def parse_resume(path: Path) -> list[Block]:
    """Turn a resume source into blocks. Markdown (.md) and plain text (.txt) are supported."""
    raw = path.read_text(encoding="utf-8").splitlines()
    is_md = path.suffix == ".md"
    blocks: list[Block] = []
    section = ""
    seen_heading = False
    block_start = True  # first line after a blank line or a heading
    for i, line in enumerate(raw):
        stripped = line.strip()
        if not stripped:
            block_start = True
            continue
        if UNDERLINE.match(line):
            continue  # underline of the previous line, which was already taken as a heading
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        prev = blocks[-1] if blocks else None

        # name
        if not blocks:
            blocks.append(Block("name", stripped.lstrip("# ").strip()))
            block_start = False
            continue

        # headings
        heading = None
        if is_md and stripped.startswith("## "):
            heading = stripped[3:].strip()
        elif not is_md and (
            UNDERLINE.match(nxt)
            or (not BULLET.match(line) and _is_caps_heading(stripped))
            or KNOWN_HEADINGS.match(stripped.rstrip(":"))
        ):
            heading = stripped.rstrip(":")
        if heading is not None:
            section = heading
            seen_heading = True
            blocks.append(Block("heading", heading, section=section))
            block_start = True
            continue

        if not seen_heading:
            blocks.append(Block("contact", _md_inline(stripped) if is_md else _esc(stripped)))
            continue

        text = _md_inline(stripped) if is_md else _esc(stripped)
        m = BULLET.match(line)
        if m:
            body = _md_inline(m.group(2)) if is_md else _esc(m.group(2))
            blocks.append(Block("bullet", body, section=section))
            block_start = False
            continue

        if is_md and stripped.startswith("### "):
            blocks.append(Block("entry", _md_inline(stripped[4:]), section=section))
            block_start = False
            continue

        # continuation of a wrapped bullet or paragraph
        if prev is not None and not block_start:
            indented = line[:1].isspace()
            if prev.kind == "bullet" and indented:
                prev.text += " " + text
                continue
            # a hard-wrapped paragraph: long previous line that clearly runs on into this one
            # (block_start is False, so raw[i - 1] is the previous, non-blank line)
            before = raw[i - 1].strip()
            runs_on = re.search(r"[a-z,;:(&/|–—-]$", before) or stripped[0].islower()
            if prev.kind == "para" and (is_md or (len(before) >= 70 and runs_on)) and not LABEL.match(stripped):
                prev.text += " " + text
                continue

        gap = GAP.match(stripped)
        if gap and not is_md:
            blocks.append(Block("entry", _esc(gap.group(1)), right=_esc(gap.group(2)), section=section))
        elif block_start and ENTRY_SECTIONS.search(section) and not is_md:
            blocks.append(Block("entry", text, section=section))
        else:
            blocks.append(Block("para", text, section=section))
        block_start = False
    return blocks


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_inline(s: str) -> str:
    s = _esc(s)
    s = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", s)
    return s


def plain(s: str) -> str:
    """Strip the tiny markup used in blocks (for DOCX)."""
    s = re.sub(r"</?[bi]>", "", s)
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def check_encodable(path: Path) -> None:
    """Base-14 PDF fonts only cover cp1252; fail loudly instead of drawing black boxes."""
    text = path.read_text(encoding="utf-8")
    try:
        text.encode("cp1252")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end]
        sys.exit(f"{path.name}: character {bad!r} is not renderable with Helvetica (cp1252)")


# --------------------------------------------------------------------------------------
# PDF rendering
# --------------------------------------------------------------------------------------

BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=9.5, leading=12)
STYLES = {
    "name": ParagraphStyle("name", parent=BASE, fontName="Helvetica-Bold", fontSize=18, leading=22),
    "contact": ParagraphStyle("contact", parent=BASE, fontSize=9, leading=11.5, textColor=colors.HexColor("#333333")),
    "heading": ParagraphStyle(
        "heading",
        parent=BASE,
        fontName="Helvetica-Bold",
        fontSize=11.5,
        leading=14,
        spaceBefore=7,
        spaceAfter=1,
    ),
    "entry": ParagraphStyle("entry", parent=BASE, fontName="Helvetica-Bold", spaceBefore=4),
    "entry_right": ParagraphStyle("entry_right", parent=BASE, alignment=TA_RIGHT),
    "bullet": ParagraphStyle("bullet", parent=BASE, leftIndent=14, bulletIndent=4, spaceBefore=1.5),
    "para": ParagraphStyle("para", parent=BASE, spaceBefore=1.5),
}


def _small(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(
        style.name + "_sb",
        parent=style,
        fontSize=size,
        leading=size * 1.28,
        spaceBefore=min(style.spaceBefore, 3),
    )


SIDEBAR = {k: _small(v, 8.4) for k, v in STYLES.items()}
SIDEBAR["name"] = ParagraphStyle("sb_name", parent=STYLES["name"], fontSize=15, leading=18)
SIDEBAR["heading"] = ParagraphStyle("sb_heading", parent=STYLES["heading"], fontSize=10, leading=12.5, spaceBefore=10)
SIDEBAR["bullet"] = ParagraphStyle("sb_bullet", parent=SIDEBAR["bullet"], leftIndent=9, bulletIndent=0)


def flowables(
    blocks: list[Block], styles: dict[str, ParagraphStyle], width: float, table_entries: bool = True
) -> list[Flowable]:
    out: list[Flowable] = []
    pending_heading: list[Flowable] | None = None
    for b in blocks:
        if b.kind == "heading":
            pending_heading = [
                Paragraph(b.text.upper() if b.text.isupper() else b.text, styles["heading"]),
                HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#888888"), spaceAfter=3),
            ]
            continue
        if b.kind == "entry" and b.right and table_entries:
            tbl = Table(
                [[Paragraph(b.text, styles["entry"]), Paragraph(b.right, styles["entry_right"])]],
                colWidths=[width * 0.70, width * 0.30],
            )
            tbl.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            f = tbl
        elif b.kind == "entry" and b.right:
            f = Paragraph(f"{b.text}<br/><font name='Helvetica'>{b.right}</font>", styles["entry"])
        elif b.kind == "bullet":
            f = Paragraph(b.text, styles["bullet"], bulletText="•")
        else:
            f = Paragraph(b.text, styles[b.kind])
        if pending_heading:
            out.append(KeepTogether([*pending_heading, f]))  # never strand a heading at a page foot
            pending_heading = None
        else:
            out.append(f)
    if pending_heading:
        out.extend(pending_heading)
    return out


def _meta(blocks: list[Block]) -> dict[str, str]:
    name = plain(blocks[0].text)
    return {"title": f"Resume - {name}", "author": name, "subject": "Resume", "creator": AUTHOR}


def render_pdf(blocks: list[Block], out: Path) -> None:
    margin = 0.65 * inch
    doc = SimpleDocTemplate(
        str(out),
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=0.45 * inch,
        bottomMargin=0.45 * inch,
        invariant=1,
        **_meta(blocks),
    )
    story = flowables(blocks, STYLES, LETTER[0] - 2 * margin)
    story.insert(1, Spacer(1, 2))
    doc.build(story)


SIDEBAR_SECTIONS = re.compile(r"skills|certification|education", re.IGNORECASE)


def render_two_column_pdf(blocks: list[Block], out: Path) -> None:
    """Left sidebar (contact, skills, certifications, education), right main column (the rest)."""
    page_w, page_h = LETTER
    m = 0.45 * inch
    side_w = 2.35 * inch
    gutter = 0.3 * inch
    main_x = m + side_w + gutter
    main_w = page_w - main_x - m
    side = Frame(m, m, side_w, page_h - 2 * m, id="sidebar", leftPadding=6, rightPadding=6)
    main_first = Frame(main_x, m, main_w, page_h - 2 * m, id="main")
    main_later = Frame(main_x, m, main_w, page_h - 2 * m, id="main2")

    def sidebar_bg(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#EEF2F6"))
        canvas.rect(0, 0, m + side_w + gutter / 2, page_h, stroke=0, fill=1)
        canvas.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=LETTER, invariant=1, **_meta(blocks))
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[side, main_first], onPage=sidebar_bg),
            PageTemplate(id="later", frames=[main_later], onPage=sidebar_bg),
        ]
    )
    head = [b for b in blocks if b.kind in ("name", "contact")]
    side_blocks: list[Block] = []
    main_blocks: list[Block] = []
    for b in blocks:
        if b.kind in ("name", "contact"):
            continue
        (side_blocks if SIDEBAR_SECTIONS.search(b.section) else main_blocks).append(b)
    # sidebar order: skills, certifications, education (stable within a section)
    order = ("skills", "certification", "education")
    side_blocks.sort(key=lambda b: next(i for i, k in enumerate(order) if k in b.section.lower()))
    # contact lines in a narrow column read better split at the separators
    contact = [Block("contact", part.strip()) for c in head[1:] for part in re.split(r"\s[|•·—]\s", c.text)]
    side_story = flowables([head[0], *contact, *side_blocks], SIDEBAR, side_w - 12, table_entries=False)
    main_story = flowables(main_blocks, STYLES, main_w)
    doc.build([NextPageTemplate("later"), *side_story, FrameBreak(), *main_story])


# --------------------------------------------------------------------------------------
# DOCX rendering
# --------------------------------------------------------------------------------------


def _add_runs(par: DocxParagraph, text: str) -> None:
    """Add text to a python-docx paragraph, honouring <b>/<i> markup from the block model."""
    for piece in re.split(r"(<b>.*?</b>|<i>.*?</i>)", text):
        if not piece:
            continue
        if piece.startswith("<b>"):
            par.add_run(plain(piece[3:-4])).bold = True
        elif piece.startswith("<i>"):
            par.add_run(plain(piece[3:-4])).italic = True
        else:
            par.add_run(plain(piece))


def render_docx(blocks: list[Block], out: Path, skills_table: bool = False) -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Inches(0.8)
    sec.top_margin = sec.bottom_margin = Inches(0.7)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    text_width = Inches(8.5) - Inches(0.8) - Inches(0.8)  # Letter, margins as set above

    skills_rows: list[tuple[str, str]] = []
    for b in [*blocks, Block("heading", "")]:  # sentinel flushes a trailing skills table
        in_skills = skills_table and re.search(r"skills", b.section, re.IGNORECASE) and b.kind != "heading"
        if in_skills:
            label, sep, rest = plain(b.text).partition(":")
            skills_rows.append((label.strip(), rest.strip()) if sep and len(label) < 40 else ("", plain(b.text)))
            continue
        if skills_rows:
            table = doc.add_table(rows=0, cols=2)
            table.style = doc.styles["Table Grid"]
            for label, items in skills_rows:
                cells = table.add_row().cells
                cells[0].text = label
                cells[1].text = items
                cells[0].width, cells[1].width = Inches(1.7), text_width - Inches(1.7)
                if cells[0].paragraphs[0].runs:
                    cells[0].paragraphs[0].runs[0].bold = True
            skills_rows = []
        if b.kind == "name":
            doc.add_heading(plain(b.text), level=0)
        elif b.kind == "contact":
            _add_runs(doc.add_paragraph(), b.text)
        elif b.kind == "heading" and b.text:
            doc.add_heading(plain(b.text), level=1)
        elif b.kind == "entry":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(6)
            p.paragraph_format.space_after = Pt(0)
            if b.right:
                p.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
            p.add_run(plain(b.text)).bold = True
            if b.right:
                p.add_run("\t" + plain(b.right))
        elif b.kind == "bullet":
            _add_runs(doc.add_paragraph(style="List Bullet"), b.text)
        elif b.kind == "para":
            _add_runs(doc.add_paragraph(), b.text)

    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = f"Resume - {plain(blocks[0].text)}"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_normalize_zip(buf.getvalue()))


def _normalize_zip(data: bytes) -> bytes:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    src = zipfile.ZipFile(io.BytesIO(data))
    dst_buf = io.BytesIO()
    with zipfile.ZipFile(dst_buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return dst_buf.getvalue()


# --------------------------------------------------------------------------------------
# Hostile inputs
# --------------------------------------------------------------------------------------


def make_encrypted(src_pdf: Path, out: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(src_pdf))
    # pypdf draws random file identifiers; pin them so the output is byte-stable.
    fixed = ByteStringObject(b"gapfinder-exampl")
    writer._ID = ArrayObject([fixed, fixed])
    writer.generate_file_identifiers = lambda: None  # type: ignore[method-assign]
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="RC4-128")
    with out.open("wb") as fh:
        writer.write(fh)


def make_scanned(out: Path) -> None:
    """A page that looks like a scanned resume: grey bars where text would be, no text layer."""
    c = Canvas(str(out), pagesize=LETTER, invariant=1)
    c.setTitle("scan0001")
    w, h = LETTER
    c.setFillColor(colors.HexColor("#F4F1EA"))
    c.rect(0, 0, w, h, stroke=0, fill=1)
    c.setFillColor(colors.HexColor("#3A3A3A"))
    c.rect(72, h - 100, 220, 16, stroke=0, fill=1)  # "name"
    y = h - 130
    widths = [430, 455, 390, 0, 150, 460, 440, 300, 0, 150, 470, 465, 420, 380, 0, 150, 440, 350]
    for k in range(36):
        bar = widths[k % len(widths)]
        if bar:
            c.rect(72 + (12 if bar < 200 else 0), y, bar - (k * 7) % 40, 6, stroke=0, fill=1)
        y -= 16
    c.setStrokeColor(colors.HexColor("#999999"))
    c.rect(36, 36, w - 72, h - 72, stroke=1, fill=0)
    c.showPage()
    c.save()


def make_png(out: Path) -> None:
    """A valid 16x16 RGB PNG written by hand."""
    w = h = 16
    rows = b"".join(b"\x00" + bytes(v for x in range(w) for v in (x * 16, y * 16, 128)) for y in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    out.write_bytes(png)


def make_bad(good_pdf: Path) -> list[Path]:
    BAD.mkdir(exist_ok=True)
    written = []
    p = BAD / "encrypted.pdf"
    make_encrypted(good_pdf, p)
    written.append(p)
    p = BAD / "scanned.pdf"
    make_scanned(p)
    written.append(p)
    p = BAD / "truncated.pdf"
    data = good_pdf.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    written.append(p)
    p = BAD / "empty.txt"
    p.write_text("   \n\n\t \n  \n", encoding="utf-8")
    written.append(p)
    p = BAD / "not_a_resume.png"
    make_png(p)
    written.append(p)
    return written


# --------------------------------------------------------------------------------------


def main() -> int:
    sources = sorted([*RESUMES.glob("*.txt"), *RESUMES.glob("*.md")])
    if not sources:
        sys.exit(f"no resume sources in {RESUMES}")
    written: list[Path] = []
    parsed = {}
    for src in sources:
        check_encodable(src)
        blocks = parse_resume(src)
        parsed[src.stem] = blocks
        out = src.with_suffix(".pdf")
        render_pdf(blocks, out)
        written.append(out)
    for stem in DOCX_PLAIN:
        out = RESUMES / f"{stem}.docx"
        render_docx(parsed[stem], out)
        written.append(out)
    for stem in DOCX_SKILLS_TABLE:
        out = RESUMES / f"{stem}.docx"
        render_docx(parsed[stem], out, skills_table=True)
        written.append(out)
    out = RESUMES / f"{TWO_COLUMN_SOURCE}_two_column.pdf"
    render_two_column_pdf(parsed[TWO_COLUMN_SOURCE], out)
    written.append(out)
    written += make_bad(RESUMES / "junior_ml_engineer.pdf")
    for p in written:
        print(p.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
