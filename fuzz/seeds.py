"""Seed inputs for the reader fuzzer: the repository's examples plus small synthetic files.

Nothing is copied from ../shared: the seeds are the example documents of ``examples/`` and files built
here, each small and each reaching a different branch of the readers (xref tables and streams, broken
xrefs, encryption, images, fonts without a Unicode map, DOCX parts, text encodings).
"""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"", xref: bool = True) -> bytes:
    """A PDF of numbered ``objects`` (1-based) with a correct xref table (or none)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        start,
    )
    return bytes(out)


def stream(data: bytes, *, compress: bool = False, extra: bytes = b"") -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_page_pdf(content: bytes, *, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>") -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content, compress=True),
            font,
        ]
    )


RESUME_CONTENT = (
    b"BT /F1 12 Tf 50 740 Td (Jane Doe - Senior Data Engineer) Tj 0 -16 Td (EXPERIENCE) Tj "
    b"0 -16 Td (Acme Corp, 2019 - Present: Python, Spark, Kafka, AWS) Tj "
    b"0 -16 Td [(Led a te) 120 (am of four engineers)] TJ 0 -16 Td (SKILLS) Tj "
    b"0 -16 Td (Python, SQL, Docker, Kubernetes) Tj ET"
)


def synthetic() -> dict[str, bytes]:
    seeds: dict[str, bytes] = {}
    seeds["simple.pdf"] = text_page_pdf(RESUME_CONTENT)
    seeds["two_column.pdf"] = text_page_pdf(
        b"BT /F1 10 Tf "
        + b"".join(b"1 0 0 1 %d %d Tm (column text %d) Tj " % (50 + 300 * (i % 2), 700 - 12 * i, i) for i in range(40))
        + b"ET"
    )
    # a font with a ToUnicode CMap, and one with a custom /Differences encoding
    cmap = stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
        b"endcodespacerange 2 beginbfchar <41> <0050> <42> <0079> endbfchar 1 beginbfrange <43> <45> <0074> "
        b"endbfrange endcmap end end"
    )
    seeds["tounicode.pdf"] = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"BT /F1 12 Tf 50 700 Td (ABCDE ABCDE) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Custom /ToUnicode 6 0 R "
            b"/Encoding << /Differences [65 /P /y /t /h /o] >> >>",
            cmap,
        ]
    )
    seeds["image_only.pdf"] = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"),
            stream(
                bytes(range(256)) * 4,
                extra=b" /Type /XObject /Subtype /Image /Width 32 /Height 32 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8",
            ),
        ]
    )
    good = seeds["simple.pdf"]
    seeds["no_eof.pdf"] = good[: good.rindex(b"%%EOF")]
    seeds["no_xref.pdf"] = text_page_pdf(RESUME_CONTENT).replace(b"xref\n", b"xrex\n")
    seeds["bad_startxref.pdf"] = good.replace(b"startxref\n", b"startxref\n9") if b"startxref" in good else good
    seeds["truncated_half.pdf"] = good[: len(good) // 2]
    seeds["object_stream.pdf"] = pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 4 0 R] "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
            stream(RESUME_CONTENT + b" /X1 Do", compress=True),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream(
                b"BT /F1 9 Tf 10 10 Td (form text) Tj ET",
                extra=b" /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 5 0 R >> >>",
            ),
        ]
    )
    seeds["inline_image.pdf"] = text_page_pdf(b"q 10 0 0 10 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\x00\xff EI Q")
    seeds["cid_font.pdf"] = text_page_pdf(
        b"BT /F1 12 Tf 50 700 Td <0001000200030004> Tj ET",
        font=b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [1 [500 500 500 500]] >>] >>",
    )
    seeds["encrypted_rc4.pdf"] = _encrypted(good)
    # DOCX: a minimal package, and a zip that is not one
    seeds["minimal.docx"] = _docx(
        "<w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Python</w:t><w:tab/><w:t>2019 - 2021</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>SQL</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Kafka</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    seeds["not_docx.zip"] = _zip({"xl/workbook.xml": b"<workbook/>"})
    # text in every encoding the text reader recognises
    sample = "Jane Doe — Senior Engineer\nPython, SQL, Kafka · 2019–Present\nRésumé naïve café 日本語 😀\n"
    seeds["utf8.txt"] = sample.encode()
    seeds["utf8_bom.txt"] = codecs.BOM_UTF8 + sample.encode()
    seeds["utf16le_bom.txt"] = codecs.BOM_UTF16_LE + sample.encode("utf-16-le")
    seeds["utf16be.txt"] = sample.encode("utf-16-be")
    seeds["utf32.txt"] = sample.encode("utf-32")
    seeds["cp1252.txt"] = "Café – résumé “quoted”\n".encode("cp1252")
    seeds["mixed.txt"] = sample.encode() + "Café".encode("cp1252") + b"\x00\x00"
    seeds["markdown.md"] = b"# Jane Doe\n\n## Experience\n\n- **Acme**, 2019 - now: *Python*\n"
    seeds["rtl.txt"] = "\u05d9\u05d5\u05e1\u05d9 Python \u0645\u0647\u0646\u062f\u0633 2020 - 2023\n".encode()
    # issue 19: a font map pointing at a lone surrogate; fonts sharing one CMap (the font-entry bound);
    # a run of punctuation without spaces (the tokenizer's linear-time peeling)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << %s >> >> >>"
    head = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    text = stream(b"BT /F0 12 Tf 50 700 Td (Data engineer: Python, Kafka and SQL A) Tj ET")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
    seeds["surrogate_map.pdf"] = pdf(
        [*head, page % b"/F0 5 0 R", text, font, stream(b"1 beginbfchar\n<41> <D800>\nendbfchar")]
    )
    fonts = b" ".join(b"/F%d 5 0 R" % i for i in range(8))
    seeds["shared_cmap.pdf"] = pdf(
        [*head, page % fonts, text, font, stream(b"1 beginbfrange\n<0000> <0FFF> <0000>\nendbfrange")]
    )
    seeds["punctuation_run.txt"] = b"Python " + b"!" * 3000 + b" SQL \xe2\x98\x85" * 200 + b"\n"
    return seeds


def _encrypted(data: bytes) -> bytes:
    try:
        import pypdf
    except ImportError:  # pragma: no cover - the fuzzer needs pypdf anyway
        return data
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _docx(body: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return _zip(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                b'wordprocessingml.document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
            "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body>'
            "</w:document>".encode(),
        }
    )


def examples() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for folder in ("resumes", "jobs", "bad"):
        for path in sorted((ROOT / "examples" / folder).glob("*")):
            if path.is_file() and path.stat().st_size <= 200_000:
                out[f"example_{folder}_{path.name}"] = path.read_bytes()
    return out


def write_seeds(directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    seeds = {**examples(), **synthetic()}
    for name, data in seeds.items():
        (directory / name).write_bytes(data)
    return len(seeds)
