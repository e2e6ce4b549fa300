"""Near misses of taxonomy surfaces, after the phrase matcher: spacing, punctuation and version variants
("scikit learn", "Py-Torch", "python3": ``variant``) and typos ("Kubernates": ``fuzzy``, a rapidfuzz ratio of at
least ``FUZZY_CUTOFF`` against a surface starting with the same letter, for a word with a capital letter that
does not merely start a sentence; anywhere in the skills section). Only the words that can start a surface
are tried (``Lex.inert``, ``Lex.quiet``), and fuzzy lookups stay in one first-letter bucket with a per-word
cache: the taxonomy is never scanned.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from ..text.context import AnalysisContext
from .doc_view import Lex, Match, Tokens, neighbour
from .phrase_index import PhraseIndex, Surface

FUZZY_CUTOFF = 90.0
#: a one-word variant this short, written as a plain word, is that word (``plain_word_variant``)
PLAIN_WORD_MAX = 5
# a word ending like an English inflection or derivation that the name lacks is that English word
# ("Informatics" is not "Informatica", "Objectives" not "Objective-C", "Ontologist" not "Ontologies")
# ("Collaborator" is not "Colaboratory")
ENGLISH_SUFFIXES = (
    "ing", "ed", "tion", "sion", "ment", "ness", "ity", "ly", "ous", "ive", "al", "ics", "ist", "s", "or", "er"
)  # fmt: skip


def window_match(lexes: list[Lex], i: int, covered: bytearray, index: PhraseIndex) -> tuple[Surface, int] | None:
    """The longest window of word tokens from i, joined by connectors or blanks ('scikit - learn',
    'Tensor Flow', 'python3'), whose compact key is a surface's: (surface, end token). The pass then drops a
    window with a dash between blanks ('team - work': ``spaced_dash``)."""
    first = lexes[i]
    if first.blank or first.breaks:
        return None
    if first.stop and first.text.islower() and i + 1 < len(lexes) and lexes[i + 1].connector:
        return None  # 'in-design', 'on-line': an English compound, not a name written apart
    if not first.is_prefix or (first.stop and (i + 1 == len(lexes) or not lexes[i + 1].connector)):
        # no surface starts like this word, or a stop word not joined to the next: only the word itself
        return (first.single, i + 1) if first.single is not None else None
    prefixes = index.prefixes
    ends: list[tuple[int, str]] = []  # (end token, compact key) of every window, shortest first
    key = ""
    for j in range(i, min(len(lexes), i + 7)):
        lx = lexes[j]
        if covered[j] or lx.blank or lx.breaks:
            break
        if j > i and lx.stop and not lexes[j - 1].connector:
            break  # 'or MS' is two words, not 'ORMs'
        if j == i + 1 and first.stop and not lx.connector:
            break
        key += lx.key
        if key not in prefixes:
            break  # no surface starts like this: longer windows cannot match either
        if not lx.connector:
            ends.append((j + 1, key))
    for end, k in reversed(ends):
        if end == i + 1:
            return (first.single, end) if first.single is not None else None
        if len(k) >= 4:
            sf = index.compact.get(k)
            if sf is not None:
                return sf, end
    return None


def variant_and_fuzzy(ctx: AnalysisContext, index: PhraseIndex, toks: Tokens, covered: bytearray) -> list[Match]:
    out: list[Match] = []
    lexes, idx = toks
    prefixes = index.prefixes
    after = 0  # tokens before this are inside a match already made
    last = len(lexes) - 1
    starts = [
        i for i, lx in enumerate(lexes) if not lx.inert and not (lx.quiet and (i == last or not lexes[i + 1].connector))
    ]
    for i in starts:
        if i < after or covered[i]:
            continue
        lx = lexes[i]
        found: Match | None = None
        hit: tuple[Surface, int] | None = None
        if lx.single is not None or lx.blank or lx.breaks:
            hit = window_match(lexes, i, covered, index)
        elif lx.is_prefix and i < last:
            # without a one-word variant, a window is a match only if it reaches the next token (the
            # checks window_match makes at that token, inline: most words stop here)
            nxt = lexes[i + 1]
            if not (
                covered[i + 1]
                or nxt.blank
                or nxt.breaks
                or (nxt.stop and not lx.connector)
                or (lx.stop and not nxt.connector)
                or lx.key + nxt.key not in prefixes
            ):
                hit = window_match(lexes, i, covered, index)
        if hit is not None and not (
            (hit[1] == i + 1 and plain_word_variant(lx, hit[0]) and neighbour(toks, i, -1) != ".")
            or spaced_dash(lexes, idx, i, hit[1])
        ):
            sf, end = hit
            found = Match(sf, i, end, idx[i], idx[end - 1] + len(lexes[end - 1].text), "variant")
        elif lx.fuzzy_shape and fuzzy_eligible(ctx, lexes, idx, i):
            found = fuzzy_match(index, lx, idx[i], i)
        if found is not None:
            out.append(found)
            after = found.tok_end
    return out


def spaced_dash(lexes: list[Lex], idx: list[int], i: int, end: int) -> bool:
    """'team - work': a dash with a blank beside it separates two words; it joins none."""
    for j in range(i + 1, end - 1):
        if lexes[j].text == "-" and (idx[j] > idx[j - 1] + len(lexes[j - 1].text) or idx[j + 1] > idx[j] + 1):
            return True
    return False


def plain_word_variant(lx: Lex, sf: Surface) -> bool:
    """'net' for '.NET', 'adds' for 'AD DS': a short plain word (letters, no capital inside, not all caps)
    whose only difference from a one-word name, or a name of acronyms, is the name's punctuation or casing
    is the everyday word (unless the punctuation is there, spaced out: '. Net' in tokenised text).
    Run-together forms of names of several words ('Teamplayer', 'Webservice') stay variants."""
    text = lx.text
    return (
        len(text) <= PLAIN_WORD_MAX
        and text.isalpha()
        and not text.isupper()
        and text[1:].islower()
        and (" " not in sf.text or sf.text.replace(" ", "").isupper())  # 'AD DS': acronyms, not words
    )


def fuzzy_eligible(ctx: AnalysisContext, lexes: list[Lex], idx: list[int], i: int) -> bool:
    """Typos are only looked for in words written like names (``Lex.fuzzy_shape``: a capital letter), and
    outside the skills section not at the start of a sentence or line (where every word is capitalised)."""
    if ctx.section_at(idx[i]) == "skills":
        return True
    j = i - 1  # the previous token, as neighbour(doc, i, -1)
    while j >= 0:
        lx = lexes[j]
        if not lx.blank:
            return lx.lower not in ("", ".", "!", "?", ":", "•", "-", "*")
        if "\n" in lx.text:
            return False
        j -= 1
    return False


def plausible_typo(word: str, candidate: str) -> bool:
    """A near miss is a typo only if it is not another word: 'Network' is not a cut-off 'NetworkX',
    'testing' is an English word with a suffix, not a misspelt 'TestNG'."""
    if abs(len(word) - len(candidate)) > 1:
        return False
    if candidate.startswith(word) or candidate.endswith(word) or word.startswith(candidate) or word.endswith(candidate):
        return False
    return not any(word.endswith(suf) and not candidate.endswith(suf) for suf in ENGLISH_SUFFIXES)


def fuzzy_match(index: PhraseIndex, lx: Lex, start: int, i: int) -> Match | None:
    """A typo of a fuzzy-eligible surface starting with the same letter."""
    key = lx.lower
    cache = index.fuzzy_cache
    if key in cache:
        hit = cache[key]
    else:
        hit = None
        bucket = index.fuzzy_buckets.get(key[0])
        if bucket:
            res = process.extractOne(key, bucket.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if res is not None and plausible_typo(key, res[0]):
                hit = (bucket[res[0]], float(res[1]))
        if len(cache) < 200_000:
            cache[key] = hit
    if hit is None:
        return None
    sf, score = hit
    return Match(sf, i, i + 1, start, start + len(lx.text), "fuzzy", score / 100.0)


__all__ = [
    "FUZZY_CUTOFF",
    "PLAIN_WORD_MAX",
    "fuzzy_match",
    "plain_word_variant",
    "plausible_typo",
    "spaced_dash",
    "variant_and_fuzzy",
    "window_match",
]
