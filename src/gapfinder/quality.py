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

Policy, measured on the dev resumes and job posts (see ``tests/test_hostile_quality.py``): at 10% or
more the document carries a ``broken_encoding`` warning (added by the readers, on the text as read); a PDF
at 60% or more is refused with ``NoTextLayerError`` (OCR is the fix, as for a scan). Text handed over as
a string or a text file is never refused for garbage — the caller chose it, and there is no better copy
to ask for — but the warning always comes with the result. The analysis adds ``little_text``.
"""

from __future__ import annotations

import re
import unicodedata

from .models import DocumentWarning

#: share of garbage at which the report warns
WARN_GARBAGE = 0.10
LITTLE_TEXT_CHARS = 200
_SAMPLE = 200_000  # characters looked at; the signal is a ratio, a sample is enough

_CID = re.compile(r"\(cid:\d+\)")
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")
_WORD = re.compile(r"[^\W\d_]+")
_OTHER = re.compile(r"[^\w\s]")
_NO_VOWELS = str.maketrans("", "", "aeiouyAEIOUY")
_CONSONANTS = re.compile(r"[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]{5}")
_FLIP = re.compile(r"[a-z][A-Z]")
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
    visible = len(sample) - sum(map(str.isspace, sample))
    if visible == 0:
        return 0.0
    alnum = sum(map(str.isalnum, sample))
    bad = symbols = 0
    for ch in _OTHER.findall(sample):  # neither a word character nor a space: usually a few percent
        category = unicodedata.category(ch)
        if ch == "\ufffd" or category in _JUNK_CATEGORIES:
            bad += 1
        elif category in _SYMBOL_CATEGORIES:
            symbols += 1
    junk = bad + sum(map(len, _CID.findall(sample))) + 2 * len(_MOJIBAKE.findall(sample))
    junk += max(0, symbols - int(_SYMBOL_ALLOWANCE * visible))
    if visible >= _MIN_VISIBLE_FOR_WORDS:  # one odd word ('asdfzxcv') is not a broken font
        junk += _letter_junk(sample)
    ratio = junk / visible
    if visible >= 50 and alnum < 0.3 * visible:
        ratio = max(ratio, 1.0 - alnum / visible)
    return min(ratio, 1.0)


def _letter_junk(text: str) -> int:
    """Letters of Latin-script words that no language writes, plus letters of vowel-poor stretches.

    A word is implausible with no vowel (3+ letters, not an acronym), five consonants in a row, or case
    flipping inside it. Stretches of about 300 letters whose vowel share is under ``_MIN_VOWEL_SHARE``
    count whole: real text of any Latin-script language has 35-45% vowels in every stretch, and judging
    stretches, not the whole text, catches one garbled page among good ones. Short all-caps words
    (acronyms: SQL, HTTPS) count for neither.
    """
    implausible = poor = letters = vowels = 0
    for word in _WORD.findall(text):
        if len(word) < 3 or (word.isupper() and len(word) <= 5):
            continue
        if not word.isascii():
            if not all(ch < "\u0250" for ch in word):  # not Latin script: not judged
                continue
            # keep letters only: \w also takes numbers such as '½', which NFKD turns into '1⁄2' (found by
            # fuzz/fuzz_readers.py: a run of '½' became an empty word)
            word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if ch.isalpha())
            if len(word) < 3:
                continue
        n_vowels = len(word) - len(word.translate(_NO_VOWELS))
        letters += len(word)
        vowels += n_vowels
        if letters >= _STRETCH:
            poor += letters if vowels < _MIN_VOWEL_SHARE * letters else 0
            letters = vowels = 0
        if word[0].isupper() and len(word) <= 4:  # GmbH, NLTK-like names
            continue
        if n_vowels == 0 or _CONSONANTS.search(word) or (len(_FLIP.findall(word)) > 1 and len(word) <= 12):
            implausible += len(word)
    if letters >= _STRETCH // 3 and vowels < _MIN_VOWEL_SHARE * letters:
        poor += letters
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
    "WARN_GARBAGE",
    "garbage_ratio",
    "garbage_warning",
    "little_text_warning",
    "visible_chars",
]
