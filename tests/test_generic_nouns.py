"""Generic practice nouns ('testing', 'security', 'monitoring') as skills: with a confirming word nearby
and only where the noun ends its phrase (``Ambiguity.head_noun``), not as a modifier or a verb with its
object."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import skill_mentions

IDS = {"software-testing", "cybersecurity", "observability"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generic noun ending its phrase, confirmed by a word of its field
        ("Owned deployment, testing and code review for the billing service.", [("software-testing", "testing")]),
        ("Hands-on with logging and monitoring in production.", [("observability", "monitoring")]),
        ("Strong security experience with IAM and PKI.", [("cybersecurity", "security")]),
        ("Wrote manual testing checklists? No: did regression and manual testing.", [("software-testing", "testing")]),
        # a modifier of the next word, or a verb with its object
        ("Ran security scans on the network every week.", []),
        ("Monitoring Postgres replicas and alerting on lag.", []),
        ("Testing Cisco routers in the production lab.", []),
        # no confirming word: an everyday word
        ("We value security and a friendly office.", []),
    ],
)
def test_generic_nouns(engine: Engine, text: str, expected: list[tuple[str, str]]) -> None:
    assert skill_mentions(engine.analyze_text(text, kind="resume"), IDS) == expected
