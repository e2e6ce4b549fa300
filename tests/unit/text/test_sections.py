"""Section detection over normalised text: heading forms, vocabulary, inline headings, coverage, speed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapfinder.models import DocumentKind, SectionName
from gapfinder.text.context import SectionSpan
from gapfinder.text.normalize import normalize
from gapfinder.text.sections import classify_heading, detect_sections, heading_of
from helpers.cases import Case, load_cases, params


class HeadingCase(Case):
    line: str
    section: SectionName


RESUME_HEADINGS = load_cases("headings_resume", HeadingCase)
JOB_HEADINGS = load_cases("headings_job", HeadingCase)


def names(text: str, kind: DocumentKind = "resume") -> list[str]:
    return [s.name for s in detect_sections(normalize(text).text, kind)]


def assert_covers(spans: tuple[SectionSpan, ...], text: str) -> None:
    if not text:
        assert spans == ()
        return
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for a, b in itertools.pairwise(spans):
        assert a.end == b.start and a.start < a.end
    for s in spans:
        if s.heading is not None:
            assert s.heading_start is not None
            assert text[s.heading_start : s.heading_start + len(s.heading)] == s.heading


# ------------------------------------------------------------------------------------- heading forms
@pytest.mark.parametrize("case", params(RESUME_HEADINGS, "line"))
def test_resume_headings(case: HeadingCase) -> None:
    found = heading_of(case.line)
    assert found is not None and found[0] == case.section and not found[2]


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Python and SQL at scale",
        "• Skills",
        "- Experience",
        "Project 1",
        "Language 2",
        "Senior Software Engineer",
        "Acme Corp, 2019 - Present",
        "Skills skills skills skills skills skills skills skills",
        "x" * 300,
        "",
        "Responsibilities",  # a job-post heading; inside a resume it is part of a position
        "https://example.com/experience",
    ],
)
def test_not_resume_headings(line: str) -> None:
    assert heading_of(line) is None


@pytest.mark.parametrize("case", params(JOB_HEADINGS, "line"))
def test_job_headings(case: HeadingCase) -> None:
    found = heading_of(case.line, "job")
    assert found is not None and found[0] == case.section


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        ("Qualifications", "resume", "education"),
        ("Qualifications", "job", "requirements"),
        ("Summary", "resume", "summary"),
        ("Summary", "job", "job_summary"),
        ("Experience", "job", "requirements"),
        ("Key Duties", "resume", None),
        ("Python Django", "resume", None),
    ],
)
def test_classify_depends_on_kind(label: str, kind: DocumentKind, expected: str | None) -> None:
    assert classify_heading(label, kind) == expected


# ------------------------------------------------------------------------------------------ documents
RESUME = """Jane Doe
jane@example.com
## Summary
Data engineer.
EXPERIENCE
Acme Corp 2019 - Present
• Built pipelines.
Technologies: Python, Kafka
Key achievements:
• Cut costs 30%.
**Skills:** Python, SQL, Spark
Languages: English, French
Education
BSc Computer Science
"""


def test_resume_document() -> None:
    text = normalize(RESUME).text
    spans = detect_sections(text)
    assert_covers(spans, text)
    assert [(s.name, s.heading) for s in spans] == [
        ("header", None),
        ("summary", "## Summary"),
        ("experience", "EXPERIENCE"),
        ("skills", "**Skills:**"),
        ("education", "Education"),
    ]
    experience = spans[2]
    assert "Technologies: Python" in text[experience.start : experience.end]  # a sub-label of the job
    assert "Key achievements" in text[experience.start : experience.end]
    skills = spans[3]
    assert text[skills.start : skills.end].startswith("**Skills:** Python")
    assert "Languages: English" in text[skills.start : skills.end]  # a sub-label of the skills


JOB = """Senior Data Engineer - Acme
Location: Remote
About the role
You will build data platforms.
What you'll do:
• Design pipelines
Requirements
• 5+ years of Python
Nice to have: Kafka, Flink
Benefits
• Health insurance
About Acme
We are a company.
"""


def test_job_document() -> None:
    text = normalize(JOB).text
    spans = detect_sections(text, "job")
    assert_covers(spans, text)
    assert [s.name for s in spans] == [
        "header",
        "other",
        "job_summary",
        "responsibilities",
        "requirements",
        "preferred",
        "benefits",
        "company",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skills: Python, SQL\nExperience\nAcme", ["skills", "experience"]),
        ("Jane\nSkills: Python, SQL", ["header", "skills"]),
        ("Experience\nAcme\nExperience\nBeta", ["experience"]),  # a repeated heading continues
        ("Jane\nstrong communication\nskills\nmore", ["header"]),  # tail of a wrapped sentence
        ("Jane went to school.\neducation\nMIT", ["header", "education"]),  # lower-case heading
        ("Experience\nAcme\nACHIEVEMENTS:\nWon", ["experience", "awards"]),
        ("Education\nMIT\nHonors: Dean's list", ["education"]),
        ("No headings at all\njust text", ["header"]),
    ],
)
def test_small_documents(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_empty_text() -> None:
    assert detect_sections("") == ()


def test_bad_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        detect_sections("x", "cv")  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------------- linear
@pytest.mark.parametrize(
    "text",
    [
        ("Experience\n" + "Built pipelines with Python and SQL for the team.\n" * 20 + "Skills: Python\n") * 5000,
        "x" * 10_000_000,
        "Skills:" * 1_500_000,
        "\n" * 5_000_000,
    ],
    ids=["many-lines", "one-huge-line", "colons", "newlines"],
)
def test_large_texts(text: str) -> None:
    """Huge inputs finish (their time is a benchmark, not an assertion) and the sections tile the text."""
    spans = detect_sections(text)
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))


# ----------------------------------------------------------------------------------------- properties
_PIECES = st.sampled_from(
    [
        "Experience",
        "SKILLS:",
        "## Education",
        "**Projects**",
        "Skills: Python",
        "Nice to have",
        "Benefits",
        "Acme Corp",
        "• built things",
        "Python",
        " ",
        "\n",
        "\n\n",
        ":",
        "#",
        "*",
        "1.",
        "é",
        "x" * 60,
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["resume", "job"]))
def test_sections_always_cover_the_text(text: str, kind: DocumentKind) -> None:
    assert_covers(detect_sections(text, kind), text)


def test_capital_headings_inside_flattened_text() -> None:
    filler = "Greeted customers and managed social media accounts for the store. " * 5
    text = (
        f"Jon Doe | jon@example.com OBJECTIVE PROFESSIONAL SKILLS Social media strategy {filler}"
        f"RETAIL EXPERIENCE SALES ASSOCIATE & SOCIAL MEDIA MANAGER Acme | 2014 - 2015 {filler}"
        "EDUCATION AND TRAINING State College, 2013"
    )
    spans = detect_sections(text)
    assert_covers(spans, text)
    assert [(s.name, s.heading) for s in spans] == [
        ("header", None),
        ("summary", "OBJECTIVE"),
        ("skills", "PROFESSIONAL SKILLS"),
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION AND TRAINING"),
    ]


# ==============================================================================================================
# Job-post sections: where text about the employer, its offer and the application starts and ends.
#
# Field headings ("Salary:") label one value; "Label:" headings inside a line; headings run into their first
# sentence ("About us We make ..."); a line that turns to the role ends a context section; "We offer ..." starts
# the offer.
def sections(text: str) -> list[tuple[str, str]]:
    """(section, first words of its text) for each section of a job post."""
    norm = normalize(text).text
    return [(s.name, norm[s.start : s.end].strip()[:24]) for s in detect_sections(norm, "job")]


def section_of(text: str, needle: str) -> str:
    norm = normalize(text).text
    at = norm.index(needle)
    return next(s.name for s in detect_sections(norm, "job") if s.start <= at < s.end)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Job benefits", "benefits"),
        ("What we'll offer you", "benefits"),  # an offer word anywhere in a short heading
        ("What can we offer?", "benefits"),
        ("What you offer", None),  # the candidate's offer is no benefit
        ("Company description", "company"),
        ("What we do", "company"),
        ("About Acme", "company"),
        ("About the gig", "job_summary"),  # "about the ..." is about the job
        ("About the team", "job_summary"),  # the team's stack is part of the job
        ("How to apply", "application"),
        ("Privacy notice", "application"),
        ("To land this job, you need", "requirements"),
        ("What would you be doing", "responsibilities"),
        ("Career", None),  # a resume heading; in a post it heads perks, not requirements
        ("Training", None),
    ],
)
def test_job_heading_vocabulary(label: str, expected: str | None) -> None:
    assert classify_heading(label, "job") == expected


def test_field_heading_ends_with_its_value() -> None:
    text = (
        "Data Engineer\nJob description:\nSalary: £35,000 – £45,000 Here at Acme we build broadband.\n"
        "You will build pipelines in Python.\nCompensation:\n£25k - 40k\nWe use Kafka.\n"
    )
    assert section_of(text, "Salary") == "benefits"
    assert section_of(text, "You will build") == "job_summary"  # the post goes on after the value
    assert section_of(text, "£25k") == "benefits"
    assert section_of(text, "We use Kafka") == "job_summary"


def test_field_heading_is_a_resume_nothing() -> None:
    assert heading_of("Location: Berlin") is None  # not a resume heading at all


def test_colon_heading_inside_a_long_line() -> None:
    line = (
        "Job description: Job type: Full-time Role: Data Engineer Industry: Software Your Skills Python and SQL "
        "Teamplayer strong communication skills and curiosity Job benefits: Free fruits and drinks Workshops "
        "and TechTalks Flexibility Christmas parties Intercultural Teams Company description: Your prospects a "
        "corporate culture which allows to improve technical as well as leadership skills and more words here."
    )
    assert section_of(line, "Free fruits") == "benefits"
    assert section_of(line, "Your prospects") == "company"
    assert section_of(line, "Python and SQL") == "job_summary"


def test_colon_heading_at_the_end_of_a_line() -> None:
    text = "Requirements\nFluent in German and English ( verbal and written ) What we offer:\nA fast-growing company\n"
    assert section_of(text, "Fluent") == "requirements"
    assert section_of(text, "A fast-growing") == "benefits"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("About us We make a huge investment in everyone and more", ("company", 8)),
        ("Your Tasks Development of data-intensive backend applications with Python", ("responsibilities", 10)),
        ("Data Protection Officer", None),  # a title, not a heading and its sentence
        ("Data Protection Officer Acme GmbH", None),
        ("About us", ("company", 8)),  # a heading alone on its line, as before
    ],
)
def test_heading_run_into_its_sentence(line: str, expected: tuple[str, int] | None) -> None:
    found = heading_of(line, "job")
    assert (found[:2] if found else None) == expected


def test_run_in_headings_are_job_only() -> None:
    assert heading_of("About us We make a huge investment in everyone and more") is None


@pytest.mark.parametrize(
    "line",
    [
        "Your role in the team Working as part of the Product team",
        "As a Principal DevOps Engineer you'll be a key player in the community",
        "We are looking for a data engineer to join us.",
        "The successful candidate will deploy technical expertise.",
        "Our aim is growth. You’ll work with our partners to onboard data.",
        "Experience with Python and SQL",
        "Are you skilled at predictive modeling?",
    ],
)
def test_a_line_about_the_role_ends_the_company_section(line: str) -> None:
    text = f"About us\nAcme builds tools for retailers.\n{line}\nWe use Kafka.\n"
    assert section_of(text, "Acme builds") == "company"
    assert section_of(text, line[:12]) == "job_summary"
    assert section_of(text, "We use Kafka") == "job_summary"


@pytest.mark.parametrize(
    "line",
    [
        "You'll also have enough time to unwind with team events.",
        "You will get 30 days of holiday.",
        "You need to include the word 'fennel' in your cover letter.",
        "- 10 years of experience says our average employee stays.",
    ],
)
def test_benefit_lines_do_not_end_the_offer(line: str) -> None:
    text = f"Requirements\n- Python\nBenefits\n- Free lunch\n{line}\n- Mentoring program\n"
    assert section_of(text, "Mentoring") == "benefits"


def test_an_offer_line_starts_the_offer() -> None:
    text = "Requirements\n- Python\nWe offer multiple benefits that include remote work\n- free English classes\n"
    assert section_of(text, "- Python") == "requirements"
    assert section_of(text, "We offer") == "benefits"
    assert section_of(text, "free English") == "benefits"
    # a product is no offer to the candidate
    assert section_of("Requirements\n- Python\nWe offer solutions to banks.\n", "We offer") == "requirements"


def test_a_role_heading_after_company_text() -> None:
    text = "About Acme\nAcme makes phones.\nMission: We are looking for a data scientist.\nSQL and SAS\n"
    assert [name for name, _ in sections(text)] == ["company", "job_summary"]
