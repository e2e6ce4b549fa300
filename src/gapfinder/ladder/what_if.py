"""What if the person had this too? Reading the items to assume, and saying what changed.

An item is a skill or certification (its id, name or any alias: "Kubernetes", "k8s", "CKA"), a leadership
signal ("manages managers", "people_management"), or years ("2 years", "1.5 yrs"). ``Engine.what_if`` re-runs
placement, gap and plan on the profile with the items added (``Profile.assuming``): nothing assumed is ever
shown as evidence, and every requirement it meets says ``via="assumed"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from ..errors import UsageError
from ..kinds import SignalKind
from ..models import Report
from ..taxonomy import Taxonomy

_YEARS = re.compile(r"^\s*(\d{1,2}(?:\.\d+)?)\s*\+?\s*(?:more\s+)?(?:years?|yrs?|y)\s*(?:of\s+experience)?\s*$", re.I)
SIGNALS: frozenset[str] = frozenset(get_args(SignalKind))


@dataclass
class Assumptions:
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    signals: list[SignalKind] = field(default_factory=list)
    years: float = 0.0
    names: list[str] = field(default_factory=list)  # what was assumed, in display words


def surface_index(tax: Taxonomy) -> dict[str, tuple[str, str]]:
    """Case-folded id, name, alias or exam code -> ("skill" | "certification", id)."""
    out: dict[str, tuple[str, str]] = {}
    for c in tax.certifications.values():
        for s in (c.id, c.name, *c.aliases, *c.exam_codes):
            out.setdefault(s.casefold(), ("certification", c.id))
    for sk in tax.skills.values():
        for s in (sk.id, sk.name, *sk.aliases):
            out.setdefault(s.casefold(), ("skill", sk.id))
    return out


def read_items(items: list[str], tax: Taxonomy, index: dict[str, tuple[str, str]]) -> Assumptions:
    """The items to assume; an item that is none of the kinds above is a ``UsageError`` naming it."""
    out = Assumptions()
    for raw in items:
        item = " ".join(raw.split())
        if not item:
            continue
        years = _YEARS.match(item)
        signal = item.lower().replace(" ", "_").replace("-", "_")
        if years:
            out.years += float(years.group(1))
            out.names.append(f"{float(years.group(1)):g} more years of experience")
        elif signal in SIGNALS:
            out.signals.append(signal)  # type: ignore[arg-type]
            out.names.append(f"leadership: {signal.replace('_', ' ')}")
        elif item.casefold() in index:
            kind, ref = index[item.casefold()]
            if kind == "skill":
                out.skills.append(ref)
                out.names.append(tax.skills[ref].name)
            else:
                out.certifications.append(ref)
                out.names.append(tax.certifications[ref].name)
        else:
            raise UsageError(
                f"cannot assume {item[:80]!r}: it is not a skill or certification of the taxonomy, a leadership "
                f"signal ({', '.join(sorted(SIGNALS))}) or 'N years'"
            )
    if not out.names:
        raise UsageError("nothing to assume: give skills, certifications, leadership signals or 'N years'")
    return out


def changes(before: Report, after: Report) -> tuple[str, ...]:
    """What the assumptions changed, one plain sentence each (the same target's coverage first)."""
    out: list[str] = []
    pb, pa = before.placement, after.placement
    if pb is not None and pa is not None:
        if (pb.level, pb.seniority) != (pa.level, pa.seniority):
            out.append(f"placement: {pb.level_name} → {pa.level_name}")
        else:
            out.append(f"placement unchanged: {pa.level_name}")
        if pa.next is not None and (pb.next is None or pb.next.level != pa.next.level):
            out.append(f"the next step up would be {pa.next.name}")
        if pb.fit != pa.fit:
            out.append(f"fit: {pb.fit.replace('_', ' ')} → {pa.fit.replace('_', ' ')}")
    gb, ga = before.gap, after.gap
    if gb is not None and ga is not None:
        if gb.target == ga.target:
            out.append(f"coverage of {ga.target_name}: {round(gb.coverage * 100)}% → {round(ga.coverage * 100)}%")
        else:
            out.append(
                f"the gap now targets {ga.target_name} (was {gb.target_name}, {round(gb.coverage * 100)}%): "
                f"coverage {round(ga.coverage * 100)}%"
            )
        newly = [s.label for s in ga.skills if s.via == "assumed"]
        if newly:
            out.append("met by what was assumed: " + "; ".join(newly))
        if gb.years_shortfall and not ga.years_shortfall and gb.target == ga.target:
            out.append(f"the {ga.target_name} years are reached")
    if before.plan is not None and after.plan is not None and len(after.plan.steps) != len(before.plan.steps):
        out.append(f"plan: {len(before.plan.steps)} steps → {len(after.plan.steps)}")
    return tuple(out)


__all__ = ["Assumptions", "changes", "read_items", "surface_index"]
