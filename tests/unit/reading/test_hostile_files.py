"""Hostile files built by the tests themselves: a page that stalls, damaged zips and xrefs, odd bytes.

Nothing here needs ../shared; every file is synthesised in a few lines.
"""

from __future__ import annotations

import concurrent.futures
import io
import zipfile
from collections.abc import Callable

import pypdf
import pytest
from docx import Document as DocxDocument

from gapfinder.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    NoTextLayerError,
    UsageError,
)
from gapfinder.limits import Limits
from gapfinder.reading import read_document
from gapfinder.reading.deadline import Deadline
from gapfinder.reading.pdf import xref_damaged
from helpers.files import SHORT, TEXT, make_pdf

#: one page whose content stream is 200,000 text-matrix operators: seconds of pure-Python parsing for
#: pypdf, all of it inside one page (a few kilobytes once compressed)
SLOW_PAGE = make_pdf(b"BT /F1 12 Tf " + b"1 0 0 1 50 700 Tm " * 200_000 + b"(Python) Tj ET")
#: the interruption may land in a weakref callback run by the garbage collector, where Python prints it as
#: "Exception ignored" (and the next interruption, 50 ms later, stops the reader); pytest reports that print
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _no_cooperative_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave only the interrupting mechanisms (alarm, watchdog) to stop the page."""
    monkeypatch.setattr(Deadline, "visit_operator", lambda self, *a: None)
    monkeypatch.setattr(Deadline, "check", lambda self: None)


# ------------------------------------------------------------------------------------ time budget
def test_plain_pdf_is_read() -> None:
    doc = read_document(make_pdf(TEXT))
    assert "Kafka" in doc.text and doc.pages == 1


@pytest.mark.parametrize("cooperative", [True, False], ids=["all-mechanisms", "interrupt-only"])
def test_slow_page_is_stopped_on_the_main_thread(monkeypatch: pytest.MonkeyPatch, cooperative: bool) -> None:
    if not cooperative:
        _no_cooperative_checks(monkeypatch)
    # on a loaded machine the budget can run out while the file is still being opened
    with pytest.raises(
        DocumentTooLargeError, match=r"time budget \((stopped at page 1 of 1|while opening it)\).*time_budget_s"
    ):
        read_document(SLOW_PAGE, limits=SHORT)


@pytest.mark.parametrize("cooperative", [True, False], ids=["all-mechanisms", "interrupt-only"])
def test_slow_page_is_stopped_on_a_worker_thread(monkeypatch: pytest.MonkeyPatch, cooperative: bool) -> None:
    if not cooperative:
        _no_cooperative_checks(monkeypatch)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = pool.submit(read_document, SLOW_PAGE, limits=SHORT)
        with pytest.raises(DocumentTooLargeError, match=r"time budget \((stopped at page 1 of 1|while opening it)\)"):
            future.result()
    # the interruption stayed inside the read: the thread pool and this thread carry on
    assert "Kafka" in read_document(make_pdf(TEXT), limits=SHORT).text


def test_slow_page_is_stopped_in_a_child_process() -> None:
    limits = Limits(time_budget_s=0.5, isolation="process")
    with pytest.raises(DocumentTooLargeError, match="time budget"):
        read_document(SLOW_PAGE, limits=limits)


def test_process_isolation_returns_the_document_and_the_errors() -> None:
    limits = Limits(isolation="process")
    doc = read_document(make_pdf(TEXT), filename="cv.pdf", limits=limits)
    assert "Kafka" in doc.text and doc.source == "cv.pdf" and doc.format == "pdf"
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(TEXT))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_document(buf.getvalue(), limits=limits)


@pytest.mark.parametrize("bad", [{"isolation": "thread"}, {"time_budget_s": 0}, {"time_budget_s": -1.0}])
def test_bad_limits_are_a_usage_error(bad: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        Limits(**bad)  # type: ignore[arg-type]


def test_the_time_budget_does_not_leak_a_timer() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    read_document(make_pdf(TEXT))
    with pytest.raises(DocumentTooLargeError):
        read_document(SLOW_PAGE, limits=SHORT)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


# ----------------------------------------------------------------------------------- damaged PDFs
def test_broken_startxref_is_repaired_with_a_warning() -> None:
    good = make_pdf(TEXT)
    bad = good.replace(b"startxref\n", b"startxref\n1")  # points into the middle of the file
    assert not xref_damaged(good) and xref_damaged(bad)
    doc = read_document(bad)
    assert "Kafka" in doc.text
    assert [w.code for w in doc.warnings] == ["repaired"]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.replace(b"/Length", b"/Lenght"),
        lambda d: d.replace(b"/FlateDecode", b"/LZWDecode"),
        lambda d: d.replace(b"/Kids [3 0 R]", b"/Kids [3 0 R 3 0 R 3 0 R]"),
        lambda d: d.replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]"),  # a page tree that contains itself
        lambda d: d.replace(b"/Contents 4 0 R", b"/Contents 99 0 R"),
        lambda d: d.replace(b"/Root 1 0 R", b"/Root 5 0 R"),
        lambda d: d[:200] + bytes(400) + d[600:],
    ],
    ids=["length-key", "wrong-filter", "kids-repeated", "page-tree-loop", "dangling-contents", "wrong-root", "zeroed"],
)
def test_damaged_pdf_gives_text_or_a_typed_error(mutate: Callable[[bytes], bytes]) -> None:
    try:
        doc = read_document(mutate(make_pdf(TEXT)))
    except InputError as err:
        assert err.message and "\n" not in err.message
    else:
        assert doc.text.strip()


# ---------------------------------------------------------------------------------- damaged DOCX
def _docx_bytes() -> bytes:
    doc = DocxDocument()
    for i in range(40):
        doc.add_paragraph(f"Paragraph {i}: built data pipelines with Python and Spark")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_with_a_damaged_deflate_stream_is_corrupt() -> None:
    """Found by fuzz/fuzz_readers.py: zlib.error escaped from python-docx."""
    data = bytearray(_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 2, start + min(info.compress_size, 60)):
        data[i] ^= 0x5A  # scramble the deflate data, keep the zip directory intact
    with pytest.raises(CorruptDocumentError, match="DOCX is damaged"):
        read_document(bytes(data))


# ------------------------------------------------------------------------------------ text bytes
@pytest.mark.parametrize(
    ("data", "expected", "warning"),
    [
        ("Jane — Python".encode() + b"\x00" * 5000, "Jane — Python", None),  # NUL padding at the end
        (
            b"Jane Doe\x00 Python developer. " + b"Built pipelines with Spark and Kafka. " * 5,
            "Jane Doe Python",
            "control_characters",
        ),
        # UTF-8 with one pasted cp1252 byte: the UTF-8 text survives, the stray byte is read as cp1252
        (
            "Résumé — naïve ".encode() + b"caf\xe9" + " 日本語 😀".encode(),
            "Résumé — naïve café 日本語 😀",
            "encoding_fallback",
        ),
        # UTF-16 without BOM whose text has characters with a NUL byte (U+0100, a low surrogate)
        ("Jane Ā Python 😀 developer".encode("utf-16-be"), "Jane Ā Python 😀 developer", None),
        ("Jane Ā Python 😀 developer".encode("utf-16-le"), "Jane Ā Python 😀 developer", None),
    ],
    ids=["nul-padding", "stray-nuls", "mixed-utf8-cp1252", "utf16be-no-bom", "utf16le-no-bom"],
)
def test_odd_text_bytes(data: bytes, expected: str, warning: str | None) -> None:
    doc = read_document(data)
    assert doc.text.startswith(expected) and "\x00" not in doc.text
    assert {w.code for w in doc.warnings} == ({warning} if warning else set())


def test_mostly_nul_bytes_are_binary() -> None:
    from gapfinder.errors import UnsupportedFormatError

    with pytest.raises(UnsupportedFormatError, match="binary"):
        read_document(b"a\x00b\x00c\x00d\x00e" * 200 + b"\x01\x02\x03\x04\x05" * 100)


def test_zip_with_an_unsupported_version_is_corrupt() -> None:
    """Found by fuzz/fuzz_readers.py: zipfile raised NotImplementedError("zip file version 18.6")."""
    data = bytearray(_docx_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (186).to_bytes(2, "little")  # "version needed to extract" 18.6
    with pytest.raises(CorruptDocumentError, match="damaged"):
        read_document(bytes(data))


def test_password_protected_word_file_says_so() -> None:
    # a password-protected .docx is an OLE compound file holding an "EncryptedPackage" stream
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(100)
    with pytest.raises(EncryptedDocumentError, match=r"password-protected.*save it as PDF"):
        read_document(data, filename="cv.docx")


@pytest.mark.parametrize(
    ("damage", "error", "match"),
    [
        (lambda d: d, NoTextLayerError, "no text layer"),
        (lambda d: d.replace(b"startxref\n", b"startxref\n1"), CorruptDocumentError, "damaged .broken cross-reference"),
    ],
    ids=["intact", "broken-xref"],
)
def test_no_text_from_a_damaged_file_is_damage_not_a_scan(
    damage: Callable[[bytes], bytes], error: type[InputError], match: str
) -> None:
    drawing = make_pdf(b"0 0 m 300 300 l S 10 10 200 200 re f")  # ink, no text, no image
    with pytest.raises(error, match=match):
        read_document(damage(drawing))
