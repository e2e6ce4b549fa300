"""The compiled taxonomy (validated ``Taxonomy`` + tokenised surfaces), cached on disk between runs.

Parsing ~600 kB of YAML, validating it and tokenising ~8,000 surfaces takes a second or more; reading
the compiled form back takes a few tens of milliseconds. The cache is only read and written when an
``Engine`` is built, never during an analysis.

* Key: a SHA-256 over the taxonomy directory (its path as given, the names and bytes of every file the
  loader reads), the gapfinder, spaCy, pydantic and Python versions, and the source of the modules that
  define the compiled form. Any change gives a new file; stale files are simply never read again.
* Location: ``$GAPFINDER_CACHE_DIR``, else ``$XDG_CACHE_HOME/gapfinder``, else ``~/.cache/gapfinder``.
* ``GAPFINDER_NO_CACHE=1`` turns it off (nothing is read or written). The ``KEEP`` newest files stay.
* Written atomically (a temporary file renamed into place). Every failure — a read-only or missing
  home, a full disk, a truncated or foreign file — falls back to compiling from the YAML, silently.

The file is a pickle: the directory is created private to the user (0700), and a file another user owns
or could write is never read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .._version import __version__
from ..taxonomy import Taxonomy, load_taxonomy
from ..taxonomy.loader import default_taxonomy_dir
from .phrase_index import IndexData, PhraseIndex, assemble, compile_surfaces, make_nlp

CACHE_DIR_ENV = "GAPFINDER_CACHE_DIR"
NO_CACHE_ENV = "GAPFINDER_NO_CACHE"
_FORMAT = 1
KEEP = 8  # cache files kept in the directory, newest first
#: modules whose code shapes what is cached
_CODE = ("phrase_index.py", "index_cache.py", "../taxonomy/loader.py", "../taxonomy/schema.py", "../models.py")


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gapfinder"


def cache_enabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("1", "true", "yes", "on")


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def cache_key(root: Path) -> str | None:
    """The key of a taxonomy directory in its current state, or None if it cannot be read."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for part in (str(_FORMAT), __version__, _package_version("spacy"), _package_version("pydantic")):
        h.update(part.encode() + b"\0")
    h.update(platform.python_version().encode() + b"\0")
    try:
        h.update(str(root).encode() + b"\0")  # as given: it is the ``Taxonomy.root`` that gets cached
        for rel in _CODE:
            h.update((here / rel).read_bytes())
        files = [root / "categories.yaml", root / "certifications.yaml", root / "degrees.yaml"]
        files += [p for p in (root / "senses.yaml",) if p.is_file()]
        for sub in ("skills", "ladders"):
            files += sorted(p for p in (root / sub).iterdir() if p.suffix in (".yaml", ".yml"))
        for path in files:
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    except (OSError, ValueError):
        return None
    return h.hexdigest()[:32]


def _trusted(path: Path) -> bool:
    """Only unpickle a file this user owns that nobody else can write (POSIX); elsewhere, any file."""
    try:
        st = path.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


def _read(path: Path, key: str) -> tuple[Taxonomy, IndexData] | None:
    if not _trusted(path):
        return None
    try:
        with path.open("rb") as f:
            payload = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception:
        return None
    if not (isinstance(payload, dict) and payload.get("key") == key):
        return None
    tax, data = payload.get("taxonomy"), payload.get("index")
    if not (isinstance(tax, Taxonomy) and isinstance(data, IndexData)):
        return None
    return tax, data


def _write(path: Path, key: str, tax: Taxonomy, data: IndexData) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".pickle", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump({"key": key, "taxonomy": tax, "index": data}, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except Exception:  # a read-only or full cache directory, an object pickle refuses: run without a cache
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(directory: Path) -> None:
    """Keep the ``KEEP`` most recently written cache files (a new taxonomy or version makes a new file)."""
    files = sorted(directory.glob("taxonomy-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def load_compiled(root: str | os.PathLike[str] | None = None) -> tuple[Taxonomy, PhraseIndex]:
    """The taxonomy in ``root`` (the packaged one by default) and its phrase index, from the cache when
    it holds this exact taxonomy, else compiled from the YAML (and the cache filled)."""
    base = Path(root) if root is not None else default_taxonomy_dir()
    key = cache_key(base) if cache_enabled() and base.is_dir() else None
    path = cache_dir() / f"taxonomy-{key}.pickle" if key else None
    nlp = make_nlp()
    if path is not None:
        hit = _read(path, key or "")
        if hit is not None:
            tax, data = hit
            return tax, assemble(data, nlp)
    tax = load_taxonomy(base)
    data = compile_surfaces(tax, nlp)
    if path is not None:
        _write(path, key or "", tax, data)
    return tax, assemble(data, nlp, special_cases_added=True)


__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "cache_enabled", "cache_key", "load_compiled"]
