"""spaCy's tokenisation of a text, remembered per whitespace-separated chunk.

spaCy's tokenizer splits a text at white space first and then tokenises each chunk on its own (prefixes,
suffixes, infixes, special cases); a special case that would span two chunks is never applied, since its
text would hold the white space between them. So a text's tokens are its chunks' tokens in order, and a
chunk's tokens can be remembered: ``tokenize`` looks each chunk up (a dict), asks the tokenizer only for
chunks it has not seen, and builds the ``Doc`` from the words and the spaces between them. Same tokens,
same offsets, same white space as ``nlp.make_doc(text)`` (checked on every dev text and on random texts in
``tests/test_tokenize.py``); the lexemes are the vocabulary's, so every lexical attribute is the same.

spaCy keeps a cache of its own, but it leaves out every chunk a special case touched (``"(2019),"``,
``"e.g."``), so punctuated resumes were tokenised again and again. Words repeat across documents: a warm
engine tokenises a resume 3-8 times faster this way, and even a first document gains from the words it
repeats. White space follows spaCy: a single space after a chunk is that token's trailing space; any other
run of white space (after that space) is a chunk of its own.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .phrase_index import PhraseIndex

#: a chunk and the white space after it; the text's leading white space is a chunk with an empty word
_CHUNK = re.compile(r"(\S*)(\s*)")
#: chunks remembered per index; past this the memory is dropped and refilled
MAX_CHUNKS = 50_000
#: longer chunks (URLs, run-together text, an attack) are tokenised every time, never remembered: the
#: memory stays under MAX_CHUNKS x MAX_CHUNK_CHARS characters of keys (a few MB)
MAX_CHUNK_CHARS = 64


def tokenize(index: PhraseIndex, text: str) -> Doc:
    """``index.nlp.make_doc(text)``, from remembered chunks."""
    memo = index.chunk_tokens
    if len(memo) > MAX_CHUNKS:
        memo.clear()
    tokenizer = index.nlp.tokenizer
    words: list[str] = []
    spaces: list[bool] = []
    for word, blank in _CHUNK.findall(text):
        if word:
            toks = memo.get(word)
            if toks is None:
                toks = tuple(t.text for t in tokenizer(word))
                if len(word) <= MAX_CHUNK_CHARS:
                    memo[word] = toks
            words += toks
            spaces += [False] * len(toks)
            if blank[:1] == " ":
                spaces[-1] = True
                blank = blank[1:]
        if blank:
            toks = memo.get(blank)
            if toks is None:
                toks = tuple(t.text for t in tokenizer(blank))
                if len(blank) <= MAX_CHUNK_CHARS:
                    memo[blank] = toks
            words += toks
            spaces += [False] * len(toks)
    return Doc(index.nlp.vocab, words=words, spaces=spaces)


__all__ = ["MAX_CHUNKS", "MAX_CHUNK_CHARS", "tokenize"]
