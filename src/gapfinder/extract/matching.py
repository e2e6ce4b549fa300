"""Find taxonomy surfaces in a tokenised document: exact/alias phrases, variants, fuzzy near misses.

Policy for ambiguous surfaces (English words, names, one or two letters — "R", "Go", "Spark", "Excel"):
1. a case-sensitive surface must be written as listed ("Go", not "go"); ALL CAPS is accepted for
   surfaces of three letters or more ("SPARK" in a capitalised skills list);
2. a vetoing neighbour rejects it ("go-to-market", "C-level", "excel at");
3. it then needs context: the skills section, a confirming word from its rule nearby ("Go" near
   "golang", "goroutines"), or an unambiguous technology mention on the same line within a few tokens.
Near misses (spacing/punctuation/version variants, typos) come from ``near_misses``, on the tokens the
phrase matches leave; the tokens are read through ``doc_view``. A skill word that names a role, a team, an
organisation or something being learned claims nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from ..kinds import is_resume
from ..models import MatchKind
from ..text.context import AnalysisContext, SectionSpan
from .claims import claims_nothing, wish_heads
from .doc_view import Match, Tokens, doc_tokens, neighbour, next_word, word_index
from .lists import TagLines, without_list_labels
from .near_misses import FUZZY_CUTOFF, variant_and_fuzzy
from .phrase_index import PhraseIndex
from .senses import other_sense
from .trie import guarded

CONTEXT_WINDOW = 6
#: unambiguous technology names a run needs around a name for that name to count as listed (``_in_run``)
RUN_ANCHORS = 2
_JOINERS = frozenset({"-", "_", "."})  # join words into one compound, unlike "/"
#: categories whose words end the names of companies ('Tidewater Logistics'): see ``_in_proper_name``
_NAMING_CATEGORIES = frozenset({"domain"})
# a line break inside wrapped text: the line before is long or ends on a connector, the next starts a word
_SOFT_BREAK = guarded(r"(?:(?<=[^\n]{30})|(?<=[-–&,/]))\n(?=[A-Za-z(])")
# in a list of certifications any line that ends without punctuation may go on: a narrow sidebar wraps
# "Google Professional / Machine Learning / Engineer" over three short lines
_NAME_BREAK = re.compile(r"(?<=[\w)&/–-])\n(?=[A-Za-z(])")
#: sections whose lines are names, wrapped wherever the column ends
_NAME_SECTIONS = frozenset({"certifications"})
_ITEM_BEFORE = frozenset({"", "\n", ",", "|", "/", ";", "•", ":", "(", "-", "*", "·", "and", "&", "or"})
_ITEM_AFTER = frozenset({"", "\n", ",", "|", "/", ";", "•", ")", "(", ".", "-", ":", "and", "&", "or"})
#: words after a generic noun that leave it the head of its phrase: "testing experience", "monitoring in production"
_PHRASE_HEADS = frozenset(
    {"experience", "skills", "knowledge", "expertise", "background", "practices", "best", "principles", "concepts"}
    | {"in", "for", "at", "across", "of", "on", "with", "within"}
)
_LIST_SEPARATORS = frozenset({",", "|", "/", ";", "•", "and", "&", "(", ")"})
#: a release number right after a name: dotted ("Actionscript 3.0", "Eclipse 3.1.1") or with a letter ("Oracle
#: 10g", "Oracle 11i"; not a size: "9k", "5m"). Not a bare number or a year: "Spring 2010" is a term, "Expo 2010"
#: an event, "CV 2" a page.
_RELEASE = re.compile(r" v?\d{1,2}(?:(?:\.\d+)+|[ac-jl-wyz])\b(?! ?(?:[-+%x]|years?\b|yrs?\b|months?\b))")


def match_text(text: str, sections: Sequence[SectionSpan] = ()) -> str:
    """The text the matcher tokenises: soft line breaks (a wrapped line) become spaces, so names wrapped
    over two lines still match; in a certifications section every line break inside a paragraph is soft
    (names follow each other, one per line or wrapped, and a name matches either way). Same length as
    ``text``, so every offset stays valid."""
    if "\n" not in text:
        return text
    out = _SOFT_BREAK.sub(" ", text)
    for sec in sections:
        if sec.name not in _NAME_SECTIONS:
            continue
        lo = sec.start if sec.heading_start is None else out.find("\n", sec.heading_start, sec.end) + 1
        if lo and "\n" in out[lo : sec.end]:  # the heading line stays a line of its own
            out = out[:lo] + _NAME_BREAK.sub(" ", out[lo : sec.end]) + out[sec.end :]
    return out


def find_matches(ctx: AnalysisContext, index: PhraseIndex, doc: Doc) -> list[Match]:
    toks = doc_tokens(index, doc)
    recased: list[Match] = []
    phrase = _phrase_matches(index, doc, toks, recased)
    unambiguous = [m for m in phrase if m.surface.ambiguity is None]
    taken = _select(unambiguous)
    anchors = sorted(m.tok_start for m in taken)
    anchor_lasts = {m.tok_end - 1 for m in taken}
    ambiguous: list[Match] = []
    doubtful: list[Match] = list(recased)
    for m in phrase:
        if m.surface.ambiguity is not None:
            (ambiguous if _ambiguity_ok(ctx, toks, m, anchors, anchor_lasts) else doubtful).append(m)
    if doubtful:
        listed = _in_run(toks, phrase + recased, taken)
        tagged = TagLines(ctx)
        ambiguous += [
            m for m in doubtful if ((m.end - m.start >= 2 and listed(m)) or tagged(toks, m)) and _not_vetoed(toks, m)
        ]
    taken = _select(taken + ambiguous)
    if doubtful:
        unsure = [m for m in doubtful[len(recased) :] if _may_coordinate(toks, m)]  # not the re-cased ones
        taken = _coordinated(toks, taken, unsure)
    covered = bytearray(len(doc))
    for m in taken:
        covered[m.tok_start : m.tok_end] = b"\x01" * (m.tok_end - m.tok_start)
    extra = variant_and_fuzzy(ctx, index, toks, covered)
    claimed: list[str | None] = [None] * len(doc)  # token -> category of the skill match covering it
    for m in taken + extra:
        if m.surface.kind == "skill":
            claimed[m.tok_start : m.tok_end] = [m.surface.category] * (m.tok_end - m.tok_start)
    wishes = wish_heads(toks) if is_resume(ctx.kind) else []
    kept = [
        m
        for m in taken + extra
        if not claims_nothing(ctx.text, doc, toks, m, wishes) and other_sense(ctx, index, toks, m, claimed) is None
    ]
    return without_list_labels(ctx.text, sorted(kept, key=lambda m: m.start), index.implies)


def _phrase_matches(
    index: PhraseIndex, doc: Doc, toks: Tokens | None = None, recased: list[Match] | None = None
) -> list[Match]:
    """Exact and alias matches of the phrase matcher, re-checked for case where the surface asks.

    A case-sensitive skill surface written all in lower case ("go", "spring", "c#", "r") is no match here; when
    ``recased`` is given, such matches go there instead (a run of tags may accept those of two letters or more,
    a tag line any: ``_in_run``, ``lists.TagLines``)."""
    lexes, idx = toks if toks is not None else doc_tokens(index, doc)
    out: list[Match] = []
    for _, s, e in index.matcher(doc):
        key = " ".join(lx.lower for lx in lexes[s:e])
        for label in index.labels_of.get(key, ()):
            sf = index.surfaces[label][key]
            kind: MatchKind = "exact" if sf.is_name else "alias"
            if e - s > 2 and "-" in sf.text and not _same_dashes(doc, s, e, sf.text):
                continue  # 'team - work': a dash between two words, not the hyphen of 'team-work'

            if sf.case_sensitive:
                text = doc[s:e].text
                if text != sf.text and not (len(sf.text) >= 3 and text == sf.text.upper()):
                    if recased is not None and sf.kind == "skill" and text == key:
                        recased.append(Match(sf, s, e, idx[s], idx[e - 1] + len(lexes[e - 1].text), kind))
                    continue
            out.append(Match(sf, s, e, idx[s], idx[e - 1] + len(lexes[e - 1].text), kind))
    return out


def _same_dashes(doc: Doc, s: int, e: int, surface: str) -> bool:
    """Whether every hyphen of a surface written without blanks around it ('team-work') is written so in the
    text too; a dash between blanks ('team - work') separates two words."""
    for t in range(s + 1, e - 1):
        tok = doc[t]
        if tok.text == "-" and (doc[t - 1].whitespace_ or tok.whitespace_) and " - " not in surface:
            return False
    return True


def _select(matches: list[Match]) -> list[Match]:
    """Longest match wins; ties go to certifications (more specific), then the earlier one."""
    chosen: list[Match] = []
    used: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.tok_end - m.tok_start), m.surface.kind != "cert", m.tok_start)):
        toks = range(m.tok_start, m.tok_end)
        if any(t in used for t in toks):
            continue
        used.update(toks)
        chosen.append(m)
    return chosen


def _not_vetoed(toks: Tokens, m: Match) -> bool:
    rule = m.surface.ambiguity
    if rule is None:
        return True
    return not (
        neighbour(toks, m.tok_start, -1) in rule.reject_prev or neighbour(toks, m.tok_end - 1, 1) in rule.reject_next
    )


def _in_run(toks: Tokens, candidates: list[Match], anchors: list[Match]) -> Callable[[Match], bool]:
    """Whether a match stands in a run of technology names: at least ``RUN_ANCHORS`` unambiguous names
    and nothing else but other candidate names, blanks and list separators between them, on one line
    ("docker agile selenium circleci jenkins", "java, spring, hibernate"). Such a run is a list of tags
    even without commas, and there case is no evidence ("go", "spring" in lower case are tags too)."""
    lexes = toks.lexes
    n = len(lexes)
    owner = [-1] * n  # token -> 0 candidate name, 1 unambiguous anchor
    for m in candidates:
        for t in range(m.tok_start, m.tok_end):
            owner[t] = max(owner[t], 0)
    for m in anchors:
        for t in range(m.tok_start, m.tok_end):
            owner[t] = 1
    starts = {m.tok_start for m in anchors}

    def run_anchors(i: int, step: int, related: Sequence[str]) -> int:
        """Anchors in the run from i; an anchor the rule names as related context counts as two."""
        found = 0
        while 0 <= i < n:
            lx = lexes[i]
            if owner[i] >= 0:
                if owner[i] == 1 and i in starts:
                    found += 1 + (lx.lower in related)
            elif lx.blank:
                if "\n" in lx.text:
                    break
            elif lx.lower not in _LIST_SEPARATORS:
                break
            i += step
        return found

    def listed(m: Match) -> bool:
        if (m.tok_start > 0 and lexes[m.tok_start - 1].text in _JOINERS) or (
            m.tok_end < n and lexes[m.tok_end].text in _JOINERS
        ):
            return False  # part of a compound: 'multi-node', 'go-live'
        if m.tok_start > 0 and m.tok_end < n and lexes[m.tok_start - 1].text == "(" and lexes[m.tok_end].text == ")":
            return False  # a note on the name before it: 'Docker (basic)'
        before, after = neighbour(toks, m.tok_start, -1), neighbour(toks, m.tok_end - 1, 1)
        if before in _LIST_SEPARATORS and after not in _LIST_SEPARATORS and after not in ("", "\n"):
            return False  # a modifier of the next item: 'Git and basic CI/CD'
        rule = m.surface.ambiguity
        related = rule.context if rule is not None else ()
        return run_anchors(m.tok_start - 1, -1, related) + run_anchors(m.tok_end, 1, related) >= RUN_ANCHORS

    return listed


#: words that coordinate two names: "Ray or Spark", "Spark and Ray", "Go/Rust"
_COORDINATORS = frozenset({"or", "and", "&", "/", ","})


def _coordinated(toks: Tokens, taken: list[Match], doubtful: list[Match]) -> list[Match]:
    """``taken`` with the doubtful names, written as listed, that are coordinated with a name taken on the same
    line ("experience with Ray or Spark": Ray's rule knows Spark, and Spark goes with Ray), repeated while a
    name is added ("Python, Go or Rust")."""
    while doubtful:
        firsts = {m.tok_start for m in taken}
        lasts = {m.tok_end - 1 for m in taken}
        used = {t for m in taken for t in range(m.tok_start, m.tok_end)}
        added = [
            m
            for m in doubtful
            if not any(t in used for t in range(m.tok_start, m.tok_end))
            and (_next_to(toks, m.tok_start, -1, lasts) or _next_to(toks, m.tok_end - 1, 1, firsts))
        ]
        if not added:
            break
        taken = _select(taken + added)
        doubtful = [m for m in doubtful if m not in added]
    return taken


def _may_coordinate(toks: Tokens, m: Match) -> bool:
    """A doubtful name coordination may confirm: not vetoed, not part of a proper name, and a generic noun only
    where it heads its phrase ('Testing, Security' but not 'Security testing')."""
    rule = m.surface.ambiguity
    return (
        rule is not None
        and _not_vetoed(toks, m)
        and not _in_proper_name(toks, m)
        and (not rule.head_noun or _ends_phrase(toks, m))
    )


def _next_to(toks: Tokens, i: int, step: int, ends: set[int]) -> bool:
    """Whether a coordinating word follows token ``i`` in direction ``step`` and a taken name (one of
    ``ends``: first or last tokens) follows that word, on the same line."""
    j = word_index(toks, i, step)
    if j is None or toks.lexes[j].lower not in _COORDINATORS:
        return False
    k = word_index(toks, j, step)
    return k is not None and k in ends


def _in_proper_name(toks: Tokens, m: Match) -> bool:
    """'Intelligent Business Cloud', 'Aviation Security Panel': an everyday word listed in lower case
    ('cloud', 'security'), written capitalised right after a capitalised word, is part of a name. So is a
    business domain, however listed, when the name ends there ('Tidewater Logistics, Denver', 'Cobaltline
    Payments is ...'); in a line of capitalised tags ('Industry: Broadcast Telecommunications Television')
    it is one of the tags."""
    domain = m.surface.category in _NAMING_CATEGORIES
    if m.surface.text != m.surface.text.lower() and not domain:
        return False
    first = toks.lexes[m.tok_start].text
    prev = next_word(toks, m.tok_start, -1)
    named = first[:1].isupper() and prev is not None and prev.text.istitle() and prev.text.isalpha()
    if not named or not domain:
        return named
    nxt = next_word(toks, m.tok_end - 1, 1)
    return nxt is not None and not nxt.text[:1].isupper()


def _list_item(toks: Tokens, m: Match) -> bool:
    """Whether the match stands alone as an item: between list separators or line ends ('Testing, Cloud',
    '• Testing', 'Selenium (3 years)'), not inside a phrase ('Monitoring queues of the CRM')."""
    return neighbour(toks, m.tok_start, -1) in _ITEM_BEFORE and neighbour(toks, m.tok_end - 1, 1) in _ITEM_AFTER


def _ends_phrase(toks: Tokens, m: Match) -> bool:
    """A generic noun as the head of its phrase: 'design, testing and deployment', 'manual testing.',
    'security experience'; not 'security scans' or 'Monitoring HANA DB' (``Ambiguity.head_noun``)."""
    after = neighbour(toks, m.tok_end - 1, 1)
    return after in _ITEM_AFTER or after in _PHRASE_HEADS


#: "experience with Snowflake", "proficiency in Go", "knowledge of Spark": a usage phrase names a skill next
_USAGE_HEADS = frozenset(
    {"experience", "experienced", "expertise", "knowledge", "proficiency", "proficient", "familiarity", "familiar"}
    | {"fluency", "fluent", "skilled", "exposure"}
)
_USAGE_PREPS = frozenset({"with", "in", "of", "using"})


def _after_usage(toks: Tokens, m: Match) -> bool:
    """A name written as a name right after a usage phrase on its line ('Experience with Snowflake.'), not the
    start of a longer name ('experience using Oracle Inform')."""
    i = word_index(toks, m.tok_start, -1)
    if i is None or toks.lexes[i].lower not in _USAGE_PREPS:
        return False
    j = word_index(toks, i, -1)
    if j is None or toks.lexes[j].lower not in _USAGE_HEADS:
        return False
    k = word_index(toks, m.tok_end - 1, 1)
    return k is None or not toks.lexes[k].text[:1].isupper()


def _with_release(text: str, m: Match) -> bool:
    """A product name written with its release number: 'Oracle 10g', 'Access 2013', 'Windows 7'; not a count
    ('Excel 5 years', 'Access 24/7')."""
    return _RELEASE.match(text, m.end) is not None


def _ambiguity_ok(
    ctx: AnalysisContext, toks: Tokens, m: Match, anchors: list[int], anchor_lasts: set[int] | None = None
) -> bool:
    """``anchors``: first tokens of the unambiguous matches; ``anchor_lasts``: their last tokens."""
    rule = m.surface.ambiguity
    assert rule is not None
    if not _not_vetoed(toks, m) or _in_proper_name(toks, m):
        return False
    if rule.head_noun and not _ends_phrase(toks, m):
        return False
    if ctx.section_at(m.start) == "skills" and (rule.case_sensitive or _list_item(toks, m)):
        return True
    if rule.case_sensitive and (_with_release(ctx.text, m) or _after_usage(toks, m)):
        return True
    lexes, idx = toks
    lo, hi = max(0, m.tok_start - CONTEXT_WINDOW), min(len(lexes), m.tok_end + CONTEXT_WINDOW)
    window = [lx.lower for lx in lexes[lo:hi]]
    if rule.context and any(w in rule.context for w in window):
        return True
    # an unambiguous technology on the same line, close by, separated like a list
    text = ctx.text  # doc.text would rebuild the string from the tokens
    line_lo = text.rfind("\n", 0, m.start) + 1
    line_hi = text.find("\n", m.end)
    line_hi = len(text) if line_hi < 0 else line_hi
    near = any(lo <= a < hi and line_lo <= idx[a] < line_hi for a in anchors)
    if not near:
        return False
    if rule.head_noun and anchor_lasts and word_index(toks, m.tok_start, -1) in anchor_lasts:
        return False  # a generic noun right after a technology heads a compound: 'machine learning engineering'
    return any(w in _LIST_SEPARATORS for w in window) or _capitalised_mid_sentence(toks, m)


def _capitalised_mid_sentence(toks: Tokens, m: Match) -> bool:
    """A case-sensitive name capitalised as listed inside a sentence, after a lower-case word and before no
    capitalised word ('use Swift for on-device inference'; not 'Ray Dalio', not a sentence's first word)."""
    rule = m.surface.ambiguity
    if rule is None or not rule.case_sensitive or not m.surface.text[:1].isupper():
        return False
    prev = next_word(toks, m.tok_start, -1)
    nxt = next_word(toks, m.tok_end - 1, 1)
    return (
        prev is not None and prev.text.isalpha() and prev.text.islower() and (nxt is None or not nxt.text[:1].isupper())
    )


__all__ = ["FUZZY_CUTOFF", "Match", "find_matches"]
