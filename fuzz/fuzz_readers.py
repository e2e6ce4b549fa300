#!/usr/bin/env python3
"""Coverage-guided fuzzing of gapfinder's readers (PDF, DOCX, text) with atheris (libFuzzer).

Every input must give a ``Document`` or raise an ``InputError``; any other exception is a crash, and
libFuzzer reports a hang (``-timeout``) or memory blow-up (``-rss_limit_mb``) itself. Run from the
repository root (atheris is in the dev venv, not a project dependency: ``pip install atheris``)::

    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=600            # seeds are made on first run
    .venv/bin/python fuzz/fuzz_readers.py fuzz/crashes/crash-...          # replay one input
    .venv/bin/python fuzz/fuzz_readers.py --make-seeds                    # (re)write fuzz/corpus/seeds

See fuzz/README.md for what the runs found.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "corpus" / "seeds"
WORK = HERE / "corpus" / "work"  # what libFuzzer adds; seeds stay clean
CRASHES = HERE / "crashes"
#: tight limits so that one input stays cheap; the time budget is below libFuzzer's -timeout
LIMIT_ARGS = {"max_pages": 8, "max_chars": 200_000, "time_budget_s": 5.0}


def main() -> None:
    sys.path.insert(0, str(HERE))
    from seeds import write_seeds

    if "--make-seeds" in sys.argv:
        print(f"{write_seeds(SEEDS)} seeds in {SEEDS}")
        return
    if not SEEDS.is_dir():
        write_seeds(SEEDS)
    import logging

    import atheris

    # pypdf logs every repair it makes; the fuzzer's own output is what matters
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    with atheris.instrument_imports(include=["pypdf", "docx", "gapfinder"]):
        from gapfinder.errors import InputError
        from gapfinder.limits import Limits
        from gapfinder.reading import read_document

    limits = Limits(**LIMIT_ARGS)  # type: ignore[arg-type]

    def test_one_input(data: bytes) -> None:
        try:
            document = read_document(data, limits=limits)
        except InputError as err:
            assert err.message and "\n" not in err.message, repr(err.message)
            return
        assert isinstance(document.text, str) and document.text.strip(), "a Document with no text"
        assert len(document.text) <= limits.max_chars
        if document.pages is not None:
            assert 1 <= document.pages <= limits.max_pages

    WORK.mkdir(parents=True, exist_ok=True)
    CRASHES.mkdir(exist_ok=True)
    args = [sys.argv[0], *sys.argv[1:]]
    if not any(not a.startswith("-") for a in args[1:]):  # no corpus or input given: use ours
        args += [str(WORK), str(SEEDS)]
    if not any(a.startswith("-artifact_prefix") for a in args):
        args.insert(1, f"-artifact_prefix={CRASHES}/")
    if not any(a.startswith("-timeout") for a in args):
        args.insert(1, "-timeout=20")
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
