"""The tokens of a document as the matching passes read them, and the ``Match`` record they produce.

``doc_tokens`` turns a spaCy ``Doc`` into word types (``Lex``: one per spaCy orth id, computed once and kept in
the phrase index's ``lex_cache``: compact key, prefix flag, one-word variant, fuzzy shape...) and character
offsets, read from one ``Doc.to_array``; ``neighbour``, ``word_index`` and ``next_word`` walk them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import IDX, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..models import MatchKind
from .phrase_index import PhraseIndex, Surface, compact_key

_VERSION_SUFFIX = re.compile(r"(?<=[a-z])v?\d+(\.\d+)*$")
CONNECTORS = frozenset({"-", ".", "/", "_"})


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


class Lex(NamedTuple):
    """What the variant/fuzzy pass needs of a word type; the same for every token of that spelling."""

    text: str
    lower: str
    key: str  # compact_key(text)
    is_prefix: bool  # key starts some surface's compact key
    single: Surface | None  # the variant a one-token window of this word matches, if any
    skip: bool  # neither alphabetic nor starting with a letter or digit: never starts a window
    stop: bool
    blank: bool  # is_space
    breaks: bool  # punctuation other than a connector: ends a window
    connector: bool
    fuzzy_shape: bool  # long enough, capitalised somewhere, not a stop word: may be a typo of a name
    inert: bool  # can neither start a variant window nor be a typo: the pass skips it
    quiet: bool  # no one-token variant, no typo, and a stop word, blank or punctuation: can only start a
    # variant window joined to the next token by a connector (else the pass skips it)


class LexCache(dict[int, Lex]):
    """spaCy orth id -> ``Lex``, filled on first sight (bounded; a miss past the bound is recomputed)."""

    def __init__(self, index: PhraseIndex) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, orth: int) -> Lex:
        lex = word_type(self.index, orth)
        if len(self) < 200_000:
            self[orth] = lex
        return lex


def word_type(index: PhraseIndex, orth: int) -> Lex:
    lexeme = index.nlp.vocab[orth]
    text = lexeme.orth_
    key = compact_key(text)
    single = index.compact.get(key)
    if single is None:
        stripped = _VERSION_SUFFIX.sub("", key)
        single = index.compact.get(stripped) if stripped != key else None
    if single is not None and key == single.text.casefold():
        single = None  # written as listed: the phrase matcher's business
    connector = text in CONNECTORS
    skip = not lexeme.is_alpha and not text[:1].isalnum()
    is_prefix = key in index.prefixes
    fuzzy_shape = lexeme.is_alpha and len(text) >= 6 and lexeme.lower_ not in STOP_WORDS and not text.islower()
    return Lex(
        text=text,
        lower=lexeme.lower_,
        key=key,
        is_prefix=is_prefix,
        single=single if not connector else None,
        skip=skip,
        stop=lexeme.is_stop,
        blank=lexeme.is_space,
        breaks=lexeme.is_punct and not connector,
        connector=connector,
        fuzzy_shape=fuzzy_shape,
        inert=skip or (not is_prefix and single is None and not fuzzy_shape),
        quiet=(
            single is None
            and not fuzzy_shape
            and not connector
            and (lexeme.is_stop or lexeme.is_space or lexeme.is_punct)
        ),
    )


class Tokens(NamedTuple):
    """The document's tokens as the passes read them: word types and character offsets."""

    lexes: list[Lex]
    idx: list[int]


def doc_tokens(index: PhraseIndex, doc: Doc) -> Tokens:
    if not len(doc):
        return Tokens([], [])
    cols = doc.to_array([ORTH, IDX])
    cache = index.lex_cache
    if not isinstance(cache, LexCache):
        cache = index.lex_cache = LexCache(index)
    return Tokens(list(map(cache.__getitem__, cols[:, 0].tolist())), cols[:, 1].tolist())


def neighbour(toks: Tokens, i: int, step: int) -> str:
    """The lower-cased next non-blank token from i in direction ``step``; a line break if one comes first."""
    lexes = toks.lexes
    j = i + step
    while 0 <= j < len(lexes):
        lx = lexes[j]
        if not lx.blank:
            return lx.lower
        if "\n" in lx.text:
            return "\n"
        j += step
    return ""


def word_index(toks: Tokens, i: int, step: int) -> int | None:
    """The index of the next non-blank token from i in direction ``step`` on the same line."""
    lexes = toks.lexes
    j = i + step
    while 0 <= j < len(lexes):
        lx = lexes[j]
        if not lx.blank:
            return j
        if "\n" in lx.text:
            return None
        j += step
    return None


def next_word(toks: Tokens, i: int, step: int) -> Lex | None:
    j = word_index(toks, i, step)
    return None if j is None else toks.lexes[j]


__all__ = [
    "CONNECTORS",
    "Lex",
    "LexCache",
    "Match",
    "Tokens",
    "doc_tokens",
    "neighbour",
    "next_word",
    "word_index",
    "word_type",
]
