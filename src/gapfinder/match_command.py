"""``gapfinder match``: one resume against many job posts, a thin CLI over :meth:`gapfinder.Engine.match`.

    gapfinder match RESUME JOB... [--top N] [--format text|json|markdown] [--details] [--password PW]
                    [--job-password PW] [--taxonomy DIR] [-o OUT]

A JOB may be a file or a directory (searched recursively for .pdf .docx .txt .md). Exit codes: 0 ranked (a
post that cannot be read is listed as not ranked), 2 usage (a missing path, a broken taxonomy), 3 the resume,
or every post, cannot be read. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import json
import logging
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .errors import GapfinderError, UsageError

if TYPE_CHECKING:
    from .models import JobRanking

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
PROG = "gapfinder match"


class MatchFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def job_paths(inputs: list[str]) -> list[Path]:
    """The job files behind ``inputs`` in order, directories expanded; a missing one is a ``UsageError``."""
    from .batch.inputs import walk_documents

    out: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            # entries that cannot be read as files at all (a link loop, a FIFO) are not job posts
            out.extend(p for p in walk_documents(path) if isinstance(p, Path))
        elif path.exists():
            out.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    if not out:
        raise UsageError("no job posts found (.pdf .docx .txt .md) in the given directories")
    return list(dict.fromkeys(out))


@app.command(help="Rank job posts by how well one resume matches them, with each post's top missing requirements.")
def match(
    resume: Annotated[str, typer.Argument(metavar="RESUME", help="the resume (PDF, DOCX, TXT, Markdown)")],
    jobs: Annotated[list[str], typer.Argument(metavar="JOB...", help="job posts: files or directories")],
    top: Annotated[int, typer.Option("--top", min=0, max=50, help="missing requirements shown per post")] = 3,
    fmt: Annotated[MatchFormat, typer.Option("--format", "-f", help="output format")] = MatchFormat.text,
    details: Annotated[
        bool, typer.Option("--details", help="JSON: add each post's compact comparison (statuses, evidence, hints)")
    ] = False,
    password: Annotated[str | None, typer.Option("--password", help="password of the resume, if an encrypted PDF")] = (
        None
    ),
    job_password: Annotated[
        str | None, typer.Option("--job-password", help="password of the encrypted job PDFs")
    ] = None,
    taxonomy: Annotated[Path | None, typer.Option("--taxonomy", help="taxonomy directory")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the ranking to this file")] = None,
) -> None:
    from ._gc import collector_paused

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with collector_paused():
        from .engine import Engine
        from .errors import for_document
        from .reading import read_document

        try:
            paths = job_paths(jobs)
            try:
                document = read_document(resume, password=password)  # refuse a bad resume before the engine loads
            except GapfinderError as err:
                raise for_document(err, "resume", "--password") from None
            engine = Engine(taxonomy)
        except GapfinderError as err:
            raise _fail(err) from None
        gc.freeze()
    try:
        ranking = engine.match(
            engine.analyze_document(document), paths, job_password=job_password, top_missing=top, details=details
        )
    except GapfinderError as err:
        raise _fail(err) from None
    _write(ranking, fmt, output)
    if not ranking.jobs:
        raise typer.Exit(3)


def _write(ranking: JobRanking, fmt: MatchFormat, output: Path | None) -> None:
    from .render.ranking import markdown_ranking, plain_ranking, rich_ranking

    if fmt is MatchFormat.json:
        text = json.dumps(ranking.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    elif fmt is MatchFormat.markdown:
        text = markdown_ranking(ranking)
    elif output is not None:
        text = plain_ranking(ranking)
    else:
        Console(highlight=False).print(rich_ranking(ranking))
        return
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _fail(err: GapfinderError) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"{PROG}: error: {err.message}", markup=False, soft_wrap=True)
    return typer.Exit(err.exit_code)


__all__ = ["app", "job_paths", "match"]
