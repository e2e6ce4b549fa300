"""Garbage is never presented as a resume without saying so: quality signals and where garbage is refused."""

from __future__ import annotations

import json
import string
from collections.abc import Callable

import pypdf
import pytest

from gapfinder import Engine
from gapfinder.errors import NoTextLayerError
from gapfinder.reading import read_document
from gapfinder.reading.pdf import REFUSE_GARBAGE
from gapfinder.text.quality import WARN_GARBAGE, garbage_ratio
from helpers import ROOT, SHARED

REAL = [p.read_text() for p in sorted((ROOT / "examples" / "resumes").glob("*.txt"))] + [
    p.read_text() for p in sorted((ROOT / "examples" / "jobs").glob("*.txt"))
]


def caesar(text: str, k: int = 3) -> str:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return text.translate(str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k]))


def substitution(text: str) -> str:
    lower = "qwertyuiopasdfghjklzxcvbnm"
    return text.translate(str.maketrans(string.ascii_lowercase + string.ascii_uppercase, lower + lower.upper()))


def glyph_shift(text: str) -> str:
    """A subset font whose codes are the glyph ids: 'Hello' comes out as '+HOOR' (a classic)."""
    return "".join(chr(ord(c) - 29) if c.isalpha() and ord(c) > 60 else c for c in text)


def cid(text: str) -> str:
    return "".join(f"(cid:{ord(c) % 90})" if c.isalpha() else c for c in text)


def private_use(text: str) -> str:
    return "".join(chr(0xE000 + ord(c) % 200) if c.isalpha() else c for c in text)


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252: 'é' comes out as 'Ã©'."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


GARBLE: list[Callable[[str], str]] = [caesar, substitution, glyph_shift, cid, private_use]


@pytest.mark.parametrize("text", REAL, ids=range(len(REAL)))
def test_real_text_is_not_garbage(text: str) -> None:
    assert garbage_ratio(text) < WARN_GARBAGE


@pytest.mark.parametrize("garble", GARBLE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", REAL[:3], ids=range(3))
def test_garbled_text_is_refused_from_a_pdf(text: str, garble: Callable[[str], str]) -> None:
    assert garbage_ratio(garble(text)) >= REFUSE_GARBAGE


def test_partial_garbage_warns_between_the_thresholds() -> None:
    text = (ROOT / "examples" / "resumes" / "data_scientist_career_changer.txt").read_text()
    half = len(text) // 4
    mixed = text[:-half] + glyph_shift(text[-half:])
    assert WARN_GARBAGE <= garbage_ratio(mixed) < REFUSE_GARBAGE


def test_utf8_read_as_cp1252_counts_as_garbage() -> None:
    french = "Ingénieure logiciel à Montréal, développement et intégration continue, équipe données. " * 5
    assert garbage_ratio(french) < WARN_GARBAGE <= garbage_ratio(mojibake(french))


@pytest.mark.parametrize(
    "text",
    [
        "Python SQL AWS GCP NLP CNN k8s MLOps PyTorch TensorFlow scikit-learn XGBoost HTTPS CI/CD " * 20,
        "Lebenslauf: Softwareentwicklerin mit Schwerpunkt Datenverarbeitung und Qualitätssicherung. " * 10,
        "Ingénieure logiciel, développement d'applications et intégration continue à Montréal. " * 10,
        "Inżynier oprogramowania, współpraca z zespołem, język polski i angielski. " * 10,
        "Vývojář softwaru, zkušenosti s databázemi a strojovým učením. " * 10,
        "エンジニア。機械学習とデータ分析の経験があります。Python と SQL。" * 20,
        "Инженер по машинному обучению, опыт работы с Python и SQL. " * 10,
        "👩‍💻 ✔ Python ✔ SQL ★★★★☆ → Kafka • Spark ▪ Docker " * 20,
        "pdf encryption test\npassword: asdfzxcv",  # one odd word in a short text is not a broken font
    ],
    ids=["skills-only", "german", "french", "polish", "czech", "japanese", "russian", "symbols", "short"],
)
def test_other_languages_and_skill_lists_are_not_garbage(text: str) -> None:
    assert garbage_ratio(text) < WARN_GARBAGE


def test_a_report_from_garbled_text_says_so(engine: Engine) -> None:
    text = REAL[0][:-800] + glyph_shift(REAL[0][-800:])
    report = engine.analyze_text(text)
    assert "broken_encoding" in {w.code for w in report.warnings}
    fully = engine.analyze_text(glyph_shift(REAL[0]))  # text from Python is never refused, but flagged
    message = next(w.message for w in fully.warnings if w.code == "broken_encoding")
    assert int(message.split("%")[0]) >= REFUSE_GARBAGE * 100 and "findings may be missing or wrong" in message


def test_a_garbled_pdf_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers.files import TEXT, make_pdf

    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: glyph_shift(REAL[1]))
    with pytest.raises(NoTextLayerError, match=r"unreadable \(\d+% garbled: a broken font encoding\); run OCR"):
        read_document(make_pdf(TEXT))


def _dev_texts() -> list[str]:
    texts: list[str] = []
    for name in ("resumes_dotin.jsonl", "jobs_skillspan.jsonl"):
        with (SHARED / "eval" / "dev" / name).open() as handle:
            texts += [row["text"] for row in map(json.loads, handle) if str(row.get("text", "")).strip()]
    return texts


@pytest.mark.skipif(not (SHARED / "eval" / "dev" / "resumes_dotin.jsonl").is_file(), reason="needs ../shared")
def test_dev_data_no_false_alarms_and_garble_is_caught() -> None:
    texts = _dev_texts()
    assert sum(garbage_ratio(t) >= WARN_GARBAGE for t in texts) == 0
    long = [t for t in texts[::10] if sum(c.isalpha() for c in t) >= 300]  # a sample keeps it quick
    for garble in GARBLE:
        caught = sum(garbage_ratio(garble(t)) >= WARN_GARBAGE for t in long)
        assert caught >= 0.95 * len(long), garble.__name__


@pytest.mark.parametrize("text", ["½" * 120, "x ½½½ ²³ ⅷⅸ Ⅻ ①②③ y", "ǅǈǋ" * 50, "\u0301\u0302" * 40])
def test_numbers_and_marks_that_look_like_word_characters(text: str) -> None:
    """Found by fuzz/fuzz_readers.py: a run of '½' (a \\w character but no letter) crashed the measure."""
    assert 0.0 <= garbage_ratio(text) <= 1.0
