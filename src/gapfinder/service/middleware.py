"""Request ids and the access log, as a plain ASGI middleware (outermost, so it sees every answer).

- The request id is the client's ``X-Request-ID`` when it is a short token (letters, digits, ``.-_:``,
  at most 128), otherwise a new one; it is put on ``request.state.request_id``, echoed in the
  ``X-Request-ID`` response header and written in every problem document.
- One log line per request on the ``gapfinder.service`` logger: method, path, status, duration and
  request id. Never the body, the query string, file names or any document text.
- An exception that escapes the app becomes a 500 problem document; its log line names the exception
  class and where it was raised, not its message (a message could quote the document).
"""

from __future__ import annotations

import logging
import re
import time
import traceback
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ProblemError, problem_response

log = logging.getLogger("gapfinder.service")
REQUEST_ID_HEADER = "x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = int(message["status"])
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER.encode()]
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            log.error("unhandled %s at %s request_id=%s", type(exc).__name__, _where(exc), request_id)
            if response_started:
                raise
            problem = ProblemError(500, "internal-error", "Internal error", "the service failed; report a bug")
            await problem_response(problem, request_id)(scope, receive, send_with_id)
        finally:
            log.info(
                "%s %s %d %.1fms request_id=%s",
                scope.get("method", "-"),
                scope.get("path", "-"),
                status,
                (time.perf_counter() - started) * 1000,
                request_id,
                extra={
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status,
                    "request_id": request_id,
                },
            )


def _request_id(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == REQUEST_ID_HEADER.encode():
            candidate = value.decode("latin-1").strip()
            if _VALID_ID.match(candidate):
                return candidate
            break
    return new_request_id()


def _where(exc: BaseException) -> str:
    frames: Any = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno} in {last.name}"


__all__ = ["REQUEST_ID_HEADER", "RequestContextMiddleware", "new_request_id"]
