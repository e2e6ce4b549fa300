"""The DOCX reader's own namespace helper: the same names as python-docx's ``qn``."""

from __future__ import annotations


def test_own_qn_matches_python_docx() -> None:
    from docx.oxml.ns import qn as docx_qn

    from gapfinder.reading.docx import qn

    for tag in ("w:p", "w:tbl", "w:sdtContent", "w:txbxContent", "w:noBreakHyphen", "w:instrText", "w:val"):
        assert qn(tag) == docx_qn(tag)
