"""The reading stage's output: the analysed text plus what we learned about the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import DocumentWarning


@dataclass(frozen=True, slots=True)
class Document:
    """Text as read from the source; every offset in a report points into ``text``."""

    text: str
    format: Literal["pdf", "docx", "text"]
    source: str | None = None
    pages: int | None = None
    warnings: tuple[DocumentWarning, ...] = ()


__all__ = ["Document"]
