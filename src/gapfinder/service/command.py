"""``gapfinder serve``: run the HTTP service with uvicorn.

Every setting is an option and a ``GAPFINDER_*`` environment variable (the option wins). The settings
are passed to uvicorn's worker processes through the environment, so ``--workers N`` runs N servers
with the same limits, each with its own ``--max-concurrent`` analysis processes. This module imports
neither FastAPI nor uvicorn until the command runs: without the extra it fails with one line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging.config
import os
from typing import Annotated, Any

import typer

from ..errors import GapfinderError
from .settings import ServiceSettings

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)

MISSING_EXTRA = (
    "the HTTP service needs FastAPI and uvicorn; install gapfinder[service] (in a clone of the repository: "
    "pip install '.[service]')"
)


def log_config(level: str) -> dict[str, Any]:
    """One line per request on stderr from ``gapfinder.service``; uvicorn's own access log is off."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "filters": {"accept_errors": {"()": "gapfinder.service.protocol.AcceptErrorFilter"}},
        "loggers": {
            "gapfinder.service": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            # a refused accept() (no file descriptor left) is one line a minute, not a traceback each time
            "asyncio": {"handlers": ["stderr"], "level": "WARNING", "propagate": False, "filters": ["accept_errors"]},
            # the reader logs repairs of damaged PDFs; they say nothing useful to an operator
            "pypdf": {"level": "ERROR"},
        },
    }


def check_taxonomy(settings: ServiceSettings) -> None:
    """Fail before starting the server (one line, exit code 2) when the taxonomy or the ladder is broken."""
    from ..taxonomy import load_taxonomy

    taxonomy = load_taxonomy(settings.taxonomy)
    taxonomy.ladder(settings.ladder)  # a UsageError naming the ladders when it is not one of them


@app.command(help="Run the HTTP service (extra gapfinder[service]); see docs/service.md.")
def serve(
    host: Annotated[str, typer.Option(help="interface to bind (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to bind", min=0, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="uvicorn server processes", min=1)] = 1,
    max_concurrent: Annotated[
        int | None, typer.Option(help="analysis processes per server process [GAPFINDER_MAX_CONCURRENT; CPUs]")
    ] = None,
    queue_limit: Annotated[
        int | None, typer.Option(help="requests waiting for a worker before 503 [GAPFINDER_QUEUE_LIMIT; 32]")
    ] = None,
    deadline: Annotated[
        float | None, typer.Option(help="seconds per request before 504 [GAPFINDER_DEADLINE_SECONDS; 15]")
    ] = None,
    max_upload_bytes: Annotated[
        int | None, typer.Option(help="bytes per document before 413 [GAPFINDER_MAX_UPLOAD_BYTES; 5 MiB]")
    ] = None,
    max_pages: Annotated[int | None, typer.Option(help="PDF pages before 413 [GAPFINDER_MAX_PAGES; 30]")] = None,
    max_chars: Annotated[
        int | None, typer.Option(help="characters of text before 413 [GAPFINDER_MAX_CHARS; 200000]")
    ] = None,
    taxonomy: Annotated[str | None, typer.Option(help="taxonomy directory [GAPFINDER_TAXONOMY]")] = None,
    ladder: Annotated[str | None, typer.Option(help="ladder id [GAPFINDER_LADDER; the default]")] = None,
    worker_memory_bytes: Annotated[
        int | None,
        typer.Option(help="address space per analysis process, 0 for no cap [GAPFINDER_WORKER_MEMORY_BYTES; 1 GiB]"),
    ] = None,
    max_connections: Annotated[
        int | None, typer.Option(help="open connections before 503 [GAPFINDER_MAX_CONNECTIONS; 1000]")
    ] = None,
    header_timeout: Annotated[
        float | None, typer.Option(help="seconds to send a request's headers [GAPFINDER_HEADER_TIMEOUT; 10]")
    ] = None,
    root_path: Annotated[str, typer.Option(help="path prefix when served behind a proxy under a sub-path")] = "",
    forwarded_allow_ips: Annotated[
        str | None, typer.Option(help="proxies trusted for X-Forwarded-* headers (uvicorn's option)")
    ] = None,
    log_level: Annotated[str, typer.Option(help="log level")] = "info",
) -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        typer.echo(f"gapfinder serve: error: {MISSING_EXTRA}", err=True)
        raise typer.Exit(2) from None
    try:
        settings = ServiceSettings.from_env(
            max_concurrent=max_concurrent,
            queue_limit=queue_limit,
            deadline_s=deadline,
            max_upload_bytes=max_upload_bytes,
            max_pages=max_pages,
            max_chars=max_chars,
            taxonomy=taxonomy,
            ladder=ladder,
            worker_memory_bytes=worker_memory_bytes,
            max_connections=max_connections,
            header_timeout_s=header_timeout,
        )
        check_taxonomy(settings)
        settings = fit_file_limit(settings)
    except GapfinderError as err:
        typer.echo(f"gapfinder serve: error: {err.message}", err=True)
        raise typer.Exit(err.exit_code) from None
    os.environ.update(settings.to_env())  # uvicorn's worker processes build their app from the environment
    config = log_config(log_level.upper())
    logging.config.dictConfig(config)
    from .protocol import MAX_INCOMPLETE_EVENT_BYTES, GuardedH11Protocol

    uvicorn.run(
        "gapfinder.service.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        root_path=root_path,
        forwarded_allow_ips=forwarded_allow_ips,
        log_config=config,
        access_log=False,
        http=GuardedH11Protocol,
        h11_max_incomplete_event_size=MAX_INCOMPLETE_EVENT_BYTES,
    )


#: file descriptors a server process needs besides its connections (workers' pipes, the log, libraries)
SPARE_FILES = 128


def fit_file_limit(settings: ServiceSettings) -> ServiceSettings:
    """Raise the soft ``RLIMIT_NOFILE`` so that ``max_connections`` fit in it; when the hard limit is too
    low for that, lower ``max_connections`` to what fits (with a warning): a connection refused with 503
    is better than an ``accept()`` that fails for every client."""
    try:
        import resource
    except ImportError:  # not POSIX
        return settings
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = settings.max_connections + SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(need, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft != resource.RLIM_INFINITY and soft < need:
        fitted = max(1, soft - SPARE_FILES)
        typer.echo(
            f"gapfinder serve: warning: the open-files limit is {soft}; serving at most {fitted} connections "
            f"instead of {settings.max_connections}",
            err=True,
        )
        return dataclasses.replace(settings, max_connections=fitted)
    return settings


__all__ = ["MISSING_EXTRA", "app", "fit_file_limit", "log_config"]
