"""Inline SVG charts for the HTML report, drawn from the result models (no plotting library).

Each chart is one ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states its numbers, so
the chart reads without colour or sight. Bars carry ``data-*`` attributes with the numbers they draw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import LevelScore, ScoreComponent
from .markup import Html, num, tag

WIDTH = 760
STATUS_FILL = {"met": "#2da44e", "partial": "#d4a72c", "claimed": "#8250df", "missing": "#cf222e"}
STATUS_TEXT = {"met": "#ffffff", "partial": "#1f2328", "claimed": "#ffffff", "missing": "#ffffff"}
TRACK_LABELS = {"ic": "IC track", "management": "Management", "alternative": "Paths"}
CANDIDATE = "#0969da"
TARGET = "#bc4c00"


@dataclass(frozen=True)
class CategoryCounts:
    category: str
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _svg(title: str, desc: str, height: float, body: Sequence[str], cls: str) -> Html:
    return tag(
        "svg",
        tag("title", title),
        tag("desc", desc),
        *body,
        viewBox=f"0 0 {WIDTH} {num(height)}",
        width=WIDTH,
        role="img",
        aria_label=title,
        class_=f"chart {cls}",
        preserveAspectRatio="xMinYMin meet",
    )


def _legend(statuses: Sequence[str], y: float, x0: float) -> Html:
    parts = []
    x = x0
    for status in statuses:
        parts.append(tag("rect", x=x, y=y - 10, width=12, height=12, rx=2, fill=STATUS_FILL[status]))
        parts.append(tag("text", status, x=x + 17, y=y, class_="legend"))
        x += 30 + 8 * len(status)
    return tag("g", *parts, class_="legend", aria_hidden="true")


def coverage_chart(rows: Sequence[CategoryCounts], statuses: Sequence[str], title: str) -> Html:
    """A horizontal stacked bar per category: how many requirements are in each status."""
    label_w, right_pad, row_h, bar_h, top = 190.0, 64.0, 26.0, 16.0, 34.0
    scale = (WIDTH - label_w - right_pad) / max([r.total for r in rows] + [1])
    body: list[str] = [_legend(statuses, 18, label_w)]
    desc = []
    for i, row in enumerate(rows):
        y = top + i * row_h
        counts = ", ".join(f"{row.counts.get(s, 0)} {s}" for s in statuses)
        desc.append(f"{row.category}: {counts}")
        name = row.category.replace("_", " ")
        parts: list[str] = [
            tag("title", f"{name}: {counts}"),
            tag("text", name, x=label_w - 8, y=y + bar_h - 4, text_anchor="end", class_="label"),
        ]
        x = label_w
        for status in statuses:
            n = row.counts.get(status, 0)
            if not n:
                continue
            w = n * scale
            parts.append(
                tag(
                    "rect",
                    tag("title", f"{name}: {n} {status}"),
                    x=x,
                    y=y,
                    width=w,
                    height=bar_h,
                    fill=STATUS_FILL[status],
                    class_=f"seg {status}",
                )
            )
            if w >= 16:
                parts.append(
                    tag(
                        "text",
                        str(n),
                        x=x + w / 2,
                        y=y + bar_h - 4,
                        text_anchor="middle",
                        fill=STATUS_TEXT[status],
                        class_="count",
                    )
                )
            x += w
        parts.append(tag("text", str(row.total), x=x + 6, y=y + bar_h - 4, class_="total"))
        data = {f"data_{s}": row.counts.get(s, 0) for s in statuses}
        body.append(tag("g", *parts, class_="bar", data_category=row.category, **data))
    height = top + len(rows) * row_h + 4
    return _svg(title, "; ".join(desc) or "no requirements", height, body, "coverage")


def score_chart(components: Sequence[ScoreComponent]) -> Html:
    """A bar per score component: the points earned out of its effective weight."""
    label_w, right_pad, row_h, bar_h, top = 150.0, 110.0, 28.0, 16.0, 8.0
    most = max([c.effective_weight * 100 for c in components] + [1.0])
    scale = (WIDTH - label_w - right_pad) / most
    body: list[str] = []
    desc = []
    for i, comp in enumerate(components):
        y = top + i * row_h
        name = comp.name.replace("_", " ")
        out_of = comp.effective_weight * 100
        text = f"{num(comp.points)} of {num(out_of)} points" if comp.applies else "does not apply"
        desc.append(f"{name}: {text}")
        parts: list[str] = [
            tag("title", f"{name}: {text} ({comp.detail})"),
            tag("text", name, x=label_w - 8, y=y + bar_h - 4, text_anchor="end", class_="label"),
        ]
        if comp.applies:
            parts.append(tag("rect", x=label_w, y=y, width=out_of * scale, height=bar_h, class_="track"))
            parts.append(tag("rect", x=label_w, y=y, width=comp.points * scale, height=bar_h, class_="fill"))
        parts.append(tag("text", text, x=label_w + out_of * scale + 6, y=y + bar_h - 4, class_="total"))
        body.append(
            tag(
                "g",
                *parts,
                class_="bar",
                data_component=comp.name,
                data_points=num(comp.points),
                data_max=num(out_of),
            )
        )
    return _svg("Match score by component", "; ".join(desc), top + len(components) * row_h, body, "score")


def ladder_chart(
    levels: Sequence[LevelScore],
    marks: Mapping[str, Sequence[str]],
    *,
    arrow: tuple[str, str] | None = None,
    scores: Mapping[str, float] | None = None,
) -> Html:
    """The ladder as a row of steps per track (by rank), its alternative paths in a row below, marked.

    ``levels`` are the ladder's levels and paths (a placement's ``fits``); ``marks`` names what each marked
    level is ('candidate', 'target', 'job', 'seniority'); ``arrow`` draws a move from one level to another;
    ``scores`` (the placement's vote share per level) draws a thin bar in each step.
    """
    label_w, box_h, top, row_gap = 110.0, 42.0, 58.0, 92.0
    rows = [(t, sorted((s for s in levels if s.track == t), key=lambda s: (s.rank, s.level))) for t in TRACK_LABELS]
    rows = [(t, steps) for t, steps in rows if steps]
    main_ranks = [s.rank for t, steps in rows if t != "alternative" for s in steps]
    paths = next((steps for t, steps in rows if t == "alternative"), [])
    columns = max([*main_ranks, len(paths), 1])
    col_w = (WIDTH - label_w) / columns
    box_w = min(96.0, col_w - 8)
    first_rank = min(main_ranks, default=1)
    centres: dict[str, tuple[float, float]] = {}
    body: list[str] = []
    for rank in range(first_rank, first_rank + columns):
        x = label_w + (rank - first_rank + 0.5) * col_w
        body.append(tag("text", f"rank {rank}", x=x, y=14, text_anchor="middle", class_="axis"))
    for row, (track, steps) in enumerate(rows):
        y = top + row * row_gap
        body.append(tag("text", TRACK_LABELS[track], x=0, y=y + box_h / 2 + 4, class_="label track-label"))
        for i, step in enumerate(steps):
            column = i if track == "alternative" else step.rank - first_rank
            x = label_w + column * col_w + (col_w - box_w) / 2
            centres[step.level] = (x + box_w / 2, y + box_h / 2)
            body.append(_level_box(step, x, y, box_w, box_h, marks.get(step.level, ()), scores))
    if arrow is not None and arrow[0] in centres and arrow[1] in centres and arrow[0] != arrow[1]:
        body.append(_arrow(centres[arrow[0]], centres[arrow[1]], box_w, box_h))
    names = {s.level: s for s in levels}
    desc = [
        f"{', '.join(marks[lv])}: {names[lv].name} ({names[lv].track}, rank {names[lv].rank})"
        for lv in marks
        if lv in names and marks[lv]
    ]
    defs = tag(
        "defs",
        tag(
            "marker",
            tag("path", d="M0,0 L10,5 L0,10 z", fill=TARGET),
            id="gf-arrow",
            viewBox="0 0 10 10",
            refX=9,
            refY=5,
            markerWidth=7,
            markerHeight=7,
            orient="auto-start-reverse",
        ),
    )
    height = top + (len(rows) - 1) * row_gap + box_h + 30
    title = "Position on the career ladder"
    return _svg(title, "; ".join(desc) or "no level placed", height, [defs, *body], "ladder")


def _level_box(
    step: LevelScore,
    x: float,
    y: float,
    w: float,
    h: float,
    marks: Sequence[str],
    scores: Mapping[str, float] | None,
) -> Html:
    is_candidate = "candidate" in marks
    is_target = any(m in ("target", "job") for m in marks)
    cls = "step" + (" candidate" if is_candidate else "") + (" target" if is_target else "")
    cls += " path" if step.track == "alternative" else ""
    title = step.name + (f" — {' and '.join(marks)}" if marks else "")
    parts: list[str] = [
        tag("title", title),
        tag("rect", x=x, y=y, width=w, height=h, rx=6, class_="box"),
        tag("text", step.short, x=x + w / 2, y=y + h / 2 + 1, text_anchor="middle", class_="name"),
    ]
    score = (scores or {}).get(step.level)
    if score is not None:
        parts.append(tag("rect", x=x + 6, y=y + h - 9, width=w - 12, height=4, rx=2, class_="score-track"))
        parts.append(tag("rect", x=x + 6, y=y + h - 9, width=(w - 12) * score, height=4, rx=2, class_="score-fill"))
    if marks:
        label = " · ".join("you" if m == "candidate" else m for m in marks)
        parts.append(tag("text", f"▲ {label}", x=x + w / 2, y=y + h + 16, text_anchor="middle", class_="mark"))
    return tag(
        "g",
        *parts,
        class_=cls,
        data_level=step.level,
        data_track=step.track,
        data_rank=step.rank,
        data_mark=" ".join(marks) or None,
    )


def _arrow(start: tuple[float, float], end: tuple[float, float], w: float, h: float) -> Html:
    (x1, y1), (x2, y2) = start, end
    if abs(y1 - y2) < 1:  # same track: an arc from the top of one step over to the top of the other
        top = y1 - h / 2
        d = f"M{num(x1)},{num(top)} Q{num((x1 + x2) / 2)},{num(top - 36)} {num(x2)},{num(top - 2)}"
    else:  # across tracks: between the facing corners, clear of the marks centred under the steps
        side = w / 2 - 10
        dx1, dx2 = (side, -side) if x2 > x1 else (-side, side) if x2 < x1 else (side, side)
        sy, ey = (y1 + h / 2, y2 - h / 2 - 2) if y2 > y1 else (y1 - h / 2, y2 + h / 2 + 2)
        d = f"M{num(x1 + dx1)},{num(sy)} L{num(x2 + dx2)},{num(ey)}"
    return tag("path", d=d, class_="arrow", marker_end="url(#gf-arrow)")


__all__ = ["TRACK_LABELS", "CategoryCounts", "coverage_chart", "ladder_chart", "score_chart"]
