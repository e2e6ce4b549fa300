"""A bound on the memory python-docx spends on a DOCX's XML, checked before anything is inflated.

python-docx parses every XML part it knows (the body, headers, footers, styles, numbering, settings,
comments, the relationship files) into an lxml tree when it opens the package. The tree costs about
20 bytes of memory per byte of markup made of tiny elements, and the zip-bomb checks (total size,
inflation ratio) let a 600 KB file carry a 95 MB ``word/document.xml`` of empty paragraphs: 2 GB, then
an ``XPathEvalError``. :func:`check_xml_parts` refuses a part that inflates past
``Limits.max_xml_part_bytes`` with ``DocumentTooLargeError`` instead.
"""

from __future__ import annotations

import zipfile

from ..errors import DocumentTooLargeError
from ..limits import Limits

#: parts that python-docx (or the reader here) parses as XML
XML_SUFFIXES = (".xml", ".rels")


def check_xml_parts(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    for info in infos:
        if info.file_size > limits.max_xml_part_bytes and info.filename.lower().endswith(XML_SUFFIXES):
            raise DocumentTooLargeError(
                f"this DOCX's {info.filename} inflates to {info.file_size / 2**20:.1f} MB of XML, over the "
                f"{limits.max_xml_part_bytes / 2**20:g} MB limit (a real document's is well under 1 MB; this "
                "one may be crafted to exhaust memory): re-save it, or pass a larger max_xml_part_bytes"
            )


__all__ = ["XML_SUFFIXES", "check_xml_parts"]
