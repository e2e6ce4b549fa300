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
    if s.via == "implied":
        source = s.implied_by or ""
        source = f"the {source[7:].replace('_', ' ')} evidence" if source.startswith("signal:") else source
        return f"{s.label}: {s.matched_skill}, implied by {source}"
    if s.via == "alternative":
        return f"{s.label}: {s.matched_skill} accepted as an alternative"
    return s.label


__all__ = ["money", "pct", "requirement_note", "years"]
