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

from ..models import MatchKind
from .context import AnalysisContext
from .doc_view import Match, Tokens, doc_tokens, neighbour, next_word, word_index
from .near_misses import FUZZY_CUTOFF, variant_and_fuzzy
from .phrase_index import PhraseIndex
from .senses import other_sense
from .trie import guarded

CONTEXT_WINDOW = 6
#: unambiguous technology names a run needs around a name for that name to count as listed (``_in_run``)
RUN_ANCHORS = 2
#: a job post's first line is its title when it is at most this long (``_title_line``)
TITLE_MAX_CHARS = 150
_JOINERS = frozenset({"-", "_", "."})  # join words into one compound, unlike "/"
# a "C++ developer" does claim C++
_CLAIMED_BY_ROLE = frozenset({"language"})
_ROLE_NOUNS = frozenset(
    [
        "engineer",
        "engineers",
        "developer",
        "developers",
        "team",
        "teams",
        "architect",
        "architects",
        "specialist",
        "specialists",
        "tester",
        "testers",
        "consultant",
        "consultants",
        "position",
        "role",
        "roles",
        "department",
        "guild",
        "chapter",
        "squad",
    ]
)
#: nouns that end or head the name of an institution, a publication or an event
_INSTITUTION_NOUNS = frozenset(
    [
        "institute",
        "institution",
        "faculty",
        "school",
        "department",
        "college",
        "university",
        "journal",
        "society",
        "association",
        "council",
        "division",
        "bureau",
        "ministry",
        "academy",
        "conference",
        "symposium",
        "proceedings",
        "transactions",
        "foundation",
        "centre",
        "center",
        "club",
        "committee",
        "laboratory",
        "laboratories",
        "agency",
        "board",
        "magazine",
        "review",
        "quarterly",
        "forum",
    ]
)
#: categories whose words end the names of companies ('Tidewater Logistics'): see ``_in_proper_name``
_NAMING_CATEGORIES = frozenset({"domain"})
_LEARNING_VERBS = frozenset({"learning", "studying", "exploring"})
_LEARNING_KINDS = frozenset(
    {
        "machine",
        "deep",
        "reinforcement",
        "transfer",
        "federated",
        "active",
        "supervised",
        "unsupervised",
        "self-supervised",
        "representation",
        "statistical",
        "online",
        "ensemble",
        "meta",
        "contrastive",
        "e",
        "-",
    }
)
_LEARNING_NOTES = ("(learning", "(currently learning", "(in progress", "(studying", "(planned")
# a line break inside wrapped text: the line before is long or ends on a connector, the next starts a word
_SOFT_BREAK = guarded(r"(?:(?<=[^\n]{30})|(?<=[-–&,/]))\n(?=[A-Za-z(])")
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


def match_text(text: str) -> str:
    """The text the matcher tokenises: soft line breaks (a wrapped line) become spaces, so names wrapped
    over two lines still match. Same length as ``text``, so every offset stays valid."""
    return _SOFT_BREAK.sub(" ", text) if "\n" in text else text


def find_matches(ctx: AnalysisContext, index: PhraseIndex, doc: Doc) -> list[Match]:
    toks = doc_tokens(index, doc)
    recased: list[Match] = []
    phrase = _phrase_matches(index, doc, toks, recased)
    unambiguous = [m for m in phrase if m.surface.ambiguity is None]
    taken = _select(unambiguous)
    anchors = sorted(m.tok_start for m in taken)
    anchor_lasts = {m.tok_end - 1 for m in taken}
    ambiguous: list[Match] = []
    doubtful: list[Match] = recased
    for m in phrase:
        if m.surface.ambiguity is not None:
            (ambiguous if _ambiguity_ok(ctx, toks, m, anchors, anchor_lasts) else doubtful).append(m)
    if doubtful:
        listed = _in_run(toks, phrase + recased, taken)
        ambiguous += [m for m in doubtful if listed(m) and _not_vetoed(toks, m)]
    taken = _select(taken + ambiguous)
    covered = bytearray(len(doc))
    for m in taken:
        covered[m.tok_start : m.tok_end] = b"\x01" * (m.tok_end - m.tok_start)
    extra = variant_and_fuzzy(ctx, index, toks, covered)
    claimed: list[str | None] = [None] * len(doc)  # token -> category of the skill match covering it
    for m in taken + extra:
        if m.surface.kind == "skill":
            claimed[m.tok_start : m.tok_end] = [m.surface.category] * (m.tok_end - m.tok_start)
    kept = [
        m
        for m in taken + extra
        if not _inside_a_word(ctx.text, m)
        and not _names_a_role(toks, m)
        and not _aspiration(doc, toks, m)
        and not _names_an_organisation(toks, m)
        and other_sense(ctx, index, toks, m, claimed) is None
    ]
    if ctx.kind == "job":
        kept = _outside_title(ctx, kept)
    return sorted(kept, key=lambda m: m.start)


def _title_line(text: str) -> tuple[int, int]:
    """The title line of a job post: its first non-blank line, when it is short and not a sentence."""
    lo = len(text) - len(text.lstrip())
    hi = text.find("\n", lo)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].rstrip()
    if not line or len(line) > TITLE_MAX_CHARS or ". " in line or line.endswith((".", "!", "?", ":")):
        return 0, 0
    return lo, lo + len(line)


def _outside_title(ctx: AnalysisContext, matches: list[Match]) -> list[Match]:
    """'Senior Java Developer' as the title of a post names the role; the post states what it asks for
    in its text. A skill named in the title counts there only when the text never names it."""
    lo, hi = _title_line(ctx.text)
    if lo == hi:
        return matches
    named = {m.surface.id for m in matches if not lo <= m.start < hi}
    return [m for m in matches if not lo <= m.start < hi or m.surface.id not in named]


def _inside_a_word(text: str, m: Match) -> bool:
    """'S3' of 'S3G': spaCy splits some words after a digit (units: '5G'); a name is a whole word, so a match
    with a letter or digit right before or after it, in the same word, is part of another word."""
    return (m.start > 0 and text[m.start - 1].isalnum() and text[m.start].isalnum()) or (
        m.end < len(text) and text[m.end].isalnum() and text[m.end - 1].isalnum()
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


def _phrase_matches(
    index: PhraseIndex, doc: Doc, toks: Tokens | None = None, recased: list[Match] | None = None
) -> list[Match]:
    """Exact and alias matches of the phrase matcher, re-checked for case where the surface asks.

    A case-sensitive skill surface written all in lower case ("go", "spring", "c#") is no match here; when
    ``recased`` is given, such matches of two letters or more go there instead (``_in_run`` may accept them)."""
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
                    if recased is not None and sf.kind == "skill" and len(text) >= 2 and text == key:
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
    if rule.case_sensitive and _with_release(ctx.text, m):
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
    return any(w in _LIST_SEPARATORS for w in window)


__all__ = ["FUZZY_CUTOFF", "Match", "find_matches"]
