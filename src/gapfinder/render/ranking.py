"""A ranking of job posts for one resume (``gapfinder match``) as a terminal table (rich / plain) and as Markdown."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models import JobRanking, RankedJob, RankingFailure

#: the candidate against the post's level
LEVEL_WORDS = {"fit": "fit", "under": "under", "over": "over", "off_ladder": "off ladder", "unknown": "?"}


def _post(job: RankedJob) -> str:
    name = job.job.source or "<text>"
    return f"{job.job.title} ({name})" if job.job.title else name


def _level(job: RankedJob) -> str:
    """The post's level and where the candidate stands: 'senior: fit', 'staff: under by 2'."""
    lv = job.level
    word = LEVEL_WORDS.get(lv.verdict, "?")
    steps = f" by {abs(lv.steps)}" if lv.steps else ""
    return f"{lv.job_level or '?'}: {word}{steps}"


def _missing(job: RankedJob) -> str:
    return "; ".join(f"{r.label}{'' if r.group == 'required' else f' ({r.group})'}" for r in job.top_missing) or "—"


def _met(job: RankedJob) -> str:
    total = sum(job.counts.values())
    return f"{job.counts.get('met', 0)}/{total} met, {job.counts.get('missing', 0)} missing"


def _failure(f: RankingFailure) -> str:
    return f.message + (" (--job-password)" if f.needs_password else "")


def rich_ranking(r: JobRanking) -> RenderableType:
    resume = r.resume.source or "<text>"
    parts: list[RenderableType] = [
        Text.assemble(("gapfinder match ", "bold"), f"resume {resume} vs {len(r.jobs) + len(r.failed)} job post(s)")
    ]
    table = Table(show_lines=False, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    table.add_column("job post", overflow="fold", ratio=3)
    table.add_column("level", overflow="fold", ratio=1)
    table.add_column("requirements", overflow="fold", ratio=1)
    table.add_column("top missing", overflow="fold", ratio=3)
    for job in r.jobs:
        post = Text(job.job.title or "", style="bold")
        post.append(f"{chr(10) if job.job.title else ''}{job.job.source or '<text>'}", style="dim")
        table.add_row(
            str(job.rank), Text(f"{job.score:g}", style="bold cyan"), post, _level(job), _met(job), _missing(job)
        )
    parts.append(table)
    for fail in r.failed:
        parts.append(Text(f"not ranked: {fail.source}: {_failure(fail)}", style="yellow"))
    parts.extend(Text(f"warning (resume): {w.message}", style="yellow") for w in r.resume.warnings)
    return Group(*parts)


def plain_ranking(r: JobRanking, width: int = 140) -> str:
    console = Console(width=width, color_system=None, record=True, file=io.StringIO(), highlight=False)
    console.print(rich_ranking(r))
    return console.export_text()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_ranking(r: JobRanking) -> str:
    out = [
        f"# gapfinder match: {_cell(r.resume.source or '<text>')}",
        "",
        "| # | score | job post | level | requirements | top missing |",
        "|---:|---:|---|---|---|---|",
    ]
    for job in r.jobs:
        out.append(
            f"| {job.rank} | {job.score:g} | {_cell(_post(job))} | {_cell(_level(job))} | {_cell(_met(job))} | "
            f"{_cell(_missing(job))} |"
        )
    if r.failed:
        out += ["", "Not ranked:", ""]
        out += [f"- {_cell(f.source)}: {_cell(_failure(f))}" for f in r.failed]
    out.append("")
    return "\n".join(out)


__all__ = ["markdown_ranking", "plain_ranking", "rich_ranking"]
