"""Business domains (category ``domain``): an industry counts when a post asks for it or a resume claims it
(an ``Industry:`` field, "experience in ...", a skills list), not when it is a word of a company name or
of the company's own story."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.models import DocumentKind, Report


def _domains(report: Report) -> list[tuple[str, str]]:
    return sorted((s.id, m.text) for s in report.skills if s.category == "domain" for m in s.mentions)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # asked for or claimed: a label or an experience word nearby
        ("Industry: Insurance Sector Software", "job", [("domain-insurance", "Insurance Sector")]),
        ("Industry:\nTravel Fintech Marketplaces\n", "job", [("domain-fintech", "Fintech")]),
        (
            "You have 3+ years of experience in the healthcare industry.",
            "job",
            [("domain-healthcare", "healthcare industry")],
        ),
        ("Background in capital markets is a plus.", "job", [("domain-capital-markets", "capital markets")]),
        (
            "Domain knowledge: telecom, retail banking",
            "resume",
            [("domain-banking", "retail banking"), ("domain-telecommunications", "telecom")],
        ),
        # perks and the company's story are no domain claim without such a word
        ("We offer private healthcare and a gym budget.", "job", []),
        ("We sell furniture online and are growing our e-commerce shop fast.", "job", []),
        # the last word of a company name
        ("Data Engineer at Northwind Logistics, Oslo (2019-2021)\nBuilt ETL in Python.", "resume", []),
        ("Analyst, Brightwater Payments is a great employer with experience", "resume", []),
        # a line of capitalised tags is a list, not a name
        (
            "Industry: Broadcast Telecommunications Television",
            "job",
            [("domain-telecommunications", "Telecommunications")],
        ),
    ],
)
def test_domain_mentions(engine: Engine, text: str, kind: DocumentKind, expected: list[tuple[str, str]]) -> None:
    assert _domains(engine.analyze_text(text, kind=kind)) == expected
