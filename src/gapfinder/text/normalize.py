"""Text normalisation that remembers where every character came from.

The matchers work on a normalised copy of the analysed text (ligatures expanded, bullets unified,
line-end hyphenation joined, runs of blanks collapsed, zero-width characters dropped, long runs of
symbols cut short). Every finding is mapped back to the analysed text through
:meth:`NormalizedText.to_original`, so offsets in results always point into what the user gave us.

A run of more than ``MAX_SYMBOL_RUN`` symbols without a space (punctuation, emoji, ``★``, ``…``,
combining marks) keeps its first ``MAX_SYMBOL_RUN``: no name or heading needs more, and the tokenizer
strips such a run one character at a time, each time re-reading the rest of the run (``"x" + "!" * 40_000``
took minutes before; see ``extract.tokenize`` for the runs with letters in them).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# characters replaced one-for-one or expanded
_REPLACE: dict[str, str] = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\t": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe58": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    # bullets and list markers become one bullet
    "\u2022": "•",
    "\u25aa": "•",
    "\u25cf": "•",
    "\u25e6": "•",
    "\u2023": "•",
    "\u2043": "•",
    "\u25a0": "•",
    "\u25a1": "•",
    "\u25c6": "•",
    "\u25c7": "•",
    "\u2219": "•",
    "\u00b7": "•",
    "\u27a2": "•",
    "\u2794": "•",
    "\u25ba": "•",
    "\u25b6": "•",
    "\u2713": "•",
    "\u2714": "•",
    "\uf0b7": "•",
    "\uf0a7": "•",
    "\uf076": "•",
    "\uf0d8": "•",
    "\uf0fc": "•",
    "\u2666": "•",
    "\u2756": "•",
    # ligatures (pdf text layers)
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\x00")

_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-\n(?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text and, for each of its characters, the offset of its source character."""

    text: str
    original: str
    offsets: array  # len(text) + 1 entries; offsets[len(text)] == len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the analysed text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def _char_map(ch: str) -> str:
    rep = _REPLACE.get(ch)
    if rep is not None:
        return rep
    if ch in _DROP:
        return ""
    cat = unicodedata.category(ch)
    if cat == "Cc" and ch != "\n":
        return " "
    if cat in ("Cf", "Co", "Cs"):  # format, private use, lone surrogates
        return ""
    if cat == "Zs":
        return " "
    return ch


# a character that is not kept as it is: anything outside printable ASCII and "\n" (a "\r" before a "\n"
# makes one line break with it); a class first, so the regex engine skips the other characters in C
_SPECIAL = re.compile(r"[^\n -~]")
# blanks the normalised text drops: a line's leading blanks, the blanks before a line break, and every
# blank of a run but the first. Found as runs (a literal space first: the engine's fast prefix search):
# two or more blanks, or one before a line break; a single blank that starts a line is found by "\n "
_BLANK_RUN = re.compile(r" (?: +|(?=\n))")
_MAP_CACHE: dict[str, str] = {}


def _iota(n: int) -> array:
    """``array("l", range(n))``, sliced from a cached one (copying a slice is a memcpy; building from a
    range converts every number)."""
    global _IOTA
    if len(_IOTA) < n:
        _IOTA = array("l", range(max(n, 2 * len(_IOTA))))
    return _IOTA[:n]


_IOTA = array("l", range(1 << 16))


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching; linear in its length.

    Two passes of C-level scanning: map the special characters (a printable ASCII text has none), then
    drop the blanks a run, a line start or a line end makes redundant. Each output character remembers
    the offset of its source character."""
    text, offs = _map_chars(original)
    if _NON_WORD_RUN.search(text) is not None:
        text, offs = _cut_symbol_runs(text, offs)
    if "  " in text or " \n" in text or "\n " in text or text.startswith(" "):
        text, offs = _drop_blanks(text, offs)
    offs.append(len(original))
    if "-\n" in text:
        text, offs = _join_hyphenation(text, offs)
    return NormalizedText(text=text, original=original, offsets=offs)


def _map_chars(original: str) -> tuple[str, array]:
    found = _SPECIAL.search(original)
    if found is None:
        return original, _iota(len(original))
    iota = _iota(len(original))
    parts: list[str] = []
    offs = array("l")
    pos = 0
    while found is not None:
        i = found.start()
        if i > pos:
            parts.append(original[pos:i])
            offs.extend(iota[pos:i])
        ch = found.group()
        pos = i + 1
        if ch == "\r" and original.startswith("\n", pos):  # one line break, at the offset of the "\r"
            rep = "\n"
            pos += 1
        else:
            rep = _MAP_CACHE.get(ch)  # type: ignore[assignment]
            if rep is None:
                rep = _char_map(ch)
                if len(_MAP_CACHE) < 100_000:
                    _MAP_CACHE[ch] = rep
        if rep:
            parts.append(rep)
            offs.extend([i] * len(rep))
        found = _SPECIAL.search(original, pos)
    if pos < len(original):
        parts.append(original[pos:])
        offs.extend(iota[pos:])
    return "".join(parts), offs


#: symbols kept of a longer run (a rule line of dashes, a row of stars, an emoji string)
MAX_SYMBOL_RUN = 16
#: a run of non-word characters (white space included: one class, so the regex engine scans in C) that
#: may hold a long run of symbols; only these spans are searched for one
_NON_WORD_RUN = re.compile(rf"[\W_]{{{MAX_SYMBOL_RUN + 1},}}")
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_SYMBOL_RUN + 1},}}")


def _cut_symbol_runs(text: str, offs: array) -> tuple[str, array]:
    """Drop the symbols of each long run past its first ``MAX_SYMBOL_RUN``."""
    parts: list[str] = []
    new = array("l")
    pos = 0
    for span in _NON_WORD_RUN.finditer(text):
        for run in _SYMBOL_RUN.finditer(text, span.start(), span.end()):
            cut = run.start() + MAX_SYMBOL_RUN
            parts.append(text[pos:cut])
            new.extend(offs[pos:cut])
            pos = run.end()
    if pos == 0:
        return text, offs
    parts.append(text[pos:])
    new.extend(offs[pos:])
    return "".join(parts), new


def _dropped_blanks(text: str) -> list[tuple[int, int]]:
    """The sorted, disjoint ranges of blanks to drop: of each run of blanks, all of it at a line start
    or before a line break, else all but its first blank."""
    runs = [m.span() for m in _BLANK_RUN.finditer(text)]
    i = text.find("\n ")
    starts = [0] if text.startswith(" ") else []
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n ", i + 2)
    if starts:  # a single blank starting a line is not a run above; a longer run is already there
        have = {s for s, _ in runs}
        runs += [(s, s + 1) for s in starts if s not in have and not text.startswith("  ", s)]
        runs.sort()
    out: list[tuple[int, int]] = []
    for s, e in runs:
        if s == 0 or text[s - 1] == "\n" or text.startswith("\n", e):
            out.append((s, e))
        else:
            out.append((s + 1, e))
    return out


def _drop_blanks(text: str, offs: array) -> tuple[str, array]:
    parts: list[str] = []
    new = array("l")
    pos = 0
    for start, end in _dropped_blanks(text):
        parts.append(text[pos:start])
        new.extend(offs[pos:start])
        pos = end
    if pos == 0:
        return text, offs
    parts.append(text[pos:])
    new.extend(offs[pos:])
    return "".join(parts), new


def _join_hyphenation(text: str, offs: array) -> tuple[str, array]:
    """'Kuber-\\nnetes' -> 'Kubernetes'; before a capital the hyphen stays: 'Py-\\nTorch' -> 'Py-Torch'."""
    parts: list[str] = []
    new = array("l")
    pos = 0
    for m in _HYPHEN_BREAK.finditer(text):
        hyphen = m.start()
        cut = hyphen if text[m.end()].islower() and text[hyphen - 1].islower() else hyphen + 1
        parts.append(text[pos:cut])
        new.extend(offs[pos:cut])
        pos = hyphen + 2  # past the line break
    parts.append(text[pos:])
    new.extend(offs[pos:])  # offs has one more entry than text: the end
    return "".join(parts), new


__all__ = ["MAX_SYMBOL_RUN", "NormalizedText", "normalize"]
