"""Where a job post asks for something, and how firmly: clauses and requirement groups.

A clause is a line cut at sentences and semicolons (at most ``CLAUSE_WINDOW`` characters either way of a
mention). Its group: a responsibilities section gives ``responsibilities``; a preferred section, or a
preference cue that covers the mention ("ideally ...", "... is a plus", "nice to have:", "... also
welcome"), gives ``preferred``; a requirements section gives ``required``. Benefits and company
boilerplate, and the title block of a post with sections, ask for nothing.

Prose outside the labelled sections (the text before the first heading, "About the role", other
sections) is read clause by clause (``job_clauses``): a clause that asks something of the candidate is
``required``; one that states the duties is ``responsibilities``; one that describes the employer (the
company blurb) asks for nothing; plain prose is ``required`` in a post without requirement sections and
``responsibilities`` in one with them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ..models import RequirementGroup
from ..text.context import AnalysisContext
from .job_clauses import ClauseKind, clause_kind
from .trie import find_all, lowered_for_anchors

NOT_REQUIREMENT = frozenset({"benefits", "company", "application"})
_LEADING_CUE = re.compile(
    r"\b(?:ideally|preferably|bonus if|bonus points (?:for|if)|(?:nice[- ]to[- ]haves?|preferred|bonus|a plus|"
    r"desired|desirable|optional)\s*:)",
    re.IGNORECASE,
)
_TRAILING_CUE = re.compile(
    r"\b(?:nice[- ]to[- ]haves?|preferred|a (?:\w+ )?plus|pluses|bonus|desirable|desired|advantageous|an advantage|"
    r"good to have|great to have|optional|not required|would be great|would be nice|welcome|welcomed|"
    r"appreciated|an asset|a (?:big |strong |great )?asset|helpful|beneficial)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z]")
_REQUIRED_WORD = re.compile(r"\b(?:required|must|mandatory|essential|minimum)\b", re.IGNORECASE)
# what may stand between two alternatives ("A or B", "A/B", "A, B, or C")
CLAUSE_WINDOW = 600  # characters: a clause is one line or sentence; longer runs of prose are cut here
STRUCTURED = frozenset({"requirements", "responsibilities", "preferred"})
REQUIREMENT_SECTIONS = frozenset({"requirements", "preferred"})
#: the title block of a post: its first lines name the role, the company and the place, and ask for nothing;
#: a post that starts with untitled prose has requirements there too
HEADER_LINES = 4


def clause_bounds(text: str, offset: int) -> tuple[int, int]:
    """The clause around ``offset``: its line, cut at sentence and semicolon boundaries.

    The search looks at most ``CLAUSE_WINDOW`` characters either way, so the cost per mention does not
    grow with the length of the posting.
    """
    return clause_and_reach(text, offset)[0]


def clause_and_reach(text: str, offset: int) -> tuple[tuple[int, int], int]:
    """:func:`clause_bounds`, and the offset up to which a later offset has the same clause.

    An offset ``o`` in ``[offset, limit)`` sees the same separators: none lies between ``offset`` and the
    clause end, the one that starts the clause is at least two characters inside ``o``'s window, and the
    end was found by a separator (or is the end of the text), not by the window; a ". " astride
    ``offset`` would start ``o``'s clause later, so then only ``offset`` itself shares it.
    """
    floor = max(0, offset - CLAUSE_WINDOW)
    ceiling = min(len(text), offset + CLAUSE_WINDOW)
    lo = max(text.rfind(c, floor, offset) for c in "\n;!?") + 1
    dot = text.rfind(". ", floor, offset)
    lo = max(lo, dot + 2 if dot >= 0 else 0, floor)
    ends = [i for i in (text.find(c, offset, ceiling) for c in "\n;!?") if i >= 0]
    dot = text.find(". ", offset, ceiling)
    if dot >= 0:
        ends.append(dot + 1)
    hi = min(ends) if ends else ceiling
    limit = offset + 1
    if (ends or ceiling == len(text)) and not (offset > 0 and text[offset - 1 : offset + 1] == ". "):
        limit = max(limit, min(hi, lo + CLAUSE_WINDOW - 1))  # o - CLAUSE_WINDOW <= lo - 2 for every o < limit
    while lo < hi and text[lo] in " \t•*-–·>#":
        lo += 1
    return (lo, hi), limit


def preferred_at(text: str, lo: int, hi: int, start: int, end: int, blockers: Iterable[int] = ()) -> bool:
    """Whether a preference cue of the clause ``[lo, hi)`` covers the mention ``[start, end)``.

    A leading cue ("ideally", "preferably", "Bonus:") covers what follows it; a trailing cue ("... is a
    plus", "PhD preferred", "... also welcome") covers what precedes it, but not past a "required"/"must", a
    blocker (the start of another item: "Bachelor's in CS, Master's preferred" leaves the bachelor's
    required) or the opening of a parenthesis that names something of its own ("PyTorch (TensorFlow
    experience also welcome)"; "Spark (a plus)" is preferred).
    """
    leading, trailing = word_offsets(text, _LEADING_WORDS), word_offsets(text, _TRAILING_WORDS)
    if (leading is None or any_in(leading, lo, start)) and _LEADING_CUE.search(text, lo, start):
        return True
    if trailing is not None and not any_in(trailing, end, hi):
        return False  # no word a trailing cue is made of
    stop = min((b for b in blockers if end <= b < hi), default=hi)
    cue = _TRAILING_CUE.search(text, end, hi)
    if cue is None or cue.start() >= stop or _REQUIRED_WORD.search(text, end, cue.start()):
        return False
    # a cue inside a parenthesis opened after the mention that names something of its own covers that:
    # "PyTorch (TensorFlow experience also welcome)", "data analysis (SAS preferred)"; not "Spark (a plus)"
    opened = text.rfind("(", end, cue.start())
    return opened <= text.rfind(")", end, cue.start()) or _NAME.search(text, opened + 1, cue.start()) is None


#: every match of ``_LEADING_CUE``, ``_TRAILING_CUE`` (and of job_items' choice cue) contains one of these (lower
#: case):
#: where none is, the search is skipped
_LEADING_WORDS = ("ideal", "prefer", "bonus", "nice", "a plus", "desir", "option")
_TRAILING_WORDS = (
    "nice", "prefer", "plus", "bonus", "desir", "advantag", "good to have", "great to have", "option", "not required",
    "would be great", "welcome", "apprecia", "asset", "helpful", "benefic",
)  # fmt: skip


@functools.lru_cache(maxsize=8)  # three word lists a text: the texts of the last few analyses
def word_offsets(text: str, words: tuple[str, ...]) -> list[int] | None:
    """Sorted offsets of ``words`` in ``text`` (any case), or None when ``text`` has characters that
    fold to ASCII letters only under ``re.IGNORECASE`` (then every search runs)."""
    lowered = lowered_for_anchors(text)
    return None if lowered is None else find_all(lowered, words)


def any_in(offsets: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted ``offsets`` has one in ``[lo, hi)``."""
    i = bisect.bisect_left(offsets, lo)
    return i < len(offsets) and offsets[i] < hi


def group_at(
    ctx: AnalysisContext,
    offset: int,
    end: int | None = None,
    blockers: Iterable[int] = (),
    bounds: tuple[int, int] | None = None,
    kind: ClauseKind | None = None,
    intro_asks: bool = False,
) -> RequirementGroup | None:
    """The requirement group of the mention ``[offset, end)``, or None where the post asks for nothing.

    In a posting with requirement/responsibility sections, the header's first lines (title, company,
    place) ask for nothing. Prose outside those sections is read by what its clause does (``job_clauses``):
    asking gives ``required``, duties ``responsibilities``, the employer's blurb nothing; plain prose is
    nothing in the intro of a post with requirement sections (it introduces the company or the role),
    ``responsibilities`` in its other prose and in the summary ("About the role") of a structured post, and
    ``required`` in a post without requirement sections. ``kind``: the clause's kind when the caller knows it.
    ``intro_asks``: what the header and intro state is read like other prose (years of experience: a post
    that opens with "5-10 years of professional experience as a data scientist" asks for them).
    """
    section = ctx.section_at(offset)
    if section in NOT_REQUIREMENT:
        return None
    structured = any(s.name in STRUCTURED for s in ctx.sections)
    if structured and section == "header" and not intro_asks and ctx.text.count("\n", 0, offset) < HEADER_LINES:
        return None
    lo, hi = bounds or clause_bounds(ctx.text, offset)
    if section in STRUCTURED:
        kind = None  # a labelled section says what its clauses do
    elif kind is None:
        kind = clause_kind(ctx.text, lo, hi)
    lists = kind == "plain" and any(s.name in REQUIREMENT_SECTIONS for s in ctx.sections)
    if kind == "employer" or (lists and section == "header" and not intro_asks):
        return None  # the blurb; the intro before the sections of a post that lists its requirements
    if section == "preferred" or preferred_at(ctx.text, lo, hi, offset, offset if end is None else end, blockers):
        return "preferred"
    if section == "responsibilities" or kind == "duties":
        return "responsibilities"
    if kind == "plain" and ((structured and section == "job_summary") or lists):
        return "responsibilities"
    return "required"


def asked(group: RequirementGroup | None) -> RequirementGroup | None:
    """Years, degrees and certifications are asked of the candidate wherever they are stated: a degree in
    "About the role" is required, not a responsibility."""
    return "required" if group == "responsibilities" else group


__all__ = [
    "CLAUSE_WINDOW",
    "HEADER_LINES",
    "NOT_REQUIREMENT",
    "STRUCTURED",
    "any_in",
    "asked",
    "clause_and_reach",
    "clause_bounds",
    "group_at",
    "preferred_at",
    "word_offsets",
]
