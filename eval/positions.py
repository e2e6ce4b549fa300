"""Title and organisation accuracy of reported positions on the snapADDY careers rendered as resumes.

    python eval/positions.py [--data ../shared/eval/dev] [--limit N] [--show K]

score.py's `levels` task renders each career as a plain-text resume in one of four layouts ("lines",
"comma", "pipes", "dates_first"); this script renders them the same way (it imports score.py) and checks
every dated gold position: found (a reported position with the same start month), title right and
organisation right (case-insensitive, after collapsing white space; an empty gold organisation is skipped).
Needs ../shared/eval (not part of the tests).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
from pathlib import Path

from gapfinder.engine import Engine

ROOT = Path(__file__).resolve().parents[1]


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip()).casefold()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many wrong cases per layout")
    args = ap.parse_args(argv)
    data = Path(args.data)
    sys.path.insert(0, str(data.resolve().parent))
    import score  # the scorer's own renderer

    careers = score.load_jsonl(str(data / "careers_snapaddy.jsonl"), args.limit)
    engine = Engine(today=dt.date(2026, 12, 1))
    c: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wrong: dict[str, list[str]] = collections.defaultdict(list)
    for career in careers:
        layout = score.layout_for(career["id"])
        text = score.render_cv(career["id"], career["positions"])
        report = engine.analyze_text(text)
        by_start: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
        for p in report.experience.positions:
            by_start[p.start or ""].append((_norm(p.title), _norm(p.organization)))
        for gold in career["positions"]:
            ym = score.parse_ym(gold.get("startDate"))
            if not ym or not (gold.get("position") or "").strip():
                continue
            start = f"{ym[0]:04d}-{ym[1]:02d}"
            title, org = _norm(gold.get("position")), _norm(gold.get("organization"))
            org = "" if org == "*" else org
            for key in (layout, "all"):
                c[key]["positions"] += 1
            found = by_start.get(start, [])
            if not found:
                for key in (layout, "all"):
                    c[key]["not_found"] += 1
                continue
            t_ok = any(t == title for t, _ in found)
            for key in (layout, "all"):
                c[key]["title_ok"] += t_ok
            if org:
                o_ok = any(o == org for _, o in found)
                for key in (layout, "all"):
                    c[key]["orgs"] += 1
                    c[key]["org_ok"] += o_ok
                if not o_ok or not t_ok:
                    wrong[layout].append(f"{gold.get('position')!r} / {gold.get('organization')!r} -> {found}")
    print(f"{'layout':<12}{'positions':>10}{'found':>8}{'title':>8}{'org':>8}")
    for key in ("lines", "comma", "pipes", "dates_first", "all"):
        k = c[key]
        n = k["positions"] or 1
        print(
            f"{key:<12}{k['positions']:>10}{1 - k['not_found'] / n:>8.3f}{k['title_ok'] / n:>8.3f}"
            f"{k['org_ok'] / (k['orgs'] or 1):>8.3f}"
        )
    for layout, items in wrong.items():
        for w in items[: args.show]:
            print(f"  [{layout}] {w}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
