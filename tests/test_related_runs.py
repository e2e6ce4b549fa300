"""A framework name that is an English word, written in lower case ('spring'), counts in a run of tags
when a technology its rule names as related stands in the same run ('spring java', 'kotlin spring');
one unrelated technology is not enough ('spring docker'), and prose is not a run."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import skills_among


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Payments platform team\nTags\nspring java cloud\nWe build the ledger.", ["spring"]),
        ("Payments platform team\nTags\nkotlin spring\nWe build the ledger.", ["spring"]),
        ("Payments platform team\nTags\njava, spring\nWe build the ledger.", ["spring"]),
        # one technology, not named by the rule, in a line that no label calls tags
        ("Payments platform team\nspring docker\nWe build the ledger.", []),
        # prose: a word between the name and the technology
        ("We moved offices last spring and the java machine broke.", []),
        ("Hiring in spring for our java team.", []),
    ],
)
def test_lower_case_name_next_to_related_technology(engine: Engine, text: str, expected: list[str]) -> None:
    assert skills_among(engine.analyze_text(text, kind="job"), {"spring"}) == expected
