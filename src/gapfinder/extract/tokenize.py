"""spaCy's tokenisation of a text, remembered per whitespace-separated chunk.

spaCy's tokenizer splits a text at white space first and then tokenises each chunk on its own (prefixes,
suffixes, infixes, special cases); a special case that would span two chunks is never applied, since its
text would hold the white space between them. So a text's tokens are its chunks' tokens in order, and a
chunk's tokens can be remembered: ``tokenize`` looks each chunk up, asks the tokenizer (once per text,
the unseen chunks joined by spaces) only for chunks it has not seen, and builds the ``Doc`` from the words
and the spaces between them. Same tokens, same
offsets, same white space as ``nlp.make_doc(text)`` (checked on dev texts, the examples and random texts
in ``tests/unit/extract/test_tokenize.py``); the lexemes are the vocabulary's, so every lexical attribute is the same.

spaCy keeps a cache of its own, but it leaves out every chunk a special case touched (``"(2019),"``,
``"e.g."``), so punctuated resumes were tokenised again and again (3.5 ms for a resume of 5,000
characters against 0.3 ms from remembered chunks). The lookups and the joining run in C (``map`` over the
chunks, ``itertools.chain``): on text spaCy does cache (job posts) it costs about what ``make_doc`` does.

White space follows spaCy: a single space after a chunk is its last token's trailing space (the chunk is
remembered with it); any other run of white space is a chunk of its own.

**Linear time on any chunk.** spaCy strips a chunk's prefixes and suffixes one at a time, and each strip
copies and re-searches the whole rest of the chunk: a chunk that is a run of 40,000 ``!`` (or emoji, or
``'s'`` repeated) costs 40,000 passes over up to 40,000 characters, minutes of C time that no deadline can
interrupt. A chunk longer than ``MAX_CHUNK_CHARS`` has the same strip loop run here by :func:`_peel`,
which gives spaCy's prefix and suffix rules only a short window at each end of the chunk (widened when a
match reaches the window's edge); the rest of the chunk goes to spaCy once. A chunk with few affixes (a
URL followed by ``).``) is still tokenised by spaCy whole, so every ordinary chunk keeps spaCy's exact
tokens; so does a long one, apart from special cases (``:)``) that would span the affixes peeled here.
"""

from __future__ import annotations

import operator
import re
from itertools import chain
from typing import Any

from spacy.tokens import Doc

from .phrase_index import PhraseIndex

#: a chunk with the one space after it, or a run of white space
_CHUNK = re.compile(r"\S+ ?|\s+")
#: chunks remembered per index; past this the memory is dropped and refilled
MAX_CHUNKS = 50_000
#: longer chunks (URLs, run-together text, an attack) are tokenised every time, never remembered: the
#: memory stays under MAX_CHUNKS x MAX_CHUNK_CHARS characters of keys (a few MB)
MAX_CHUNK_CHARS = 64
_WORDS = operator.itemgetter(0)
_SPACES = operator.itemgetter(1)

Tokens = tuple[tuple[str, ...], tuple[bool, ...]]


class ChunkMemory(dict[str, Tokens]):
    """chunk -> (its tokens' texts, their trailing spaces), filled on first sight by ``tokenizer``."""

    def __init__(self, tokenizer: Any) -> None:
        super().__init__()
        self.tokenizer = tokenizer

    def __missing__(self, chunk: str) -> Tokens:
        """One chunk, tokenised on its own (``learn`` does the chunks of a text in one call)."""
        spaced = chunk[-1] == " " and not chunk[0].isspace()
        word = chunk[:-1] if spaced else chunk
        if len(chunk) <= MAX_CHUNK_CHARS:
            tokens = self[chunk] = _chunk_tokens([t.text for t in self.tokenizer(word)], spaced)
            return tokens
        return _chunk_tokens(long_chunk_tokens(self.tokenizer, word), spaced)

    def learn(self, chunks: set[str]) -> None:
        """Remember ``chunks`` (all unseen) from one tokenizer call: the word chunks, without their
        trailing space, joined by single spaces tokenise as each does alone (spaCy splits at white space
        first), each ending on a token with a trailing space; a call per chunk cost a ``Doc`` each."""
        if len(self) + len(chunks) > MAX_CHUNKS:
            self.clear()
        words = [c for c in chunks if not c[0].isspace() and len(c) <= MAX_CHUNK_CHARS]
        k, texts = 0, []
        for token in self.tokenizer(" ".join(c.rstrip(" ") for c in words)):
            texts.append(token.text)
            if token.whitespace_:
                self[words[k]] = _chunk_tokens(texts, words[k][-1] == " ")
                k, texts = k + 1, []
        if texts:
            self[words[k]] = _chunk_tokens(texts, words[k][-1] == " ")
        for chunk in chunks:  # white space: one at a time (rare); long chunks are never remembered
            if len(chunk) <= MAX_CHUNK_CHARS and chunk not in self:
                self.__missing__(chunk)


#: when peeling a long chunk, each end is shown to spaCy's affix rules through a window this wide, with this
#: much room for the rules' look-behinds and look-aheads; a match that reaches into the room widens the window
_WINDOW = 16
_ROOM = 4
#: a long chunk with at most this many affixes is tokenised by spaCy whole (its loop is linear then)
_FEW_AFFIXES = 8


def long_chunk_tokens(tokenizer: Any, chunk: str) -> list[str]:
    """The token texts of a chunk without white space, in time linear in its length (see the module)."""
    peeled = _peel(tokenizer, chunk)
    if peeled is None:
        return [t.text for t in tokenizer(chunk)]
    prefixes, core, suffixes = peeled
    middle = [t.text for t in tokenizer(core)] if core else []
    return [*prefixes, *middle, *reversed(suffixes)]


def _peel(tokenizer: Any, chunk: str) -> tuple[list[str], str, list[str]] | None:
    """spaCy's prefix/suffix loop (``Tokenizer._split_affixes``) on ``chunk`` until what is left is short or
    has no affix: (prefixes, the rest, suffixes in the order they were stripped). None when spaCy can do the
    chunk itself in linear time (few affixes), or when its rules are not what this loop assumes."""
    if tokenizer.token_match is not None or tokenizer.prefix_search is None or tokenizer.suffix_search is None:
        return None
    prefix_search, suffix_search = _Memo(tokenizer.prefix_search), _Memo(tokenizer.suffix_search)
    prefixes: list[str] = []
    suffixes: list[str] = []
    lo, hi = 0, len(chunk)
    # spaCy checks the special cases (all short) before each strip; the rest is longer than any of them here
    while hi - lo > MAX_CHUNK_CHARS:
        pre = _prefix_len(prefix_search, chunk, lo, hi)
        suf = _suffix_len(suffix_search, chunk, lo + pre, hi)
        if pre and suf and pre + suf <= hi - lo:
            prefixes.append(chunk[lo : lo + pre])
            suffixes.append(chunk[hi - suf : hi])
            lo, hi = lo + pre, hi - suf
        elif pre:
            prefixes.append(chunk[lo : lo + pre])
            lo += pre
        elif suf:
            suffixes.append(chunk[hi - suf : hi])
            hi -= suf
        else:
            break
    if len(prefixes) + len(suffixes) <= _FEW_AFFIXES:
        return None
    return prefixes, chunk[lo:hi], suffixes


class _Memo(dict[str, tuple[int, int] | None]):
    """A rule search (``prefix_search``/``suffix_search``) remembered by window: a run that repeats one
    affix shows the same window again and again (a suffix search costs ~10 us per window)."""

    def __init__(self, search: Any) -> None:
        super().__init__()
        self.search = search

    def __missing__(self, window: str) -> tuple[int, int] | None:
        found = self.search(window)
        span = self[window] = None if found is None else found.span()
        return span


def _prefix_len(search: _Memo, chunk: str, lo: int, hi: int) -> int:
    """``Tokenizer.find_prefix(chunk[lo:hi])``, from a window at the start (the rules are anchored there)."""
    width = _WINDOW
    while True:
        end = min(hi, lo + width)
        found = search[chunk[lo:end]]
        if found is None or found[1] <= end - lo - _ROOM or end == hi:
            return 0 if found is None else found[1] - found[0]
        width *= 2


def _suffix_len(search: _Memo, chunk: str, lo: int, hi: int) -> int:
    """``Tokenizer.find_suffix(chunk[lo:hi])``, from a window at the end (the rules end with ``$``)."""
    width = _WINDOW
    while True:
        start = max(lo, hi - width)
        found = search[chunk[start:hi]]
        if found is None or found[0] >= _ROOM or start == lo:
            return 0 if found is None else found[1] - found[0]
        width *= 2


def _chunk_tokens(texts: list[str], spaced: bool) -> Tokens:
    """A chunk's token texts, and their trailing spaces: only the last may have one."""
    return tuple(texts), (False,) * (len(texts) - 1) + (spaced,)


def tokenize(index: PhraseIndex, text: str) -> Doc:
    """``index.nlp.make_doc(text)``, from remembered chunks."""
    memory = index.chunk_tokens
    if not isinstance(memory, ChunkMemory) or memory.tokenizer is not index.nlp.tokenizer:
        memory = index.chunk_tokens = ChunkMemory(index.nlp.tokenizer)
    found = _CHUNK.findall(text)
    chunks: list[Any] = list(map(memory.get, found))
    if None in chunks:  # unseen chunks: learnt in one tokenizer call, then looked up again
        memory.learn({chunk for chunk, known in zip(found, chunks, strict=True) if known is None})
        chunks = list(map(memory.__getitem__, found))
    words = list(chain.from_iterable(map(_WORDS, chunks)))
    spaces = list(chain.from_iterable(map(_SPACES, chunks)))
    return Doc(index.nlp.vocab, words=words, spaces=spaces)


__all__ = ["MAX_CHUNKS", "MAX_CHUNK_CHARS", "ChunkMemory", "long_chunk_tokens", "tokenize"]
