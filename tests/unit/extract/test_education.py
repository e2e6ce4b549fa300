"""Degrees in resumes and job requirements: spellings, collisions, fields, institutions, years."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from gapfinder import Engine
from gapfinder.extract.education import abbreviation_variants, extract_education
from gapfinder.models import DocumentKind, EducationFinding, SectionName
from gapfinder.taxonomy.schema import DegreesFile
from gapfinder.text.context import AnalysisContext, SectionSpan
from gapfinder.text.normalize import normalize
from helpers import TAXONOMY, skill_mentions
from helpers.cases import Case, load_cases
from helpers.context import find_sections, make_ctx

DEGREES = TAXONOMY / "degrees.yaml"


@pytest.fixture(scope="module")
def tax() -> SimpleNamespace:
    data = DegreesFile.model_validate(yaml.safe_load(DEGREES.read_text(encoding="utf-8")))
    levels = {lv.id: lv for lv in data.levels}
    return SimpleNamespace(degree_levels=levels, fields={f.id: f for f in data.fields})


def _run(tax: SimpleNamespace, text: str, kind: DocumentKind = "job") -> tuple[EducationFinding, ...]:
    return extract_education(make_ctx(text, kind=kind), tax)


def _levels(found: tuple[EducationFinding, ...]) -> list[tuple[str, str | None]]:
    return [(f.degree, f.field) for f in found]


def test_degrees_file_is_valid_and_ranked(tax: SimpleNamespace) -> None:
    ranks = {k: v.rank for k, v in tax.degree_levels.items()}
    assert ranks["highschool"] < ranks["associate"] <= ranks["other"] < ranks["bachelor"] < ranks["master"]
    assert ranks["master"] < ranks["phd"]
    assert len(tax.fields) >= 40
    assert tax.fields["statistics"].quantitative and not tax.fields["psychology"].quantitative


class SpellingCase(Case):
    text: str
    degrees: list[tuple[str, str | None]]


SPELLINGS = [(c.text, c.degrees) for c in load_cases("degree_spellings", SpellingCase)]


@pytest.mark.parametrize(("text", "expected"), SPELLINGS)
def test_spellings(tax: SimpleNamespace, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _levels(_run(tax, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Skills: MS Office, MS Excel, MS Word",
        "Proficient in MS SQL Server and MS Project",
        "BE proactive and own your work",
        "Located in Boston, MA",
        "Ms. Jane Roe",
        "Fine-tuned an LLM for retrieval",  # LLM is a model, LL.M. is the degree
        "Certified Scrum Master",
        "merged into the master branch",
        "Master of Python and SQL",
        "FDA approval experience",
        "https://github.com/acme/repo/blob/master/README.md",
        "experience at a level of quality",
    ],
)
def test_collisions_are_not_degrees(tax: SimpleNamespace, text: str) -> None:
    assert _run(tax, text) == ()


def test_ambiguous_abbreviation_in_education_section(tax: SimpleNamespace) -> None:
    text = "EDUCATION\nMS, Stanford University, 2015\nBA - Lakeside College - 2012\n"
    found = _run(tax, text, "resume")
    assert [(f.degree, f.institution, f.year) for f in found] == [
        ("master", "Stanford University", 2015),
        ("bachelor", "Lakeside College", 2012),
    ]


def test_state_code_in_education_section_is_not_a_degree(tax: SimpleNamespace) -> None:
    text = "EDUCATION\nHarvard University, Cambridge, MA\nLL.M., 2019\n"
    (found,) = _run(tax, text, "resume")
    assert (found.degree, found.institution, found.year) == ("master", "Harvard University", 2019)


def test_resume_entries_with_institution_and_year(tax: SimpleNamespace) -> None:
    text = (
        "EDUCATION\n\n"
        "B.Tech in Computer Science and Engineering\n\nRiverbend Institute of Technology\n\n2010 to 2014\n\n"
        "Master of Science in Data Science\nUniversity of Lakeland | Sep 2016 - May 2018\n"
    )
    found = _run(tax, text, "resume")
    assert [(f.degree, f.field, f.institution, f.year) for f in found] == [
        ("master", "data-science", "University of Lakeland", 2018),
        ("bachelor", "computer-science", "Riverbend Institute of Technology", 2014),
    ]


def test_highest_level_first_and_one_finding_per_entry(tax: SimpleNamespace) -> None:
    text = (
        "EDUCATION\nSSC, Green Valley High School, 2008\n"
        "B.Tech (Bachelor of Technology) in Electrical Engineering, Hillside University, 2014\n"
        "PhD in Robotics, Lakeside University, 2020\n"
    )
    found = _run(tax, text, "resume")
    assert [f.degree for f in found] == ["phd", "bachelor", "highschool"]
    bachelor = found[1]
    assert [m.text for m in bachelor.mentions][:2] == ["B.Tech", "Bachelor of Technology"]


def test_resume_experience_section_is_not_searched(tax: SimpleNamespace) -> None:
    text = "EXPERIENCE\nTeaching assistant for Master's students\n\nEDUCATION\nBSc Biology, 2015\n"
    assert _levels(_run(tax, text, "resume")) == [("bachelor", "biology")]


def test_summary_mention_merges_with_the_entry(tax: SimpleNamespace) -> None:
    text = "SUMMARY\nPhD physicist.\n\nEDUCATION\nPhD in Physics, Lakeside University, 2019\n"
    (found,) = _run(tax, text, "resume")
    assert (found.degree, found.field, found.year, len(found.mentions)) == ("phd", "physics", 2019, 3)


def test_mentions_point_into_the_original_text(tax: SimpleNamespace) -> None:
    original = "Requirements:\n\u2022\tBachelor\u2019s degree in Computer\u00a0Science\n"
    found = extract_education(make_ctx(original, kind="job"), tax)
    (f,) = found
    for m in f.mentions:
        assert original[m.start : m.end] == m.text
    assert f.mentions[0].text == "Bachelor\u2019s degree"


# abbreviations joined to another degree are degree context for each ("MS or PhD", "BS or MS in CS")
JOINED = [
    ("MS or PhD in Machine Learning", [("phd", "machine-learning"), ("master", "machine-learning")]),
    ("BS or MS in CS", [("master", "computer-science"), ("bachelor", "computer-science")]),
    ("MS/PhD in Statistics", [("phd", "statistics"), ("master", "statistics")]),
    ("BS/MS required", [("master", None), ("bachelor", None)]),
    ("BS, MS or PhD in Physics", [("phd", "physics"), ("master", "physics"), ("bachelor", "physics")]),
    (
        "BE & ME in Mechanical Engineering",
        [("master", "mechanical-engineering"), ("bachelor", "mechanical-engineering")],
    ),
    ("MS or MBA preferred", [("master", None)]),
    ("PhD or MS", [("phd", None), ("master", None)]),
    ("MS or Python experience", []),
    ("MS Office or PhD", [("phd", None)]),
]


@pytest.mark.parametrize(("text", "expected"), JOINED)
def test_joined_abbreviations(tax: SimpleNamespace, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _levels(_run(tax, text)) == expected


# after "<Capitalised word>, " an abbreviation is a US state unless degree context follows it
STATES = [
    ("Helixbridge Therapeutics | Boston, MA (hybrid) | Full-time", []),
    ("Offices in Austin, TX and Boston, MA - hybrid", []),
    ("Located in Cambridge, MA, USA", []),
    ("Cambridge, MA or remote", []),
    ("Boston, MA, BS in CS required", [("bachelor", "computer-science")]),
    ("Acme Corp, Boston, MA (2019 - 2021)", []),
    ("Stanford University, MS in Computer Science", [("master", "computer-science")]),
    ("Stanford University, MS Computer Science", [("master", "computer-science")]),
    ("Harvard University, MA degree", [("master", None)]),
    ("Lakeside University, MA of Economics", [("master", "economics")]),
    ("Lakeside University, MS/PhD in Physics", [("phd", "physics"), ("master", "physics")]),
    ("Python, Masters in Statistics preferred", [("master", "statistics")]),
]


@pytest.mark.parametrize(("text", "expected"), STATES)
def test_state_after_capitalised_word(tax: SimpleNamespace, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _levels(_run(tax, text)) == expected


def _ctx_with_headings(text: str, misread: dict[str, SectionName]) -> AnalysisContext:
    """A resume context whose section detector also takes the lines in ``misread`` for headings."""
    norm = normalize(text)
    marks = [(s.heading_start or 0, s.start, s.name) for s in find_sections(norm.text)]
    for line, name in misread.items():
        hs = norm.text.index(f"\n{line}\n") + 1
        marks.append((hs, hs + len(line), name))
    marks.sort()
    sections = tuple(
        SectionSpan(name, start, marks[i + 1][0] if i + 1 < len(marks) else len(norm.text), norm.text[hs:start], hs)
        for i, (hs, start, name) in enumerate(marks)
    )
    return make_ctx(text, sections=sections)


# (resume text, lines the section detector takes for headings, [(degree, field, institution)])
WRAPPED = [
    (
        "EDUCATION\nM.S. Computer Science, Lakeshore Institute of\nTechnology\nB.S. Mathematics\n",
        {"Technology": "skills"},
        [("master", "computer-science", "Lakeshore Institute of Technology"), ("bachelor", "mathematics", None)],
    ),
    (
        "EDUCATION\nM.S. Computer Science, Lakeshore Institute of\nFoo\nB.S. Mathematics\n",
        {},
        [("master", "computer-science", "Lakeshore Institute of Foo"), ("bachelor", "mathematics", None)],
    ),
    (
        "EDUCATION\nMSc Physics, Riverbend University of Science &\nTechnology\n2014\nBSc Physics, 2012\n",
        {"Technology": "skills"},
        [
            ("master", "physics", "Riverbend University of Science & Technology"),
            ("bachelor", "physics", None),
        ],
    ),
    (
        "EDUCATION\nB.S. Mathematics, Northern Cascades\nUniversity\n09/2012 - 06/2016\n",
        {},
        [("bachelor", "mathematics", "Northern Cascades University")],
    ),
    (  # a real heading after a complete line still starts a section
        "EDUCATION\nBSc Biology, Lakeside College\nTechnology\nMS, BE\n",
        {"Technology": "skills"},
        [("bachelor", "biology", "Lakeside College")],
    ),
]


@pytest.mark.parametrize(("text", "misread", "expected"), WRAPPED)
def test_wrapped_institution_line(
    tax: SimpleNamespace,
    text: str,
    misread: dict[str, SectionName],
    expected: list[tuple[str, str | None, str | None]],
) -> None:
    found = extract_education(_ctx_with_headings(text, misread), tax)
    assert [(f.degree, f.field, f.institution) for f in found] == expected
    assert all(m.section == "education" for f in found for m in f.mentions)


@pytest.mark.parametrize(
    ("abbr", "included", "excluded"),
    [
        ("B.Tech", {"BTech", "B-Tech", "B Tech", "B.TECH", "b.tech", "btech"}, set()),
        ("BEd", {"BEd"}, {"bed", "Bed", "BED"}),
        ("MS", {"MS"}, {"ms", "Ms"}),
        ("FdA", {"FdA"}, {"FDA"}),
    ],
)
def test_abbreviation_variants(abbr: str, included: set[str], excluded: set[str]) -> None:
    variants = abbreviation_variants(abbr)
    assert included <= variants
    assert not excluded & variants


# ==============================================================================================================
# 'Engineering' alone as a field of study: next to another field or a degree ('computer science or
# engineering', 'BS in Engineering'), where it ends its phrase; not a team, a department, nor the head of a compound
# ('machine learning engineering').
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements\nA degree in physics, mathematics or engineering.\n", ["engineering"]),
        ("Requirements\nBS in Engineering or a related field.\n", ["Engineering"]),
        # a modifier of the next word: a team, a department
        ("Requirements\nYou will join the engineering team of our science park.\n", []),
        ("About us\nOur Engineering department has a degree of freedom.\n", []),
        # right after a technology: the head of a compound, not the field
        ("Summary\nMoving toward machine learning engineering, where I want to own models.\n", []),
        # no field or degree nearby
        ("About us\nWe love good engineering.\n", []),
    ],
)
def test_engineering_as_field(engine: Engine, text: str, expected: list[str]) -> None:
    assert [
        mention for _, mention in skill_mentions(engine.analyze_text(text, kind="job"), {"engineering"})
    ] == expected
