"""tools/build_taxonomy.py: the pure functions on tiny in-test sources, and the committed generated.yaml in sync.

The English-word test is injected: here a fixed word list stands in for wordfreq, so these tests need neither
wordfreq nor the source files. Only the sync test needs both, and skips cleanly without them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from gapfinder.taxonomy.schema import SkillsFile
from helpers import ROOT, SHARED

SOURCES = SHARED / "taxonomy-sources"
GENERATED = ROOT / "skills_taxonomy" / "skills" / "generated.yaml"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_taxonomy", ROOT / "tools" / "build_taxonomy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_taxonomy"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


bt = _load_tool()


def _words(text: str) -> list[str]:
    return text.split()


# a stand-in for wordfreq: "english" = at least once per million words, "common" = very frequent
COMMON = set(
    _words(
        "the a an and of for to in on with by this that access word project teams notes less web good reader work "
        "day data vision learn code red case etc tool software development"
    )
)
ENGLISH = COMMON | set(
    _words(
        "excel flash outlook zoom toad blender music publisher final cut pro system systems analysis scheduling "
        "spreadsheet database databases toxicology management customer relationship structured query language "
        "cloud computing services web amazon provision library global seismic explorer internet sql apex "
        "interactive visualization time sequences oracle microsoft google engine cross acid sequence developer "
        "deoxyribonucleic clinical planning rational spark fluent objective aimed profile estimate plan explore"
    )
)
WORDS = bt.Lexicon(english=bt.word_list(ENGLISH), common=bt.word_list(COMMON))
LEX = bt.Lexicon(
    english=WORDS.english,
    common=WORDS.common,
    vendors=frozenset({"microsoft", "adobe", "oracle", "esri", "ibm", "ibm rational"}),
    strong_vendors=frozenset({"microsoft", "oracle", "ms"}),
)


# ---------------------------------------------------------------------------------------------- categories
@pytest.mark.parametrize(
    ("title", "name", "tail", "expected"),
    [
        ("Data base management system software", "Teradata", "", "database"),
        ("Operating system software", "Solaris", "", "os"),
        ("Web platform development software", "Apache Struts", "", "web"),
        ("Analytical or scientific software", "Minitab", "", "analytics"),
        ("Development environment software", "Eclipse IDE", "", "tool"),  # IDEs are tools
        ("Object or component oriented development software", "Scala", "", "language"),  # a Linguist language
        ("Development environment software", "ICON", "programming language", "language"),  # from the name's tail
        ("Program testing software", "Selenium", "", "testing"),
        ("Medical software", "MEDITECH", "", "tool"),  # unlisted titles are applications
        ("Action games", "Minecraft", "", None),  # not a skill area
    ],
)
def test_onet_category(title: str, name: str, tail: str, expected: str | None) -> None:
    assert bt.onet_category(title, name, tail, {"scala", "python"}) == expected


def _row(title: str, occupations: int = 1, *, hot: bool = False, computing: bool = False) -> dict[str, object]:
    return {"example": "X", "title": title, "occupations": occupations, "hot": hot, "computing": computing}


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (_row("Medical software"), False),  # one trade's application
        (_row("Analytical or scientific software"), False),
        (_row("Data base user interface and query software"), False),
        (_row("Medical software", 3), True),  # widely used
        (_row("Medical software", hot=True), True),
        (_row("Medical software", computing=True), True),
        (_row("Word processing software"), True),  # general-purpose software, however few list it
        (_row("Operating system software"), True),
        (_row("Development environment software"), True),
        (_row("Graphics or photo imaging software"), True),
    ],
)
def test_onet_relevant(row: dict[str, object], expected: bool) -> None:
    assert bt.onet_relevant(row) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python is a general-purpose programming language.", "language"),
        ("A key-value database written in Go.", "database"),
        ("A Linux distribution for servers.", "os"),
        ("A JavaScript framework for building user interfaces.", "web"),
        ("An open-source continuous integration server.", "devops"),
        ("A testing framework for Ruby.", "testing"),
        ("A note-taking app.", "tool"),
    ],
)
def test_infer_category(text: str, expected: str) -> None:
    assert bt.infer_category(text) == expected


# ---------------------------------------------------------------------------------------------- name parsing
@pytest.mark.parametrize(
    ("raw", "name", "aliases", "expansions"),
    [
        ("Microsoft Visio", "Microsoft Visio", [], []),
        ("Structured query language SQL", "SQL", [], ["Structured query language"]),
        (
            "Amazon Web Services AWS CloudFormation",
            "Amazon Web Services CloudFormation",
            ["AWS CloudFormation"],
            ["Amazon Web Services"],
        ),
        ("Citrix cloud computing software", "Citrix", [], []),  # descriptive tail and generic head go
        ("Adobe Experience Manager (AEM)", "Adobe Experience Manager", ["AEM"], []),
        ("ESRI ArcGIS (analytical or scientific feature)", "ESRI ArcGIS", [], []),
        (
            "Analysis and Visualization of Time Sequences AVTS",
            "Analysis and Visualization of Time Sequences",
            ["AVTS"],
            ["Analysis and Visualization of Time Sequences"],
        ),
        ("Loom", "Loom", [], []),  # one capitalised word is a product
    ],
)
def test_parse_onet_name(raw: str, name: str, aliases: list[str], expansions: list[str]) -> None:
    parsed = bt.parse_onet_name(raw, WORDS)
    assert parsed is not None
    assert (parsed.name, parsed.aliases, parsed.expansions) == (name, aliases, expansions)


@pytest.mark.parametrize(
    "raw",
    [
        "Spreadsheet software",  # a kind of software
        "Toxicology databases",
        "Customer relationship management CRM software",  # a spelled-out kind, even with its acronym
        "Deoxyribonucleic acid DNA sequence analysis software",
        "Interactive visualization software",
    ],
)
def test_parse_onet_name_drops_kinds_of_software(raw: str) -> None:
    assert bt.parse_onet_name(raw, WORDS) is None


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("JSON", "JavaScript Object Notation", True),  # a later letter of a word
        ("SSRS", "SQL Server Reporting Services", True),
        ("XHTML", "Extensible hypertext markup language", True),  # eXtensible
        ("SAX", "Simple API for XML", True),  # connector skipped
        ("AVTS", "Analysis and Visualization of Time Sequences", True),
        ("AWS", "Amazon Elastic Compute", False),
    ],
)
def test_acronym_matches(acronym: str, words: str, expected: bool) -> None:
    assert bt.acronym_matches(acronym, _words(words)) is expected


def test_find_acronym_does_not_start_on_a_connector() -> None:
    acr = bt.find_acronym(_words("Analysis and Visualization of Time Sequences AVTS"))
    assert acr is not None and acr.start == 0 and acr.index == 6


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("PHP 5", "PHP"),
        ("Python 3.11", "Python"),
        ("Altera Quartus II", "Altera Quartus"),
        ("Microsoft Office 2016", "Microsoft Office"),
        ("Autodesk Fusion 360", None),  # three-digit numbers are part of the name
        ("5", None),
        ("Visio", None),
    ],
)
def test_strip_version(surface: str, expected: str | None) -> None:
    assert bt.strip_version(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Sage 50 Premium", "Sage 50"),
        ("Toad for Windows", "Toad"),
        ("Informix Enterprise Edition", "Informix"),
        ("Pro", None),
        ("Visio", None),
    ],
)
def test_strip_edition(surface: str, expected: str | None) -> None:
    assert bt.strip_edition(surface) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Microsoft Visio", ["Visio", "MS Visio"]),
        ("IBM Rational ClearCase", ["ClearCase"]),  # "Rational ClearCase" starts with an English word
        ("Adobe Acrobat", ["Acrobat"]),
        ("Cytel StatXact", ["StatXact"]),  # two names: O*NET puts the vendor first
        ("Apache Spark", []),  # no known vendor, and "Spark" is an English word
    ],
)
def test_vendor_stripped(name: str, expected: list[str]) -> None:
    assert bt.vendor_stripped(name, LEX) == expected


def test_vendor_prefixes_learns_vendors_from_names() -> None:
    names = ["Autodesk Maya", "Autodesk Revit", "Autodesk AutoCAD", "Scheduling Excel", "Scheduling Zoom"]
    names += ["Elite Software Salon", "Acme Visio"]
    vendors, strong = bt.vendor_prefixes(names, WORDS)
    assert "autodesk" in vendors
    assert "elite software" in vendors  # a company by its corporate word
    assert "scheduling" not in vendors  # an English word followed by English words is no vendor
    assert "acme" not in vendors  # one product only
    assert strong == frozenset()


# ---------------------------------------------------------------------------------------------- precision policy
@pytest.mark.parametrize(
    ("surface", "kind"),
    [
        ("Visio", "specific"),
        ("Access", "english"),  # a common English word
        ("Toad", "english"),
        ("GoodReader", "english"),  # two common words run together: "good reader" in prose
        ("Provisioning", "english"),  # the -ing form of an English word
        ("Algorithmic", "english"),  # a rare word with an English ending
        ("Middleware", "english"),
        ("VMware", "specific"),  # written as a name
        ("Music Publisher", "english"),
        ("Global Seismic Library", "specific"),  # three Title Case words name one thing
        ("global seismic library", "english"),
        ("Structured query language", "english"),
        ("SQL Plus", "specific"),  # an acronym within a name
        ("APEX", "english"),  # alone, an acronym that is an English word
        ("Oracle Clinical", "specific"),  # a strong vendor
        ("SQL Developer", "english"),  # a job title
        ("Oracle SQL Developer", "specific"),
        ("C++", "short"),
        ("R", "short"),
        ("S3", "short"),
        ("EC2 Spot", "specific"),
        ("2016", "junk"),
        ("A.I.Med", "english"),  # written apart, but run together it is "aimed"
        ("Pro-Filer", "english"),  # "profiler": an English verb + -er
        ("Estimator", "english"),
        ("Kubeflow", "specific"),
    ],
)
def test_surface_kind(surface: str, kind: str) -> None:
    assert bt.surface_kind(surface, LEX) == kind


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("estimator", True),  # estimate + -or
        ("profiler", True),  # profile + -r
        ("planner", True),  # plan + n + -er
        ("explorer", True),  # explore + -r
        ("jupyter", False),  # "jupyt" is no verb
        ("docker", False),  # too short to judge
        ("kustomizer", False),
    ],
)
def test_is_agent_noun(word: str, expected: bool) -> None:
    assert bt.is_agent_noun(word, LEX) is expected


def test_surface_kind_accepts_long_spelled_out_acronyms() -> None:
    assert bt.surface_kind("Structured query language", LEX, is_expansion=True) == "specific"


def _cand(name: str, *aliases: str, important: bool = True, source: str = "onet", **kw: Any) -> Any:
    return bt.Candidate(source=source, name=name, category="tool", aliases=list(aliases), important=important, **kw)


@pytest.mark.parametrize(
    ("cand", "surfaces", "ambiguous"),
    [
        (_cand("Microsoft Visio", "Visio", "MS Visio"), ["Microsoft Visio", "Visio", "MS Visio"], set()),
        (_cand("Toad"), ["Toad"], {"Toad"}),  # an English word, kept case-sensitively for a widely used tool
        (_cand("Blackboard Learn", "Learn"), ["Blackboard Learn"], set()),  # a derived English word goes
        (_cand("Zoom", important=False), None, None),  # not widely used: dropped
        (_cand("Less"), None, None),  # too common even as written
        (_cand("CASE"), None, None),  # an acronym that is a common word in a capitalised heading
        (_cand("Music Publisher", "MP"), ["Music Publisher", "MP"], {"Music Publisher", "MP"}),
        (_cand("J"), None, None),  # one letter
        (_cand("Node.js", "Node JS"), ["Node.js"], set()),  # a spacing variant adds nothing
    ],
)
def test_classify_group(cand: Any, surfaces: list[str] | None, ambiguous: set[str] | None) -> None:
    group = bt.classify_group([cand], LEX)
    if surfaces is None:
        assert group is None
    else:
        assert group is not None
        assert (group.surfaces, group.ambiguous) == (surfaces, ambiguous)


def test_merge_joins_spellings_but_not_english_words() -> None:
    cands = [
        _cand("Esri ArcGIS"),
        _cand("ESRI ArcGIS", source="esco"),
        _cand("Fluent", source="linguist"),
        _cand("Ansys Fluent", "Fluent"),
        _cand("Objective C"),
        _cand("Objective-C", source="linguist"),
    ]
    groups = sorted(sorted(c.name for c in g) for g in bt.merge_candidates(cands, LEX))
    assert groups == [["Ansys Fluent"], ["ESRI ArcGIS", "Esri ArcGIS"], ["Fluent"], ["Objective C", "Objective-C"]]


def _group(name: str, *aliases: str) -> Any:
    return bt.Group(members=[_cand(name, *aliases)], surfaces=[name, *aliases], ambiguous=set())


def test_resolve_skips_skills_the_curated_file_has() -> None:
    curated = bt.Curated(
        ids=frozenset({"visio", "node.js"}),
        surfaces={"visio": "visio", "microsoft visio": "visio", "node.js": "node.js"},
        compact=frozenset({"visio", "microsoftvisio", "nodejs"}),
    )
    groups = [_group("Microsoft Visio 2019", "Visio"), _group("Node JS"), _group("Cytel StatXact", "StatXact")]
    assert [g.surfaces for g in bt.resolve(groups, curated)] == [["Cytel StatXact", "StatXact"]]


def test_resolve_skips_on_a_dropped_form_too() -> None:
    curated = bt.Curated(ids=frozenset({"r"}), surfaces={"r": "r"}, compact=frozenset())
    linguist_r = bt.Group(members=[_cand("R", "Rscript", source="linguist")], surfaces=["Rscript"], ambiguous=set())
    assert bt.resolve([linguist_r], curated) == []


def test_resolve_shares_no_surface_between_generated_skills() -> None:
    curated = bt.Curated(ids=frozenset(), surfaces={}, compact=frozenset())
    groups = [
        _group("Address Management System", "AMS"),
        _group("Automated Manifest System", "AMS"),
        _group("AMSX"),
        _group("AMSX Cloud", "AMSX"),  # another's name: it stays with the skill it names
    ]
    out = {g.surfaces[0]: g.surfaces for g in bt.resolve(groups, curated)}
    assert out == {
        "Address Management System": ["Address Management System"],
        "Automated Manifest System": ["Automated Manifest System"],
        "AMSX": ["AMSX"],
        "AMSX Cloud": ["AMSX Cloud"],
    }


# ---------------------------------------------------------------------------------------------- output
def test_generated_skills_validate_and_round_trip() -> None:
    curated = bt.Curated(ids=frozenset({"visio"}), surfaces={"visio": "visio"}, compact=frozenset({"visio"}))
    groups = [
        bt.Group([_cand("Toad", context=["quest"])], ["Toad"], {"Toad"}),
        bt.Group([_cand("Blender")], ["Blender"], {"Blender"}),
        bt.Group([_cand("Cytel StatXact", "StatXact", parents=["Cytel"])], ["Cytel StatXact", "StatXact"], set()),
        bt.Group([_cand("Cytel")], ["Cytel"], set()),
        bt.Group([_cand("Visio Viewer")], ["Visio Viewer"], set()),  # id "visio-viewer", not curated "visio"
    ]
    skills = bt.to_generated(groups, curated, LEX)
    text = bt.render(skills)
    parsed = SkillsFile.model_validate(yaml.safe_load(text))
    by_id = {s.id: s for s in parsed.skills}
    assert by_id["cytel-statxact"].implies == ["cytel"]
    toad = by_id["toad"]
    assert toad.ambiguity is not None and toad.ambiguity.case_sensitive and toad.fuzzy is False
    assert "quest" in toad.ambiguity.context and "the" in toad.ambiguity.reject_prev
    assert "&w" in text and "*w" in text  # repeated word lists are written once


@pytest.mark.parametrize("text", ["on", "yes", "C#", "Ren'Py", "PSR-4: Autoloader", "a, b", "x  y", "Null"])
def test_yaml_scalar_round_trips(text: str) -> None:
    assert yaml.safe_load(f"v: {bt.yaml_scalar(text)}")["v"] == text


# ---------------------------------------------------------------------------------------------- in sync
def test_generated_file_is_in_sync_with_the_sources() -> None:
    """Re-running the generator on ../shared/taxonomy-sources reproduces the committed file."""
    if not SOURCES.is_dir():
        pytest.skip(f"{SOURCES} not present")
    pytest.importorskip("wordfreq", reason="the build needs wordfreq (tools/README.md)")
    cats = {c["id"] for c in yaml.safe_load((ROOT / "skills_taxonomy" / "categories.yaml").read_text())["categories"]}
    words = bt.Lexicon(english=bt.wordfreq_english(bt.ENGLISH_ZIPF), common=bt.wordfreq_english(bt.COMMON_ZIPF))
    skills = bt.build(bt.Sources(SOURCES), bt.DEFAULT_CORE, words, cats)
    expected = bt.render(skills)
    assert GENERATED.read_text(encoding="utf-8") == expected, "re-run tools/build_taxonomy.py (see tools/README.md)"


def test_main_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"{SOURCES} not present")
    pytest.importorskip("wordfreq")
    stale = tmp_path / "generated.yaml"
    stale.write_text("schema_version: 1\nskills: []\n")
    assert bt.main(["--sources", str(SOURCES), "--out", str(stale), "--check"]) == 1
    assert json.dumps(stale.read_text()).count("skills") == 1  # untouched


# ---------------------------------------------------------------------------------------------- the long tail
@pytest.mark.parametrize(
    ("surface", "name", "expected"),
    [
        ("ColdFusion", "Adobe ColdFusion", True),  # two common words run together, written with an inner capital
        ("TestComplete", "AutomatedQA TestComplete", True),
        ("Learn", "Blackboard Learn", False),  # an English word
        ("Webcode", "Acme Webcode", False),  # no inner capital: read as "web code" too
        ("AX", "Microsoft Dynamics AX", False),  # an acronym
        ("ColdFusion", "ColdFusion", False),  # the entry's own name goes through the usual policy
    ],
)
def test_product_word(surface: str, name: str, expected: bool) -> None:
    member = bt.Candidate(source="onet", name=name, category="tool")
    assert bt.product_word(surface, member, LEX) == expected


def _example(example: str, title: str = "Medical software", occupations: int = 1) -> dict[str, object]:
    return {"example": example, "title": title, "occupations": occupations, "hot": False, "computing": False}


def test_long_tail_keeps_its_distinctive_forms_only() -> None:
    rows = [
        _example("Acme TestComplete"),  # one trade's product with a word no text writes by chance: kept
        _example("Acme Warehouse Management System"),  # one trade's product of ordinary words: not
        _example("Acme Warehouse Management System", occupations=3),  # widely used: the usual policy
    ]
    found = {c.name: c for c in bt.onet_candidates(rows, LEX, set())}
    assert set(found) == {"Acme TestComplete", "Acme Warehouse Management System"}
    assert found["Acme Warehouse Management System"].weight == 3
    assert all(bt._LONG_TAIL.search(a) for a in found["Acme TestComplete"].aliases)
    assert found["Acme TestComplete"].expansions == []
