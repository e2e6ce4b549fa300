"""The compiled-taxonomy cache: same engine with or without it, keyed by content, never fatal."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gapfinder import Engine
from gapfinder.extract import index_cache
from gapfinder.extract.index_cache import CACHE_DIR_ENV, NO_CACHE_ENV, cache_key, load_compiled
from gapfinder.extract.phrase_index import PhraseIndex, build_index
from helpers import MINI, TODAY

TEXT = "Skills: Python, scikit learn, PyTorch and Kubernetes. Led a team of 5 engineers."


@pytest.fixture
def taxonomy_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "taxonomy"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(path))
    monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    return path


def _matcher_patterns(index: PhraseIndex) -> Any:
    return index.matcher.__reduce__()[1][1]  # the matcher's patterns, as spaCy pickles them


def _files(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir()) if path.is_dir() else []


def test_second_build_reads_the_cache(taxonomy_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tax, index = load_compiled(taxonomy_dir)
    assert len(_files(cache)) == 1 and _files(cache)[0].startswith("taxonomy-")

    def no_yaml(*_args: object) -> None:
        raise AssertionError("the taxonomy was compiled again")

    monkeypatch.setattr(index_cache, "load_taxonomy", no_yaml)
    tax2, index2 = load_compiled(taxonomy_dir)
    assert tax2 == tax
    assert _matcher_patterns(index2) == _matcher_patterns(index)
    assert (index2.surfaces, index2.compact, index2.prefixes) == (index.surfaces, index.compact, index.prefixes)
    assert index2.fuzzy_buckets == index.fuzzy_buckets


def test_cached_index_equals_a_fresh_build(taxonomy_dir: Path, cache: Path) -> None:
    load_compiled(taxonomy_dir)
    tax, cached = load_compiled(taxonomy_dir)
    fresh = build_index(tax)
    assert _matcher_patterns(cached) == _matcher_patterns(fresh)
    assert cached.surfaces == fresh.surfaces


def test_engine_reports_are_the_same_with_and_without_the_cache(
    taxonomy_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    first = Engine(taxonomy_dir, ladder="mini", today=TODAY).analyze_text(TEXT)  # fills the cache
    cached = Engine(taxonomy_dir, ladder="mini", today=TODAY).analyze_text(TEXT)
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    uncached = Engine(taxonomy_dir, ladder="mini", today=TODAY).analyze_text(TEXT)
    assert first.skills  # the text does match the mini taxonomy
    assert first == cached == uncached


def test_a_changed_taxonomy_gets_a_new_key(taxonomy_dir: Path, cache: Path) -> None:
    before = cache_key(taxonomy_dir)
    path = taxonomy_dir / "categories.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = cache_key(taxonomy_dir)
    assert before and after and before != after
    load_compiled(taxonomy_dir)
    assert f"taxonomy-{after}.pickle" in _files(cache)


def test_disabled_by_the_environment(taxonomy_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    tax, _ = load_compiled(taxonomy_dir)
    assert tax.skills and _files(cache) == []


def test_an_unwritable_cache_directory_is_not_an_error(
    taxonomy_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))  # cannot be created, even by root
    tax, index = load_compiled(taxonomy_dir)
    assert tax.skills and index.compact


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_file_is_a_miss(taxonomy_dir: Path, cache: Path, content: bytes) -> None:
    tax, _ = load_compiled(taxonomy_dir)
    (path,) = cache.iterdir()
    path.write_bytes(content)
    tax2, index2 = load_compiled(taxonomy_dir)
    assert tax2 == tax and index2.compact
    assert path.read_bytes() != content  # rewritten


def test_old_cache_files_are_pruned(taxonomy_dir: Path, cache: Path) -> None:
    cache.mkdir()
    for i in range(index_cache.KEEP + 3):
        old = cache / f"taxonomy-old{i}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))  # written long ago
    load_compiled(taxonomy_dir)
    files = _files(cache)
    assert len(files) == index_cache.KEEP
    assert f"taxonomy-{cache_key(taxonomy_dir)}.pickle" in files


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_can_write_is_never_unpickled(
    taxonomy_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_compiled(taxonomy_dir)
    (path,) = cache.iterdir()
    assert cache.stat().st_mode & 0o777 == 0o700  # the directory is private
    path.chmod(0o666)  # as if another user could have replaced it

    def no_unpickle(*_args: object) -> None:
        raise AssertionError("an untrusted cache file was unpickled")

    monkeypatch.setattr(index_cache.pickle, "load", no_unpickle)
    tax, _ = load_compiled(taxonomy_dir)  # compiled from the YAML instead
    assert tax.skills


def test_one_match_key_and_every_surface_has_its_labels(taxonomy_dir: Path, cache: Path) -> None:
    from gapfinder.extract.matching import _phrase_matches
    from gapfinder.extract.phrase_index import MATCH_KEY

    _tax, index = load_compiled(taxonomy_dir)
    keys = {key for by_key in index.surfaces.values() for key in by_key}
    assert set(index.labels_of) == keys
    assert all(
        label in index.surfaces and key in index.surfaces[label] for key, ls in index.labels_of.items() for label in ls
    )
    assert set(_matcher_patterns(index)) == {MATCH_KEY}
    surface = next(iter(next(iter(index.surfaces.values())).values()))
    doc = index.nlp.make_doc(f"We use {surface.text} daily.")
    assert [m.surface.id for m in _phrase_matches(index, doc)] == [surface.id]


# ------------------------------------------------------------------ a cache directory others can write
needs_posix = pytest.mark.skipif(not index_cache._SAFE, reason="the safe cache needs POSIX descriptors")


def _planted(cache: Path, taxonomy_dir: Path, marker: Path) -> bytes:
    """What an attacker would plant: a file with the right name and header whose pickle creates ``marker``."""
    import pickle

    class Payload:
        def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
            return (os.mkdir, (str(marker),))

    key = cache_key(taxonomy_dir) or ""
    return index_cache._HEADER + key.encode() + b"\n" + pickle.dumps(Payload())


@needs_posix
def test_a_planted_symlink_is_never_followed(taxonomy_dir: Path, cache: Path, tmp_path: Path) -> None:
    """The red-team pass ran code as the victim through a symbolic link planted in a shared cache."""
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.pickle"
    evil.write_bytes(_planted(cache, taxonomy_dir, marker))
    evil.chmod(0o600)  # even a file that passes every owner and mode check, reached through a link
    cache.mkdir(mode=0o700)
    (cache / f"taxonomy-{cache_key(taxonomy_dir)}.pickle").symlink_to(evil)
    tax, _ = load_compiled(taxonomy_dir)
    assert tax.skills and not marker.exists()


@needs_posix
def test_a_cache_directory_others_can_write_is_not_used(taxonomy_dir: Path, cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    cache.mkdir()
    cache.chmod(0o777)  # a shared directory
    planted = cache / f"taxonomy-{cache_key(taxonomy_dir)}.pickle"
    planted.write_bytes(_planted(cache, taxonomy_dir, marker))
    planted.chmod(0o600)
    load_compiled(taxonomy_dir)
    tax, _ = load_compiled(taxonomy_dir)
    assert tax.skills and not marker.exists()
    private = cache / f"gapfinder-{os.getuid()}"  # the cache went to a private directory inside it
    assert private.stat().st_mode & 0o777 == 0o700
    (written,) = private.iterdir()
    assert written.stat().st_mode & 0o777 == 0o600


@needs_posix
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a directory away")
def test_a_cache_directory_of_another_user_is_not_used(taxonomy_dir: Path, cache: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    cache.mkdir(mode=0o755)
    planted = cache / f"taxonomy-{cache_key(taxonomy_dir)}.pickle"
    planted.write_bytes(_planted(cache, taxonomy_dir, marker))
    os.chown(planted, 65534, 65534)
    os.chown(cache, 65534, 65534)  # nobody's
    tax, _ = load_compiled(taxonomy_dir)
    assert tax.skills and not marker.exists()


@needs_posix
def test_the_key_is_checked_before_anything_is_unpickled(
    taxonomy_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_compiled(taxonomy_dir)
    (path,) = cache.iterdir()
    data = path.read_bytes()
    header, _, rest = data.partition(b"\n")
    path.write_bytes(header[:-4] + b"beef\n" + rest)  # same name, another key inside

    def no_unpickle(*_args: object) -> None:
        raise AssertionError("a cache file with another key was unpickled")

    monkeypatch.setattr(index_cache.pickle, "load", no_unpickle)
    tax, _ = load_compiled(taxonomy_dir)
    assert tax.skills
