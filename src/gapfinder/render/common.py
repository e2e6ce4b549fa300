"""Formatting shared by the text and Markdown reports."""

from __future__ import annotations

from ..models import EducationFinding, SalaryBand, SkillRequirementStatus


def years(value: float | None) -> str:
    return "unknown" if value is None else f"{value:g} years"


def pct(value: float) -> str:
    return f"{round(value * 100)}%"


def money(band: SalaryBand) -> str:
    top = f"${band.max:,}" if band.max is not None else ""
    plus = "+" if band.open_ended else ""
    return f"${band.min:,}–{top}{plus} {band.currency}" if top else f"${band.min:,}{plus} {band.currency}"


def degree_label(e: EducationFinding) -> str:
    """'bachelor in computer science': the degree and its field in words (the field's id is a slug of its name)."""
    return e.degree + (f" in {e.field.replace('-', ' ')}" if e.field else "")


def how_met(s: SkillRequirementStatus) -> str | None:
    """How a requirement is met other than directly, in display names ('Deep learning, implied by PyTorch');
    None when it is met directly or not at all."""
    matched = s.matched_name or s.matched_skill
    if s.via == "implied":
        source = s.implied_by_name or s.implied_by or ""
        if source.startswith("signal:"):
            source = f"the {source[7:].replace('_', ' ')} evidence"
        return f"{matched}, implied by {source}"
    if s.via == "alternative":
        return f"{matched} accepted as an alternative"
    if s.via == "assumed":
        return f"{matched}, assumed (what-if), not in the document"
    return None


def requirement_note(s: SkillRequirementStatus) -> str:
    """How a requirement is met, in display names ('Deep learning: Deep learning, implied by PyTorch')."""
    how = how_met(s)
    return f"{s.label}: {how}" if how else s.label


__all__ = ["degree_label", "how_met", "money", "pct", "requirement_note", "years"]
