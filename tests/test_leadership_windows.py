"""The windowed leadership scan (``leadership._scan``) finds exactly what a scan of the whole text finds."""

from __future__ import annotations

import random
import re

import pytest

from gapfinder.extract import leadership
from gapfinder.extract.trie import lowered_for_anchors, reach


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("ab", 2),
        (r"\bab", 3),  # the boundary looks at one character
        ("a(?=bc)", 3),
        ("(?:ab){0,3}c", 7),
        ("x|abc", 3),
        ("a+", None),  # unbounded
        (r"(a)\1", None),  # a back-reference
    ],
)
def test_reach(pattern: str, expected: int | None) -> None:
    assert reach(pattern) == expected


def test_reach_bounds_every_match() -> None:
    rng = random.Random(3)
    patterns = [r"\b(?:ab|b{1,3})c?(?=x)", r"(?<!x)a[bc]{0,4}\b", r"(?:x\s){0,2}?y(?!z)"]
    for source in patterns:
        bound = reach(source)
        assert bound is not None
        pattern = re.compile(source)
        for _ in range(500):
            text = "".join(rng.choice(["a", "b", "c", "x", "y", "z", " "]) for _ in range(rng.randint(0, 40)))
            for m in pattern.finditer(text):
                assert m.end() - m.start() <= bound


# phrases that trigger the kinds, and words around them
_PHRASES = [
    "mentored",
    "coached two",
    "onboarded new hires",
    "roadmap",
    "OKRs",
    "quarterly planning",
    "strategic",
    "product vision",
    "cross-functional",
    "stakeholders",
    "partnered with design",
    "worked closely with sales",
    "NeurIPS",
    "ACL 2021",
    "published",
    "peer-reviewed",
    "keynote",
    "spoke at",
    "gave a talk",
    "open-source contributor",
    "contributed to PyTorch",
    "contributed to the project",
    "core maintainer",
    "patent",
    "patent-pending",
    "reported to the CEO",
    "board meetings",
    "tech lead",
]
_FILLER = ["the", "data", "models", "and", "we", "built", "x", "1", "-", "/", "&", "Mentor", "ROAD", "İ", "ſ", "ﬁ"]
_SEPARATORS = [" ", " ", " ", "\n", "  ", ", ", ". ", "", "\t", "'"]


def _matches(found: object) -> list[tuple[tuple[int, int], str | None, tuple[str | None, ...]]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in found]  # type: ignore[attr-defined]


def test_windowed_scan_finds_what_a_whole_scan_finds() -> None:
    rng = random.Random(11)
    windowed = 0
    for _ in range(3000):
        parts: list[str] = []
        for _ in range(rng.randint(1, rng.choice([20, 100, 400]))):
            parts.append(rng.choice(_PHRASES) if rng.random() < 0.1 else rng.choice(_FILLER))
            parts.append(rng.choice(_SEPARATORS))
        text = "".join(parts)
        lowered = lowered_for_anchors(text)
        for kind in leadership.KINDS:
            scanner = leadership._COMPILED[kind]
            if lowered is not None and scanner.on_lowered is not None:
                whole = scanner.on_lowered.finditer(lowered)
            else:
                whole = scanner.pattern.finditer(text)
            assert _matches(leadership._scan(scanner, text, lowered)) == _matches(whole)
            if lowered is not None and scanner.anchors is not None and scanner.reach is not None:
                spans = leadership._windows(lowered, scanner.anchors, scanner.reach + 1)
                windowed += sum(hi - lo for lo, hi in spans) <= leadership._WINDOWED_SHARE * len(text)
    assert windowed > 1000  # the windowed path did run, often


def test_some_kinds_are_scanned_in_windows() -> None:
    assert any(leadership._COMPILED[k].reach is not None for k in leadership.KINDS)
