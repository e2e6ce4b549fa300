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
    │   └── LexiconError               a word list of ``gapfinder/lexicon`` is missing or malformed
    └── UsageError                 the library was called wrongly (CLI exit code 2)
        └── UnknownTargetError         --target names no level or path of the ladder

Every message is one line that says what happened and what to do about it, and never holds document text.
The readers' messages name no option of a front end: ``for_document`` adds, where a front end reads more than one
document, which one failed ("job: ..."), and the option that takes the password there ("--job-password").
"""

from __future__ import annotations

__all__ = [
    "CorruptDocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "GapfinderError",
    "InputError",
    "LexiconError",
    "NoTextLayerError",
    "TaxonomyError",
    "UnknownTargetError",
    "UnsupportedFormatError",
    "UsageError",
    "for_document",
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
    """The document is password-protected. ``needs_password``: its password opens it (a PDF); False when no
    password given to gapfinder would (a protected Word file, a PDF cipher that needs a missing package)."""

    def __init__(self, message: str, needs_password: bool = True) -> None:
        super().__init__(message)
        self.needs_password = needs_password

    def __reduce__(self) -> tuple[type[EncryptedDocumentError], tuple[str, bool]]:
        return (type(self), (self.message, self.needs_password))


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


class LexiconError(TaxonomyError):
    """A word list of the package (``gapfinder/lexicon/*.yaml``) is missing, malformed or inconsistent; the
    message names the file and the key."""


class UsageError(GapfinderError):
    """The API or CLI was called wrongly."""

    exit_code = 2


class UnknownTargetError(UsageError):
    """The requested target level or path does not exist on the ladder."""


def for_document(
    err: GapfinderError, document: str | None = None, password_option: str | None = None
) -> GapfinderError:
    """``err`` as a front end that reads several documents reports it: prefixed with the document it is about
    (``document``: "resume", "job") and, for a PDF its password opens, naming the option that takes that password
    there (``password_option``: "--job-password", "job_password=..."). The type stays the same."""
    message = err.message
    if password_option and isinstance(err, EncryptedDocumentError) and err.needs_password:
        message = f"{message} ({password_option})"
    if document:
        message = f"{document}: {message}"
    if isinstance(err, EncryptedDocumentError):
        return EncryptedDocumentError(message, needs_password=err.needs_password)
    return type(err)(message)
