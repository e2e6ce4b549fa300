"""Bounded structures in the readers: the two files of the red-team pass that took a reader to 1.6 and 2.2 GB
are refused before the memory is spent, and real documents are untouched.

- a PDF whose page lists many fonts sharing one ToUnicode CMap (pypdf builds the map once per font);
- a DOCX whose document.xml inflates to tens of MB of tiny elements (python-docx builds an lxml tree of it).
"""

from __future__ import annotations

import io
import resource
import zipfile
from pathlib import Path

import pytest

from gapfinder.errors import DocumentTooLargeError
from gapfinder.limits import DEFAULT_LIMITS, Limits
from gapfinder.reading import pdf_fonts, read_document
from helpers import ROOT
from helpers.files import flat_docx, shared_cmap_pdf


def test_fonts_sharing_one_big_cmap_are_refused_before_pypdf_builds_them() -> None:
    data = shared_cmap_pdf(fonts=200)  # 12 KB; 200 x 99,000 entries, ~2.5 GB for pypdf
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(DocumentTooLargeError, match=r"page 1 of this PDF uses fonts .* 19,\d{3},\d{3} entries"):
        read_document(data)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: no map was built


def test_a_few_fonts_with_big_maps_are_still_read() -> None:
    document = read_document(shared_cmap_pdf(fonts=3, entries=40_000))
    assert "engineer since 2019" in document.text


def test_the_font_count_is_what_pypdf_would_build() -> None:
    from pypdf import PdfReader
    from pypdf.generic._font import Font

    reader = PdfReader(io.BytesIO(shared_cmap_pdf(fonts=4, entries=5_000)))
    font = reader.pages[0]["/Resources"]["/Font"]["/F0"].get_object()  # type: ignore[index]  # pypdf: PdfObject values
    assert len(Font.from_font_resource(font).character_map) == 5_000  # what pypdf builds for each of the 4
    memo: dict[int, int] = {}
    with pytest.raises(DocumentTooLargeError, match="21,024 entries"):  # 4 x (5,000 + 256)
        pdf_fonts.check_page_fonts(reader.pages[0], 1, Limits(max_font_entries=20_000), memo)
    assert sum(1 for v in memo.values() if v == 5_000) == 1  # the shared CMap was parsed once


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "examples" / "resumes").glob("*.pdf")))
def test_real_pdfs_are_far_below_the_font_limit(name: str) -> None:
    from pypdf import PdfReader

    reader = PdfReader(ROOT / "examples" / "resumes" / name)
    memo: dict[int, int] = {}
    for number, page in enumerate(reader.pages, start=1):
        pdf_fonts.check_page_fonts(page, number, Limits(max_font_entries=20_000), memo)


def test_a_docx_part_of_tiny_elements_is_refused_before_parsing() -> None:
    data = flat_docx(2 * 1024 * 1024)
    with pytest.raises(DocumentTooLargeError, match=r"word/document\.xml inflates to 2\.0 MB of XML"):
        read_document(data, limits=Limits(max_xml_part_bytes=1024 * 1024))
    assert read_document(data).text.startswith("Python engineer")  # under the default limit: read
    assert DEFAULT_LIMITS.max_xml_part_bytes <= 16 * 1024 * 1024


def test_real_docx_parts_are_far_below_the_limit() -> None:
    for path in sorted(Path(ROOT / "examples" / "resumes").glob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            assert max(i.file_size for i in archive.infolist()) < DEFAULT_LIMITS.max_xml_part_bytes / 30


def test_a_damaged_pdf_error_does_not_quote_the_file() -> None:
    """pypdf's messages can quote the bytes around the damage ("Invalid Elementary Object starting with b'x'
    @213: b'(ZQXJ)...'"), which can be the resume's own text. The error names the class only."""
    from gapfinder.errors import CorruptDocumentError

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"(ZQXJ)",
    ]
    data = bytearray(b"%PDF-1.3\n")
    for number, body in enumerate(objects, start=1):
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)  # a broken cross-reference table right after the text
    data += b"xref\nx0 5\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    with pytest.raises(CorruptDocumentError) as exc:
        read_document(bytes(data))
    assert exc.value.message == "this PDF is damaged and cannot be read (PdfReadError)"
