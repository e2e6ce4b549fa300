"""Files synthesised in a few bytes: raw PDFs (one-page Helvetica text, a surrogate in a font map, fonts sharing
one CMap) and a flat DOCX of a chosen size."""

from __future__ import annotations

import io
import zipfile
import zlib

from gapfinder.limits import Limits


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF of these numbered objects (1 is the catalogue), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def make_pdf(content: bytes, *, compress: bool = True) -> bytes:
    """A one-page PDF drawing ``content`` with Helvetica, with a correct xref table."""
    stream = zlib.compress(content) if compress else content
    flt = b" /Filter /FlateDecode" if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), flt) + stream + b"\nendstream",
        FONT,
    ]
    return pdf_from_objects(objects)


TEXT = (
    b"BT /F1 11 Tf 50 740 Td (Jane Doe, Senior Data Engineer) Tj 0 -14 Td (EXPERIENCE) Tj "
    b"0 -14 Td (Acme Corp, 2019 - Present: Python, Spark, Kafka and AWS pipelines) Tj ET"
)
SHORT = Limits(time_budget_s=0.3)


def surrogate_pdf() -> bytes:
    """A 1 KB PDF whose font maps the glyph 'A' to U+D800 (pypdf gives the lone surrogate as text)."""
    content = zlib.compress(
        b"BT /F1 11 Tf 50 740 Td (Jane Doe, Data Engineer A) Tj 0 -14 Td (EXPERIENCE) Tj 0 -14 Td "
        b"(Acme Corp, Jan 2019 - Present: Python, Kafka and SQL A) Tj ET"
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> "
        b"endcodespacerange\n1 beginbfchar\n<41> <D800>\nendbfchar\nendcmap end end"
    )
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        ]
    )


def shared_cmap_pdf(fonts: int, entries: int = 99_000) -> bytes:
    """One page whose resources list ``fonts`` fonts, all pointing at one tiny CMap of ``entries`` codes."""
    cmap = (  # 4-byte codes: 99,000 of them fit in one range (pypdf's cap per map is 100,000)
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> "
        b"endcodespacerange\n1 beginbfrange\n<00000000> <%08X> <0000>\nendbfrange\nendcmap end end" % (entries - 1)
    )
    content = zlib.compress(b"BT /F0 12 Tf 50 700 Td (Python and Kafka engineer since 2019) Tj ET")
    names = b" ".join(b"/F%d %d 0 R" % (i, 6 + i) for i in range(fonts))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << %s >> >> >>"
        % names,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    objects += [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>"] * fonts
    return pdf_from_objects(objects)


def flat_docx(xml_bytes: int, *, deflated: bool = False) -> bytes:
    """A DOCX whose document.xml is ``xml_bytes`` of empty paragraphs, stored (so the zip checks pass), or
    deflated with one paragraph in fifty a line break instead, which keeps the inflation ratio under the bomb
    check's 200 (the red-team file: 564 KB inflating to 91 MB)."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
        b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Python engineer</w:t></w:r></w:p>'
    )
    if deflated:
        import random

        rng = random.Random(1)
        body = head + b"".join(b"<w:br/>" if rng.random() < 0.02 else b"<w:p/>" for _ in range(xml_bytes // 6))
        body += b"</w:body></w:document>"
    else:
        body = head + b"<w:p/>" * (xml_bytes // 6) + b"</w:body></w:document>"
    types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
        b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
        b'main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if deflated else zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", body)
    return out.getvalue()
