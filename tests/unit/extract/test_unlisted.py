"""Open vocabulary: items of an explicit list of tools that the taxonomy does not know are reported, marked as
unlisted, with evidence; they are never taxonomy skills."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.models import DocumentKind, Report


def unlisted(report: Report) -> dict[str, list[str]]:
    return {u.name: [m.text for m in u.mentions] for u in report.unlisted_skills}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Technologies: Blue Prism, TestComplete, EM7, Kofax, Python", "resume", {"Blue Prism", "EM7", "Kofax"}),
        ("SKILLS\nCA7 (4 years), DB2 (4 years), QMF (4 years), Cobol (4 years)", "resume", {"CA7", "QMF"}),
        (
            "Environment: Java, Spring, LogiXML 11, SpagoBI and Jasper Reports",
            "resume",
            {"LogiXML 11", "SpagoBI", "Jasper Reports"},
        ),
        ("Senior engineer\nTechnologies\njava parse-platform spring\nJob description\n", "job", {"parse-platform"}),
    ],
)
def test_unlisted_items(engine: Engine, text: str, kind: DocumentKind, expected: set[str]) -> None:
    report = engine.analyze_text(text, kind=kind)
    assert set(unlisted(report)) == expected
    known = {s.name for s in report.skills}
    assert not expected & known  # never mixed into the taxonomy skills
    for u in report.unlisted_skills:
        for m in u.mentions:
            assert report.text[m.start : m.end] == m.text and m.match is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SKILLS\nHard working, Punctual, Team Player", "resume"),  # a list of skills, no technology in it
        ("Key skills: Problem Solving, Automation, Architecting", "resume"),  # English words, a generic label
        ("Environment: understanding Lease Line, 12 c, Client: Acme", "resume"),  # phrases, releases, fields
        ("I built tools in Blue Prism for the finance team.", "resume"),  # prose is no list
        ("Skills: Keras (coursework), Docker (learning)", "resume"),  # a known name being learned
        ("SKILLS\nB.S. Mathematics, Northern Cascades University", "resume"),  # no tool in the list
        ("Requirements\n- Python\nAbout us\nAcme builds tools.\nTools we use: FooBarDB, Python\n", "job"),  # employer
    ],
)
def test_no_unlisted_items(engine: Engine, text: str, kind: DocumentKind) -> None:
    assert engine.analyze_text(text, kind=kind).unlisted_skills == ()


def test_unlisted_mentions_are_grouped(engine: Engine) -> None:
    text = "Tools: Blue Prism, Python\nEnvironment: blue-prism, Java\n"
    found = unlisted(engine.analyze_text(text))
    assert found == {"Blue Prism": ["Blue Prism", "blue-prism"]}
