"""Batch analysis: many documents into one JSON line each, resumable, on local processes or a Dask cluster.

>>> from pathlib import Path
>>> from gapfinder.batch import run_batch, local_runner
>>> summary = run_batch(["cvs/"], Path("results.jsonl"), runner=local_runner(4))   # doctest: +SKIP
>>> summary.ok, summary.errors, summary.docs_per_s                                  # doctest: +SKIP

``gapfinder batch --help`` is the command; ``docs/batch.md`` the guide. Importing this package does not import
spaCy or Dask.
"""

from __future__ import annotations

from .inputs import BadInput, Task, expand_inputs, iter_items
from .output import ResultsWriter, scan_results
from .records import Outcome, analyze_task
from .run import Summary, count_pending, run_batch
from .runner import InProcessRunner, PoolRunner, Runner, default_workers, local_runner
from .worker import EngineConfig

__all__ = [
    "BadInput",
    "EngineConfig",
    "InProcessRunner",
    "Outcome",
    "PoolRunner",
    "ResultsWriter",
    "Runner",
    "Summary",
    "Task",
    "analyze_task",
    "count_pending",
    "default_workers",
    "expand_inputs",
    "iter_items",
    "local_runner",
    "run_batch",
    "scan_results",
]
