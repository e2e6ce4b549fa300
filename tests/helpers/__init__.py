"""Test helpers shared by the test modules (``from helpers import ...``): where things are, and small views of
reports and comparisons that several tests assert on.

Submodules: ``context`` (an AnalysisContext from plain text), ``files`` (synthesised PDFs and DOCX files),
``pdf_layouts`` (one resume drawn as PDFs of several layouts), ``cli`` (the CLI run in-process), ``server``
(``gapfinder serve`` as a subprocess), ``procs`` (processes and sockets under a pid, from /proc).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from gapfinder import Engine
from gapfinder.models import Comparison, DocumentKind, JobRequirement, Mention, Report, RequirementStatus

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
MINI = FIXTURES / "mini_taxonomy"
EXAMPLES = ROOT / "examples"
TAXONOMY = ROOT / "skills_taxonomy"
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 11, 15)


def finding_mentions(report: Report, *, leadership: bool = True) -> Iterator[Mention]:
    """Every mention of the report's skills, certifications, education and (unless told not to) leadership."""
    yield from (m for f in report.skills for m in f.mentions)
    yield from (m for f in report.certifications for m in f.mentions)
    yield from (m for f in report.education for m in f.mentions)
    if leadership:
        yield from (m for f in report.leadership for m in f.mentions)


def skill_ids(report: Report) -> set[str]:
    """The ids of the skills a report found."""
    return {s.id for s in report.skills}


def skills_among(report: Report, ids: Iterable[str]) -> list[str]:
    """Which of ``ids`` the report found, sorted."""
    wanted = set(ids)
    return sorted(s.id for s in report.skills if s.id in wanted)


def skill_mentions(report: Report, ids: Iterable[str]) -> list[tuple[str, str]]:
    """(skill id, mention text) of every mention of the skills ``ids``, sorted."""
    wanted = set(ids)
    return sorted((s.id, m.text) for s in report.skills if s.id in wanted for m in s.mentions)


def analysed_skill_ids(engine: Engine, text: str, kind: DocumentKind = "resume") -> set[str]:
    """The ids of the skills found in ``text`` read as ``kind``."""
    return skill_ids(engine.analyze_text(text, kind=kind))


def job_items(engine: Engine, text: str) -> tuple[JobRequirement, ...]:
    """The requirement items of ``text`` read as a job post."""
    report = engine.analyze_text(text, kind="job")
    assert report.requirements is not None
    return report.requirements.items


def compare_texts(engine: Engine, resume: str, job: str) -> Comparison:
    """The comparison of a resume text with a job post text."""
    return engine.compare(engine.analyze_text(resume), engine.analyze_text(job, kind="job"))


def requirement_status(comparison: Comparison, skill: str) -> RequirementStatus:
    """The first requirement of the comparison that ``skill`` can answer."""
    return next(s for s in comparison.requirements if skill in s.requirement.any_of)


def chromium() -> str | None:
    """A Chromium (or Chrome) binary, if one is installed."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
