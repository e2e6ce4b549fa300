"""Column layouts of PDF resumes: every layout of one resume gives the findings of its source text.

The PDFs are drawn with reportlab (``tests/helpers/pdf_layouts.py``): flowing (one column), a sidebar on the left
or the right, a sidebar drawn after the main column, and two table-like layouts drawn row by row across
both columns (one with each row a single text object, which pypdf reads as one piece of text).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from gapfinder import Engine
from gapfinder.models import Report
from gapfinder.reading import read_document
from gapfinder.reading.layout import PageLayout, Run, find_columns
from helpers import finding_mentions
from helpers.pdf_layouts import LAYOUTS, PROBE, SHORT_SIDEBAR, render, source_text


def _facts(report: Report) -> dict[str, Any]:
    exp = report.experience
    return {
        "positions": [(p.title, p.organization, p.start, p.end, p.current) for p in exp.positions],
        "skills": sorted(s.id for s in report.skills),
        "certifications": sorted(c.id for c in report.certifications),
        "education": sorted((e.degree, e.field, e.year) for e in report.education),
        "placement": (report.placement.level, report.placement.track) if report.placement else None,
    }


@pytest.fixture(scope="module")
def source(engine: Engine) -> Report:
    return engine.analyze_text(source_text(), kind="resume")


@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[str, Report]:
    return {layout: engine.analyze(render(layout), filename=f"{layout}.pdf") for layout in LAYOUTS}


def test_the_source_text_is_a_fair_probe(source: Report) -> None:
    facts = _facts(source)
    assert len(facts["positions"]) == 3 and source.experience.total_years == pytest.approx(11.67, abs=0.01)
    assert facts["certifications"] == ["aws-solutions-architect-associate", "ckad"]
    assert {"python", "kafka", "airflow", "terraform"} <= set(facts["skills"])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_source_findings(layout: str, source: Report, reports: dict[str, Report]) -> None:
    report = reports[layout]
    assert _facts(report) == _facts(source)
    assert report.experience.total_years == pytest.approx(source.experience.total_years, abs=0.1)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_short_sidebar_is_a_column_too(engine: Engine, layout: str) -> None:
    source = engine.analyze_text(source_text(SHORT_SIDEBAR))
    report = engine.analyze(render(layout, SHORT_SIDEBAR), filename=f"{layout}.pdf")
    assert len(source.experience.positions) == 3
    assert _facts(report) == _facts(source)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_offsets_point_into_the_text_read(layout: str, reports: dict[str, Report]) -> None:
    report = reports[layout]
    for m in finding_mentions(report, leadership=False):
        assert report.text[m.start : m.end] == m.text
    for p in report.experience.positions:
        assert p.date_text is not None and p.date_text in report.text[p.start_offset : p.end_offset]


@pytest.mark.parametrize("layout", [x for x in LAYOUTS if x != "flowing"])
def test_columns_are_read_one_after_the_other(layout: str, reports: dict[str, Report]) -> None:
    text = reports[layout].text
    sidebar = "\n".join(("SKILLS", *PROBE.sidebar[0][1]))
    assert sidebar in text  # the skills list is not interleaved with job titles
    assert "Senior Data Engineer\nNorthwind Logistics, Austin, TX\n03/2021 - Present" in text
    assert text.startswith("PRIYA RAMANATHAN\nSenior Data Engineer\nAustin, TX")  # the header first
    main_first = text.index("SUMMARY") < text.index("SKILLS")
    assert main_first == (layout == "sidebar-right")  # left column first, whatever the drawing order
    assert [w.message for w in reports[layout].warnings if w.code == "two_columns"] == [
        "page(s) 1 have two columns; each column was read top to bottom, left first"
    ]


def test_one_column_page_keeps_pypdf_text() -> None:
    data = render("flowing")
    plain = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    document = read_document(data)
    assert document.text == plain.strip("\n") or document.text == plain
    assert not document.warnings


def _runs(rows: Sequence[tuple[float, float, float]], size: float = 10.0) -> list[Run]:
    """Runs from (x0, x1, y), ten characters each."""
    return [Run(x0, x1, y, size, 10, k) for k, (x0, x1, y) in enumerate(rows)]


def test_find_columns_needs_a_gutter_with_text_on_both_sides() -> None:
    two = _runs([(40, 180, 700 - 12 * i) for i in range(20)] + [(220, 560, 700 - 12 * i) for i in range(20)])
    assert (found := find_columns(two)) is not None and 180 < found.cut < 220
    one = _runs([(40, 560 - (i % 7) * 40, 700 - 12 * i) for i in range(40)])
    assert find_columns(one) is None
    # a full-width header above the columns does not hide the gutter
    assert find_columns(_runs([(40, 560, 760), (40, 400, 745)]) + two) is not None
    # a narrow right column of a few characters is not a column of its own
    lopsided = _runs([(40, 500, 700 - 12 * i) for i in range(30)]) + [
        Run(530, 560, 700 - 12 * i, 10, 1, 99) for i in range(10)
    ]
    assert find_columns(lopsided) is None


def _page_text(data: bytes) -> tuple[str, str]:
    page = PdfReader(io.BytesIO(data)).pages[0]
    layout = PageLayout(page, lambda *_: None)
    plain = layout.extract()
    text, order = layout.reading_order(plain)
    layout.release()
    return text, order


def _pdf(draw: Any) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=1)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_labels_dates_and_places_beside_entries_are_not_a_sidebar() -> None:
    def labels(pdf: canvas.Canvas) -> None:  # moderncv: labels right-aligned in a margin column
        for i in range(24):
            y = 720 - 14 * i
            if i % 4 == 0:
                pdf.drawRightString(150, y, "2019 - 2021" if i % 8 else "Experience")
            pdf.drawString(170, y, f"Line {i} of an entry about pipelines, services and the teams behind them")

    def places(pdf: canvas.Canvas) -> None:  # one entry a line, the same place beside each
        for i in range(24):
            y = 720 - 14 * i
            pdf.drawString(50, y, f"{2000 + i} Organiser of the hacking competition number {i} of the league")
            pdf.drawString(470, y, "S.Korea")

    def dates(pdf: canvas.Canvas) -> None:  # titles left, a column of dates at the right edge
        for i in range(24):
            y = 720 - 14 * i
            pdf.drawString(50, y, f"Body line {i} about pipelines and the teams behind them")
            if i % 3 == 0:
                pdf.drawString(470, y, f"Jan {2000 + i} - Mar {2001 + i}")

    for draw in (labels, places, dates):
        data = _pdf(draw)
        text, order = _page_text(data)
        assert order == "single"
        assert text == PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_text_in_a_form_keeps_pypdf_order_with_a_warning() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.beginForm("side")
        for i in range(20):
            pdf.drawString(40, 700 - 14 * i, f"Sidebar item {i}")
        pdf.endForm()
        pdf.doForm("side")
        for i in range(20):
            pdf.drawString(240, 700 - 14 * i, f"Main column line {i} with a few more words in it")

    data = _pdf(draw)
    text, order = _page_text(data)
    assert text == PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert order in ("single", "mixed")  # pypdf does not say where a form's text is drawn


def test_hostile_geometry_does_not_break_reading() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        for i in range(30):  # text far off the page, rotated text, a zero-size font
            pdf.drawString(40 if i % 2 else 1e5, 700 - 14 * i, f"Entry {i} with some words")
        pdf.saveState()
        pdf.rotate(90)
        pdf.drawString(100, -300, "Rotated margin note")
        pdf.restoreState()
        pdf.setFont("Helvetica", 0)
        pdf.drawString(300, 300, "invisible")

    document = read_document(_pdf(draw))
    assert "Entry 1 with some words" in document.text and "Rotated margin note" in document.text
