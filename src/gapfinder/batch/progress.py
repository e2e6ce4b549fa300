"""The progress bar of ``gapfinder batch``: documents done of the total, rate, errors, elapsed time and ETA.

Shown on stderr when it is a terminal; the rate and the ETA start counting once the workers are up.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .records import Outcome
from .run import Summary


class RateColumn(ProgressColumn):
    """Documents per second over rich's sliding window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed is not None else "– docs/s", style="progress.data.speed")


class BatchProgress:
    """A rich progress bar fed by ``run_batch``'s ``on_ready`` and ``on_result`` callbacks."""

    def __init__(self, console: Console, total: int | None) -> None:
        self.total = total
        self.completed = 0
        self.errors = 0
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("{task.fields[errors]}", style="red"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID = self._progress.add_task("starting workers", total=None, errors="")

    def __enter__(self) -> BatchProgress:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def ready(self, summary: Summary) -> None:
        workers = f"{summary.workers} worker{'s' if summary.workers != 1 else ''}"
        self._progress.reset(self._task, total=self.total, description=f"analysing ({workers})")

    def advance(self, outcome: Outcome) -> None:
        self.completed += 1
        if not outcome.ok:
            self.errors += 1
        self._progress.update(self._task, advance=1, errors=f"{self.errors} errors" if self.errors else "")


__all__ = ["BatchProgress", "RateColumn"]
