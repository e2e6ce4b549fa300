"""Word resumes laid out with a table: a sidebar column beside the main column is read column by column."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document as DocxDocument

from gapfinder import Engine
from gapfinder.reading import read_document
from helpers.pdf_layouts import PROBE, source_text


def _docx(build: Any) -> bytes:
    doc = DocxDocument()
    build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _fill(cell: Any, heading: str | None, lines: tuple[str, ...] | list[str]) -> None:
    first = cell.paragraphs[0]
    if heading is not None:
        first.text = heading
        first.style = "Heading 2"
    else:
        first.text = lines[0]
        lines = lines[1:]
    for line in lines:
        if line:
            cell.add_paragraph(line)


def _probe_table(doc: Any, *, name_row: bool) -> None:
    """The probe resume: its name across the top, then one sidebar section beside one main section a row."""
    rows = max(len(PROBE.sidebar), len(PROBE.main))
    if not name_row:
        for line in PROBE.header:
            doc.add_paragraph(line)
    table = doc.add_table(rows=rows + int(name_row), cols=2)
    if name_row:
        _fill(table.cell(0, 0).merge(table.cell(0, 1)), None, list(PROBE.header))
    for i in range(rows):
        r = i + int(name_row)
        if i < len(PROBE.sidebar):
            _fill(table.cell(r, 0), *PROBE.sidebar[i])
        if i < len(PROBE.main):
            _fill(table.cell(r, 1), *PROBE.main[i])


@pytest.mark.parametrize("name_row", [True, False], ids=["name across the top", "name above the table"])
def test_a_sidebar_table_gives_the_source_findings(engine: Engine, name_row: bool) -> None:
    report = engine.analyze(_docx(lambda doc: _probe_table(doc, name_row=name_row)), filename="cv.docx")
    source = engine.analyze_text(source_text())
    text = report.text
    assert "SKILLS\n" + "\n".join(PROBE.sidebar[0][1]) in text
    assert text.index("LANGUAGES") < text.index("EXPERIENCE")  # the sidebar column, then the main one
    assert text.startswith("PRIYA RAMANATHAN")
    for attr in ("skills", "certifications"):
        assert sorted(f.id for f in getattr(report, attr)) == sorted(f.id for f in getattr(source, attr))
    assert [(p.title, p.organization, p.start, p.end) for p in report.experience.positions] == [
        (p.title, p.organization, p.start, p.end) for p in source.experience.positions
    ]
    assert report.experience.total_years == pytest.approx(source.experience.total_years, abs=0.1)
    assert report.placement is not None and source.placement is not None
    assert report.placement.level == source.placement.level


def test_dates_beside_entries_stay_row_by_row() -> None:
    def build(doc: Any) -> None:
        doc.add_heading("Experience", level=1)
        table = doc.add_table(rows=2, cols=2)
        for r, (dates, lines) in enumerate(
            [("2019 - 2021", ["Data Engineer, Acme", "Built pipelines."]), ("2016 - 2019", ["Analyst, Beta", "SQL."])]
        ):
            table.cell(r, 0).text = dates
            _fill(table.cell(r, 1), None, lines)

    lines = read_document(_docx(build)).text.split("\n")
    assert lines.index("2019 - 2021") < lines.index("Data Engineer, Acme") < lines.index("2016 - 2019")


def test_headings_in_one_column_are_not_a_layout() -> None:
    def build(doc: Any) -> None:
        table = doc.add_table(rows=2, cols=2)
        _fill(table.cell(0, 0), "SKILLS", ["Python"])
        table.cell(0, 1).text = "Expert"
        _fill(table.cell(1, 0), "LANGUAGES", ["English"])
        table.cell(1, 1).text = "Native"

    lines = read_document(_docx(build)).text.split("\n")
    assert lines.index("Expert") < lines.index("LANGUAGES")
