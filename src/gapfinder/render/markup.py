"""A tiny, escaping-by-default HTML/SVG builder for the HTML report.

Every ``str`` that reaches :func:`tag` is escaped (``html.escape(..., quote=True)``); only :class:`Html`
values, which the builder itself produces, pass through as markup. Resume and job text are untrusted, so
nothing from a report is ever formatted into markup by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class Html(str):
    """Markup that is safe to insert as is (built by :func:`tag` or :func:`join`)."""

    __slots__ = ()


def esc(value: object) -> Html:
    """Escape a value for text or an attribute; :class:`Html` passes through."""
    if isinstance(value, Html):
        return value
    return Html(escape(str(value), quote=True))


def join(parts: Iterable[str | None], sep: str = "") -> Html:
    """Concatenate parts, escaping the plain strings; ``None`` parts are skipped."""
    return Html(esc(sep).join(esc(p) for p in parts if p is not None))


def _attr_name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def tag(name: str, /, *children: str | None, **attrs: object) -> Html:
    """``<name attrs>children</name>``; attribute ``class_`` → ``class``, ``data_x`` → ``data-x``.

    Attributes whose value is ``None`` or ``False`` are left out; ``True`` writes ``name=""``.
    """
    rendered = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        text = "" if value is True else num(value) if isinstance(value, float) else str(value)
        rendered.append(f' {_attr_name(key)}="{escape(text, quote=True)}"')
    head = f"<{name}{''.join(rendered)}>"
    if name in VOID:
        return Html(head)
    return Html(f"{head}{join(children)}</{name}>")


def num(value: float) -> str:
    """A compact, deterministic number for SVG coordinates and labels: 12.0 → '12', 3.14159 → '3.14'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


__all__ = ["VOID", "Html", "esc", "join", "num", "tag"]
