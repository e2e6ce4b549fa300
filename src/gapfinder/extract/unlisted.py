"""Open vocabulary: the items of an explicit list of tools or technologies that the taxonomy does not know.

"Technologies: Blue Prism, TestComplete, EM7" names three tools though none is a taxonomy skill; a gap in
the taxonomy should not hide them. An item is reported as an ``UnlistedSkill`` (name and evidence, never a
taxonomy skill) when its line is a tag line (``lists.TagLines``: after a label such as "Technologies:",
"Tools:", "Environment:", or a list line of a skills section that lists at least one known technology), it
overlaps no taxonomy match, and it is written like a name: one to four words, no function word, a capital, a
digit or a joining sign somewhere ("Blue Prism", "CA7", "parse-platform"), not a duration or a number.
"""

from __future__ import annotations

import bisect
import re

from ..kinds import is_job
from ..models import Span, UnlistedSkill
from ..text.context import AnalysisContext
from ..text.sections import CONTEXT_SECTIONS
from .doc_view import Match
from .lists import FUNCTION_WORDS, TagLines, TagRegion
from .phrase_index import PhraseIndex, compact_key

#: skill categories of tools and technologies: one of them makes a list of a skills section a list of tools
TECHNOLOGY = frozenset(
    {
        "language",
        "ml_framework",
        "llm",
        "mlops",
        "data_engineering",
        "database",
        "analytics",
        "cloud",
        "devops",
        "infrastructure",
        "web",
        "mobile",
        "testing",
        "security",
        "os",
        "tool",
    }
)
MAX_WORDS = 4
MAX_CHARS = 40
_SEPARATORS = re.compile(r"[,;|•/]| and | & ")
_NOTE = re.compile(r"\s*\([^()]*(?:\)\s*)?$")  # "CA7 (4 years)", a note cut by a line end: "Cics (4"
#: a single capitalised word with the ending of an English word ("Automation", "Architecting") is a word
_ENGLISH_WORD = re.compile(r"[A-Z][a-z]+(?:ing|tion|sion|ment|ness|ity|ance|ence|ics)")
_TRIM = " \t.:;-–—*•·'\"()[]"
_NAME_SIGN = re.compile(r"[A-Z0-9+#]|\w[-.]\w")
_NUMBERISH = re.compile(r"^[\d\s.,+%-]*(?:years?|yrs?|months?)?$", re.IGNORECASE)


def unlisted_skills(ctx: AnalysisContext, index: PhraseIndex, matches: list[Match]) -> tuple[UnlistedSkill, ...]:
    """The unlisted items of the document's tag lines, grouped by name (case, spaces and punctuation aside). An
    item written as a taxonomy surface is no unlisted one, even when its match was dropped ('Docker
    (learning)': a skill being learned)."""
    text = ctx.text
    tags = TagLines(ctx)
    spans = sorted((m.start, m.end) for m in matches)
    span_starts = [a for a, _ in spans]
    longest = max((b - a for a, b in spans), default=0)
    tech = sorted(m.start for m in matches if m.surface.kind == "cert" or m.surface.category in TECHNOLOGY)

    def covered(s: int, e: int) -> bool:
        i = bisect.bisect_left(span_starts, s - longest)
        while i < len(spans) and spans[i][0] < e:
            if spans[i][1] > s:
                return True
            i += 1
        return False

    def has_tech(a: int, b: int) -> bool:
        i = bisect.bisect_left(tech, a)
        return i < len(tech) and tech[i] < b

    groups: dict[str, list[tuple[int, int]]] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        hi = len(text) if nl < 0 else nl
        region = tags.region(pos) if hi > pos else None
        if (
            region is not None
            and not (is_job(ctx.kind) and ctx.section_at(pos) in CONTEXT_SECTIONS)
            and (region.technologies or has_tech(region.start, region.end))
        ):
            for s, e in _items(text, region):
                if _name_like(text[s:e]) and not covered(s, e) and not _known(index, text[s:e]):
                    groups.setdefault(compact_key(text[s:e]), []).append((s, e))
        pos = hi + 1
    out = [
        UnlistedSkill(name=ctx.norm.original_slice(*found[0]), mentions=tuple(_span(ctx, s, e) for s, e in found))
        for found in groups.values()
    ]
    return tuple(out)


def _items(text: str, region: TagRegion) -> list[tuple[int, int]]:
    """The items of a tag line, trimmed and without a trailing note ("(4 years)")."""
    cuts = [region.start]
    line = text[region.start : region.end]
    if region.separated:
        for sep in _SEPARATORS.finditer(line):
            cuts += [region.start + sep.start(), region.start + sep.end()]
    elif line == line.lower():  # a line of lower-case tags ("java spring parse-platform"): blanks separate
        for blank in re.finditer(r"\s+", line):
            cuts += [region.start + blank.start(), region.start + blank.end()]
    cuts.append(region.end)
    out: list[tuple[int, int]] = []
    for s, e in zip(cuts[::2], cuts[1::2], strict=False):
        note = _NOTE.search(text, s, e)
        if note is not None:
            e = note.start()
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _name_like(item: str) -> bool:
    words = item.split()
    if not words or len(words) > MAX_WORDS or len(item) > MAX_CHARS or len(item) < 2:
        return False
    if any(w.lower() in FUNCTION_WORDS for w in words) or _NUMBERISH.match(item):
        return False
    if "@" in item or "://" in item or ":" in item or not any(ch.isalpha() for ch in item):
        return False
    if len(words) == 1 and _ENGLISH_WORD.fullmatch(item):
        return False
    if len(words) > 1 and words[0].islower() and not item.islower():
        return False  # 'understanding Lease Line': a phrase that starts in lower case
    if item[:1].isdigit() and len(item) <= 4:
        return False  # '12 c', a release of something named before it
    return bool(_NAME_SIGN.search(item))


def _known(index: PhraseIndex, item: str) -> bool:
    """Whether the item is written as a surface of the taxonomy (up to case, spacing and punctuation)."""
    return compact_key(item) in index.compact or " ".join(item.lower().split()) in index.labels_of


def _span(ctx: AnalysisContext, start: int, end: int) -> Span:
    s, e = ctx.norm.to_original(start, end)
    return Span(start=s, end=e, text=ctx.norm.original[s:e], section=ctx.section_at(start))


__all__ = ["MAX_WORDS", "TECHNOLOGY", "unlisted_skills"]
