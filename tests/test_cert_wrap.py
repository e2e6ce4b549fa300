"""Certification names wrapped over the short lines of a narrow column still match (issue 16).

A sidebar 170 pt wide wraps "Google Professional Machine Learning Engineer" over two or three lines; the
certifications section reads every line break inside a paragraph as a space, so the name matches as it does in
the source text, whatever the layout.
"""

from __future__ import annotations

import dataclasses

import pytest

from gapfinder import Engine
from gapfinder.extract.context import SectionSpan
from gapfinder.extract.matching import match_text
from gapfinder.models import Report
from helpers.pdf_layouts import LAYOUTS, PROBE, render, source_text

CERTS = (
    "AWS Certified Machine Learning - Specialty",
    "Google Professional Machine Learning Engineer",
    "Certified Kubernetes Administrator (CKA)",
    "TensorFlow Developer Certificate",
)
LONG_NAMES = dataclasses.replace(
    PROBE, sidebar=tuple((h, CERTS if h == "CERTIFICATIONS" else lines) for h, lines in PROBE.sidebar)
)
EXPECTED = ["aws-ml-specialty", "cka", "gcp-professional-ml-engineer", "tensorflow-developer"]


def _ids(report: Report) -> list[str]:
    return sorted(c.id for c in report.certifications)


def test_the_source_text_names_every_certification(engine: Engine) -> None:
    assert _ids(engine.analyze_text(source_text(LONG_NAMES))) == EXPECTED


@pytest.mark.parametrize("layout", LAYOUTS)
def test_names_wrapped_in_a_column_still_match(engine: Engine, layout: str) -> None:
    report = engine.analyze(render(layout, LONG_NAMES), filename=f"{layout}.pdf")
    assert _ids(report) == EXPECTED
    for cert in report.certifications:
        for m in cert.mentions:
            assert report.text[m.start : m.end] == m.text


def test_typed_one_per_short_line(engine: Engine) -> None:
    text = source_text(LONG_NAMES).replace(
        "Google Professional Machine Learning Engineer", "Google Professional\nMachine Learning\nEngineer"
    )
    assert _ids(engine.analyze_text(text)) == EXPECTED


def test_only_the_certifications_section_joins_lines() -> None:
    text = "SKILLS\nGoogle Professional\nMachine Learning\n\nCERTIFICATIONS\nGoogle Professional\nMachine Learning\n"
    cert_start = text.index("CERTIFICATIONS")
    sections = (
        SectionSpan(name="skills", start=0, end=cert_start, heading="SKILLS", heading_start=0),
        SectionSpan(
            name="certifications", start=cert_start, end=len(text), heading="CERTIFICATIONS", heading_start=cert_start
        ),
    )
    out = match_text(text, sections)
    assert len(out) == len(text)
    assert out[:cert_start] == text[:cert_start]  # short lines elsewhere stay lines
    assert out[cert_start:] == "CERTIFICATIONS\nGoogle Professional Machine Learning\n"


def test_a_blank_line_or_a_bullet_still_ends_a_name() -> None:
    text = "CERTIFICATIONS\nCKA\n\nCKAD\n• PMP\n"
    out = match_text(text, (SectionSpan(name="certifications", start=0, end=len(text), heading_start=0),))
    assert out == "CERTIFICATIONS\nCKA\n\nCKAD\n• PMP\n"
