"""Report rendering: rich terminal text, plain text and Markdown. JSON is ``report.model_dump(mode="json")``."""

from __future__ import annotations

from typing import Literal

from rich.console import Console

from ..models import Report
from .markdown import markdown_report
from .text import plain_report, print_report


def render(
    report: Report,
    fmt: Literal["rich", "plain", "markdown"],
    *,
    job: Report | None = None,
    console: Console | None = None,
) -> str:
    """Render a report; ``rich`` prints to ``console`` and returns ''."""
    if fmt == "markdown":
        return markdown_report(report)
    if fmt == "plain":
        return plain_report(report)
    print_report(report, console or Console())
    return ""


__all__ = ["markdown_report", "plain_report", "render"]
