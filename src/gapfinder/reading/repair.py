"""Mojibake: UTF-8 text that went through Windows-1252 or Latin-1 on its way ("Ã©" for "é", "â€™" for
"’", "Â" before a no-break space).

A document read from a file (PDF, DOCX, text) is repaired with ftfy's ``fix_encoding``, the maintained
library for exactly this (it undoes one or several rounds of the wrong decoding and leaves correct text
alone); ftfy is imported only when a mojibake sequence is found, so other documents do not pay its
~70 ms import. The repaired text is the analysed text, every offset points into it, and the report says
so with the ``encoding_repaired`` warning. Text handed over as a string is analysed exactly as given, so
that offsets point into the caller's string: there, and wherever sequences are left after the repair, the
``broken_encoding`` warning names the problem (the share-of-garbage measure of :mod:`gapfinder.text.quality`
flags it only from 10%, far more than the few sequences that turn "$2 M" into "$2 MÂ").
"""

from __future__ import annotations

from ..models import DocumentWarning
from ..text.quality import MOJIBAKE

REPAIRED = DocumentWarning(
    code="encoding_repaired",
    message="the text held mojibake (UTF-8 read as Windows-1252, e.g. 'Ã©' for 'é'); it was repaired before analysis",
)


def repair_mojibake(text: str) -> tuple[str, DocumentWarning | None]:
    """The text with its mojibake undone, and ``encoding_repaired`` when anything changed."""
    if MOJIBAKE.search(text) is None:
        return text, None
    try:
        from ftfy import fix_encoding
    except ImportError:  # pragma: no cover - a dependency; without it the text is only flagged
        return text, None
    fixed = fix_encoding(text)
    return (text, None) if fixed == text else (fixed, REPAIRED)


def mojibake_warning(text: str) -> DocumentWarning | None:
    """``broken_encoding`` when mojibake sequences are in the text (given as a string, or left by the repair)."""
    found = len(MOJIBAKE.findall(text))
    if not found:
        return None
    return DocumentWarning(
        code="broken_encoding",
        message=(
            f"the text holds {found} mojibake sequence(s) (UTF-8 read as Windows-1252, e.g. 'Ã©' for 'é'); names "
            "and amounts near them may be wrong. Pass the file instead of its text to have it repaired"
        ),
    )


__all__ = ["REPAIRED", "mojibake_warning", "repair_mojibake"]
