"""'Engineering' alone as a field of study: next to another field or a degree ('computer science or
engineering', 'BS in Engineering'), where it ends its phrase; not a team, a department, nor the head of a compound
('machine learning engineering')."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import skill_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements\nA degree in physics, mathematics or engineering.\n", ["engineering"]),
        ("Requirements\nBS in Engineering or a related field.\n", ["Engineering"]),
        # a modifier of the next word: a team, a department
        ("Requirements\nYou will join the engineering team of our science park.\n", []),
        ("About us\nOur Engineering department has a degree of freedom.\n", []),
        # right after a technology: the head of a compound, not the field
        ("Summary\nMoving toward machine learning engineering, where I want to own models.\n", []),
        # no field or degree nearby
        ("About us\nWe love good engineering.\n", []),
    ],
)
def test_engineering_as_field(engine: Engine, text: str, expected: list[str]) -> None:
    assert [
        mention for _, mention in skill_mentions(engine.analyze_text(text, kind="job"), {"engineering"})
    ] == expected
