"""A chunk that starts with a JavaScript library's name ("Node.js/JavaScript") is names, not a web address;
real addresses stay one token, so no skill is found inside a URL path."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from gapfinder.extract.phrase_index import make_nlp


@pytest.mark.parametrize(
    ("chunk", "tokens"),
    [
        ("Node.js/JavaScript,", ["Node.js", "/", "JavaScript", ","]),
        ("vue.js/react-based", ["vue.js", "/", "react", "-", "based"]),
        ("D3.js", ["D3.js"]),
        ("github.com/someone/python-tools", ["github.com/someone/python-tools"]),
        ("https://www.example.org/java", ["https://www.example.org/java"]),
        ("HackerRank.com", ["HackerRank.com"]),
    ],
)
def test_js_names_are_not_web_addresses(chunk: str, tokens: list[str]) -> None:
    assert [t.text for t in make_nlp().tokenizer(chunk)] == tokens


def test_skills_on_both_sides_of_a_js_slash(engine: Engine) -> None:
    report = engine.analyze_text("Languages: Node.js/JavaScript, Ruby, Perl", kind="resume")
    assert {"node.js", "javascript", "ruby", "perl"} <= {s.id for s in report.skills}
