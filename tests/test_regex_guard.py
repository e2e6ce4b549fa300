"""The regex speed-ups of ``extract.trie`` never change what a pattern matches."""

from __future__ import annotations

import random
import re

import pytest

from gapfinder.extract import leadership
from gapfinder.extract.trie import first_chars, guarded, lowercase_only, lowered_for_anchors
from gapfinder.kinds import SignalKind
from helpers import EXAMPLES


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, tuple[str | None, ...]]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "flags", "guard"),
    [
        (r"\bfoo|bar", 0, r"\b[f][o]|[b][a]"),
        (r"(?:a|b)?c", 0, "[abc]"),  # "c" alone is a match: one character is all the guard can ask
        (r"(?<!x)\bab", re.IGNORECASE, r"\b[a][b]"),
        (r"\d{1,3}\s", 0, r"[\d][\d\s]"),
        (r"(?:xy)+z", 0, "[x][y]"),
        (r"x*", 0, None),  # may match the empty string
        (r".a", 0, None),  # any character
        (r"[^a]b", 0, None),  # a negated class
        (r"(?i:ab)c", 0, None),  # case folding switched on inside a case-sensitive pattern
    ],
)
def test_first_chars(pattern: str, flags: int, guard: str | None) -> None:
    assert first_chars(pattern, flags) == guard


_ALPHABET = ["a", "b", "c", "x", "y", "z", "A", "B", "X", "1", "22", " ", "\n", "-", "ab", "xy", "foo", "bar", "ſ"]
_PATTERNS = [r"\bfoo|bar", r"(?:a|b)?c", r"(?<!x)\bab", r"\d{1,3}\s", r"(?:xy)+z", r"a(?=b)|\bx[yz]{0,2}", r"(?i)abc"]


@pytest.mark.parametrize("pattern", _PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_guarded_pattern_finds_the_same_matches(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        assert _spans(fast, text) == _spans(plain, text), text


def _texts() -> list[str]:
    files = sorted((EXAMPLES / "resumes").glob("*.txt")) + sorted((EXAMPLES / "jobs").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    # every rule's words, shuffled into sentences, so every kind has matches and near misses
    words = re.findall(r"[A-Za-z&$€£]+|\d+", " ".join(r.pattern for r in leadership.RULES))
    words += ["team", "of", "8", "the", "a", "$2.5M", "engineers", "with", "product", "to", "CEO"]
    rng = random.Random(3)
    texts += [" ".join(rng.choice(words) for _ in range(400)) for _ in range(20)]
    # scope beyond one team: rare in the examples, so stated once here
    texts.append("Led four ML teams: 38 people across 4 teams, through their managers; led 3 team leads.")
    texts += [t.upper() for t in texts[-5:]] + [t.title().replace("e", "É") for t in texts[-5:]]
    return texts


@pytest.mark.parametrize("kind", leadership.KINDS)
def test_leadership_scanners_match_their_plain_patterns(kind: SignalKind) -> None:
    scanner = leadership._COMPILED[kind]  # the compiled form is what is under test
    plain = re.compile(scanner.source, re.IGNORECASE)
    found = 0
    for text in _texts():
        spans = _spans(plain, text)
        assert _spans(scanner.pattern, text) == spans
        found += len(spans)
        lowered = lowered_for_anchors(text)
        if scanner.on_lowered is not None and lowered is not None:  # same spans and rules, lower-case groups
            on_lowered = [(span, rule, tuple(g and g.lower() for g in groups)) for span, rule, groups in spans]
            assert _spans(scanner.on_lowered, lowered) == on_lowered
    assert found > 0


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bfoo\s[a-z]\S+", True),
        (r"Foo", False),
        (r"(?-i:a)", False),
        (r"[A-Z]", False),
        (r"[^A]", False),
        (r"x\b", True),
    ],
)
def test_lowercase_only(pattern: str, expected: bool) -> None:
    assert lowercase_only(pattern) is expected


def test_lowered_for_anchors() -> None:
    assert lowered_for_anchors("Strategy") == "strategy"
    assert lowered_for_anchors("\u017ftrategy") is None  # 'ſ' matches 's' case-insensitively
    assert lowered_for_anchors("\u0130stanbul") is None  # 'İ' lower-cases to two characters
