"""The regex speed-ups of ``extract.trie`` never change what a pattern matches."""

from __future__ import annotations

import random
import re

import pytest

from gapfinder.extract import leadership
from gapfinder.extract.degree_index import DegreeIndex, degree_index, degree_matches
from gapfinder.extract.trie import (
    first_chars,
    folds_soundly,
    guarded,
    lowercase_only,
    lowered_for_anchors,
    scan_at,
    word_start_finder,
)
from gapfinder.kinds import SignalKind
from gapfinder.taxonomy import load_taxonomy
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


# ==============================================================================================================
# Scans that try only the positions where a match can start (``trie.word_start_finder``, ``trie.scan_at``,
# ``degree_index.degree_matches``) find exactly what ``finditer`` over the whole text finds.
_CHARS = [chr(c) for c in range(0x3001)]


def test_folds_soundly_is_sound() -> None:
    """Every character a soundly folding character matches case-insensitively lower-cases to its lower case,
    in any text ``lowered_for_anchors`` accepts (exhaustive below U+3001)."""
    accepted = "".join(c for c in _CHARS if lowered_for_anchors(c) is not None)
    sound = [c for c in _CHARS if folds_soundly(c)]
    assert len(sound) > 500
    for ch in sound:
        for other in re.findall(re.escape(ch), accepted, re.IGNORECASE):
            assert other.lower() == ch.lower(), (ch, other)


def test_lower_casing_keeps_word_characters() -> None:
    """``[^\\w]`` before a word start reads the same on the text and on its lower-cased copy."""
    word = re.compile(r"\w")
    for ch in _CHARS:
        if lowered_for_anchors(ch) is not None:
            assert bool(word.match(ch)) == bool(word.match(ch.lower())), ch


def test_word_start_finder() -> None:
    finder = word_start_finder(["MSc", "master", "ma"], not_after=".")
    assert finder is not None
    lowered = "ma. master's; b.msc master-ms msc"
    found = [(m.start(), m.group(1)) for m in finder.finditer(" " + lowered)]
    assert found == [(0, "ma"), (4, "master"), (20, "master"), (30, "msc")]
    assert word_start_finder(["\u017fcience"]) is None  # 'ſ' is not a sound start
    assert word_start_finder([]) is None


def test_scan_at_follows_finditer() -> None:
    pattern = re.compile(r"ab|b\w*")
    text = "abba b bab"
    assert [m.span() for m in scan_at(pattern, text, range(len(text)))] == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in scan_at(pattern, text, [0, 0, 2, 7])] == [(0, 2), (2, 4), (7, 10)]


@pytest.fixture(scope="module")
def index() -> DegreeIndex:
    return degree_index(load_taxonomy())


_DEGREE_WORDS = ["BSc", "B.Sc.", "bsc", "MS", "ms", "M.S.", "Master", "master's", "MASTERS", "PhD", "Ph.D.", "MBA"]
_DEGREE_WORDS += ["Bachelor of Science", "Diplom-Ingenieur", "Licenciatura", "Maîtrise", "BS/MS", "B.Tech", "BTech"]
_OTHER = ["in", "Computer Science", "the", "a", "ma", "Ms.", "x", "2019", ".", ",", "-", "/", "(", ")", "É"]
_SEPARATORS = [" ", " ", "\n", ", ", ".", "", "-", "/", "\xa0"]


def test_degree_matches_find_what_a_whole_scan_finds(index: DegreeIndex) -> None:
    rng = random.Random(13)
    starts_used = 0
    for _ in range(3000):
        parts: list[str] = []
        for _ in range(rng.randint(1, 60)):
            parts.append(rng.choice(_DEGREE_WORDS) if rng.random() < 0.3 else rng.choice(_OTHER))
            parts.append(rng.choice(_SEPARATORS))
        if rng.random() < 0.2:
            parts.append(rng.choice(["İ", "ſ"]))  # no lowered copy: the whole scan runs
        text = "".join(parts)
        expected = [(m.span(), m.group()) for m in index.degree.finditer(text)]
        assert [(m.span(), m.group()) for m in degree_matches(index, text)] == expected, text
        starts_used += lowered_for_anchors(text) is not None
    assert starts_used > 1000


_YEARS_PIECES = ["5", "10", "3.5", "twenty", "Seventeen", "one", "+", "plus", "years", "YEARS", "yrs", "yr", "year"]
_YEARS_PIECES += ["Jahre", "jahren", "tyranny", "Yearly", "x", ".", "of", "experience", "over", "a"]


def test_stated_years_scan_finds_what_a_whole_scan_finds() -> None:
    from gapfinder.extract.experience import _STATED, _stated_matches

    rng = random.Random(19)
    for _ in range(5000):
        parts: list[str] = []
        for _ in range(rng.randint(1, 30)):
            parts.append(rng.choice(_YEARS_PIECES))
            parts.append(rng.choice([" ", " ", "", "\n", "\xa0", "-", ", "]))
        if rng.random() < 0.1:
            parts.append("\u017f")  # no lowered copy: the whole scan runs
        text = "".join(parts)
        assert [m.span() for m in _stated_matches(text)] == [m.span() for m in _STATED.finditer(text)], text


_DATE_PIECES = [
    "Jan",
    "january",
    "Sept.",
    "März",
    "août",
    "Summer",
    "WS",
    "2019",
    "19",
    "03",
    "3",
    "12/2020",
    "2015-17",
]
_DATE_PIECES += ["present", "Heute", "now", "today", "since", "x", "-", "–", "/", ".", ",", "to", "'21", "1.2.2020"]


def test_date_token_scan_finds_what_a_whole_scan_finds() -> None:
    from gapfinder.extract.dates import _TOKEN, _tokens

    rng = random.Random(23)
    for _ in range(4000):
        parts: list[str] = []
        for _ in range(rng.randint(1, 25)):
            parts.append(rng.choice(_DATE_PIECES))
            parts.append(rng.choice([" ", " ", "", "\n", "\xa0", " - "]))
        if rng.random() < 0.1:
            parts.append("\u0130")  # no lowered copy: the whole scan runs
        text = "".join(parts)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = [(m.span(), m.lastgroup) for m in _TOKEN.finditer(text, lo, hi)]
        assert [(m.span(), m.lastgroup) for m in _tokens(text, lo, hi)] == expected, (text, lo, hi)
