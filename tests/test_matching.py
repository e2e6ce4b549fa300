"""Phrase, variant, fuzzy and ambiguity matching over the small fixture taxonomy."""

from __future__ import annotations

import pytest

from gapfinder.extract.context import AnalysisContext, SectionSpan
from gapfinder.extract.matching import find_matches
from gapfinder.extract.phrase_index import PhraseIndex, build_index, compact_key
from gapfinder.models import SectionName
from gapfinder.normalize import normalize
from gapfinder.taxonomy import Taxonomy


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
