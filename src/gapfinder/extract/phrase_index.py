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

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex

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


@dataclass
class PhraseIndex:
    nlp: Language
    matcher: PhraseMatcher
    #: matcher label -> surfaces sharing it, keyed by their lower-cased tokens joined by one space
    surfaces: dict[str, dict[str, Surface]]
    compact: dict[str, Surface]
    #: every prefix of every compact key (variant windows stop growing when they leave this set)
    prefixes: set[str]
    fuzzy_buckets: dict[str, dict[str, Surface]]
    fuzzy_cache: dict[str, tuple[Surface, float] | None] = field(default_factory=dict)


def make_nlp() -> Language:
    """A blank English pipeline whose tokenizer also splits on brackets, bullets and pipes."""
    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    infixes = [*defaults.infixes, r"[()\[\]{}•|;]", r"(?<=[A-Za-z0-9+#])/(?=[A-Za-z0-9.])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.prefix_search = compile_prefix_regex([*defaults.prefixes, r"•"]).search
    return nlp


def _surfaces(tax: Taxonomy) -> list[Surface]:
    out: list[Surface] = []
    for s in tax.skills.values():
        amb = s.ambiguity
        amb_set = set(amb.surfaces) if amb else set()
        for text, is_name in ((s.name, True), *((a, False) for a in s.aliases)):
            ambiguous = text in amb_set
            case_sensitive = (ambiguous and bool(amb and amb.case_sensitive)) or len(text) <= 2
            out.append(Surface("skill", s.id, text, is_name, case_sensitive, amb if ambiguous else None, s.category))
    for c in tax.certifications.values():
        for text, is_name in ((c.name, True), *((a, False) for a in c.aliases)):
            out.append(Surface("cert", c.id, text, is_name, len(text) <= 2, None))
        for code in c.exam_codes:
            out.append(Surface("cert", c.id, code, False, True, None))
    return out


def build_index(tax: Taxonomy, nlp: Language | None = None) -> PhraseIndex:
    nlp = nlp or make_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    surfaces: dict[str, dict[str, Surface]] = {}
    compact: dict[str, Surface] = {}
    buckets: dict[str, dict[str, Surface]] = {}
    fuzzy_ok = {s.id for s in tax.skills.values() if s.fuzzy and s.ambiguity is None}
    docs: dict[str, list[Doc]] = {}
    all_surfaces = _surfaces(tax)
    # "C#", "F#", "C++" stay one token wherever they stand ("C#/.NET", "C# and Java")
    tokenizer: Any = nlp.tokenizer
    for sf in all_surfaces:
        if _SYMBOL_NAME.fullmatch(sf.text):
            for form in {sf.text, sf.text.lower(), sf.text.upper()}:
                tokenizer.add_special_case(form, [{ORTH: form}])
    for sf in all_surfaces:
        label = f"{sf.kind}:{sf.id}"
        by_lower = surfaces.setdefault(label, {})
        doc = nlp.make_doc(sf.text)
        key = " ".join(t.lower_ for t in doc)
        if key in by_lower:
            continue
        by_lower[key] = sf
        docs.setdefault(label, []).append(doc)
        ck = compact_key(sf.text)
        if len(ck) >= 3 and not sf.case_sensitive and sf.ambiguity is None:
            compact.setdefault(ck, sf)
            if sf.kind == "skill" and sf.id in fuzzy_ok and len(ck) >= 6 and not ck.isdigit():
                buckets.setdefault(ck[0], {})[ck] = sf
    for label, pattern_docs in docs.items():
        matcher.add(label, pattern_docs)
    prefixes = {ck[:k] for ck in compact for k in range(1, len(ck) + 1)}
    return PhraseIndex(
        nlp=nlp, matcher=matcher, surfaces=surfaces, compact=compact, prefixes=prefixes, fuzzy_buckets=buckets
    )


__all__ = ["PhraseIndex", "Surface", "build_index", "compact_key", "make_nlp"]
