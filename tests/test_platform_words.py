"""Platform words that are English words, names or letters ('Mac', 'PC', 'Vista', 'Windows', 'Access') count
only with context: a list of operating systems or platforms, a Windows version, Office products around."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import skills_among

IDS = {"macos", "pc", "windows", "ms-access"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comfortable on both PC and Mac platforms.", ["macos", "pc"]),
        ("Operating systems: Win XP, Vista, Linux", ["windows"]),
        ("Tested the installer on Win NT and Win 2000 machines.", ["windows"]),
        ("Operating System Windows family, Solaris", ["windows"]),
        ("Built reports with Microsoft Word, Excel, PowerPoint and Access", ["ms-access"]),
        ("Configured MAC address filtering on the office routers.", []),
        ("Ordered a Big Mac and fries.", []),
        ("Designed levels for two PC games.", []),
        ("Moved to Chula Vista in 2015.", []),
        ("Improved visibility and access for wheelchair users.", []),
    ],
)
def test_platform_words(engine: Engine, text: str, expected: list[str]) -> None:
    assert skills_among(engine.analyze_text(text, kind="resume"), IDS) == expected
