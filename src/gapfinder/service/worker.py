"""The analysis worker process: builds one Engine, then answers tasks sent through a pipe.

This module runs in the child processes of :mod:`gapfinder.service.pool`; it imports neither FastAPI nor
uvicorn. A task is a small frozen dataclass; the answer is a tuple:

- ``("ok", json_bytes)``: the ``Report`` or ``Comparison`` as JSON, serialised once, here;
- ``("error", error_class_name, message)``: a ``GapfinderError`` (the message never holds document text);
- ``("failed", exception_class_name)``: a bug in the analysis, answered as a 500.

An unexpected exception while *reading* the bytes is reported as a ``CorruptDocumentError``: a damaged
upload is a 4xx, never a 500. The process caps its own address space (``worker_memory_bytes``); a
document that runs into the cap is a ``DocumentTooLargeError`` (413), after which the process answers
``RETIRE`` instead of taking more work (its heap may be fragmented, or a C library left in a bad state)
and exits: the pool starts a fresh one.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from ..errors import CorruptDocumentError, GapfinderError, for_document
from ..models import DocumentKind

if TYPE_CHECKING:
    from ..engine import Engine
    from ..reading import Document
    from .settings import ServiceSettings

Answer = tuple[Any, ...]
#: appended to an answer by a worker that exits after it (it ran out of memory)
RETIRE = "retire"
WARM_UP_TEXT = "Machine Learning Engineer\nExperience\nML Engineer, Acme, 2020 - 2023\nPython, PyTorch, SQL\n"


@dataclass(frozen=True, slots=True)
class Source:
    """One uploaded document (``data``) or a text sent as JSON (``text``)."""

    data: bytes | None = None
    text: str | None = None
    filename: str | None = None
    password: str | None = None


@dataclass(frozen=True, slots=True)
class AnalyzeTask:
    source: Source
    kind: DocumentKind = "resume"
    target: str | None = None


@dataclass(frozen=True, slots=True)
class CompareTask:
    resume: Source
    job: Source
    compact: bool = False  # answer the CompactComparison (no full reports, no texts)


def worker_main(conn: Connection, settings: ServiceSettings) -> None:
    """Entry point of a worker process: load the engine once, say ``ready``, answer tasks until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent decides
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repairs of damaged PDFs are not an operator's concern
    from ..reading.isolate import cap_memory

    if settings.worker_memory_bytes:
        cap_memory(settings.worker_memory_bytes)
    from ..engine import Engine

    try:
        engine = Engine(settings.taxonomy, ladder=settings.ladder, limits=settings.limits)
        engine.analyze_text(WARM_UP_TEXT)  # first-call costs (spaCy vocab, regex caches) before the first user
    except GapfinderError as exc:
        conn.send(("fatal", exc.message))
        return
    except MemoryError:
        conn.send(("fatal", f"the engine does not load within worker_memory_bytes={settings.worker_memory_bytes:,}"))
        return
    gc.freeze()  # the engine lives as long as the worker: the cycle collector need not walk it again
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the service went away
            return
        if task is None:
            return
        answer = run_task(engine, task)
        conn.send(answer)
        if answer[-1] == RETIRE:
            return


def run_task(engine: Engine, task: AnalyzeTask | CompareTask) -> Answer:
    """Run one task; every outcome is an answer tuple, never an exception."""
    try:
        if isinstance(task, AnalyzeTask):
            document = _read(engine, task.source)
            report = engine.analyze_document(document, kind=task.kind, target=task.target)
            return ("ok", report.model_dump_json().encode())
        # read (and refuse) both documents before analysing either
        resume_doc = _read(engine, task.resume, role="resume")
        job_doc = _read(engine, task.job, role="job", password_field="job_password")
        job = engine.analyze_document(job_doc, kind="job")
        resume = engine.analyze_document(resume_doc, kind="resume")
        comparison = engine.compare(resume, job)
        answer = comparison.compact() if task.compact else comparison
        return ("ok", answer.model_dump_json().encode())
    except GapfinderError as exc:
        return ("error", type(exc).__name__, exc.message)
    except MemoryError:
        return ("error", "DocumentTooLargeError", _OUT_OF_MEMORY, RETIRE)
    except Exception as exc:  # a bug in the analysis: the parent answers 500 and logs the class name
        return ("failed", type(exc).__name__)


_OUT_OF_MEMORY = "analysing this document needed more memory than an analysis process may use; send a smaller file"


def _read(engine: Engine, source: Source, role: str | None = None, password_field: str = "password") -> Document:
    """The document of ``source`` under the engine's limits; in a comparison, errors name the document, and an
    upload's missing password names the form field that takes it."""
    from ..reading import document_from_text, read_document

    try:
        if source.text is not None:
            return document_from_text(source.text, limits=engine.limits)
        try:
            return read_document(
                source.data or b"", filename=source.filename, password=source.password, limits=engine.limits
            )
        except GapfinderError:
            raise
        except MemoryError:
            raise  # run_task answers it, and the worker retires
        except Exception as exc:  # a reader bug on a hostile file: the file's problem, reported to the client
            raise CorruptDocumentError(
                f"the document could not be read ({type(exc).__name__}); it may be damaged: re-export it"
            ) from None
    except GapfinderError as exc:
        hint = None if source.data is None else f"form field {password_field}"
        raise for_document(exc, role, hint) from None


__all__ = ["RETIRE", "AnalyzeTask", "CompareTask", "Source", "run_task", "worker_main"]
