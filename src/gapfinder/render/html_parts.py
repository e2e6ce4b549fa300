"""Building blocks shared by the HTML pages: the page shell, sections, tables, badges and quoted evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Mention, Report, Span
from .comparison import STATUS_MARK
from .html_style import CSS
from .markup import Html, join, tag

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def page(title: str, *body: str | None, csp: str = CSP) -> str:
    head = tag(
        "head",
        tag("meta", charset="utf-8"),
        tag("meta", name="viewport", content="width=device-width, initial-scale=1"),
        tag("meta", http_equiv="Content-Security-Policy", content=csp),
        tag("meta", name="referrer", content="no-referrer"),
        tag("meta", name="color-scheme", content="light"),
        tag("title", title),
        tag("style", Html(CSS)),
    )
    return "<!DOCTYPE html>\n" + tag("html", head, tag("body", tag("main", *body)), lang="en") + "\n"


def section(ident: str, title: str, *content: str | None) -> Html:
    return tag("section", tag("h2", title, id=ident), *content, aria_labelledby=ident)


def table(headers: Sequence[str], rows: Sequence[Sequence[str | None]], cls: str = "") -> Html:
    head = tag("thead", tag("tr", *(tag("th", h, scope="col") for h in headers)))
    body = tag("tbody", *(tag("tr", *(tag("td", c) for c in row)) for row in rows))
    return tag("div", tag("table", head, body, class_=cls or None), class_="scroll")


def dl(items: Sequence[tuple[str, str | None]]) -> Html:
    return tag("dl", *(join([tag("dt", k), tag("dd", v)]) for k, v in items if v is not None), class_="facts")


def card(label: str, value: str, note: str | None = None) -> Html:
    return tag(
        "div",
        tag("div", label, class_="label"),
        tag("div", value, class_="value long" if len(value) > 14 else "value"),
        tag("div", note, class_="note") if note else None,
        class_="card",
    )


def badge(status: str, marks: dict[str, str] = STATUS_MARK) -> Html:
    return tag("span", marks[status], class_=f"badge {status}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def short(text: str, width: int) -> str:
    text = squash(text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quote(source: str, span: Span | Mention, around: int = 40, limit: int = 110) -> Html:
    """The span quoted with a little of its line around it, the span marked, then 'section @offset'."""
    where = tag("span", f"{span.section} @{span.start}", class_="where")
    if source[span.start : span.end] != span.text:  # offsets that do not point into this text: no context
        return join([tag("q", tag("mark", short(span.text, limit))), " ", where])
    before, lead = _context(source[max(0, span.start - around) : span.start], span.start > around, backwards=True)
    after, tail = _context(source[span.end : span.end + around], span.end + around < len(source), backwards=False)
    inner = tag("mark", short(span.text, limit))
    return join([tag("q", lead + before, inner, after + tail), " ", where])


def _context(text: str, cut: bool, *, backwards: bool) -> tuple[str, str]:
    """Context on one side of a span: within its line, whole words, and '…' where it was cut."""
    if "\n" in text:  # stop at the line break; nothing was cut
        line = text.rsplit("\n", 1)[-1] if backwards else text.split("\n", 1)[0]
        return (squash(line).lstrip() if backwards else squash(line).rstrip()), ""
    text = squash(text)
    if not cut:
        return text, ""
    if " " not in text:  # a single partial word: drop it
        return "", "…"
    return (text.split(" ", 1)[1] if backwards else text.rsplit(" ", 1)[0]), "…"


def quotes(source: str, spans: Sequence[Span | Mention], limit: int = 2) -> Html:
    if not spans:
        return Html("")
    items = [tag("li", quote(source, s)) for s in spans[:limit]]
    more = len(spans) - limit
    if more > 0:
        items.append(tag("li", f"and {more} more", class_="more"))
    return tag("ul", *items, class_="evidence")


def highlight(sentence: Span, mentions: Sequence[Mention]) -> Html:
    """The job's sentence with the mentions inside it marked."""
    text, base, pos = sentence.text, sentence.start, 0
    parts: list[str] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        start, end = m.start - base, m.end - base
        if start < pos or end > len(text) or text[start:end] != m.text:
            continue
        parts += [squash(text[pos:start]), tag("mark", squash(m.text))]
        pos = end
    parts.append(squash(text[pos:]))
    return tag("q", *parts, class_="job")


def warnings_section(reports: Sequence[Report]) -> Html | None:
    items = [tag("li", tag("strong", f"{r.kind}: {w.code}"), " — ", w.message) for r in reports for w in r.warnings]
    return section("warnings", "Warnings", tag("ul", *items, class_="warnings")) if items else None


def footer(version: str, schema: str) -> Html:
    return tag(
        "footer",
        f"Generated offline by gapfinder {version} (schema {schema}). Every finding points at the text it "
        "came from: 'section @offset' is the character offset in the analysed text.",
    )


def source(report: Report) -> str:
    return report.document.source or f"{report.kind} text"


def short_name(report: Report) -> str:
    """The file name without its directories, for titles."""
    return re.split(r"[\\/]", source(report))[-1] or source(report)


def doc_line(report: Report) -> str:
    doc = report.document
    pages = f", {doc.pages} page{'s' if doc.pages != 1 else ''}" if doc.pages else ""
    return f"{source(report)} ({doc.format}{pages}, {doc.chars:,} characters)"


__all__ = [
    "CSP",
    "badge",
    "card",
    "dl",
    "doc_line",
    "footer",
    "highlight",
    "page",
    "quote",
    "quotes",
    "section",
    "short",
    "source",
    "squash",
    "table",
    "warnings_section",
]
