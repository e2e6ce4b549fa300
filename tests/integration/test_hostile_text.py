"""Hostile text through the whole analysis: no crash, sensible findings, offsets that still point home."""

from __future__ import annotations

import pytest

from gapfinder import DocumentTooLargeError, Engine, Report
from gapfinder.errors import GapfinderError
from helpers import finding_mentions, skill_ids

BODY = (
    "EXPERIENCE\n"
    "Senior Data Engineer, Acme Corp, Jan 2019 - Present\n"
    "Built streaming pipelines with Python, Kafka and Kubernetes.\n"
    "SKILLS\n"
    "Python, SQL, Docker\n"
)


def assert_evidence_points_into(report: Report, text: str) -> None:
    assert report.text == text
    for m in finding_mentions(report):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for p in report.experience.positions:
        assert 0 <= p.start_offset <= p.end_offset <= len(text)
    for s in report.document.sections:
        assert 0 <= s.start <= s.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        # right-to-left: Hebrew and Arabic around English skill names, and bidi override characters
        "יוסי כהן — מהנדס נתונים\n" + BODY + "שפות: עברית, ערבית\n",
        "مهندس بيانات أول\n" + BODY + "\u202eTrojan source\u202c\n",
        # emoji bullets, a ZWJ sequence, flags and skin tones
        "👩‍💻 Jane Doe 🇩🇪\n" + BODY.replace("Python,", "🚀 Python,") + "🏆 Award 👍🏽\n",
        # zero-width characters and soft hyphens inside and between words, a BOM in the middle
        BODY.replace("Kubernetes", "Kuber\u200bnetes").replace("Docker", "Doc\u00adker") + "\ufeff\u2060end\n",
        # NUL and other control characters kept exactly as given
        BODY.replace("\n", "\x00\n", 2) + "\x01\x02\x7f\x1b[31m\n",
        # combining marks and compatibility forms
        "Rene\u0301 Mu\u0308ller\n" + BODY + "ＰＹＴＨＯＮ ﬁne-tuning\n",
        # lone surrogates can be in a Python str (e.g. from surrogateescape)
        BODY + "broken \udc80\udcff bytes\n",
    ],
    ids=["hebrew", "arabic-bidi", "emoji", "zero-width", "controls", "combining", "lone-surrogates"],
)
def test_unusual_characters_keep_findings_and_offsets(engine: Engine, text: str) -> None:
    report = engine.analyze_text(text)
    # lone surrogates become U+FFFD, one for one (test_surrogates.py): offsets into the text are unchanged
    assert_evidence_points_into(report, text.replace("\udc80", "\ufffd").replace("\udcff", "\ufffd"))
    assert {"python", "kafka", "sql"} <= skill_ids(report)
    assert report.experience.positions, "the dated position is still found"


def test_zero_width_inside_a_skill_name_still_matches(engine: Engine) -> None:
    text = BODY.replace("Kubernetes", "Kuber\u200bnetes")
    report = engine.analyze_text(text)
    mention = next(m for s in report.skills if s.id == "kubernetes" for m in s.mentions)
    assert mention.text == "Kuber\u200bnetes"  # the evidence is the text as given, zero-width space included


def test_extremely_long_line(engine: Engine) -> None:
    filler = "worked on many things " * 9_000  # ~200k characters without a line break
    text = "Jane Doe " + filler + "with Python and Kafka since 2019"
    report = engine.analyze_text(text)
    assert_evidence_points_into(report, text)
    assert {"python", "kafka"} <= skill_ids(report)


def test_half_a_million_characters_of_one_word(engine: Engine) -> None:
    text = "a" * (engine.limits.max_chars - 1)
    report = engine.analyze_text(text)
    assert report.skills == () and {"no_skills", "no_positions"} <= {w.code for w in report.warnings}


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_ten_megabytes_of_one_word_is_refused_clearly(engine: Engine, as_bytes: bool) -> None:
    word = "Python" * (10_000_000 // 6)
    with pytest.raises(DocumentTooLargeError, match=r"character limit; pass a larger max_chars"):
        if as_bytes:
            engine.analyze(word.encode())
        else:
            engine.analyze_text(word)


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (("Jané Doe\n" + BODY).encode("cp1252"), "encoding_fallback"),  # not UTF-8 at all
        ("Jané Doe — ".encode() + b"\x93quoted\x94 " + BODY.encode(), "encoding_fallback"),  # mixed
        (BODY.encode() + b"\x00" * 3000, None),  # NUL padding
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), None),  # UTF-8 BOM
        (BODY.encode("utf-16"), None),  # UTF-16 with BOM
    ],
    ids=["cp1252", "mixed-utf8-cp1252", "nul-padding", "utf8-bom", "utf16"],
)
def test_text_files_in_odd_encodings(engine: Engine, data: bytes, warning: str | None) -> None:
    report = engine.analyze(data)
    assert {"python", "kafka", "sql"} <= skill_ids(report)
    assert "\x00" not in report.text and "\ufffd" not in report.text
    assert_evidence_points_into(report, report.text)
    codes = {w.code for w in report.warnings}
    assert (warning in codes) if warning else not codes & {"encoding_fallback", "broken_encoding"}


def test_mixed_encoding_keeps_the_utf8_text(engine: Engine) -> None:
    report = engine.analyze("Jané Doe — ".encode() + b"\x93quoted\x94 " + BODY.encode())
    assert report.text.startswith("Jané Doe — “quoted” EXPERIENCE")


@pytest.mark.parametrize(
    "text",
    ["\u200b\u200c\u200d\ufeff" * 100, "\x00" * 50, " \n\t" * 100, "\u00ad" * 10],
    ids=["zero-width-only", "nul-only", "blank", "soft-hyphens"],
)
def test_invisible_text_is_empty(engine: Engine, text: str) -> None:
    with pytest.raises(GapfinderError, match="no text"):
        engine.analyze_text(text)


# ------------------------------------------------------------------ runs without spaces: linear, evidence intact
RUN_UNITS = ["!", "(", ":", '"', "…", "★", "😀", "_", "'s", "a:", "!?", "”"]


@pytest.mark.parametrize("unit", RUN_UNITS)
def test_a_run_without_spaces_is_cut_short_and_findings_keep_their_offsets(engine: Engine, unit: str) -> None:
    """40 KB of one punctuation mark took 333 s (spaCy strips it a character at a time, re-reading the
    rest each time); the normaliser keeps 16 symbols of a run and the tokenizer peels long chunks from
    their ends, so the analysis sees a short text and the evidence still points into the original."""
    from gapfinder.extract.tokenize import tokenize
    from gapfinder.text.normalize import normalize

    run = unit * (40_000 // len(unit))
    text = BODY + "x" + run + "\nAlso Docker" + run + " and Terraform\n"
    report = engine.analyze_text(text)
    assert_evidence_points_into(report, text)
    assert {"python", "kafka", "docker", "terraform"} <= skill_ids(report)
    if unit.strip("a's") == unit:  # pure symbols: the normalised text drops the rest of each run
        assert len(normalize(text).text) < len(BODY) + 200
    else:  # letters in the run: long chunks, whose tokens still cover them exactly
        doc = tokenize(engine.index, normalize(text).text)
        assert "".join(t.text_with_ws for t in doc) == normalize(text).text


def test_the_analysis_has_a_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stage that stalls (here: sections, made to spin in Python) is interrupted at
    Limits.analysis_time_budget_s with a typed error, on the main thread and on a worker thread."""
    import concurrent.futures
    import time

    from gapfinder import Engine
    from gapfinder.limits import Limits
    from gapfinder.pipeline import findings as findings_module

    def stall(*_args: object) -> None:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass

    monkeypatch.setattr(findings_module, "detect_sections", stall)
    short = Engine(limits=Limits(analysis_time_budget_s=0.3))
    with pytest.raises(DocumentTooLargeError, match=r"analysing this document took longer than the 0\.3 s"):
        short.analyze_text(BODY)
    with concurrent.futures.ThreadPoolExecutor(1) as pool, pytest.raises(DocumentTooLargeError, match="budget_s"):
        pool.submit(short.analyze_text, BODY).result(timeout=20)
