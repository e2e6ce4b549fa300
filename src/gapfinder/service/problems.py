"""Errors as ``application/problem+json`` (RFC 9457): one model, one exception, one mapping.

Every error answer of the service has ``type``, ``title``, ``status``, ``detail`` and ``request_id``.
``type`` is ``urn:gapfinder:problem:<slug>``; the slugs are listed in ``docs/service.md``. A
document gapfinder cannot analyse is always a 4xx: the mapping below covers the whole
``InputError`` tree.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import JSONResponse

from .._unicode import replace_surrogates
from ..errors import (
    GapfinderError,
    InputError,
    TaxonomyError,
    UnknownTargetError,
    UnsupportedFormatError,
    UsageError,
)

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:gapfinder:problem:"


class Problem(BaseModel):
    """An error answer (RFC 9457 problem details)."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="urn:gapfinder:problem:<slug>; the slugs are stable")
    title: str = Field(description="short summary of the problem type")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="what happened to this request and what to do about it")
    request_id: str | None = Field(None, description="the request id, as in the X-Request-ID header")


class ProblemError(Exception):
    """Raised anywhere in the service to answer with a problem document."""

    def __init__(
        self, status: int, slug: str, title: str, detail: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.headers = headers or {}


#: InputError subclass name -> (status, slug, title); subclasses not listed fall back to InputError's row
_INPUT_ERRORS: dict[str, tuple[int, str, str]] = {
    "UnsupportedFormatError": (415, "unsupported-format", "Unsupported document type"),
    "DocumentTooLargeError": (413, "document-too-large", "Document over a limit"),
    "EncryptedDocumentError": (422, "encrypted-document", "Encrypted document"),
    "NoTextLayerError": (422, "no-text-layer", "Document without a text layer"),
    "EmptyDocumentError": (422, "empty-document", "Empty document"),
    "CorruptDocumentError": (422, "corrupt-document", "Damaged document"),
    "InputError": (422, "unreadable-document", "Document cannot be analysed"),
}


def from_error(err: GapfinderError) -> ProblemError:
    """The problem answer for a library error."""
    if isinstance(err, InputError):
        name = next(
            (cls.__name__ for cls in type(err).__mro__ if cls.__name__ in _INPUT_ERRORS),
            "InputError",
        )
        status, slug, title = _INPUT_ERRORS[name]
        return ProblemError(status, slug, title, err.message)
    if isinstance(err, UnknownTargetError):
        return ProblemError(422, "unknown-target", "Unknown target level", err.message)
    if isinstance(err, UsageError):
        return ProblemError(400, "bad-request", "Bad request", err.message)
    if isinstance(err, TaxonomyError):
        return ProblemError(500, "taxonomy-error", "Service misconfigured", "the service's taxonomy is broken")
    return ProblemError(500, "internal-error", "Internal error", "the analysis failed; try again later")


def error_by_name(name: str, message: str) -> GapfinderError:
    """Rebuild a library error sent by name from a worker process."""
    from .. import errors

    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, GapfinderError):
        return cls(message)
    return GapfinderError(message)


def request_id_of(request: Request) -> str | None:
    rid = getattr(request.state, "request_id", None)
    return rid if isinstance(rid, str) else None


#: a detail is a sentence or two; anything longer was built from what a client sent and is cut here
MAX_DETAIL_CHARS = 300


def clip(text: str, limit: int = MAX_DETAIL_CHARS) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis), lone surrogates replaced: safe to send."""
    return replace_surrogates(text if len(text) <= limit else text[: limit - 1] + "…")


def problem_response(problem: ProblemError, request_id: str | None) -> JSONResponse:
    body = Problem(
        type=TYPE_PREFIX + problem.slug,
        title=problem.title,
        status=problem.status,
        detail=clip(problem.detail),
        request_id=request_id,
    )
    return JSONResponse(
        body.model_dump(mode="json"), status_code=problem.status, headers=problem.headers, media_type=PROBLEM_JSON
    )


def too_large(what: str, size: int, limit: int) -> ProblemError:
    return ProblemError(
        413,
        "document-too-large",
        "Document over a limit",
        f"{what} is {size / 2**20:.1f} MB, over the {limit / 2**20:g} MB limit; send a smaller file",
    )


def unsupported(detail: str) -> ProblemError:
    return from_error(UnsupportedFormatError(detail))


__all__ = [
    "MAX_DETAIL_CHARS",
    "PROBLEM_JSON",
    "Problem",
    "ProblemError",
    "clip",
    "error_by_name",
    "from_error",
    "problem_response",
    "request_id_of",
    "too_large",
    "unsupported",
]
