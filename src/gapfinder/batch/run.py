"""One batch run: inputs -> tasks (skipping ids already in the output) -> a runner -> the results file.

:func:`run_batch` is what ``gapfinder batch`` calls, and what a program can call with any runner::

    from gapfinder.batch import run_batch, local_runner
    summary = run_batch(["cvs/"], Path("results.jsonl"), runner=local_runner(4))
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..models import DocumentKind
from .inputs import BadInput, Task, expand_inputs, iter_items, with_bytes
from .output import ResultsWriter
from .records import Outcome, error_outcome
from .runner import Runner
from .scheduling import chunked


@dataclass
class Summary:
    """What a run did. ``elapsed_s`` covers the whole run, ``startup_s`` the workers' start and engine builds."""

    out: Path
    workers: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    startup_s: float = 0.0
    elapsed_s: float = 0.0
    error_types: Counter[str] = field(default_factory=Counter)

    @property
    def processed(self) -> int:
        return self.ok + self.errors

    @property
    def docs_per_s(self) -> float:
        """Documents per second over the whole run, start-up included."""
        return self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def steady_docs_per_s(self) -> float:
        """Documents per second once the workers were up."""
        busy = self.elapsed_s - self.startup_s
        return self.processed / busy if busy > 0 else 0.0

    def line(self) -> str:
        kinds = ", ".join(f"{n} {t}" for t, n in self.error_types.most_common(3))
        errors = f"{self.errors} errors ({kinds})" if self.errors else "0 errors"
        skipped = f"; {self.skipped} already done, skipped" if self.skipped else ""
        return (
            f"{self.ok} ok, {errors} in {self.elapsed_s:.1f} s ({self.docs_per_s:.1f} docs/s, "
            f"{self.workers} worker{'s' if self.workers != 1 else ''}){skipped} -> {self.out}"
        )


def count_pending(inputs: Iterable[str | os.PathLike[str]], out: Path, *, kind: DocumentKind = "resume") -> int:
    """How many documents a run would process (a cheap pass over the inputs, for the progress bar)."""
    from .output import scan_results

    done, _ = scan_results(out)
    return sum(1 for item in iter_items(expand_inputs(inputs, exclude=out), kind) if item.id not in done)


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: Path,
    *,
    runner: Runner,
    kind: DocumentKind = "resume",
    ordered: bool = False,
    chunk_size: int = 1,
    on_ready: Callable[[Summary], None] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Analyse every input not already in ``out``, appending one record per document; return the counts.

    Usage problems (a missing input, an unusable results file, a broken taxonomy) raise a ``GapfinderError``
    before or while the workers start; a document that cannot be analysed is an error record.
    """
    start = time.perf_counter()
    sources = expand_inputs(inputs, exclude=out)
    summary = Summary(out=out)

    def record(outcome: Outcome) -> None:
        writer.write(outcome)
        if outcome.ok:
            summary.ok += 1
        else:
            summary.errors += 1
            summary.error_types[outcome.error_type or "Error"] += 1
        if on_result is not None:
            on_result(outcome)

    def tasks() -> Iterator[Task]:
        for item in iter_items(sources, kind):
            if item.id in writer.done:
                summary.skipped += 1
            elif isinstance(item, BadInput):
                record(error_outcome(item.id, item.source, item.error))
            elif runner.ships_bytes and item.path is not None:
                try:
                    yield with_bytes(item, max_bytes=runner.config.limits.max_bytes)
                except InputError as err:
                    record(error_outcome(item.id, item.source, err))
            else:
                yield item

    with ResultsWriter(out) as writer, runner:
        summary.workers = runner.workers
        summary.startup_s = time.perf_counter() - start
        if on_ready is not None:
            on_ready(summary)
        try:
            for outcomes in runner.map(chunked(tasks(), chunk_size), ordered=ordered):
                for outcome in outcomes:
                    record(outcome)
        finally:
            summary.elapsed_s = time.perf_counter() - start
    return summary


__all__ = ["Summary", "count_pending", "run_batch"]
