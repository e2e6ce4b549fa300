"""Degree levels and fields of study of a taxonomy, compiled into two trie-shaped regexes.

Level aliases match case-insensitively, abbreviations case-sensitively (with their common spellings, see
``abbreviation_variants``), both as whole tokens, longest first. Field aliases match case-insensitively,
except codes such as CS, EE, CompE, which match as written ("it" is not IT). ``needs_context`` lists the
surfaces that are also ordinary words or codes: dotless abbreviations of one or two letters (MS, MA, BE)
and one-word aliases ("masters", "diploma"), and every dotless abbreviation of a professional doctorate
(MD, DDS, DPT), which ``professional`` lists with its other surfaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from ..models import DegreeLevel as DegreeLevelId
from ..taxonomy.schema import DegreeLevel, StudyField
from .trie import lowered_for_anchors, scan_at, trie_pattern, word_start_finder


class DegreeTaxonomy(Protocol):
    """What this extractor needs of a taxonomy (``gapfinder.taxonomy.Taxonomy`` has it; its
    ``professional_doctorates`` are read when it has them)."""

    @property
    def degree_levels(self) -> Mapping[str, DegreeLevel]: ...

    @property
    def fields(self) -> Mapping[str, StudyField]: ...


@dataclass(frozen=True)
class DegreeIndex:
    """Compiled degree and field surfaces of one taxonomy."""

    degree: re.Pattern[str]
    level_of: dict[str, DegreeLevelId]  # alias (case-folded) or abbreviation (as written) -> level
    needs_context: frozenset[str]  # surfaces as in level_of
    field: re.Pattern[str]
    field_of: dict[str, str]  # case-folded surface -> field id
    rank: dict[str, int]
    names: frozenset[str]  # case-folded level names
    professional: frozenset[str]  # surfaces (as in level_of) of professional doctorates (MD, JD, DDS...)
    #: where a degree surface starts a word (``trie.word_start_finder``), for ``degree_matches``
    starts: re.Pattern[str] | None


_CACHE: dict[int, tuple[DegreeTaxonomy, DegreeIndex]] = {}


def _case_sensitive(surface: str) -> bool:
    """Field codes such as CS, EE, CompE are matched as written ("it" is not IT)."""
    return " " not in surface and sum(c.isupper() for c in surface) >= 2


def abbreviation_variants(abbr: str) -> set[str]:
    """Spellings of one abbreviation seen in resumes: "B.Tech" -> BTech, B-Tech, B Tech, B.TECH, b.tech...

    Case variants only for dotted or 4+ letter abbreviations: "b.sc", "MTECH", never "FDA" (FdA) or "bed"
    (BEd); list wanted 3-letter forms such as MSC explicitly.
    """
    forms = {abbr}
    head, dot, tail = abbr.partition(".")
    if dot and len(head) == 1 and sum(c.isalpha() for c in tail) >= 2:
        tail = tail.rstrip(".")
        forms |= {head + tail, f"{head}-{tail}", f"{head} {tail}"}
    out = set(forms)
    for f in forms:
        if "." in f or "-" in f or " " in f or sum(c.isalpha() for c in f) >= 4:
            out |= {f.upper(), f[:1] + f[1:].lower(), f.lower()}
    return out


def _build(tax: DegreeTaxonomy) -> DegreeIndex:
    level_of: dict[str, DegreeLevelId] = {}
    ambiguous: set[str] = set()
    aliases: list[str] = []
    abbrevs: list[str] = []
    for lv in tax.degree_levels.values():
        for a in (lv.name, *lv.aliases):
            level_of.setdefault(a.casefold(), lv.id)
            aliases.append(a)
            if " " not in a and "'" not in a:
                ambiguous.add(a.casefold())
        for ab in (v for listed in lv.abbreviations for v in abbreviation_variants(listed)):
            level_of.setdefault(ab, lv.id)
            abbrevs.append(ab)
            if "." not in ab and " " not in ab and len(ab) <= 2:
                ambiguous.add(ab)
    professional: set[str] = set()
    prof = getattr(tax, "professional_doctorates", None)
    if prof is not None:
        for a in prof.aliases:
            level_of[a.casefold()] = prof.level
            professional.add(a.casefold())
            aliases.append(a)
        for ab in (v for listed in prof.abbreviations for v in abbreviation_variants(listed)):
            level_of[ab] = prof.level
            professional.add(ab)
            abbrevs.append(ab)
            if "." not in ab:  # MD, DDS (a data distribution service), DPT: only with degree context
                ambiguous.add(ab)
    field_of: dict[str, str] = {}
    ci: list[str] = []
    cs: list[str] = []
    for f in tax.fields.values():
        for a in (f.name, *f.aliases):
            field_of.setdefault(a.casefold(), f.id)
            (cs if _case_sensitive(a) else ci).append(a)
    bound = r"(?=[\w])(?<![\w.])(?:{})(?![\w])"
    degree = bound.format(f"(?i:{trie_pattern(aliases)})|{trie_pattern(abbrevs, fold=False)}")
    field = bound.format(f"(?i:{trie_pattern(ci)})|{trie_pattern(cs, fold=False)}")
    return DegreeIndex(
        degree=re.compile(degree),
        level_of=level_of,
        needs_context=frozenset(ambiguous),
        field=re.compile(field),
        field_of=field_of,
        rank={lv.id: lv.rank for lv in tax.degree_levels.values()},
        names=frozenset(lv.name.casefold() for lv in tax.degree_levels.values()),
        professional=frozenset(professional),
        starts=word_start_finder([*aliases, *abbrevs], not_after="."),
    )


def degree_matches(index: DegreeIndex, text: str) -> Iterator[re.Match[str]]:
    """``index.degree.finditer(text)``, trying only the word starts where a degree surface begins (a match
    starts at a word not after a dot and begins with a surface, in any case for aliases)."""
    lowered = lowered_for_anchors(text)
    if lowered is None or index.starts is None:
        return index.degree.finditer(text)
    return scan_at(index.degree, text, (m.start() for m in index.starts.finditer(" " + lowered)))


def degree_index(tax: DegreeTaxonomy) -> DegreeIndex:
    """The compiled index of ``tax`` (built once per taxonomy object)."""
    hit = _CACHE.get(id(tax))
    if hit is None or hit[0] is not tax:
        if len(_CACHE) > 8:
            _CACHE.clear()
        hit = (tax, _build(tax))
        _CACHE[id(tax)] = hit
    return hit[1]


__all__ = ["DegreeIndex", "DegreeTaxonomy", "abbreviation_variants", "degree_index", "degree_matches"]
