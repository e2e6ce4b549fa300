"""Find taxonomy surfaces in a tokenised document: exact/alias phrases, variants, fuzzy near misses.

Policy for ambiguous surfaces (English words, names, one or two letters — "R", "Go", "Spark", "Excel"):
1. a case-sensitive surface must be written as listed ("Go", not "go"); ALL CAPS is accepted for
   surfaces of three letters or more ("SPARK" in a capitalised skills list);
2. a vetoing neighbour rejects it ("go-to-market", "C-level", "excel at");
3. it then needs context: the skills section, a confirming word from its rule nearby ("Go" near
   "golang", "goroutines"), or an unambiguous technology mention on the same line within a few tokens.
Near misses: a spacing/punctuation/version variant of a surface ("scikit learn", "Py-Torch", "python3")
matches as ``variant``; a typo ("Kubernates") matches as ``fuzzy`` when the rapidfuzz ratio is at least
``FUZZY_CUTOFF`` against a surface starting with the same letter, for a word with a capital letter that does
not merely start a sentence (anywhere in the skills section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..models import MatchKind
from .context import AnalysisContext
from .phrase_index import PhraseIndex, Surface, compact_key

FUZZY_CUTOFF = 90.0
CONTEXT_WINDOW = 6
_VERSION_SUFFIX = re.compile(r"(?<=[a-z])v?\d+(\.\d+)*$")
_CONNECTORS = frozenset({"-", ".", "/", "_"})
_ENGLISH_SUFFIXES = ("ing", "ed", "tion", "sion", "ment", "ness", "ity", "ly", "ers", "ies", "ous", "ive", "al")
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
_SOFT_BREAK = re.compile(r"(?:(?<=[^\n]{30})|(?<=[-–&,/]))\n(?=[A-Za-z(])")
_LIST_SEPARATORS = frozenset({",", "|", "/", ";", "•", "and", "&", "(", ")"})


@dataclass(frozen=True, slots=True)
class Match:
    """A surface found in the normalised text (token and character offsets)."""

    surface: Surface
    tok_start: int
    tok_end: int
    start: int
    end: int
    kind: MatchKind
    score: float = 1.0


def match_text(text: str) -> str:
    """The text the matcher tokenises: soft line breaks (a wrapped line) become spaces, so names wrapped
    over two lines still match. Same length as ``text``, so every offset stays valid."""
    return _SOFT_BREAK.sub(" ", text) if "\n" in text else text


def find_matches(ctx: AnalysisContext, index: PhraseIndex, doc: Doc) -> list[Match]:
    phrase = _phrase_matches(index, doc)
    unambiguous = [m for m in phrase if m.surface.ambiguity is None]
    taken = _select(unambiguous)
    anchors = sorted(m.tok_start for m in taken)
    ambiguous = [m for m in phrase if m.surface.ambiguity is not None and _ambiguity_ok(ctx, doc, m, anchors)]
    taken = _select(taken + ambiguous)
    covered = bytearray(len(doc))
    for m in taken:
        covered[m.tok_start : m.tok_end] = b"\x01" * (m.tok_end - m.tok_start)
    extra = _variant_and_fuzzy(ctx, index, doc, covered)
    kept = (m for m in taken + extra if not _names_a_role(doc, m) and not _aspiration(doc, m))
    return sorted(kept, key=lambda m: m.start)


def _aspiration(doc: Doc, m: Match) -> bool:
    """'Learning Kubernetes next', 'Docker (learning)': a skill being learned is not held yet."""
    prev = _neighbour(doc, m.tok_start, -1)
    if prev in _LEARNING_VERBS:
        before = _neighbour(doc, m.tok_start - 1, -1) if m.tok_start > 0 else ""
        return before not in _LEARNING_KINDS  # 'machine learning Kubernetes' is not an aspiration
    after = doc[m.tok_end : m.tok_end + 4].text.lower()
    return after.startswith(_LEARNING_NOTES)


def _names_a_role(doc: Doc, m: Match) -> bool:
    """'QA Engineer', 'Agile team', 'Front-end Developer': a skill word naming a role or a team is a name,
    not a claim of the skill (the skill itself is evidenced elsewhere if it is held)."""
    nxt = _neighbour(doc, m.tok_end - 1, 1)
    if nxt == "-":  # "Full-Stack Engineer" may tokenise as "Full-Stack", or "Full - Stack" inside the surface
        return False
    return m.surface.kind == "skill" and nxt in _ROLE_NOUNS and m.surface.category not in _CLAIMED_BY_ROLE


def _phrase_matches(index: PhraseIndex, doc: Doc) -> list[Match]:
    strings = index.nlp.vocab.strings
    out: list[Match] = []
    for label_hash, s, e in index.matcher(doc):
        label = strings[label_hash]
        key = " ".join(t.lower_ for t in doc[s:e])
        sf = index.surfaces[label].get(key)
        if sf is None:
            continue
        span = doc[s:e]
        text = span.text
        if sf.case_sensitive and text != sf.text and not (len(sf.text) >= 3 and text == sf.text.upper()):
            continue
        kind: MatchKind = "exact" if sf.is_name else "alias"
        out.append(Match(sf, s, e, span.start_char, span.end_char, kind))
    return out


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


def _neighbour(doc: Doc, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(doc):
        tok = doc[j]
        if not tok.is_space:
            return tok.lower_
        if "\n" in tok.text:
            return "\n"
        j += step
    return ""


def _ambiguity_ok(ctx: AnalysisContext, doc: Doc, m: Match, anchors: list[int]) -> bool:
    rule = m.surface.ambiguity
    assert rule is not None
    if _neighbour(doc, m.tok_start, -1) in rule.reject_prev or _neighbour(doc, m.tok_end - 1, 1) in rule.reject_next:
        return False
    if ctx.section_at(m.start) == "skills":
        return True
    lo, hi = max(0, m.tok_start - CONTEXT_WINDOW), min(len(doc), m.tok_end + CONTEXT_WINDOW)
    window = doc[lo:hi]
    if rule.context and any(t.lower_ in rule.context for t in window):
        return True
    # an unambiguous technology on the same line, close by, separated like a list
    text = ctx.text  # doc.text would rebuild the string from the tokens
    line_lo = text.rfind("\n", 0, m.start) + 1
    line_hi = text.find("\n", m.end)
    line_hi = len(text) if line_hi < 0 else line_hi
    near = any(lo <= a < hi and line_lo <= doc[a].idx < line_hi for a in anchors)
    if not near:
        return False
    return any(t.lower_ in _LIST_SEPARATORS for t in window)


def _windows(doc: Doc, i: int, covered: bytearray, prefixes: set[str], max_tokens: int = 7) -> list[tuple[int, str]]:
    """Windows of word tokens from i, joined by connectors or blanks: 'scikit - learn', 'Tensor Flow'."""
    out: list[tuple[int, str]] = []
    parts: list[str] = []
    for j in range(i, min(len(doc), i + max_tokens)):
        tok = doc[j]
        if covered[j] or tok.is_space or (tok.is_punct and tok.text not in _CONNECTORS):
            break
        if j > i and tok.is_stop and doc[j - 1].text not in _CONNECTORS:
            break  # 'or MS' is two words, not 'ORMs'
        if j == i + 1 and doc[i].is_stop and tok.text not in _CONNECTORS:
            break
        parts.append(tok.text)
        joined = "".join(parts)
        if compact_key(joined) not in prefixes:
            if j == i and tok.text not in _CONNECTORS:
                out.append((j + 1, joined))  # still a candidate for version stripping ("python3")
            break  # no surface starts like this: longer windows cannot match either
        if tok.text not in _CONNECTORS:
            out.append((j + 1, joined))
    return out


def _variant_and_fuzzy(ctx: AnalysisContext, index: PhraseIndex, doc: Doc, covered: bytearray) -> list[Match]:
    out: list[Match] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if covered[i] or (not tok.is_alpha and not tok.text[:1].isalnum()):
            i += 1
            continue
        found: Match | None = None
        for end, joined in reversed(_windows(doc, i, covered, index.prefixes)):
            key = compact_key(joined)
            sf = index.compact.get(key) if end - i == 1 or len(key) >= 4 else None
            if sf is None and end == i + 1:
                stripped = _VERSION_SUFFIX.sub("", key)
                sf = index.compact.get(stripped) if stripped != key else None
            if sf is not None and (end - i > 1 or key != sf.text.casefold()):
                found = Match(sf, i, end, tok.idx, doc[end - 1].idx + len(doc[end - 1].text), "variant")
                break
        if found is None and _fuzzy_eligible(ctx, doc, i):
            found = _fuzzy(index, doc, i)
        if found is not None:
            out.append(found)
            i = found.tok_end
        else:
            i += 1
    return out


def _fuzzy_eligible(ctx: AnalysisContext, doc: Doc, i: int) -> bool:
    """Typos are only looked for in words written like names: a capital letter, and outside the skills
    section not at the start of a sentence or line (where every word is capitalised)."""
    tok = doc[i]
    text = tok.text
    if not tok.is_alpha or len(text) < 6 or tok.lower_ in STOP_WORDS or text.islower():
        return False
    if ctx.section_at(tok.idx) == "skills":
        return True
    prev = _neighbour(doc, i, -1)
    return prev not in ("", "\n", ".", "!", "?", ":", "•", "-", "*")


def _plausible_typo(word: str, candidate: str) -> bool:
    """A near miss is a typo only if it is not another word: 'Network' is not a cut-off 'NetworkX',
    'testing' is an English word with a suffix, not a misspelt 'TestNG'."""
    if abs(len(word) - len(candidate)) > 1:
        return False
    if candidate.startswith(word) or candidate.endswith(word) or word.startswith(candidate) or word.endswith(candidate):
        return False
    return not any(word.endswith(suf) and not candidate.endswith(suf) for suf in _ENGLISH_SUFFIXES)


def _fuzzy(index: PhraseIndex, doc: Doc, i: int) -> Match | None:
    tok = doc[i]
    key = tok.lower_
    cache = index.fuzzy_cache
    if key in cache:
        hit = cache[key]
    else:
        hit = None
        bucket = index.fuzzy_buckets.get(key[0])
        if bucket:
            res = process.extractOne(key, bucket.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if res is not None and _plausible_typo(key, res[0]):
                hit = (bucket[res[0]], float(res[1]))
        if len(cache) < 200_000:
            cache[key] = hit
    if hit is None:
        return None
    sf, score = hit
    return Match(sf, i, i + 1, tok.idx, tok.idx + len(tok.text), "fuzzy", score / 100.0)


__all__ = ["FUZZY_CUTOFF", "Match", "find_matches"]
