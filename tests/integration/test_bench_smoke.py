"""The benchmark harness runs and reports well-formed numbers (no timing is asserted: CI machines vary)."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gapfinder import Engine
from helpers import ROOT


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gapfinder_bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()


def _positive(x: object) -> bool:
    return isinstance(x, int | float) and math.isfinite(x) and x > 0


@pytest.fixture(scope="module")
def texts() -> dict[str, list[str]]:
    jobs, _ = bench.job_texts(None, 3)  # the examples, whatever ../shared holds
    resumes, _ = bench.resume_texts(None, 3)
    return {"job": jobs, "resume": resumes}


def test_ratio(engine: Engine, texts: dict[str, list[str]]) -> None:
    r = bench.measure_ratio(engine, texts["job"], "job", rounds=1)
    assert r["analyze"]["docs"] == r["tokenize"]["docs"] == 3
    assert all(_positive(r[k]) for k in ("ratio", "ratio_cpu"))
    assert all(_positive(r["analyze"][k]) for k in ("total_s", "docs_per_s", "ms_p50", "ms_p95"))


def test_pdf_ratio(engine: Engine) -> None:
    paths, where = bench.pdf_paths(None, 2)
    assert len(paths) == 2 and "PDF" in where
    r = bench.measure_pdf(engine, paths, rounds=1)
    assert _positive(r["ratio"]) and r["pypdf"]["docs"] == 2


def test_fuzzy_scaling_and_stages(engine: Engine, texts: dict[str, list[str]]) -> None:
    fuzzy = bench.measure_fuzzy(engine, texts["job"], "job", rounds=1)
    assert _positive(fuzzy["matching_vs_exact"]) and _positive(fuzzy["analyze_vs_exact_only"])
    assert fuzzy["fuzzy_surfaces"] > 0
    scaling = bench.measure_scaling(engine, texts["resume"][:1], "resume", rounds=1)
    assert set(scaling["us_per_char"]) == {"x1", "x2", "x4", "x8"}
    assert all(_positive(v) for v in scaling["us_per_char"].values())
    sizes = scaling["phrase_matcher"]
    assert sizes["all"]["surfaces"] > sizes["1/4"]["surfaces"] > sizes["1/16"]["surfaces"] > 0
    assert all(math.isfinite(v["matcher_us_per_doc"]) and v["matcher_us_per_doc"] >= 0 for v in sizes.values())
    assert all(v["matches_per_doc"] >= 0 for v in sizes.values())
    stages = bench.measure_stages(engine, texts["resume"], "resume")
    assert _positive(stages["total"]) and "find_matches" in stages and "tokenize" in stages
    assert "extract_leadership" in stages


def test_targets_table() -> None:
    results = {
        "ratio": {"ratio": 2.5, "ratio_cpu": 2.4},
        "throughput": {"docs_per_s": 150.0},
        "rss": {"max_rss_mb": 200.0},
    }
    table = bench.markdown(results)
    assert "| analyze_text / spaCy tokenisation (wall; CPU) | <= 3x | 2.5x; 2.4x | yes |" in table
    assert "| throughput, one core, text resumes | >= 200 docs/s | 150.0 docs/s | no |" in table


def test_command_line_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    results = bench.run(
        [
            "--data",
            str(tmp_path / "absent"),
            "--limit",
            "2",
            "--rounds",
            "1",
            "--only",
            "ratio,throughput",
            "--json",
            str(out),
        ]
    )
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["ratio"]["ratio"] == results["ratio"]["ratio"]
    assert "example" in saved["inputs"]["jobs"]


def test_unknown_measure_is_refused() -> None:
    with pytest.raises(SystemExit):
        bench.run(["--only", "nope"])
