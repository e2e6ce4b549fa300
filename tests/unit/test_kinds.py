"""The document kind is defined once (``gapfinder.kinds``) and every layer takes it from there."""

from __future__ import annotations

import typing

import pytest

from gapfinder import models
from gapfinder.kinds import DOCUMENT_KINDS, DocumentKind, document_noun, is_internship_kind, is_job, is_resume
from gapfinder.service.uploads import AnalyzeText


def test_the_kinds_are_the_literal() -> None:
    assert typing.get_args(DocumentKind) == DOCUMENT_KINDS == ("resume", "job")
    assert models.DocumentKind is DocumentKind  # the results' name for it is the same object


@pytest.mark.parametrize(
    ("kind", "job", "resume"),
    [("job", True, False), ("resume", False, True), ("level", False, False), ("next_level", False, False)],
)
def test_helpers(kind: str, job: bool, resume: bool) -> None:
    assert is_job(kind) is job
    assert is_resume(kind) is resume


def test_positions() -> None:
    assert is_internship_kind("internship")
    assert not is_internship_kind("job")


def test_service_and_reports_accept_the_same_kinds() -> None:
    for kind in DOCUMENT_KINDS:
        assert AnalyzeText(text="x", kind=kind).kind == kind
    with pytest.raises(ValueError):
        AnalyzeText.model_validate({"text": "x", "kind": "cv"})


@pytest.mark.parametrize(("kind", "noun"), [("resume", "resume"), ("job", "job post")])
def test_the_noun_of_a_kind(kind: DocumentKind, noun: str) -> None:
    assert document_noun(kind) == noun
