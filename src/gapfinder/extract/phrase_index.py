"""The compiled form of the taxonomy's surface forms: one spaCy PhraseMatcher plus lookup tables.

Built once per engine. Every skill and certification surface (name, aliases, exam codes) becomes a
phrase pattern over lower-cased tokens; the case-sensitive ones (declared ambiguous, exam codes, and any
surface of one or two characters) are re-checked against the original casing after matching.
Two more tables serve near misses:

* ``compact``: surface with case, spaces and punctuation removed -> entry ("scikit learn" and
  "Scikit-Learn" both give ``scikitlearn``), for spacing/punctuation variants;
* ``fuzzy_buckets``: compact keys of fuzzy-eligible surfaces grouped by first letter, for rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.attrs import LOWER, ORTH
from spacy.lang.en import English, EnglishDefaults
from spacy.lang.tokenizer_exceptions import URL_PATTERN
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ..taxonomy import Taxonomy
from ..taxonomy.schema import Ambiguity

EntryKind = Literal["skill", "cert"]

_SYMBOL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*[#+]+")
_COMPACT_DROP = re.compile(r"[\s\-_.'/()]+")


def compact_key(surface: str) -> str:
    """Case-, space- and punctuation-insensitive key ('Scikit-Learn' -> 'scikitlearn')."""
    return _COMPACT_DROP.sub("", surface.casefold())


@dataclass(frozen=True, slots=True)
class Surface:
    """One surface form of a skill or certification."""

    kind: EntryKind
    id: str
    text: str
    is_name: bool
    case_sensitive: bool
    ambiguity: Ambiguity | None
    category: str = ""
    #: ids of the taxonomy's sense checks that apply to this surface (``PhraseIndex.senses``)
    senses: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Surface], tuple[Any, ...]]:
        # pickled as a constructor call: several times faster to load than the dataclass default
        return Surface, (
            self.kind,
            self.id,
            self.text,
            self.is_name,
            self.case_sensitive,
            self.ambiguity,
            self.category,
            self.senses,
        )


@dataclass(frozen=True, slots=True)
class SenseCue:
    """A compiled ``taxonomy.schema.SenseCue``: word lists as frozen sets."""

    always: bool
    prev: frozenset[str]
    next: frozenset[str]
    within: int
    near: frozenset[str]
    other_next: frozenset[str] | None
    capitalised_next: bool
    capitalised_prev: bool
    joined: bool


@dataclass(frozen=True, slots=True)
class SenseCheck:
    """A compiled ``taxonomy.schema.Sense``."""

    id: str
    cues: tuple[SenseCue, ...]
    unless_near: frozenset[str]
    #: when every cue needs one of its ``next`` words: all of them, and how far they look (a cheap first test)
    gate: frozenset[str] | None = None
    gate_within: int = 1


SenseTarget = tuple[str, "re.Pattern[str] | None", bool]


def compile_senses(tax: Taxonomy) -> tuple[dict[str, SenseCheck], dict[str, list[SenseTarget]]]:
    """The taxonomy's sense checks, and for each skill id the checks that apply to it: (check id, the pattern
    a surface must match for it to apply, whether it applies to ambiguous surfaces only)."""
    checks: dict[str, SenseCheck] = {}
    by_skill: dict[str, list[SenseTarget]] = {}
    for sense in tax.senses.values():
        gated = all(c.next for c in sense.cues)
        checks[sense.id] = SenseCheck(
            sense.id,
            tuple(
                SenseCue(
                    c.always,
                    frozenset(c.prev),
                    frozenset(c.next),
                    c.within,
                    frozenset(c.near),
                    None if c.other_next is None else frozenset(c.other_next),
                    c.capitalised_next,
                    c.capitalised_prev,
                    c.joined,
                )
                for c in sense.cues
            ),
            frozenset(sense.unless_near),
            frozenset(w for c in sense.cues for w in c.next) if gated else None,
            max(c.within for c in sense.cues),
        )
        pattern = re.compile(sense.surfaces) if sense.surfaces else None
        targets = set(sense.skills) | {s.id for s in tax.skills.values() if s.category in sense.categories}
        for sid in targets or tax.skills:
            by_skill.setdefault(sid, []).append((sense.id, pattern, sense.ambiguous_only))
    return checks, by_skill


@dataclass
class PhraseIndex:
    nlp: Language
    #: every surface's tokens under one match key (``MATCH_KEY``): a key per skill would make spaCy create
    #: a lexeme per skill id when the engine is built (~35 ms of a cold start)
    matcher: PhraseMatcher
    #: label (skill or certification id) -> surfaces sharing it, keyed by their lower-cased tokens joined by
    #: one space
    surfaces: dict[str, dict[str, Surface]]
    #: lower-cased tokens joined by one space -> the labels with a surface written so, in taxonomy order
    labels_of: dict[str, tuple[str, ...]]
    compact: dict[str, Surface]
    #: every prefix of every compact key (variant windows stop growing when they leave this set)
    prefixes: set[str]
    fuzzy_buckets: dict[str, dict[str, Surface]]
    fuzzy_cache: dict[str, tuple[Surface, float] | None] = field(default_factory=dict)
    #: word type (spaCy orth id) -> what the variant/fuzzy pass needs of it (``doc_view.Lex``)
    lex_cache: dict[int, Any] = field(default_factory=dict)
    #: whitespace-separated chunk -> its tokens (``extract.tokenize``)
    chunk_tokens: dict[str, Any] = field(default_factory=dict)
    #: sense check id -> the check (``Surface.senses`` names them)
    senses: dict[str, SenseCheck] = field(default_factory=dict)
    #: skill id -> the skills it implies, transitively (only skills that imply some)
    implies: dict[str, frozenset[str]] = field(default_factory=dict)


#: spaCy's web-address pattern, except for a chunk that starts with a JavaScript library's name: there is no
#: ".js" domain, so "Node.js/JavaScript" is two names joined by a slash, not a host and a path
_URL = re.compile(r"(?u)^(?![\w-]+\.js(?:/|$))" + URL_PATTERN.removeprefix("^"))
#: its "user:password@" part backtracks over every ":" of the string (quadratic on "a:a:a:..."): without an
#: "@" the same pattern without that part, and with one only up to a length no real address reaches
_USER_INFO = r"(?:\S+(?::\S*)?@)?"
_URL_WITHOUT_USER = re.compile(_URL.pattern.replace(_USER_INFO, "")) if _USER_INFO in _URL.pattern else None
_MAX_USER_URL = 512


def _URL_MATCH(text: str) -> re.Match[str] | None:
    if _URL_WITHOUT_USER is not None and "@" not in text:
        return _URL_WITHOUT_USER.match(text)
    return _URL.match(text) if len(text) <= _MAX_USER_URL else None


class _Defaults(EnglishDefaults):
    """English's defaults, with infixes for brackets, bullets, pipes, semicolons and "a/b", commas and
    slashes against a bracket ("Python,(PyTorch, NumPy)", "(R),SQL", "SQL/(dbt)"), a bullet prefix, and a
    web-address rule that leaves "Node.js/JavaScript" alone."""

    infixes = [  # noqa: RUF012 (spaCy's defaults are class attributes)
        *(EnglishDefaults.infixes or ()),
        r"[()\[\]{}•|;]",
        r"(?<=[A-Za-z0-9+#])/(?=[A-Za-z0-9.])",
        r"(?<=[A-Za-z+#)\]}])[,/](?=[(\[{])",
        r"(?<=[)\]}])[,/](?=[A-Za-z])",
    ]
    prefixes = [  # noqa: RUF012
        *(EnglishDefaults.prefixes or ()),
        r"•",
    ]
    url_match = _URL_MATCH


class _English(English):
    lang = "en"
    Defaults = _Defaults


MATCH_KEY = "gapfinder-surface"


def make_nlp() -> Language:
    """A blank English pipeline (``spacy.blank("en")``) whose tokenizer also splits on brackets, bullets
    and pipes, and does not take "Node.js/JavaScript" for a web address. Built as a subclass of
    ``English``: spaCy compiles the affix rules once, and the language is not looked up in spaCy's registry
    (``spacy.blank`` reads the installed packages' entry points), which halves the cost of a cold start's
    pipeline (~70 ms instead of ~160 ms)."""
    return _English()


def _surfaces(tax: Taxonomy) -> list[Surface]:
    out: list[Surface] = []
    _, senses_of = compile_senses(tax)
    for s in tax.skills.values():
        amb = s.ambiguity
        words = tax.categories[s.category].context if s.category in tax.categories else []
        if amb is not None and amb.case_sensitive and words:
            amb = amb.model_copy(update={"context": list(dict.fromkeys([*amb.context, *words]))})
        amb_set = set(amb.surfaces) if amb else set()
        senses = senses_of.get(s.id, ())
        for text, is_name in ((s.name, True), *((a, False) for a in s.aliases)):
            ambiguous = text in amb_set
            case_sensitive = (ambiguous and bool(amb and amb.case_sensitive)) or len(text) <= 2
            applies = tuple(
                sid
                for sid, pattern, ambiguous_only in senses
                if (pattern is None or pattern.fullmatch(text)) and (ambiguous or not ambiguous_only)
            )
            out.append(
                Surface("skill", s.id, text, is_name, case_sensitive, amb if ambiguous else None, s.category, applies)
            )
    for c in tax.certifications.values():
        for text, is_name in ((c.name, True), *((a, False) for a in c.aliases)):
            out.append(Surface("cert", c.id, text, is_name, len(text) <= 2, None))
        for code in c.exam_codes:
            out.append(Surface("cert", c.id, code, False, True, None))
    return out


@dataclass
class IndexData:
    """The compiled surfaces, without spaCy objects: what ``assemble`` turns into a ``PhraseIndex`` and
    what the on-disk cache (``extract.index_cache``) stores."""

    #: surfaces the tokenizer must keep as one token ("C#", "c++")
    special_forms: list[str]
    #: matcher label -> the lower-cased tokens of each of its patterns, in insertion order
    patterns: dict[str, list[tuple[str, ...]]]
    surfaces: dict[str, dict[str, Surface]]
    compact: dict[str, Surface]
    fuzzy_buckets: dict[str, dict[str, Surface]]
    senses: dict[str, SenseCheck] = field(default_factory=dict)
    implies: dict[str, frozenset[str]] = field(default_factory=dict)


def _add_special_cases(nlp: Language, forms: list[str]) -> None:
    tokenizer: Any = nlp.tokenizer
    for form in forms:
        tokenizer.add_special_case(form, [{ORTH: form}])


def compile_surfaces(tax: Taxonomy, nlp: Language) -> IndexData:
    """Tokenise every surface with ``nlp`` (adding its special cases to it) and build the lookup tables."""
    surfaces: dict[str, dict[str, Surface]] = {}
    compact: dict[str, Surface] = {}
    buckets: dict[str, dict[str, Surface]] = {}
    fuzzy_ok = {s.id for s in tax.skills.values() if s.fuzzy and s.ambiguity is None}
    patterns: dict[str, list[tuple[str, ...]]] = {}
    all_surfaces = _surfaces(tax)
    # "C#", "F#", "C++" stay one token wherever they stand ("C#/.NET", "C# and Java")
    special = sorted(
        {
            form
            for sf in all_surfaces
            if _SYMBOL_NAME.fullmatch(sf.text)
            for form in (sf.text, sf.text.lower(), sf.text.upper())
        }
    )
    _add_special_cases(nlp, special)
    strings = nlp.vocab.strings
    tokenizer: Any = nlp.tokenizer
    for sf, doc in zip(all_surfaces, tokenizer.pipe(sf.text for sf in all_surfaces), strict=True):
        label = f"{sf.kind}:{sf.id}"
        by_lower = surfaces.setdefault(label, {})
        tokens = tuple(strings[h] for h in doc.to_array(LOWER).tolist()) if len(doc) else ()
        key = " ".join(tokens)
        if key in by_lower:
            continue
        by_lower[key] = sf
        patterns.setdefault(label, []).append(tokens)
        ck = compact_key(sf.text)
        if len(ck) >= 3 and not sf.case_sensitive and sf.ambiguity is None:
            compact.setdefault(ck, sf)
            if sf.kind == "skill" and sf.id in fuzzy_ok and len(ck) >= 6 and not ck.isdigit():
                buckets.setdefault(ck[0], {})[ck] = sf
    implies = {sid: tax.implied(sid) for sid in tax.skills if tax.implied(sid)}
    return IndexData(special, patterns, surfaces, compact, buckets, compile_senses(tax)[0], implies)


def assemble(data: IndexData, nlp: Language, *, special_cases_added: bool = False) -> PhraseIndex:
    """The phrase index of compiled surfaces: the matcher gets each pattern as its token hashes, so
    nothing is tokenised again."""
    if not special_cases_added:
        _add_special_cases(nlp, data.special_forms)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    add = nlp.vocab.strings.add
    # PhraseMatcher takes token hashes
    hashes: Any = [
        [add(t) for t in tokens] for token_lists in data.patterns.values() for tokens in token_lists if tokens
    ]
    matcher.add(MATCH_KEY, hashes)
    labels_of: dict[str, list[str]] = {}
    for label, by_key in data.surfaces.items():
        for key in by_key:
            labels_of.setdefault(key, []).append(label)
    prefixes = {ck[:k] for ck in data.compact for k in range(1, len(ck) + 1)}
    return PhraseIndex(
        nlp=nlp,
        matcher=matcher,
        surfaces=data.surfaces,
        labels_of={key: tuple(labels) for key, labels in labels_of.items()},
        compact=data.compact,
        prefixes=prefixes,
        fuzzy_buckets=data.fuzzy_buckets,
        senses=data.senses,
        implies=data.implies,
    )


def build_index(tax: Taxonomy, nlp: Language | None = None) -> PhraseIndex:
    nlp = nlp or make_nlp()
    return assemble(compile_surfaces(tax, nlp), nlp, special_cases_added=True)


__all__ = [
    "MATCH_KEY",
    "IndexData",
    "PhraseIndex",
    "SenseCheck",
    "SenseCue",
    "Surface",
    "assemble",
    "build_index",
    "compact_key",
    "compile_senses",
    "compile_surfaces",
    "make_nlp",
]
