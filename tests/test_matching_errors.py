"""Error classes of skill matching found on real postings and resumes, one table per class.

Each case is written here for the class it stands for (not copied from evaluation data): what the matcher
must find, and what it must leave alone, over the packaged taxonomy.
"""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.extract.near_misses import plausible_typo
from gapfinder.models import DocumentKind


def found(engine: Engine, text: str, kind: DocumentKind = "resume") -> set[tuple[str, str]]:
    """(skill id, mention text) of every skill mention in the report."""
    report = engine.analyze_text(text, kind=kind)
    out = set()
    for s in report.skills:
        for m in s.mentions:
            assert text[m.start : m.end] == m.text
            out.add((s.id, m.text))
    return out


def ids(engine: Engine, text: str, kind: DocumentKind = "resume") -> set[str]:
    return {sid for sid, _ in found(engine, text, kind)}


# ---------------------------------------------------------------- runs of technology tags
# A line of tags ("docker agile selenium circleci jenkins") is a list even without commas: names that are
# also English words or names count there, and lower case is no evidence against a tag.
@pytest.mark.parametrize(
    ("text", "kind", "present"),
    [
        (
            "Technologies\ndocker agile selenium circleci jenkins\n",
            "job",
            {("selenium", "selenium"), ("jenkins", "jenkins")},
        ),
        ("Technologies\nreactjs django go docker amazon-web-services\n", "job", {("go", "go")}),
        ("Tech stack: java spring hibernate postgresql\n", "job", {("spring", "spring")}),
        ("Worked with python, docker, go and kubernetes daily.\n", "resume", {("go", "go")}),
    ],
)
def test_tag_runs_accept_listed_names(
    engine: Engine, text: str, kind: DocumentKind, present: set[tuple[str, str]]
) -> None:
    assert present <= found(engine, text, kind)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We go to the office with Python once a week.", "go"),  # one technology is no run
        ("python docker go to production every day", "go"),  # a vetoing neighbour still vetoes
        ("spring semester; java, docker\n", "spring"),  # 'spring semester' is vetoed, run or not
        ("I like to swift through python tasks", "swift"),  # lower case outside a run
        ("Distributed training: PyTorch, Horovod, NCCL, multi-node GPU clusters\nMLOps: MLflow\n", "node.js"),
        ("Tools: Git, GitHub, pytest, Docker (basic), Linux\n", "basic"),  # a note on Docker
        ("Working knowledge of Git and basic CI/CD concepts.\n", "basic"),  # a modifier of CI/CD
    ],
)
def test_tag_runs_leave_prose_alone(engine: Engine, text: str, absent: str) -> None:
    assert absent not in ids(engine, text)


# ---------------------------------------------------------------- the title line of a job post
@pytest.mark.parametrize(
    ("text", "title_mention_kept", "skill"),
    [
        ("Senior Java Developer\nRequirements\n- 5 years of Java and Spring Boot\n", False, "java"),
        ("Software Engineer - Python\nRequirements\n- Python, Docker, AWS\n", False, "python"),
        # the title is the only evidence: it stays
        ("Senior Java Developer\nRequirements\n- 5 years of backend experience\n", True, "java"),
    ],
)
def test_job_title_names_the_role(engine: Engine, text: str, title_mention_kept: bool, skill: str) -> None:
    report = engine.analyze_text(text, kind="job")
    title_end = text.index("\n")
    mentions = [m for s in report.skills if s.id == skill for m in s.mentions]
    assert mentions, "the skill is found"
    assert any(m.start < title_end for m in mentions) == title_mention_kept


def test_resume_headline_names_the_role(engine: Engine) -> None:
    """A resume's headline names the role like a post's title: a skill it names counts there only when the
    resume names it nowhere else (``title_lines``)."""
    text = "Java Developer\nEXPERIENCE\nJava Developer at Acme, 2019 - 2021. Built Java services.\n"
    report = engine.analyze_text(text, kind="resume")
    java = [m.start for s in report.skills if s.id == "java" for m in s.mentions]
    assert java and 0 not in java
    only = engine.analyze_text("Java Developer\nEXPERIENCE\nAcme, 2019 - 2021. Built services.\n", kind="resume")
    assert [m.start for s in only.skills if s.id == "java" for m in s.mentions] == [0]


# ---------------------------------------------------------------- institution, journal and event names
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Fitch, D. (2006). Journal of Social Service Research, 32(4), 117-134.", "research"),
        ("Represented students at the Faculty of Information Technology board.", "information-technology"),
        ("Fellowship, International Research Bureau, University of Verona", "research"),
        ("Member of the Linux Foundation since 2015.", "linux"),
        ("Paper presented to the Research Division at the annual conference.", "research"),
    ],
)
def test_institution_names_claim_nothing(engine: Engine, text: str, absent: str) -> None:
    assert absent not in ids(engine, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Administered Linux servers for the Faculty of Arts.", "linux"),
        ("Built Python services; member of the Python user group.", "python"),
        ("Taught Information Technology at a high school.", "information-technology"),
    ],
)
def test_institution_rule_keeps_claims(engine: Engine, text: str, present: str) -> None:
    assert present in ids(engine, text)


# ---------------------------------------------------------------- typos that are English words
@pytest.mark.parametrize(
    ("word", "candidate", "typo"),
    [
        ("informatics", "informatica", False),  # -ics: a field, not the product
        ("objectives", "objectivec", False),  # a plural
        ("ontologist", "ontologies", False),  # -ist: a person
        ("kubernates", "kubernetes", True),
        ("tensorflw", "tensorflow", True),
    ],
)
def test_english_word_is_not_a_typo(word: str, candidate: str, typo: bool) -> None:
    assert plausible_typo(word, candidate) == typo


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Degree in Bioinformatics and Health Informatics.", "informatica"),
        ("Objectives: define the reports.", "objective-c"),
        ("Award for Recognition of Excellence.", "aws-rekognition"),
    ],
)
def test_english_words_do_not_fuzzy_match(engine: Engine, text: str, absent: str) -> None:
    assert absent not in ids(engine, text)


def test_real_typos_still_fuzzy_match(engine: Engine) -> None:
    assert ("kubernetes", "Kubernates") in found(engine, "Deployed services on Kubernates clusters.")


# ---------------------------------------------------------------- plain words that spell a name without its dots
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Hobbies: surfing the net, reading.", "dotnet"),
        ("Company Net, Edinburgh: account executive.", "dotnet"),
        ("The new process adds transparency to IT operations.", "active-directory"),
    ],
)
def test_plain_word_is_not_a_punctuated_name(engine: Engine, text: str, absent: str) -> None:
    assert absent not in ids(engine, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Languages: C# / . Net , Java", "dotnet"),  # the dot is there, spaced out by a tokeniser
        ("Built apps on .NET and NET 4.8", "dotnet"),
        ("A true Teamplayer with good communication.", "teamwork"),  # a run-together name of two words
    ],
)
def test_spelt_out_names_still_match(engine: Engine, text: str, present: str) -> None:
    assert present in ids(engine, text)


# ---------------------------------------------------------------- 'cloud': an everyday word that is a skill
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Technologies\ncloud java web-services\n", "job"),
        ("Experience with AWS, GCP or another public cloud provider.\n", "job"),
        ("SKILLS\nCloud, Docker, Terraform\n", "resume"),
    ],
)
def test_cloud_counts_with_context(engine: Engine, text: str, kind: DocumentKind) -> None:
    assert "cloud-computing" in ids(engine, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "A cloud of dust rose over the site.",
        "Our mission is to establish the Intelligent Business Cloud as a standard in every company.",
        "SKILLS\nCloud formations are my hobby as a photographer.\n",  # a skills section, but prose
    ],
)
def test_cloud_without_context_is_the_word(engine: Engine, text: str) -> None:
    assert "cloud-computing" not in ids(engine, text)
