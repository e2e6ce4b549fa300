"""The HTTP/1.1 protocol of ``gapfinder serve``: uvicorn's h11 protocol, with a header deadline and a cap on
connections.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but a connection that sends
nothing, or part of a request's headers and then nothing (slowloris), is kept open forever, and the
number of open connections is not bounded: 1,100 such connections used up the process's file descriptors
and stopped all traffic (and asyncio logged a traceback for every refused ``accept()``). Here:

- **Header deadline.** A connection has ``header_timeout_s`` to deliver the complete headers of a request,
  counted from when it opened (the first request) or from the first byte of the next one (keep-alive);
  past it, it gets ``408`` and is closed. The body has the request deadline (``deadline_s``: 408 too).
- **Connection cap.** A connection opened while ``max_connections`` are open gets ``503`` with
  ``Retry-After`` and is closed at once, before anything is read: the process keeps file descriptors for
  the connections it serves. ``gapfinder serve`` raises the soft ``RLIMIT_NOFILE`` to fit the cap.
- **Incomplete events.** h11 buffers at most ``MAX_INCOMPLETE_EVENT_BYTES`` of a request line and headers
  (400 beyond).

Both answers are ``application/problem+json`` like every other error of the service. The settings come
from the ``GAPFINDER_*`` environment (``gapfinder serve`` sets it for its worker processes too).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .pool import RETRY_AFTER_BUSY_S
from .problems import PROBLEM_JSON, TYPE_PREFIX
from .settings import ServiceSettings

#: h11's buffer for a request line plus headers (uvicorn's default, stated here)
MAX_INCOMPLETE_EVENT_BYTES = 16 * 1024
#: asyncio's log line when ``accept()`` fails for lack of file descriptors (or memory)
_ACCEPT_ERROR = "socket.accept() out of system resource"


@functools.lru_cache(maxsize=1)
def _settings() -> ServiceSettings:
    return ServiceSettings.from_env()


def _raw_problem(status: int, reason: str, slug: str, title: str, detail: str, extra: str = "") -> bytes:
    body = json.dumps(
        {"type": TYPE_PREFIX + slug, "title": title, "status": status, "detail": detail, "request_id": None}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: {PROBLEM_JSON}\r\ncontent-length: {len(body)}\r\n"
        f"{extra}connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


class GuardedH11Protocol(H11Protocol):
    """uvicorn's ``H11Protocol`` with the header deadline and the connection cap of the module."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        settings = _settings()
        if len(self.connections) > settings.max_connections:
            transport.write(
                _raw_problem(
                    503,
                    "Service Unavailable",
                    "busy",
                    "Service busy",
                    f"the server holds its maximum of {settings.max_connections} open connections; retry later",
                    f"retry-after: {RETRY_AFTER_BUSY_S}\r\n",
                )
            )
            transport.close()
            return
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._header_timer is None and self._awaiting_headers():
            self._arm()  # the first byte of the next request on a kept-alive connection
        super().data_received(data)
        if not self._awaiting_headers():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # ------------------------------------------------------------------ the header deadline
    def _awaiting_headers(self) -> bool:
        return bool(self.conn.their_state is h11.IDLE)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(_settings().header_timeout_s, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or not self._awaiting_headers() or self.conn.our_state is not h11.IDLE:
            return
        seconds = _settings().header_timeout_s
        self.transport.write(
            _raw_problem(
                408,
                "Request Timeout",
                "request-timeout",
                "Request too slow",
                f"the request headers did not arrive within {seconds:g} s",
            )
        )
        self.transport.close()


class AcceptErrorFilter(logging.Filter):
    """asyncio logs a traceback each time ``accept()`` fails for lack of file descriptors: keep one line a
    minute, without the traceback."""

    every_s = 60.0

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self._last = -float("inf")
        self._dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(_ACCEPT_ERROR):
            return True
        now = time.monotonic()
        if now - self._last < self.every_s:
            self._dropped += 1
            return False
        record.msg = f"{_ACCEPT_ERROR}: out of file descriptors or memory ({self._dropped} more such lines dropped)"
        record.args, record.exc_info, record.exc_text = (), None, None
        self._last, self._dropped = now, 0
        return True


__all__ = ["MAX_INCOMPLETE_EVENT_BYTES", "AcceptErrorFilter", "GuardedH11Protocol"]
