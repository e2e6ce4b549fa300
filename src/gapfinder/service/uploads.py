"""Request bodies: bounded reading, multipart or JSON, and the content check of uploads.

The body is read into memory with a hard cap (413 beyond it) and multipart forms are parsed from that
memory, so an upload never touches the disk (Starlette would spool files over 1 MB to a temporary
file). The type of an upload is decided by its bytes, not by its name or Content-Type: ``%PDF-`` in the
first kilobyte, a zip (a DOCX is checked for ``word/document.xml`` by the reader), or UTF-8/UTF-16/UTF-32
text; anything else is a 415 before it reaches an analysis worker.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncGenerator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from ..errors import GapfinderError
from ..kinds import DocumentKind
from ..limits import Limits
from ..reading import document_from_text
from ..reading.text import BINARY_MESSAGE, bom_encoding, utf16_without_bom
from .problems import ProblemError, clip, from_error, too_large, unsupported
from .worker import Source

#: room for the multipart boundaries, headers and small fields around the files
FORM_OVERHEAD_BYTES = 64 * 1024
#: cap of a non-file form field (kind, target, password)
MAX_FIELD_BYTES = 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class AnalyzeText(BaseModel):
    """``POST /v1/analyze`` with a JSON body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="the resume or job description as plain text (Markdown is fine)")
    kind: DocumentKind = "resume"
    target: str | None = Field(None, description="resumes only: a level or path id to report the gap to")


class CompareTexts(BaseModel):
    """``POST /v1/compare`` with a JSON body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    resume: str = Field(description="the resume as plain text")
    job: str = Field(description="the job description as plain text")


class _InMemoryMultiPartParser(MultiPartParser):
    spool_max_size = sys.maxsize  # the body is already in memory and capped; never roll over to disk


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large("the request body", int(declared), limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large("the request body", size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def parse_form(request: Request, body: bytes, files: tuple[str, ...]) -> dict[str, Any]:
    """The multipart form in ``body``: file fields as (bytes, filename), other fields as str."""

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    parser = _InMemoryMultiPartParser(
        request.headers, stream(), max_files=len(files), max_fields=8, max_part_size=MAX_FIELD_BYTES
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise ProblemError(400, "bad-form", "Malformed form", f"the multipart form cannot be parsed: {exc}") from None
    out: dict[str, Any] = {}
    try:
        for key, value in form.multi_items():
            if key in out:
                detail = f"the form field {clip(repr(key), 40)} is given twice"
                raise ProblemError(400, "bad-form", "Malformed form", detail)
            if isinstance(value, UploadFile):
                if key not in files:
                    detail = f"unexpected file field {clip(repr(key), 40)}"
                    raise ProblemError(422, "invalid-request", "Invalid request", detail)
                out[key] = (await value.read(), value.filename)
            else:
                out[key] = value
    finally:
        await form.close()
    return out


def parse_json(body: bytes, model: type[BaseModel]) -> Any:
    """Validate a JSON body; 400 when it is not JSON, 422 (without echoing the input) when it does not fit."""
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:  # its message names a position, never the text
        raise ProblemError(400, "bad-json", "Malformed JSON", f"the body is not valid JSON ({exc})") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # not UTF-8, an integer of more than 4,300 digits, arrays or objects nested thousands deep
        raise ProblemError(
            400, "bad-json", "Malformed JSON", f"the body is not JSON gapfinder accepts ({_json_problem(exc)})"
        ) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ProblemError(422, "invalid-request", "Invalid request", validation_detail(exc.errors())) from None


def _json_problem(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return "a number too long to read"


def validation_detail(errors: Any) -> str:
    """One line naming each bad field and why; the offending values are never echoed (they may be a resume),
    and a field name (a client can send any) is cut short."""
    parts = []
    for err in list(errors)[:5]:
        loc = ".".join(clip(str(p), 40) for p in err.get("loc", ()) if p not in ("body",)) or "body"
        parts.append(f"{loc}: {clip(str(err.get('msg', 'invalid')), 100)}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


def form_file(form: dict[str, Any], name: str, max_bytes: int, password: str | None = None) -> Source:
    """The uploaded file ``name`` as a worker ``Source``, after the size and content checks; in a comparison
    ("resume", "job") a refusal names the document."""
    item = form.get(name)
    if not isinstance(item, tuple):
        detail = f"the form has no file field {name!r}" if item is None else f"{name!r} must be a file upload"
        raise ProblemError(422, "invalid-request", "Invalid request", detail)
    data, filename = item
    if len(data) > max_bytes:
        raise too_large(f"the {name} file", len(data), max_bytes)
    try:
        check_content(data)
    except ProblemError as exc:
        if name == "file":
            raise
        raise ProblemError(exc.status, exc.slug, exc.title, f"{name}: {exc.detail}", headers=exc.headers) from None
    return Source(data=data, filename=filename or None, password=password)


def form_choice(form: dict[str, Any], name: str, choices: tuple[str, ...], default: str) -> str:
    value = form.get(name, default)
    if not isinstance(value, str) or value not in choices:
        raise ProblemError(
            422, "invalid-request", "Invalid request", f"{name}: must be one of {', '.join(map(repr, choices))}"
        )
    return value


def form_text(form: dict[str, Any], name: str) -> str | None:
    value = form.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ProblemError(422, "invalid-request", "Invalid request", f"{name}: must be a text field, not a file")
    return value.strip()


def text_source(text: str, limits: Limits, role: str | None = None) -> Source:
    """A JSON text as a worker ``Source``, refused here (413/422) when empty or over ``max_chars``."""
    try:
        document_from_text(text, limits=limits)
    except GapfinderError as exc:
        raise from_error(type(exc)(f"{role}: {exc.message}" if role else exc.message)) from None
    return Source(text=text)


def check_content(data: bytes) -> None:
    """415 unless ``data`` looks like a PDF, a zip (DOCX) or Unicode text; the reader checks the rest."""
    head = data[:1024]
    if b"%PDF-" in head or head.startswith(_ZIP_MAGIC) or not data.strip():
        return  # empty uploads are the reader's 422 (empty document), not a type problem
    if bom_encoding(head) is not None or utf16_without_bom(data) is not None:
        return
    if b"\x00" in data[:65536]:
        raise unsupported(BINARY_MESSAGE)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise unsupported(
            "this file is neither a PDF, a DOCX nor UTF-8/UTF-16 text; save it as PDF or DOCX, or as UTF-8 text"
        ) from None


__all__ = [
    "AnalyzeText",
    "CompareTexts",
    "check_content",
    "form_choice",
    "form_file",
    "form_text",
    "media_type",
    "parse_form",
    "parse_json",
    "read_body",
    "text_source",
    "validation_detail",
]
