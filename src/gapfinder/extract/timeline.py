"""Month arithmetic shared by experience and per-skill usage: months as integers, unions of intervals."""

from __future__ import annotations

from collections.abc import Iterable


def month_index(ym: str | tuple[int, int]) -> int:
    """'2020-03' or (2020, 3) -> a month number (year * 12 + month - 1)."""
    if isinstance(ym, str):
        y, m = ym.split("-")[:2]
        return int(y) * 12 + int(m) - 1
    return ym[0] * 12 + ym[1] - 1


def ym_string(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def union_months(spans: Iterable[tuple[int, int]]) -> int:
    """Length in months of the union of [start, end] month spans (end exclusive in length terms)."""
    ivs = sorted((a, b) for a, b in spans if b >= a)
    if not ivs:
        return 0
    total = 0
    cs, ce = ivs[0]
    for a, b in ivs[1:]:
        if a <= ce:
            ce = max(ce, b)
        else:
            total += ce - cs
            cs, ce = a, b
    return total + ce - cs


__all__ = ["month_index", "union_months", "ym_string"]
