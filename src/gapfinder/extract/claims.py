"""Matches that claim nothing: a skill word inside another word, naming a role, a team or an institution, or a
skill being learned.

A skill word that names a role or a team ("QA Engineer", "Agile team") is a name, not a claim of the skill
(programming languages excepted: a "C++ developer" does claim C++); one inside the name of an institution, a
journal or an event ("Journal of Social Service Research") names it; a skill being learned ("Learning
Kubernetes next", "Docker (learning)") is not held yet.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ..lexicon import aspirations, claim_words
from .doc_view import Match, Tokens, neighbour, next_word, word_index

_WORDS_OF = claim_words()  # lexicon/claims.yaml
# a "C++ developer" does claim C++
_CLAIMED_BY_ROLE = frozenset(_WORDS_OF.claimed_by_role)
_ROLE_NOUNS = frozenset(_WORDS_OF.role_nouns)
#: nouns that end or head the name of an institution, a publication or an event
_INSTITUTION_NOUNS = frozenset(_WORDS_OF.institution_nouns)
_LEARNING_VERBS = frozenset(_WORDS_OF.learning_verbs)
_LEARNING_KINDS = frozenset(_WORDS_OF.learning_kinds)
_LEARNING_NOTES = tuple(_WORDS_OF.learning_notes)


def claims_nothing(text: str, doc: Doc, toks: Tokens, m: Match, wishes: Sequence[int] = ()) -> bool:
    """Whether a match, whatever its sense, claims no skill: inside a word, naming a role or an institution, or
    something being learned; also something only wished for ("seeking a role in NLP") after one of ``wishes``
    (``wish_heads``: a resume's; a job post's wishes are its requirements)."""
    return (
        _inside_a_word(text, m)
        or _names_a_role(toks, m)
        or _aspiration(doc, toks, m)
        or _names_an_organisation(toks, m)
        or (bool(wishes) and _wished_for(toks, m, wishes))
    )


def wish_heads(toks: Tokens) -> list[int]:
    """The token indices, in order, of the words a wish starts with ("seeking", "interested"...)."""
    heads = aspirations().heads
    return [i for i, lx in enumerate(toks.lexes) if lx.lower in heads]


@functools.cache
def _cue_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(c.pattern) for c in aspirations().cues)


def _wished_for(toks: Tokens, m: Match, wishes: Sequence[int]) -> bool:
    """'seeking a role in machine learning', 'interested in MLOps and Kubernetes': the clause before the mention
    says what the person wants, not what they did (``lexicon/aspirations.yaml``). A cancelling word between the
    cue and the mention ('where I can apply my Python', 'aspiring analyst with SQL experience') makes it a
    claim again."""
    rules = aspirations()
    k = bisect.bisect_left(wishes, m.tok_start)
    if k == 0 or m.tok_start - wishes[k - 1] > 4 * rules.window:  # no head within reach (blanks count as tokens)
        return False
    words: list[str] = []
    j = m.tok_start - 1
    lexes = toks.lexes
    while j >= 0 and len(words) < rules.window:
        lx = lexes[j]
        j -= 1
        if lx.blank:
            if lx.text.count("\n") > 1:
                break  # a blank line ends the paragraph
            continue
        if lx.lower in rules.stops:
            break
        if lx.text[:1].isalnum():
            words.append(lx.lower)
    words.reverse()
    for gap in range(min(rules.max_gap, len(words)) + 1):
        if gap and words[-gap] in rules.cancel:
            return False
        clause = " ".join(words[: len(words) - gap])
        if clause and any(p.search(clause) for p in _cue_patterns()):
            return True
    return False


def _inside_a_word(text: str, m: Match) -> bool:
    """'S3' of 'S3G': spaCy splits some words after a digit (units: '5G'); a name is a whole word, so a match
    with a letter or digit right before or after it, in the same word, is part of another word; 'amp' of
    '&amp;' is an HTML entity."""
    return (
        (m.start > 0 and text[m.start - 1].isalnum() and text[m.start].isalnum())
        or (m.end < len(text) and text[m.end].isalnum() and text[m.end - 1].isalnum())
        or (text[m.start - 1 : m.start] == "&" and text[m.end : m.end + 1] == ";")  # '&amp;': an HTML entity
    )


def _aspiration(doc: Doc, toks: Tokens, m: Match) -> bool:
    """'Learning Kubernetes next', 'Docker (learning)': a skill being learned is not held yet."""
    prev = neighbour(toks, m.tok_start, -1)
    if prev in _LEARNING_VERBS:
        before = neighbour(toks, m.tok_start - 1, -1) if m.tok_start > 0 else ""
        return before not in _LEARNING_KINDS  # 'machine learning Kubernetes' is not an aspiration
    if m.tok_end >= len(toks.lexes) or not toks.lexes[m.tok_end].text.startswith("("):
        return False  # every note starts with a bracket
    after = doc[m.tok_end : m.tok_end + 4].text.lower()
    return after.startswith(_LEARNING_NOTES)


def _names_a_role(toks: Tokens, m: Match) -> bool:
    """'QA Engineer', 'Agile team', 'Front-end Developer': a skill word naming a role or a team is a name,
    not a claim of the skill (the skill itself is evidenced elsewhere if it is held)."""
    nxt = neighbour(toks, m.tok_end - 1, 1)
    if nxt == "-":  # "Full-Stack Engineer" may tokenise as "Full-Stack", or "Full - Stack" inside the surface
        return False
    return m.surface.kind == "skill" and nxt in _ROLE_NOUNS and m.surface.category not in _CLAIMED_BY_ROLE


def _names_an_organisation(toks: Tokens, m: Match) -> bool:
    """'Journal of Social Service Research', 'Faculty of Information Technology', 'Research Council': a
    capitalised skill word inside the name of an institution, a journal or an event names it, and claims
    nothing. The name ends on an institution noun right after the skill, or starts with '<Institution> of'
    followed only by capitalised words up to the skill."""
    if m.surface.kind != "skill" or not toks.lexes[m.tok_start].text[:1].isupper():
        return False
    lexes = toks.lexes
    nxt = next_word(toks, m.tok_end - 1, 1)
    if nxt is not None and nxt.lower in _INSTITUTION_NOUNS and nxt.text[:1].isupper():
        return True
    i = m.tok_start
    for _ in range(5):
        j = word_index(toks, i, -1)
        if j is None:
            return False
        lx = lexes[j]
        if lx.lower in ("of", "for", "on"):
            k = word_index(toks, j, -1)
            return k is not None and lexes[k].lower in _INSTITUTION_NOUNS and lexes[k].text[:1].isupper()
        if not (lx.text[:1].isupper() or lx.lower in ("&", "and", "the")):
            return False
        i = j
    return False


__all__ = ["claims_nothing"]
