"""Lone surrogates (U+D800-U+DFFF) become U+FFFD with an ``invalid_unicode`` warning, in every format and
every entry point: before, one in a JSON text or in a PDF's font map made every JSON output crash (the
service answered 500, the CLI printed a traceback, a batch died on it at every resume)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gapfinder import Engine
from gapfinder.batch import InProcessRunner, run_batch
from gapfinder.models import Report
from gapfinder.reading import document_from_text, read_document
from helpers.files import surrogate_pdf

BODY = "EXPERIENCE\nData Engineer, Acme Corp, Jan 2019 - Present\nPython, Kafka and SQL pipelines.\n"


def _codes(report: Report) -> set[str]:
    return {w.code for w in report.warnings}


def test_a_pdf_font_that_maps_to_a_surrogate(engine: Engine) -> None:
    document = read_document(surrogate_pdf())
    assert "\ud800" not in document.text and "\ufffd" in document.text
    report = engine.analyze(surrogate_pdf())
    assert "invalid_unicode" in _codes(report)
    assert {"python", "kafka", "sql"} <= {s.id for s in report.skills}
    Report.model_validate_json(report.model_dump_json())  # the JSON output works (it raised before)


@pytest.mark.parametrize("text", [BODY + "broken \ud800 here", "\udfff" + BODY, BODY + "\udc80\udcff" * 50])
def test_text_with_lone_surrogates_keeps_its_offsets(engine: Engine, text: str) -> None:
    report = engine.analyze_text(text)
    lone = sum(1 for ch in text if "\ud800" <= ch <= "\udfff")
    assert report.text == "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    assert len(report.text) == len(text)
    warning = next(w for w in report.warnings if w.code == "invalid_unicode")
    assert f"{lone:,} invalid" in warning.message
    for skill in report.skills:
        for m in skill.mentions:
            assert report.text[m.start : m.end] == m.text
    json.loads(report.model_dump_json())


def test_clean_text_is_untouched() -> None:
    document = document_from_text(BODY + "emoji 😀 and accents é")
    assert document.text == BODY + "emoji 😀 and accents é" and not document.warnings


def test_a_source_name_with_surrogates_is_made_safe(engine: Engine, tmp_path: Path) -> None:
    """A file name that is not valid UTF-8 arrives as lone surrogates (surrogateescape)."""
    name = "cv-\udce9t\udce9.txt"
    path = tmp_path / "cv.txt"
    path.write_text(BODY, encoding="utf-8")
    report = engine.analyze(path, filename=name)
    assert report.document.source == "cv-\ufffdt\ufffd.txt"
    json.loads(report.model_dump_json())


def test_batch_writes_and_resumes_records_with_surrogates(tmp_path: Path, engine: Engine) -> None:
    """A JSON text with a \\ud800 escape, and a file whose name is not UTF-8: both records are written (the
    batch died on them before), and a second run skips them both."""
    jsonl = tmp_path / "texts.jsonl"
    jsonl.write_text(json.dumps({"id": "s\ud800", "text": BODY + "\ud800"}) + "\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    odd = docs / os.fsdecode(b"cv-\xe9.txt")  # "cv-\udce9.txt"
    try:
        odd.write_bytes(BODY.encode())
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([jsonl, docs], out, runner=InProcessRunner(engine=engine))
    assert (summary.ok, summary.errors) == (2, 0)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in records} == {"s\ud800", str(odd)}
    assert all(r["ok"] for r in records)
    again = run_batch([jsonl, docs], out, runner=InProcessRunner(engine=engine))
    assert (again.ok, again.skipped) == (0, 2)
