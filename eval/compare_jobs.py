"""Resume vs job on real postings: the example resumes against every Glassdoor job description (dev).

    python eval/compare_jobs.py [--data ../shared/eval/dev] [--show N] [--dump NEW.jsonl] [--diff OLD.jsonl]

There is no gold for comparisons; this prints what a reviewer needs to look for errors by class: how many
requirement items a post yields and of which kind and group, posts with none, the years asked for, the most
frequent requirement labels, score distributions per resume, and N random posts with their items. Needs
../shared (not part of the tests).

``--dump`` writes each post's items (id, group, kind, label, clause) and level as one JSON line; ``--diff``
compares this run with such a dump: how many items were added and dropped, per group and kind, and a sample
of the posts that changed with what changed in each (read them: each change should be a better reading).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import statistics
import sys
import time
from pathlib import Path

from gapfinder.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ("senior_ml_engineer.txt", "data_scientist_career_changer.txt", "junior_ml_engineer.txt")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--show", type=int, default=0, help="print this many random posts with their items")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dump", type=Path, help="write each post's items as JSON lines to this file")
    ap.add_argument("--diff", type=Path, help="a --dump of an earlier run: print what changed")
    ap.add_argument("--diff-show", type=int, default=12, help="how many changed posts --diff prints")
    args = ap.parse_args()
    path = Path(args.data) / "jobs_glassdoor.jsonl"
    if not path.exists():
        print(f"no evaluation data at {path}", file=sys.stderr)
        return 2
    engine = Engine()
    resumes = {name: engine.analyze(ROOT / "examples" / "resumes" / name) for name in RESUMES}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: collections.Counter[str] = collections.Counter()
    labels: collections.Counter[str] = collections.Counter()
    years: collections.Counter[float] = collections.Counter()
    scores: dict[str, list[float]] = {name: [] for name in RESUMES}
    per_post: list[int] = []
    shown = set(random.Random(args.seed).sample(range(len(rows)), min(args.show, len(rows))))
    dumped: dict[str, dict[str, object]] = {}
    started = time.perf_counter()
    for k, row in enumerate(rows):
        job = engine.analyze_text(row["text"], kind="job")
        items = job.requirements.items if job.requirements else ()
        dumped[row["id"]] = {
            "id": row["id"],
            "level": job.placement.level if job.placement else None,
            "items": [[i.group, i.kind, i.label, i.sentence.text[:160]] for i in items],
        }
        per_post.append(len(items))
        counts["posts"] += 1
        counts["posts without items"] += not items
        counts["posts without a years item"] += not any(i.kind == "years" for i in items)
        counts["posts without a degree item"] += not any(i.kind == "degree" for i in items)
        for i in items:
            counts[f"{i.kind} / {i.group}"] += 1
            counts["items with alternatives"] += len(i.any_of) > 1 and i.kind != "degree"
            if i.kind == "skill":
                labels[i.label] += 1
            if i.kind == "years" and i.years is not None:
                years[i.years] += 1
        for name, resume in resumes.items():
            scores[name].append(engine.compare(resume, job).score.total)
        if k in shown:
            print(f"=== {row['id']} {row.get('title', '')!r}: level {job.placement.level if job.placement else None}")
            for i in items:
                print(f"  {i.id:>4} {i.group:<16} {i.kind:<13} {i.label}")
    elapsed = time.perf_counter() - started
    print(f"\n{counts['posts']} posts in {elapsed:.1f} s (each analysed once and compared with {len(RESUMES)} resumes)")
    print(f"items per post: median {statistics.median(per_post):g}, max {max(per_post)}")
    for key, n in sorted(counts.items()):
        print(f"  {key}: {n}")
    print("years asked for:", ", ".join(f"{y:g}: {n}" for y, n in sorted(years.items())))
    print("most frequent skill items:", ", ".join(f"{lab} ({n})" for lab, n in labels.most_common(25)))
    for name, values in scores.items():
        q = statistics.quantiles(values, n=4)
        print(f"score {name}: min {min(values):g}, quartiles {q[0]:.1f} / {q[1]:.1f} / {q[2]:.1f}, max {max(values):g}")
    if args.dump:
        args.dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dumped.values()), "utf-8")
    if args.diff:
        _diff(args.diff, dumped, args.diff_show, args.seed)
    return 0


def _diff(old_path: Path, new: dict[str, dict[str, object]], show: int, seed: int) -> None:
    """What changed since an earlier ``--dump``: items added, dropped and moved to another group (by kind and
    label), counted by group and kind, and a sample of the posts that changed."""
    old = {d["id"]: d for d in map(json.loads, old_path.read_text(encoding="utf-8").splitlines()) if d}
    tally: collections.Counter[str] = collections.Counter()
    changed: list[tuple[str, list[str]]] = []
    levels = 0
    for pid, now in new.items():
        before = old.get(pid)
        if before is None:
            continue
        levels += before["level"] != now["level"]
        was = {(i[1], i[2]): i for i in before["items"]}  # type: ignore[attr-defined]
        is_ = {(i[1], i[2]): i for i in now["items"]}  # type: ignore[attr-defined]
        lines = []
        for key in was.keys() - is_.keys():
            g, k, label, clause = was[key]
            tally[f"dropped {k} / {g}"] += 1
            lines.append(f"  - {g:<16} {label}  | {clause[:90]}")
        for key in is_.keys() - was.keys():
            g, k, label, clause = is_[key]
            tally[f"added {k} / {g}"] += 1
            lines.append(f"  + {g:<16} {label}  | {clause[:90]}")
        for key in was.keys() & is_.keys():
            if was[key][0] != is_[key][0]:
                tally[f"moved {key[0]} / {was[key][0]} -> {is_[key][0]}"] += 1
                lines.append(f"  ~ {was[key][0]} -> {is_[key][0]}: {key[1]}  | {is_[key][3][:90]}")
        if lines:
            changed.append((pid, sorted(lines)))
    print(f"\n--diff {old_path}: {len(changed)} of {len(new)} posts changed items; {levels} changed level")
    for key, n in sorted(tally.items()):
        print(f"  {key}: {n}")
    for pid, lines in random.Random(seed).sample(changed, min(show, len(changed))):
        print(f"=== {pid}")
        print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
