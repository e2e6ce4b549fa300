"""Resource limits for reading untrusted documents, with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading a document; every one raises ``DocumentTooLargeError`` when exceeded.

    The defaults fit any real resume or job post with a wide margin (a long CV is ~5 pages, ~30k chars).
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 500_000
    #: a DOCX is a zip; refuse one that would inflate beyond this (zip bombs)
    max_uncompressed_bytes: int = 100 * 1024 * 1024
    #: wall-clock budget for text extraction of one document, in seconds (checked between pages)
    time_budget_s: float = 20.0


DEFAULT_LIMITS = Limits()
