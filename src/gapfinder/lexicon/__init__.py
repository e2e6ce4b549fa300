"""English word lists and rule tables as data: one YAML file per subject, validated on first use.

The models are presidio's YAML recognizers and spaCy's ``lang/en/lex_attrs.py``: the words that describe
English (number words, leadership phrasings, title words, section headings...) live in the data files of
this package, each with a pydantic model in ``schema.py``, and the extractors read them from here. A
broken file raises ``LexiconError`` naming the file and the key; nothing falls back silently.

Each file is read once per process, by its function here (``numbers()``...); the results are frozen models.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import LexiconError
from .schema import (
    Aspirations,
    ClaimWords,
    ClauseWords,
    DateWords,
    HeaderLineWords,
    Leadership,
    Numbers,
    Places,
    SectionWords,
    TitleWords,
)

M = TypeVar("M", bound=BaseModel)


def lexicon_dir() -> Path:
    """The directory of the word lists shipped inside the package."""
    return Path(str(importlib.resources.files(__name__)))


def load_file(path: Path, model: type[M]) -> M:
    """``path`` read as YAML and validated by ``model``; every problem is a ``LexiconError`` naming the file
    and the key."""
    import yaml  # here, not at import: a process that never reads a word list never imports yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = _read(path)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark is not None else ""
        raise LexiconError(f"{path}:{where} invalid YAML: {getattr(e, 'problem', None) or e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level, found {type(data).__name__}")
    return _validate(path, model, data)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"{path}: cannot read word list ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: word list is not valid UTF-8") from None


def _validate(path: Path, model: type[M], data: object) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise _invalid(path, e) from None


def _invalid(path: Path, e: ValidationError) -> LexiconError:
    """The first problem pydantic found, as ``<file>: <key>: <what>``; a check of the file as a whole names
    its key in its message ("rules.3 (label): unknown fragment {X}")."""
    err = e.errors()[0]
    key = ".".join(str(k) for k in err["loc"])
    msg = err["msg"].removeprefix("Value error, ")
    more = f" (and {e.error_count() - 1} more errors)" if e.error_count() > 1 else ""
    return LexiconError(f"{path}: {key + ': ' if key else ''}{msg}{more}")


@functools.cache
def numbers() -> Numbers:
    """Number words (``numbers.yaml``)."""
    return load_file(lexicon_dir() / "numbers.yaml", Numbers)


def load_sections(path: Path, model: type[M]) -> M:
    """A sectioned word list (``[section]`` lines, then one entry per line; ``#`` comments) validated by
    ``model``, each section a field; problems are a ``LexiconError`` naming the file, and the line or key."""
    lines = _read(path).splitlines()
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1]
            if name in sections:
                raise LexiconError(f"{path}: line {n}: section [{name}] appears twice")
            current = sections[name] = []
        elif current is None:
            raise LexiconError(f"{path}: line {n}: an entry before the first [section]")
        else:
            current.append(line)
    return _validate(path, model, sections)


def load_path(path: Path, model: type[M]) -> M:
    """A word list by its kind: YAML (``load_file``) or a sectioned ``.txt`` list (``load_sections``)."""
    return load_sections(path, model) if path.suffix == ".txt" else load_file(path, model)


@functools.cache
def places() -> Places:
    """Place names (``places.txt``, built by ``tools/build_places.py`` from GeoNames)."""
    return load_sections(lexicon_dir() / "places.txt", Places)


@functools.cache
def leadership_rules() -> Leadership:
    """Leadership and seniority signals (``leadership.yaml``)."""
    return load_file(lexicon_dir() / "leadership.yaml", Leadership)


@functools.cache
def aspirations() -> Aspirations:
    """Cues of a wish ("seeking a role in", "interested in"): a skill named after one is not claimed."""
    return load_file(lexicon_dir() / "aspirations.yaml", Aspirations)


@functools.cache
def section_words() -> SectionWords:
    """The words of section headings (``sections.yaml``)."""
    return load_file(lexicon_dir() / "sections.yaml", SectionWords)


@functools.cache
def clause_words() -> ClauseWords:
    """What a clause of a job post does (``clauses.yaml``)."""
    return load_file(lexicon_dir() / "clauses.yaml", ClauseWords)


@functools.cache
def date_words() -> DateWords:
    """The words of dates (``dates.yaml``)."""
    return load_file(lexicon_dir() / "dates.yaml", DateWords)


@functools.cache
def claim_words() -> ClaimWords:
    """What a skill's name claims nothing in (``claims.yaml``)."""
    return load_file(lexicon_dir() / "claims.yaml", ClaimWords)


@functools.cache
def header_line_words() -> HeaderLineWords:
    """The words of position headers (``header_lines.yaml``)."""
    return load_file(lexicon_dir() / "header_lines.yaml", HeaderLineWords)


@functools.cache
def title_words() -> TitleWords:
    """The words of job titles (``titles.yaml``)."""
    return load_file(lexicon_dir() / "titles.yaml", TitleWords)


#: each word list of the package and its model
FILES: dict[str, type[BaseModel]] = {
    "aspirations.yaml": Aspirations,
    "claims.yaml": ClaimWords,
    "clauses.yaml": ClauseWords,
    "dates.yaml": DateWords,
    "header_lines.yaml": HeaderLineWords,
    "leadership.yaml": Leadership,
    "numbers.yaml": Numbers,
    "places.txt": Places,
    "sections.yaml": SectionWords,
    "titles.yaml": TitleWords,
}

__all__ = [
    "FILES",
    "LexiconError",
    "aspirations",
    "claim_words",
    "clause_words",
    "date_words",
    "header_line_words",
    "leadership_rules",
    "lexicon_dir",
    "load_file",
    "load_path",
    "load_sections",
    "numbers",
    "places",
    "section_words",
    "title_words",
]
