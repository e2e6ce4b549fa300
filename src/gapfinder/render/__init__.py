"""Rendering: rich terminal text, plain text, Markdown and self-contained HTML, for reports and comparisons.

JSON is ``obj.model_dump(mode="json")``.
"""

from __future__ import annotations

from typing import Literal

from rich.console import Console

from ..models import Comparison, Report, WhatIf
from .comparison import markdown_comparison, plain_comparison, rich_comparison
from .markdown import markdown_report, markdown_what_if
from .text import plain_report, plain_what_if, print_report, rich_what_if

Format = Literal["rich", "plain", "markdown", "html"]


def render(obj: Report | Comparison | WhatIf, fmt: Format, *, console: Console | None = None) -> str:
    """Render a report, a comparison or a what-if; ``rich`` prints to ``console`` and returns ''."""
    if fmt == "html":
        from .html import html_comparison, html_report, html_what_if

        if isinstance(obj, WhatIf):
            return html_what_if(obj)
        return html_comparison(obj) if isinstance(obj, Comparison) else html_report(obj)
    if isinstance(obj, WhatIf):
        if fmt == "markdown":
            return markdown_what_if(obj)
        if fmt == "plain":
            return plain_what_if(obj)
        (console or Console()).print(rich_what_if(obj))
        return ""
    if isinstance(obj, Comparison):
        if fmt == "markdown":
            return markdown_comparison(obj)
        if fmt == "plain":
            return plain_comparison(obj)
        (console or Console()).print(rich_comparison(obj))
        return ""
    if fmt == "markdown":
        return markdown_report(obj)
    if fmt == "plain":
        return plain_report(obj)
    print_report(obj, console or Console())
    return ""


__all__ = ["markdown_comparison", "markdown_report", "plain_comparison", "plain_report", "render"]
