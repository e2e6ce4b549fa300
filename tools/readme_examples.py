"""Regenerate the "Examples (real output)" block of README.md from the CLI.

.venv/bin/python tools/readme_examples.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "gapfinder")


def run(*args: str) -> str:
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=True, cwd=ROOT).stdout


def block() -> str:
    lines = run("examples/resumes/junior_ml_engineer.txt", "-o", "/dev/stdout").splitlines()
    gap_at = next(i for i, line in enumerate(lines) if line.startswith("╭─ Gap"))
    md = run("examples/resumes/senior_ml_engineer.pdf", "--target", "staff", "--format", "markdown")
    d = json.loads(run("examples/resumes/mid_ml_engineer.md", "--format", "json"))
    pos = d["experience"]["positions"][0]
    skill = d["skills"][0]
    small = {
        "schema_version": d["schema_version"],
        "placement": {k: d["placement"][k] for k in ("ladder", "track", "level", "confidence")},
        "experience": {
            "total_years": d["experience"]["total_years"],
            "positions[0]": {k: pos[k] for k in ("title", "organization", "start", "end", "current")},
        },
        "skills[0]": {
            **{k: skill[k] for k in ("id", "name", "category", "years")},
            "mentions[0]": skill["mentions"][0],
        },
    }
    validate = run("taxonomy", "validate").strip().replace(str(ROOT) + "/", "")
    pair = ("examples/resumes/mid_ml_engineer.md", "--job", "examples/jobs/ml_engineer_alternatives_jd.txt")
    cmp_md = run(*pair, "-f", "markdown")
    score_part = cmp_md[cmp_md.index("**Match score") : cmp_md.index("## Requirements")].strip()
    req_lines = cmp_md[cmp_md.index("## Requirements") :].splitlines()
    table = [line for line in req_lines if line.startswith("|")]
    alt_rows = [row for row in table[2:] if " or " in row.split("|")[3]][:3]
    other_rows = [
        next((row for row in table[2:] if f"**{status}**" in row and row not in alt_rows), "")
        for status in ("claimed", "implied", "missing")
    ]
    other_rows = [row for row in other_rows if row]
    hints = [line for line in req_lines if line.startswith("- **")]
    hints = [next((h for h in hints if h.startswith(f"- **{kind}**")), "") for kind in ("back_up", "confirm", "learn")]
    hints = [h for h in hints if h]
    ranking = run("match", "examples/resumes/mid_ml_engineer.md", "examples/jobs", "--format", "markdown")
    ranking = ranking[ranking.index("| #") :].strip()
    cmp_block = "\n".join([score_part, "", *table[:2], *alt_rows, *other_rows, "", *hints])
    head, gap = "\n".join(lines[:7]), "\n".join(lines[gap_at:])
    fence = "```"
    return f"""<!-- examples:start -->
### Examples (real output)

`gapfinder examples/resumes/junior_ml_engineer.txt` (abridged: the skills and positions tables are cut here):

{fence}
{head}
...
{gap}
{fence}

`gapfinder examples/resumes/senior_ml_engineer.pdf --target staff --format markdown` (the gap part):

{fence}markdown
{md[md.index("## Gap") :].strip()}
{fence}

`gapfinder examples/resumes/mid_ml_engineer.md --format json` (a few fields of the stable JSON):

{fence}json
{json.dumps(small, indent=2, ensure_ascii=False)}
{fence}

`gapfinder examples/resumes/mid_ml_engineer.md --job examples/jobs/ml_engineer_alternatives_jd.txt --format markdown`
(abridged: a few requirement rows and hints; `--format html -o report.html` writes the same as a self-contained page
with charts):

{fence}markdown
{cmp_block}
{fence}

`gapfinder match examples/resumes/mid_ml_engineer.md examples/jobs --format markdown` (one resume, many posts, best
match first):

{fence}markdown
{ranking}
{fence}

`gapfinder taxonomy validate`:

{fence}
{validate}
{fence}

More, for every example resume and job description, in `examples/output/`. Years depend on the day you run
it ("Present" counts up to today).
<!-- examples:end -->"""


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(r"<!-- examples:start -->.*<!-- examples:end -->", lambda _: block(), text, flags=re.S)
    readme.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
