"""Settings of the HTTP service: a frozen dataclass read from ``GAPFINDER_*`` environment variables.

=================================  ==========================  =========================================
environment variable               field                       default
=================================  ==========================  =========================================
``GAPFINDER_MAX_UPLOAD_BYTES``     ``max_upload_bytes``        5 MiB per document (413 above)
``GAPFINDER_MAX_PAGES``            ``max_pages``               30 PDF pages (413 above)
``GAPFINDER_MAX_CHARS``            ``max_chars``               200,000 characters of text (413 above)
``GAPFINDER_DEADLINE_SECONDS``     ``deadline_s``              15 s per request (504, or 503 if queued)
``GAPFINDER_MAX_CONCURRENT``       ``max_concurrent``          analysis processes: the number of CPUs
``GAPFINDER_QUEUE_LIMIT``          ``queue_limit``             32 requests waiting for one (503 above)
``GAPFINDER_TAXONOMY``             ``taxonomy``                the packaged taxonomy
``GAPFINDER_LADDER``               ``ladder``                  the taxonomy's default (or only) ladder
``GAPFINDER_WORKER_MEMORY_BYTES``  ``worker_memory_bytes``     1 GiB address space per analysis process
``GAPFINDER_MAX_CONNECTIONS``      ``max_connections``         1,000 open connections (503 and closed above)
``GAPFINDER_HEADER_TIMEOUT``       ``header_timeout_s``        10 s to send a request's headers (408)
=================================  ==========================  =========================================
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..limits import Limits

ENV_PREFIX = "GAPFINDER_"
#: spaCy's ``nlp.max_length``: the engine refuses longer texts with a ValueError, so the limit stops here
MAX_CHARS_CEILING = 1_000_000
#: field name -> environment variable (without the prefix)
_ENV_NAMES = {
    "max_upload_bytes": "MAX_UPLOAD_BYTES",
    "max_pages": "MAX_PAGES",
    "max_chars": "MAX_CHARS",
    "deadline_s": "DEADLINE_SECONDS",
    "max_concurrent": "MAX_CONCURRENT",
    "queue_limit": "QUEUE_LIMIT",
    "taxonomy": "TAXONOMY",
    "ladder": "LADDER",
    "worker_memory_bytes": "WORKER_MEMORY_BYTES",
    "max_connections": "MAX_CONNECTIONS",
    "header_timeout_s": "HEADER_TIMEOUT",
}
#: the smallest memory cap an analysis process can load its engine under (it needs ~350 MB of address space)
MIN_WORKER_MEMORY_BYTES = 512 * 1024**2


def _default_concurrency() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Limits and capacity of one service process (one uvicorn worker)."""

    max_upload_bytes: int = 5 * 1024 * 1024
    max_pages: int = 30
    max_chars: int = 200_000
    deadline_s: float = 15.0
    max_concurrent: int = dataclasses.field(default_factory=_default_concurrency)
    queue_limit: int = 32
    taxonomy: str | None = None
    ladder: str | None = None
    #: address-space cap (``RLIMIT_AS``) of each analysis process; 0 for none. A document that needs more
    #: gets 413 (or, if C code fails first, the process dies: 422) and the process is replaced
    worker_memory_bytes: int = 1024**3
    #: connections open at once (each waiting, reading or answering); the next one gets 503 and is closed
    max_connections: int = 1000
    #: seconds a connection has to send the headers of a request (slow-header clients hold a socket each)
    header_timeout_s: float = 10.0

    def __post_init__(self) -> None:
        for name in ("max_upload_bytes", "max_pages", "max_chars", "max_concurrent", "max_connections"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} must be at least 1, not {getattr(self, name)!r}")
        if self.max_chars > MAX_CHARS_CEILING:
            raise UsageError(
                f"max_chars can be at most {MAX_CHARS_CEILING:,} (the tokenizer's limit), not {self.max_chars:,}"
            )
        if self.queue_limit < 0:
            raise UsageError(f"queue_limit must be 0 or more, not {self.queue_limit!r}")
        for name in ("deadline_s", "header_timeout_s"):
            if not getattr(self, name) > 0:
                raise UsageError(f"{name} must be positive, not {getattr(self, name)!r}")
        if self.worker_memory_bytes and self.worker_memory_bytes < MIN_WORKER_MEMORY_BYTES:
            raise UsageError(
                f"worker_memory_bytes must be 0 (no cap) or at least {MIN_WORKER_MEMORY_BYTES // 2**20} MiB "
                f"(an analysis process needs that much to load its engine), not {self.worker_memory_bytes:,}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ServiceSettings:
        """Settings from ``GAPFINDER_*`` variables (``os.environ`` by default); ``overrides`` win when not None."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in dataclasses.fields(cls)}
        for name, suffix in _ENV_NAMES.items():
            raw = env.get(ENV_PREFIX + suffix)
            if raw is None or not raw.strip():
                continue
            values[name] = _parse(ENV_PREFIX + suffix, raw.strip(), str(types[name]))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        """The ``GAPFINDER_*`` variables that reproduce these settings (for uvicorn worker processes)."""
        out: dict[str, str] = {}
        for name, suffix in _ENV_NAMES.items():
            value = getattr(self, name)
            if value is not None:
                out[ENV_PREFIX + suffix] = str(value)
        return out

    @property
    def limits(self) -> Limits:
        """The limits of one document; the reader's and the analysis' own time budgets are the request
        deadline (the pool kills a worker still busy at the deadline anyway)."""
        return Limits(
            max_bytes=self.max_upload_bytes,
            max_pages=self.max_pages,
            max_chars=self.max_chars,
            time_budget_s=self.deadline_s,
            analysis_time_budget_s=self.deadline_s,
        )


def _parse(variable: str, raw: str, type_name: str) -> Any:
    try:
        if "int" in type_name:
            return int(raw.replace("_", ""))
        if "float" in type_name:
            return float(raw)
    except ValueError:
        kind = "an integer" if "int" in type_name else "a number"
        raise UsageError(f"{variable}={raw!r} is not {kind}") from None
    return raw


__all__ = ["ENV_PREFIX", "MIN_WORKER_MEMORY_BYTES", "ServiceSettings"]
