"""``extract.tokenize`` gives exactly the tokens of ``nlp.make_doc``: same texts, offsets and white space."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import cast

import pytest
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from gapfinder.extract import tokenize as tokenize_module
from gapfinder.extract.phrase_index import PhraseIndex, make_nlp
from gapfinder.extract.tokenize import tokenize
from helpers import EXAMPLES, SHARED

_PIECES = [
    "don't", "can't", "U.S.", "e.g.", "a.m.", ":)", "(2019),", "C++", "Node.js", ".NET", "user@example.com",
    "https://x.y/z?q=1", "—", "...", "•", "|", "[Python]", "{x}", "3.5", "$2.5M", "10%", "co-founded", "A/B",
    "O'Reilly", "naïve", "Ünïcödé", "ML-Ops", "TensorFlow;", "'quoted'", '"Q"', "x", "", "#hash", "1st",
]  # fmt: skip
_BLANKS = [" ", " ", " ", "", "  ", "\n", "\n\n", " \n", "\t", "\xa0", "\u2003", " \n ", "\r\n"]


def _tokens(doc: Doc) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@pytest.fixture(scope="module")
def index() -> PhraseIndex:
    """The two parts of a phrase index that ``tokenize`` reads (no taxonomy to compile)."""
    return cast("PhraseIndex", SimpleNamespace(nlp=make_nlp(), chunk_tokens={}))


def test_random_texts_tokenise_as_make_doc(index: PhraseIndex) -> None:
    rng = random.Random(29)
    for _ in range(3000):
        parts = [rng.choice(_BLANKS) if rng.random() < 0.2 else ""]
        for _ in range(rng.randint(0, 20)):
            parts += [rng.choice(_PIECES), rng.choice(_BLANKS)]
        text = "".join(parts)
        assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text)), repr(text)


def test_examples_tokenise_as_make_doc(index: PhraseIndex) -> None:
    files = sorted(EXAMPLES.glob("**/*.txt")) + sorted(EXAMPLES.glob("**/*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text)), path


def test_the_memory_is_bounded(index: PhraseIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokenize_module, "MAX_CHUNKS", 10)
    for i in range(50):
        tokenize(index, f"word{i} other{i}")
    assert len(index.chunk_tokens) <= 12
    assert _tokens(tokenize(index, "word3 other3")) == _tokens(index.nlp.make_doc("word3 other3"))


def test_long_chunks_are_not_remembered(index: PhraseIndex) -> None:
    long = "x" * 5000 + ".com/" + "y" * 5000
    text = f"see {long}  and\n\n{' ' * 300}end"
    assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text))
    assert all(len(k) <= tokenize_module.MAX_CHUNK_CHARS for k in index.chunk_tokens)


DEV = SHARED / "eval" / "dev"


@pytest.mark.skipif(not (DEV / "resumes_dotin.jsonl").exists(), reason="needs ../shared/eval/dev")
def test_dev_texts_tokenise_as_make_doc(index: PhraseIndex) -> None:
    import json

    for name in ("resumes_dotin.jsonl", "jobs_glassdoor.jsonl"):
        with open(DEV / name, encoding="utf-8") as f:
            texts = [json.loads(line).get("text") for line in f][:150]
        for text in filter(None, texts):
            assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text))


# ------------------------------------------------------------------ long chunks: linear time, same tokens
class _Counting:
    """A tokenizer whose affix searches count the characters they are shown, and whose calls record the
    length of what spaCy itself was given."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.token_match = tokenizer.token_match
        self.searched = 0
        self.long_calls: list[int] = []  # token counts of spaCy's answers for long strings
        self.prefix_search = self._count(tokenizer.prefix_search)
        self.suffix_search = self._count(tokenizer.suffix_search)

    def _count(self, search: Callable[[str], re.Match[str] | None]) -> Callable[[str], re.Match[str] | None]:
        def counted(window: str) -> re.Match[str] | None:
            self.searched += len(window)
            return search(window)

        return counted

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        if len(text) > tokenize_module.MAX_CHUNK_CHARS:
            self.long_calls.append(len(doc))
        return doc


@pytest.mark.parametrize("unit", ["!", "😀", "(", "'", "'s", "…", "★", ":)", '"'])
@pytest.mark.parametrize("side", ["end", "start"])
def test_a_long_run_of_affixes_costs_linear_work(index: PhraseIndex, unit: str, side: str) -> None:
    """spaCy strips a chunk's affixes one at a time, re-reading the rest each time (quadratic: minutes for
    40 KB); the peeling loop shows its rules only windows at the two ends, and spaCy only a short rest."""
    for n in (2_000, 20_000):
        run = unit * (n // len(unit))
        chunk = "word" + run if side == "end" else run + "word"
        counting = _Counting(index.nlp.tokenizer)
        tokens = tokenize_module.long_chunk_tokens(counting, chunk)
        assert "".join(tokens) == chunk
        assert counting.searched <= 40 * len(chunk)  # a bounded window per stripped affix
        # spaCy itself gets a long string only when its loop strips few affixes from it (then it is linear)
        assert all(n <= 2 * tokenize_module._FEW_AFFIXES + 2 for n in counting.long_calls)


@pytest.mark.parametrize(
    "chunk",
    [
        "x" + "!" * 300,
        "(" * 200 + "Python" + ")" * 200,
        "Kubernetes" + "'s" * 150,
        "“" * 90 + "quoted" + "”" * 90 + ".",
        "★" * 120 + "Rust",
        "https://example.com/a/very/long/path/" + "segment/" * 20 + ").",
        "a" * 5000,
        "a:" * 200,
    ],
)
def test_long_chunks_keep_spacys_tokens(index: PhraseIndex, chunk: str) -> None:
    expected = [t.text for t in index.nlp.tokenizer(chunk)]
    assert tokenize_module.long_chunk_tokens(index.nlp.tokenizer, chunk) == expected
    text = f"Skills: {chunk} and Go"
    assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text))


def test_the_web_address_rule_is_linear_on_colons() -> None:
    """spaCy's address pattern backtracks over every ':' when there is no '@' (quadratic on 'a:a:a:...'):
    the pattern without its user-info part gives the same answers."""
    from gapfinder.extract.phrase_index import _URL, _URL_MATCH

    for text in ["https://x.org/a:b", "user:pw@example.com", "example.com:8080/x", "a:b:c", "mailto:me@x.org"]:
        assert bool(_URL_MATCH(text)) == bool(_URL.match(text)), text
    assert _URL_MATCH("a:" * 50_000) is None  # instant; the full pattern takes seconds here
