"""Formatting shared by the text and Markdown reports."""

from __future__ import annotations

from ..models import SalaryBand, SkillRequirementStatus


def years(value: float | None) -> str:
    return "unknown" if value is None else f"{value:g} years"


def pct(value: float) -> str:
    return f"{round(value * 100)}%"


def money(band: SalaryBand) -> str:
    top = f"${band.max:,}" if band.max is not None else ""
    plus = "+" if band.open_ended else ""
    return f"${band.min:,}–{top}{plus} {band.currency}" if top else f"${band.min:,}{plus} {band.currency}"


def requirement_note(s: SkillRequirementStatus) -> str:
    """How a requirement is met, in display names ('Deep learning: Deep learning, implied by PyTorch')."""
    matched = s.matched_name or s.matched_skill
    if s.via == "implied":
        source = s.implied_by_name or s.implied_by or ""
        if source.startswith("signal:"):
            source = f"the {source[7:].replace('_', ' ')} evidence"
        return f"{s.label}: {matched}, implied by {source}"
    if s.via == "alternative":
        return f"{s.label}: {matched} accepted as an alternative"
    if s.via == "assumed":
        return f"{s.label}: {matched}, assumed (what-if), not in the document"
    return s.label


__all__ = ["money", "pct", "requirement_note", "years"]
