"""Short and lower-case names take their evidence from the line: a tag line, a coordination with a name, a
name used inside a sentence; a label heading a list names the kind of its items, not one more skill."""

from __future__ import annotations

import pytest

from gapfinder import Engine
from helpers import analysed_skill_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Technologies: c#, r, qa, rest", {"c#", "r", "quality-assurance", "rest-api"}),
        ("Technologies\njava java-ee spring go", {"java", "spring", "go"}),  # a labelled line of tags
        ("Tech stack: go, spring, kafka", {"go", "spring", "kafka"}),
        ("Environment: c, r, sql", {"c", "r", "sql"}),
        ("Skills\npython, go, r", {"python", "go", "r"}),  # a list line of a resume's skills section
    ],
)
def test_tag_lines_list_names_in_any_case(engine: Engine, text: str, expected: set[str]) -> None:
    assert expected <= analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We go to c and r for lunch, then rest.", {"go", "c", "r", "rest-api"}),  # no tag line
        ("Technologies\nazure android ionic-framework", {"ionic-framework-only"}),
        ("Skills: hard &amp; smart working", {"amp"}),  # an HTML entity
        ("Cloud: AWS (S3, EC2, SageMaker - basic)", {"basic"}),  # a lower-case name in a note
    ],
)
def test_no_tag_line_no_lower_case_short_names(engine: Engine, text: str, absent: set[str]) -> None:
    assert not absent & analysed_skill_ids(engine, text, "job")


def test_a_tag_is_a_whole_tag(engine: Engine) -> None:
    report = engine.analyze_text("Technologies\nazure android ionic-framework\n", kind="job")
    ionic = [m.text for f in report.skills if f.id == "ionic" for m in f.mentions]
    assert ionic == ["ionic-framework"]  # the variant of the whole tag, not 'ionic' of it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We want experience with Ray or Spark.", {"ray", "apache-spark"}),
        ("You know Python, Go or Rust.", {"python", "go", "rust"}),
        ("You will use Swift for on-device inference.", {"swift", "edge-ml"}),
    ],
)
def test_names_confirmed_by_the_sentence(engine: Engine, text: str, expected: set[str]) -> None:
    assert expected <= analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    "text",
    [
        "Go to the store and Spark interest in kids.",
        "A swift response to AWS outages.",
        "Ray Charles or Kubernetes Hall of Fame",  # a capitalised word after: a person's name
    ],
)
def test_everyday_senses_stay_out(engine: Engine, text: str) -> None:
    assert not {"go", "apache-spark", "swift"} & analysed_skill_ids(engine, text, "job")


@pytest.mark.parametrize(
    ("text", "label", "items"),
    [
        ("Operating Systems: Windows, Linux", "operating-systems", {"windows", "linux"}),
        ("• Build Tools: Maven, Gradle", "build-systems", {"maven", "gradle"}),
        ("Skills\nContinuous Integration: Jenkins", "continuous-integration", {"jenkins"}),
        ("Operating systems:\n• Windows Server 2012, Linux", "operating-systems", {"linux"}),
        ("Skills\nAutomated Build Tools: Maven", "build-systems", {"maven"}),  # a word before the label
        ("Skills\nOperating Systems Windows 7, Linux", "operating-systems", {"linux"}),  # no colon, items at once
        ("Skills\nOperating systems\n• Windows Server 2012", "operating-systems", {"windows-server"}),
    ],
)
def test_a_label_heading_a_list_is_no_mention(engine: Engine, text: str, label: str, items: set[str]) -> None:
    """The items imply the label (Windows implies operating systems): what it tells stays with them."""
    found = analysed_skill_ids(engine, text)
    assert label not in found
    assert items <= found


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Java: Spring, Hibernate", "java"),  # a language heading its frameworks is held too
        ("Continuous Integration: set up for 12 teams", "continuous-integration"),  # no list after it
        ("Built CI with Jenkins: Continuous Integration, Maven", "continuous-integration"),  # not at a line start
        ("Cloud: Ansible, Terraform", "cloud-computing"),  # no item implies it: more than a label
        ("Requirements\nJava\nSpring\nSpring Boot\n", "spring"),  # one item of a column, no label
        ("Built the Operating Systems course, Linux labs", "operating-systems"),  # no label at a line start
    ],
)
def test_labels_that_stay(engine: Engine, text: str, skill: str) -> None:
    assert skill in analysed_skill_ids(engine, text)
