"""Which lines next to a date range can head a position: title-like lines, descriptions, details.

A position's header is its title and organisation (:mod:`.titles` tells them apart). Around it sit lines
of three other kinds, and each is told apart here, on the line alone:

- **descriptions**, never a header: bullets (``•``, ``◦``, ``▪``, ``-``, ``1.``, the Symbol font's private
  bullets...), sentences (a full stop after a lower-case word, three or more small function words such as
  "in", "the", "to"), duty lines led by a verb ("Developed staff schedules", "Managed payroll as backup to
  manager", "Working as a tester", "Have worked as..."), money amounts ("$2-$3 M per year", "€40k p.a."),
  labelled details ("Duration: ...", "Client: ...", "TEAM SIZE 20") and over-long lines;
- **details** to step over: a place alone ("San Francisco, CA", "Remote") or a duration alone ("2 years
  10 months", "(4 mos)"), which templates print beside or below the dates, and page footers ("1/2");
- **title-like** lines: everything else with letters in it.

A job word early in a verb-led line keeps it a title ("Registered nurse", "Certified public accountant").
"""

from __future__ import annotations

import re

from ..lexicon import header_line_words, places
from .titles import has_job_word, is_place

MAX_HEADER_CHARS = 160
MAX_HEADER_WORDS = 18

#: a list marker at the start of a line: ASCII and typographic bullets, the private-use bullets of the
#: Symbol and Wingdings fonts as PDFs and Word exports write them, "1." / "2)" enumerations
BULLET = re.compile(
    r"(?:[•*>o+\-–—·◦▪▫■□●○◆◇►▶▸➢➣➤➔→✓✔✗❖⁃‣∙⦿⦾\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0a8\uf02d]|\d{1,2}[.)])\s"
    r"|[•◦▪■●○◆►▶▸➢➤❖\uf0a7\uf0b7\uf0d8\uf0fc\uf076]"
)
_WORDS_OF = header_line_words()  # lexicon/header_lines.yaml
#: a line that opens with a lower-case function word continues a sentence
_PROSE_START = re.compile("(?:" + "|".join(_WORDS_OF.prose_starts) + ") ")
#: first words that open a sentence about the work, never a title ("Have worked as", "Responsible for")
SENTENCE_STARTS = frozenset(_WORDS_OF.sentence_starts)
#: irregular past tenses that lead duty lines ("Led a team", "Built the pipeline", "Ran payroll")
_IRREGULAR_VERBS = frozenset(_WORDS_OF.irregular_verbs)
#: words a title may have right after a verb-looking first word ("Training and Development Manager")
_JOINERS = frozenset(_WORDS_OF.joiners)
#: small words of running text; titles have one or two at most ("Head of Sales for the EMEA region")
_FUNCTION_WORDS = frozenset(_WORDS_OF.function_words)
#: abbreviations that end a name with a full stop ("Acme Inc.", "Pvt. Ltd.", "Sr.")
_ABBREVIATIONS = frozenset(_WORDS_OF.abbreviations)
#: detail labels: followed by a colon they never head a position ("Client: Insurer", "Duration: 2019 - 2020")
_DETAIL_LABELS = "|".join(_WORDS_OF.detail_labels)
_LABEL = rf"(?:{_DETAIL_LABELS})(?:\s?[/&]\s?(?:{_DETAIL_LABELS}))*"  # "Technology/Tools"
_DETAIL = re.compile(rf"(?i:{_LABEL}\s?:|{_LABEL}\s[-–]\s|(?:duration|tenure|team size)\b)")
#: a money amount: a currency sign or code next to a number, or a rate ("per year", "p.a.")
_AMOUNT = re.compile(
    r"[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|\b(?:USD|EUR|GBP|INR|CHF|Rs\.?)\s?\d|\d\s?(?:USD|EUR|GBP|INR|CHF)\b|"
    r"(?i:\bper (?:year|annum|month|hour|day)\b|\b(?:lakhs?|crores?)\b)|\d\s?[kKmM]?\s?p\.a\.|\bLPA\b"
)
#: a duration alone: "2 years 10 months", "(4 mos)", "1 yr"
_DURATION = re.compile(
    r"\(?\s*\d{1,2}(?:[.,]\d)?\+?\s?(?:years?|yrs?|months?|mos?|jahre?|monate?)\.?"
    r"(?:,?\s?(?:and\s)?\d{1,2}\s?(?:months?|mos?|monate?)\.?)?\s*\)?",
    re.IGNORECASE,
)
#: a page number, alone or after a footer's name: "2/3", "Page 1 of 2", "John Doe – 1/2"
_PAGE_NUMBER = re.compile(r"(?:^|[-–—|•]\s*)(?i:page\s*)?\d{1,3}\s*(?:/|(?i:of))\s*\d{1,3}$")
_WORDS = re.compile(r"[\w&+/-]+")


def is_detail(line: str) -> bool:
    """A place or a duration alone, or a page footer: stepped over when looking for a position's header. A
    bare code such as "WA" or "QA" is not taken for a place."""
    text = line.strip(" \t|•·-–—,;()")
    if not text:
        return False
    if _PAGE_NUMBER.search(line.strip()) or _DURATION.fullmatch(line.strip()):
        return True
    if not is_place(text) or has_job_word(text):
        return False
    code = text.rpartition(", ")[2]
    if ", " in text:  # "Seattle, WA": a region code that is one, or a country
        lexicon = places()  # "WA", "ON", "NSW"; "UK", "US"; not an ISO code such as "QA" alone
        return len(code) > 3 or code in lexicon.region_code or code in lexicon.country
    return not text.isupper()  # "Remote", "Germany"; not a bare code such as "QA"


def is_description(line: str) -> bool:
    """A bullet, a sentence, a duty line, an amount, a labelled detail or an over-long line: never a header.
    A line split by pipes is a header ("Title | Org | dates") unless it holds an amount."""
    if BULLET.match(line) or len(line) > 2 * MAX_HEADER_CHARS:
        return True
    if _AMOUNT.search(line):
        return True
    if "|" in line:
        return False
    if _PROSE_START.match(line) or _DETAIL.match(line):
        return True
    words = _WORDS.findall(line)
    if len(line) > MAX_HEADER_CHARS or len(words) > MAX_HEADER_WORDS or line.endswith((":", ",")):
        return True
    if not words:
        return False
    lowered = [w.lower() for w in words]
    if sum(1 for w in lowered if w in _FUNCTION_WORDS) >= 3:
        return True
    if line.endswith(".") and _sentence_end(words):
        return True
    return _verb_led(words, lowered)


def _sentence_end(words: list[str]) -> bool:
    """Does a line ending in a full stop end a sentence, not an abbreviation ("Acme Inc.", "Sr.")?"""
    last = words[-1]
    if last.lower().strip(".") in _ABBREVIATIONS or len(last) <= 2 or "." in last:
        return False
    return last.islower() or (len(words) > 6 and len(last) > 4)


def _verb_led(words: list[str], lowered: list[str]) -> bool:
    """A duty line led by a verb: a sentence starter ("Have", "Responsible"), or a past tense / -ing form
    before a lower-case word ("Managed payroll", "Searching for"), unless a job word comes within the first
    three words and ends the phrase ("Registered nurse", "Certified public accountant, Acme")."""
    first = lowered[0]
    if first in SENTENCE_STARTS:
        return True
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    verb = first in _IRREGULAR_VERBS or (
        len(first) >= 5 and first.isascii() and first.isalpha() and first.endswith(("ed", "ing"))
    )
    second = words[1]
    if not verb or not second.islower() or second in _JOINERS:
        return False
    for j, word in enumerate(words[1:3], start=1):  # "Registered nurse", not "Developed staff schedules"
        if has_job_word(word, plural=False) and (j + 1 == len(words) or not words[j + 1].islower()):
            return False
    return True


def title_like(line: str) -> bool:
    """Can this line be (part of) a position's header: letters, not a description, not a detail?"""
    return any(c.isalpha() for c in line) and not is_description(line) and not is_detail(line)


__all__ = [
    "BULLET",
    "MAX_HEADER_CHARS",
    "MAX_HEADER_WORDS",
    "SENTENCE_STARTS",
    "is_description",
    "is_detail",
    "title_like",
]
