"""A short hypothesis version of fuzz/fuzz_readers.py: mutated PDFs, DOCX files and text never crash a reader.

Every input gives a ``Document`` with text or raises an ``InputError`` with a one-line message. The
seeds are built here; the atheris target explores much further (see fuzz/README.md).
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapfinder.errors import InputError
from gapfinder.reading import read_document
from helpers.files import SHORT, TEXT, make_pdf


def _docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Jane Doe, Data Engineer, 2019 - Present")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Python"
    table.rows[0].cells[1].text = "2019 - 2021"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _stored_docx() -> bytes:
    """The same DOCX without compression, so that byte mutations reach the XML, not only the deflate data."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    return out.getvalue()


SEEDS = [
    make_pdf(TEXT),
    make_pdf(TEXT, compress=False),
    _docx(),
    _stored_docx(),
    "Jane Doe — Résumé\nPython, SQL · 2019–Present 😀\n".encode(),
    "Jane Doe\nPython\n".encode("utf-16"),
]
TOKENS = [
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"xref",
    b"trailer",
    b"startxref\n0\n",
    b"%%EOF",
    b"/Length 99999999",
    b"/Filter /FlateDecode",
    b"<<" * 40,
    b"[" * 60,
    b"/Encrypt << >>",
    b"/Count -1",
    b"<w:p>",
    b"</w:t>",
    b"PK\x03\x04",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "token", "delete", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            data[at:at] = bytes(data[at : at + 16]) * draw(st.integers(2, 200))
    return bytes(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_mutated_files_give_text_or_a_typed_error(data: bytes) -> None:
    _assert_text_or_typed_error(data)


def _assert_text_or_typed_error(data: bytes) -> None:
    try:
        document = read_document(data, limits=SHORT)
    except InputError as err:
        assert err.message and "\n" not in err.message
        return
    assert document.text.strip()
    assert len(document.text) <= SHORT.max_chars


def test_a_filter_abbreviation_pypdf_removed_is_a_typed_error() -> None:
    """Found by the test above: "/Fl" (FlateDecode's abbreviation) in a stream dictionary makes pypdf 7
    raise its DeprecationError, which is not one of its PyPdfErrors."""
    data = make_pdf(TEXT).replace(b"/Filter /FlateDecode", b"/Filter /Fl", 1)
    assert b"/Fl " in data
    _assert_text_or_typed_error(data)
