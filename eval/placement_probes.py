"""Score placement on the probe documents in eval/probes/ (labels.jsonl; see eval/probes/README.md).

    .venv/bin/python eval/placement_probes.py [--show-all]

For every document: the fit (fits / adjacent / off_ladder, and whether the `off_ladder` warning is there),
the track, the level (a path id on the alternative track) and the seniority, each against the label.
Prints one line per miss and a summary table; exit code 0 always (this is a measurement, not a test).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import gapfinder

HERE = Path(__file__).resolve().parent / "probes"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-all", action="store_true", help="print every document, not only the misses")
    args = ap.parse_args()
    engine = gapfinder.Engine()
    labels = [json.loads(line) for line in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for lab in labels:
        report = engine.analyze(HERE / lab["file"], kind=lab["kind"])
        pl = report.placement
        assert pl is not None
        warned = any(w.code == "off_ladder" for w in report.warnings)
        checks = {
            "fit": pl.fit == lab["fit"],
            "off_ladder warning": warned == (lab["fit"] == "off_ladder"),
            "track": pl.track == lab["track"],
            "level": pl.level == lab["level"],
            "seniority": pl.seniority == lab["seniority"],
        }
        group = f"{lab['kind']}:{lab['fit']}"
        for name, ok in checks.items():
            totals[f"{group} {name}"] += 1
            hits[f"{group} {name}"] += ok
            totals[f"all {name}"] += 1
            hits[f"all {name}"] += ok
        bad = [k for k, ok in checks.items() if not ok]
        if bad or args.show_all:
            print(
                f"{'MISS' if bad else 'ok  '} {lab['file']:<46} fit {pl.fit:<10}({lab['fit']:<10}) "
                f"track {pl.track:<11}({lab['track']:<11}) level {pl.level:<18}({lab['level']:<18}) "
                f"seniority {pl.seniority:<9}({lab['seniority']}) {', '.join(bad)}"
            )
    print()
    for key in sorted(totals):
        print(f"{key:<40} {hits[key]:>3} / {totals[key]:<3} {hits[key] / totals[key]:.3f}")


if __name__ == "__main__":
    main()
