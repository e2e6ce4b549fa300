"""The one exception tree of gapfinder.

::

    GapfinderError
    ├── InputError                 the document cannot be analysed (CLI exit code 3)
    │   ├── UnsupportedFormatError     not a PDF, DOCX, TXT or Markdown document
    │   ├── EncryptedDocumentError     password-protected and no (or a wrong) password given
    │   ├── NoTextLayerError           a PDF with no extractable text (scanned?)
    │   ├── EmptyDocumentError         nothing but whitespace
    │   ├── DocumentTooLargeError      over a byte, page or character limit
    │   └── CorruptDocumentError       damaged or truncated file the reader cannot parse
    ├── TaxonomyError              a taxonomy file is missing, malformed or inconsistent
    └── UsageError                 the library was called wrongly (CLI exit code 2)
        └── UnknownTargetError         --target names no level or path of the ladder

Every message is one line that says what happened and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "CorruptDocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "GapfinderError",
    "InputError",
    "NoTextLayerError",
    "TaxonomyError",
    "UnknownTargetError",
    "UnsupportedFormatError",
    "UsageError",
]


class GapfinderError(Exception):
    """Base class of every error gapfinder raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        # one line, always: the CLI and the HTTP service print it as it is
        message = " ".join(str(message).split()) or type(self).__name__
        super().__init__(message)

    @property
    def message(self) -> str:
        return str(self.args[0])


class InputError(GapfinderError):
    """The document cannot be analysed."""

    exit_code = 3


class UnsupportedFormatError(InputError):
    """The bytes are not a supported document type."""


class EncryptedDocumentError(InputError):
    """The PDF is password-protected."""


class NoTextLayerError(InputError):
    """The PDF has pages but no text layer (typically a scan)."""


class EmptyDocumentError(InputError):
    """The document holds no text."""


class DocumentTooLargeError(InputError):
    """The document is over a configured limit."""


class CorruptDocumentError(InputError):
    """The file is damaged, truncated or malformed."""


class TaxonomyError(GapfinderError):
    """A taxonomy file is missing, malformed or inconsistent (names the file and the path).

    ``problems`` lists every problem found when there are several (``gapfinder taxonomy validate`` prints
    one a line); the message is the first of them and how many more there are.
    """

    exit_code = 2

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = problems or (self.message,)

    @classmethod
    def of(cls, problems: list[str]) -> TaxonomyError:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        return cls(problems[0] + more, tuple(" ".join(p.split()) for p in problems))


class UsageError(GapfinderError):
    """The API or CLI was called wrongly."""

    exit_code = 2


class UnknownTargetError(UsageError):
    """The requested target level or path does not exist on the ladder."""
