"""One resume drawn as PDFs of different layouts with reportlab (test helper, see tests/unit/reading/test_layout.py).

A resume is a header (full width) plus sidebar sections and main sections. ``render`` draws it:

- ``flowing``: one column, header, main sections, then the sidebar sections;
- ``sidebar-left`` / ``sidebar-right``: a narrow column beside the main one, each drawn as a block;
- ``sidebar-last``: the sidebar on the left, drawn after the main column;
- ``row-drawn``: the sidebar on the left, the page drawn row by row across both columns (table-like);
- ``row-one-object``: row by row, each row one text object (a move between the cells, no new ``BT``);
- ``centred-header``: the sidebar on the left drawn row by row, the name and contact lines centred above.

``source_text`` is the same resume as plain text, in the order a person would read it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 9.5, 12.5
LAYOUTS = (
    "flowing",
    "sidebar-left",
    "sidebar-right",
    "sidebar-last",
    "row-drawn",
    "row-one-object",
    "centred-header",
)


@dataclass(frozen=True)
class Resume:
    header: tuple[str, ...]
    main: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, lines)
    sidebar: tuple[tuple[str, tuple[str, ...]], ...]


PROBE = Resume(
    header=("PRIYA RAMANATHAN", "Senior Data Engineer", "Austin, TX | priya.r@example.com | +1 512 555 0142"),
    main=(
        (
            "SUMMARY",
            ("Data engineer with a decade of building batch and streaming platforms for retail and logistics.",),
        ),
        (
            "EXPERIENCE",
            (
                "Senior Data Engineer",
                "Northwind Logistics, Austin, TX",
                "03/2021 - Present",
                "- Lead a team of 5 engineers building the streaming platform on Kafka and Apache Flink.",
                "- Moved 40 batch jobs from cron scripts to Airflow with data quality checks in dbt.",
                "- Cut the warehouse bill by a third by partitioning the largest tables and tuning queries.",
                "",
                "Data Engineer",
                "Bluebonnet Retail Group, Dallas, TX",
                "06/2017 - 02/2021",
                "- Built the customer 360 pipelines in PySpark on AWS EMR and S3.",
                "- Wrote the Terraform modules that every data team uses to provision Redshift.",
                "",
                "Data Analyst",
                "Pecan Street Research, Austin, TX",
                "01/2015 - 05/2017",
                "- Reported energy usage trends in SQL and Tableau for 1,200 households.",
            ),
        ),
    ),
    sidebar=(
        ("SKILLS", ("Python", "SQL", "Scala", "Apache Spark", "Kafka", "Airflow", "dbt", "Docker", "Kubernetes")),
        ("CERTIFICATIONS", ("AWS Solutions Architect Associate", "CKAD (2023)")),
        ("EDUCATION", ("B.S. Computer Science", "University of Texas at Austin", "2010 - 2014")),
        ("LANGUAGES", ("English", "Tamil", "Spanish")),
    ),
)


#: the same resume with a short sidebar (a few percent of the page's text): a skills list and one certification
SHORT_SIDEBAR = Resume(
    header=PROBE.header,
    main=(
        *PROBE.main,
        (
            "PROJECTS",
            (
                "Open-source Airflow provider for warehouse cost reports, 2,000 monthly downloads.",
                "Talk at PyData Austin on streaming joins in Flink.",
            ),
        ),
    ),
    sidebar=(("SKILLS", ("Python", "SQL", "Kafka", "Airflow")), ("CERTIFICATIONS", ("CKAD (2023)",))),
)


def source_text(resume: Resume = PROBE) -> str:
    """The resume as a person would type it: header, main sections, then the sidebar sections."""
    blocks = ["\n".join(resume.header)]
    for heading, lines in (*resume.main, *resume.sidebar):
        blocks.append("\n".join((heading, *lines)))
    return "\n\n".join(blocks) + "\n"


@dataclass
class _Line:
    text: str
    bold: bool = False
    gap_before: float = 0.0


def _wrap(text: str, width: float, font: str) -> list[str]:
    words, lines, cur = text.split(" "), [], ""
    for word in words:
        cand = f"{cur} {word}".strip()
        if cur and stringWidth(cand, font, SIZE) > width:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    return [*lines, cur] if cur else lines


def _column(sections: tuple[tuple[str, tuple[str, ...]], ...], width: float) -> list[_Line]:
    out: list[_Line] = []
    for heading, lines in sections:
        out.append(_Line(heading, bold=True, gap_before=LEADING * 0.8 if out else 0.0))
        for line in lines:
            if not line:
                out.append(_Line("", gap_before=0.0))
                continue
            for k, part in enumerate(_wrap(line, width - (10 if line.startswith("- ") else 0), FONT)):
                out.append(_Line(("  " if k else "") + part))
    return out


def _place(lines: list[_Line], top: float) -> list[tuple[float, _Line]]:
    """(y, line) for each non-empty line, top down."""
    y, out = top, []
    for line in lines:
        y -= line.gap_before
        if line.text:
            out.append((y, line))
        y -= LEADING
    return out


def render(layout: str, resume: Resume = PROBE) -> bytes:
    """The resume as a one-page PDF in ``layout`` (see the module doc)."""
    if layout not in LAYOUTS:
        raise ValueError(layout)
    width, height = letter
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=1)
    margin = 40.0
    y = height - margin
    centred = layout == "centred-header"
    pdf.setFont(BOLD, 16)
    if centred:
        pdf.drawCentredString(width / 2, y - 4, resume.header[0])
    else:
        pdf.drawString(margin, y - 4, resume.header[0])
    pdf.setFont(FONT, SIZE)
    y -= 24
    for line in resume.header[1:]:
        if centred:
            pdf.drawCentredString(width / 2, y, line)
        else:
            pdf.drawString(margin, y, line)
        y -= LEADING
    top = y - LEADING
    if layout == "flowing":
        lines = _column((*resume.main, *resume.sidebar), width - 2 * margin)
        _draw(pdf, [(margin, y, ln) for y, ln in _place(lines, top)])
    else:
        side_w, gap = 170.0, 28.0
        main_w = width - 2 * margin - side_w - gap
        side_x, main_x = (margin, margin + side_w + gap)
        if layout == "sidebar-right":
            main_x, side_x = margin, margin + main_w + gap
        side = [(side_x, y, ln) for y, ln in _place(_column(resume.sidebar, side_w), top)]
        main = [(main_x, y, ln) for y, ln in _place(_column(resume.main, main_w), top)]
        if layout in ("sidebar-left", "sidebar-right"):
            _draw(pdf, side + main)
        elif layout == "sidebar-last":
            _draw(pdf, main + side)
        else:  # row by row, top down, sidebar cell first
            rows: dict[float, list[tuple[float, float, _Line]]] = {}
            for item in side + main:
                rows.setdefault(round(item[1], 2), []).append(item)
            for key in sorted(rows, reverse=True):
                cells = sorted(rows[key], key=lambda c: c[0])
                if layout == "row-one-object" and len(cells) == 2 and cells[0][2].bold == cells[1][2].bold:
                    text = pdf.beginText(cells[0][0], cells[0][1])
                    text.setFont(BOLD if cells[0][2].bold else FONT, SIZE)
                    text.textOut(cells[0][2].text)
                    text.moveCursor(cells[1][0] - cells[0][0], 0)
                    text.textOut(cells[1][2].text)
                    pdf.drawText(text)
                else:
                    _draw(pdf, cells)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _draw(pdf: canvas.Canvas, items: list[tuple[float, float, _Line]]) -> None:
    for x, y, line in items:
        pdf.setFont(BOLD if line.bold else FONT, SIZE)
        pdf.drawString(x, y, line.text)
