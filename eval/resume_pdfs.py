"""Per-file results on the dev resume PDFs, checked against rendercv's YAML sources where they exist.

    python eval/resume_pdfs.py [--data ../shared/eval/dev] [--today 2026-12-01] [--json OUT]

For every PDF under ``resume-pdfs/`` it prints the positions (title | organisation | start - end), the total
years, the skills, certifications and degrees found, the placement and the warnings. The nine rendercv PDFs
are one CV in nine layouts; their ``.yaml`` source gives the truth: a YAML position counts as found when a
reported position has its start and end month and its title and company (case-insensitive, either way
contained); years are the union of the YAML's dated positions up to ``--today``, as gapfinder counts them;
skills are the YAML skills section's items that some reported skill or certification names. Needs
../shared/eval/dev (not part of the tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from gapfinder.engine import Engine

ROOT = Path(__file__).resolve().parents[1]


def _ym(value: Any, today: dt.date) -> tuple[int, int] | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in ("present", "now", "today"):
        return today.year, today.month
    year, _, month = text.partition("-")
    return int(year), int(month or 1)


def _union_years(spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> float:
    months = sorted((a[0] * 12 + a[1], b[0] * 12 + b[1]) for a, b in spans)
    total, cur_start, cur_end = 0, None, None
    for s, e in months:
        if cur_end is None or s > cur_end:
            if cur_end is not None and cur_start is not None:
                total += cur_end - cur_start
            cur_start, cur_end = s, e
        else:
            cur_end = max(cur_end, e)
    if cur_end is not None and cur_start is not None:
        total += cur_end - cur_start
    return round(total / 12.0, 2)


def _truth(path: Path, today: dt.date) -> dict[str, Any]:
    cv = yaml.safe_load(path.read_text(encoding="utf-8"))["cv"]
    sections = cv["sections"]
    positions = []
    for e in sections.get("experience", []):
        start, end = _ym(e.get("start_date"), today), _ym(e.get("end_date"), today)
        positions.append({"title": e["position"], "company": e["company"], "start": start, "end": end})
    spans = [(p["start"], p["end"]) for p in positions if p["start"] and p["end"]]
    skills = [s.strip() for row in sections.get("skills", []) for s in str(row["details"]).split(",") if s.strip()]
    degrees = [(e.get("degree"), e.get("area")) for e in sections.get("education", [])]
    return {"positions": positions, "years": _union_years(spans), "skills": skills, "degrees": degrees}


def _same(a: str | None, b: str) -> bool:
    if not a:
        return False
    x, y = a.casefold(), b.casefold()
    return x in y or y in x


def _found_position(truth: dict[str, Any], positions: list[dict[str, Any]], today: dt.date) -> bool:
    start = f"{truth['start'][0]:04d}-{truth['start'][1]:02d}"
    current = truth["end"] == (today.year, today.month)
    end = None if current else f"{truth['end'][0]:04d}-{truth['end'][1]:02d}"
    return any(
        p["start"] == start
        and (p["end"] == end or (current and p["current"]))
        and _same(p["title"], truth["title"])
        and _same(p["organization"], truth["company"])
        for p in positions
    )


def _skill_named(name: str, report: dict[str, Any]) -> bool:
    wanted = name.casefold()
    for finding in (*report["skills"], *report["certifications"]):
        if finding["name"].casefold() == wanted or any(m["text"].casefold() == wanted for m in finding["mentions"]):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--today", default="2026-12-01")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    folder = Path(args.data) / "resume-pdfs"
    if not folder.is_dir():
        print(f"no resume PDFs at {folder}", file=sys.stderr)
        return 2
    today = dt.date.fromisoformat(args.today)
    engine = Engine(today=today)
    rows = []
    for pdf in sorted(folder.glob("*/*.pdf")):
        report = engine.analyze(pdf).model_dump(mode="json")
        exp = report["experience"]
        row: dict[str, Any] = {
            "file": str(pdf.relative_to(folder)),
            "positions": [
                f"{p['title']} | {p['organization']} | {p['start']} - {'now' if p['current'] else p['end']}"
                for p in exp["positions"]
            ],
            "years": exp["total_years"],
            "skills": len(report["skills"]),
            "certifications": [c["id"] for c in report["certifications"]],
            "degrees": [f"{e['degree']} {e['field'] or '-'} {e['year'] or '-'}" for e in report["education"]],
            "placement": report["placement"]["level"] if report["placement"] else None,
            "warnings": [w["code"] for w in report["warnings"]],
        }
        source = pdf.with_suffix(".yaml")
        if source.exists():
            truth = _truth(source, today)
            found = sum(_found_position(t, exp["positions"], today) for t in truth["positions"])
            named = [s for s in truth["skills"] if _skill_named(s, report)]
            row["vs_yaml"] = {
                "positions": f"{found}/{len(truth['positions'])} (reported {len(exp['positions'])})",
                "years": f"{exp['total_years']} vs {truth['years']}",
                "skills": f"{len(named)}/{len(truth['skills'])}",
                "skills_missed": [s for s in truth["skills"] if s not in named],
            }
        rows.append(row)
        print(f"== {row['file']}: {row['years']} years, {row['skills']} skills, placement {row['placement']}")
        if "vs_yaml" in row:
            print(f"   vs YAML: {json.dumps(row['vs_yaml'], ensure_ascii=False)}")
        for p in row["positions"]:
            print(f"   P {p}")
        for d in row["degrees"]:
            print(f"   E {d}")
        if row["certifications"] or row["warnings"]:
            print(f"   certifications {row['certifications']}, warnings {row['warnings']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
