"""Sense checks (``skills_taxonomy/senses.yaml``): validated on load, and the other senses they tell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gapfinder import Engine
from gapfinder.errors import TaxonomyError
from gapfinder.taxonomy import load_taxonomy
from helpers import MINI, analysed_skill_ids

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


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a language name as a nationality, a people or a place
        ("Worked for a French tire manufacturer.", {"lang-french"}, set()),
        ("Anna University, Chennai, Tamil Nadu", {"lang-tamil"}, set()),
        ("Italian-American restaurant, line cook", {"lang-italian"}, set()),
        ("Languages: English, Tamil, Hindi", set(), {"lang-english", "lang-tamil", "lang-hindi"}),
        ("Fluent in German and English.", set(), {"lang-german", "lang-english"}),
        ("Excellent written English (C1).", set(), {"lang-english"}),
        ("B.A. English Literature, 2004", set(), {"lang-english"}),  # a field of study
        ("South African  English  Afrikaans", set(), {"lang-english"}),  # columns of a table
        # a company's name
        ("Consultant at SAP AG, Walldorf", {"sap"}, set()),
        ("Past organisation: Tata Consultancy Services", {"consulting"}, set()),
        # a link or an account
        ("Follow us on Instagram and Facebook", {"instagram", "facebook"}, set()),
        ("Send your GitHub profile", {"github"}, set()),
        ("Repositories on GitHub, CI in Jenkins", set(), {"github"}),
        # a soft-skill adjective describing a thing
        ("Set up proactive monitoring of the servers.", {"self-motivation"}, set()),
        ("An adaptable architecture for payments.", {"adaptability"}, set()),
        ("A proactive and adaptable person.", set(), {"self-motivation", "adaptability"}),
        ("A self-motivated data analyst.", {"self-motivation"}, set()),  # known limit: one word of look-ahead
        # received, not given
        ("Mentoring from senior engineers and a training budget", {"mentoring"}, set()),
        ("He was a great mentor to me.", {"mentoring"}, set()),
        ("Mentoring junior engineers.", set(), {"mentoring"}),
        # another technical sense
        ("Regression and smoke testing of releases", {"regression"}, set()),
        ("Cisco Nexus 5k and ACI switches", {"sonatype-nexus"}, set()),
        ("Artifacts in Nexus and Artifactory, builds in Maven", set(), {"sonatype-nexus"}),
        ("Fine tuning customer service processes", {"fine-tuning"}, set()),
        ("Fine-tuning BERT models for NER", set(), {"fine-tuning"}),
        # an English-word product name inside another name
        ("Deployed Unified Access Gateway for remote users.", {"ms-access"}, set()),
        ("Tools: Word, Excel, Access, Outlook", set(), {"ms-access"}),
    ],
)
def test_other_senses(engine: Engine, text: str, absent: set[str], present: set[str]) -> None:
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
