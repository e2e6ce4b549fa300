"""Where a document names a role or an employer rather than claiming a skill: a post's title and its "Role:"
field, a resume's headline, each position's title and organisation.

"Senior Java Developer" names the role; "SAP ABAP - Kolkata" as an employer line names where the work was
done. A skill named there counts only when the document never names it anywhere else; when it does, the
title mentions are not mentions of their own (a resume's still date the skill's years: ``skills``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ..kinds import is_job
from ..models import Position
from ..text.context import AnalysisContext
from .titles import has_job_word

#: a job post's first line is its title when it is at most this long
TITLE_MAX_CHARS = 150
#: a longer first line (text flattened to one line) starts with its title up to one of these
_TITLE_ENDS = re.compile(r" \| | [–—-] | <|  |\bDate posted\b|\bLocation\b")
#: "Role: QA/Test Developer", "Job title: Data Engineer" (the value up to the line end or the next "Label:")
_TITLE_FIELD = re.compile(r"(?:Job [Tt]itle|Title|Position|Role)\s*:[ \t]*")
#: the word before a "Role:" that makes it a heading of prose ("About the Role: This role will ...")
_NOT_A_FIELD = re.compile(r"(?:the|this|our|your|a|an|of)\s+$")
_NEXT_LABEL = re.compile(r"\s[A-Z][A-Za-z]*(?: [a-z]+)?\s*:")
#: a resume's headline is among its first lines
HEADLINE_LINES = 6
#: a line with these is a sentence of a summary or contact details, not a headline
_NOT_A_HEADLINE = re.compile(r"@|\b(?:with|experience|years?|in)\b|[.:]$", re.IGNORECASE)

Span = tuple[int, int]


def title_spans(ctx: AnalysisContext, positions: Iterable[Position] = ()) -> list[Span]:
    """The spans (normalised offsets) of the text that names a role or an employer."""
    if is_job(ctx.kind):
        return _job_title_spans(ctx.text)
    return _headline_spans(ctx) + _position_spans(ctx, positions)


def inside(spans: list[Span], start: int) -> bool:
    return any(lo <= start < hi for lo, hi in spans)


def _job_title_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    lo = len(text) - len(text.lstrip())
    hi = text.find("\n", lo)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].rstrip()
    if line and len(line) <= TITLE_MAX_CHARS and ". " not in line and not line.endswith((".", "!", "?", ":")):
        spans.append((lo, lo + len(line)))
    elif line:  # text flattened to one line: its title runs up to the first separator
        cut = _TITLE_ENDS.search(line, 0, TITLE_MAX_CHARS)
        head = line[: cut.start()] if cut else ""
        if head and len(head.split()) <= 12 and has_job_word(head):
            spans.append((lo, lo + len(head)))
    for field in _TITLE_FIELD.finditer(text):
        at = field.start()
        if (at > 0 and not text[at - 1].isspace()) or _NOT_A_FIELD.search(text, max(0, at - 8), at):
            continue  # inside a word ("Subtitle:"), or "About the Role:"
        start = field.end()
        if start < len(text) and text[start] == "\n":
            start += 1  # "Role:\nQA/Test Developer"
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        nxt = _NEXT_LABEL.search(text, start, end)
        end = min(end, nxt.start() if nxt else end, start + 80)
        # in text flattened to one line the value runs on: it ends with its first run of role words in six
        # words ("QA/Test Developer Technologies scrum qa" ends after "Developer")
        words = list(re.finditer(r"\S+", text[start:end]))[:6]
        roles = [has_job_word(w.group(), plural=False) for w in words]
        if any(roles):
            k = roles.index(True)
            while k + 1 < len(words) and roles[k + 1]:
                k += 1
            end = start + words[k].end()
        if end > start:
            spans.append((start, end))
    if spans:  # the title again, at the start of a later line ("Senior Python Developer ( m/f/d ) with ...")
        a, b = spans[0]
        title = text[a:b].strip()
        if len(title.split()) >= 3:
            at = text.find("\n" + title, b)
            while at >= 0:
                spans.append((at + 1, at + 1 + len(title)))
                at = text.find("\n" + title, at + 1 + len(title))
    return spans


def _headline_spans(ctx: AnalysisContext) -> list[Span]:
    """A short line with a role word among a resume's first lines, before its first section."""
    text = ctx.text
    first = next((s for s in ctx.sections if s.name != "header"), None)
    stop = first.start if first is not None else len(text)
    spans: list[Span] = []
    pos = 0
    for _ in range(HEADLINE_LINES):
        if pos >= stop:
            break
        nl = text.find("\n", pos)
        end = min(stop, len(text) if nl < 0 else nl)
        line = text[pos:end].strip()
        if 0 < len(line.split()) <= 12 and not _NOT_A_HEADLINE.search(line) and has_job_word(line, plural=False):
            lead = text.find(line, pos, end)
            spans.append((lead, lead + len(line)))
        pos = end + 1
    return spans


def _position_spans(ctx: AnalysisContext, positions: Iterable[Position]) -> list[Span]:
    """Each position's title and organisation, where they are written at the start of its block."""
    original = ctx.norm.original
    offsets = ctx.norm.offsets
    spans: list[Span] = []
    for p in positions:
        for name in (p.title, p.organization):
            if not name:
                continue
            at = original.find(name, p.start_offset, min(p.end_offset, p.start_offset + 400))
            if at < 0:
                continue
            lo = bisect.bisect_left(offsets, at)
            hi = bisect.bisect_left(offsets, at + len(name))
            if hi > lo:
                spans.append((lo, hi))
    return spans


__all__ = ["HEADLINE_LINES", "TITLE_MAX_CHARS", "inside", "title_spans"]
