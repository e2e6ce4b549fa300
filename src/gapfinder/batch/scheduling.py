"""A bounded window of in-flight chunks over any futures with ``add_done_callback``/``result``.

Both ``concurrent.futures`` and ``dask.distributed`` futures fit, so the local and the Dask runner share the
same feeding logic: at most ``window`` chunks are submitted and not yet handed back (memory stays flat for a
million-line input), futures come back as they complete or, with ``ordered``, in input order; the
caller reads each result (and decides what a failed job means).
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class FutureLike(Protocol):
    def add_done_callback(self, fn: Callable[[Any], object], /) -> Any: ...

    def result(self, timeout: float | None = None) -> Any: ...

    def cancel(self) -> Any: ...


F = TypeVar("F", bound=FutureLike)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def windowed(
    submit: Callable[[T], F], jobs: Iterable[T], *, window: int, ordered: bool = False
) -> Iterator[tuple[T, F]]:
    """Submit ``jobs`` with at most ``window`` outstanding; yield each job with its finished future."""
    done: queue.SimpleQueue[tuple[int, F]] = queue.SimpleQueue()
    pending: dict[int, tuple[T, F]] = {}
    finished: dict[int, tuple[T, F]] = {}
    jobs_iter = iter(jobs)
    submitted = next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and submitted - next_out < window:
                job = next(jobs_iter, _END)
                if job is _END:
                    exhausted = True
                    break
                future = submit(job)
                pending[submitted] = (job, future)
                future.add_done_callback(_notify(done, submitted))
                submitted += 1
            if next_out == submitted:
                return
            index, _ = done.get()
            entry = pending.pop(index)
            if not ordered:
                next_out += 1
                yield entry
                continue
            finished[index] = entry
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
    finally:
        for _, future in pending.values():
            future.cancel()


def _notify(done: queue.SimpleQueue[tuple[int, Any]], index: int) -> Callable[[Any], None]:
    def callback(future: Any) -> None:
        done.put((index, future))

    return callback


_END: Any = object()

__all__ = ["chunked", "windowed"]
