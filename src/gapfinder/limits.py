"""Resource limits for reading untrusted documents, with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .errors import UsageError


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading and analysing a document; every one raises ``DocumentTooLargeError`` when
    exceeded.

    The defaults fit any real resume or job post with a wide margin (a long CV is ~5 pages, ~30k chars,
    and reads in well under a second).
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 500_000
    #: a DOCX is a zip; refuse one that would inflate beyond this (zip bombs)
    max_uncompressed_bytes: int = 100 * 1024 * 1024
    #: an XML part of a DOCX (``word/document.xml``, a header, the styles) that inflates beyond this is
    #: refused: python-docx holds a part as a tree of ~20 bytes per byte of markup (a 95 MB document.xml of
    #: empty paragraphs, which the zip checks pass, took 2 GB); a long resume's part is well under 1 MB
    max_xml_part_bytes: int = 16 * 1024 * 1024
    #: entries of the character maps and width tables of one PDF page's fonts, added up: pypdf builds them
    #: per font, ~130 bytes an entry, even for fonts that share one map (``reading.pdf_fonts``)
    max_font_entries: int = 1_000_000
    #: wall-clock budget for reading one document (bytes to text), in seconds. Checked between pages and
    #: pypdf operators everywhere; on the main thread a SIGALRM timer also interrupts a page that stalls
    #: elsewhere. See ``gapfinder.reading.deadline``.
    time_budget_s: float = 20.0
    #: wall-clock budget for analysing one document's text (everything after reading), in seconds, enforced
    #: the same way (``gapfinder.reading.deadline``); over it, ``DocumentTooLargeError``. Analysis is linear in
    #: the text: a resume takes milliseconds, ``max_chars`` of text a few seconds
    analysis_time_budget_s: float = 20.0
    #: "process" reads each document in a child process that is killed at the time budget and capped at
    #: ``process_memory_bytes``: the hard guarantee for services reading uploads from worker threads
    isolation: Literal["inline", "process"] = "inline"
    #: address-space cap of the child process in ``isolation="process"`` mode (POSIX)
    process_memory_bytes: int = 2 * 1024**3

    def __post_init__(self) -> None:
        if self.isolation not in ("inline", "process"):
            raise UsageError(f"isolation must be 'inline' or 'process', not {self.isolation!r}")
        for name in ("time_budget_s", "analysis_time_budget_s"):
            if not getattr(self, name) > 0:
                raise UsageError(f"{name} must be positive, not {getattr(self, name)!r}")


DEFAULT_LIMITS = Limits()
