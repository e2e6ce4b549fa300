"""``extract.tokenize`` gives exactly the tokens of ``nlp.make_doc``: same texts, offsets and white space."""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace

import pytest

from gapfinder.extract import tokenize as tokenize_module
from gapfinder.extract.phrase_index import make_nlp
from gapfinder.extract.tokenize import tokenize

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_PIECES = [
    "don't", "can't", "U.S.", "e.g.", "a.m.", ":)", "(2019),", "C++", "Node.js", ".NET", "user@example.com",
    "https://x.y/z?q=1", "—", "...", "•", "|", "[Python]", "{x}", "3.5", "$2.5M", "10%", "co-founded", "A/B",
    "O'Reilly", "naïve", "Ünïcödé", "ML-Ops", "TensorFlow;", "'quoted'", '"Q"', "x", "", "#hash", "1st",
]  # fmt: skip
_BLANKS = [" ", " ", " ", "", "  ", "\n", "\n\n", " \n", "\t", "\xa0", "\u2003", " \n ", "\r\n"]


def _tokens(doc) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@pytest.fixture(scope="module")
def index() -> SimpleNamespace:
    return SimpleNamespace(nlp=make_nlp(), chunk_tokens={})


def test_random_texts_tokenise_as_make_doc(index: SimpleNamespace) -> None:
    rng = random.Random(29)
    for _ in range(3000):
        parts = [rng.choice(_BLANKS) if rng.random() < 0.2 else ""]
        for _ in range(rng.randint(0, 20)):
            parts += [rng.choice(_PIECES), rng.choice(_BLANKS)]
        text = "".join(parts)
        assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text)), repr(text)  # type: ignore[arg-type]


def test_examples_tokenise_as_make_doc(index: SimpleNamespace) -> None:
    files = sorted(EXAMPLES.glob("**/*.txt")) + sorted(EXAMPLES.glob("**/*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text)), path  # type: ignore[arg-type]


def test_the_memory_is_bounded(index: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokenize_module, "MAX_CHUNKS", 10)
    for i in range(50):
        tokenize(index, f"word{i} other{i}")  # type: ignore[arg-type]
    assert len(index.chunk_tokens) <= 12
    assert _tokens(tokenize(index, "word3 other3")) == _tokens(index.nlp.make_doc("word3 other3"))  # type: ignore[arg-type]


def test_long_chunks_are_not_remembered(index: SimpleNamespace) -> None:
    long = "x" * 5000 + ".com/" + "y" * 5000
    text = f"see {long}  and\n\n{' ' * 300}end"
    assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text))  # type: ignore[arg-type]
    assert all(len(k) <= tokenize_module.MAX_CHUNK_CHARS for k in index.chunk_tokens)


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.mark.skipif(not (DEV / "resumes_dotin.jsonl").exists(), reason="needs ../shared/eval/dev")
def test_dev_texts_tokenise_as_make_doc(index: SimpleNamespace) -> None:
    import json

    for name in ("resumes_dotin.jsonl", "jobs_glassdoor.jsonl"):
        with open(DEV / name, encoding="utf-8") as f:
            texts = [json.loads(line).get("text") for line in f][:150]
        for text in filter(None, texts):
            assert _tokens(tokenize(index, text)) == _tokens(index.nlp.make_doc(text))  # type: ignore[arg-type]
