"""Content checks for the shipped taxonomy data (categories, skills, certifications).

The files are loaded directly with the schema models (not ``load_taxonomy``) so these tests only depend on
the files they check; cross-references are verified here the same way the loader does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import yaml

from gapfinder.taxonomy.schema import CategoriesFile, CertificationsFile, Skill, SkillsFile
from helpers import TAXONOMY
from helpers.cases import Case, load_cases


class AliasCase(Case):
    surface: str
    skill: str


ALIASES = load_cases("alias_lookups", AliasCase)

SKILL_FILES = sorted((TAXONOMY / "skills").glob("*.yaml"))


def _read(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def categories() -> CategoriesFile:
    return CategoriesFile.model_validate(_read(TAXONOMY / "categories.yaml"))


@cache
def skill_list() -> tuple[Skill, ...]:
    return tuple(s for p in SKILL_FILES for s in SkillsFile.model_validate(_read(p)).skills)


@cache
def skills() -> dict[str, Skill]:
    return {s.id: s for s in skill_list()}


@cache
def certifications() -> CertificationsFile:
    return CertificationsFile.model_validate(_read(TAXONOMY / "certifications.yaml"))


@cache
def surface_index() -> dict[str, str]:
    """case-folded name/alias -> skill id"""
    return {surface.casefold(): s.id for s in skill_list() for surface in (s.name, *s.aliases)}


def closure(skill_id: str) -> set[str]:
    seen: set[str] = set()
    stack = list(skills()[skill_id].implies)
    while stack:
        nxt = stack.pop()
        if nxt not in seen:
            seen.add(nxt)
            stack.extend(skills()[nxt].implies)
    return seen


# ---------------------------------------------------------------------------------------------- schema validity
FileModel = type[CategoriesFile | CertificationsFile | SkillsFile]
SCHEMA_FILES: list[tuple[str, FileModel]] = [
    ("categories.yaml", CategoriesFile),
    ("certifications.yaml", CertificationsFile),
]
SCHEMA_FILES += [(str(p.relative_to(TAXONOMY)), SkillsFile) for p in SKILL_FILES]


@pytest.mark.parametrize(("relpath", "model"), SCHEMA_FILES)
def test_file_validates_against_schema(relpath: str, model: FileModel) -> None:
    data = _read(TAXONOMY / relpath)
    assert isinstance(data, dict)
    parsed = model.model_validate(data)
    assert parsed.schema_version == 1


def test_there_is_at_least_one_skill_file() -> None:
    assert SKILL_FILES, "skills_taxonomy/skills/*.yaml is empty"


# ---------------------------------------------------------------------------------------------- size
@pytest.mark.parametrize(
    ("what", "count", "minimum"),
    [
        ("skills", lambda: len(skill_list()), 700),
        ("aliases", lambda: sum(len(s.aliases) for s in skill_list()), 1500),
        ("certifications", lambda: len(certifications().certifications), 50),
    ],
)
def test_minimum_size(what: str, count: Callable[[], int], minimum: int) -> None:
    assert count() >= minimum, f"only {count()} {what}"


# ---------------------------------------------------------------------------------------------- required ids
EXPECTED_CATEGORIES = [
    "language",
    "ml_framework",
    "ml_method",
    "ml_domain",
    "llm",
    "mlops",
    "data_engineering",
    "database",
    "analytics",
    "cloud",
    "devops",
    "infrastructure",
    "web",
    "mobile",
    "testing",
    "security",
    "os",
    "tool",
    "math",
    "practice",
    "leadership",
    "soft_skill",
]

# the skill ids the career ladders reference
_REQUIRED_SKILL_TEXT = """
python r sql java scala c++ rust go git ci-cd scikit-learn tensorflow pytorch keras jax xgboost pandas numpy
jupyter linear-algebra calculus probability statistics optimization regression classification clustering
machine-learning deep-learning data-preprocessing feature-engineering model-training hyperparameter-tuning
model-evaluation aws gcp azure aws-sagemaker vertex-ai azure-ml cloud-computing mlflow kubeflow
weights-and-biases dvc docker kubernetes nlp computer-vision recommender-systems reinforcement-learning
time-series distributed-training distributed-systems feature-store model-registry experiment-tracking
model-serving model-monitoring ab-testing causal-inference mentoring code-review system-design
technical-leadership llm generative-ai fine-tuning prompt-engineering rag model-compression quantization
hugging-face langchain apache-spark airflow kafka etl data-pipelines data-warehousing dbt mlops gpu-computing
cuda onnx triton-inference-server ray people-management hiring performance-management stakeholder-management
communication product-management strategic-planning budgeting roadmap-planning cross-functional-collaboration
research responsible-ai model-interpretability data-analysis data-visualization bigquery snowflake databricks
tableau power-bi excel microservices rest-api linux bash terraform agile data-structures-algorithms open-source
technical-writing public-speaking ml-platform inference-optimization model-architecture transformers cnn rnn
gradient-boosting random-forest bayesian-methods anomaly-detection edge-ml tinyml multimodal-ai data-science
statistical-modeling data-governance consulting business-acumen product-strategy
"""
REQUIRED_SKILLS = _REQUIRED_SKILL_TEXT.split()

REQUIRED_CERTIFICATIONS = [
    "aws-ml-specialty",
    "gcp-professional-ml-engineer",
    "tensorflow-developer",
    "azure-ai-engineer",
    "deeplearning-ai-specialization",
    "cka",
    "ckad",
    "cks",
    "kcna",
    "terraform-associate",
    "snowpro-core",
    "databricks-data-engineer-associate",
    "azure-data-scientist",
    "aws-solutions-architect-associate",
    "pmp",
]


@pytest.mark.parametrize("category_id", EXPECTED_CATEGORIES)
def test_category_exists(category_id: str) -> None:
    assert category_id in {c.id for c in categories().categories}


@pytest.mark.parametrize("skill_id", REQUIRED_SKILLS)
def test_required_skill_exists(skill_id: str) -> None:
    assert skill_id in skills()


@pytest.mark.parametrize("cert_id", REQUIRED_CERTIFICATIONS)
def test_required_certification_exists(cert_id: str) -> None:
    assert cert_id in {c.id for c in certifications().certifications}


# ---------------------------------------------------------------------------------------------- integrity
def test_ids_are_unique() -> None:
    for label, ids in (
        ("category", [c.id for c in categories().categories]),
        ("skill", [s.id for s in skill_list()]),
        ("certification", [c.id for c in certifications().certifications]),
    ):
        dups = [i for i, n in Counter(ids).items() if n > 1]
        assert not dups, f"duplicate {label} ids: {dups}"


def test_skill_categories_exist() -> None:
    known = {c.id for c in categories().categories}
    bad = sorted({(s.id, s.category) for s in skill_list() if s.category not in known})
    assert not bad


def test_every_category_is_used() -> None:
    used = {s.category for s in skill_list()}
    assert not [c.id for c in categories().categories if c.id not in used]


def test_implies_targets_exist() -> None:
    bad = [(s.id, t) for s in skill_list() for t in s.implies if t not in skills()]
    assert not bad


def test_implications_have_no_cycles() -> None:
    assert not [sid for sid in skills() if sid in closure(sid)]


def test_certification_skills_exist() -> None:
    bad = [(c.id, sid) for c in certifications().certifications for sid in c.skills if sid not in skills()]
    assert not bad


def test_every_certification_evidences_some_skill() -> None:
    assert not [c.id for c in certifications().certifications if not c.skills]


def test_no_case_folded_duplicate_skill_surfaces() -> None:
    """What the loader enforces: one name/alias (case-folded) names one skill only."""
    owners: dict[str, set[str]] = {}
    for s in skill_list():
        for surface in (s.name, *s.aliases):
            owners.setdefault(surface.casefold(), set()).add(s.id)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_no_case_only_variants_within_a_skill() -> None:
    """Matching is case-insensitive, so aliases that differ from each other only by case are noise."""
    bad = []
    for s in skill_list():
        folded = [x.casefold() for x in (s.name, *s.aliases)]
        bad += [(s.id, f) for f, n in Counter(folded).items() if n > 1]
    assert not bad


def test_certification_surfaces_and_codes_are_unique() -> None:
    certs = certifications().certifications
    surfaces = Counter(x.casefold() for c in certs for x in (c.name, *c.aliases))
    codes = Counter(code for c in certs for code in c.exam_codes)
    assert not [k for k, n in surfaces.items() if n > 1]
    assert not [k for k, n in codes.items() if n > 1]


def test_certification_surfaces_do_not_shadow_skills() -> None:
    index = surface_index()
    clash = [
        (c.id, x)
        for c in certifications().certifications
        for x in (c.name, *c.aliases, *c.exam_codes)
        if x.casefold() in index
    ]
    assert not clash


@pytest.mark.parametrize("code", ["PCA", "CCA", "CAPA", "CBA", "ICA", "CSM", "DCA"])
def test_ambiguous_acronyms_are_not_exam_codes(code: str) -> None:
    assert code not in {x for c in certifications().certifications for x in c.exam_codes}


def test_ambiguity_word_lists_are_lower_case() -> None:
    bad = [
        (s.id, w)
        for s in skill_list()
        if s.ambiguity
        for w in (*s.ambiguity.context, *s.ambiguity.reject_prev, *s.ambiguity.reject_next)
        if w != w.lower()
    ]
    assert not bad


def test_short_or_ambiguous_skills_are_not_fuzzy() -> None:
    bad = [s.id for s in skill_list() if s.fuzzy and (len(s.name) < 6 or s.ambiguity is not None)]
    assert not bad


# ---------------------------------------------------------------------------------------------- lookups
@pytest.mark.parametrize(("surface", "skill_id"), [(c.surface, c.skill) for c in ALIASES])
def test_alias_lookup(surface: str, skill_id: str) -> None:
    assert surface_index().get(surface.casefold()) == skill_id


@pytest.mark.parametrize(
    ("skill_id", "implied"),
    [
        ("pytorch", {"deep-learning", "python", "machine-learning"}),
        ("keras", {"deep-learning"}),
        ("bert", {"nlp", "transformers"}),
        ("aws-sagemaker", {"aws", "mlops"}),
        ("aws-eks", {"kubernetes", "aws"}),
        ("gke", {"kubernetes", "gcp"}),
        ("aks", {"kubernetes", "azure"}),
        ("mlflow", {"experiment-tracking", "mlops"}),
        ("deep-learning", {"machine-learning"}),
        ("xgboost", {"gradient-boosting"}),
        ("pyspark", {"apache-spark", "python"}),
        ("langchain", {"llm"}),
        ("qlora", {"lora", "quantization", "fine-tuning"}),
    ],
)
def test_implications(skill_id: str, implied: set[str]) -> None:
    assert implied <= closure(skill_id)


@pytest.mark.parametrize(
    ("skill_id", "surface", "case_sensitive"),
    [
        ("r", "R", True),
        ("c", "C", True),
        ("go", "Go", True),
        ("swift", "Swift", True),
        ("rust", "Rust", True),
        ("apache-spark", "Spark", True),
        ("ray", "Ray", True),
        ("julia", "Julia", True),
        ("spring", "Spring", True),
        ("react", "React", True),
        ("computer-vision", "CV", True),
        ("llm", "LLM", True),
        ("gcp", "GCP", True),
        ("excel", "Excel", False),
        ("kafka", "Kafka", True),
        ("jenkins", "Jenkins", True),
        ("snowflake", "Snowflake", True),
        ("microsoft-word", "Word", True),
        ("ms-access", "Access", True),
        ("pandas", "pandas", False),
        # English words that name a tool only among other tools
        ("java-swing", "Swing", True),
        ("apache-velocity", "Velocity", True),
        ("adobe-flash", "Flash", True),
        ("adobe-flex", "Flex", True),
        ("apache-http-server", "Apache", True),
        ("apache-ant", "Ant", True),
        ("toad", "Toad", True),
        ("illustrator", "Illustrator", True),
        ("microsoft-publisher", "Publisher", True),
        ("lamp", "LAMP", True),
        ("cvs", "CVS", True),
        ("ms-dos", "DOS", True),
        ("bamboo", "Bamboo", True),
        ("sonatype-nexus", "Nexus", True),
        ("rally", "Rally", True),
        ("bmc-remedy", "Remedy", True),
    ],
)
def test_ambiguous_surfaces_have_rules(skill_id: str, surface: str, case_sensitive: bool) -> None:
    skill = skills()[skill_id]
    assert skill.ambiguity is not None
    assert surface in skill.ambiguity.surfaces
    assert skill.ambiguity.case_sensitive is case_sensitive
    assert skill.ambiguity.context or skill.ambiguity.reject_prev or skill.ambiguity.reject_next
    assert skill.fuzzy is False


@pytest.mark.parametrize(
    ("skill_id", "field", "token"),
    [
        ("go", "reject_next", "to"),  # "go-to-market", "go to"
        ("go", "reject_next", "live"),
        ("go", "reject_prev", "to"),  # "ready to go"
        ("c", "reject_next", "-"),  # "C-level", "C-suite"
        ("c", "reject_next", "suite"),
        ("excel", "reject_next", "at"),  # "excel at"
        ("excel", "reject_next", "in"),
        ("r", "reject_next", "&"),  # "R&D"
        ("llm", "reject_next", "law"),
        ("adobe-flash", "reject_next", "memory"),  # "flash memory"
        ("adobe-flash", "reject_next", "drive"),
        ("cvs", "reject_next", "pharmacy"),
        ("apache-http-server", "reject_next", "license"),  # "Apache License" is not the web server
        ("ms-dos", "reject_next", "attack"),  # a DoS attack
        ("microsoft-publisher", "reject_next", "of"),  # "publisher of ..."
    ],
)
def test_ambiguity_vetoes(skill_id: str, field: str, token: str) -> None:
    amb = skills()[skill_id].ambiguity
    assert amb is not None
    assert token in getattr(amb, field)


@pytest.mark.parametrize("skill_id", ["r", "c", "go", "apache-spark", "computer-vision", "llm", "gcp"])
def test_ambiguous_skills_keep_an_unambiguous_surface(skill_id: str) -> None:
    skill = skills()[skill_id]
    assert skill.ambiguity is not None
    free = [x for x in (skill.name, *skill.aliases) if x not in skill.ambiguity.surfaces]
    assert free, f"{skill_id} can only be matched through an ambiguous surface"
