"""The word lists of ``gapfinder/lexicon``: each packaged file loads and validates, a broken one raises
``LexiconError`` naming the file and the key, and the readers of a list see what the file says."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from gapfinder.errors import LexiconError, TaxonomyError
from gapfinder.extract import experience, job_items, leadership
from gapfinder.lexicon import FILES, lexicon_dir, load_file, load_path, numbers
from gapfinder.lexicon.schema import Numbers
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


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "numbers.yaml"
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
    ],
)
def test_a_malformed_word_list_names_the_file_and_the_key(
    tmp_path: Path, text: str, model: type[BaseModel], where: str
) -> None:
    path = _write(tmp_path, text)
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
