"""Text normalisation that remembers where every character came from.

The matchers work on a normalised copy of the analysed text (ligatures expanded, bullets unified,
line-end hyphenation joined, runs of blanks collapsed, zero-width characters dropped). Every finding is
mapped back to the analysed text through :meth:`NormalizedText.to_original`, so offsets in results
always point into what the user gave us.
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


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching; linear in its length."""
    out: list[str] = []
    offs = array("l")
    prev_space = False
    line_start = True
    prev_cr = False
    for i, ch in enumerate(original):
        if ch == "\n" and prev_cr:  # "\r\n" is one line break
            prev_cr = False
            continue
        prev_cr = ch == "\r"
        rep = _char_map(ch) if (ch > "\x7e" or (ch < " " and ch != "\n")) else ch
        if not rep:
            continue
        for c in rep:
            if c == " ":
                # collapse runs of blanks, and drop blanks at the start of a line
                if prev_space or line_start:
                    continue
                prev_space = True
            elif c == "\n":
                # a blank before a newline is dropped
                if prev_space and out and out[-1] == " ":
                    out.pop()
                    offs.pop()
                prev_space = False
                line_start = True
            else:
                prev_space = False
                line_start = False
            out.append(c)
            offs.append(i)
    text = "".join(out)
    offs.append(len(original))
    if "-\n" in text:
        text, offs = _join_hyphenation(text, offs)
    return NormalizedText(text=text, original=original, offsets=offs)


def _join_hyphenation(text: str, offs: array) -> tuple[str, array]:
    """'Kuber-\\nnetes' -> 'Kubernetes'; before a capital the hyphen stays: 'Py-\\nTorch' -> 'Py-Torch'."""
    keep = bytearray(b"\x01") * len(text)
    for m in _HYPHEN_BREAK.finditer(text):
        if text[m.end()].islower() and text[m.start() - 1].islower():
            keep[m.start()] = 0
        keep[m.start() + 1] = 0
    chars = [c for c, k in zip(text, keep, strict=True) if k]
    new = array("l", (o for o, k in zip(offs, keep, strict=False) if k))
    new.append(offs[-1])
    return "".join(chars), new


__all__ = ["NormalizedText", "normalize"]
