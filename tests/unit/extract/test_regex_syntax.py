"""``extract/regex_syntax.py``: gapfinder's own parser of the regex syntax its patterns use.

``trie``'s analyses (first characters, start literals, lower-case only) on this parser give what they gave
on CPython's private ``re._parser`` (``helpers.sre_trie``, a copy of the old ``trie``), for every pattern
gapfinder analyses and for a table of syntax cases; a pattern outside the syntax is left alone.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from gapfinder.extract import regex_syntax as S
from gapfinder.extract import trie

try:
    from helpers import sre_trie
except ImportError:  # a Python without re._parser: the reference cannot be had
    pytest.skip("re._parser is not available on this Python", allow_module_level=True)

IC = re.IGNORECASE

# what the project's modules hand to trie's analyses, recorded at import and over the example documents
_RECORD = r"""
import json, re, sys
import gapfinder.extract.trie as t
seen = []
def wrap(name):
    real = getattr(t, name)
    def recorded(pattern, flags=0, *args, **kwargs):
        seen.append((name, pattern, int(flags)))
        return real(pattern, flags, *args, **kwargs)
    return recorded
for name in ("guarded", "start_literals", "first_chars"):
    setattr(t, name, wrap(name))
real_lower = t.lowercase_only
t.lowercase_only = lambda pattern: (seen.append(("lowercase_only", pattern, 0)), real_lower(pattern))[1]
from pathlib import Path
from gapfinder import Engine
engine = Engine()
for path in sorted([*Path(sys.argv[1]).glob("resumes/*.txt"), *Path(sys.argv[1]).glob("jobs/*.txt")]):
    engine.analyze(path, kind="job" if path.parent.name == "jobs" else "resume")
from gapfinder.extract import leadership
for kind in leadership.KINDS:  # the guarded scans of whole texts, compiled on first use
    scanner = leadership._compile_kind(kind)
    scanner.pattern, scanner.guarded_lowered
print(json.dumps(sorted(set(seen))))
"""


def _project_patterns() -> list[tuple[str, str, int]]:
    from helpers import ROOT

    out = subprocess.run(
        [sys.executable, "-c", _RECORD, str(ROOT / "examples")], capture_output=True, text=True, check=True
    )
    return [(name, pattern, flags) for name, pattern, flags in json.loads(out.stdout)]


PROJECT = _project_patterns()

CASES: list[tuple[str, int]] = [
    (r"abc", 0),
    (r"abc", IC),
    (r"\bteam\slead(?:er)?\b", IC),
    (r"(?<!tech\s)\b(?:led|managed)\s(?:a\s|the\s)?(?:[\w&/-]+\s){0,3}?(?:team|group)\b(?!['’])", IC),
    (r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}", 0),
    (r"\s*(?:,|and|&|/)\s*", 0),
    (r"(?:(?<=[^\n]{30})|(?<=[-–&,/]))\n(?=[A-Za-z(])", 0),
    (r"(?P<dd>\d{1,2})(?P<sep>[./])(?P<dm>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)", 0),
    (r"(?i)kubernetes|k8s", 0),
    (r"(?i:Docker)s?", 0),
    (r"(?-i:Go)\b", IC),
    (r"a{2,}b{,3}c{4}d{}e{x", 0),
    (r"\x41\u00e9\N{LATIN SMALL LETTER A}\t\0\101", 0),
    (r"[]a-c\]\-\\^]+", 0),
    (r"[^abc]x|[\d.]y", 0),
    (r"^\A(?:foo)$\Z", 0),
    (r"\B(?>atomic)z", 0),
    (r"(a)\1", 0),
    (r"(?#a comment)abc", 0),
    (r".abc", 0),
    (r"x*?y+?z??", 0),
    (r"x*+y++", 0),
    (r"\$\d+(?:\.\d+)?[km]?", IC),
    (r"ÄÖÜ|äöü|ſ|İ", IC),
    (
        r"""
        (?=\w)(?<!\w)   # a comment
        (?: (?P<a> foo ) \s? bar [ ]x  # more
          | \d{2} \ baz
        )""",
        IC | re.VERBOSE,
    ),
    (r"(?x) a b # c", 0),
    (r"(?:)", 0),
    (r"", 0),
    (r"a|", 0),
    (r"(?(1)a|b)", 0),  # a conditional: outside the syntax
    (r"a**", 0),  # invalid
    (r"(abc", 0),  # invalid
    (r"\q", 0),  # invalid
]


def _answers(module: Any, pattern: str, flags: int) -> dict[str, Any]:
    guarded = None
    try:
        compiled = module.guarded(pattern, flags)
        guarded = (compiled.pattern, compiled.flags)
    except re.error:
        pass
    return {
        "first_chars": module.first_chars(pattern, flags),
        "first_chars_3": module.first_chars(pattern, flags, 3),
        "start_literals": module.start_literals(pattern, flags),
        "lowercase_only": module.lowercase_only(pattern),
        "guarded": guarded,
    }


def test_the_project_hands_trie_its_patterns() -> None:
    kinds = {name for name, _, _ in PROJECT}
    assert kinds == {"guarded", "start_literals", "lowercase_only"}, kinds
    assert len(PROJECT) > 20


@pytest.mark.parametrize(("name", "pattern", "flags"), PROJECT, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(PROJECT)])
def test_project_patterns_analyse_as_on_re_parser(name: str, pattern: str, flags: int) -> None:
    assert _answers(trie, pattern, flags) == _answers(sre_trie, pattern, flags)


@pytest.mark.parametrize(("pattern", "flags"), CASES)
def test_syntax_cases_analyse_as_on_re_parser(pattern: str, flags: int) -> None:
    assert _answers(trie, pattern, flags) == _answers(sre_trie, pattern, flags)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        ("ab", 0, [(S.LITERAL, "a"), (S.LITERAL, "b")]),
        (r"\d", 0, [(S.IN, [(S.CATEGORY, r"\d")])]),
        (r"[^a-c]", 0, [(S.IN, [(S.NEGATE, None), (S.RANGE, ("a", "c"))])]),
        ("a{2,}?", 0, [(S.REPEAT, (2, S.MAXREPEAT, [(S.LITERAL, "a")]))]),
        ("x{,3}", 0, [(S.REPEAT, (0, 3, [(S.LITERAL, "x")]))]),
        ("{}", 0, [(S.LITERAL, "{"), (S.LITERAL, "}")]),
        ("a|b", 0, [(S.BRANCH, [[(S.LITERAL, "a")], [(S.LITERAL, "b")]])]),
        ("(?i:a)", 0, [(S.SUBPATTERN, (None, IC, 0, [(S.LITERAL, "a")]))]),
        ("(?<!a)b", 0, [(S.ASSERT_NOT, (-1, [(S.LITERAL, "a")])), (S.LITERAL, "b")]),
        (r"\b", 0, [(S.AT, S.BOUNDARY)]),
        (" a # c\n b", re.VERBOSE, [(S.LITERAL, "a"), (S.LITERAL, "b")]),
        (r"[ ]\ ", re.VERBOSE, [(S.IN, [(S.LITERAL, " ")]), (S.LITERAL, " ")]),
    ],
)
def test_trees(pattern: str, flags: int, expected: list[S.Node]) -> None:
    assert S.parse(pattern, flags).items == expected


def test_leading_flags_are_global() -> None:
    assert S.parse("(?ix) a", 0).flags == IC | re.VERBOSE
    assert S.parse("(?ix) a", 0).items == [(S.LITERAL, "a")]


@pytest.mark.parametrize(
    "pattern", ["(?(1)a|b)", "a(?i)b", "a**", "(abc", "abc)", r"\q", "[a", r"(?P<x>a)(?P<x>b)", "*a"]
)
def test_outside_the_syntax_is_an_error(pattern: str) -> None:
    with pytest.raises(S.RegexSyntaxError):
        S.parse(pattern)
