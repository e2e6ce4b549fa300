"""gapfinder against its own floor: every target of issue 7, measured as ratios inside one run.

    .venv/bin/python benchmarks/bench.py [--data ../shared/eval/dev] [--limit 200] [--rounds 3]
                                         [--only ratio,pdf,cold,build,throughput,rss,fuzzy,scaling,stages]
                                         [--profile] [--json OUT]

Real documents come from ``--data`` (``jobs_skillspan.jsonl``, ``resumes_dotin.jsonl``, ``resume-pdfs/``);
when that directory is absent, the texts and PDFs of ``examples/`` stand in. Timed loops follow
``../shared/eval/score.py perf``: every document once per round, the median round (by total) reported.
Wall-clock times move with other load on the machine; each ratio is measured in one run on the same
documents, and CPU-time ratios (``time.process_time``) are printed next to the wall-clock ones.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import types
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dev"
EXAMPLES = ROOT / "examples"
TODAY = dt.date(2026, 11, 15)
MEASURES = ("ratio", "pdf", "cold", "build", "throughput", "rss", "fuzzy", "scaling", "stages")


# ----------------------------------------------------------------------------------------- inputs
def _jsonl_texts(path: Path, limit: int) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text")
            if isinstance(text, str):
                out.append(text)
            if len(out) == limit:
                break
    return out


def job_texts(data: Path | None, limit: int) -> tuple[list[str], str]:
    """Job posts: the first ``limit`` SkillSpan postings (the texts score.py perf uses), else examples."""
    if data is not None and (data / "jobs_skillspan.jsonl").exists():
        texts = _jsonl_texts(data / "jobs_skillspan.jsonl", limit)
        return texts, f"{len(texts)} job posts, jobs_skillspan.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "jobs").glob("*.txt"))][:limit]
    return texts, f"{len(texts)} example job posts"


def resume_texts(data: Path | None, limit: int) -> tuple[list[str], str]:
    if data is not None and (data / "resumes_dotin.jsonl").exists():
        texts = _jsonl_texts(data / "resumes_dotin.jsonl", limit)
        return texts, f"{len(texts)} text resumes, resumes_dotin.jsonl"
    paths = sorted((EXAMPLES / "resumes").glob("*.txt")) + sorted((EXAMPLES / "resumes").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths][:limit]
    return texts, f"{len(texts)} example text resumes"


def pdf_paths(data: Path | None, limit: int) -> tuple[list[Path], str]:
    paths = sorted((EXAMPLES / "resumes").glob("*.pdf"))
    where = "examples/resumes"
    if data is not None and (data / "resume-pdfs").is_dir():
        paths += sorted((data / "resume-pdfs").glob("*/*.pdf"))
        where += " + resume-pdfs/"
    paths = paths[:limit]
    return paths, f"{len(paths)} PDFs ({where})"


# ----------------------------------------------------------------------------------------- timing
def timed_rounds(fn: Callable[[Any], object], items: list[Any], rounds: int) -> tuple[list[float], float]:
    """(per-item wall seconds of the median round, CPU seconds of that round)."""
    runs: list[tuple[list[float], float]] = []
    for _ in range(max(1, rounds)):
        times: list[float] = []
        cpu0 = time.process_time()
        for item in items:
            t0 = time.perf_counter()
            fn(item)
            times.append(time.perf_counter() - t0)
        runs.append((times, time.process_time() - cpu0))
    runs.sort(key=lambda r: sum(r[0]))
    return runs[len(runs) // 2]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return math.nan
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def _summary(times: list[float], cpu: float) -> dict[str, float]:
    total = sum(times)
    return {
        "docs": len(times),
        "total_s": round(total, 4),
        "cpu_s": round(cpu, 4),
        "docs_per_s": round(len(times) / total, 1) if total else math.inf,
        "ms_p50": round(1000 * pct(times, 0.5), 3),
        "ms_p95": round(1000 * pct(times, 0.95), 3),
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else math.inf


def _engine(taxonomy: Any = None) -> Any:
    from gapfinder import Engine

    return Engine(taxonomy, today=TODAY)


# ----------------------------------------------------------------------------------------- measures
def measure_ratio(engine: Any, texts: list[str], kind: str, rounds: int) -> dict[str, Any]:
    """analyze_text (+ the JSON dump, as score.py perf) vs ``spacy.blank("en")`` tokenisation."""
    import spacy

    nlp = spacy.blank("en")
    engine.analyze_text(texts[0], kind=kind).model_dump(mode="json")
    nlp.make_doc(texts[0])
    ana = timed_rounds(lambda t: engine.analyze_text(t, kind=kind).model_dump(mode="json"), texts, rounds)
    tok = timed_rounds(nlp.make_doc, texts, rounds)
    return {
        "analyze": _summary(*ana),
        "tokenize": _summary(*tok),
        "ratio": _ratio(sum(ana[0]), sum(tok[0])),
        "ratio_cpu": _ratio(ana[1], tok[1]),
    }


def measure_pdf(engine: Any, paths: list[Path], rounds: int) -> dict[str, Any]:
    """analyze(path) vs pypdf's text extraction alone, on the same PDFs."""
    from pypdf import PdfReader

    from gapfinder import GapfinderError

    def extract(path: Path) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)

    def analyze(path: Path) -> None:
        with contextlib.suppress(GapfinderError):  # a clean refusal costs what it costs
            engine.analyze(path)

    ok = [p for p in paths if _readable(extract, p)]
    ana = timed_rounds(analyze, ok, rounds)
    ext = timed_rounds(extract, ok, rounds)
    return {
        "analyze": _summary(*ana),
        "pypdf": _summary(*ext),
        "ratio": _ratio(sum(ana[0]), sum(ext[0])),
        "ratio_cpu": _ratio(ana[1], ext[1]),
    }


def _readable(extract: Callable[[Path], str], path: Path) -> bool:
    try:
        extract(path)
    except Exception:  # the baseline cannot read it: not a fair comparison
        return False
    return True


def _run_seconds(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def measure_cold(pdf: Path, repeats: int) -> dict[str, Any]:
    """A fresh ``gapfinder resume.pdf`` process vs a fresh ``python -c "import spacy"``, alternated."""
    script = Path(sys.executable).with_name("gapfinder")  # the console script, as installed
    exe = [str(script)] if script.exists() else [sys.executable, "-m", "gapfinder.cli"]
    cli = [*exe, str(pdf), "--format", "json"]
    spacy_cmd = [sys.executable, "-c", "import spacy"]
    _run_seconds(cli)  # fills the compiled-taxonomy cache and the OS file cache
    runs_cli, runs_spacy = [], []
    for _ in range(max(1, repeats)):
        runs_spacy.append(_run_seconds(spacy_cmd))
        runs_cli.append(_run_seconds(cli))
    a, b = statistics.median(runs_cli), statistics.median(runs_spacy)
    return {"cli_s": round(a, 3), "import_spacy_s": round(b, 3), "ratio": _ratio(a, b), "pdf": pdf.name}


_BUILD = """
import json, os, time
import gapfinder.engine
t0, c0 = time.perf_counter(), time.process_time()
engine = gapfinder.engine.Engine()
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"wall": wall, "cpu": cpu, "skills": len(engine.taxonomy.skills)}))
"""


def measure_build(repeats: int) -> dict[str, Any]:
    """``Engine()`` with the full packaged taxonomy, in fresh processes (spaCy imported beforehand), with the
    compiled-taxonomy cache and without it (``GAPFINDER_NO_CACHE=1``)."""
    out: dict[str, Any] = {}
    for name, extra in (("cached", {}), ("uncached", {"GAPFINDER_NO_CACHE": "1"})):
        env = {**os.environ, **extra}
        runs = []
        for _ in range(max(1, repeats) + (1 if name == "cached" else 0)):
            proc = subprocess.run([sys.executable, "-c", _BUILD], check=True, capture_output=True, text=True, env=env)
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if name == "cached":
            runs = runs[1:]  # the first run may have had to fill the cache
        out[name] = {
            "wall_s": round(statistics.median(r["wall"] for r in runs), 3),
            "cpu_s": round(statistics.median(r["cpu"] for r in runs), 3),
        }
        out["skills"] = runs[0]["skills"]
    return out


def measure_throughput(engine: Any, texts: list[str], rounds: int) -> dict[str, Any]:
    """One process, one core: analyze_text over text resumes, warm (the median of ``rounds`` passes of an
    engine that has seen the texts: the per-word and per-chunk memories are full) and cold (one pass of a
    new engine over texts it has never seen)."""
    from gapfinder.engine import Engine

    fresh = Engine()  # built before the clock starts: only the first pass over unseen texts is timed
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        fresh.analyze_text(text)
    first = {"docs_per_s": round(len(texts) / (time.perf_counter() - t0), 1)}
    first["cpu_docs_per_s"] = round(len(texts) / (time.process_time() - c0), 1)
    engine.analyze_text(texts[0])
    return {**_summary(*timed_rounds(engine.analyze_text, texts, rounds)), "first_pass": first}


_RSS = """
import json, resource, sys
import gapfinder.engine
engine = gapfinder.engine.Engine()
for line in sys.stdin:
    item = json.loads(line)
    engine.analyze_text(item["text"], kind=item["kind"]).model_dump(mode="json")
# VmHWM is this process's own high-water mark: ru_maxrss also counts the parent's memory while the child
# was being started (vfork), which made this figure depend on what the benchmark had measured before
try:
    with open("/proc/self/status") as f:
        kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
except OSError:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"max_rss_mb": kb / 1024}))
"""


def measure_rss(jobs: list[str], resumes: list[str]) -> dict[str, Any]:
    """Peak resident memory of a fresh process that builds the full engine and analyses every document."""
    lines = "".join(
        json.dumps({"text": t, "kind": k}) + "\n" for k, ts in (("job", jobs), ("resume", resumes)) for t in ts
    )
    proc = subprocess.run([sys.executable, "-c", _RSS], input=lines, check=True, capture_output=True, text=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"max_rss_mb": round(data["max_rss_mb"], 1), "docs": len(jobs) + len(resumes)}


def _contexts(engine: Any, texts: list[str], kind: str) -> list[tuple[Any, Any]]:
    from gapfinder.extract.matching import match_text
    from gapfinder.text.context import AnalysisContext
    from gapfinder.text.normalize import normalize
    from gapfinder.text.sections import detect_sections

    out = []
    for text in texts:
        norm = normalize(text)
        ctx = AnalysisContext(norm=norm, sections=detect_sections(norm.text, kind), kind=kind, today=(2026, 11))
        out.append((ctx, engine.index.nlp.make_doc(match_text(norm.text))))
    return out


def measure_fuzzy(engine: Any, texts: list[str], kind: str, rounds: int) -> dict[str, Any]:
    """The cost of near-miss matching (spacing/version variants and rapidfuzz typos) with the full taxonomy:
    ``find_matches`` vs the exact/alias phrase matcher alone on the same tokenised documents, and the
    whole ``analyze_text`` with the near-miss pass vs with it switched off."""
    from gapfinder.extract import matching

    prepared = _contexts(engine, texts, kind)
    index = engine.index
    for ctx, doc in prepared:
        matching.find_matches(ctx, index, doc)
    full = timed_rounds(lambda p: matching.find_matches(p[0], index, p[1]), prepared, rounds)
    exact = timed_rounds(lambda p: matching._phrase_matches(index, p[1]), prepared, rounds)
    with_near = timed_rounds(lambda t: engine.analyze_text(t, kind=kind), texts, rounds)
    near_miss_pass = matching.variant_and_fuzzy
    try:
        matching.variant_and_fuzzy = lambda *_args: []
        exact_only = timed_rounds(lambda t: engine.analyze_text(t, kind=kind), texts, rounds)
    finally:
        matching.variant_and_fuzzy = near_miss_pass
    return {
        "matching_ms_per_doc": round(1000 * sum(full[0]) / len(texts), 3),
        "exact_ms_per_doc": round(1000 * sum(exact[0]) / len(texts), 3),
        "matching_vs_exact": _ratio(sum(full[0]), sum(exact[0])),
        "matching_vs_exact_cpu": _ratio(full[1], exact[1]),
        "analyze_vs_exact_only": _ratio(sum(with_near[0]), sum(exact_only[0])),
        "analyze_vs_exact_only_cpu": _ratio(with_near[1], exact_only[1]),
        "fuzzy_surfaces": sum(len(b) for b in index.fuzzy_buckets.values()),
    }


def measure_scaling(engine: Any, texts: list[str], kind: str, rounds: int) -> dict[str, Any]:
    """Cost per character for documents 1x, 2x, 4x, 8x as long (the same texts repeated); and the exact
    phrase matcher (spaCy's PhraseMatcher over token hashes) with 1/16, 1/4 and all of the taxonomy's skills,
    on the same documents, with the number of matches it returns (the part of its cost that grows)."""
    import dataclasses

    from gapfinder.extract.phrase_index import build_index

    by_size: dict[str, float] = {}
    base_chars = sum(len(t) for t in texts)
    for k in (1, 2, 4, 8):
        docs = ["\n\n".join([t] * k) for t in texts]
        engine.analyze_text(docs[0], kind=kind)
        s = _summary(*timed_rounds(lambda t: engine.analyze_text(t, kind=kind), docs, rounds))
        by_size[f"x{k}"] = round(1e6 * s["total_s"] / (base_chars * k), 3)  # microseconds per character
    tax = engine.taxonomy
    ids = sorted(tax.skills)
    per_tax: dict[str, dict[str, float]] = {}
    for name, step in (("1/16", 16), ("1/4", 4), ("all", 1)):
        subset = dataclasses.replace(tax, skills={i: tax.skills[i] for i in ids[::step]}, certifications={})
        index = build_index(subset)
        docs = [index.nlp.make_doc(t) for t in texts]
        times, _cpu = timed_rounds(index.matcher, docs, rounds)
        per_tax[name] = {
            "surfaces": len(subset.alias_list()),
            "matcher_us_per_doc": round(1e6 * sum(times) / len(docs), 1),
            "matches_per_doc": round(sum(len(index.matcher(d)) for d in docs) / len(docs), 1),
        }
    return {
        "us_per_char": by_size,
        "growth_x8_vs_x1": _ratio(by_size["x8"], by_size["x1"]),
        "phrase_matcher": per_tax,
        "matcher_all_vs_sixteenth": _ratio(per_tax["all"]["matcher_us_per_doc"], per_tax["1/16"]["matcher_us_per_doc"]),
    }


def measure_stages(engine: Any, texts: list[str], kind: str) -> dict[str, float]:
    """CPU milliseconds per document of each function the engine and its pipeline call (one warm round)."""
    import importlib

    import gapfinder.engine as engine_module

    spent: Counter[str] = Counter()

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - t0

        return wrapper

    # the stages: functions of other gapfinder modules that the engine and the pipeline call
    modules = [engine_module] + [
        importlib.import_module(f"gapfinder.pipeline.{name}") for name in ("findings", "resume_report", "job_report")
    ]
    originals = {
        (module, name): obj
        for module in modules
        for name, obj in vars(module).items()
        if isinstance(obj, types.FunctionType)
        and obj.__module__.startswith("gapfinder.")
        and not obj.__module__.startswith(("gapfinder.engine", "gapfinder.pipeline"))
    }
    try:
        for (module, name), fn in originals.items():
            setattr(module, name, timed(name, fn))
        for text in texts:  # warm the per-word caches
            engine.analyze_text(text, kind=kind)
        spent.clear()
        c0 = time.process_time()
        for text in texts:
            report = engine.analyze_text(text, kind=kind)
            t0 = time.process_time()
            report.model_dump(mode="json")
            spent["model_dump (JSON)"] += time.process_time() - t0
        total = time.process_time() - c0
    finally:
        for (module, name), fn in originals.items():
            setattr(module, name, fn)
    out = {name: round(1000 * s / len(texts), 3) for name, s in spent.most_common()}
    out["(engine glue, models)"] = round(1000 * (total - sum(spent.values())) / len(texts), 3)
    out["total"] = round(1000 * total / len(texts), 3)
    return out


def profile_text(engine: Any, texts: list[str], kind: str, depth_lines: int = 40) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        engine.analyze_text(text, kind=kind).model_dump(mode="json")
    profiler.stop()
    lines = profiler.output_text(unicode=False, color=False).splitlines()
    return "\n".join(lines[:depth_lines])


# ----------------------------------------------------------------------------------------- report
def targets(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(measure, target, measured, met) for the table of the issue."""
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, target: str, value: str, ok: bool | None) -> None:
        rows.append((name, target, value, "n/a" if ok is None else ("yes" if ok else "no")))

    if "ratio" in results:
        r = results["ratio"]
        row(
            "analyze_text / spaCy tokenisation (wall; CPU)",
            "<= 3x",
            f"{r['ratio']}x; {r['ratio_cpu']}x",
            r["ratio"] <= 3,
        )
    if "pdf" in results:
        r = results["pdf"]
        row("PDF analysis / pypdf extraction", "<= 1.3x", f"{r['ratio']}x; {r['ratio_cpu']}x", r["ratio"] <= 1.3)
    if "cold" in results:
        r = results["cold"]
        row(
            "cold CLI / python -c 'import spacy'",
            "<= 1.5x",
            f"{r['ratio']}x ({r['cli_s']} s vs {r['import_spacy_s']} s)",
            r["ratio"] <= 1.5,
        )
    if "build" in results:
        r = results["build"]
        c, u = r["cached"], r["uncached"]
        row(
            "engine construction, full taxonomy",
            "<= 0.5 s",
            f"{c['wall_s']} s cached (CPU {c['cpu_s']} s); {u['wall_s']} s uncached",
            c["wall_s"] <= 0.5,
        )
    if "throughput" in results:
        r = results["throughput"]
        row("throughput, one core, text resumes", ">= 200 docs/s", f"{r['docs_per_s']} docs/s", r["docs_per_s"] >= 200)
    if "rss" in results:
        r = results["rss"]
        row("peak RSS, full taxonomy", "<= 250 MB", f"{r['max_rss_mb']} MB", r["max_rss_mb"] <= 250)
    if "fuzzy" in results:
        r = results["fuzzy"]
        value = f"{r['matching_vs_exact']}x matching stage; {r['analyze_vs_exact_only']}x whole analysis"
        row("matching with fuzzy / exact only", "<= 1.5x", value, r["analyze_vs_exact_only"] <= 1.5)
    return rows


def markdown(results: dict[str, Any]) -> str:
    out = ["| measure | target | measured | met |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in targets(results)]
    return "\n".join(out)


def run(argv: Iterable[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the eval dev directory (skipped when absent)")
    ap.add_argument("--limit", type=int, default=200, help="documents per measure")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default=",".join(MEASURES), help=f"comma-separated subset of {','.join(MEASURES)}")
    ap.add_argument("--profile", action="store_true", help="print the top of a pyinstrument profile of analyze_text")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    args = ap.parse_args(list(argv) if argv is not None else None)
    only = [m.strip() for m in args.only.split(",") if m.strip()]
    unknown = sorted(set(only) - set(MEASURES))
    if unknown:
        ap.error(f"unknown measures: {', '.join(unknown)}")
    data: Path | None = args.data if args.data and args.data.is_dir() else None

    jobs, jobs_src = job_texts(data, args.limit)
    resumes, resumes_src = resume_texts(data, args.limit)
    pdfs, pdfs_src = pdf_paths(data, args.limit)
    results: dict[str, Any] = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "inputs": {"jobs": jobs_src, "resumes": resumes_src, "pdfs": pdfs_src},
    }
    in_process = {"ratio", "pdf", "throughput", "fuzzy", "scaling", "stages"}
    engine = _engine() if in_process & set(only) or args.profile else None
    if "ratio" in only:
        results["ratio"] = measure_ratio(engine, jobs, "job", args.rounds)
    if "pdf" in only and pdfs:
        results["pdf"] = measure_pdf(engine, pdfs, args.rounds)
    if "throughput" in only:
        results["throughput"] = measure_throughput(engine, resumes, args.rounds)
    if "fuzzy" in only:
        results["fuzzy"] = measure_fuzzy(engine, jobs, "job", args.rounds)
    if "scaling" in only:
        results["scaling"] = measure_scaling(engine, resumes[: max(1, min(len(resumes), 20))], "resume", args.rounds)
    if "stages" in only:
        results["stages"] = measure_stages(engine, jobs, "job")
    if "build" in only:
        results["build"] = measure_build(max(1, args.rounds))
    if "cold" in only and pdfs:
        results["cold"] = measure_cold(next((p for p in pdfs if "senior" in p.name), pdfs[0]), max(3, args.rounds))
    if "rss" in only:
        results["rss"] = measure_rss(jobs, resumes)
    if args.profile and engine is not None:
        results["profile"] = profile_text(engine, jobs, "job")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def main() -> None:
    results = run()
    print(f"gapfinder benchmarks · {results['date']} · {results['machine']}")
    for name, src in results["inputs"].items():
        print(f"  {name}: {src}")
    print()
    print(markdown(results))
    for key in ("ratio", "pdf", "throughput", "fuzzy", "scaling", "build", "cold", "rss", "stages"):
        if key in results:
            print(f"\n{key}: {json.dumps(results[key], indent=1)}")
    if "profile" in results:
        print("\n" + results["profile"])


if __name__ == "__main__":
    main()
