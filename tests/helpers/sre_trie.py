"""The analyses of ``gapfinder.extract.trie`` as they were on CPython's private ``re._parser``: the reference
that ``tests/unit/extract/test_regex_syntax.py`` holds ``trie`` (on its own parser,
``extract/regex_syntax.py``) to. Only the tests import it; it exists while this Python has ``re._parser``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]
from typing import Any, NamedTuple

_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str], fold: bool = True) -> str:
    """A regex (no groups) matching any of ``words``, preferring the longest at a position.

    With ``fold`` the words are lower-cased (compile the result with ``re.IGNORECASE``)."""
    trie: _Node = {}
    for w in {w.lower() if fold else w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie) if trie else "(?!)"


def _emit(node: _Node) -> str:
    alts = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.lru_cache(maxsize=64)
def _parse(pattern: str, flags: int) -> Any:
    """The parsed form of a pattern (read only; shared by the analyses below)."""
    return _P.parse(pattern, flags)


class _Unknown(Exception):
    """The first characters of a pattern cannot be bounded; it is left unguarded."""


_CATEGORIES = {
    _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w",
    _C.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))


_State = tuple[bool, tuple[str, ...]]  # (a word boundary precedes the match, class items of its first chars)


def _item(op: Any, av: Any) -> list[str]:
    if op is _C.LITERAL:
        return [re.escape(chr(av))]
    if op is _C.IN:
        out = []
        for item_op, item in av:
            if item_op is _C.LITERAL:
                out.append(re.escape(chr(item)))
            elif item_op is _C.RANGE:
                out.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            elif item_op is _C.CATEGORY and item in _CATEGORIES:
                out.append(_CATEGORIES[item])
            else:
                raise _Unknown
        return out
    raise _Unknown


def _advance(items: Any, states: set[_State], depth: int, folded: bool) -> set[_State]:
    """The states after matching the sequence ``items`` from each of ``states``; a state whose prefix
    has ``depth`` characters is complete and passes through unchanged. ``folded``: compiled with
    ``re.IGNORECASE`` (a group that turns it on in a case-sensitive pattern is not handled)."""
    for op, av in items:
        if all(len(p) == depth for _, p in states):
            break
        if op is _C.LITERAL or op is _C.IN:
            chars = _item(op, av)
            states = {(b, p) if len(p) == depth else (b, (*p, c)) for b, p in states for c in chars}
        elif op is _C.AT:
            if av is _C.AT_BOUNDARY:
                states = {(True, p) if not p else (b, p) for b, p in states}
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            continue  # lookarounds only restrict
        elif op is _C.SUBPATTERN:
            if av[1] & re.IGNORECASE and not folded:
                raise _Unknown
            states = _advance(av[3], states, depth, folded)
        elif op is _C.BRANCH:
            states = set().union(*(_advance(alt, states, depth, folded) for alt in av[1]))
        elif op in _REPEATS:
            lo, hi, body = av
            for _ in range(min(lo, depth)):
                states = _advance(body, states, depth, folded)
            reach = set(states)
            for _ in range(min(hi - lo, depth)):
                states = _advance(body, states, depth, folded)
                reach |= states
            states = reach
        else:
            raise _Unknown
        if len(states) > 5000:
            raise _Unknown
    return states


def first_chars(pattern: str, flags: int = 0, depth: int = 2) -> str | None:
    """A lookahead body matching the first ``depth`` characters of every match of ``pattern`` (compile it
    with the same ``flags``), or None when they cannot be bounded (the pattern may match empty, or starts
    with ``.``, a negated class, a back-reference...)."""
    alts = _first_chars(pattern, flags, depth)
    return None if alts is None else "|".join(alts)


def _first_chars(pattern: str, flags: int, depth: int) -> list[str] | None:
    """:func:`first_chars` as its alternatives (one with a word boundary, one without, or both)."""
    try:
        parsed = _parse(pattern, flags)
        states = _advance(parsed, {(False, ())}, depth, bool(parsed.state.flags & re.IGNORECASE))
    except (_Unknown, re.error):
        return None
    if any(not p for _, p in states):
        return None
    # a prefix reached both with and without a word boundary does not need one; each part is tested as
    # two classes (first characters, second characters): a superset of the prefixes, two tests a position
    free = {p for b, p in states if not b}
    alts = []
    for boundary, prefixes in ((True, {p for b, p in states if b} - free), (False, free)):
        if not prefixes:
            continue
        alt = ("\\b" if boundary else "") + "[" + "".join(sorted({p[0] for p in prefixes})) + "]"
        if all(len(p) > 1 for p in prefixes):
            alt += "[" + "".join(sorted({p[1] for p in prefixes})) + "]"
        alts.append(alt)
    return alts


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with a lookahead on its first characters in front: same matches,
    same groups, a faster ``finditer`` when most positions cannot start a match. A guard that needs a
    word boundary tests it first, outside the lookahead (cheaper: most positions are inside words)."""
    alts = _first_chars(pattern, flags, 2)
    if alts:
        only = alts[0] if len(alts) == 1 else ""
        guard = f"\\b(?={only[2:]})" if only.startswith("\\b") else f"(?={'|'.join(alts)})"
        try:
            return re.compile(f"{guard}(?:{pattern})", flags)
        except re.error:  # e.g. global inline flags, which must stay at the start
            pass
    return re.compile(pattern, flags)


def _literal_chars(item: str) -> str | None:
    """The characters a class item of ``_advance`` stands for, when it is one literal character that
    lower-cases soundly (ASCII, or a character without case) or ``\\s`` (every white-space character;
    expanded only after a one-character start such as the "p" of "p & l": longer ones are selective enough)."""
    if item == r"\s":
        return _spaces()
    ch = item[1] if len(item) == 2 and item[0] == "\\" and not item[1].isalnum() else item
    return ch.lower() if len(ch) == 1 and folds_soundly(ch) else None


#: Latin letters that ``re.IGNORECASE`` relates to characters other than their upper and lower case
_ODD_FOLDS = frozenset("\u00b5\u0130\u0131\u017f")  # µ (Greek mu), İ, ı, ſ


def folds_soundly(ch: str) -> bool:
    """True when every character that ``ch`` matches under ``re.IGNORECASE`` lower-cases to ``ch.lower()``
    (one character) in a ``lowered_for_anchors`` text: ASCII, Latin letters up to U+024F but for µ İ ı ſ,
    and characters without case. Checked exhaustively by a test."""
    if ch.isascii() or (ch.lower() == ch and ch.upper() == ch):
        return True
    return ch < "\u0250" and ch not in _ODD_FOLDS and len(ch.lower()) == 1


@functools.cache
def _spaces() -> str:
    """Every character ``\\s`` matches in a str pattern (``str.isspace``; none is above U+3000)."""
    return "".join(c for c in map(chr, range(0x3001)) if c.isspace())


class Starts(NamedTuple):
    """How every match of a pattern starts (``start_literals``)."""

    #: lower-cased strings that start the matches found at a word boundary
    bounded: tuple[str, ...]
    #: lower-cased strings that start the other matches
    free: tuple[str, ...]
    #: None when no match starts with ``\\d``; ``"\\b"`` when those that do start at a word boundary (at
    #: the start of a run of digits), ``""`` when they may start at any digit
    digits: str | None


_DIGIT_RANGE = re.compile("[0-9]-[0-9]")  # a class item of ASCII digits: a digit start
_MAX_EXPANSION = 64  # literals one prefix may expand to (``\s`` is 26 characters)


def start_literals(pattern: str, flags: int = 0, depth: int = 6) -> Starts | None:
    """How every match of ``pattern`` (compiled with ``flags``) starts: at each position of ``text`` where it
    matches, ``lowered_for_anchors(text)`` has one of the ``Starts`` literals, or a ``\\d`` character. Each
    literal is as long as ``depth`` characters and a bounded number of prefixes allow; none is a prefix of
    another of its kind. None when some match could start with anything else (a class, ``.``) or be empty."""
    for d in range(depth, 0, -1):
        try:
            parsed = _parse(pattern, flags)
            states = _advance(parsed, {(False, ())}, d, bool(parsed.state.flags & re.IGNORECASE))
        except _Unknown:
            continue
        except re.error:
            return None
        bounded: set[str] = set()
        free: set[str] = set()
        digits: str | None = None
        for boundary, prefix in states:
            runs = [""]
            for item in prefix:
                chars = _literal_chars(item)
                if chars is None or len(runs) * len(chars) > _MAX_EXPANSION or (len(chars) > 1 and len(runs[0]) > 1):
                    break
                runs = [r + c for r in runs for c in chars]
            if runs != [""]:
                (bounded if boundary else free).update(runs)
            elif prefix and (prefix[0] == r"\d" or _DIGIT_RANGE.fullmatch(prefix[0])):
                digits = "\\b" if boundary and digits != "" else ""
            else:
                return None
        kept_free = _shortest(free)
        kept = tuple(w for w in _shortest(bounded) if not w.startswith(kept_free))
        return Starts(kept, kept_free, digits)
    return None


def _shortest(words: set[str]) -> tuple[str, ...]:
    """``words`` without those that start with another of them, sorted."""
    ordered = sorted(words)
    return tuple(w for i, w in enumerate(ordered) if not (i and w.startswith(tuple(ordered[:i]))))


#: the only characters outside ASCII that match an ASCII letter under ``re.IGNORECASE`` (İ ı ſ K)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def word_start_finder(words: Iterable[str], not_after: str = "", digits: bool = False) -> re.Pattern[str] | None:
    """A pattern to run over ``" " + lowered`` (``lowered_for_anchors(text)``): each match is one character,
    neither a word character nor in ``not_after``, followed by one of ``words`` (lower-cased; the longest,
    as group 1; with ``digits`` also a ``\\d``), so ``m.start()`` is the word's offset in ``lowered``. With
    ``finditer`` it finds every such occurrence (a match never hides the next). None when a word has a
    character that does not lower-case soundly."""
    lowered = {w.lower() for w in words if w}
    if not lowered or not all(folds_soundly(c) for w in lowered for c in w):
        return None
    digit = r"|\d" if digits else ""
    return re.compile(rf"[^\w{re.escape(not_after)}](?=({trie_pattern(lowered, fold=False)}{digit}))")


def scan_at(
    pattern: re.Pattern[str], subject: str, positions: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(subject, pos, endpos)`` finds, when none is empty and each starts at
    one of ``positions`` (sorted, at least ``pos``, repeats allowed): each position is tried left to right
    unless it lies inside the previous match, which is what ``finditer`` does at every position. ``match``
    at a position sees the subject before it: look-behinds and ``\\b`` work as in a whole scan."""
    end = 0
    match = pattern.match
    stop = len(subject) if endpos is None else endpos
    for p in positions:
        if p >= end:
            m = match(subject, p, stop)
            if m is not None:
                yield m
                end = m.end()


def _lowercase_only(items: Any) -> bool:
    for op, av in items:
        if op is _C.LITERAL or op is _C.NOT_LITERAL:
            if chr(av).lower() != chr(av):
                return False
        elif op is _C.IN:
            for item_op, item in av:
                if item_op is _C.LITERAL and chr(item).lower() != chr(item):
                    return False
                if item_op is _C.RANGE and any(chr(c).lower() != chr(c) for c in range(item[0], item[1] + 1)):
                    return False
                if item_op not in (_C.LITERAL, _C.RANGE, _C.CATEGORY, _C.NEGATE):
                    return False
        elif op is _C.SUBPATTERN:
            if av[1] or av[2] or not _lowercase_only(av[3]):  # a group that changes flags
                return False
        elif op is _C.BRANCH:
            if not all(_lowercase_only(alt) for alt in av[1]):
                return False
        elif op in _REPEATS:
            if not _lowercase_only(av[2]):
                return False
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            if not _lowercase_only(av[1]):
                return False
        elif op not in (_C.AT, _C.ANY):
            return False
    return True


def lowercase_only(pattern: str) -> bool:
    """True when ``pattern`` has no upper-case letter and no inline flag: compiled without
    ``re.IGNORECASE`` and run over ``lowered_for_anchors(text)``, it finds the same spans as it does
    compiled with it over ``text`` (a case-sensitive scan is the faster one)."""
    try:
        return _lowercase_only(_parse(pattern, 0))
    except re.error:
        return False


def lowered_for_anchors(text: str) -> str | None:
    """``text.lower()`` when it is a sound place to look for ``start_literals`` (where a case-insensitive
    pattern matches the text, its literals are at the same offset of the lowered text) and to run
    ``lowercase_only`` patterns, else None."""
    if _FOLDS_TO_ASCII.search(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def find_all(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Sorted offsets of every occurrence of ``words`` in ``lowered`` (overlaps included)."""
    out: list[int] = []
    for word in words:
        i = lowered.find(word)
        while i >= 0:
            out.append(i)
            i = lowered.find(word, i + 1)
    out.sort()
    return out


__all__ = [
    "Starts",
    "find_all",
    "first_chars",
    "folds_soundly",
    "guarded",
    "lowercase_only",
    "lowered_for_anchors",
    "scan_at",
    "start_literals",
    "trie_pattern",
    "word_start_finder",
]
