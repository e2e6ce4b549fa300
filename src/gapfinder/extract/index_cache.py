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

The file is a pickle, and unpickling runs code: a file someone else could have written must never be
loaded. When the cache directory is shared (``GAPFINDER_CACHE_DIR`` or ``XDG_CACHE_HOME`` pointing at a
place other local users can write), a planted file or symbolic link would run code as the user who builds
an engine. So (POSIX):

* the directory is opened without following a symbolic link (``O_NOFOLLOW | O_DIRECTORY``) and used only
  if it is this user's and nobody else can write to it (checked on the open descriptor, so it cannot be
  swapped after the check); otherwise a private sub-directory ``gapfinder-<uid>`` inside it is used, made
  ``0700`` and checked the same way; otherwise there is no cache;
* files are opened relative to that descriptor, again without following links, and read only if they are
  regular files of this user that nobody else can write;
* a file starts with a header line holding the key, compared before anything is unpickled;
* new files are written ``0600`` under a temporary name (``O_EXCL``) and renamed into place.

Where these calls do not exist (Windows), there is no cache: engines compile the YAML each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import secrets
import stat
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .._version import __version__
from ..taxonomy import Taxonomy, load_taxonomy
from ..taxonomy.loader import default_taxonomy_dir
from .phrase_index import IndexData, PhraseIndex, assemble, compile_surfaces, make_nlp

CACHE_DIR_ENV = "GAPFINDER_CACHE_DIR"
NO_CACHE_ENV = "GAPFINDER_NO_CACHE"
_FORMAT = 2
KEEP = 8  # cache files kept in the directory, newest first
#: modules whose code shapes what is cached
_CODE = (
    "phrase_index.py",
    "index_cache.py",
    "../taxonomy/loader.py",
    "../taxonomy/schema.py",
    "../kinds.py",
    "../models.py",
)


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


#: the first line of a cache file: what it is and its key, checked before anything is unpickled
_HEADER = b"gapfinder-compiled-taxonomy %d " % _FORMAT
_SAFE = all(hasattr(os, name) for name in ("getuid", "O_NOFOLLOW", "O_DIRECTORY")) and os.open in os.supports_dir_fd


def _private(fd: int) -> bool:
    """The open file or directory belongs to this user and nobody else can write to it."""
    info = os.fstat(fd)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _open_dir(path: Path) -> int | None:
    """A descriptor of the cache directory (see the module): ``path`` if it is private, else a private
    ``gapfinder-<uid>`` inside it; None when neither can be had."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    if _private(fd):
        return fd
    sub = f"gapfinder-{os.getuid()}"
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(sub, 0o700, dir_fd=fd)
        inner = os.open(sub, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    if _private(inner):
        return inner
    os.close(inner)
    return None


def _read(directory: int, name: str, key: str) -> tuple[Taxonomy, IndexData] | None:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=directory)
    except OSError:  # missing, or a symbolic link
        return None
    with os.fdopen(fd, "rb") as f:
        if not (stat.S_ISREG(os.fstat(fd).st_mode) and _private(fd)):
            return None
        if f.readline(200) != _HEADER + key.encode() + b"\n":
            return None  # another key, an older format, or not a cache file: never unpickled
        try:
            payload = pickle.load(f)
        except Exception:
            return None
    if not isinstance(payload, tuple) or len(payload) != 2:
        return None
    tax, data = payload
    if not (isinstance(tax, Taxonomy) and isinstance(data, IndexData)):
        return None
    return tax, data


def _write(directory: int, name: str, key: str, tax: Taxonomy, data: IndexData) -> None:
    tmp = f".tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=directory)
        with os.fdopen(fd, "wb") as f:
            f.write(_HEADER + key.encode() + b"\n")
            pickle.dump((tax, data), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, name, src_dir_fd=directory, dst_dir_fd=directory)
        tmp = ""
        _prune(directory)
    except Exception:  # a read-only or full cache directory, an object pickle refuses: run without a cache
        pass
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=directory)


def _prune(directory: int) -> None:
    """Keep the ``KEEP`` most recently written cache files (a new taxonomy or version makes a new file)."""
    files = []
    for name in os.listdir(directory):
        if name.startswith("taxonomy-") and name.endswith(".pickle"):
            with contextlib.suppress(OSError):
                files.append((os.stat(name, dir_fd=directory, follow_symlinks=False).st_mtime, name))
    for _, old in sorted(files, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(old, dir_fd=directory)


def load_compiled(root: str | os.PathLike[str] | None = None) -> tuple[Taxonomy, PhraseIndex]:
    """The taxonomy in ``root`` (the packaged one by default) and its phrase index, from the cache when
    it holds this exact taxonomy, else compiled from the YAML (and the cache filled)."""
    base = Path(root) if root is not None else default_taxonomy_dir()
    key = cache_key(base) if _SAFE and cache_enabled() and base.is_dir() else None
    directory = _open_dir(cache_dir()) if key else None
    name = f"taxonomy-{key}.pickle"
    nlp = make_nlp()
    try:
        if directory is not None and key:
            hit = _read(directory, name, key)
            if hit is not None:
                tax, data = hit
                return tax, assemble(data, nlp)
        tax = load_taxonomy(base)
        data = compile_surfaces(tax, nlp)
        if directory is not None and key:
            _write(directory, name, key, tax, data)
        return tax, assemble(data, nlp, special_cases_added=True)
    finally:
        if directory is not None:
            os.close(directory)


__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "cache_enabled", "cache_key", "load_compiled"]
