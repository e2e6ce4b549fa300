"""Other senses of skill names, told by the words around a mention: the taxonomy's sense checks (``senses.yaml``).

A check lists cues, each a conjunction of conditions on the line's words ("a capitalised word that is no skill
right after", "one of these words right after or near"); a mention that one cue matches claims nothing,
unless a word of the skill's own sense (``unless_near``) is near it. Only surfaces that a check names carry
its id (``Surface.senses``), so most matches cost one attribute test.
"""

from __future__ import annotations

from ..text.context import AnalysisContext
from .doc_view import Match, Tokens, neighbour, word_index
from .phrase_index import PhraseIndex, SenseCue

#: tokens either way that ``near`` and ``unless_near`` look at
SENSE_WINDOW = 6


def other_sense(
    ctx: AnalysisContext, index: PhraseIndex, toks: Tokens, m: Match, claimed: list[str | None]
) -> str | None:
    """The id of the sense check that says ``m`` means something else here, or None. ``claimed``: token -> the
    category of the skill match covering it, if any (a capitalised word that is a skill is no name going on;
    a language name before another language is a list: "English German")."""
    if not m.surface.senses:
        return None
    lexes = toks.lexes
    window: set[str] | None = None  # built when a check needs it
    for sid in m.surface.senses:
        check = index.senses.get(sid)
        if check is None:
            continue
        if check.gate is not None:  # every cue needs a word after the name: look at those words first
            after = (
                (neighbour(toks, m.tok_end - 1, 1),)
                if check.gate_within == 1
                else _next_words(toks, m.tok_end - 1, check.gate_within)
            )
            if not check.gate.intersection(after):
                continue
        for cue in check.cues:
            if cue.near or check.unless_near:
                if window is None:
                    lo, hi = max(0, m.tok_start - SENSE_WINDOW), min(len(lexes), m.tok_end + SENSE_WINDOW)
                    window = {lx.lower for lx in lexes[lo:hi]}
                if window & check.unless_near:
                    break
            if _fires(ctx, toks, m, cue, window or set(), claimed):
                return sid
    return None


def _fires(
    ctx: AnalysisContext, toks: Tokens, m: Match, cue: SenseCue, window: set[str], claimed: list[str | None]
) -> bool:
    lexes, idx = toks
    if cue.always and ctx.section_at(m.start) == "skills":
        return False  # a list of skills: the skill's sense
    if cue.prev and neighbour(toks, m.tok_start, -1) not in cue.prev:
        return False
    if cue.next:
        if cue.within == 1:
            if neighbour(toks, m.tok_end - 1, 1) not in cue.next:
                return False
        elif not cue.next.intersection(_next_words(toks, m.tok_end - 1, cue.within)):
            return False
    if cue.near and not window & cue.near:
        return False
    if cue.other_next is not None:
        j = _next_on_line(ctx, toks, m)
        if (
            j is None
            or claimed[j] == m.surface.category  # a list of its kind: "English German"
            or not lexes[j].text[:1].isalpha()
            or lexes[j].lower in cue.other_next
        ):
            return False
    if cue.capitalised_next and not _capitalised(toks, _next_on_line(ctx, toks, m), claimed):
        return False
    if cue.capitalised_prev:
        j = word_index(toks, m.tok_start, -1)
        if not _capitalised(toks, j, claimed) or (not cue.next and _starts_sentence(toks, j)):
            return False  # 'Used Velocity Templating Language': every sentence starts with a capital
    if (cue.capitalised_next or cue.capitalised_prev) and not cue.next and _among_tags(ctx, toks, m, claimed):
        return False  # capitals alone tell a name only outside a run of tags ('SAP AG' needs no more)
    if cue.joined:
        j = m.tok_end
        if not (j + 1 < len(lexes) and lexes[j].text == "-" and idx[j] == m.end and lexes[j + 1].text[:1].isalpha()):
            return False
    return True


def _next_on_line(ctx: AnalysisContext, toks: Tokens, m: Match) -> int | None:
    """The next word right after ``m`` in the same stretch of text: not past a line break of the text (the
    matcher reads wrapped lines as one), nor past a gap of two blanks (columns of a table)."""
    j = word_index(toks, m.tok_end - 1, 1)
    if j is None:
        return None
    offsets = ctx.norm.offsets  # normalising collapses blanks: the gap is read in the analysed text
    gap = ctx.norm.original[offsets[m.end - 1] + 1 : offsets[toks.idx[j]]]
    return None if "\n" in gap or "  " in gap or "\t" in gap else j


def _starts_sentence(toks: Tokens, j: int | None) -> bool:
    return j is not None and neighbour(toks, j, -1) in ("", "\n", ".", "!", "?", ":", "•", "-", "*", "·")


#: tokens either way in which another skill makes a capitalised name one of a run of tags
TAG_REACH = 2


def _among_tags(ctx: AnalysisContext, toks: Tokens, m: Match, claimed: list[str | None]) -> bool:
    """Capitalised words around a name are tags, not one name, in a run of tags ('Cassandra JCR Spark MLeap
    Kafka': another skill close by) and in a labelled line of capitalised tags ('Industry: Broadcast
    Telecommunications Television')."""
    lo, hi = max(0, m.tok_start - TAG_REACH), min(len(claimed), m.tok_end + TAG_REACH)
    if any(claimed[t] is not None for t in (*range(lo, m.tok_start), *range(m.tok_end, hi))):
        return True
    text = ctx.text
    line_lo = text.rfind("\n", 0, m.start) + 1
    colon = text.rfind(":", line_lo, m.start)
    return colon >= 0 and all(w[:1].isupper() or not w[:1].isalpha() for w in text[colon + 1 : m.start].split())


def _next_words(toks: Tokens, i: int, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        j = word_index(toks, i, 1)
        if j is None:
            break
        out.append(toks.lexes[j].lower)
        i = j
    return out


def _capitalised(toks: Tokens, j: int | None, claimed: list[str | None]) -> bool:
    if j is None or claimed[j] is not None:
        return False
    text = toks.lexes[j].text
    return text[:1].isupper() and text[:1].isalpha()


__all__ = ["SENSE_WINDOW", "other_sense"]
