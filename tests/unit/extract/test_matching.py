"""Phrase, variant, fuzzy and ambiguity matching over the small fixture taxonomy."""

from __future__ import annotations

import dataclasses

import pytest

from gapfinder import Engine
from gapfinder.extract.matching import find_matches, match_text
from gapfinder.extract.near_misses import plausible_typo
from gapfinder.extract.phrase_index import PhraseIndex, build_index, compact_key
from gapfinder.models import DocumentKind, Report, SectionName
from gapfinder.taxonomy import Taxonomy
from gapfinder.text.context import AnalysisContext, SectionSpan
from gapfinder.text.normalize import normalize
from helpers import analysed_skill_ids, skill_mentions, skills_among
from helpers.cases import Case, load_cases
from helpers.pdf_layouts import LAYOUTS, PROBE, render, source_text


@pytest.fixture(scope="module")
def index(mini_taxonomy: Taxonomy) -> PhraseIndex:
    return build_index(mini_taxonomy)


def run(index: PhraseIndex, text: str, section: SectionName = "experience") -> list[tuple[str, str, str]]:
    norm = normalize(text)
    ctx = AnalysisContext(norm, (SectionSpan(section, 0, len(norm.text)),), "resume", (2026, 11))
    out: list[tuple[str, str, str]] = []
    for m in find_matches(ctx, index, index.nlp.make_doc(norm.text)):
        mention = ctx.mention(m.start, m.end, m.kind, m.surface.text, m.score)
        assert text[mention.start : mention.end] == mention.text
        out.append((m.surface.id, mention.text, m.kind))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Built models in PyTorch/TensorFlow",
            [("pytorch", "PyTorch", "exact"), ("tensorflow", "TensorFlow", "exact")],
        ),
        ("used sklearn on k8s.", [("scikit-learn", "sklearn", "alias"), ("kubernetes", "k8s", "alias")]),
        ("pytorch and PYTORCH", [("pytorch", "pytorch", "exact"), ("pytorch", "PYTORCH", "exact")]),
        ("Tensor Flow", [("tensorflow", "Tensor Flow", "alias")]),
        ("scikit learn", [("scikit-learn", "scikit learn", "variant")]),
        ("python3 scripts", [("python", "python3", "variant")]),
        ("deployed on Kubernates", [("kubernetes", "Kubernates", "fuzzy")]),
        ("Deep  learning with ﬁne tuning", [("deep-learning", "Deep  learning", "exact")]),
        ("(PyTorch)", [("pytorch", "PyTorch", "exact")]),
        ("•Python", [("python", "Python", "exact")]),
        (
            "CKA; Certified Kubernetes Administrator",
            [("cka", "CKA", "alias"), ("cka", "Certified Kubernetes Administrator", "exact")],
        ),
    ],
)
def test_matches(index: PhraseIndex, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert run(index, text) == expected


@pytest.mark.parametrize(
    ("text", "section", "expected_ids"),
    [
        # English words and letters stay out without context
        ("Our go-to-market plan; we will go live soon.", "experience", []),
        ("Go to the store", "experience", []),
        ("I excel at communication", "experience", []),
        ("Excel at speed", "experience", []),
        ("Plan R and plan B", "experience", []),
        ("go", "skills", []),  # case-sensitive: lower-case "go" is never the language
        # ... and come in with it
        ("Languages: Python, Go, R", "experience", ["python", "go", "r"]),
        ("Go, R", "skills", ["go", "r"]),
        ("services in Go using goroutines", "experience", ["go"]),
        ("reports in Excel, Python", "experience", ["excel", "python"]),
        ("golang", "experience", ["go"]),
        ("R programming", "experience", ["r"]),
        # a skill word naming a role or a team is a name, not a claim of the skill
        ("We are hiring a Kubernetes Engineer", "experience", []),
        ("joined the PyTorch team", "experience", []),
        ("PyTorch, Kubernetes", "experience", ["pytorch", "kubernetes"]),
    ],
)
def test_ambiguity(index: PhraseIndex, text: str, section: SectionName, expected_ids: list[str]) -> None:
    assert [m[0] for m in run(index, text, section)] == expected_ids


@pytest.mark.parametrize(
    "text",
    [
        "Kubernetes is great",  # exact, not fuzzy
        "Marketing strategy",  # no skill near it
        "Pythonic",  # a different word
        "sequential testing",  # an English word one letter away from TestNG
        "Testing the pipeline.",  # capitalised only because it starts the sentence
        "a Pythons team",  # a word that merely extends a surface is another word
    ],
)
@pytest.mark.parametrize("section", ["experience", "skills"])
def test_no_fuzzy_invention(index: PhraseIndex, text: str, section: SectionName) -> None:
    assert all(kind != "fuzzy" for _, _, kind in run(index, text, section))


@pytest.mark.parametrize(
    ("surface", "key"),
    [("Scikit-Learn", "scikitlearn"), ("Tensor Flow", "tensorflow"), ("Node.js", "nodejs"), ("C++", "c++")],
)
def test_compact_key(surface: str, key: str) -> None:
    assert compact_key(surface) == key


# ==============================================================================================================
# Certification names wrapped over the short lines of a narrow column still match (issue 16).
#
# A sidebar 170 pt wide wraps "Google Professional Machine Learning Engineer" over two or three lines; the
# certifications section reads every line break inside a paragraph as a space, so the name matches as it does in
# the source text, whatever the layout.
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


# ==============================================================================================================
# Short and lower-case names take their evidence from the line: a tag line, a coordination with a name, a
# name used inside a sentence; a label heading a list names the kind of its items, not one more skill.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Technologies: c#, r, qa, rest", {"c#", "r", "quality-assurance", "rest-api"}),
        ("Technologies\njava java-ee spring go", {"java", "spring", "go"}),  # a labelled line of tags
        ("Tech stack: go, spring, kafka", {"go", "spring", "kafka"}),
        ("Environment: c, r, sql", {"c", "r", "sql"}),
        ("Skills\npython, go, r", {"python", "go", "r"}),  # a list line of a resume's skills section
    ],
)
def test_tag_lines_list_names_in_any_case(engine: Engine, text: str, expected: set[str]) -> None:
    assert expected <= analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We go to c and r for lunch, then rest.", {"go", "c", "r", "rest-api"}),  # no tag line
        ("Technologies\nazure android ionic-framework", {"ionic-framework-only"}),
        ("Skills: hard &amp; smart working", {"amp"}),  # an HTML entity
        ("Cloud: AWS (S3, EC2, SageMaker - basic)", {"basic"}),  # a lower-case name in a note
    ],
)
def test_no_tag_line_no_lower_case_short_names(engine: Engine, text: str, absent: set[str]) -> None:
    assert not absent & analysed_skill_ids(engine, text, "job")


def test_a_tag_is_a_whole_tag(engine: Engine) -> None:
    report = engine.analyze_text("Technologies\nazure android ionic-framework\n", kind="job")
    ionic = [m.text for f in report.skills if f.id == "ionic" for m in f.mentions]
    assert ionic == ["ionic-framework"]  # the variant of the whole tag, not 'ionic' of it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We want experience with Ray or Spark.", {"ray", "apache-spark"}),
        ("You know Python, Go or Rust.", {"python", "go", "rust"}),
        ("You will use Swift for on-device inference.", {"swift", "edge-ml"}),
    ],
)
def test_names_confirmed_by_the_sentence(engine: Engine, text: str, expected: set[str]) -> None:
    assert expected <= analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    "text",
    [
        "Go to the store and Spark interest in kids.",
        "A swift response to AWS outages.",
        "Ray Charles or Kubernetes Hall of Fame",  # a capitalised word after: a person's name
    ],
)
def test_everyday_senses_stay_out(engine: Engine, text: str) -> None:
    assert not {"go", "apache-spark", "swift"} & analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    ("text", "label", "items"),
    [
        ("Operating Systems: Windows, Linux", "operating-systems", {"windows", "linux"}),
        ("• Build Tools: Maven, Gradle", "build-systems", {"maven", "gradle"}),
        ("Skills\nContinuous Integration: Jenkins", "continuous-integration", {"jenkins"}),
        ("Operating systems:\n• Windows Server 2012, Linux", "operating-systems", {"linux"}),
        ("Skills\nAutomated Build Tools: Maven", "build-systems", {"maven"}),  # a word before the label
        ("Skills\nOperating Systems Windows 7, Linux", "operating-systems", {"linux"}),  # no colon, items at once
        ("Skills\nOperating systems\n• Windows Server 2012", "operating-systems", {"windows-server"}),
    ],
)
def test_a_label_heading_a_list_is_no_mention(engine: Engine, text: str, label: str, items: set[str]) -> None:
    """The items imply the label (Windows implies operating systems): what it tells stays with them."""
    found = analysed_skill_ids(engine, text)
    assert label not in found
    assert items <= found


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Java: Spring, Hibernate", "java"),  # a language heading its frameworks is held too
        ("Continuous Integration: set up for 12 teams", "continuous-integration"),  # no list after it
        ("Built CI with Jenkins: Continuous Integration, Maven", "continuous-integration"),  # not at a line start
        ("Cloud: Ansible, Terraform", "cloud-computing"),  # no item implies it: more than a label
        ("Requirements\nJava\nSpring\nSpring Boot\n", "spring"),  # one item of a column, no label
        ("Built the Operating Systems course, Linux labs", "operating-systems"),  # no label at a line start
    ],
)
def test_labels_that_stay(engine: Engine, text: str, skill: str) -> None:
    assert skill in analysed_skill_ids(engine, text)


# ==============================================================================================================
# Generic practice nouns ('testing', 'security', 'monitoring') as skills: with a confirming word nearby
# and only where the noun ends its phrase (``Ambiguity.head_noun``), not as a modifier or a verb with its
# object.
GENERIC_NOUNS_IDS = {"software-testing", "cybersecurity", "observability"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generic noun ending its phrase, confirmed by a word of its field
        ("Owned deployment, testing and code review for the billing service.", [("software-testing", "testing")]),
        ("Hands-on with logging and monitoring in production.", [("observability", "monitoring")]),
        ("Strong security experience with IAM and PKI.", [("cybersecurity", "security")]),
        ("Wrote manual testing checklists? No: did regression and manual testing.", [("software-testing", "testing")]),
        # a modifier of the next word, or a verb with its object
        ("Ran security scans on the network every week.", []),
        ("Monitoring Postgres replicas and alerting on lag.", []),
        ("Testing Cisco routers in the production lab.", []),
        # no confirming word: an everyday word
        ("We value security and a friendly office.", []),
    ],
)
def test_generic_nouns(engine: Engine, text: str, expected: list[tuple[str, str]]) -> None:
    assert skill_mentions(engine.analyze_text(text, kind="resume"), GENERIC_NOUNS_IDS) == expected


# ==============================================================================================================
# A category's usage words confirm its case-sensitive ambiguous skills in prose ("frameworks like Angular",
# "code in Swift"); without them, or written in lower case, the words stay English.
@pytest.mark.parametrize(
    ("text", "skill", "found"),
    [
        ("Comfortable with modern frameworks like Angular.", "angular", True),
        ("You will write code in Swift every day.", "swift", True),
        ("We value people who react quickly and move in a swift, angular way.", "swift", False),
        ("We value people who react quickly and move in a swift, angular way.", "angular", False),
        ("A swift decision on the framework is expected.", "swift", False),  # lower case: the English word
    ],
)
def test_category_usage_words(engine: Engine, text: str, skill: str, found: bool) -> None:
    report = engine.analyze_text(f"Software Engineer\n\nAbout the role\n{text}\n", kind="job")
    assert (skill in {s.id for s in report.skills}) is found


def test_categories_carry_their_words(engine: Engine) -> None:
    categories = engine.taxonomy.categories
    assert "framework" in categories["web"].context and "code" in categories["language"].context


# ==============================================================================================================
# Business domains (category ``domain``): an industry counts when a post asks for it or a resume claims it
# (an ``Industry:`` field, "experience in ...", a skills list), not when it is a word of a company name or
# of the company's own story.
def _domains(report: Report) -> list[tuple[str, str]]:
    return sorted((s.id, m.text) for s in report.skills if s.category == "domain" for m in s.mentions)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # asked for or claimed: a label or an experience word nearby
        ("Industry: Insurance Sector Software", "job", [("domain-insurance", "Insurance Sector")]),
        ("Industry:\nTravel Fintech Marketplaces\n", "job", [("domain-fintech", "Fintech")]),
        (
            "You have 3+ years of experience in the healthcare industry.",
            "job",
            [("domain-healthcare", "healthcare industry")],
        ),
        ("Background in capital markets is a plus.", "job", [("domain-capital-markets", "capital markets")]),
        (
            "Domain knowledge: telecom, retail banking",
            "resume",
            [("domain-banking", "retail banking"), ("domain-telecommunications", "telecom")],
        ),
        # perks and the company's story are no domain claim without such a word
        ("We offer private healthcare and a gym budget.", "job", []),
        ("We sell furniture online and are growing our e-commerce shop fast.", "job", []),
        # the last word of a company name
        ("Data Engineer at Northwind Logistics, Oslo (2019-2021)\nBuilt ETL in Python.", "resume", []),
        ("Analyst, Brightwater Payments is a great employer with experience", "resume", []),
        # a line of capitalised tags is a list, not a name
        (
            "Industry: Broadcast Telecommunications Television",
            "job",
            [("domain-telecommunications", "Telecommunications")],
        ),
    ],
)
def test_domain_mentions(engine: Engine, text: str, kind: DocumentKind, expected: list[tuple[str, str]]) -> None:
    assert _domains(engine.analyze_text(text, kind=kind)) == expected


# ==============================================================================================================
# Words that are skills only in context (release numbers, related runs, social media, platform words): the
# cases are data, tests/cases/skills_in_context.yaml.
class SkillCase(Case):
    text: str
    found: tuple[str, ...]


class SkillGroup(Case):
    group: str
    kind: DocumentKind
    watch: tuple[str, ...]
    cases: tuple[SkillCase, ...]


IN_CONTEXT = [
    pytest.param(g.kind, g.watch, c, id=f"{g.group}: {c.text[:40]}")
    for g in load_cases("skills_in_context", SkillGroup)
    for c in g.cases
]


@pytest.mark.parametrize(("kind", "watch", "case"), IN_CONTEXT)
def test_skills_in_context(engine: Engine, kind: DocumentKind, watch: tuple[str, ...], case: SkillCase) -> None:
    assert skills_among(engine.analyze_text(case.text, kind=kind), watch) == list(case.found)


# ==============================================================================================================
# Error classes of skill matching found on real postings and resumes, one table per class.
#
# Each case is written here for the class it stands for (not copied from evaluation data): what the matcher
# must find, and what it must leave alone, over the packaged taxonomy.
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


@pytest.mark.parametrize(
    ("text", "skill", "found"),
    [
        # short product names people write, each needing its kind of context (taxonomy ambiguity rules)
        ("Technologies used include VB and Crystal Reports for the client system.", "visual-basic", True),
        ("High skills in Ajax, VB, and Shell scripting languages.", "visual-basic", True),
        ("Played VB for the county team.", "visual-basic", False),
        ("Tracked defects using tools QC and AIT.", "hp-quality-center", True),
        ("Environment: Win XP, SQL, C, QC, Jira", "hp-quality-center", True),
        ("Worked as a QC inspector on the packaging line.", "hp-quality-center", False),
        ("Took part in 3 implementations of SAP and a rollout project.", "sap", True),
        ("Developed an outbound interface report from SAP to CLM.", "sap", True),
    ],
)
def test_short_product_names_in_context(engine: Engine, text: str, skill: str, found: bool) -> None:
    report = engine.analyze_text(f"Jane Roe\n\nExperience\n{text}\n")
    assert (skill in {s.id for s in report.skills}) is found
