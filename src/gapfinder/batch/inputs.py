"""Batch inputs: files, directories and JSONL files of texts, expanded into a stream of :class:`Task`.

- A **file** is one document (PDF, DOCX, TXT, Markdown; the reader decides by content). Its id and source are
  the path as reached (``examples/resumes/cv.pdf``).
- A **directory** is walked recursively in sorted order; only files with a document extension
  (:data:`DOCUMENT_EXTENSIONS`) are taken, hidden files and directories are skipped.
- A file ending in ``.jsonl`` (or ``.ndjson``) holds one document per line: a JSON object with a ``text`` string,
  an optional ``id`` (string or number; default ``FILE:LINE``) and an optional ``kind`` (``resume`` or ``job``,
  default ``--kind``). Other fields are ignored. A line that is not such an object becomes an error record.

Every id must be unique within a run: the output is keyed by id (resuming skips ids already written), so a
repeated JSONL id becomes an error record with id ``FILE:LINE``, and a file reached twice is analysed once.

What cannot be read at all is an error record too, and the run goes on: a symbolic link that loops or
points nowhere, something that is not a regular file (a FIFO named ``cv.txt`` would block the run forever,
a device would never end), a directory that cannot be listed. Symbolic links to directories are not
followed (``os.walk``'s default), so a directory that links to itself cannot loop.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from ..errors import DocumentTooLargeError, InputError, UsageError
from ..kinds import DOCUMENT_KINDS, DocumentKind

DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".txt", ".text", ".md", ".markdown"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
#: the JSONL fields gapfinder reads
ID_FIELD, TEXT_FIELD, KIND_FIELD = "id", "text", "kind"


@dataclass(frozen=True, slots=True)
class Task:
    """One document to analyse: a file (``path``, or its bytes in ``data``) or a text from a JSONL line."""

    id: str
    source: str
    kind: DocumentKind
    path: str | None = None
    text: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class BadInput:
    """An input line that cannot become a task; it is written as an error record."""

    id: str
    source: str
    error: InputError


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input path that cannot be read as a document or a JSONL file; it becomes an error record."""

    path: Path
    error: InputError


Item = Task | BadInput
SourceKind = Literal["file", "jsonl"]
Source = tuple[Path, SourceKind] | Unreadable


def expand_inputs(inputs: Iterable[str | os.PathLike[str]], *, exclude: Path | None = None) -> list[Source]:
    """The files behind ``inputs`` in order, each as a document file or a JSONL file of texts, or as an
    :class:`Unreadable` (an error record to come).

    Raises ``UsageError`` for an input that does not exist, so a typo fails before any work starts.
    ``exclude`` (the results file) is never taken as an input.
    """
    out: list[Source] = []
    seen: set[Path] = set()
    skip = _resolved(exclude) if exclude is not None else None

    def add(path: Path, kind: SourceKind) -> None:
        problem = _not_readable(path)
        if problem is not None:
            out.append(Unreadable(path, InputError(f"{path}: {problem}")))
            return
        key = _resolved(path)
        if key not in seen and key != skip:
            seen.add(key)
            out.append((path, kind))

    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for found in walk_documents(path):
                if isinstance(found, Unreadable):
                    out.append(found)
                else:
                    add(found, "file")
        elif path.exists() or path.is_symlink():  # a link that loops or dangles: an error record below
            add(path, "jsonl" if path.suffix.lower() in JSONL_EXTENSIONS else "file")
        else:
            raise UsageError(f"{path}: no such file or directory")
    return out


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return path.absolute()


def _not_readable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (a dangling or looping link, not a regular file), or None."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        return f"not a regular file ({kind}); skipped"
    return None


def walk_documents(directory: Path) -> Iterator[Path | Unreadable]:
    """Document files under ``directory``, recursively, in sorted order, without hidden entries; a
    sub-directory that cannot be listed comes as an :class:`Unreadable`."""
    failures: list[OSError] = []
    for root, dirs, files in os.walk(directory, onerror=failures.append):
        while failures:
            yield _unlistable(failures.pop(0), directory)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DOCUMENT_EXTENSIONS:
                yield Path(root) / name
    while failures:
        yield _unlistable(failures.pop(0), directory)


def _unlistable(exc: OSError, top: Path) -> Unreadable:
    where = Path(exc.filename) if exc.filename else top
    return Unreadable(where, InputError(f"{where}: cannot list this directory ({exc.strerror or exc}); skipped"))


def iter_items(sources: Iterable[Source], kind: DocumentKind) -> Iterator[Item]:
    """Tasks (and bad JSONL lines, unreadable inputs) in input order; a repeated id becomes a ``BadInput``."""
    seen: set[str] = set()
    for source in sources:
        if isinstance(source, Unreadable):
            name = str(source.path)
            if name not in seen:
                seen.add(name)
                yield BadInput(name, name, source.error)
            continue
        path, source_kind = source
        items = jsonl_items(path, kind) if source_kind == "jsonl" else iter([file_task(path, kind)])
        for item in items:
            if isinstance(item, Task) and item.id in seen:
                # keyed by where it is, so that the first document with the id keeps it (and resuming works)
                message = f"{item.source}: duplicate id {item.id!r}; ids must be unique within a batch"
                yield BadInput(item.source, item.source, InputError(message))
                continue
            seen.add(item.id)
            yield item


def file_task(path: Path, kind: DocumentKind) -> Task:
    name = str(path)
    return Task(id=name, source=name, kind=kind, path=name)


def jsonl_items(path: Path, kind: DocumentKind) -> Iterator[Item]:
    """One item per non-blank line of a JSONL file of texts."""
    try:
        handle = path.open("r", encoding="utf-8", errors="replace", newline="\n")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield parse_line(line, f"{path}:{number}", kind)


def parse_line(line: str, where: str, kind: DocumentKind) -> Item:
    """A JSONL line as a task, or a ``BadInput`` saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return BadInput(where, where, InputError(f"{where}: not a JSON object ({exc})"))
    if not isinstance(obj, dict):
        return BadInput(where, where, InputError(f"{where}: not a JSON object"))
    raw_id = obj.get(ID_FIELD, where)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or raw_id == "":
        return BadInput(where, where, InputError(f"{where}: {ID_FIELD!r} must be a non-empty string or a number"))
    ident = str(raw_id)
    text = obj.get(TEXT_FIELD)
    if not isinstance(text, str):
        return BadInput(ident, where, InputError(f"{where}: no {TEXT_FIELD!r} string field"))
    line_kind = obj.get(KIND_FIELD, kind)
    if line_kind not in DOCUMENT_KINDS:
        return BadInput(ident, where, InputError(f"{where}: {KIND_FIELD!r} must be 'resume' or 'job'"))
    return Task(id=ident, source=where, kind=line_kind, text=text)


def with_bytes(task: Task, max_bytes: int) -> Task:
    """The task with the file read into ``data`` (for workers that do not share this file system)."""
    if task.path is None:
        return task
    path = Path(task.path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit; pass a larger max_bytes"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the permissions") from None
    return replace(task, path=None, data=data)


__all__ = [
    "DOCUMENT_EXTENSIONS",
    "JSONL_EXTENSIONS",
    "BadInput",
    "Item",
    "Source",
    "Task",
    "Unreadable",
    "expand_inputs",
    "iter_items",
    "parse_line",
    "walk_documents",
    "with_bytes",
]
