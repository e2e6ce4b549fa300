"""A word-like product name written with its release number ('Oracle 10g', 'Flex 3.0') is the product;
a bare number or a year after a word is not a release ('Spring 2010', 'Expo 2010', 'Nexus 9k')."""

from __future__ import annotations

import pytest

from gapfinder import Engine

IDS = {"oracle-database", "adobe-flex", "eclipse", "spring", "sonatype-nexus", "expo"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maintained the billing schema on Oracle 10g for the finance team.", ["oracle-database"]),
        ("Tuned queries on Oracle 11i.", ["oracle-database"]),
        ("Rewrote the dashboard in Flex 3.0 last summer.", ["adobe-flex"]),
        ("Wrote the plug-in against Eclipse 3.1.1 on a laptop.", ["eclipse"]),
        ("Teaching assistant, Spring 2010.", []),
        ("Presented a poster at the Careers Expo 2010.", []),
        ("Upgraded the Cisco Nexus 9k leaf switches.", []),
    ],
)
def test_release_numbers(engine: Engine, text: str, expected: list[str]) -> None:
    report = engine.analyze_text(text, kind="resume")
    assert sorted(s.id for s in report.skills if s.id in IDS) == expected
