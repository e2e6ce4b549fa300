"""Sense checks (``skills_taxonomy/senses.yaml``): validated on load, and the other senses they tell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gapfinder import Engine
from gapfinder.errors import TaxonomyError
from gapfinder.taxonomy import load_taxonomy
from helpers import MINI, analysed_skill_ids
from helpers.cases import Case, load_cases


class SenseCase(Case):
    text: str
    absent: frozenset[str]
    present: frozenset[str]


OTHER_SENSES = load_cases("other_senses", SenseCase)

GOOD = """schema_version: 1
senses:
  - id: spoken-as-a-people
    description: test
    categories: [language]
    cues:
      - other_next: [language]
"""


def _taxonomy_with(tmp_path: Path, senses: str) -> Path:
    root = tmp_path / "tax"
    shutil.copytree(MINI, root)
    (root / "senses.yaml").write_text(senses)
    return root


def test_senses_are_optional() -> None:
    assert load_taxonomy(MINI).senses == {}


def test_senses_load(tmp_path: Path) -> None:
    tax = load_taxonomy(_taxonomy_with(tmp_path, GOOD))
    assert list(tax.senses) == ["spoken-as-a-people"]


@pytest.mark.parametrize(
    ("change", "pattern"),
    [
        (
            ("categories: [language]", "categories: [langauge]"),
            r"senses\.0\(id=spoken-as-a-people\)\.categories\.0: unknown category",
        ),
        (
            ("categories: [language]", "skills: [nope]"),
            r"senses\.0\(id=spoken-as-a-people\)\.skills\.0: unknown skill 'nope'",
        ),
        (
            ("      - other_next: [language]", "      - within: 2"),
            r"cues\.0: Value error, a cue needs at least one condition",
        ),
        (("other_next: [language]", "other_next: [Language]"), r"cues\.0\.other_next\.0: String should match pattern"),
        (
            ("    categories: [language]", "    surfaces: '(['\n    categories: [language]"),
            r"surfaces is not a regular",
        ),
        (("    cues:", "    colour: red\n    cues:"), r"colour: Extra inputs are not permitted"),
    ],
)
def test_bad_senses_are_clear_errors(tmp_path: Path, change: tuple[str, str], pattern: str) -> None:
    with pytest.raises(TaxonomyError, match=pattern):
        load_taxonomy(_taxonomy_with(tmp_path, GOOD.replace(*change)))


def test_packaged_senses_name_known_skills() -> None:
    tax = load_taxonomy()
    assert tax.senses, "the packaged taxonomy has sense checks"
    for sense in tax.senses.values():
        assert set(sense.skills) <= set(tax.skills)


@pytest.mark.parametrize(("text", "absent", "present"), [(c.text, c.absent, c.present) for c in OTHER_SENSES])
def test_other_senses(engine: Engine, text: str, absent: frozenset[str], present: frozenset[str]) -> None:
    found = analysed_skill_ids(engine, text)
    assert not absent & found, found
    assert present <= found, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Clientis S3G - India", "aws-s3"),  # a word split after a digit
        ("Strong team - work and communication", "teamwork"),  # a dash between blanks
        ("Built in-design systems for print", "adobe-indesign"),  # an English compound
        ("Communicator, Innovator, Analytical Collaborator.", "google-colab"),  # an English word is no typo
    ],
)
def test_artefacts_are_no_skills(engine: Engine, text: str, absent: str) -> None:
    assert absent not in analysed_skill_ids(engine, text)


def test_the_named_forms_still_match(engine: Engine) -> None:
    found = analysed_skill_ids(engine, "Stored files on S3; team-work; Adobe InDesign; Google Colab notebooks")
    assert {"aws-s3", "teamwork", "adobe-indesign", "google-colab"} <= found
