"""A parser for the regular-expression syntax gapfinder's own patterns use, for ``trie``'s analyses.

``trie`` reads a pattern's structure (its first characters, whether it has upper-case letters). The parser
inside CPython's ``re`` package would give it, but it is private and changes between versions; this module
parses the subset of the syntax of ``re`` that the patterns here are written in, into a small tree of
``(op, argument)`` nodes:

- ``LITERAL`` a character; ``ANY`` for ``.``; ``IN`` a class: a list of ``(LITERAL, ch)``,
  ``(RANGE, (lo, hi))``, ``(CATEGORY, "\\d")`` items, ``(NEGATE, None)`` first when negated (``\\d`` and
  the like outside a class are one-item classes);
- ``AT`` an anchor (``\\b`` is ``BOUNDARY``; ``^ $ \\A \\Z \\B`` restrict without consuming);
- ``SUBPATTERN`` ``(group number or None, flags turned on, flags turned off, items)``; ``BRANCH`` a list
  of alternatives; ``REPEAT`` ``(min, max, items)`` (greedy, lazy and possessive alike; ``MAXREPEAT``
  when unbounded); ``ASSERT`` / ``ASSERT_NOT`` ``(direction, items)`` for look-arounds;
- ``GROUPREF`` a back-reference, ``ATOMIC`` an atomic group: kept so that an analysis can refuse them.

Escapes, named groups, scoped and leading inline flags, ``{m,n}`` counts (a ``{`` that starts none is a
literal) and ``re.VERBOSE`` (blanks and ``#`` comments outside classes) are read as ``re`` reads them.
Anything else (conditionals, a global flag after the start) raises ``RegexSyntaxError``: an analysis
then leaves the pattern alone, which is always safe. A test checks the trees against ``re`` on every
pattern gapfinder analyses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

LITERAL = "literal"
ANY = "any"
IN = "in"
RANGE = "range"
CATEGORY = "category"
NEGATE = "negate"
AT = "at"
SUBPATTERN = "subpattern"
BRANCH = "branch"
REPEAT = "repeat"
ASSERT = "assert"
ASSERT_NOT = "assert_not"
GROUPREF = "groupref"
ATOMIC = "atomic"

BOUNDARY = "boundary"
MAXREPEAT = 2**32 - 1

Node = tuple[str, Any]

_FLAGS = {
    "a": re.ASCII,
    "i": re.IGNORECASE,
    "L": re.LOCALE,
    "m": re.MULTILINE,
    "s": re.DOTALL,
    "u": re.UNICODE,
    "x": re.VERBOSE,
}
_CATEGORIES = frozenset("dDsSwW")
_SIMPLE = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_ANCHORS = {"A": "beginning_string", "Z": "end_string", "b": BOUNDARY, "B": "non_boundary"}
_COUNT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_HEX = {"x": 2, "u": 4, "U": 8}


class RegexSyntaxError(ValueError):
    """The pattern is outside the syntax this module reads (or is not a valid pattern)."""


@dataclass
class Parsed:
    """A parsed pattern: its items, and its global flags (those passed and the leading inline ones)."""

    items: list[Node]
    flags: int


def parse(pattern: str, flags: int = 0) -> Parsed:
    return _Parser(pattern, flags).parse()


class _Parser:
    def __init__(self, pattern: str, flags: int) -> None:
        self.s = pattern
        self.i = 0
        self.flags = flags
        self.groups = 0
        self.names: set[str] = set()

    # ------------------------------------------------------------------ reading
    def parse(self) -> Parsed:
        self._leading_flags()
        items = self._alternation()
        if self.i < len(self.s):
            raise RegexSyntaxError(f"unbalanced parenthesis at {self.i}")
        return Parsed(items, self.flags)

    def _leading_flags(self) -> None:
        while self.s.startswith("(?", self.i):
            m = re.compile(r"\(\?([aiLmsux]+)\)").match(self.s, self.i)
            if m is None:
                return
            for letter in m.group(1):
                self.flags |= _FLAGS[letter]
            self.i = m.end()
            self._blank()

    def _blank(self) -> None:
        """In verbose mode, skip blanks and comments."""
        if not self.flags & re.VERBOSE:
            return
        s = self.s
        while self.i < len(s):
            if s[self.i] in " \t\n\r\v\f":
                self.i += 1
            elif s[self.i] == "#":
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end + 1
            else:
                return

    def _alternation(self) -> list[Node]:
        alternatives = [self._sequence()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            alternatives.append(self._sequence())
        return alternatives[0] if len(alternatives) == 1 else [(BRANCH, alternatives)]

    def _sequence(self) -> list[Node]:
        items: list[Node] = []
        while True:
            self._blank()
            if self.i >= len(self.s) or self.s[self.i] in "|)":
                return items
            atom = self._atom()
            if atom is None:
                continue
            self._blank()
            items.append(self._quantified(atom))

    def _quantified(self, atom: Node) -> Node:
        s = self.s
        if self.i >= len(s):
            return atom
        ch = s[self.i]
        if ch in "*+?":
            lo, hi = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[ch]
            self.i += 1
        elif (m := self._count()) is not None:
            lo = int(m.group(1) or 0)
            hi = (int(m.group(3)) if m.group(3) else MAXREPEAT) if m.group(2) else lo
            if hi < lo:
                raise RegexSyntaxError("min repeat greater than max repeat")
            self.i = m.end()
        else:
            return atom
        if atom[0] == AT:
            raise RegexSyntaxError("nothing to repeat")
        if self.i < len(s) and s[self.i] in "?+":  # lazy or possessive: the same first characters
            self.i += 1
        self._blank()
        if self.i < len(s) and (s[self.i] in "*+?" or self._count() is not None):
            raise RegexSyntaxError("multiple repeat")
        return (REPEAT, (lo, hi, [atom]))

    def _count(self) -> re.Match[str] | None:
        """A ``{m,n}`` count at the position (a ``{`` that starts none is a literal)."""
        m = _COUNT.match(self.s, self.i)
        return m if m is not None and (m.group(1) or m.group(2)) else None

    def _atom(self) -> Node | None:
        s = self.s
        ch = s[self.i]
        self.i += 1
        if ch == "(":
            return self._group()
        if ch == "[":
            return (IN, self._class())
        if ch == ".":
            return (ANY, None)
        if ch == "^":
            return (AT, "beginning")
        if ch == "$":
            return (AT, "end")
        if ch == "\\":
            return self._escape()
        if ch in "*+?":
            raise RegexSyntaxError("nothing to repeat")
        return (LITERAL, ch)

    def _group(self) -> Node | None:
        s = self.s
        if not s.startswith("?", self.i):
            self.groups += 1
            return self._close((SUBPATTERN, (self.groups, 0, 0, self._alternation())))
        self.i += 1
        if s.startswith(":", self.i):
            self.i += 1
            return self._close((SUBPATTERN, (None, 0, 0, self._alternation())))
        if s.startswith("P<", self.i):
            end = s.find(">", self.i)
            name = s[self.i + 2 : end]
            if end < 0 or not name.isidentifier() or name in self.names:
                raise RegexSyntaxError("bad group name")
            self.i = end + 1
            self.names.add(name)
            self.groups += 1
            return self._close((SUBPATTERN, (self.groups, 0, 0, self._alternation())))
        if s.startswith("P=", self.i):
            end = s.find(")", self.i)
            name = s[self.i + 2 : end]
            if end < 0 or name not in self.names:
                raise RegexSyntaxError("unknown group name")
            self.i = end + 1
            return (GROUPREF, name)
        for prefix, op, direction in (
            ("=", ASSERT, 1),
            ("!", ASSERT_NOT, 1),
            ("<=", ASSERT, -1),
            ("<!", ASSERT_NOT, -1),
        ):
            if s.startswith(prefix, self.i):
                self.i += len(prefix)
                return self._close((op, (direction, self._alternation())))
        if s.startswith(">", self.i):
            self.i += 1
            return self._close((ATOMIC, self._alternation()))
        if s.startswith("#", self.i):
            end = s.find(")", self.i)
            if end < 0:
                raise RegexSyntaxError("missing ), unterminated comment")
            self.i = end + 1
            return None
        m = re.compile(r"([aiLmsux]*)(?:-([imsx]+))?:").match(s, self.i)
        if m is None or not (m.group(1) or m.group(2)):
            raise RegexSyntaxError(f"unsupported group syntax at {self.i}")
        self.i = m.end()
        on = sum(_FLAGS[c] for c in m.group(1))
        off = sum(_FLAGS[c] for c in m.group(2) or "")
        verbose = self.flags & re.VERBOSE
        if on & re.VERBOSE:
            self.flags |= re.VERBOSE
        if off & re.VERBOSE:
            self.flags &= ~re.VERBOSE
        body = self._alternation()
        self.flags = (self.flags & ~re.VERBOSE) | verbose
        return self._close((SUBPATTERN, (None, on, off, body)))

    def _close(self, node: Node) -> Node:
        if not self.s.startswith(")", self.i):
            raise RegexSyntaxError("missing ), unterminated subpattern")
        self.i += 1
        return node

    def _escape(self) -> Node:
        s = self.s
        if self.i >= len(s):
            raise RegexSyntaxError("bad escape (end of pattern)")
        ch = s[self.i]
        self.i += 1
        if ch in _CATEGORIES:
            return (IN, [(CATEGORY, "\\" + ch)])
        if ch in _ANCHORS:
            return (AT, _ANCHORS[ch])
        if ch.isdigit():
            return self._number(ch)
        return (LITERAL, self._character(ch))

    def _number(self, first: str) -> Node:
        """``\\0``, an octal escape of three digits, or a back-reference ``\\1`` to ``\\99``."""
        s = self.s
        octal = re.compile(r"[0-7]{0,2}" if first == "0" else r"[0-7]{2}").match(s, self.i)
        if first in "01234567" and octal is not None and (first == "0" or octal.group()):
            self.i = octal.end()
            return (LITERAL, chr(int(first + octal.group(), 8)))
        digits = first + (s[self.i] if self.i < len(s) and s[self.i].isdigit() else "")
        self.i += len(digits) - 1
        if int(digits) > self.groups:
            raise RegexSyntaxError("invalid group reference")
        return (GROUPREF, int(digits))

    def _character(self, ch: str) -> str:
        """The character an escape (after its backslash and ``ch``) stands for; not a class or an anchor."""
        if ch in _SIMPLE:
            return _SIMPLE[ch]
        if ch in _HEX:
            digits = self.s[self.i : self.i + _HEX[ch]]
            if len(digits) != _HEX[ch] or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise RegexSyntaxError(f"incomplete escape \\{ch}{digits}")
            self.i += _HEX[ch]
            return chr(int(digits, 16))
        if ch == "N":
            end = self.s.find("}", self.i)
            if not self.s.startswith("{", self.i) or end < 0:
                raise RegexSyntaxError("missing {name} after \\N")
            try:
                char = unicodedata.lookup(self.s[self.i + 1 : end])
            except KeyError:
                raise RegexSyntaxError("undefined character name") from None
            self.i = end + 1
            return char
        if ch.isascii() and ch.isalnum():
            raise RegexSyntaxError(f"bad escape \\{ch}")
        return ch

    def _class(self) -> list[Node]:
        s = self.s
        items: list[Node] = []
        if s.startswith("^", self.i):
            items.append((NEGATE, None))
            self.i += 1
        start = self.i
        while True:
            if self.i >= len(s):
                raise RegexSyntaxError("unterminated character set")
            ch = s[self.i]
            if ch == "]" and self.i > start:
                self.i += 1
                return items
            self.i += 1
            lo = self._class_char(ch)
            if isinstance(lo, tuple):  # \d and the like
                items.append(lo)
                continue
            if s.startswith("-", self.i) and self.i + 1 < len(s) and s[self.i + 1] != "]":
                self.i += 1
                nxt = s[self.i]
                self.i += 1
                hi = self._class_char(nxt)
                if isinstance(hi, tuple) or hi < lo:
                    raise RegexSyntaxError("bad character range")
                items.append((RANGE, (lo, hi)))
            else:
                items.append((LITERAL, lo))

    def _class_char(self, ch: str) -> str | Node:
        if ch != "\\":
            return ch
        if self.i >= len(self.s):
            raise RegexSyntaxError("bad escape (end of pattern)")
        esc = self.s[self.i]
        self.i += 1
        if esc in _CATEGORIES:
            return (CATEGORY, "\\" + esc)
        if esc == "b":
            return "\b"
        if esc.isdigit():
            octal = re.compile(r"[0-7]{0,2}").match(self.s, self.i)
            if esc not in "01234567" or octal is None:
                raise RegexSyntaxError("bad escape in a class")
            self.i = octal.end()
            return chr(int(esc + octal.group(), 8))
        return self._character(esc)


__all__ = [
    "ANY",
    "ASSERT",
    "ASSERT_NOT",
    "AT",
    "ATOMIC",
    "BOUNDARY",
    "BRANCH",
    "CATEGORY",
    "GROUPREF",
    "IN",
    "LITERAL",
    "MAXREPEAT",
    "NEGATE",
    "RANGE",
    "REPEAT",
    "SUBPATTERN",
    "Node",
    "Parsed",
    "RegexSyntaxError",
    "parse",
]
