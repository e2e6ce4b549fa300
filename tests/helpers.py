"""Test helpers shared by several test modules (import as ``from helpers import ...``)."""

from __future__ import annotations

from collections.abc import Iterator

from gapfinder.models import Mention, Report


def finding_mentions(report: Report, *, leadership: bool = True) -> Iterator[Mention]:
    """Every mention of the report's skills, certifications, education and (unless told not to) leadership."""
    yield from (m for f in report.skills for m in f.mentions)
    yield from (m for f in report.certifications for m in f.mentions)
    yield from (m for f in report.education for m in f.mentions)
    if leadership:
        yield from (m for f in report.leadership for m in f.mentions)
