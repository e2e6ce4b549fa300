"""Social-media platforms as tools need social-media context (they are employers too); AJAX counts in any
case with web context ('Ajax' in a tools list), not as a football club."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import skills_among

IDS = {"facebook", "instagram", "twitter", "youtube", "ajax"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ran paid campaigns on Facebook and Instagram for three brands.", ["facebook", "instagram"]),
        ("Grew our Twitter followers by 40% with daily posts.", ["twitter"]),
        ("Software Engineer at Facebook, Menlo Park (2016-2019)", []),
        ("Tools: PHP, MySQL, Ajax, jQuery, Web Services", ["ajax"]),
        ("Season ticket holder of Ajax Amsterdam.", []),
    ],
)
def test_social_media_and_ajax(engine: Engine, text: str, expected: list[str]) -> None:
    assert skills_among(engine.analyze_text(text, kind="resume"), IDS) == expected
