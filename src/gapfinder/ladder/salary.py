"""A ladder level's pay band as the reports show it."""

from __future__ import annotations

from ..models import SalaryBand
from ..taxonomy.schema import Level


def salary_band(level: Level) -> SalaryBand | None:
    """The level's yearly band (hourly rates are not shown as a band)."""
    s = level.salary
    if s is None or s.unit != "year":
        return None
    return SalaryBand(min=s.min, max=s.max, currency=s.currency, open_ended=s.open_ended)


__all__ = ["salary_band"]
