"""``gapfinder batch`` and ``gapfinder.batch``: inputs, records, the results file, the runners and the command.

In-process runs reuse the session engine; the process-pool tests start real worker processes (each builds its
own engine, a few seconds), so they are few.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import gapfinder.batch.runner
from gapfinder.batch import (
    BadInput,
    EngineConfig,
    InProcessRunner,
    PoolRunner,
    ResultsWriter,
    Task,
    analyze_task,
    count_pending,
    expand_inputs,
    iter_items,
    run_batch,
    scan_results,
)
from gapfinder.batch.inputs import Unreadable, parse_line, walk_documents, with_bytes
from gapfinder.batch.records import Outcome
from gapfinder.batch.scheduling import chunked, windowed
from gapfinder.cli import main
from gapfinder.errors import DocumentTooLargeError, InputError, TaxonomyError, UsageError
from gapfinder.models import Report
from helpers import ROOT, TODAY
from helpers.batch import read_records, synthetic_resume, write_jsonl

RESUMES = ROOT / "examples" / "resumes"
JOBS = ROOT / "examples" / "jobs"
BAD = ROOT / "examples" / "bad"

RESUME_TEXT = (RESUMES / "senior_ml_engineer.txt").read_text(encoding="utf-8")
JOB_TEXT = (JOBS / "senior_ml_engineer_jd.txt").read_text(encoding="utf-8")


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """A directory tree: documents at two depths, a hidden file, a file gapfinder does not take."""
    root = tmp_path / "docs"
    (root / "nested").mkdir(parents=True)
    (root / "a_resume.txt").write_text(RESUME_TEXT, encoding="utf-8")
    (root / "nested" / "b_job.md").write_text(JOB_TEXT, encoding="utf-8")
    (root / "nested" / "c_empty.txt").write_text("  \n", encoding="utf-8")
    (root / ".hidden.txt").write_text(RESUME_TEXT, encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


@pytest.fixture
def texts_jsonl(tmp_path: Path) -> Path:
    """Good lines, and a bad one in the middle of each kind."""
    return write_jsonl(
        tmp_path / "texts.jsonl",
        [
            {"id": "r1", "text": synthetic_resume(1)},
            "{not json",
            {"id": 2, "text": JOB_TEXT, "kind": "job", "title": "ignored"},
            {"id": "no-text"},
            {"id": "r1", "text": "a duplicate id"},
            {"text": synthetic_resume(3)},
            {"id": "bad-kind", "text": "x", "kind": "cv"},
        ],
    )


@pytest.fixture
def runner(engine: Any) -> InProcessRunner:
    return InProcessRunner(EngineConfig(today=TODAY), engine=engine)


# ----------------------------------------------------------------- inputs
def test_walk_documents_is_recursive_sorted_and_skips_hidden_and_unknown(docs_dir: Path) -> None:
    assert [p.relative_to(docs_dir).as_posix() if isinstance(p, Path) else p for p in walk_documents(docs_dir)] == [
        "a_resume.txt",
        "nested/b_job.md",
        "nested/c_empty.txt",
    ]


def test_expand_inputs_files_directories_jsonl(docs_dir: Path, texts_jsonl: Path, tmp_path: Path) -> None:
    out = docs_dir / "results.txt"  # the results file is never an input, even when it sits among them
    out.write_text("", encoding="utf-8")
    pdf = RESUMES / "senior_ml_engineer.pdf"
    sources = expand_inputs([pdf, docs_dir, texts_jsonl, docs_dir / "a_resume.txt"], exclude=out)
    assert sources == [
        (pdf, "file"),
        (docs_dir / "a_resume.txt", "file"),
        (docs_dir / "nested" / "b_job.md", "file"),
        (docs_dir / "nested" / "c_empty.txt", "file"),
        (texts_jsonl, "jsonl"),
    ]


def test_expand_inputs_refuses_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or directory"):
        expand_inputs([RESUMES, tmp_path / "missing.pdf"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "x", "text": "hello"}', ("task", "x", "resume")),
        ('{"id": 12, "text": "hello", "kind": "job"}', ("task", "12", "job")),
        ('{"text": "hello"}', ("task", "f.jsonl:4", "resume")),
        ('{"id": "x", "text": 3}', ("bad", "x", "no 'text' string field")),
        ('{"id": "x"}', ("bad", "x", "no 'text' string field")),
        ('{"id": true, "text": "t"}', ("bad", "f.jsonl:4", "'id' must be")),
        ('{"id": "", "text": "t"}', ("bad", "f.jsonl:4", "'id' must be")),
        ('{"id": "x", "text": "t", "kind": "cv"}', ("bad", "x", "'kind' must be")),
        ("[1, 2]", ("bad", "f.jsonl:4", "not a JSON object")),
        ('{"id": "x", "text": "t"', ("bad", "f.jsonl:4", "not a JSON object")),
    ],
)
def test_parse_line(line: str, expected: tuple[str, str, str]) -> None:
    item = parse_line(line, "f.jsonl:4", "resume")
    what, ident, detail = expected
    assert item.id == ident
    assert item.source == "f.jsonl:4"
    if what == "task":
        assert isinstance(item, Task)
        assert item.kind == detail and item.text is not None
    else:
        assert isinstance(item, BadInput)
        assert detail in item.error.message and item.error.message.startswith("f.jsonl:4: ")


def test_iter_items_keeps_order_and_keys_duplicates_by_position(texts_jsonl: Path) -> None:
    items = list(iter_items([(texts_jsonl, "jsonl")], "resume"))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("Task", "r1"),
        ("BadInput", f"{texts_jsonl}:2"),
        ("Task", "2"),
        ("BadInput", "no-text"),
        ("BadInput", f"{texts_jsonl}:5"),
        ("Task", f"{texts_jsonl}:6"),
        ("BadInput", "bad-kind"),
    ]
    duplicate = items[4]
    assert isinstance(duplicate, BadInput) and "duplicate id 'r1'" in duplicate.error.message


def test_with_bytes_reads_the_file_or_says_why_not(tmp_path: Path) -> None:
    task = Task(id="a", source="a", kind="resume", path=str(RESUMES / "mid_ml_engineer.md"))
    loaded = with_bytes(task, max_bytes=1_000_000)
    assert loaded.path is None and loaded.data == (RESUMES / "mid_ml_engineer.md").read_bytes()
    with pytest.raises(DocumentTooLargeError):
        with_bytes(task, max_bytes=10)
    with pytest.raises(InputError, match="no such file"):
        with_bytes(Task(id="b", source="b", kind="resume", path=str(tmp_path / "gone.pdf")), max_bytes=10)


# ----------------------------------------------------------------- records
def test_ok_record_holds_the_report_json_exactly(engine: Any) -> None:
    path = str(RESUMES / "senior_ml_engineer.pdf")
    outcome = analyze_task(engine, Task(id="cv", source=path, kind="resume", path=path))
    record = json.loads(outcome.line)
    assert outcome.ok and outcome.id == "cv" and outcome.error_type is None
    assert set(record) == {"id", "source", "ok", "report"}
    assert record["report"] == engine.analyze(path).model_dump(mode="json")
    assert Report.model_validate(record["report"]).document.source == path


def test_error_record_names_the_exception(engine: Any) -> None:
    path = str(BAD / "encrypted.pdf")
    outcome = analyze_task(engine, Task(id="enc", source=path, kind="resume", path=path))
    record = json.loads(outcome.line)
    assert not outcome.ok and outcome.error_type == "EncryptedDocumentError"
    assert set(record) == {"id", "source", "ok", "error"}
    assert record["error"]["type"] == "EncryptedDocumentError"
    assert record["error"]["exit_code"] == 3
    # a batch takes no password: the message says how to open the file, not an option batch lacks
    assert record["error"]["message"].endswith(
        "(a batch takes no passwords: analyse it alone with gapfinder FILE --password)"
    )


def test_an_unexpected_exception_is_recorded_not_raised() -> None:
    class Broken:
        def analyze_text(self, *args: object, **kwargs: object) -> Report:
            raise KeyError("boom\nsecond line")

    outcome = analyze_task(Broken(), Task(id="t", source="s", kind="resume", text="x"))  # type: ignore[arg-type]
    error = json.loads(outcome.line)["error"]
    assert error["type"] == "KeyError" and error["exit_code"] == 1
    # named by its class: the message of an exception inside the analysis could quote the document
    assert "\n" not in error["message"] and "boom" not in error["message"] and "KeyError" in error["message"]


# ----------------------------------------------------------------- the results file
def ok_line(ident: str) -> str:
    return json.dumps({"id": ident, "source": ident, "ok": True, "report": {}})


@pytest.mark.parametrize(
    ("content", "done"),
    [
        ("", set()),
        (ok_line("a") + "\n" + ok_line("b") + "\n", {"a", "b"}),
        (ok_line("a") + "\n" + ok_line("b")[:-5], {"a"}),  # torn last line, no newline
        (ok_line("a") + "\n" + ok_line("b"), {"a"}),  # complete JSON but unterminated: also a torn write
        (ok_line("a") + "\n" + '{"id": "b", "so' + "\n", {"a"}),  # garbage last line
    ],
)
def test_scan_results_tolerates_a_torn_last_line(tmp_path: Path, content: str, done: set[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(content, encoding="utf-8")
    ids, intact = scan_results(out)
    assert ids == done
    assert content.encode()[:intact].count(b"\n") == len(done)
    with ResultsWriter(out) as writer:
        writer.write(Outcome("c", True, ok_line("c")))
    assert [r["id"] for r in read_records(out)] == [*sorted(done), "c"]


def test_scan_results_refuses_a_file_that_is_not_batch_output(tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text('{"name": "x"}\n' + ok_line("a") + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"notes.jsonl:1 is not a gapfinder batch record"):
        scan_results(out)
    assert scan_results(tmp_path / "missing.jsonl") == (set(), 0)


# ----------------------------------------------------------------- scheduling
@pytest.mark.parametrize("ordered", [True, False])
def test_windowed_bounds_the_outstanding_jobs(ordered: bool) -> None:
    lock = threading.Lock()
    running = peak = 0

    def job(n: int) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.002 * (n % 3))
        with lock:
            running -= 1
        return n * n

    with ThreadPoolExecutor(8) as pool:
        pairs = list(windowed(lambda n: pool.submit(job, n), range(40), window=3, ordered=ordered))
    assert peak <= 3
    assert all(future.result() == n * n for n, future in pairs)
    jobs = [n for n, _ in pairs]
    assert sorted(jobs) == list(range(40))
    if ordered:
        assert jobs == list(range(40))


def test_chunked() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


# ----------------------------------------------------------------- run_batch in this process
def test_run_batch_over_files_directory_and_jsonl(
    runner: InProcessRunner, docs_dir: Path, texts_jsonl: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "results.jsonl"  # the directory is created
    inputs = [RESUMES / "mid_ml_engineer.docx", BAD / "encrypted.pdf", docs_dir, texts_jsonl]
    seen: list[str] = []
    summary = run_batch(inputs, out, runner=runner, on_result=lambda o: seen.append(o.id))
    records = read_records(out)
    by_id = {r["id"]: r for r in records}
    assert len(by_id) == len(records) == len(seen)  # every id once
    assert summary.ok == sum(r["ok"] for r in records) and summary.errors == len(records) - summary.ok
    assert summary.skipped == 0 and summary.workers == 1

    expected_ok = {
        str(RESUMES / "mid_ml_engineer.docx"),
        str(docs_dir / "a_resume.txt"),
        str(docs_dir / "nested" / "b_job.md"),
        "r1",
        "2",
        f"{texts_jsonl}:6",
    }
    assert {i for i, r in by_id.items() if r["ok"]} == expected_ok
    errors = {i: r["error"]["type"] for i, r in by_id.items() if not r["ok"]}
    assert errors == {
        str(BAD / "encrypted.pdf"): "EncryptedDocumentError",
        str(docs_dir / "nested" / "c_empty.txt"): "EmptyDocumentError",
        f"{texts_jsonl}:2": "InputError",
        "no-text": "InputError",
        f"{texts_jsonl}:5": "InputError",
        "bad-kind": "InputError",
    }
    assert summary.error_types["InputError"] == 4
    # the kind: --kind for files, a JSONL line may override it
    assert by_id["2"]["report"]["kind"] == "job" and by_id["r1"]["report"]["kind"] == "resume"
    assert by_id[str(docs_dir / "nested" / "b_job.md")]["report"]["kind"] == "resume"
    # a text from JSONL: offsets point into the given text, the source is FILE:LINE
    report = by_id["r1"]["report"]
    assert report["text"] == synthetic_resume(1) and report["document"]["source"] == f"{texts_jsonl}:1"
    for skill in report["skills"]:
        for m in skill["mentions"]:
            assert report["text"][m["start"] : m["end"]] == m["text"]
    assert {"pytorch", "kubernetes"} <= {s["id"] for s in report["skills"]}


def test_run_batch_resumes_after_a_partial_run(runner: InProcessRunner, tmp_path: Path) -> None:
    texts = write_jsonl(tmp_path / "t.jsonl", [{"id": f"cv{i}", "text": synthetic_resume(i)} for i in range(8)])
    out = tmp_path / "results.jsonl"
    full = run_batch([texts], out, runner=runner, ordered=True)
    reference = {r["id"]: r for r in read_records(out)}
    assert full.ok == 8

    # a run killed after three records, in the middle of writing the fourth
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2], encoding="utf-8")
    assert count_pending([texts], out) == 5

    again = run_batch([texts], out, runner=runner)
    assert (again.skipped, again.ok, again.errors) == (3, 5, 0)
    records = read_records(out)
    assert sorted(r["id"] for r in records) == sorted(reference)
    assert {r["id"]: r for r in records} == reference

    # nothing left: a third run writes nothing
    third = run_batch([texts], out, runner=runner)
    assert (third.skipped, third.processed) == (8, 0)
    assert len(read_records(out)) == 8


def test_run_batch_ordered_writes_in_input_order(runner: InProcessRunner, tmp_path: Path) -> None:
    texts = write_jsonl(tmp_path / "t.jsonl", [{"id": f"d{i}", "text": synthetic_resume(i)} for i in range(5)])
    run_batch([texts], tmp_path / "o.jsonl", runner=runner, ordered=True, chunk_size=2)
    assert [r["id"] for r in read_records(tmp_path / "o.jsonl")] == [f"d{i}" for i in range(5)]


# ----------------------------------------------------------------- process pool


def test_a_broken_taxonomy_fails_the_pool_start_with_its_error(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError), PoolRunner(2, EngineConfig(taxonomy=str(tmp_path))):
        pass
    with pytest.raises(TaxonomyError), InProcessRunner(EngineConfig(taxonomy=str(tmp_path))):
        pass


# ----------------------------------------------------------------- the command
@pytest.fixture
def shared_engine(monkeypatch: pytest.MonkeyPatch, engine: Any) -> None:
    """``gapfinder batch --workers 1`` builds an engine in-process; hand it the session's."""
    monkeypatch.setattr(gapfinder.batch.runner, "build_engine", lambda config: engine)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        main(["batch", *args])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_batch_writes_records_and_a_summary(
    capsys: pytest.CaptureFixture[str], shared_engine: None, docs_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.jsonl"
    code, stdout, err = run_cli(
        capsys,
        str(docs_dir),
        str(JOBS / "junior_ml_engineer_jd.txt"),
        "--out",
        str(out),
        "--kind",
        "job",
        "--workers",
        "1",
        "--no-progress",
    )
    assert code == 3  # finished, with an error record (the empty file)
    assert stdout == ""
    assert err.count("\n") == 1 and err.startswith("gapfinder batch: 3 ok, 1 errors (1 EmptyDocumentError)")
    assert "docs/s" in err and str(out) in err
    records = read_records(out)
    assert len(records) == 4 and all(r["report"]["kind"] == "job" for r in records if r["ok"])

    code, _, err = run_cli(capsys, str(docs_dir), "-o", str(out), "-w", "1", "--no-progress")
    assert code == 0  # nothing new failed in this run
    assert "0 ok, 0 errors" in err and "3 already done, skipped" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-dir", "--out", "{out}"], "missing-dir: no such file or directory"),
        ([str(RESUMES), "--out", "{foreign}"], "is not a gapfinder batch record"),
        ([str(RESUMES), "--out", "{out}", "--engine", "local", "--scheduler", "tcp://x:1"], "needs --engine dask"),
        ([str(RESUMES), "--out", "{out}", "--scheduler", "tcp://x:1", "-w", "2"], "has its own workers"),
        ([str(RESUMES), "--out", "{out}", "-w", "1", "--taxonomy", "{empty}"], "categories.yaml"),
        ([str(RESUMES), "--out", "{out}", "--workers", "0"], "--workers"),
        ([str(RESUMES)], "--out"),
    ],
)
def test_cli_batch_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text("hello\nworld\n", encoding="utf-8")
    paths = {"out": str(tmp_path / "r.jsonl"), "foreign": str(foreign), "empty": str(tmp_path)}
    code, stdout, err = run_cli(capsys, *(a.format(**paths) for a in args))
    assert code == 2
    assert stdout == ""
    assert err.count("\n") == 1 and err.startswith("gapfinder batch: error: ") and message in err
    assert "Traceback" not in err
    if "{foreign}" in args:
        assert foreign.read_text(encoding="utf-8") == "hello\nworld\n"  # left alone


def test_progress_bar_shows_rate_errors_and_eta() -> None:
    import io

    from rich.console import Console

    from gapfinder.batch.progress import BatchProgress
    from gapfinder.batch.run import Summary

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=160, color_system=None)
    with BatchProgress(console, total=3) as bar:
        bar.ready(Summary(out=Path("r.jsonl"), workers=2))
        bar.advance(Outcome("a", True, "{}"))
        bar.advance(Outcome("b", False, "{}", "EmptyDocumentError"))
        bar.advance(Outcome("c", True, "{}"))
    last = [line for line in buffer.getvalue().replace("\r", "\n").splitlines() if "analysing" in line][-1]
    assert "analysing (2 workers)" in last and "3/3" in last
    assert "docs/s" in last and "1 errors" in last and "ETA" in last
    assert (bar.completed, bar.errors) == (3, 1)


# ==============================================================================================================
# Batch inputs and outputs under hostile conditions: symbolic-link loops, FIFOs, unreadable directories, an
# ``--out`` the batch did not write, two runs on one output, a document over the time budget.
#
# A batch killed mid-way and a local Dask cluster run as processes: ``tests/e2e/test_batch_processes.py``.
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "cvs"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(RESUME_TEXT, encoding="utf-8")
    (root / "sub" / "also.md").write_text(RESUME_TEXT, encoding="utf-8")
    return root


# ------------------------------------------------------------------------------------------ inputs
def test_a_symlink_loop_and_a_dangling_link_are_error_records(tree: Path, engine: Any, tmp_path: Path) -> None:
    """A file-symlink loop made the batch die with a traceback and process nothing."""
    (tree / "a.txt").symlink_to(tree / "b.txt")
    (tree / "b.txt").symlink_to(tree / "a.txt")
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)  # not followed: no endless walk
    out = tmp_path / "out.jsonl"
    summary = run_batch([tree, tree / "a.txt"], out, runner=InProcessRunner(engine=engine))
    got = records(out)
    assert {k for k, r in got.items() if r["ok"]} == {str(tree / "good.txt"), str(tree / "sub" / "also.md")}
    for name in ("a.txt", "b.txt", "gone.txt"):
        error = got[str(tree / name)]["error"]
        assert error["type"] == "InputError" and "cannot read it" in error["message"]
    assert (summary.ok, summary.errors) == (2, 3)


@needs_fifo
def test_a_fifo_is_an_error_record_not_a_hang(tree: Path, engine: Any, tmp_path: Path) -> None:
    """A FIFO named *.txt made the batch wait forever for a writer."""
    os.mkfifo(tree / "pipe.txt")
    out = tmp_path / "out.jsonl"
    summary = run_batch([tree, tree / "pipe.txt"], out, runner=InProcessRunner(engine=engine))
    error = records(out)[str(tree / "pipe.txt")]["error"]
    assert error["type"] == "InputError" and "not a regular file (a FIFO)" in error["message"]
    assert (summary.ok, summary.errors) == (2, 1)


def test_a_directory_that_cannot_be_listed_is_an_error_record(
    tree: Path, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unreadable sub-directory was skipped without a word. (As root, permissions cannot make one: the
    listing is made to fail instead.)"""
    locked = tree / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(RESUME_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert any(isinstance(s, Unreadable) and s.path == locked for s in expand_inputs([tree]))
    out = tmp_path / "out.jsonl"
    run_batch([tree], out, runner=InProcessRunner(engine=engine))
    error = records(out)[str(locked)]["error"]
    assert error["type"] == "InputError" and "cannot list this directory (Permission denied)" in error["message"]


# ------------------------------------------------------------------------------------------ the output
@pytest.mark.parametrize(
    "content",
    [
        '{"name": "x"}\n',  # a one-line JSON file: was truncated to nothing, exit 0
        '{"name": "x"}',  # the same without its final newline
        '{"id": "x", "name": 1}\n',  # JSON with an id, but not a batch record
        "plain notes\n",
        "\n",
    ],
    ids=["json-line", "json-no-newline", "json-with-id", "text", "blank"],
)
def test_an_out_file_the_batch_did_not_write_is_refused_and_left_alone(tmp_path: Path, content: str) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match="is not a gapfinder batch record"), ResultsWriter(out):
        pass
    assert out.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("make", ["directory", "fifo"])
def test_an_out_that_is_not_a_regular_file_is_refused(tmp_path: Path, make: str) -> None:
    out = tmp_path / "out.jsonl"
    if make == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("POSIX FIFOs")
        os.mkfifo(out)
    else:
        out.mkdir()
    with pytest.raises(UsageError, match=r"not a regular file|cannot write the results file"), ResultsWriter(out):
        pass


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_two_runs_cannot_write_one_output(tmp_path: Path) -> None:
    """Two runs on the same --out wrote every id twice."""
    out = tmp_path / "out.jsonl"
    with ResultsWriter(out) as first:
        first.write(Outcome("a", True, json.dumps({"id": "a", "ok": True})))
        with pytest.raises(UsageError, match="being written by another gapfinder batch run"), ResultsWriter(out):
            pass
    with ResultsWriter(out) as again:  # released at the end of the first run
        assert again.done == {"a"}
    assert scan_results(out) == ({"a"}, len(out.read_bytes()))


# ------------------------------------------------------------------------------------------ processes


def test_the_time_budget_option_bounds_each_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document over ``--time-budget`` (a stage made to stall here) is an error record; the run goes on."""
    from gapfinder.cli import main
    from gapfinder.pipeline import findings as findings_module

    real = findings_module.detect_sections

    def stall(text: str, kind: Any) -> Any:
        if "STALL" in text:
            end = time.monotonic() + 30
            while time.monotonic() < end:
                pass
        return real(text, kind)

    monkeypatch.setattr(findings_module, "detect_sections", stall)
    texts = tmp_path / "t.jsonl"
    texts.write_text(
        json.dumps({"id": "slow", "text": RESUME_TEXT + "\nSTALL\n"})
        + "\n"
        + json.dumps({"id": "ok", "text": RESUME_TEXT})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(texts), "--out", str(out), "-w", "1", "--no-progress", "--time-budget", "3"])
    assert exc.value.code == 3
    got = records(out)
    assert got["ok"]["ok"] and got["slow"]["error"]["type"] == "DocumentTooLargeError"
    assert "took longer than the 3 s time budget" in got["slow"]["error"]["message"]
    capsys.readouterr()
