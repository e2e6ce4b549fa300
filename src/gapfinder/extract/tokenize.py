"""spaCy's tokenisation of a text, remembered per whitespace-separated chunk.

spaCy's tokenizer splits a text at white space first and then tokenises each chunk on its own (prefixes,
suffixes, infixes, special cases); a special case that would span two chunks is never applied, since its
text would hold the white space between them. So a text's tokens are its chunks' tokens in order, and a
chunk's tokens can be remembered: ``tokenize`` looks each chunk up, asks the tokenizer (once per text,
the unseen chunks joined by spaces) only for chunks it has not seen, and builds the ``Doc`` from the words
and the spaces between them. Same tokens, same
offsets, same white space as ``nlp.make_doc(text)`` (checked on dev texts, the examples and random texts
in ``tests/test_tokenize.py``); the lexemes are the vocabulary's, so every lexical attribute is the same.

spaCy keeps a cache of its own, but it leaves out every chunk a special case touched (``"(2019),"``,
``"e.g."``), so punctuated resumes were tokenised again and again (3.5 ms for a resume of 5,000
characters against 0.3 ms from remembered chunks). The lookups and the joining run in C (``map`` over the
chunks, ``itertools.chain``): on text spaCy does cache (job posts) it costs about what ``make_doc`` does.

White space follows spaCy: a single space after a chunk is its last token's trailing space (the chunk is
remembered with it); any other run of white space is a chunk of its own.
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
        tokens = _chunk_tokens([t.text for t in self.tokenizer(chunk[:-1] if spaced else chunk)], spaced)
        if len(chunk) <= MAX_CHUNK_CHARS:
            self[chunk] = tokens
        return tokens

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
        for chunk in chunks:  # white space and long chunks: one at a time (rare)
            if chunk not in self:
                self.__missing__(chunk)


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


__all__ = ["MAX_CHUNKS", "MAX_CHUNK_CHARS", "ChunkMemory", "tokenize"]
