"""What hostile input costs: runs of characters without spaces against ordinary text, and the memory of the
readers on the two red-team files (issue 19).

    .venv/bin/python benchmarks/hostile_bench.py                  # 40,000 and 160,000 characters, both files
    .venv/bin/python benchmarks/hostile_bench.py --sizes 40000 --no-files

Runs: ``analyze_text`` of a word followed by one unit repeated to the size (``"x" + "!" * 40_000``), best of
``--rounds``, against ordinary resume text of the same size (``examples/resumes/senior_ml_engineer.txt``
repeated), in one process. Files: each is read by ``read_document`` in a fresh process that reports its peak
RSS (``ru_maxrss``), time and outcome; the files are built by the test helpers (``tests/helpers/files.py``):
a PDF whose page lists N fonts sharing one 99,000-entry CMap, and DOCX files whose document.xml is tens of MB
of empty paragraphs. Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the hostile-file builders of the tests

UNITS = ["!", "(", ":", '"', "…", "★", "😀", "_", "'s", "a:", "a/", "!?"]

#: read one file in a fresh process; the peak is VmHWM (ru_maxrss would count the parent's memory at fork)
READ_ONE = """
import json, logging, re, sys, time
logging.disable(logging.CRITICAL)
from gapfinder.reading import read_document
started = time.perf_counter()
try:
    outcome = "ok, %d characters" % len(read_document(sys.argv[1]).text)
except Exception as exc:
    outcome = "%s: %s" % (type(exc).__name__, str(exc)[:70])
hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(json.dumps({"s": time.perf_counter() - started, "rss_mb": hwm, "outcome": outcome}))
"""


def _best(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def runs(sizes: list[int], rounds: int) -> None:
    from gapfinder import Engine
    from gapfinder.limits import Limits

    engine = Engine(limits=Limits(max_chars=max(sizes) * 2, analysis_time_budget_s=600))
    engine.analyze_text("warm up: Python and SQL")
    ordinary = (ROOT / "examples" / "resumes" / "senior_ml_engineer.txt").read_text(encoding="utf-8")
    print("## Runs without spaces: `analyze_text`, best of", rounds, "\n")
    print("| run | " + " | ".join(f"{n:,} chars: ms (× ordinary)" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    base = {n: _best(lambda n=n: engine.analyze_text((ordinary * (n // len(ordinary) + 1))[:n]), rounds) for n in sizes}
    print("| ordinary resume text | " + " | ".join(f"{base[n] * 1e3:,.0f}" for n in sizes) + " |")
    for i, unit in enumerate(UNITS):
        cells = []
        for n in sizes:
            text = f"x{i}" + unit * (n // len(unit))
            took = _best(lambda text=text: engine.analyze_text(text), rounds)
            cells.append(f"{took * 1e3:,.0f} ({took / base[n]:.2f}×)")
        print(f"| `{unit!r}` | " + " | ".join(cells) + " |")
    print()


def files() -> None:
    from helpers.files import flat_docx, shared_cmap_pdf

    print("## Reading the red-team files: one fresh process each, default limits\n")
    print("| file | size | time s | peak RSS MB | outcome |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("PDF, 60 fonts sharing one 99,000-entry CMap", "fonts60.pdf", lambda: shared_cmap_pdf(60)),
            ("PDF, 600 fonts sharing it", "fonts600.pdf", lambda: shared_cmap_pdf(600)),
            (
                "DOCX, 15 MB document.xml of empty paragraphs",
                "flat15.docx",
                lambda: flat_docx(15 * 2**20, deflated=True),
            ),
            (
                "DOCX, 91 MB document.xml of empty paragraphs",
                "flat91.docx",
                lambda: flat_docx(91 * 2**20, deflated=True),
            ),
        ]
        for label, name, build in cases:
            path = Path(tmp) / name
            path.write_bytes(build())
            proc = subprocess.run(
                [sys.executable, "-c", READ_ONE, str(path)], capture_output=True, text=True, timeout=600, check=False
            )
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            print(f"| {label} | {size} | {result['s']:.2f} | {result['rss_mb']:,.0f} | {result['outcome']} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--sizes", default="40000,160000", help="comma-separated run lengths")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-files", action="store_true", help="skip the reader-memory part")
    args = ap.parse_args()
    print(
        f"# Hostile input: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
        f"Python {platform.python_version()}\n"
    )
    runs([int(n) for n in args.sizes.split(",")], args.rounds)
    if not args.no_files:
        files()


if __name__ == "__main__":
    main()
