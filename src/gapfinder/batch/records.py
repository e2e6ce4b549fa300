"""Result records: one JSON line per document, written by whichever worker analysed it.

::

    {"id": ..., "source": ..., "ok": true,  "report": <Report.model_dump(mode="json")>}
    {"id": ..., "source": ..., "ok": false, "error": {"type": "EncryptedDocumentError", "message": ..., "exit_code": 3}}

``type`` is the exception class name (a ``GapfinderError`` subclass for bad input; anything else is a bug in
gapfinder, recorded with exit code 1 so that one document cannot stop a long run).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple

from .._unicode import escape_surrogates
from ..errors import GapfinderError, for_document

if TYPE_CHECKING:
    from ..engine import Engine
    from ..models import Report
    from .inputs import Task


class Outcome(NamedTuple):
    """What a worker sends back: the record already serialised, plus what the summary counts."""

    id: str
    ok: bool
    line: str
    error_type: str | None = None


def ok_outcome(ident: str, source: str, report: Report) -> Outcome:
    record = {"id": ident, "source": source, "ok": True, "report": report.model_dump(mode="json")}
    return Outcome(ident, True, _dumps(record))


def error_outcome(ident: str, source: str, err: Exception) -> Outcome:
    kind = type(err).__name__
    if isinstance(err, GapfinderError):
        # a batch takes no passwords: an encrypted PDF is opened on its own
        err = for_document(err, None, "a batch takes no passwords: analyse it alone with gapfinder FILE --password")
        message, exit_code = err.message, err.exit_code
    else:  # its message could quote the document: the class name only
        message = f"the analysis failed with {kind} (a gapfinder bug, or its worker died); please report it"
        exit_code = 1
    error = {"type": kind, "message": message, "exit_code": exit_code}
    return Outcome(ident, False, _dumps({"id": ident, "source": source, "ok": False, "error": error}), kind)


def analyze_task(engine: Engine, task: Task) -> Outcome:
    """Analyse one task; any failure becomes an error record, never an exception."""
    try:
        if task.text is not None:
            report = engine.analyze_text(task.text, kind=task.kind, source=task.source)
        elif task.data is not None:
            report = engine.analyze(task.data, kind=task.kind, filename=task.source)
        elif task.path is not None:
            report = engine.analyze(task.path, kind=task.kind)
        else:
            raise ValueError("a task needs a path, bytes or a text")
    except Exception as err:  # a batch outlives any one document: a bug is recorded, not raised
        return error_outcome(task.id, task.source, err)
    return ok_outcome(task.id, task.source, report)


def _dumps(record: dict[str, Any]) -> str:
    # a file name that is not valid UTF-8 holds lone surrogates: escaped, the id reads back the same
    return escape_surrogates(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


__all__ = ["Outcome", "analyze_task", "error_outcome", "ok_outcome"]
