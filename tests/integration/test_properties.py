"""Property tests: any text gives a report whose evidence points into the text, or a typed error."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gapfinder import Engine, GapfinderError
from gapfinder.models import DocumentKind
from helpers import finding_mentions

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
def test_evidence_points_into_the_text(engine: Engine, text: str, kind: DocumentKind) -> None:
    try:
        report = engine.analyze_text(text, kind=kind)
    except GapfinderError as err:
        assert err.message and "\n" not in err.message
        return
    assert report.text == text
    for m in finding_mentions(report):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for p in report.experience.positions:
        assert 0 <= p.start_offset <= p.end_offset <= len(text)
    for s in report.document.sections:
        assert 0 <= s.start <= s.end <= len(text)
    assert report.placement is not None and 0.0 <= report.placement.confidence <= 1.0
    if report.experience.total_years is not None:
        assert report.experience.total_years >= 0


# ------------------------------------------------------------------------------------- normalisation
@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_normalisation_maps_any_unicode_back_into_the_text(text: str) -> None:
    import itertools

    from gapfinder.text.normalize import normalize

    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text) + 1 and norm.offsets[-1] == len(text)
    assert all(a <= b for a, b in itertools.pairwise(norm.offsets))
    for start in range(0, len(norm.text) + 1, 3):
        s, e = norm.to_original(start, min(start + 5, len(norm.text)))
        assert 0 <= s <= e <= len(text)
    assert "  " not in norm.text and "\t" not in norm.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_normalisation_is_idempotent(text: str) -> None:
    from gapfinder.text.normalize import normalize

    once = normalize(text).text
    assert normalize(once).text == once


# --------------------------------------------------------------------------------------- date ranges
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_STYLES = {
    "name": lambda y, m: f"{_MONTHS[m - 1]} {y}",
    "slash": lambda y, m: f"{m:02d}/{y}",
    "iso": lambda y, m: f"{y}-{m:02d}",
    "dot": lambda y, m: f"{m:02d}.{y}",
}


@st.composite
def _month_pair(draw: st.DrawFn) -> tuple[tuple[int, int], tuple[int, int]]:
    start = (draw(st.integers(1960, 2025)), draw(st.integers(1, 12)))
    months = draw(st.integers(0, 12 * 30))
    index = min(start[0] * 12 + start[1] - 1 + months, 2026 * 12 + 9)
    return start, (index // 12, index % 12 + 1)


@settings(max_examples=200, deadline=None)
@given(
    pair=_month_pair(),
    style=st.sampled_from(sorted(_STYLES)),
    sep=st.sampled_from([" - ", " – ", "-", " to ", " — "]),
    before=st.sampled_from(["", "Acme Corp, Data Engineer, ", "• Engineer | ", "(", "Engineer\t"]),
    after=st.sampled_from(["", ")", " | Berlin", "\nBuilt things"]),
)
def test_written_month_ranges_are_parsed_back(
    pair: tuple[tuple[int, int], tuple[int, int]], style: str, sep: str, before: str, after: str
) -> None:
    from gapfinder.extract.dates import find_date_ranges
    from gapfinder.text.normalize import normalize

    assume(not (style == "iso" and sep == "-"))  # "2019-03-2020-01" is ambiguous to anyone
    (start, end), fmt = pair, _STYLES[style]
    text = normalize(f"{before}{fmt(*start)}{sep}{fmt(*end)}{after}").text
    ranges = find_date_ranges(text, (2026, 11))
    assert [(r.start, r.end, r.current) for r in ranges] == [(start, end, False)]
    assert text[ranges[0].span_start : ranges[0].span_end] == ranges[0].text


@settings(max_examples=100, deadline=None)
@given(
    start=st.tuples(st.integers(1960, 2025), st.integers(1, 12)),
    word=st.sampled_from(["Present", "present", "Current", "Now", "today", "heute"]),
    style=st.sampled_from(sorted(_STYLES)),
)
def test_open_ranges_are_current(start: tuple[int, int], word: str, style: str) -> None:
    from gapfinder.extract.dates import find_date_ranges
    from gapfinder.text.normalize import normalize

    text = normalize(f"Engineer, {_STYLES[style](*start)} - {word}").text
    assert [(r.start, r.end, r.current) for r in find_date_ranges(text, (2026, 11))] == [(start, None, True)]


# ---------------------------------------------------------------------------------- section detection
_BODY_WORDS = ["built", "data", "pipelines", "with", "python", "for", "the", "team", "and", "shipped", "models"]
_HEADINGS = {
    "EXPERIENCE": "experience",
    "Work Experience": "experience",
    "EDUCATION": "education",
    "Skills": "skills",
    "TECHNICAL SKILLS": "skills",
    "Certifications": "certifications",
    "PROJECTS": "projects",
}


@settings(max_examples=150, deadline=None)
@given(
    headings=st.lists(st.sampled_from(sorted(_HEADINGS)), min_size=1, max_size=5, unique_by=_HEADINGS.get),
    bodies=st.lists(st.lists(st.sampled_from(_BODY_WORDS), min_size=5, max_size=12), min_size=5, max_size=5),
    kind=st.just("resume"),
)
def test_headings_on_their_own_line_open_their_section(
    headings: list[str], bodies: list[list[str]], kind: DocumentKind
) -> None:
    import itertools

    from gapfinder.text.sections import detect_sections

    lines = ["Jane Doe", "jane@example.com"]
    for heading, body in zip(headings, bodies, strict=False):
        lines += [heading, " ".join(body).capitalize() + "."]
    text = "\n".join(lines) + "\n"
    spans = detect_sections(text, kind)
    assert [s.name for s in spans if s.name != "header"] == [_HEADINGS[h] for h in headings]
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for a, b in itertools.pairwise(spans):
        assert a.end == b.start


# ---------------------------------------------------------------------------------- taxonomy loader
_YAML_JUNK = st.one_of(
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "[]",
            "{}",
            "-1",
            "1e999",
            "'x'",
            "[unclosed",
            "{a: [b}",
            "&a [*a]",
            "!!python/object:os.system ls",
            "\t",
            ": :",
            "- - -",
            "python",
            "deep-learning",
            "nope",
            "Python",
            "{id: python, name: Python, category: language}",
        ]
    ),
    st.text(max_size=12),
)


@settings(max_examples=80, deadline=None)
@given(
    data=st.data(),
    file=st.sampled_from(
        ["skills/core.yaml", "categories.yaml", "certifications.yaml", "degrees.yaml", "ladders/mini.yaml"]
    ),
)
def test_a_damaged_taxonomy_loads_or_names_the_file(data: st.DataObject, file: str) -> None:
    """Any edit of any taxonomy file gives a taxonomy or a TaxonomyError naming that file — nothing else."""
    import shutil
    import tempfile
    from pathlib import Path

    from gapfinder.errors import TaxonomyError
    from gapfinder.taxonomy import load_taxonomy
    from helpers import MINI

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "tax"
        shutil.copytree(MINI, root)
        path = root / file
        lines = path.read_text().splitlines()
        for _ in range(data.draw(st.integers(1, 3))):
            i = data.draw(st.integers(0, len(lines) - 1))
            line = lines[i]
            how = data.draw(st.sampled_from(["value", "delete", "duplicate", "insert"]))
            if how == "value" and ":" in line:
                key = line[: line.index(":") + 1]
                lines[i] = f"{key} {data.draw(_YAML_JUNK)}"
            elif how == "delete":
                del lines[i]
            elif how == "duplicate":
                lines.insert(i, line)
            else:
                lines.insert(i, data.draw(_YAML_JUNK))
            if not lines:
                lines = [""]
        path.write_text("\n".join(lines) + "\n")
        try:
            load_taxonomy(root)
        except TaxonomyError as err:
            assert err.message and "\n" not in err.message
            # the file at fault: the edited one, or one whose reference the edit left dangling
            assert str(root) in err.message and ".yaml" in err.message
