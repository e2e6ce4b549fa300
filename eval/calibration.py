"""Reliability of ``placement.confidence`` on the snapADDY careers (dev split).

    python eval/calibration.py [--data ../shared/eval/dev]

Renders each career exactly as ``score.py levels`` does (its render_cv), places it, and prints accuracy
per confidence bucket plus the expected calibration error (ECE). Needs ../shared (not part of the tests).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import gapfinder

BUCKETS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"))
    args = ap.parse_args()
    data = Path(args.data)
    spec = importlib.util.spec_from_file_location("score", data.parent / "score.py")
    if spec is None or spec.loader is None or not (data / "careers_snapaddy.jsonl").exists():
        print(f"no evaluation data at {data}", file=sys.stderr)
        return 2
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rows = []
    for line in (data / "careers_snapaddy.jsonl").read_text(encoding="utf-8").splitlines():
        cv = json.loads(line)
        gold = score.gold_position(cv["positions"])["seniority"]
        placement = gapfinder.analyze_text(score.render_cv(cv["id"], cv["positions"])).placement
        rows.append((placement.confidence, placement.level in score.ACCEPT[gold]))
    print(f"{'confidence':<12}{'n':>5}{'mean conf':>11}{'accuracy':>10}")
    ece = 0.0
    for lo, hi in BUCKETS:
        sel = [(c, ok) for c, ok in rows if lo <= c < hi]
        if not sel:
            continue
        conf = sum(c for c, _ in sel) / len(sel)
        acc = sum(ok for _, ok in sel) / len(sel)
        ece += len(sel) / len(rows) * abs(conf - acc)
        print(f"{lo:.1f}-{min(hi, 1.0):.1f}{'':<5}{len(sel):>5}{conf:>11.3f}{acc:>10.3f}")
    print(f"ECE {ece:.3f} over {len(rows)} careers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
