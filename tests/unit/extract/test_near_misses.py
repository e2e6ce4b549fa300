"""The variant pass skips the windows that cannot reach the next token without calling ``window_match``;
it finds exactly what calling it at every start finds."""

from __future__ import annotations

import random

from gapfinder import Engine
from gapfinder.extract import doc_view, near_misses
from gapfinder.extract.doc_view import Match, Tokens
from gapfinder.extract.near_misses import window_match
from gapfinder.extract.phrase_index import PhraseIndex
from gapfinder.extract.tokenize import tokenize
from gapfinder.text.context import AnalysisContext


def _reference(ctx: AnalysisContext, index: PhraseIndex, toks: Tokens, covered: bytearray) -> list[Match]:
    """The pass as it was: ``window_match`` at every start."""
    out: list[Match] = []
    lexes, idx = toks
    after = 0
    last = len(lexes) - 1
    starts = [
        i for i, lx in enumerate(lexes) if not lx.inert and not (lx.quiet and (i == last or not lexes[i + 1].connector))
    ]
    for i in starts:
        if i < after or covered[i]:
            continue
        lx = lexes[i]
        found = None
        hit = window_match(lexes, i, covered, index)
        if hit is not None and not (
            (hit[1] == i + 1 and near_misses.plain_word_variant(lx, hit[0]) and doc_view.neighbour(toks, i, -1) != ".")
            or near_misses.spaced_dash(lexes, idx, i, hit[1])
        ):
            sf, end = hit
            found = Match(sf, i, end, idx[i], idx[end - 1] + len(lexes[end - 1].text), "variant")
        elif lx.fuzzy_shape and near_misses.fuzzy_eligible(ctx, lexes, idx, i):
            found = near_misses.fuzzy_match(index, lx, idx[i], i)
        if found is not None:
            out.append(found)
            after = found.tok_end
    return out


def test_skipped_windows_find_nothing(engine: Engine) -> None:
    from gapfinder.text.normalize import normalize

    index = engine.index
    words = [w for sf in list(index.compact.values())[::7] for w in sf.text.replace("-", " - ").split()]
    words += ["the", "and", "or", "of", "-", "/", ".", "data", "machine", "Learning", "scikit", "learn", "Tensor"]
    rng = random.Random(31)
    compared = found = 0
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
        ctx = AnalysisContext(norm=normalize(text), sections=(), kind="resume", today=(2026, 11))
        toks = doc_view.doc_tokens(index, tokenize(index, text))
        for covered_share in (0.0, 0.2):
            covered = bytearray(1 if rng.random() < covered_share else 0 for _ in toks.lexes)
            got = near_misses.variant_and_fuzzy(ctx, index, toks, covered)
            assert [(m.surface.id, m.tok_start, m.tok_end) for m in got] == [
                (m.surface.id, m.tok_start, m.tok_end) for m in _reference(ctx, index, toks, covered)
            ], text
            compared += 1
            found += len(got)
    assert compared == 800 and found > 100  # variants and typos were found, not only skipped
