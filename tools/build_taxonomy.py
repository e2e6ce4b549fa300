#!/usr/bin/env python3
"""Generate ``skills_taxonomy/skills/generated.yaml`` from the public taxonomy sources.

    python tools/build_taxonomy.py --sources ../shared/taxonomy-sources
    python tools/build_taxonomy.py --sources ../shared/taxonomy-sources --check   # exit 1 when out of date

Reads O*NET Technology Skills, GitHub Explore topics, GitHub Linguist languages and ESCO ICT knowledge and
derives facts only: names, aliases, categories and parent links. The hand-curated ``skills/core.yaml`` takes
precedence: a generated skill that shares a surface with it is skipped. Every surface written must be
*specific* on its own (``surface_kind``); English words and names of three characters or fewer survive only
as case-sensitive ``ambiguity`` surfaces of widely used skills. The English-word test needs ``wordfreq`` at
build time only (see tools/README.md). The output is deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "skills_taxonomy" / "skills" / "generated.yaml"
DEFAULT_CORE = ROOT / "skills_taxonomy" / "skills" / "core.yaml"
DEFAULT_CATEGORIES = ROOT / "skills_taxonomy" / "categories.yaml"

#: wordfreq Zipf frequency from which a word is English (about once per million words) ...
ENGLISH_ZIPF = 3.0
#: ... and from which it is so common that a name made of it cannot be told from prose (once per 100,000)
COMMON_ZIPF = 4.0
#: a prefix followed by a non-English name in this many O*NET products is a vendor ("Microsoft", "Autodesk")
VENDOR_MIN_PRODUCTS = 3
#: a one-word vendor this productive makes a name specific even if it is an English word ("Oracle Hyperion")
STRONG_VENDOR_MIN_PRODUCTS = 5
#: an O*NET technology listed for this many occupations is widely used
ONET_WIDE_OCCUPATIONS = 3
#: which source names a merged skill and gives its category
SOURCE_PRIORITY = {"linguist": 0, "github": 1, "esco": 2, "onet": 3}
MAX_CONTEXT_WORDS = 16

#: O*NET commodity classes of general-purpose software: every product of these is a candidate, however few
#: occupations list it (the specificity policy still applies; an ambiguous name needs a widely used product).
#: Not here: classes whose products serve one trade (analytical or scientific, medical, CAD, ERP, query and
#: "database user interface" applications of a profession, accounting, HR, industrial control ...).
_SOFTWARE_CLASSES = """
    Operating system software
    Device drivers or system software
    Filesystem software
    Data base management system software
    Object oriented data base management software
    Development environment software
    Object or component oriented development software
    Graphical user interface development software
    Compiler and decompiler software
    File versioning software
    Program testing software
    Web platform development software
    Web page creation and editing software
    Application server software
    Portal server software
    Enterprise application integration software
    Configuration management software
    Network monitoring software
    Administration software
    Backup or archival software
    Transaction security and virus protection software
    Office suite software
    Word processing software
    Spreadsheet software
    Presentation software
    Electronic mail software
    Desktop publishing software
    Internet browser software
    Instant messaging software
    Video conferencing software
    Network conferencing software
    Desktop communications software
    Graphics or photo imaging software
    Video creation and editing software
"""
ONET_SOFTWARE_CLASSES = frozenset(line.strip() for line in _SOFTWARE_CLASSES.strip().splitlines())

# ------------------------------------------------------------------------------------------------ categories
#: O*NET commodity title -> gapfinder category ("-": not a skill area). Unlisted titles (office, design, ERP, CRM,
#: medical, ... applications) become ``tool``.
_COMMODITY_TABLE = """
analytics:
    Analytical or scientific software
    Business intelligence and data analysis software
    Data mining software
    Categorization or classification software
    Charting software
    Data base reporting software
    Financial analysis software
    Risk management data and analysis software
    Spreadsheet software
    Geographic information system
database:
    Data base management system software
    Data base user interface and query software
    Object oriented data base management software
data_engineering:
    Enterprise application integration software
    Metadata management software
    Data conversion software
web:
    Web platform development software
    Web page creation and editing software
    Application server software
    Portal server software
os:
    Operating system software
    Device drivers or system software
    Filesystem software
    Printer driver software
    Graphics card driver software
devops:
    Configuration management software
    Network monitoring software
    Enterprise system management software
    Administration software
cloud:
    Cloud-based management software
testing:
    Program testing software
security:
    Transaction security and virus protection software
    Network security and virtual private network VPN equipment software
    Network security or virtual private network VPN management software
    Authentication server software
    Cloud-based protection or security software
mobile:
    Mobile location based services software
    Mobile operator specific application software
    Mobile messaging service software
infrastructure:
    Industrial control software
    Backup or archival software
    Access software
    Transaction server software
    Communications server software
    Internet directory services software
    Storage networking software
    Internet protocol IP multimedia subsystem software
    Clustering software
    Switch or router software
    Platform interconnectivity software
    Network operating system enhancement software
    WAN switching software and firmware
    LAN software
    Network operation system software
    Optical network management software
    Gateway software
    Wireless software
    Software defined networking/ virtualization software
    Bridge software
-:
    Action games
"""


def _table(text: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    category: str | None = None
    for line in text.strip().splitlines():
        if not line.startswith(" "):
            category = None if line.rstrip(":") == "-" else line.rstrip(":")
        else:
            out[line.strip()] = category
    return out


COMMODITY_CATEGORY = _table(_COMMODITY_TABLE)
DEFAULT_CATEGORY = "tool"

#: keyword rules over a description (GitHub topics, ESCO labels, O*NET name tails); the first match wins
KEYWORD_CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    (cat, re.compile(rx, re.I))
    for cat, rx in [
        (
            "language",
            r"\b(programming|scripting|query|shading|hardware description) language\b|\bcomputer programming\b",
        ),
        ("database", r"\bdatabases?\b|\bdata ?stores?\b|\bkey-value\b"),
        ("ml_framework", r"\bmachine learning\b|\bdeep learning\b|\bneural networks?\b"),
        ("os", r"\boperating systems?\b|\blinux distribution\b|\bkernel\b"),
        ("mobile", r"\bandroid\b|\bios\b|\bmobile\b"),
        ("testing", r"\btest(ing)?\b"),
        ("security", r"\bsecurity\b|\bencrypt|\bvulnerabilit|\bpenetration\b|\bmalware\b|\bauthentication\b"),
        (
            "devops",
            r"\bcontainers?\b|\bcontinuous (integration|delivery|deployment)\b|\binfrastructure as code\b|"
            r"\bmonitoring\b|\bobservability\b|\bbuild (tool|system|automation)\b|\bpackage manager\b|"
            r"\bconfiguration management\b|\borchestrat",
        ),
        ("cloud", r"\bcloud\b|\bserverless\b"),
        ("data_engineering", r"\bstream processing\b|\bbig data\b|\betl\b|\bdata pipelines?\b|\bworkflow engine\b"),
        ("analytics", r"\bdata visuali[sz]ation\b|\banalytics\b|\bstatistic|\bspreadsheet|\bplotting\b"),
        ("web", r"\bweb\b|\bjavascript\b|\bcss\b|\bhtml\b|\bhttp\b|\bfront-?end\b|\bbrowsers?\b|\bwebsites?\b"),
        ("infrastructure", r"\bembedded\b|\bmicrocontroller|\bnetwork(ing)?\b|\bvirtuali[sz]ation\b|\bgpus?\b"),
        ("language", r"\blanguage\b"),
    ]
]

#: confirming words for an ambiguous surface, by category (lower-case, as the matcher compares them)
CATEGORY_CONTEXT: dict[str, tuple[str, ...]] = {
    "language": ("programming", "language", "languages", "compiler", "coding"),
    "web": ("web", "framework", "frontend", "backend", "javascript", "html", "css"),
    "database": ("database", "databases", "sql", "dba", "queries"),
    "analytics": ("analytics", "statistical", "statistics", "dashboards", "visualization", "reporting"),
    "data_engineering": ("etl", "pipelines", "integration", "warehouse"),
    "os": ("operating", "os", "kernel", "linux", "unix"),
    "devops": ("devops", "deployment", "ci", "monitoring", "infrastructure"),
    "cloud": ("cloud", "saas", "aws", "azure"),
    "testing": ("testing", "qa", "automation"),
    "security": ("security", "cybersecurity", "firewall", "encryption", "vulnerability"),
    "mobile": ("mobile", "ios", "android", "apps"),
    "infrastructure": ("network", "networking", "servers", "hardware", "firmware"),
    "ml_framework": ("learning", "models", "neural"),
    "tool": ("application", "applications", "suite"),
}
COMMON_CONTEXT = ("software", "tool", "tools", "platform")
#: a one-word English product name right after a determiner is the ordinary word ("the Project", "a Toad") ...
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "our", "your", "my", "his", "her", "their", "its")
#: ... and so it is right before a function word ("Fluent in", "Zoom in on", "Blink of an eye")
FUNCTION_WORDS = (
    *("in", "at", "on", "of", "to", "for", "with", "than", "from", "by", "about", "into", "as", "up", "out", "off"),
    *("is", "are", "was", "were", "be", "will", "can"),
)


# ------------------------------------------------------------------------------------------------ name parsing
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: generic head nouns: a sentence-case name ending in one of these names a kind of software, not a product
GENERIC_HEADS = _wordset(
    "software program programs system systems database databases tools tool applications application utilities "
    "utility packages package libraries library suite suites platform platforms services service solutions "
    "solution products product engine engines framework frameworks languages files catalogs catalogues "
    "collections archives records modules plugins templates"
)
#: words that end a company name ("Elite Software", "Cisco Systems", "Accutech Systems Corporation")
CORPORATE_WORDS = _wordset(
    "software systems systemes technologies technology solutions inc inc. corporation corp corp. group labs associates "
    "international consulting consultants company co co. llc ltd ltd. limited gmbh ag sa plc"
)
#: the short form resumes use for a vendor that prefixes product names ("MS Visio")
VENDOR_ABBREVIATIONS = {"Microsoft": "MS", "Hewlett-Packard HP": "HP", "Hewlett-Packard": "HP"}
EDITION_WORDS = _wordset(
    "pro professional enterprise standard premium express edition lite plus ultimate personal deluxe"
)
PLATFORMS = _wordset("windows mac macintosh linux unix ios android")
JOB_NOUNS = _wordset(
    "developer developers engineer engineers analyst analysts architect architects administrator administrators "
    "manager managers consultant consultants designer designers specialist specialists technician technicians "
    "assistant assistants director directors scientist scientists programmer programmers coordinator coordinators"
)
#: one-word company names end like this ("Lemkesoft", "Wonderware", "Vertech", "Cambridge Labs")
_COMPANY_WORD = re.compile(r"[a-z](soft|ware|tech|labs)$", re.I)
#: words that may follow a name in a topic alias without making it another thing ("Umbraco cms")
NAME_QUALIFIERS = _wordset("js lang language framework engine cms db css io os ui")
#: endings of English adjectives and abstract nouns (and computing's "-ware"), too rare for the word list but
#: hardly ever a brand on their own
ENGLISH_SUFFIXES = (
    *("ic", "ical", "al", "ian", "ive", "ous", "ary", "ory", "ity", "ogy", "graphy", "ism", "ist"),
    *("ance", "ence", "ment", "ness", "tion", "sion", "ware"),
)
CONNECTORS = _wordset("and or of the for to in on a an & with by")
_ROMAN = r"(?:II|III|IV|V|VI|VII|VIII|IX|X)"
_VERSION_TOKEN = re.compile(rf"^(?:v?\d{{1,2}}(?:\.\d+)*[a-z]?|(?:19|20)\d\d|{_ROMAN})$")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_WORD = re.compile(r"[a-z]+")
_COMPACT_DROP = re.compile(r"[\s\-_.'/()]+")  # as gapfinder.extract.phrase_index.compact_key
#: Linguist names that are files, sessions or editor artefacts rather than languages people list
_LINGUIST_FILEISH = re.compile(
    r"file$|\b(console|repl|transcript|session|snippets?|config|template|document|score)\b", re.I
)
#: GitHub aliases that are slugs of projects around a topic (or job titles), not names of it
_SLUG_JUNK = re.compile(
    r"(^|-)(tutorials?|examples?|demos?|samples?|starter|templates?|boilerplate|awesome|api|sdk|client|wrapper|"
    r"bots?|plugins?|extensions?|library|lib|apps?|server|tools?|docs?|projects?|course|learning|exercises|"
    r"challenges?|cheatsheet|interview|games?|themes?|config|cli|developers?|engineers?|dev)(-|$)|\d"
)
#: what makes a GitHub topic a technology, and what makes it something else
_TECH = re.compile(
    r"\b(software|programs?|programming|language|librar(y|ies)|framework|database|protocol|tool(kit)?s?|platform|"
    r"engine|api|compiler|interpreter|runtime|open[- ]source|operating system|cloud|algorithm|server|"
    r"application|computing|developers?|development|testing|security|encryption|format|editor|ide|package|"
    r"specification|standard|container|virtual|network|web|data|markup|query|cli|command[- ]line|system)\b",
    re.I,
)
_NOT_TECH = re.compile(
    r"\b(video games?|(a |an )?(\w+ )?game\b(?! (engine|framework|development))|genre|anime|manga|movies?|"
    r"tv shows?|film|comic|celebration|conference|festival|hackathon|community|communities|charity|gender|sexual|"
    r"religio|politic|cryptocurrenc|blockchain|nft|social network|streaming service|music|emoji|meme|"
    r"can either refer|company|corporation|agency|organi[sz]ation|foundation|university)",
    re.I,
)


def compact_key(surface: str) -> str:
    """Case-, space- and punctuation-insensitive key, as the matcher's variant table builds it."""
    return _COMPACT_DROP.sub("", surface.casefold())


def slug(text: str) -> str:
    out = re.sub(r"[^a-z0-9_.+#-]+", "-", text.casefold()).strip("-.")
    out = re.sub(r"-{2,}", "-", out)
    return out[:80].rstrip("-.") or "skill"


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalpha())


# ------------------------------------------------------------------------------------------------ words
@dataclass(frozen=True)
class Lexicon:
    """What counts as English, and who counts as a vendor.

    ``english`` and ``common`` answer for a lower-case word (``common`` ⊆ ``english``: the very frequent
    ones); ``vendors`` are case-folded vendor prefixes of one to three tokens; ``strong_vendors`` are one-token
    vendors so productive that "<vendor> <English words>" still names one product ("Oracle Clinical").
    """

    english: Callable[[str], bool]
    common: Callable[[str], bool] | None = None
    vendors: frozenset[str] = frozenset()
    strong_vendors: frozenset[str] = frozenset()

    def is_common(self, word: str) -> bool:
        return (self.common or self.english)(word)

    def is_compound(self, word: str) -> bool:
        """Two very common words of 3+ letters run together ("goodreader", "workday", "bookkeeping"): the
        matcher also finds such a name written as two words, so it is as ambiguous as an English word."""
        w = _letters(word)
        return any(self.is_common(w[:i]) and self.is_common(w[i:]) for i in range(3, len(w) - 2))

    def is_plain(self, word: str) -> bool:
        """An ordinary word: English, a compound of two common ones, or the -ing form of either
        ("provisioning", "videoconferencing")."""
        w = _letters(word)
        if not w:
            return False
        if self.english(w) or self.is_compound(w):
            return True
        stem = w[:-3] if w.endswith("ing") and len(w) >= 7 else ""
        return bool(stem) and any(self.english(x) or self.is_compound(x) for x in (stem, stem + "e"))


def word_list(words: Iterable[str]) -> Callable[[str], bool]:
    """An English test from a fixed list of lower-case words (for tests)."""
    return frozenset(words).__contains__


def wordfreq_english(threshold: float) -> Callable[[str], bool]:
    """spaCy stop words, or a wordfreq (English) Zipf frequency at or above ``threshold``."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        sys.exit("build_taxonomy: needs wordfreq (pip install 'wordfreq==3.1.1'); see tools/README.md")
    from spacy.lang.en.stop_words import STOP_WORDS

    cache: dict[str, bool] = {}

    def english(word: str) -> bool:
        if word not in cache:
            cache[word] = word in STOP_WORDS or zipf_frequency(word, "en") >= threshold
        return cache[word]

    return english


def token_distinctive(token: str, lex: Lexicon, *, alone: bool = True) -> bool:
    """A token that does not occur in ordinary English text: letters mixed with digits or written with symbols
    ("S3", "C++", "Node.js"), a strong vendor ("Oracle"), an acronym whose lower case is not a very common word
    ("SQL", not "DATA"), or a word that is not ordinary English. Inside a longer name (``alone`` False) a word
    written with inner capitals counts too ("HP QuickTest Professional"): the matcher only finds it within the
    whole name, while alone it would also match the two words it is made of ("quick test")."""
    t = token.strip(".,;:!?\"'")
    low = t.casefold()
    if not _letters(t):
        return False
    if low in lex.strong_vendors or any(c.isdigit() for c in t):
        return True
    if any(c in "+#" for c in t) or re.search(r"[a-z]\.[a-z]", low):
        return True
    if all_caps(t):
        # alone it is matched in any case, so "APEX" must not be an English word; within a name, "SQL Plus"
        return not (lex.english if alone else lex.is_common)(_letters(t))
    if not alone and any(c.isupper() for c in t[1:]):
        return True
    if (
        alone
        and len(low) >= 7
        and low.isalpha()
        and low.endswith(ENGLISH_SUFFIXES)
        and not any(c.isupper() for c in t[1:])
    ):
        return False  # a rare English word is still a word ("Algorithmic", "Cartography", "Middleware")
    if alone and low.isalpha() and not any(c.isupper() for c in t[1:]) and is_agent_noun(low, lex):
        return False  # "Estimator", "Renderer", "Profiler": the doer of an English verb
    return any(not lex.is_plain(p) for p in re.split(r"[-/&']", low) if p.isalpha())


def is_agent_noun(word: str, lex: Lexicon) -> bool:
    """An English verb + -er/-or ("estimator", "renderer", "encoder"): too rare for the word list, but a word
    of any text about software, not a product name ("Jupyter" is not "jupyt" + "er")."""
    if len(word) < 7 or not word.endswith(("er", "or")):
        return False
    stem = word[:-2]
    return any(lex.english(x) for x in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""))


def is_job_title(surface: str, lex: Lexicon) -> bool:
    """Ends in a job noun and has no strong vendor: "SQL Developer" is a person as often as Oracle's tool."""
    tokens = surface.casefold().split()
    return len(tokens) > 1 and tokens[-1] in JOB_NOUNS and not any(t in lex.strong_vendors for t in tokens)


def surface_kind(surface: str, lex: Lexicon, *, is_expansion: bool = False) -> str:
    """'specific' (safe to match case-insensitively), 'short' (three characters or fewer once spaces and
    punctuation are dropped), 'english' (ordinary words only) or 'junk' (no letters). A name of three or more
    ordinary words written in Title Case ("Global Seismic Library"), or a spelled-out acronym of three or more
    words ("Structured query language"), names one thing and is specific."""
    if not _letters(surface):
        return "junk"
    if len(compact_key(surface)) <= 3:
        return "short"
    tokens = surface.split()
    joined = _letters(surface)
    run_together = (len(tokens) > 1 or not surface.isalpha()) and joined == compact_key(surface)
    if run_together and (lex.english(joined) or is_agent_noun(joined, lex)):
        return "english"  # written apart, but the matcher also finds it run together: "A.I.Med" is "aimed"
    if is_job_title(surface, lex):
        return "english"
    if any(token_distinctive(t, lex, alone=len(tokens) == 1) for t in tokens):
        return "specific"
    content = [t for t in tokens if t.casefold() not in CONNECTORS]
    if len(content) >= 3 and (is_expansion or all(t[:1].isupper() for t in content)):
        return "specific"
    return "english"


# ------------------------------------------------------------------------------------------------ name parsing
def strip_version(surface: str) -> str | None:
    """'PHP 5' -> 'PHP', 'Altera Quartus II' -> 'Altera Quartus'; None without a trailing version, or when only
    a number would remain. Three-digit and longer numbers are product names ('Autodesk Fusion 360')."""
    tokens = surface.split()
    if len(tokens) < 2 or not _VERSION_TOKEN.match(tokens[-1]):
        return None
    rest = " ".join(tokens[:-1])
    return rest if _letters(rest) else None


def strip_edition(surface: str) -> str | None:
    """Trailing edition words and platform suffixes: 'Sage 50 Premium' -> 'Sage 50', 'Toad for Windows' ->
    'Toad'; None when nothing is stripped."""
    tokens = surface.split()
    if len(tokens) >= 3 and tokens[-2] == "for" and tokens[-1].casefold() in PLATFORMS:
        tokens = tokens[:-2]
    while len(tokens) >= 2 and tokens[-1].casefold() in EDITION_WORDS:
        tokens.pop()
    rest = " ".join(tokens)
    return rest if rest != surface and _letters(rest) else None


def base_forms(surface: str) -> list[str]:
    """The surface without trailing versions, editions and platform suffixes, in every order they peel off."""
    out: list[str] = []
    todo = [surface]
    while todo:
        form = todo.pop()
        for f in (strip_version(form), strip_edition(form)):
            if f and f not in out:
                out.append(f)
                todo.append(f)
    return out


def is_acronym_token(token: str) -> bool:
    """Written like an acronym: capitals ("SSRS", "EC2", "ACD/1D") or a short capital-led word with another
    capital inside ("SaaS")."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or len(token) > 10 or not letters[0].isupper():
        return False
    return all(c.isupper() for c in letters) or (len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2)


def all_caps(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return " " not in surface and len(letters) >= 2 and all(c.isupper() for c in letters)


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """Can the acronym be read off ``words`` in order, each content word giving a run of letters that starts
    with its first letter ('JavaScript Object Notation' -> JSON, 'Extensible ... Language' -> X...)?
    Connectors ('of', 'and') may give a letter or none."""
    letters = _letters(acronym)
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[(i, j)]
        memo[(i, j)] = result = _step(i, j)
        return result

    def _step(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        w = _letters(words[j])
        if not w:
            return go(i, j + 1)
        if w in CONNECTORS and go(i, j + 1):
            return True
        if i == len(letters) or not (w[0] == letters[i] or (w.startswith("ex") and letters[i] == "x")):
            return False
        k, pos = i + 1, 1
        while not go(k, j + 1):
            p = w.find(letters[k], pos) if k < len(letters) else -1
            if p < 0:
                return False
            k, pos = k + 1, p + 1
        return True

    return go(0, 0)


@dataclass(frozen=True)
class Acronym:
    token: str
    start: int  # first word of the expansion
    index: int  # position of the acronym token


def find_acronym(tokens: list[str]) -> Acronym | None:
    """The first acronym token that spells the two or more words just before it (not starting on a connector
    inside the name, as "and" in "Analysis and Visualization of Time Sequences AVTS"):
    ['Amazon', 'Web', 'Services', 'AWS', 'CloudFormation'] -> AWS over tokens 0..2."""
    for i, tok in enumerate(tokens):
        if i < 2 or not is_acronym_token(tok):
            continue
        for start in range(i - 2, -1, -1):
            if (start == 0 or tokens[start].casefold() not in CONNECTORS) and acronym_matches(tok, tokens[start:i]):
                return Acronym(tok, start, i)
    return None


def is_proper(token: str, index: int, lex: Lexicon) -> bool:
    """Written as part of a name, not as a word of a sentence-case description: digits or symbols, a capital
    inside, a capital after the first word, or a capitalised first word that is not an ordinary word."""
    if any(c.isdigit() for c in token) or any(c in "+#." for c in token.strip(".")):
        return True
    if any(c.isupper() for c in token[1:]):
        return True
    if token[:1].isupper():
        return index > 0 or not all(lex.is_plain(w) for w in _WORD.findall(token.casefold()))
    return False


@dataclass
class Parsed:
    """One O*NET technology name taken apart."""

    name: str
    aliases: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)  # spelled-out acronyms
    tail: str = ""  # lower-case descriptive words dropped from the end ("programming language")


def parse_onet_name(raw: str, lex: Lexicon) -> Parsed | None:
    """An O*NET example as a product name plus aliases, or None for a kind of software ("Spreadsheet
    software", "Toxicology databases", "Customer relationship management CRM software")."""
    paren = [m.group(1).strip() for m in _PAREN.finditer(raw)]
    short_forms = [p for p in paren if " " not in p and is_acronym_token(p)]
    tokens = _PAREN.sub("", raw).strip().rstrip(",").split()
    generic_head = False
    while len(tokens) > 1 and tokens[-1] in ("software", "programs", "program"):
        tokens.pop()
        generic_head = True
    acr = find_acronym(tokens)
    words = [t for i, t in enumerate(tokens) if not (acr and i == acr.index)]
    proper = [is_proper(t, i, lex) for i, t in enumerate(words)]
    if acr is not None and not any(is_proper(t, 1, lex) for t in tokens[acr.start + 1 : acr.index]):
        # a sentence-case expansion ("Deoxyribonucleic acid DNA") is a term, not a product name
        proper[acr.start : acr.index] = [False] * (acr.index - acr.start)
    if not any(proper):
        if acr is None:
            # one capitalised word is a product ("Loom"); a lower-case phrase or "X software" is a description
            return Parsed(name=words[0], aliases=short_forms) if len(words) == 1 and not generic_head else None
        if generic_head or acr.index != len(tokens) - 1 or words[-1].casefold() in GENERIC_HEADS:
            return None
        return Parsed(name=acr.token, aliases=short_forms, expansions=[" ".join(tokens[acr.start : acr.index])])
    # a lower-case descriptive tail after the last name-like word goes ("Citrix cloud computing")
    last = max(i for i, p in enumerate(proper) if p)
    tail = words[last + 1 :]
    name = " ".join(words[: last + 1])
    parsed = Parsed(name=name, aliases=short_forms, tail=" ".join(tail))
    if acr is not None:
        swapped = [*tokens[: acr.start], acr.token, *tokens[acr.index + 1 : len(tokens) - len(tail)]]
        parsed.aliases.append(" ".join(swapped))
        parsed.expansions.append(" ".join(tokens[acr.start : acr.index]))
    return parsed


def vendor_prefixes(names: Iterable[str], lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Vendor prefixes (case-folded) of product names, and the one-token vendors common enough to make a name
    specific. A vendor is one to three name-like tokens (optionally after "The") followed by a name-like word
    in at least VENDOR_MIN_PRODUCTS names (two for one word that is not English: "Cytel"), or a company name:
    one ending in a corporate word ("Elite Software"), or one word ending like a company ("WizSoft", "Wonderware").
    After a vendor that is an English word ("Sage", "Computer") the next word must not be English either, or
    every Title Case phrase would make its first word a vendor."""
    counts: Counter[str] = Counter()
    corporate: set[str] = set()
    for name in set(names):
        tokens = name.split()
        lead = 1 if tokens[:1] == ["The"] and len(tokens) > 2 else 0
        for k in (1, 2, 3):
            if len(tokens) <= lead + k or not is_proper(tokens[lead + k - 1], 1, lex):
                break
            nxt = tokens[lead + k]
            plain_vendor = all(lex.is_plain(w) for w in _WORD.findall(" ".join(tokens[lead : lead + k]).casefold()))
            if is_proper(nxt, 1, lex) and not (
                plain_vendor and all(lex.is_plain(w) for w in _WORD.findall(nxt.casefold()))
            ):
                counts[" ".join(tokens[: lead + k]).casefold()] += 1
        for k in range(min(6, len(tokens) - 1), 1, -1):
            if tokens[k - 1].casefold() in CORPORATE_WORDS and all(is_proper(t, 1, lex) for t in tokens[:k]):
                corporate.add(" ".join(tokens[:k]).casefold())
                break
        first = tokens[0]
        if len(tokens) > 1 and _COMPANY_WORD.search(first) and not lex.is_plain(first) and is_proper(tokens[1], 1, lex):
            corporate.add(first.casefold())
    vendors = {
        p for p, n in counts.items() if n >= VENDOR_MIN_PRODUCTS or (n >= 2 and " " not in p and not lex.is_plain(p))
    }
    vendors |= corporate
    strong = {p for p, n in counts.items() if n >= STRONG_VENDOR_MIN_PRODUCTS and " " not in p}
    strong |= {short.casefold() for long, short in VENDOR_ABBREVIATIONS.items() if long.casefold() in strong}
    return frozenset(vendors), frozenset(strong)


def company_names(vendors: Iterable[str]) -> frozenset[str]:
    """Vendor prefixes and the names of the companies among them without their corporate words ("cisco"
    from "cisco systems"): names of companies, not skills."""
    out = set(vendors)
    for v in vendors:
        tokens = v.split()
        while len(tokens) > 1 and tokens[-1] in CORPORATE_WORDS:
            tokens.pop()
        out.add(" ".join(tokens))
    return frozenset(out)


def vendor_stripped(name: str, lex: Lexicon) -> list[str]:
    """Forms of ``name`` without a leading vendor prefix, longest remainder first, and with the vendor's
    usual short form ("Microsoft Visio" -> "Visio", "MS Visio"). O*NET writes commercial products as
    "<vendor> <product>", so of two words that are both names the first is the vendor ("Cytel StatXact")."""
    tokens = name.split()
    # a one-word vendor that is an English word is one only before a name ("Sage ACT!"): "American Medical
    # Association CodeManager" is not an American product
    cuts = [
        k
        for k in range(1, len(tokens))
        if " ".join(tokens[:k]).casefold() in lex.vendors
        and not (
            k == 1
            and tokens[0].casefold() not in lex.strong_vendors
            and lex.is_plain(tokens[0])
            and lex.is_plain(tokens[1])
            and not any(c.isupper() for c in tokens[1][1:])
        )
    ]
    # after the longest vendor prefix; after a shorter one only if what remains starts with a name and holds no
    # company ("IBM Rational ClearCase" -> "ClearCase", not "Robotics iRVision" from "FANUC Robotics iRVision")
    out = [
        " ".join(tokens[k:])
        for k in sorted(cuts, reverse=True)
        if tokens[k].casefold() not in CORPORATE_WORDS
        and (
            k == max(cuts)
            or (not lex.is_plain(tokens[k]) and not any(t.casefold() in CORPORATE_WORDS for t in tokens[k:]))
        )
    ]
    if len(tokens) == 2 and all(is_proper(t, 1, lex) and not lex.is_plain(t) for t in tokens) and tokens[1] not in out:
        out.append(tokens[1])
    out += [
        f"{short} {name[len(long) + 1 :]}"
        for long, short in VENDOR_ABBREVIATIONS.items()
        if name.startswith(long + " ")
    ]
    return out


def infer_category(text: str, default: str = DEFAULT_CATEGORY) -> str:
    return next((cat for cat, rx in KEYWORD_CATEGORIES if rx.search(text)), default)


# ------------------------------------------------------------------------------------------------ candidates
@dataclass
class Candidate:
    """A skill proposed by one source entry, before merging and collision checks."""

    source: str
    name: str
    category: str
    aliases: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    important: bool = False  # widely used: English-word and short surfaces may be kept case-sensitively
    weight: int = 0  # popularity within its source, for ordering
    parents: list[str] = field(default_factory=list)  # surfaces of possible parent skills, best first
    context: list[str] = field(default_factory=list)  # extra confirming words for ambiguous surfaces


def read_onet(path: Path) -> list[dict[str, object]]:
    """Technology Skills.txt -> one row per distinct example: main commodity title, number of occupations,
    whether a computer or mathematical occupation (SOC 15-) lists it, hot or in-demand."""
    occupations: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    hot: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            ex = row["Example"].strip()
            occupations[ex].add(row["O*NET-SOC Code"])
            titles[ex][row["Commodity Title"]] += 1
            if row.get("Hot Technology") == "Y" or row.get("In Demand") == "Y":
                hot.add(ex)
    return [
        {
            "example": ex,
            "title": min(titles[ex].items(), key=lambda kv: (-kv[1], kv[0]))[0],
            "occupations": len(occupations[ex]),
            "computing": any(code.startswith("15-") for code in occupations[ex]),
            "hot": ex in hot,
        }
        for ex in sorted(occupations)
    ]


def onet_relevant(row: dict[str, object]) -> bool:
    """Hot or in demand, widely used (ONET_WIDE_OCCUPATIONS occupations or more), used in a computer or
    mathematical occupation, or a product of a general-purpose software class (``ONET_SOFTWARE_CLASSES``); the
    rest are applications of one or two trades (a dental office suite, a fencing estimator)."""
    return (
        bool(row["hot"])
        or int(str(row["occupations"])) >= ONET_WIDE_OCCUPATIONS
        or bool(row["computing"])
        or str(row["title"]) in ONET_SOFTWARE_CLASSES
    )


#: the long tail: a product of one or two trades is imported only when its name has a word no text writes by
#: chance, with an inner capital or letters and digits ("TestComplete", "LogiXML", "EM7"); its surfaces then
#: pass the same precision policy as every other
_LONG_TAIL = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*|\b[A-Za-z]+\d\w*")


def onet_category(title: str, name: str, tail: str, languages: set[str]) -> str | None:
    if name.casefold() in languages or re.search(r"\blanguage\b", tail):
        return "language"
    return COMMODITY_CATEGORY.get(title, DEFAULT_CATEGORY)


def _parent_name(prefix: str, lex: Lexicon) -> bool:
    """Can this start of a product name stand for a parent skill? It must be specific, and one word must be a
    name that is neither a vendor nor an acronym ("Jupyter" of "Jupyter Notebook"; not "Oracle", "CSS" of a
    vendor's "CSS CLS-2000", or "Mentor" of "Mentor Graphics ...")."""
    if surface_kind(prefix, lex) != "specific":
        return False
    return " " in prefix or not (prefix.casefold() in lex.vendors or all_caps(prefix))


def onet_candidates(rows: list[dict[str, object]], lex: Lexicon, languages: set[str]) -> list[Candidate]:
    out = []
    for row in rows:
        relevant = onet_relevant(row)
        if not relevant and not _LONG_TAIL.search(str(row["example"])):
            continue
        parsed = parse_onet_name(str(row["example"]), lex)
        if parsed is None:
            continue  # a kind of software
        category = onet_category(str(row["title"]), parsed.name, parsed.tail, languages)
        if category is None:
            continue
        forms: list[str] = []
        for form in [parsed.name, *parsed.aliases]:
            forms += [form, *vendor_stripped(form, lex)]
        # a second brand before the product ("AutomatedQA TestComplete" once "SmartBear Software" is stripped):
        # the product's own word, written with an inner capital, is kept (as ``product_word``)
        forms += [
            t[1]
            for f in list(forms)
            if len(t := f.split()) == 2
            and is_proper(t[0], 1, lex)
            and t[1].isalpha()
            and len(t[1]) >= 5
            and not t[1].isupper()
            and any(c.isupper() for c in t[1][1:])
        ]
        forms += [b for f in list(forms) for b in base_forms(f)]
        if not relevant:  # the long tail keeps only the forms that hold its distinctive word
            forms = [f for f in forms if _LONG_TAIL.search(f)]
            if parsed.name not in forms:
                continue
        tokens = parsed.name.split()
        occupations = int(str(row["occupations"]))
        out.append(
            Candidate(
                source="onet",
                name=parsed.name,
                category=category,
                aliases=[a for a in dict.fromkeys(forms) if a != parsed.name],
                expansions=parsed.expansions if relevant else [],
                important=bool(row["hot"]) or occupations >= ONET_WIDE_OCCUPATIONS,
                weight=occupations,
                # a product implies the skill its name extends ("Apache Hadoop YARN" -> Apache Hadoop), but
                # not a bare vendor ("Oracle Hyperion Planning" is no evidence of Oracle Database)
                parents=[p for k in range(len(tokens) - 1, 0, -1) if _parent_name(p := " ".join(tokens[:k]), lex)],
                context=sorted(
                    {
                        w
                        for v in lex.vendors
                        if parsed.name.casefold().startswith(v + " ")
                        for w in _WORD.findall(v)
                        if len(w) >= 3 and w not in CORPORATE_WORDS
                    }
                ),
            )
        )
    return out


def _slug_words(slug_text: str, display: str) -> str:
    """A topic slug as words, cased like the display name where the words agree ('google-cloud-platform')."""
    casing = {w.casefold(): w for w in re.split(r"[\s\-]+", display)}
    return " ".join(casing.get(w, w) for w in slug_text.split("-"))


def _wikipedia_title(url: str | None, name: str) -> tuple[str | None, str]:
    """The article title if it is the display name with its vendor ('Apache Cordova' for 'Cordova') or what an
    acronym name stands for ('Constrained Application Protocol' for 'CoAP'); and the title's qualifier."""
    if not url:
        return None, ""
    title = urllib.parse.unquote(url.rsplit("/", 1)[-1]).split("#")[0].replace("_", " ")
    qualifier = " ".join(m.group(1) for m in _PAREN.finditer(title))
    title = _PAREN.sub("", title).strip()
    tokens = title.split()
    if compact_key(title) == compact_key(name) or len(tokens) < 2:
        return None, qualifier
    if title.casefold().endswith(" " + name.casefold()) or (is_acronym_token(name) and acronym_matches(name, tokens)):
        return title, qualifier
    return None, qualifier


def _named_thing(name: str) -> bool:
    """Written as a name: every word capitalised, with an acronym, inner capital or digit somewhere
    ("RISC-V", "WebRTC", "Quantum Field Theory") - not a lower-case or one-word concept ("Emulator")."""
    words = [w for w in name.split() if w.casefold() not in CONNECTORS]
    if not all(w[:1].isupper() or any(c.isupper() for c in w) for w in words):
        return False
    return len(words) > 1 or any(c.isupper() or c.isdigit() for c in name[1:])


def _same_thing(alias: str, name: str, lex: Lexicon) -> bool:
    """A topic alias names the topic itself when it differs from the name (not a spacing variant) and any
    words it adds to the name are qualifiers or names ("Kivy framework", "laravel Livewire"), not other things
    around it ("YouTube channel", "Mongoose model", "IRC chat")."""
    if compact_key(alias) == compact_key(name):
        return False
    name_words = {w.casefold() for w in name.split()}
    extra = [w for w in alias.split() if w.casefold() not in name_words]
    if len(extra) == len(alias.split()):
        return True  # a synonym ("k8s", "weixin")
    return all(w.casefold() in NAME_QUALIFIERS or not lex.is_plain(w) for w in extra)


_BRACKETED = re.compile(r"((?:[\w.+-]+\s+){1,8})\(([^()]{2,80})\)")


def description_aliases(name: str, text: str) -> list[str]:
    """Acronyms and their expansions a description gives for the name: "Hypertext Transfer Protocol (HTTP)",
    "BOINC (Berkeley Open Infrastructure for Network Computing)"."""
    out = []
    for m in _BRACKETED.finditer(text):
        before, inside = m.group(1).split(), m.group(2).strip()
        if " " not in inside and is_acronym_token(inside):  # expansion (ACRONYM)
            acr = find_acronym([*before, inside])
            if acr and acr.index == len(before):
                pair = (" ".join(before[acr.start :]), inside)
            else:
                continue
        elif before and is_acronym_token(before[-1]):  # ACRONYM (expansion)
            words = [w for w in inside.split() if w.casefold() != "the"]
            acr = find_acronym([*words, before[-1]])
            if not (acr and acr.start == 0):
                continue
            pair = (" ".join(words), before[-1])
        else:
            continue
        keys = {compact_key(x) for x in pair}
        if compact_key(name) in keys:
            out += [x for x in pair if compact_key(x) != compact_key(name)]
    return out


def github_candidates(path: Path, lex: Lexicon) -> list[Candidate]:
    topics = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    display = {t["topic"]: (t.get("display_name") or t["topic"]).strip() for t in topics}
    out = []
    for t in sorted(topics, key=lambda t: t["topic"]):
        desc = t.get("short_description") or ""
        if not _TECH.search(desc) or _NOT_TECH.search(desc):
            continue
        raw = display[t["topic"]]
        name = _PAREN.sub("", raw).strip()
        product = bool(t.get("github_url"))  # an open-source project; otherwise a concept
        if not name or not (product or _named_thing(name)):
            continue  # a concept named by ordinary words ("Emulator", "todo list", "frontend developer")
        # "Internationalization (i18n)" -> the bracketed short form is an alias
        aliases = [m.group(1).strip() for m in _PAREN.finditer(raw) if m.group(1).strip()]
        aliases += [
            form
            for a in t.get("aliases") or []
            if not _SLUG_JUNK.search(a) and _same_thing(form := _slug_words(a, name), name, lex)
        ]
        title, qualifier = _wikipedia_title(t.get("wikipedia_url"), name)
        aliases += [title] if title else []
        aliases += description_aliases(name, f"{desc} {(t.get('body') or '')[:400]}")
        related = t.get("related") or []
        out.append(
            Candidate(
                source="github",
                name=name,
                category=infer_category(f"{qualifier} {desc}"),
                aliases=aliases,
                important=product,
                weight=len(related),
                parents=[
                    display[r]
                    for r in related
                    if r in display and name.casefold().startswith(display[r].casefold() + " ")
                ],
                context=sorted({w for r in related[:6] if (w := r.replace("-", "")).isalpha() and not lex.english(w)}),
            )
        )
    return out


def linguist_candidates(languages_path: Path, popular_path: Path, known_elsewhere: set[str]) -> list[Candidate]:
    """Programming languages (markup and data formats only when popular or known to another source); dialects
    and file flavours are skipped. Linguist aliases are mostly file-oriented ('rs', 'node'): only those
    written as words ('HashiCorp Configuration Language') or ending in 'lang' are kept."""
    data = yaml.safe_load(languages_path.read_text(encoding="utf-8"))
    popular = set(yaml.safe_load(popular_path.read_text(encoding="utf-8")) or [])
    out = []
    for name in sorted(data):
        info = data[name] or {}
        kind, group = info.get("type"), info.get("group")
        listed = name in popular or name.casefold() in known_elsewhere
        if kind not in ("programming", "markup", "data") or (kind != "programming" and not listed):
            continue
        if (group and group != name and not listed) or (_LINGUIST_FILEISH.search(name) and name not in popular):
            continue
        aliases = [
            a
            for a in info.get("aliases") or []
            if (" " in a or any(c.isupper() for c in a) or a.endswith("lang")) and compact_key(a) != compact_key(name)
        ]
        out.append(
            Candidate(
                source="linguist",
                name=name,
                category="language" if kind == "programming" else infer_category(name, "web"),
                aliases=aliases,
                important=listed,
                weight=2 if name in popular else int(listed),
                parents=[group] if group and group != name else [],
                context=["programming", "language"],
            )
        )
    return out


def esco_candidates(path: Path) -> list[Candidate]:
    """ESCO v1.1.1 ICT knowledge (K0611-K0613) named by a proper name ("Apache Maven", "Wireshark"); concepts
    in sentence case ("ICT network routing", "data warehouse") are the curated file's business."""
    entries: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"pref": [], "alt": [], "codes": []})
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            entry = entries[row["id"]]
            if row["type"] == "preferredLabel":
                entry["pref"].append(row["description"].strip())
                levels = ast.literal_eval(row["hierarchy_levels"]) if row["hierarchy_levels"] else []
                entry["codes"] = sorted({c for level in levels for c in level if c})
            elif row["type"] == "altLabels":
                entry["alt"].append(row["description"].strip())
    out = []
    for entry in sorted(entries.values(), key=lambda e: (e["pref"] or [""])[0]):
        if not entry["pref"] or not {"K0611", "K0612", "K0613"} & set(entry["codes"]):
            continue
        label = entry["pref"][0]
        name = _PAREN.sub("", label).strip()
        tokens = name.split()
        if not name[:1].isupper() or (len(tokens) > 1 and all(t.islower() for t in tokens[1:])):
            continue
        qualifier = " ".join(m.group(1) for m in _PAREN.finditer(label))
        aliases = [
            _PAREN.sub("", a).strip()
            for a in sorted(set(entry["alt"]))
            if "’" not in a and "?" not in a and len(a) <= 60
        ]
        out.append(
            Candidate(
                source="esco",
                name=name,
                category=infer_category(f"{qualifier} {label}"),
                aliases=[a for a in aliases if a],
                important=True,
                weight=1,
            )
        )
    return out


# ------------------------------------------------------------------------------------------------ merging
@dataclass
class Group:
    """Candidates naming one thing, with the surfaces that survived the precision policy (name first)."""

    members: list[Candidate]
    surfaces: list[str]
    ambiguous: set[str]

    @property
    def primary(self) -> Candidate:
        return self.members[0]

    @property
    def important(self) -> bool:
        return any(m.important for m in self.members)


def _rank(c: Candidate) -> tuple[int, int, int, str]:
    return (SOURCE_PRIORITY[c.source], 0 if c.important else 1, -c.weight, c.name.casefold())


def merge_candidates(cands: list[Candidate], lex: Lexicon) -> list[list[Candidate]]:
    """Union candidates whose name equals (compact key) a specific name or alias of another, or whose names
    are the same acronym. English words and acronym aliases are no evidence of identity ("Fluent" the language
    vs Ansys Fluent; AMS of three products)."""
    parent = list(range(len(cands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if surface_kind(c.name, lex) == "specific" and not all_caps(c.name):
            by_name[compact_key(c.name)].append(i)
    for i, c in enumerate(cands):
        for s in [c.name, *c.aliases]:
            if surface_kind(s, lex) == "specific" and not all_caps(s):
                for j in by_name.get(compact_key(s), []):
                    parent[find(i)] = find(j)
    # two sources that both *name* a thing by the same acronym mean the same thing ("AMPL")
    by_acronym: dict[str, int] = {}
    for i, c in enumerate(cands):
        if all_caps(c.name):
            parent[find(i)] = find(by_acronym.setdefault(c.name, i))
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for i, c in enumerate(cands):
        groups[find(i)].append(c)
    return [sorted(g, key=_rank) for g in sorted(groups.values(), key=lambda g: min(map(_rank, g)))]


def product_word(surface: str, member: Candidate, lex: Lexicon) -> bool:
    """A product's own one-word name written with an inner capital, stripped of its vendor, that the precision
    policy reads as English only because it runs two words together ("ColdFusion" of "Adobe ColdFusion",
    "TestComplete", "QuickBooks", "PeopleSoft"): people write the product so, and written as listed
    (case-sensitive, with context) it is the product, not "cold fusion" or "quick books"."""
    return (
        member.source == "onet"
        and surface != member.name
        and " " not in surface
        and surface.isalpha()
        and surface[:1].isupper()
        and any(c.isupper() for c in surface[1:])
        and not surface.isupper()
        and len(surface) >= 5
        and not lex.english(surface.casefold())
        and surface.casefold() not in lex.vendors
    )


def keep_ambiguous(surface: str, kind: str, member: Candidate, lex: Lexicon) -> bool:
    """May a non-specific surface be kept as a case-sensitive ambiguity surface? Only what a widely used
    source entry is called, an acronym, or a product's own one-word name (``product_word``); never a lower-case
    word, one letter, or a word so common that case and context cannot tell it from prose ("Less", "Web",
    "Matter")."""
    if product_word(surface, member, lex):
        return True
    if not member.important or surface.islower() or not surface[:1].isalnum():
        return False
    if surface != member.name and not all_caps(surface):
        return False  # a derived English form ("Learn" from "Blackboard Learn")
    if kind == "short" and len(_letters(surface)) < 2 and not any(c in "+#" for c in surface):
        return False
    # one word that is very common cannot be told apart even written as listed, least of all in capitals
    # ("Red", "CASE", "ETC" in a heading)
    return " " in surface or not lex.is_common(_letters(surface))


def classify_group(members: list[Candidate], lex: Lexicon) -> Group | None:
    kept: list[str] = []
    ambiguous: set[str] = set()
    seen: set[str] = set()
    seen_compact: set[str] = set()
    for m in members:
        forms = [(s, False) for s in [m.name, *m.aliases]] + [(s, True) for s in m.expansions]
        for raw, is_expansion in forms:
            s = " ".join(raw.split()).strip(".,;:")
            if not s or s.casefold() in seen or len(s) > 120:
                continue
            kind = surface_kind(s, lex, is_expansion=is_expansion)
            if kind == "junk":
                continue
            if kind != "specific":
                if not keep_ambiguous(s, kind, m, lex):
                    continue
                ambiguous.add(s)
            elif compact_key(s) in seen_compact:
                continue  # a spacing/punctuation variant of a kept surface: the matcher finds it anyway
            seen.add(s.casefold())
            seen_compact.add(compact_key(s))
            kept.append(s)
    # the skill is named as a source names it; failing that, by an acronym of an O*NET name ("AVTS"); an
    # alias alone ("vlang" once "V" is dropped, "Disambiguation") does not make a skill
    name = next((m.name for m in members if m.name in kept), None)
    name = name or next((s for s in kept if all_caps(s) and s not in ambiguous and members[0].source == "onet"), None)
    if name is None:
        return None
    return Group(members=members, surfaces=[name, *(s for s in kept if s != name)], ambiguous=ambiguous)


@dataclass(frozen=True)
class Curated:
    ids: frozenset[str]
    surfaces: dict[str, str]  # case-folded surface -> id
    compact: frozenset[str]


def read_curated(path: Path, certifications: Path | None = None) -> Curated:
    """The curated skills' ids and surfaces; certification names, aliases and exam codes are reserved too (a
    skill must not shadow a certification)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    surfaces = {x.casefold(): s["id"] for s in data["skills"] for x in [s["name"], *s.get("aliases", [])]}
    if certifications is not None and certifications.exists():
        certs = yaml.safe_load(certifications.read_text(encoding="utf-8"))["certifications"]
        for c in certs:
            for x in [c["name"], *c.get("aliases", []), *c.get("exam_codes", [])]:
                surfaces.setdefault(x.casefold(), f"certification:{c['id']}")
    compact = frozenset(ck for x in surfaces if len(ck := compact_key(x)) >= 4)
    return Curated(frozenset(s["id"] for s in data["skills"]), surfaces, compact)


def collides(surface: str, curated: Curated) -> bool:
    return surface.casefold() in curated.surfaces or compact_key(surface) in curated.compact


def _owner_key(surface: str) -> str:
    ck = compact_key(surface)
    return ck if len(ck) >= 4 else surface.casefold()


def _all_surfaces(g: Group) -> list[str]:
    return [*g.surfaces, *(s for m in g.members for s in (m.name, *m.aliases, *m.expansions))]


def resolve(groups: list[Group], curated: Curated) -> list[Group]:
    """Skip groups sharing any surface with the curated file, including the forms the precision policy dropped
    (it already has the skill: "R" of Linguist is curated even though its "Rscript" alias is not; "Sun
    Microsystems Java" is Java). Between generated
    groups, a shared surface stays with the first group it names and is dropped from the others (an acronym
    of two products names neither); a group that loses its name is skipped."""
    groups = [g for g in groups if not any(collides(s, curated) for s in _all_surfaces(g))]
    owners: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(groups):
        for s in g.surfaces:
            owners[_owner_key(s)].append(gi)
    out = []
    for gi, g in enumerate(groups):
        keep = []
        for s in g.surfaces:
            holders = owners[_owner_key(s)]
            named_by = [o for o in holders if _owner_key(groups[o].surfaces[0]) == _owner_key(s)]
            if holders == [gi] or (named_by and named_by[0] == gi):
                keep.append(s)
        if keep and keep[0] == g.surfaces[0]:
            out.append(Group(g.members, keep, g.ambiguous & set(keep)))
    return out


# ------------------------------------------------------------------------------------------------ output model
@dataclass
class Generated:
    """A skill as written to the YAML file."""

    id: str
    name: str
    category: str
    source: str
    aliases: list[str]
    ambiguous: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    reject_prev: list[str] = field(default_factory=list)
    reject_next: list[str] = field(default_factory=list)
    implies: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _ambiguity_words(g: Group, lex: Lexicon) -> tuple[list[str], list[str], list[str]]:
    """Context words (category words, vendor and related-topic words, the other surfaces' distinctive words)
    and, for a one-word English name, the determiners and function words that veto it."""
    words = [*CATEGORY_CONTEXT.get(g.primary.category, ()), *COMMON_CONTEXT]
    for m in g.members:
        words += m.context
    for s in g.surfaces:
        if s not in g.ambiguous:
            words += [w for w in _WORD.findall(s.casefold()) if len(w) >= 3 and not lex.english(w)]
    context = list(dict.fromkeys(w for w in words if w.isascii()))[:MAX_CONTEXT_WORDS]
    english_word = any(" " not in s and not all_caps(s) for s in g.ambiguous)
    return context, list(DETERMINERS) if english_word else [], list(FUNCTION_WORDS) if english_word else []


def to_generated(groups: list[Group], curated: Curated, lex: Lexicon) -> list[Generated]:
    used = set(curated.ids)
    ids = []
    for g in groups:
        base = slug(g.surfaces[0])
        sid, n = base, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        ids.append(sid)
    surface_to_id = {k: v for k, v in curated.surfaces.items() if not v.startswith("certification:")}
    for g, sid in zip(groups, ids, strict=True):
        for s in g.surfaces:
            surface_to_id.setdefault(s.casefold(), sid)
    out = []
    edges: dict[str, list[str]] = {}
    for g, sid in zip(groups, ids, strict=True):
        implies: list[str] = []
        for m in g.members:
            target = next((surface_to_id.get(p.casefold()) for p in m.parents if p.casefold() in surface_to_id), None)
            if target and target != sid and target not in implies and not _reaches(edges, target, sid):
                implies.append(target)
        edges[sid] = implies
        context, reject_prev, reject_next = _ambiguity_words(g, lex) if g.ambiguous else ([], [], [])
        name = g.surfaces[0]
        out.append(
            Generated(
                id=sid,
                name=name,
                category=g.primary.category,
                source=g.primary.source,
                aliases=g.surfaces[1:],
                ambiguous=[s for s in g.surfaces if s in g.ambiguous],
                context=context,
                reject_prev=reject_prev,
                reject_next=reject_next,
                implies=implies,
                # typos are worth catching only for widely used names of 6+ letters that are not English
                fuzzy=g.important
                and not g.ambiguous
                and len(_letters(name)) >= 6
                and not all(lex.is_plain(w) for w in _WORD.findall(name.casefold())),
            )
        )
    return out


def _reaches(edges: dict[str, list[str]], start: str, goal: str) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, []))
    return False


# ------------------------------------------------------------------------------------------------ pipeline
@dataclass(frozen=True)
class Sources:
    root: Path

    @property
    def onet(self) -> Path:
        return self.root / "onet" / "Technology Skills.txt"

    @property
    def topics(self) -> Path:
        return self.root / "github-explore" / "topics.jsonl"

    @property
    def languages(self) -> Path:
        return self.root / "linguist" / "languages.yml"

    @property
    def popular(self) -> Path:
        return self.root / "linguist" / "popular.yml"

    @property
    def esco(self) -> Path:
        return self.root / "esco" / "esco_v_1_1_1_data_formatted.csv"


def build(sources: Sources, core: Path, words: Lexicon, categories: set[str]) -> list[Generated]:
    """All generated skills, sorted by category and name. ``words`` gives the English tests; vendors are
    learnt here from the O*NET names."""
    rows = read_onet(sources.onet)
    names = [p.name for r in rows if (p := parse_onet_name(str(r["example"]), words))]
    vendors, strong = vendor_prefixes(names, words)
    lex = Lexicon(english=words.english, common=words.common, vendors=vendors, strong_vendors=strong)
    ling = yaml.safe_load(sources.languages.read_text(encoding="utf-8"))
    programming = {k.casefold() for k, v in ling.items() if (v or {}).get("type") == "programming"}
    github = github_candidates(sources.topics, lex)
    onet = onet_candidates(rows, lex, programming)
    linguist = linguist_candidates(sources.languages, sources.popular, {c.name.casefold() for c in [*github, *onet]})
    cands = [*linguist, *github, *esco_candidates(sources.esco), *onet]
    companies = company_names(vendors)
    cands = [c for c in cands if c.name.casefold() not in companies]
    groups = [g for members in merge_candidates(cands, lex) if (g := classify_group(members, lex))]
    curated = read_curated(core, core.parent.parent / "certifications.yaml")
    groups = sorted(
        resolve(groups, curated), key=lambda g: (g.primary.category, g.surfaces[0].casefold(), g.surfaces[0])
    )
    skills = to_generated(groups, curated, lex)
    unknown = {s.category for s in skills} - categories
    if unknown:
        raise SystemExit(f"build_taxonomy: categories {sorted(unknown)} are not in categories.yaml")
    return skills


# ------------------------------------------------------------------------------------------------ output
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._+/-]*[A-Za-z0-9+.]|[A-Za-z]")
_YAML_WORDS = _wordset("y n yes no on off true false null")


def yaml_scalar(text: str) -> str:
    """A YAML flow scalar: plain when unambiguous, else double-quoted (JSON escaping is valid YAML)."""
    if _PLAIN.fullmatch(text) and text.casefold() not in _YAML_WORDS and "  " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


HEADER = """\
# GENERATED by tools/build_taxonomy.py - do not edit: change the generator, or core.yaml (which takes
# precedence), and re-run it. Facts (names, aliases, categories) derived from O*NET 29.2 Technology Skills
# (CC BY 4.0), GitHub Explore topics (CC BY 4.0), GitHub Linguist (MIT) and ESCO v1.1.1 (EU reuse notice),
# modified as described in tools/README.md; see ../ATTRIBUTION.md.
schema_version: 1
skills:
"""


class _Anchors:
    """Word lists that repeat (category context, determiners) are written once with an anchor and then as
    aliases: the file stays readable and is much faster to parse."""

    def __init__(self, skills: list[Generated]) -> None:
        counts = Counter(_flow(x) for s in skills for x in (s.context, s.reject_prev, s.reject_next) if x)
        self.names = {text: f"w{i}" for i, text in enumerate(t for t, n in counts.items() if n > 1)}
        self.written: set[str] = set()

    def __call__(self, items: list[str]) -> str:
        text = _flow(items)
        name = self.names.get(text)
        if name is None:
            return text
        if name in self.written:
            return f"*{name} "
        self.written.add(name)
        return f"&{name} {text}"


def render(skills: list[Generated]) -> str:
    lines = []
    words = _Anchors(skills)
    for s in skills:
        parts = [f"id: {yaml_scalar(s.id)}", f"name: {yaml_scalar(s.name)}", f"category: {s.category}"]
        if s.aliases:
            parts.append(f"aliases: {_flow(s.aliases)}")
        if s.implies:
            parts.append(f"implies: {_flow(s.implies)}")
        if s.ambiguous:
            rule = [f"surfaces: {_flow(s.ambiguous)}", "case_sensitive: true", f"context: {words(s.context)}"]
            rule += [f"reject_prev: {words(s.reject_prev)}"] if s.reject_prev else []
            rule += [f"reject_next: {words(s.reject_next)}"] if s.reject_next else []
            parts.append("ambiguity: {" + ", ".join(rule) + "}")
        if not s.fuzzy:
            parts.append("fuzzy: false")
        parts.append(f"source: {s.source}")
        lines.append("  - {" + ", ".join(parts) + "}\n")
    text = HEADER + "".join(lines)
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for s, d in zip(skills, data["skills"], strict=True):
        amb = d.get("ambiguity") or {}
        if (d["id"], d["name"], d.get("aliases", []), amb.get("context", [])) != (s.id, s.name, s.aliases, s.context):
            raise SystemExit(f"build_taxonomy: the YAML round trip changed {s.id!r}: {d}")
    return text


def summary(skills: list[Generated]) -> str:
    return (
        f"{len(skills)} skills, {sum(len(s.aliases) for s in skills)} aliases, "
        f"{sum(len(s.implies) for s in skills)} implies edges, "
        f"{sum(1 for s in skills if s.ambiguous)} ambiguity rules\n"
        f"  by source: {dict(sorted(Counter(s.source for s in skills).items()))}\n"
        f"  by category: {dict(sorted(Counter(s.category for s in skills).items()))}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--sources", type=Path, required=True, help="the taxonomy-sources directory")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--core", type=Path, default=DEFAULT_CORE, help="curated skills file that takes precedence")
    ap.add_argument("--categories", type=Path, default=DEFAULT_CATEGORIES)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if --out is out of date")
    args = ap.parse_args(argv)
    cats = {c["id"] for c in yaml.safe_load(args.categories.read_text(encoding="utf-8"))["categories"]}
    words = Lexicon(english=wordfreq_english(ENGLISH_ZIPF), common=wordfreq_english(COMMON_ZIPF))
    skills = build(Sources(args.sources), args.core, words, cats)
    text = render(skills)
    if args.check:
        if (args.out.read_text(encoding="utf-8") if args.out.exists() else "") != text:
            print(f"{args.out} is out of date: re-run tools/build_taxonomy.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {summary(skills)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
