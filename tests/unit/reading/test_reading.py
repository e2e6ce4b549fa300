"""The reading stage: format sniffing, PDF/DOCX/text readers, limits and every refusal."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document as DocxDocument
from PIL import Image
from pypdf.errors import DependencyError
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from gapfinder.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InputError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from gapfinder.limits import Limits
from gapfinder.reading import document_from_text, read_document, sniff
from gapfinder.reading.document import Document
from gapfinder.reading.pdf import garbage_ratio
from helpers import SHARED

RESUME_LINES = [
    "Jane Doe - Senior Data Engineer",
    "jane@example.com | +1 555 0100",
    "EXPERIENCE",
    "Acme Corp, Data Engineer, 2019 - Present",
    "Built streaming pipelines with Kafka, Spark and Python on AWS.",
    "Led a team of four engineers and mentored two interns.",
    "SKILLS",
    "Python, SQL, Kafka, Spark, Airflow, Terraform, Docker, Kubernetes",
    "EDUCATION",
    "BSc Computer Science, State University, 2015",
]


#: a page that is a picture of text and has no text layer, as a scanner makes it
SCAN = ["<scan>"]


# --------------------------------------------------------------------------------------------- helpers
def make_pdf(pages: list[list[str]], *, columns: int = 1, right_dates: bool = False) -> bytes:
    """A PDF with one page per list of lines ([] = a page with a drawing and no text, SCAN = an image)."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter)
    width, height = letter
    for lines in pages:
        if lines is SCAN:
            pdf.drawImage(ImageReader(Image.new("L", (60, 80), color=200)), 36, 36, width - 72, height - 72)
            pdf.showPage()
            continue
        if not lines:
            pdf.rect(100, 100, 200, 200, fill=1)  # ink, but no text
        for i, line in enumerate(lines):
            y = height - 72 - 14 * (i if columns == 1 else i // 2)
            x = 50 if columns == 1 or i % 2 == 0 else width / 2 + 20
            pdf.drawString(x, y, line)
            if right_dates:
                pdf.drawRightString(width - 50, y, "2019 - 2021")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def encrypt(data: bytes, user: str, owner: str = "owner-secret") -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(build: Callable[[Any], None] | None = None) -> bytes:
    doc = DocxDocument()
    if build is None:
        doc.add_paragraph("Jane Doe")
    else:
        build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def codes(doc: Document) -> set[str]:
    return {w.code for w in doc.warnings}


# ------------------------------------------------------------------------------------------------ PDF
def test_pdf_text_pages_and_no_warnings() -> None:
    doc = read_document(make_pdf([RESUME_LINES, RESUME_LINES[:5]]), filename="cv.pdf")
    assert doc.format == "pdf" and doc.pages == 2 and doc.source == "cv.pdf"
    assert "Kafka" in doc.text and "EXPERIENCE" in doc.text
    assert "\n\n" in doc.text  # pages are joined by a blank line
    assert codes(doc) == set()


def test_pdf_from_path(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(make_pdf([RESUME_LINES]))
    doc = read_document(path)
    assert doc.source == str(path) and doc.format == "pdf"
    assert read_document(str(path), filename="other.pdf").source == "other.pdf"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ([RESUME_LINES, SCAN], {"scanned_pages"}),
        ([SCAN, RESUME_LINES, SCAN], {"scanned_pages"}),
        ([RESUME_LINES, []], set()),  # a page with a drawing and no text is not a scan
        ([["Jane Doe", "Python"]], set()),  # little text is the analysis's warning (gapfinder.text.quality)
    ],
)
def test_pdf_quality_warnings(pages: list[list[str]], expected: set[str]) -> None:
    assert codes(read_document(make_pdf(pages))) == expected


def test_pdf_scanned_pages_are_named() -> None:
    doc = read_document(make_pdf([SCAN, RESUME_LINES, SCAN]))
    assert [w.message for w in doc.warnings if w.code == "scanned_pages"] == [
        "page(s) 1, 3 are images without text (scanned?); their text is missing: OCR them first"
    ]


def test_pdf_two_columns_warning() -> None:
    lines = [f"{'Left' if i % 2 == 0 else 'Right'} column line {i} with a few more words" for i in range(60)]
    assert "two_columns" in codes(read_document(make_pdf([lines], columns=2)))


def test_pdf_right_aligned_dates_are_not_two_columns() -> None:
    lines = [f"Body line {i} about pipelines, services and the teams behind them" for i in range(40)]
    assert "two_columns" not in codes(read_document(make_pdf([lines], right_dates=True)))


@pytest.mark.parametrize(
    ("pages", "match"),
    [
        ([[]], "no text layer .scanned, or text drawn as shapes"),
        ([[], []], "no text layer .scanned, or text drawn as shapes"),
        ([SCAN], "its pages are images"),
        ([SCAN, []], "its pages are images"),
    ],
)
def test_pdf_without_text_layer(pages: list[list[str]], match: str) -> None:
    with pytest.raises(NoTextLayerError, match=f"{match}.*run OCR first"):
        read_document(make_pdf(pages))


def test_pdf_encrypted_needs_password() -> None:
    data = encrypt(make_pdf([RESUME_LINES]), user="s3cret")
    with pytest.raises(EncryptedDocumentError, match="password-protected"):
        read_document(data)
    with pytest.raises(EncryptedDocumentError, match="wrong password"):
        read_document(data, password="nope")
    assert "Kafka" in read_document(data, password="s3cret").text


def test_pdf_owner_password_only_opens_without_password() -> None:
    assert "Kafka" in read_document(encrypt(make_pdf([RESUME_LINES]), user="")).text


def test_pdf_aes_without_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    def decrypt(self: object, password: str) -> int:
        raise DependencyError("cryptography is required for AES algorithm")

    data = encrypt(make_pdf([RESUME_LINES]), user="x")
    monkeypatch.setattr(pypdf.PdfReader, "decrypt", decrypt)
    with pytest.raises(EncryptedDocumentError, match="pip install cryptography"):
        read_document(data)


def test_pdf_missing_eof_marker_is_read_with_warning() -> None:
    data = make_pdf([RESUME_LINES])
    cut = data[: data.rindex(b"%%EOF")]
    doc = read_document(cut)
    assert "truncated" in codes(doc) and "Kafka" in doc.text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n" + bytes(range(256)) * 20,  # header, then garbage
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-",
    ],
    ids=["garbage", "dangling-pages", "header-only"],
)
def test_pdf_malformed_is_corrupt(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        read_document(data)
    assert isinstance(info.value, CorruptDocumentError | NoTextLayerError | EmptyDocumentError)


@pytest.mark.parametrize("keep", [200, 600, 0.5, 0.9])
def test_pdf_cut_short_is_corrupt(keep: float) -> None:
    data = make_pdf([RESUME_LINES, RESUME_LINES])
    with pytest.raises(CorruptDocumentError, match="truncated"):
        read_document(data[: int(keep if keep > 1 else len(data) * keep)])


@pytest.mark.parametrize("exc", [RecursionError(), KeyError("x"), ValueError("bad"), AssertionError()])
def test_pdf_page_errors_are_mapped(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    def boom(self: object, *args: object, **kwargs: object) -> str:
        raise exc

    monkeypatch.setattr(pypdf.PageObject, "extract_text", boom)
    with pytest.raises(CorruptDocumentError, match="no page could be read"):
        read_document(make_pdf([RESUME_LINES]))


def test_pdf_one_bad_page_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    original = pypdf.PageObject.extract_text
    calls: list[int] = []

    def flaky(self: pypdf.PageObject, *args: object, **kwargs: object) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise TypeError("broken content stream")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pypdf.PageObject, "extract_text", flaky)
    doc = read_document(make_pdf([RESUME_LINES, RESUME_LINES, RESUME_LINES]))
    assert [w.message for w in doc.warnings if w.code == "unreadable_pages"] == [
        "page(s) 2 could not be read and were skipped"
    ]


@pytest.mark.parametrize("garbage", ["\ufffd" * 400, "\ue000\ue001 " * 150, "%$#@!&*^ " * 60])
def test_pdf_unreadable_text_layer(monkeypatch: pytest.MonkeyPatch, garbage: str) -> None:
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: garbage)
    with pytest.raises(NoTextLayerError, match="unreadable"):
        read_document(make_pdf([RESUME_LINES]))


def test_pdf_partly_garbled_text_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(RESUME_LINES) + " \ufffd" * 60
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: text)
    assert "broken_encoding" in codes(read_document(make_pdf([RESUME_LINES])))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Senior engineer with Python and SQL experience since 2015.", 0.0, 0.05),
        ("Python (cid:12)(cid:34)(cid:56) SQL", 0.5, 1.0),
        ("\ufffd\ufffd\ufffd abc", 0.4, 0.8),
        ("", 0.0, 0.0),
    ],
)
def test_garbage_ratio(text: str, low: float, high: float) -> None:
    assert low <= garbage_ratio(text) <= high


@pytest.mark.parametrize(
    ("limits", "match"),
    [
        (Limits(max_pages=2), "page limit"),
        (Limits(max_chars=300), "character limit"),
        (Limits(time_budget_s=1e-9), "time budget"),
        (Limits(max_bytes=1000), "MB limit"),
    ],
)
def test_pdf_limits(limits: Limits, match: str) -> None:
    with pytest.raises(DocumentTooLargeError, match=match):
        read_document(make_pdf([RESUME_LINES] * 3), limits=limits)


# ----------------------------------------------------------------------------------------------- DOCX
def _resume_docx(doc: Any) -> None:
    doc.sections[0].header.paragraphs[0].text = "Jane Doe | jane@example.com"
    doc.add_heading("Experience", level=1)
    doc.add_paragraph("Acme Corp, Data Engineer")
    doc.add_paragraph("Built pipelines with Kafka", style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Skills"
    table.cell(0, 1).text = "Python, SQL"
    table.cell(1, 0).text = "Tools"
    cell = table.cell(1, 1)
    cell.text = "Docker"
    cell.add_paragraph("Terraform")
    doc.add_paragraph("Education")


def test_docx_document_order_tables_and_header() -> None:
    doc = read_document(make_docx(_resume_docx), filename="cv.docx")
    assert doc.format == "docx" and doc.pages is None
    lines = doc.text.split("\n")
    assert lines[0] == "Jane Doe | jane@example.com"
    assert lines.index("Experience") < lines.index("• Built pipelines with Kafka")
    assert "Skills\tPython, SQL" in lines  # a row of one-line cells stays one line
    assert lines.index("Tools") < lines.index("Docker") < lines.index("Terraform") < lines.index("Education")
    assert lines[lines.index("Education") - 1] == ""  # blank line after the table


def test_docx_text_box_is_read_once() -> None:
    data = make_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    xml = members["word/document.xml"].decode()
    box = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed skills</w:t></w:r></w:p>'
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>Boxed skills</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>"
    )
    members["word/document.xml"] = xml.replace("<w:sectPr", box + "<w:sectPr", 1).encode()
    text = read_document(make_zip(members)).text
    assert text.count("Boxed skills") == 1 and text.index("Jane Doe") < text.index("Boxed skills")


def test_docx_zip_bomb_ratio() -> None:
    members = {
        "[Content_Types].xml": b"<x/>",
        "word/document.xml": b"<x/>",
        "word/media/a.bin": bytes(4_000_000),
    }
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        read_document(make_zip(members))


def test_docx_uncompressed_limit() -> None:
    with pytest.raises(DocumentTooLargeError, match="max_uncompressed_bytes"):
        read_document(make_docx(_resume_docx), limits=Limits(max_uncompressed_bytes=10_000))


@pytest.mark.parametrize(
    ("members", "error"),
    [
        ({"word/document.xml": b"<not xml"}, CorruptDocumentError),
        ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}, CorruptDocumentError),
        ({"xl/workbook.xml": b"<x/>"}, UnsupportedFormatError),
        ({"hello.txt": b"hi"}, UnsupportedFormatError),
    ],
    ids=["bad-xml", "no-relationships", "xlsx", "plain-zip"],
)
def test_docx_refusals(members: dict[str, bytes], error: type[InputError]) -> None:
    with pytest.raises(error):
        read_document(make_zip(members))


def test_docx_damaged_zip() -> None:
    data = make_docx(_resume_docx)
    with pytest.raises(CorruptDocumentError):
        read_document(data[: len(data) // 2])


# ------------------------------------------------------------------------------------- text and sniffing
@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        ("Résumé – naïve ☃".encode(), "Résumé – naïve ☃", None),
        (b"\xef\xbb\xbfHello\r\nWorld", "Hello\nWorld", None),
        ("Résumé".encode("utf-16"), "Résumé", None),
        (b"\xfe\xff" + "Résumé".encode("utf-16-be"), "Résumé", None),
        ("Skills: Python".encode("utf-16-le"), "Skills: Python", None),
        ("Café – résumé".encode("cp1252"), "Café – résumé", "encoding_fallback"),
        (b"caf\xe9 \x81" + b" plain" * 20, "café \x81" + " plain" * 20, "encoding_fallback"),
        (b"old\rmac\rlines", "old\nmac\nlines", None),
    ],
    ids=["utf8", "utf8-bom-crlf", "utf16-bom", "utf16-be-bom", "utf16-no-bom", "cp1252", "undefined", "cr"],
)
def test_text_decoding(data: bytes, text: str, warning: str | None) -> None:
    doc = read_document(data)
    assert doc.format == "text" and doc.text == text
    assert codes(doc) == ({warning} if warning else set())


def test_markdown_is_kept_as_is(tmp_path: Path) -> None:
    md = "# Jane Doe\n\n## Experience\n\n**Skills**: Python, *SQL*\n"
    path = tmp_path / "cv.md"
    path.write_text(md, encoding="utf-8")
    assert read_document(path).text == md


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG image"),
        (b"GIF89a" + bytes(50), "GIF image"),
        (b"BM" + bytes(60), "BMP image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"legacy Office file \(\.doc"),
        (b"{\\rtf1\\ansi Hello}", "RTF"),
        (b"hello\x00world\x00" * 10, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
    ids=["png", "jpeg", "gif", "bmp", "ole-doc", "rtf", "nul", "controls"],
)
def test_unsupported_formats(data: bytes, match: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=match) as info:
        read_document(data)
    assert "save it as PDF or DOCX" in str(info.value)


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"junk before the header %PDF-1.4 ...", None, "pdf"),
        (b"plain words", "notes.txt", "text"),
        (b"plain words", None, "text"),
        (b"BMW Group, Munich - Data Engineer", None, "text"),
        (b"MZ Consulting\nRIFF", None, "text"),
        (b"\xff\xfeS\x00k\x00", None, "text"),
    ],
)
def test_sniff(data: bytes, filename: str | None, expected: str) -> None:
    assert sniff(data, filename) == expected


@pytest.mark.parametrize("filename", ["cv.pdf", "CV.PDF", "cv.docx"])
def test_mislabelled_file_is_corrupt(filename: str) -> None:
    with pytest.raises(CorruptDocumentError, match="does not look like"):
        read_document(b"this is not really a document", filename=filename)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "\ufeff  \n".encode()])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        read_document(data)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        read_document(tmp_path / "missing.pdf")
    assert type(info.value) is InputError
    for text in ("Jane Doe\nSenior engineer", "Senior engineer wanted for Python and Spark", "x" * 300):
        with pytest.raises(InputError, match=r"analyze_text\(\)") as info:
            read_document(text)  # text passed as a path: the message does not repeat it
        assert text[:12] not in info.value.message
    with pytest.raises(InputError, match="analyze_text"):
        read_document("a\x00b")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(DocumentTooLargeError, match="pass a larger max_bytes"):
        read_document(path, limits=Limits(max_bytes=4000))


def test_text_char_limit() -> None:
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        read_document(b"word " * 100, limits=Limits(max_chars=100))


# ----------------------------------------------------------------------------------- document_from_text
@pytest.mark.parametrize("text", ["Jane\r\nDoe  \u00a0 ﬁ\t", "## Skills\n**Python**", " x "])
def test_document_from_text_keeps_text_exactly(text: str) -> None:
    doc = document_from_text(text, source="<stdin>")
    assert doc.text == text and doc.format == "text" and doc.source == "<stdin>" and doc.warnings == ()


@pytest.mark.parametrize(
    ("text", "error"),
    [("", EmptyDocumentError), (" \n\t", EmptyDocumentError), ("x" * 101, DocumentTooLargeError)],
)
def test_document_from_text_refusals(text: str, error: type[InputError]) -> None:
    with pytest.raises(error):
        document_from_text(text, limits=Limits(max_chars=100))


def test_document_from_text_wants_str() -> None:
    with pytest.raises(TypeError):
        document_from_text(b"bytes")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------- shared data
@pytest.mark.skipif(not (SHARED / "eval/dev/resume-pdfs").is_dir(), reason="../shared is absent")
def test_shared_resume_pdfs_read_or_refuse() -> None:
    pdfs = sorted((SHARED / "eval/dev/resume-pdfs").rglob("*.pdf"))
    assert pdfs
    read = 0
    for path in pdfs:
        try:
            doc = read_document(path)
        except InputError:
            continue
        read += 1
        assert doc.text.strip() and doc.pages
    assert read >= len(pdfs) * 0.9


# ----------------------------------------------------------------------------------------------- mojibake
MOJIBAKE_LINE = "Grew revenue to $2-$3 M\u00a0per year at Café Nord – it’s a deli."


def test_a_files_mojibake_is_repaired() -> None:
    data = MOJIBAKE_LINE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")  # UTF-8 read as cp1252
    assert "Ã©" in data.decode("utf-8")
    document = read_document(b"EXPERIENCE\n" + data + b"\n", filename="cv.txt")
    assert MOJIBAKE_LINE in document.text
    assert codes(document) == {"encoding_repaired"}


def test_mojibake_in_a_pdf_is_repaired() -> None:
    garbled = "Sales Director at CafÃ© Nord, $2 MÂ per year"
    document = read_document(make_pdf([[garbled, *RESUME_LINES]]))
    assert "Sales Director at Café Nord, $2 M" in document.text and "Â" not in document.text
    assert "encoding_repaired" in codes(document)


def test_mojibake_in_a_string_is_kept_and_flagged() -> None:
    text = "EXPERIENCE\nSales Director at CafÃ© Nord, $2-$3 MÂ\u00a0per year\n" + "Ran the shop well. " * 20
    document = document_from_text(text)
    assert document.text == text  # offsets point into the caller's string
    (warning,) = [w for w in document.warnings if w.code == "broken_encoding"]
    assert "2 mojibake sequence(s)" in warning.message and "Café" not in warning.message


def test_correct_text_is_not_touched() -> None:
    text = "I ran the café in Zürich for years – it’s where I learned that naïve pricing fails.\n" * 5
    document = read_document(text.encode("utf-8"), filename="cv.txt")
    assert document.text.strip() == text.strip() and not codes(document)
