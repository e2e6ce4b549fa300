"""The word lists of ``gapfinder/lexicon``: each packaged file loads and validates, a broken one raises
``LexiconError`` naming the file and the key, and the readers of a list see what the file says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from gapfinder.errors import LexiconError, TaxonomyError
from gapfinder.extract import claims, dates, experience, header_lines, job_clauses, job_items, leadership, titles
from gapfinder.lexicon import (
    FILES,
    claim_words,
    clause_words,
    date_words,
    header_line_words,
    leadership_rules,
    lexicon_dir,
    load_file,
    load_path,
    numbers,
    section_words,
    title_words,
)
from gapfinder.lexicon.schema import PLACEHOLDER, VALUE_PLACEHOLDERS, ClauseWords, Leadership, Numbers, SectionWords
from gapfinder.text import sections
from helpers.context import make_ctx


def test_every_packaged_word_list_has_a_model() -> None:
    assert {p.name for p in lexicon_dir().iterdir() if p.suffix in (".yaml", ".txt")} == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_packaged_word_list_loads(name: str) -> None:
    model = FILES[name]
    loaded = load_path(lexicon_dir() / name, model)
    assert isinstance(loaded, model)
    assert loaded.model_dump(), f"{name} is empty"


def test_lexicon_error_is_a_taxonomy_error() -> None:
    assert issubclass(LexiconError, TaxonomyError)


def _write(tmp_path: Path, text: str, name: str = "numbers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "model", "where"),
    [
        ("cardinals: {one: 1, two: many}\n", Numbers, "cardinals.two"),
        ("cardinals: {one: 1}\nordinals: {first: 1}\n", Numbers, "ordinals"),
        ("cardinals: {One: 1}\n", Numbers, "cardinals"),
        ("cardinals: {one: -1}\n", Numbers, "cardinals"),
        ("cardinals: {}\n", Numbers, "cardinals"),
        ("dozens: {a dozen: 12}\n", Numbers, "cardinals"),
        ("rules:\n  - {kind: bossing, label: boss, pattern: boss}\n", Leadership, "rules.0.kind"),
        ("rules:\n  - {kind: mentoring, label: '', pattern: mentor}\n", Leadership, "rules.0.label"),
        ("rules:\n  - {kind: mentoring, label: m, pattern: a, any_of: [b]}\n", Leadership, "rules.0: "),
        ("rules:\n  - {kind: mentoring, label: m}\n", Leadership, "rules.0: "),
        ("rules:\n  - {kind: mentoring, label: m, pattern: '{COACH}ed'}\n", Leadership, "rules.0 (m): unknown"),
        ("rules:\n  - {kind: mentoring, label: m, pattern: 'mentor(ed'}\n", Leadership, "rules.0 (m): not a regular"),
        (
            "fragments: {X: {pattern: a}}\nrules:\n  - {kind: mentoring, label: m, pattern: b}\n",
            Leadership,
            "fragments.X: no rule uses it",
        ),
        (
            "fragments: {N: {pattern: a}}\nrules:\n  - {kind: team_size, label: m, pattern: '{N}'}\n",
            Leadership,
            "fragments.N: a fragment name",
        ),
        ("rules: []\n", Leadership, "rules"),
    ],
)
def test_a_malformed_word_list_names_the_file_and_the_key(
    tmp_path: Path, text: str, model: type[BaseModel], where: str
) -> None:
    path = _write(tmp_path, text, "numbers.yaml" if model is Numbers else "leadership.yaml")
    with pytest.raises(LexiconError) as info:
        load_file(path, model)
    message = info.value.message
    assert message.startswith(f"{path}: {where}"), message
    assert "\n" not in message


def test_a_word_list_that_is_not_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "cardinals:\n  one: 1\n  two: [2\n")
    with pytest.raises(LexiconError, match=r"numbers\.yaml: line \d+, column \d+: invalid YAML"):
        load_file(path, Numbers)


@pytest.mark.parametrize("text", ["- one\n- two\n", "just words\n", ""])
def test_a_word_list_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    with pytest.raises(LexiconError, match="expected a mapping at the top level"):
        load_file(_write(tmp_path, text), Numbers)


def test_a_missing_word_list_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read word list"):
        load_file(tmp_path / "absent.yaml", Numbers)


# ----------------------------------------------------------------- numbers.yaml
def test_years_are_the_cardinals_up_to_fifty() -> None:
    years = numbers().years()
    assert years["zero"] == 0 and years["twelve"] == 12 and years["fifty"] == 50
    assert "hundred" not in years and "dozen" not in years
    assert max(years.values()) == 50


def test_counts_start_at_one_and_take_dozens() -> None:
    counts = numbers().counts()
    assert "zero" not in counts
    assert counts["one"] == 1 and counts["hundred"] == 100
    assert counts["a dozen"] == 12 and counts["two dozen"] == 24
    assert list(counts)[:3] == ["one", "two", "three"]  # the file's order


def test_every_reader_of_a_count_reads_numbers_yaml() -> None:
    assert numbers().counts() == leadership.NUMBER_WORDS
    assert numbers().years() == experience._NUM_WORDS
    single = [w for w in numbers().counts() if " " not in w]
    assert all(w in job_items.YEARS_RE.pattern for w in single)
    assert job_items.YEARS_RE.match("twelve years") and job_items.YEARS_RE.match("dozen years")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Managed a team of twelve engineers.", 12),
        ("Led a dozen engineers across the platform group.", 12),
        ("Grew the team to two dozen people.", 24),
    ],
)
def test_number_words_give_team_sizes(text: str, value: int) -> None:
    signals = {s.kind: s for s in leadership.extract_leadership(make_ctx(text))}
    assert signals["team_size"].value == value


# ----------------------------------------------------------------- leadership.yaml
def test_leadership_rules_are_the_files_rules_with_fragments_in_place() -> None:
    lexicon = leadership_rules()
    assert [(r.kind, r.label) for r in leadership.RULES] == [(r.kind, r.label) for r in lexicon.rules]
    for rule in leadership.RULES:
        left = set(PLACEHOLDER.findall(rule.pattern))
        assert left <= set(VALUE_PLACEHOLDERS), (rule.label, left)  # every fragment expanded
    assert set(leadership.KINDS) == {r.kind for r in lexicon.rules}


def test_a_fragment_is_a_group_of_its_alternatives(tmp_path: Path) -> None:
    text = (
        "fragments:\n  TEAM: {any_of: [team, squad]}\n"
        "rules:\n  - {kind: people_management, label: led a team, pattern: 'led\\sa\\s{TEAM}'}\n"
        "  - {kind: team_size, label: team of N, any_of: ['{TEAM}\\sof\\s{N}', 'crew\\sof\\s{N}']}\n"
    )
    lexicon = load_file(_write(tmp_path, text, "leadership.yaml"), Leadership)
    assert [lexicon.expand(r) for r in lexicon.rules] == [
        r"led\sa\s(?:team|squad)",
        r"(?:team|squad)\sof\s{N}|crew\sof\s{N}",
    ]


# ----------------------------------------------------------------- sections.yaml
def _sections_with(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = yaml.safe_load((lexicon_dir() / "sections.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "sections.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["resume"].update(careers=["careers"]), "resume.careers"),
        (lambda d: d["job"]["benefits"].append("perks|bonus"), "job.benefits"),
        (lambda d: d["modifiers"].append("two words"), "modifiers"),
        (lambda d: d["not_job_headings"].append("perks"), "not_job_headings: 'perks' is no resume heading"),
        (lambda d: d["preferred_modifiers"].append("shiny"), "preferred_modifiers: 'shiny' is not in modifiers"),
        (lambda d: d.update(offer_line="(?:We offer"), "offer_line"),
        (lambda d: d["role_cues"]["sentence_start"].append("(Bachelor"), "role_cues"),
        (lambda d: d.pop("head_nouns"), "head_nouns"),
        (lambda d: d.update(context_sections=["perks"]), "context_sections"),
    ],
)
def test_a_malformed_sections_file_names_the_key(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], where: str
) -> None:
    path = _sections_with(tmp_path, change)
    with pytest.raises(LexiconError) as info:
        load_file(path, SectionWords)
    assert info.value.message.startswith(f"{path}: {where}"), info.value.message


def test_the_section_detector_reads_sections_yaml() -> None:
    words = section_words()
    assert sections.CONTEXT_SECTIONS == words.context_sections == {"benefits", "company", "application"}
    for name, phrases in words.resume.items():
        for phrase in phrases[:3]:
            if phrase not in words.not_job_headings:
                assert sections.classify_heading(phrase.title(), "resume") == name, phrase
    for name, phrases in words.job.items():
        assert sections.classify_heading(phrases[0].title(), "job") == name, phrases[0]


# ----------------------------------------------------------------- clauses.yaml
def _clauses_with(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = yaml.safe_load((lexicon_dir() / "clauses.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "clauses.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["asks"]["pairs"].append("you're"), 'asks.pairs: "you\'re" is not two words'),
        (lambda d: d["asks"]["words"].append("Experience"), "asks.words"),
        (lambda d: d["duties"]["verb_stems"].append("analy[sz"), "duties.verb_stems"),
        (lambda d: d["duties"]["after_will"].append("work on"), "duties.after_will"),
        (lambda d: d["employer"].pop("company_nouns"), "employer.company_nouns"),
        (lambda d: d["teams"].update(verbs=["work"]), "teams.verbs"),
    ],
)
def test_a_malformed_clauses_file_names_the_key(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], where: str
) -> None:
    path = _clauses_with(tmp_path, change)
    with pytest.raises(LexiconError) as info:
        load_file(path, ClauseWords)
    assert info.value.message.startswith(f"{path}: {where}"), info.value.message


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("Hands on work with Spark.", "asks"),  # a pair of asks words
        ("Qualified engineers welcome.", "asks"),  # an asks prefix
        ("You will build our ranking models.", "duties"),
        ("Optimizing the ranking models.", "duties"),  # a verb stem and ending
        ("Acme is a leading healthcare company.", "employer"),
        ("The weather is nice.", "plain"),
    ],
)
def test_clause_kinds_come_from_clauses_yaml(clause: str, kind: str) -> None:
    words = clause_words()
    assert tuple(words.teams.cues) == job_clauses.TEAM_WORDS
    assert (
        "hands on" in words.asks.pairs and "qualif" in words.asks.prefixes and "optimi[sz]" in words.duties.verb_stems
    )
    assert job_clauses.clause_kind(clause, 0, len(clause)) == kind


# ----------------------------------------------------------------- dates.yaml, claims.yaml, header_lines.yaml
def _packaged_with(tmp_path: Path, name: str, change: Callable[[dict[str, Any]], object]) -> Path:
    data = yaml.safe_load((lexicon_dir() / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


BROKEN_WORD_LISTS = [
    ("dates.yaml", lambda d: d["months"].pop(), "months"),
    ("dates.yaml", lambda d: d["months"][0].append("Janvier"), "months.0"),
    ("dates.yaml", lambda d: d["seasons"].update(monsoon=13), "seasons.monsoon"),
    ("dates.yaml", lambda d: d["range_separators"].append("(?:to"), "range_separators"),
    ("claims.yaml", lambda d: d["role_nouns"].append("data engineer"), "role_nouns"),
    ("claims.yaml", lambda d: d.update(role_verbs=["leads"]), "role_verbs"),
    ("header_lines.yaml", lambda d: d["detail_labels"].append("team (size"), "detail_labels"),
    ("header_lines.yaml", lambda d: d.pop("joiners"), "joiners"),
    ("titles.yaml", lambda d: d["job_words"].append("Engineer"), "job_words"),
    ("titles.yaml", lambda d: d["intern_words"].append("(?:intern"), "intern_words"),
    ("titles.yaml", lambda d: d.update(level_words=["senior"]), "level_words"),
]


@pytest.mark.parametrize(("name", "change", "where"), BROKEN_WORD_LISTS)
def test_a_malformed_word_list_of_an_extractor_names_the_key(
    tmp_path: Path, name: str, change: Callable[[dict[str, Any]], object], where: str
) -> None:
    path = _packaged_with(tmp_path, name, change)
    with pytest.raises(LexiconError) as info:
        load_file(path, FILES[name])
    assert info.value.message.startswith(f"{path}: {where}"), info.value.message


def test_the_extractors_read_their_word_lists() -> None:
    dates_words, claims_words, header_words = date_words(), claim_words(), header_line_words()
    assert dates.MONTH_NAMES["märz"] == 3 and dates.MONTH_NAMES["dez"] == 12
    assert dates_words.month_names() == dates.MONTH_NAMES
    assert tuple(dates_words.open_words) == dates.OPEN_WORDS
    assert frozenset(claims_words.role_nouns) == claims._ROLE_NOUNS
    assert frozenset(header_words.sentence_starts) == header_lines.SENTENCE_STARTS
    # the words at work: a range to 'heute', a line opening with a sentence start, a labelled detail
    ranges = dates.find_date_ranges("Data Scientist, Acme\nMärz 2019 - heute\n", (2026, 6))
    assert [(r.start, r.end, r.current) for r in ranges] == [((2019, 3), None, True)]
    assert header_lines.is_description("Responsible for the data platform")
    assert header_lines.is_description("Client: Insurer")
    assert frozenset(title_words().job_words) == titles.JOB_WORDS
    assert titles.has_job_word("Projektleiterin") and titles.has_job_word("Scrum Master")
    assert titles.is_internship("Werkstudentin Data Science")
