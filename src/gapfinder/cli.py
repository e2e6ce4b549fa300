"""The ``gapfinder`` command: a thin layer over the library.

    gapfinder FILE [--job FILE] [--target LEVEL] [--format text|json|markdown|html] [--taxonomy DIR]
                   [--ladder ID] [--assume ITEM,...] [--password PW] [--job-password PW] [-o OUT]
    gapfinder match RESUME JOB... [--top N] [--format text|json|markdown]   (one resume, many posts)
    gapfinder taxonomy validate [DIR]
    gapfinder serve [--host H] [--port P]          (extra: gapfinder[service])
    gapfinder batch INPUT... --out results.jsonl   (see gapfinder batch --help)

Exit codes: 0 ok, 2 usage (or a broken taxonomy), 3 the document cannot be analysed.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .errors import GapfinderError, UsageError, for_document
from .kinds import DocumentKind, is_job
from .output import OutputClosed, check_output, close_quietly, write_output

if TYPE_CHECKING:
    from .limits import Limits
    from .models import Comparison, Report, WhatIf
    from .taxonomy import Taxonomy

SUBCOMMANDS = ("taxonomy", "serve", "batch", "match")


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


analyze_app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
taxonomy_app = typer.Typer(
    add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False, help="Work with taxonomies."
)


def _fail(err: GapfinderError) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"gapfinder: error: {err.message}", markup=False, soft_wrap=True)
    return typer.Exit(err.exit_code)


def _read_source(path: str, limits: Limits) -> tuple[str | bytes, str | None]:
    """(source, filename) for read_document: stdin is read as bytes, at most ``limits.max_bytes`` of them."""
    if path == "-":
        from .reading.stream import read_stream

        return read_stream(sys.stdin.buffer, limits), "<stdin>"
    return path, None


@analyze_app.command(help="Analyse a resume (or, with --kind job, a job description) and report the gap.")
def analyze(
    file: Annotated[str, typer.Argument(metavar="FILE", help="resume file (PDF, DOCX, TXT, Markdown) or - for stdin")],
    job: Annotated[str | None, typer.Option("--job", help="job description to compare against")] = None,
    target: Annotated[str | None, typer.Option("--target", help="target level or path id, e.g. staff")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="output format")] = Format.text,
    kind: Annotated[DocumentKind, typer.Option("--kind", help="what FILE is")] = "resume",
    taxonomy: Annotated[Path | None, typer.Option("--taxonomy", help="taxonomy directory")] = None,
    ladder: Annotated[
        str | None, typer.Option("--ladder", help="ladder id (default: the taxonomy's default or only ladder)")
    ] = None,
    password: Annotated[str | None, typer.Option("--password", help="password of an encrypted PDF")] = None,
    job_password: Annotated[
        str | None, typer.Option("--job-password", help="password of the --job document, if an encrypted PDF")
    ] = None,
    assume: Annotated[
        list[str] | None,
        typer.Option(
            "--assume",
            help="what if the resume also had these (comma-separated): skills, certifications, leadership "
            "signals or 'N years'; repeatable",
        ),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the report to this file")] = None,
    time_budget: Annotated[
        float | None, typer.Option("--time-budget", help="seconds to read, and then to analyse, one document [20]")
    ] = None,
) -> None:
    from ._gc import collector_paused

    # A short run that makes about a million long-lived objects (the modules, spaCy's vocabulary, the
    # taxonomy) before its first piece of garbage: the cycle collector stays off until the engine is built,
    # and then those objects are frozen out of its sight (the collections during the run and at exit no
    # longer walk them): about 0.3 s of a cold run.
    with collector_paused():
        from .engine import Engine
        from .limits import DEFAULT_LIMITS
        from .reading import read_document
        from .render import render

        # pypdf reports the repairs it makes on damaged files through logging; the CLI's answer is the report
        logging.getLogger("pypdf").setLevel(logging.ERROR)
        try:
            if job is not None and target is not None:
                raise UsageError("use either --job or --target, not both")
            if assume and (job is not None or is_job(kind)):
                raise UsageError("--assume re-runs a resume's placement and plan; it is not for --job or --kind job")
            if job == "-" and file == "-":
                raise UsageError("only one of FILE and --job can be read from stdin")
            check_output(output)
            # read (and refuse) the documents before paying for the engine
            if job is None and job_password is not None:
                raise UsageError("--job-password applies to the --job document; pass --job too, or --password")
            limits = DEFAULT_LIMITS
            if time_budget is not None:
                limits = replace(limits, time_budget_s=time_budget, analysis_time_budget_s=time_budget)
            src, name = _read_source(file, limits)
            try:
                document = read_document(src, filename=name, password=password, limits=limits)
            except GapfinderError as err:  # with --job two documents are read: say which one failed
                raise for_document(err, "resume" if job is not None else None, "--password") from None
            job_document = None
            if job is not None:
                src, name = _read_source(job, limits)
                try:
                    job_document = read_document(src, filename=name, password=job_password, limits=limits)
                except GapfinderError as err:
                    raise for_document(err, "job", "--job-password") from None
            if job_document is not None and is_job(kind):
                raise UsageError("--job compares a resume with a job; FILE must be a resume (drop --kind job)")
            engine = Engine(taxonomy, ladder=ladder, limits=limits)
        except GapfinderError as err:
            raise _fail(err) from None
        gc.freeze()
    try:
        report = engine.analyze_document(document, kind=kind, target=target)
        result: Report | Comparison | WhatIf = report
        if job_document is not None:
            result = engine.compare(report, engine.analyze_document(job_document, kind="job"))
        elif assume:
            result = engine.what_if(report, [item for arg in assume for item in arg.split(",")])
    except GapfinderError as err:
        raise _fail(err) from None
    try:
        if fmt is Format.json:
            _emit(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n", output)
        elif fmt is Format.markdown:
            _emit(render(result, "markdown"), output)
        elif fmt is Format.html:
            _emit(render(result, "html"), output)
        elif output is not None:
            _emit(render(result, "plain"), output)
        else:
            render(result, "rich", console=Console(highlight=False))
    except GapfinderError as err:  # -o in a read-only place, a full disk
        raise _fail(err) from None
    except (OutputClosed, BrokenPipeError):  # the reader of stdout went away (| head): stop quietly
        close_quietly()


def _emit(text: str, output: Path | None) -> None:
    write_output(text, output)


def _load_taxonomy(directory: Path | None) -> Taxonomy:
    from .taxonomy import load_taxonomy

    try:
        return load_taxonomy(directory)
    except GapfinderError as err:
        raise _fail(err) from None


@taxonomy_app.command("validate", help="Check a taxonomy directory (default: the packaged one).")
def validate(directory: Annotated[Path | None, typer.Argument(help="taxonomy directory")] = None) -> None:
    from .errors import TaxonomyError
    from .taxonomy import load_taxonomy

    try:
        tax = load_taxonomy(directory)
    except TaxonomyError as err:
        # every problem found, one a line: a ladder with several mistakes is fixed in one pass
        console = Console(stderr=True, highlight=False)
        for problem in err.problems:
            console.print(f"gapfinder: error: {problem}", markup=False, soft_wrap=True)
        raise typer.Exit(err.exit_code) from None
    except GapfinderError as err:
        raise _fail(err) from None
    stats = ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in tax.stats.items())
    typer.echo(f"ok: {tax.root}: {stats}")


@taxonomy_app.command("stats", help="Print counts of a taxonomy as JSON.")
def stats(directory: Annotated[Path | None, typer.Argument(help="taxonomy directory")] = None) -> None:
    typer.echo(json.dumps(_load_taxonomy(directory).stats, indent=2))


def _subcommand_app(name: str) -> typer.Typer:
    """The typer app of a subcommand; serve and batch are imported only when asked for."""
    if name == "serve":
        from .service.command import app as serve_app

        return serve_app
    if name == "batch":
        from .batch.command import app as batch_app

        return batch_app
    if name == "match":
        from .match_command import app as match_app

        return match_app
    return taxonomy_app


def main(argv: list[str] | None = None) -> None:
    """Entry point: subcommands first, otherwise analyse a file. Usage errors are one line too."""
    args = list(sys.argv[1:] if argv is None else argv)
    app, prog, rest = (
        (_subcommand_app(args[0]), f"gapfinder {args[0]}", args[1:])
        if args and args[0] in SUBCOMMANDS
        else (analyze_app, "gapfinder", args)
    )
    try:
        code = app(rest, prog_name=prog, standalone_mode=False)
    except Exception as err:  # click's (or typer's vendored click's) usage errors, matched by shape
        message = getattr(err, "format_message", None)
        exit_code = getattr(err, "exit_code", None)
        if type(err).__name__ == "Abort":
            sys.exit(130)
        if not callable(message) or not isinstance(exit_code, int):
            raise
        Console(stderr=True, highlight=False).print(
            f"{prog}: error: {message()} (see {prog} --help)", markup=False, soft_wrap=True
        )
        sys.exit(exit_code or 2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
