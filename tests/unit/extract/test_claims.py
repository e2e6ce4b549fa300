"""A skill a resume only wishes for ("seeking a role in machine learning", "interested in MLOps") is no skill of
the resume: a comparison must not call it `claimed`, or a tailoring service would write it in. The cues are data
(``lexicon/aspirations.yaml``); a cancelling word ("where I can apply my Python") makes the clause a claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapfinder.engine import Engine
from gapfinder.errors import LexiconError
from gapfinder.lexicon import load_file
from gapfinder.lexicon.schema import Aspirations
from gapfinder.models import DocumentKind


def _skills(engine: Engine, text: str, kind: DocumentKind = "resume") -> set[str]:
    report = engine.analyze_text(text, kind=kind)
    return {s.id for s in report.skills}


@pytest.mark.parametrize(
    ("sentence", "wished"),
    [
        ("Accountant with 7 years in audit, seeking a role in machine learning.", {"machine-learning"}),
        ("Interested in MLOps and Kubernetes.", {"mlops", "kubernetes"}),
        ("Career Objective: Seeking the position of Core Java developer in a reputed firm.", {"java"}),
        ("Objective: To obtain a position in the automotive service industry.", {"domain-automotive"}),
        ("I want to move into machine learning engineering.", {"machine-learning"}),
        ("Career change into data science after ten years in retail.", {"data-science"}),
    ],
)
def test_a_wish_claims_nothing(engine: Engine, sentence: str, wished: set[str]) -> None:
    assert not (_skills(engine, f"Jane Roe\n\nSummary\n{sentence}\n") & wished)


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Seeking a senior role where I can apply my Python skills.", "python"),
        ("Aspiring data analyst with SQL experience.", "sql"),
        ("Built Kubernetes operators; interested in Rust.", "kubernetes"),
        ("Led the transition to Kubernetes for 40 services.", "kubernetes"),
    ],
)
def test_a_claim_next_to_a_wish_stays(engine: Engine, sentence: str, held: str) -> None:
    assert held in _skills(engine, f"Jane Roe\n\nSummary\n{sentence}\n")


def test_job_posts_are_not_read_for_wishes(engine: Engine) -> None:
    post = "ML Engineer\n\nRequirements\n- You are interested in Kubernetes and Python.\n"
    assert {"kubernetes", "python"} <= _skills(engine, post, kind="job")


def test_a_wished_skill_is_missing_not_claimed_in_a_comparison(engine: Engine) -> None:
    resume = (
        "Tom Baker\n\nSummary\nAccountant seeking a role in machine learning; interested in MLOps.\n\n"
        "Experience\nSenior Accountant, KPMG, London - 2019 - Present\n- Led quarterly audits.\n"
    )
    post = "Machine Learning Engineer\n\nRequirements\n- Experience with machine learning\n- MLOps practices\n"
    comparison = engine.compare_text(resume, post)
    assert {s.requirement.label: s.status for s in comparison.requirements} == {
        "Machine learning": "missing",
        "MLOps": "missing",
    }


def _write(tmp_path: Path, cue: str) -> Path:
    path = tmp_path / "aspirations.yaml"
    path.write_text(
        "window: 10\nmax_gap: 3\nstops: ['.']\ncancel: [my]\nheads: [interested]\n"
        f"cues:\n  - name: x\n    pattern: '{cue}'\n",
        encoding="utf-8",
    )
    return path


def test_cues_load(tmp_path: Path) -> None:
    assert load_file(_write(tmp_path, r"\binterested in$"), Aspirations).cues[0].name == "x"


def test_a_cue_without_a_head_is_refused(tmp_path: Path) -> None:
    """The extractor only reads a clause with a head word before the mention: a cue without one would never run."""
    with pytest.raises(LexiconError, match="starts with none of the heads"):
        load_file(_write(tmp_path, r"\bkeen on$"), Aspirations)


@pytest.mark.parametrize(("cue", "needle"), [(r"\binterested in", "ends with '$'"), ("(unclosed$", "no regular")])
def test_a_broken_cue_names_file_and_key(tmp_path: Path, cue: str, needle: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_file(_write(tmp_path, cue), Aspirations)
    assert "aspirations.yaml" in str(info.value) and "cues.0.pattern" in str(info.value) and needle in str(info.value)


def test_the_same_names_are_found_when_done(engine: Engine) -> None:
    done = "Worked in machine learning, MLOps, Kubernetes, Core Java, the automotive service industry and data science."
    assert {"machine-learning", "mlops", "kubernetes", "java", "domain-automotive", "data-science"} <= _skills(
        engine, f"Jane Roe\n\nSummary\n{done}\n"
    )
