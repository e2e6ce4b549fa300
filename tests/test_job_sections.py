"""Job-post sections: where text about the employer, its offer and the application starts and ends.

Field headings ("Salary:") label one value; "Label:" headings inside a line; headings run into their first
sentence ("About us We make ..."); a line that turns to the role ends a context section; "We offer ..." starts
the offer.
"""

from __future__ import annotations

import pytest

from gapfinder.normalize import normalize
from gapfinder.sections import classify_heading, detect_sections, heading_of


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
