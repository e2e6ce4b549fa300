"""Property tests: any text gives a report whose evidence points into the text, or a typed error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapfinder import GapfinderError

# words that exercise the matcher (skills, ambiguous words, dates, headings) mixed with arbitrary characters
WORDS = [
    "Python",
    "PyTorch",
    "pytorch",
    "Tensor Flow",
    "k8s",
    "Kubernates",
    "Go",
    "go-to-market",
    "R",
    "C++",
    "C#",
    "Excel",
    "excel at",
    "Spark",
    "SKILLS",
    "EXPERIENCE",
    "Education",
    "Senior",
    "Manager",
    "Jan 2020 - Present",
    "2019-03 to 2021-11",
    "03/2018 - 05/2020",
    "B.S.",
    "PhD",
    "MS or PhD",
    "5+ years",
    "led a team of 8",
    "Nice to have",
    "Requirements",
    "•",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    ",",
    "/",
    "(",
    ")",
    "ﬁ",
    "\u200b",
    "\u00ad",
    "Kuber-\nnetes",
    "Py-\nTorch",
    "é",
    "日本語",
    "😀",
    "\x00",
]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, kind=st.sampled_from(["resume", "job"]))
def test_evidence_points_into_the_text(engine, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    try:
        report = engine.analyze_text(text, kind=kind)
    except GapfinderError as err:
        assert err.message and "\n" not in err.message
        return
    assert report.text == text
    findings = [*report.skills, *report.certifications, *report.education, *report.leadership]
    for finding in findings:
        for m in finding.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
    for p in report.experience.positions:
        assert 0 <= p.start_offset <= p.end_offset <= len(text)
    for s in report.document.sections:
        assert 0 <= s.start <= s.end <= len(text)
    assert report.placement is not None and 0.0 <= report.placement.confidence <= 1.0
    if report.experience.total_years is not None:
        assert report.experience.total_years >= 0
