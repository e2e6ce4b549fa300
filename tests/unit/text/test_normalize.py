"""The normaliser: what it changes, and that every normalised span maps back into the original."""

from __future__ import annotations

import itertools
import random
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapfinder.text.normalize import normalize


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Ofﬁce ﬂow ﬀ ﬃ ﬄ", "Office flow ff ffi ffl"),  # ligatures
        ("▪ Python\n● SQL\n◦ Go\n\uf0b7 Rust", "• Python\n• SQL\n• Go\n• Rust"),  # bullets
        ("Kuber-\nnetes and Post-\ngreSQL", "Kubernetes and PostgreSQL"),  # hyphenation joined
        ("Python-\nSQL and 2019-\n2021", "Python-SQL and 2019-\n2021"),  # before a capital the hyphen stays
        ("a  \t b\u00a0\u2003c", "a b c"),  # blank runs collapse
        ("   indented\nline   \nnext", "indented\nline\nnext"),  # blanks at line start/end dropped
        ("zero\u200bwidth soft\u00adhyphen\ufeff", "zerowidth softhyphen"),
        ("\u201cquoted\u201d \u2018it\u2019s\u2019 \u2013 \u2014", "\"quoted\" 'it's' - -"),
        ("line\u2028sep\x0cpage", "line\nsep\npage"),
        ("a\n\n\nb", "a\n\n\nb"),  # blank lines are kept
        # a run of more than MAX_SYMBOL_RUN symbols keeps its first MAX_SYMBOL_RUN (spaces end a run)
        ("x" + "!" * 40 + " Go", "x" + "!" * 16 + " Go"),
        ("★☆" * 30 + "Rust", "★☆" * 8 + "Rust"),
        ("=" * 16 + "\n" + "-" * 17, "=" * 16 + "\n" + "-" * 16),
        ("_!" * 20 + " " + "!" * 20, "_!" * 8 + " " + "!" * 16),
        ("e" + "\u0301" * 50 + "x", "e" + "\u0301" * 16 + "x"),  # stacked combining marks
        ("C++/C#/.NET, (2019–2021).", "C++/C#/.NET, (2019-2021)."),  # short runs stay
    ],
)
def test_normalize(original: str, expected: str) -> None:
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    ("original", "needle", "source"),
    [
        ("Ofﬁce work", "Office", "Ofﬁce"),
        ("Ofﬁce work", "fi", "ﬁ"),
        ("Uses Kuber-\nnetes daily", "Kubernetes", "Kuber-\nnetes"),
        ("a \u00a0 Python  \t SQL", "Python SQL", "Python  \t SQL"),
        ("▪ Go", "• Go", "▪ Go"),
        ("x\u200bPython", "xPython", "x\u200bPython"),
    ],
)
def test_original_slice(original: str, needle: str, source: str) -> None:
    norm = normalize(original)
    start = norm.text.index(needle)
    assert norm.original_slice(start, start + len(needle)) == source


def test_a_cut_run_maps_back_to_where_it_stood() -> None:
    original = "Skills: " + "😀" * 5_000 + " Python, " + "!" * 10_000 + "Kafka"
    norm = normalize(original)
    assert len(norm.text) < 60
    for needle in ("Python", "Kafka"):
        start = norm.text.index(needle)
        assert norm.original_slice(start, start + len(needle)) == needle
    run = norm.text.index("😀")
    assert norm.original_slice(run, run + 16 + 1) == "😀" * 5_000 + " "  # the span covers the whole run


def test_empty_span_maps_to_a_point() -> None:
    norm = normalize("ab  cd")
    assert norm.to_original(3, 3) == (norm.offsets[3], norm.offsets[3])
    assert norm.to_original(len(norm.text), len(norm.text)) == (6, 6)


def test_crlf_is_one_newline() -> None:
    assert normalize("a\r\nb").text == "a\nb"


def test_c0_controls_become_blanks() -> None:
    assert normalize("a\x01b\x1fc").text == "a b c"


# ----------------------------------------------------------------------------------------- properties
_PIECES = [
    *"abcXYZ019-.,:;()/",
    *[" ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2003", "\u200b", "\u00ad", "\ufeff", "\x00"],
    *["\u2022", "\u25aa", "\uf0b7", "\u2019", "\u201c", "\u2013", "\ufb01", "\ufb03", "é", "ß", "日本"],
    *["-\n", "a-\nb", "\x0c", "\u2028", "\x7f", "\ud7ff"],
]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_offsets_stay_in_range(original: str) -> None:
    norm = normalize(original)
    offs = norm.offsets
    assert len(offs) == len(norm.text) + 1 and offs[-1] == len(original)
    assert all(0 <= o <= len(original) for o in offs)
    assert all(a <= b for a, b in itertools.pairwise(offs))  # monotonic
    for start in range(len(norm.text) + 1):
        for end in range(start, len(norm.text) + 1):
            s, e = norm.to_original(start, end)
            assert 0 <= s <= e <= len(original)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET.filter(lambda p: "\ufb01" not in p and "\ufb03" not in p), max_size=60).map("".join))
def test_letters_and_digits_survive_in_order(original: str) -> None:
    norm = normalize(original)
    assert [c for c in norm.text if c.isalnum()] == [c for c in original if c.isalnum()]
    for i, ch in enumerate(norm.text):
        if ch.isalnum():
            assert original[norm.offsets[i]] == ch  # each kept character points at itself


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_no_blank_runs_are_left(original: str) -> None:
    once = normalize(original).text
    assert "\t" not in once and "  " not in once and "\u00a0" not in once


def _reference(original: str) -> tuple[str, list[int]]:
    """The normalisation spelled out character by character (slow, plain): map, then drop blanks."""
    from gapfinder.text.normalize import _char_map, _join_hyphenation

    chars: list[tuple[str, int]] = []
    i = 0
    while i < len(original):
        ch = original[i]
        if ch == "\r" and original.startswith("\n", i + 1):
            chars.append(("\n", i))
            i += 2
            continue
        rep = ch if ch == "\n" or " " <= ch <= "~" else _char_map(ch)
        chars.extend((c, i) for c in rep)
        i += 1
    kept: list[tuple[str, int]] = []
    for k, (ch, off) in enumerate(chars):
        if ch == " ":
            line_start = not kept or kept[-1][0] == "\n"
            rest = "".join(c for c, _ in chars[k:])
            before_break = rest.lstrip(" ").startswith("\n")
            after_blank = bool(kept) and kept[-1][0] == " "
            if line_start or before_break or after_blank:
                continue
        kept.append((ch, off))
    text = "".join(c for c, _ in kept)
    offs = array("l", [o for _, o in kept] + [len(original)])
    if "-\n" in text:
        text, offs = _join_hyphenation(text, offs)
    return text, list(offs)


_PIECES = [" ", " ", "  ", "\n", "\r\n", "\r", "\t", "a", "Bc", "-", "é", "\u200b", "\xa0", "’", "\x00", "\ufeff"]


def test_normalize_matches_the_reference() -> None:
    rng = random.Random(17)
    for _ in range(3000):
        original = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        norm = normalize(original)
        assert (norm.text, list(norm.offsets)) == _reference(original), repr(original)
