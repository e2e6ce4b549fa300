"""The renderers word nothing on their own: what a report says is worded once in ``render/facts.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapfinder.render import facts

RENDER = Path(facts.__file__).parent
WORDING = [
    facts.RELATED,
    facts.ASSUMED,
    facts.NOT_EVIDENCED,
    facts.NONE_FOUND,
    facts.RECOMMENDED_CERTIFICATIONS,
    facts.HELD_CERTIFICATIONS,
    *facts.LEVEL_WORDS.values(),
    *facts.COMPONENT_LABEL.values(),
    *facts.BASIS.values(),
    *facts.FIT_WORDS.values(),
]


@pytest.mark.parametrize("module", sorted(p.name for p in RENDER.glob("*.py") if p.name != "facts.py"))
def test_no_renderer_words_a_fact_itself(module: str) -> None:
    source = (RENDER / module).read_text(encoding="utf-8")
    # a phrase (two words or more, ten characters or more) as a literal in another renderer can drift
    worded = [w for w in WORDING if " " in w and len(w) >= 10 and (f'"{w}' in source or f'{w}"' in source)]
    assert not worded, f"render/{module} words these itself; take them from render/facts.py: {worded}"
