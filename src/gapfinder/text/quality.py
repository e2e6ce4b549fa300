"""Text-quality signals: is the analysed text real language, and is there enough of it?

These run on every analysed text, whatever its format (the file-level signals, such as a truncated PDF
or scanned pages, come from the readers). The central measure is :func:`garbage_ratio`, the share of the
visible characters that are not language:

* junk code points: U+FFFD, private use, unassigned, controls, lone surrogates, ``(cid:N)`` artefacts of
  fonts without a Unicode map, and UTF-8 read as Latin-1 (``Ã©``, ``â€™``);
* symbol soup: dingbats, box drawing, math and other symbols past a small allowance (bullets, emoji and
  arrows that resumes really use);
* letters of Latin-script words that no language writes: no vowel (3+ letters, not an acronym), five or
  more consonants in a row, or case flipping inside a word (``tHeSe``). A font whose glyphs map to the
  wrong letters produces exactly these; real resumes, in English or another Latin-script language, have
  few (skill names like ``SQL`` or ``k8s`` are acronyms or short);
* text whose visible characters are mostly neither letters nor digits;
* Latin letters with too few vowels: every Latin-script language writes 35-45% vowels, while a font
  whose glyph codes are shifted (``+HOOR`` for ``Hello``) or otherwise remapped writes far fewer.

Policy, measured on the dev resumes and job posts (see ``tests/unit/test_quality.py``): at 10% or
more the document carries a ``broken_encoding`` warning (added by the readers, on the text as read); a PDF
at 60% or more is refused with ``NoTextLayerError`` (OCR is the fix, as for a scan). Text handed over as
a string or a text file is never refused for garbage — the caller chose it, and there is no better copy
to ask for — but the warning always comes with the result. The analysis adds ``little_text``.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import string
import unicodedata
from collections import Counter
from typing import Any

from ..models import DocumentWarning

#: share of garbage at which the report warns
WARN_GARBAGE = 0.10
LITTLE_TEXT_CHARS = 200
_SAMPLE = 200_000  # characters looked at; the signal is a ratio, a sample is enough

_CID = re.compile(r"\(cid:\d+\)")
#: UTF-8 read as Windows-1252 or Latin-1 ("Ã©", "â€™", "Â" before a no-break space)
MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")
_WORD = re.compile(r"[^\W\d_]+")
_OTHER = re.compile(r"[^\w\s]")
_NO_VOWELS = str.maketrans("", "", "aeiouyAEIOUY")
_CONSONANTS = re.compile(r"[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]{5}")
_FLIP = re.compile(r"[a-z][A-Z]")
#: UTF-8 bytes: ASCII letters and non-ASCII bytes kept, every other ASCII character to a space
_ASCII_LETTERS_KEPT = bytes(c if chr(c).isalpha() or c >= 0x80 else 0x20 for c in range(256))
_ASCII_CONSONANTS = "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ"
#: ASCII consonants to 'c' (so ``_CONSONANTS`` is a run of 'c'), and letters to their case ('a'/'A': a flip is 'aA')
_CONSONANT_CLASS = str.maketrans(_ASCII_CONSONANTS, "c" * len(_ASCII_CONSONANTS))
_CASE_CLASS = str.maketrans(string.ascii_lowercase + string.ascii_uppercase, "a" * 26 + "A" * 26)
#: the same three maps for ASCII text as bytes (``bytes.translate`` is a table lookup per byte)
_VOWEL_BYTES = b"aeiouyAEIOUY"
_CONSONANT_CLASS_BYTES = bytes(ord("c") if chr(b) in _ASCII_CONSONANTS else b for b in range(256))
_CASE_CLASS_BYTES = bytes(
    ord("a") if chr(b).islower() and b < 128 else ord("A") if chr(b).isupper() and b < 128 else b for b in range(256)
)
_JUNK_CATEGORIES = frozenset({"Co", "Cn", "Cs", "Cc"})
_SYMBOL_CATEGORIES = frozenset({"So", "Sm", "Sk"})
#: symbols (ratings like ★★★★☆, arrows, check marks, emoji) are normal in resumes up to this share
_SYMBOL_ALLOWANCE = 0.3
_CONSONANT_RUN = 5
#: Latin-script text with fewer vowels than this is not language (dev data: real texts 0.347 and up;
#: a font whose glyph codes are shifted, or a Caesar-like mapping, gives 0.12-0.24)
_MIN_VOWEL_SHARE = 0.25
_STRETCH = 300
#: the word-level measures need this many visible characters to mean anything
_MIN_VISIBLE_FOR_WORDS = 150


def garbage_ratio(text: str) -> float:
    """Share (0..1) of the visible characters of ``text`` that are not language (see the module doc)."""
    sample = text[:_SAMPLE]
    visible = len("".join(sample.split()))  # str.split() splits exactly at the characters str.isspace() takes
    if visible == 0:
        return 0.0
    others = _OTHER.findall(sample)  # neither a word character nor a space: usually a few percent
    # a visible character is alphanumeric, '_' or one of ``others`` (\w is str.isalnum() or '_', \s is str.isspace())
    alnum = visible - len(others) - sample.count("_")
    bad = symbols = 0
    for ch, count in Counter(others).items():  # a few dozen distinct characters
        category = unicodedata.category(ch)
        if ch == "\ufffd" or category in _JUNK_CATEGORIES:
            bad += count
        elif category in _SYMBOL_CATEGORIES:
            symbols += count
    junk = bad + sum(map(len, _CID.findall(sample)))
    if "Ã" in sample or "Â" in sample or "â€" in sample:  # every mojibake match starts with one of these
        junk += 2 * len(MOJIBAKE.findall(sample))
    junk += max(0, symbols - int(_SYMBOL_ALLOWANCE * visible))
    if visible >= _MIN_VISIBLE_FOR_WORDS:  # one odd word ('asdfzxcv') is not a broken font
        junk += _letter_junk(sample)
    ratio = junk / visible
    if visible >= 50 and alnum < 0.3 * visible:
        ratio = max(ratio, 1.0 - alnum / visible)
    return min(ratio, 1.0)


def _latin_letters(word: str) -> str | None:
    """A non-ASCII word as the letters it is judged by, or None when it is not Latin script.

    Only letters are kept: \\w also takes numbers such as '½', which NFKD turns into '1⁄2' (found by
    fuzz/fuzz_readers.py: a run of '½' became an empty word).
    """
    if not all(ch < "\u0250" for ch in word):
        return None
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if ch.isalpha())


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, faster: ASCII characters other than letters become spaces in the UTF-8
    bytes (other bytes are kept), the text is split at white space, and only the pieces with non-ASCII
    characters are split by the regular expression."""
    raw = text.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS_KEPT)
    pieces = raw.decode("utf-8", "surrogatepass").split()
    if raw.isascii():
        return pieces
    return [w for piece in pieces for w in ((piece,) if piece.isascii() else _WORD.findall(piece))]


def _judged_words(text: str) -> list[str]:
    """The words :func:`_letter_junk` judges, in order: 3+ letters, not a short all-caps acronym, Latin
    script (non-ASCII words by their letters after NFKD)."""
    words = [w for w in _words(text) if len(w) >= 3 and not (len(w) <= 5 and w.isupper())]
    if "".join(words).isascii():
        return words
    out: list[str] = []
    for word in words:
        if not word.isascii():
            latin = _latin_letters(word)
            if latin is None or len(latin) < 3:
                continue
            word = latin
        out.append(word)
    return out


def _suspects(words: list[str], lengths: list[int]) -> list[str]:
    """The words that may be implausible (a superset; :func:`_letter_junk` judges each): those with no
    vowel, then those with a vowel and five consonants in a row or a lower-case letter followed by a capital,
    found by searching the words, joined by spaces and mapped to letter classes by ``str.translate``,
    for fixed strings."""
    spaced = " ".join(words)
    if spaced.isascii():  # the same steps on bytes, with byte tables
        raw = spaced.encode("ascii")
        vowelless: list[Any] = raw.translate(None, _VOWEL_BYTES).split(b" ")
        searches: list[tuple[Any, Any, Any]] = [
            (raw.translate(_CONSONANT_CLASS_BYTES), b"c" * _CONSONANT_RUN, b" "),
            (raw.translate(_CASE_CLASS_BYTES), b"aA", b" "),
        ]
    else:
        vowelless = spaced.translate(_NO_VOWELS).split(" ")  # split at " ": a word of vowels only stays, empty
        searches = [
            (spaced.translate(_CONSONANT_CLASS), "c" * _CONSONANT_RUN, " "),
            (spaced.translate(_CASE_CLASS), "aA", " "),
        ]
    out = list(itertools.compress(words, map(operator.eq, lengths, map(len, vowelless))))
    found: dict[int, str] = {}  # start offset -> word: a word with both a run and a flip is judged once
    for classes, needle, blank in searches:
        i = classes.find(needle)
        while i >= 0:
            start = classes.rfind(blank, 0, i) + 1
            end = classes.find(blank, i)
            end = len(classes) if end < 0 else end
            found[start] = spaced[start:end]
            i = classes.find(needle, end)
    # the vowelless ones are in already
    out += [word for word in found.values() if len(word.translate(_NO_VOWELS)) < len(word)]
    return out


def _without_vowels(letters: str | bytes) -> int:
    """How many of ``letters`` are not vowels (ASCII text comes as bytes: a faster translation)."""
    if isinstance(letters, bytes):
        return len(letters.translate(None, _VOWEL_BYTES))
    return len(letters.translate(_NO_VOWELS))


def _letter_junk(text: str) -> int:
    """Letters of Latin-script words that no language writes, plus letters of vowel-poor stretches.

    A word is implausible with no vowel (3+ letters, not an acronym), five consonants in a row, or case
    flipping inside it. Stretches of about 300 letters whose vowel share is under ``_MIN_VOWEL_SHARE``
    count whole: real text of any Latin-script language has 35-45% vowels in every stretch, and judging
    stretches, not the whole text, catches one garbled page among good ones. Short all-caps words
    (acronyms: SQL, HTTPS) count for neither.

    The work is done by C-level operations: a stretch is the run of words up to the first one at which
    the letter count reaches ``_STRETCH`` (found by bisecting the running total), its vowels counted on
    the joined words; only the words :func:`_suspects` flags are judged one by one.
    """
    words = _judged_words(text)
    if not words:
        return 0
    text_joined = "".join(words)
    joined: str | bytes = text_joined.encode("ascii") if text_joined.isascii() else text_joined
    lengths = list(map(len, words))
    ends = list(itertools.accumulate(lengths))
    poor = base = 0
    while True:
        i = bisect.bisect_left(ends, base + _STRETCH)
        if i == len(ends):
            break
        end = ends[i]
        letters = end - base
        vowels = letters - _without_vowels(joined[base:end])
        if vowels < _MIN_VOWEL_SHARE * letters:
            poor += letters
        base = end
    letters = len(joined) - base
    if letters >= _STRETCH // 3:
        vowels = letters - _without_vowels(joined[base:])
        if vowels < _MIN_VOWEL_SHARE * letters:
            poor += letters
    implausible = 0
    for word in _suspects(words, lengths):
        if word[0].isupper() and len(word) <= 4:  # GmbH, NLTK-like names
            continue
        n_vowels = len(word) - len(word.translate(_NO_VOWELS))
        if n_vowels == 0 or _CONSONANTS.search(word) or (len(_FLIP.findall(word)) > 1 and len(word) <= 12):
            implausible += len(word)
    return implausible + poor


def visible_chars(text: str) -> int:
    return len("".join(text.split()))


def garbage_warning(text: str) -> DocumentWarning | None:
    """``broken_encoding`` when :func:`garbage_ratio` reaches :data:`WARN_GARBAGE`.

    The readers call it on the text as read, before normalisation drops private-use and control
    characters, so it sees the junk a broken font leaves.
    """
    garbage = garbage_ratio(text)
    if garbage < WARN_GARBAGE:
        return None
    return DocumentWarning(
        code="broken_encoding",
        message=(
            f"{garbage:.0%} of the text looks garbled (a broken font encoding or the wrong character set); "
            "findings may be missing or wrong"
        ),
    )


def little_text_warning(text: str) -> DocumentWarning | None:
    """``little_text`` when fewer than :data:`LITTLE_TEXT_CHARS` visible characters are left."""
    visible = visible_chars(text)
    if visible >= LITTLE_TEXT_CHARS:
        return None
    return DocumentWarning(code="little_text", message=f"only {visible} characters of text; results may be incomplete")


__all__ = [
    "LITTLE_TEXT_CHARS",
    "MOJIBAKE",
    "WARN_GARBAGE",
    "garbage_ratio",
    "garbage_warning",
    "little_text_warning",
    "visible_chars",
]
