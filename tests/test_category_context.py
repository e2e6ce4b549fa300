"""A category's usage words confirm its case-sensitive ambiguous skills in prose ("frameworks like Angular",
"code in Swift"); without them, or written in lower case, the words stay English."""

from __future__ import annotations

import pytest

from gapfinder import Engine


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
