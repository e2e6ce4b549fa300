"""The per-document time budget, and how it is enforced.

A crafted PDF can stall a reader inside one page (a content stream of millions of operators, a font
program that takes minutes to parse, an xref repair that scans forever), so checking the clock between
pages is not enough. Four mechanisms, from cheapest to strongest:

``cooperative`` (always on)
    :meth:`Deadline.check` is called between pages, from pypdf's per-operator callback and between
    DOCX blocks. Works anywhere and costs nothing, but cannot interrupt work that makes no callback:
    pypdf parses a page's whole content stream before the first operator is visited (a 2 MB stream of
    tiny operators takes seconds), and font/CMap parsing and xref repair make no callback either.
``alarm`` (automatic on the main thread of a POSIX process)
    ``signal.setitimer(ITIMER_REAL)`` raises inside whatever Python code is running when the budget
    runs out. Skipped, leaving the other mechanisms, when the process already runs an ``ITIMER_REAL``
    timer of its own (the application's, a fuzzer's); the previous ``SIGALRM`` handler is restored.
``watchdog`` (automatic on other threads, CPython)
    A timer thread injects the exception into the reading thread with ``PyThreadState_SetAsyncExc``,
    the mechanism behind ``KeyboardInterrupt``-style interruption of threads. A lock makes sure it can
    only land while the reader is still running. This is what protects a web service's worker threads.
``process`` (opt-in: ``Limits(isolation="process")``, see :mod:`.isolate`)
    The document is read in a child process that is killed (SIGKILL) at the deadline and whose address
    space is capped at ``Limits.process_memory_bytes``. The only mode that also bounds time and memory
    inside C code. It costs a process per document: about 0.1 s with the fork server that preloads the
    readers (measured 0.095 s against 0.001 s in-process for a one-page PDF, idle 2-core machine), more
    with ``spawn`` where there is no fork server, plus a copy of the bytes and text through a pipe.

The alarm and the watchdog cannot stop one long C call (zlib, lxml, a regex); those are bounded by
pypdf's decompression limits, ``max_uncompressed_bytes`` and ``max_bytes``. Both raise
:class:`DeadlineExceeded`, a ``BaseException``, so the ``except Exception`` blocks with which pypdf and
python-docx swallow damage do not swallow it too.

``Limits.time_budget_s`` covers reading (bytes to text), where hostile files do their damage;
``Limits.analysis_time_budget_s`` covers the analysis of the text (:func:`run_analysis`, used by the
engine), which is linear in the text (``max_chars`` bounds it) and interrupted the same way, so no text
can hold a caller longer than the two budgets.
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from ..errors import DocumentTooLargeError

T = TypeVar("T")
#: how many pypdf operators pass between two looks at the clock
_CHECK_EVERY = 256


class DeadlineExceeded(BaseException):
    """Raised inside the reader when the budget is spent.

    A ``BaseException`` so that the ``except Exception`` blocks inside pypdf and python-docx, which
    swallow damage, do not swallow it too.
    """


class Deadline:
    """A wall-clock budget that started when the object was made."""

    def __init__(self, budget_s: float) -> None:
        self.budget_s = budget_s
        self.started = time.monotonic()
        self.at = self.started + budget_s
        self._ops = 0

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def check(self) -> None:
        """Raise :class:`DeadlineExceeded` when the budget is spent."""
        if time.monotonic() > self.at:
            raise DeadlineExceeded

    def visit_operator(self, *_: Any) -> None:
        """pypdf's ``visitor_operand_before`` callback: a clock check every few hundred operators."""
        self._ops += 1
        if self._ops % _CHECK_EVERY == 0:
            self.check()

    def error(self, what: str = "reading this document", where: str = "") -> DocumentTooLargeError:
        return time_budget_error(self.budget_s, what, where)


def time_budget_error(budget_s: float, what: str = "reading this document", where: str = "") -> DocumentTooLargeError:
    at = f" ({where})" if where else ""
    return DocumentTooLargeError(
        f"{what} took longer than the {budget_s:g} s time budget{at}; the file may be damaged or crafted to "
        "stall readers: re-export it, or pass a larger time_budget_s"
    )


def analysis_budget_error(budget_s: float) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"analysing this document took longer than the {budget_s:g} s time budget; the text may be crafted to "
        "stall the analysis: send a shorter or cleaner text, or pass a larger analysis_time_budget_s"
    )


def run_analysis(fn: Callable[[], T], budget_s: float) -> T:
    """``fn()`` (an analysis), interrupted at ``budget_s`` seconds with ``DocumentTooLargeError``."""
    try:
        return run_with_deadline(lambda _: fn(), budget_s)
    except DeadlineExceeded:
        raise analysis_budget_error(budget_s) from None


def run_with_deadline(fn: Callable[[Deadline], T], budget_s: float) -> T:
    """``fn(deadline)``, interrupted at the deadline by the alarm (main thread) or the watchdog (others).

    ``fn`` receives the :class:`Deadline` for its own cooperative checks. Whichever way the budget runs
    out, :class:`DeadlineExceeded` leaves ``fn``; the caller maps it to a message that names the place.
    """
    deadline = Deadline(budget_s)
    guard: _Alarm | _Watchdog | None = _Alarm.arm(budget_s) or _Watchdog.arm(budget_s)
    if guard is None:
        return fn(deadline)
    try:
        try:
            return fn(deadline)
        finally:
            guard.disarm()
    finally:
        guard.disarm()  # idempotent; covers an interruption that landed inside the inner finally
        _sync_point()  # a watchdog exception injected before disarm() is delivered here at the latest


def _sync_point() -> None:
    for _ in range(2):  # a backward jump: CPython delivers pending asynchronous exceptions here
        pass


#: after the deadline, the interruption repeats this often until the reader is out: an exception that
#: lands in a ``__del__`` or a weakref callback is swallowed by Python, the next one is not
_REPEAT_S = 0.05


class _Alarm:
    """A repeating ``ITIMER_REAL`` whose handler raises :class:`DeadlineExceeded` while it is armed."""

    def __init__(self, previous: Any) -> None:
        self.previous = previous
        self.armed = True
        self.restored = False

    @classmethod
    def arm(cls, seconds: float) -> _Alarm | None:
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            return None
        if signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
            return None  # the application (or a fuzzer, or a test runner) runs its own timer
        try:
            previous = signal.getsignal(signal.SIGALRM)
            alarm = cls(previous)
            signal.signal(signal.SIGALRM, alarm._fire)
        except (ValueError, OSError):  # an embedded interpreter without signal support
            return None
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), _REPEAT_S)
        return alarm

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            raise DeadlineExceeded

    def disarm(self) -> None:
        while not self.restored:
            try:
                self.armed = False  # from here on the handler raises nothing
                signal.setitimer(signal.ITIMER_REAL, 0.0)
                signal.signal(signal.SIGALRM, self.previous if self.previous is not None else signal.SIG_DFL)
                self.restored = True
            except DeadlineExceeded:  # a tick landed before ``armed`` was cleared: the work is over anyway
                continue


class _Watchdog:
    """A timer thread that raises :class:`DeadlineExceeded` in the reading thread (CPython only)."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.lock = threading.Lock()
        self.done = False
        self.timer: threading.Timer | None = None

    @classmethod
    def arm(cls, seconds: float) -> _Watchdog | None:
        if _set_async_exc is None:
            return None
        watchdog = cls(threading.get_ident())
        watchdog._schedule(seconds)
        return watchdog

    def _schedule(self, seconds: float) -> None:
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        with self.lock:
            if self.done or _set_async_exc is None:
                return
            _set_async_exc(ctypes.c_ulong(self.target), ctypes.py_object(DeadlineExceeded))
            self._schedule(_REPEAT_S)

    def disarm(self) -> None:
        while True:
            try:
                with self.lock:
                    self.done = True  # under the lock: no exception can be injected after this
                    if self.timer is not None:
                        self.timer.cancel()
                return
            except DeadlineExceeded:  # injected before ``done`` was set: the work is over anyway
                continue


def _async_exc_api() -> Any:
    if sys.implementation.name != "cpython":
        return None
    try:
        api = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except AttributeError:
        return None
    api.argtypes = (ctypes.c_ulong, ctypes.py_object)
    api.restype = ctypes.c_int
    return api


_set_async_exc = _async_exc_api()


__all__ = [
    "Deadline",
    "DeadlineExceeded",
    "analysis_budget_error",
    "run_analysis",
    "run_with_deadline",
    "time_budget_error",
]
