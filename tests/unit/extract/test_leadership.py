"""Leadership signals: every kind, numbers in digits and words, and the look-alikes that are not signals."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import Any

import pytest

from gapfinder.extract import leadership
from gapfinder.extract.leadership import KINDS, RULES, extract_leadership
from gapfinder.extract.trie import Starts, lowered_for_anchors, start_literals
from gapfinder.kinds import SignalKind
from gapfinder.models import LeadershipSignal
from helpers.cases import Case, load_cases, params
from helpers.context import make_ctx


def _signals(text: str) -> dict[str, LeadershipSignal]:
    return {s.kind: s for s in extract_leadership(make_ctx(text))}


class SignalCase(Case):
    text: str
    kind: SignalKind
    value: int | None


SIGNALS = load_cases("leadership", SignalCase)


@pytest.mark.parametrize("case", params(SIGNALS))
def test_signal(case: SignalCase) -> None:
    found = _signals(case.text)
    assert case.kind in found, f"{case.kind} not found in {case.text!r}: {sorted(found)}"
    if case.value is not None:
        assert found[case.kind].value == case.value


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Built computer vision models.", "strategy"),
        ("I was hired as a junior developer.", "hiring"),
        ("Contributed to revenue growth.", "open_source"),
        ("Contributed to Revenue growth in EMEA.", "open_source"),
        ("Configured network ACL rules.", "publications"),
        ("A team player who works well in teams.", "team_size"),
        ("Managed 1 engineer.", "team_size"),  # a team of one is not a team size
        # people managed come from reporting lines: not hires, not mentees, not the team one works in
        ("Hired 4 engineers in 2023.", "team_size"),
        ("Mentored three junior engineers.", "team_size"),
        ("Coached five analysts on SQL.", "team_size"),
        ("Worked in a team of 8 engineers.", "team_size"),
        ("Part of a 12-person team.", "team_size"),
        ("Joined a 200-person engineering org.", "org_size"),
        ("Managed sales leads in the CRM.", "manages_managers"),
        ("Partnered with hiring managers on job descriptions.", "manages_managers"),
        ("Worked with engineers across multiple teams.", "multi_team"),
        ("Collaborated with four teams on the launch.", "multi_team"),
    ],
)
def test_look_alikes_are_not_signals(text: str, kind: str) -> None:
    assert kind not in _signals(text)


def test_one_signal_per_kind_with_the_largest_value() -> None:
    found = _signals("Led a team of 4 engineers. Later managed 25 engineers across three squads.")
    assert found["team_size"].value == 25
    assert len(found["team_size"].mentions) == 2
    assert [s.kind for s in extract_leadership(make_ctx("Mentored a lot. Mentored more."))] == ["mentoring"]


def test_mentions_point_into_the_original_text() -> None:
    original = "Summary\n\u2022\tManaged\u00a0a team of 8 engineers\u2014and hired 3.\n"
    for sig in extract_leadership(make_ctx(original)):
        for m in sig.mentions:
            assert original[m.start : m.end] == m.text
            assert m.alias in {r.label for r in RULES}


def test_every_kind_has_rules_and_a_case() -> None:
    assert set(KINDS) == {c.kind for c in SIGNALS}


def test_half_a_megabyte_of_near_signals() -> None:
    """A pathological input finishes (its time is a benchmark, not an assertion) with valid evidence."""
    text = ("managed the led the team of $1 contributed to A " * 10_000)[:500_000]
    for signal in extract_leadership(make_ctx(text)):
        for m in signal.mentions:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Tech lead for the ranking team", {"technical_leadership"}),
        ("Technical lead of the platform team", {"technical_leadership"}),
        ("Built the team's feature store", set()),
        ("Led the unit's sepsis refresher course", set()),  # the unit's project, not leading the unit
        ("Led the ranking team of 6 engineers", {"people_management", "team_size"}),
    ],
)
def test_technical_vs_people_leadership(text: str, kinds: set[str]) -> None:
    assert {s.kind for s in extract_leadership(make_ctx(text))} == kinds


# ==============================================================================================================
# The leadership scan tries only the positions where a match can start (``trie.start_literals``) and finds
# exactly what one ``finditer`` over the whole text finds.
SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bpatent(?:s|ed)?\b|\bpatent[- ]pending\b", re.I, Starts(("patent",), (), None)),
        (r"\b(?:led|managed)\s+\w+", re.I, Starts(("led", "manage"), (), None)),
        (r"\bOKRs?\b|\bquarterly\splanning\b", re.I, Starts(("okr", "quarte"), (), None)),
        (r"(?-i:NeurIPS)\b", re.I, Starts((), ("neurip",), None)),
        (r"[$€]\s?\d", 0, Starts((), tuple(sorted({"$", "€"})), None)),
        (r"\b\d{1,4}\+?\s(?:people|staff)", re.I, Starts((), (), "\\b")),
        (r"\d+|\bone\b", 0, Starts(("one",), (), "")),
        (r"\bp\s?&\s?l\b", re.I, Starts(tuple(sorted({"p&"} | {f"p{c}&" for c in SPACES})), (), None)),
        (r"(?:,|;)\s+hiring", 0, Starts((), tuple(sorted({p + c for p in ",;" for c in SPACES})), None)),
        (r"\w+in", 0, None),  # a class
        (r".a", 0, None),  # any character
        (r"x*", 0, None),  # may match the empty string
    ],
)
def test_start_literals(pattern: str, flags: int, expected: Starts | None) -> None:
    assert start_literals(pattern, flags) == expected


_PATTERNS = [
    r"\bfoo|bar",
    r"(?:a|b)?c",
    r"(?<!x)\bab",
    r"\d{1,3}\s",
    r"(?:xy)+z",
    r"a(?=b)|\bx[yz]{0,2}",
    r"\b(?:ab|b)\s?c",
    r"(?:,|;)\s+ab\b",
    r"\b\d+\sx|\bbb",
]
_ALPHABET = ["a", "b", "c", "x", "y", "z", "A", "B", "X", "1", "22", "٣", " ", "\xa0", "\n", "-", ",", ";", "ab"]


@pytest.mark.parametrize("pattern", _PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_every_match_starts_with_a_start_literal(pattern: str, flags: int) -> None:
    starts = start_literals(pattern, flags)
    assert starts is not None
    literals = starts.bounded + starts.free
    compiled = re.compile(pattern, flags)
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
        lowered = lowered_for_anchors(text)
        assert lowered is not None
        for m in compiled.finditer(text):
            p = m.start()
            digit = starts.digits is not None and lowered[p : p + 1].isdecimal()
            assert lowered.startswith(literals, p) or digit, (pattern, text, p)


# phrases that trigger the kinds, and words around them
_PHRASES = [
    "managed a team of 12 engineers",
    "led eight data scientists",
    "a 5-person team",
    "grew the team from 3 to 14",
    "hiring, performance reviews",
    "responsible for hiring",
    "built the platform team",
    "mentored",
    "onboarded new hires",
    "a $2.5M budget",
    "budget of €300k",
    "P&L",
    "p & l",
    "roadmap",
    "OKRs",
    "strategic",
    "product vision",
    "cross-functional",
    "partnered with design",
    "tech lead",
    "led the migration",
    "architected",
    "reported to the CEO",
    "c-suite",
    "NeurIPS",
    "ACL 2021",
    "peer-reviewed",
    "keynote",
    "gave a talk",
    "open-source contributor",
    "contributed to PyTorch",
    "patent-pending",
]
_FILLER = ["the", "data", "and", "we", "team", "lead", "x", "1", "٣", "2019", "-", "/", "&", "ROAD", "ﬁ"]
_FOLDING = ["İ", "ſ", "K"]  # no lowered text: the whole-text scan runs
_SEPARATORS = [" ", " ", " ", "\n", "  ", ", ", "; ", ". ", "", "\t", "'", "\xa0"]


def _matches(found: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str | None, tuple[str | Any, ...]]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in found]


def test_scan_at_start_positions_finds_what_a_whole_scan_finds() -> None:
    rng = random.Random(11)
    tried = 0
    for _ in range(2000):
        parts: list[str] = []
        for _ in range(rng.randint(1, rng.choice([20, 100, 400]))):
            phrase = rng.choice(_PHRASES) if rng.random() < 0.15 else rng.choice(_FILLER)
            parts.append(phrase.upper() if rng.random() < 0.05 else phrase)
            parts.append(rng.choice(_SEPARATORS))
        if rng.random() < 0.2:
            parts.append(rng.choice(_FOLDING))
        text = "".join(parts)
        lowered = lowered_for_anchors(text)
        candidates = None if lowered is None else leadership._candidates(lowered)
        for k, kind in enumerate(leadership.KINDS):
            scanner = leadership._COMPILED[kind]
            if lowered is not None and scanner.on_lowered is not None:
                whole = scanner.on_lowered.finditer(lowered)
            else:
                whole = scanner.pattern.finditer(text)
            positions = None if candidates is None else candidates[k]
            assert _matches(leadership._scan(scanner, text, lowered, positions)) == _matches(whole), (kind, text)
            tried += positions is not None
    assert tried > 10_000  # the start-position path ran, often


def test_every_kind_has_start_literals() -> None:
    assert all(leadership._COMPILED[k].starts is not None for k in leadership.KINDS)
