"""``gapfinder batch``: a thin CLI over :func:`gapfinder.batch.run_batch`.

    gapfinder batch INPUT... --out results.jsonl [--kind resume|job] [--workers N] [--engine local|dask]
                    [--scheduler ADDRESS] [--ordered] [--no-progress] [--taxonomy DIR] [--time-budget S]

Exit codes: 0 every document analysed, 3 the run finished but some documents are error records, 2 usage
(a missing input, a foreign --out file, a broken taxonomy, an unreachable scheduler, another run writing
--out), 1 the run broke off (a worker process died, the disk is full), 130 interrupted (Ctrl-C), 143
terminated (SIGTERM). After 1, 130 or 143, rerun the same command to resume. Errors are one line on stderr,
never a traceback. Worker processes end with the run, however it ends (even by SIGKILL: see
``worker.die_with``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext, suppress
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import GapfinderError, UsageError
from ..kinds import DocumentKind
from ..limits import DEFAULT_LIMITS
from .progress import BatchProgress
from .records import Outcome
from .run import Summary, count_pending, run_batch
from .runner import Runner, default_workers, local_runner
from .worker import EngineConfig


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)

PROG = "gapfinder batch"
#: documents per Dask task: amortises the scheduler's per-task overhead, still a fine-grained progress bar
DASK_CHUNK = 4


@app.command(
    help="Analyse many documents (files, directories, JSONL files of texts) into one JSON line per document. "
    "Rerun with the same --out to resume: ids already written are skipped."
)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="files, directories (searched recursively for .pdf .docx .txt .md) or .jsonl files of "
            '{"id": ..., "text": ..., "kind": ...} lines',
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="results file (JSON lines; appended to, resumable)")],
    kind: Annotated[
        DocumentKind, typer.Option("--kind", help="what the documents are (a JSONL line may say otherwise)")
    ] = "resume",
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="worker processes (default: all cores)")
    ] = None,
    engine: Annotated[
        EngineName | None,
        typer.Option("--engine", help="local processes, or Dask (default: local; dask with --scheduler)"),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    ] = None,
    ordered: Annotated[bool, typer.Option("--ordered", help="write results in input order")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="no progress bar")] = False,
    taxonomy: Annotated[Path | None, typer.Option("--taxonomy", help="taxonomy directory")] = None,
    ladder: Annotated[
        str | None, typer.Option("--ladder", help="ladder id (default: the taxonomy's default or only ladder)")
    ] = None,
    time_budget: Annotated[
        float | None,
        typer.Option("--time-budget", help="seconds to read, then to analyse, a document (else an error record) [20]"),
    ] = None,
) -> None:
    err_console = Console(stderr=True, highlight=False)
    progress: BatchProgress | None = None
    written = 0
    previous = _on_sigterm(_terminate)  # stop like Ctrl-C: workers down, output intact

    def on_result(outcome: Outcome) -> None:
        nonlocal written
        written += 1
        if progress is not None:
            progress.advance(outcome)

    try:
        limits = DEFAULT_LIMITS
        if time_budget is not None:
            limits = replace(limits, time_budget_s=time_budget, analysis_time_budget_s=time_budget)
        config = EngineConfig(str(taxonomy) if taxonomy else None, ladder, limits=limits)
        runner = _runner(engine, workers, scheduler, config)
        show = err_console.is_terminal and not no_progress
        total = count_pending(inputs, out, kind=kind) if show else None
        progress = BatchProgress(err_console, total) if show else None
        with progress or nullcontext():
            summary = run_batch(
                inputs,
                out,
                runner=runner,
                kind=kind,
                ordered=ordered,
                chunk_size=DASK_CHUNK if runner.ships_bytes else 1,
                on_ready=progress.ready if progress else None,
                on_result=on_result,
            )
    except GapfinderError as err:
        err_console.print(f"{PROG}: error: {err.message}", markup=False, soft_wrap=True)
        raise typer.Exit(err.exit_code) from None
    except (BrokenProcessPool, OSError) as err:  # a worker process died, the disk is full, ...
        message = " ".join(str(err).split()) or type(err).__name__
        err_console.print(
            f"{PROG}: error: {message}; the results so far are in {out}, run the same command to resume",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    except (KeyboardInterrupt, Terminated) as stop:
        how, code = ("terminated", 143) if isinstance(stop, Terminated) else ("interrupted", 130)
        err_console.print(
            f"{PROG}: {how}; {written} new results are in {out}; run the same command to resume",
            markup=False,
            soft_wrap=True,
        )
        if isinstance(stop, Terminated):
            _exit_now(code)  # the output is closed; nothing at interpreter exit may hold the process up
        raise typer.Exit(code) from None
    finally:
        _on_sigterm(previous)
    _report(err_console, summary)
    raise typer.Exit(3 if summary.errors else 0)


class Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread, so the run ends as on Ctrl-C."""


#: how long a terminated batch may take to stop its workers and close its output before it exits anyway
TERMINATE_GRACE_S = 15.0


def _terminate(signum: int, frame: FrameType | None) -> None:
    # The exception unwinds the run (workers killed, output closed), but it lands wherever the main thread
    # is, possibly inside the process pool's own machinery: a timer makes sure the process ends regardless
    # (a resumed run skips what was written; a cut-off last line is rewritten).
    timer = threading.Timer(TERMINATE_GRACE_S, _exit_now, args=(143,))
    timer.daemon = True
    timer.start()
    raise Terminated


def _exit_now(code: int) -> None:
    """Leave at once, skipping interpreter-exit hooks (the process pool joins its threads there)."""
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _on_sigterm(handler: Any) -> Any:
    """Install ``handler`` for SIGTERM and return the previous one (only the main thread may)."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


def _runner(engine: EngineName | None, workers: int | None, scheduler: str | None, config: EngineConfig) -> Runner:
    if engine is EngineName.local and scheduler is not None:
        raise UsageError("--scheduler needs --engine dask")
    if engine is EngineName.dask or scheduler is not None:
        from .dask_runner import DaskRunner

        if scheduler is not None and workers is not None:
            raise UsageError("--workers starts a local Dask cluster; with --scheduler the cluster has its own workers")
        return DaskRunner(workers or default_workers(), config, scheduler=scheduler)
    return local_runner(workers or default_workers(), config)


def _report(console: Console, summary: Summary) -> None:
    console.print(f"{PROG}: {summary.line()}", markup=False, soft_wrap=True)


__all__ = ["app"]
