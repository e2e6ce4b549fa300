"""Date ranges: every common style, open ends, conventions, rejections, and pathological inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapfinder.extract.dates import find_date_ranges
from helpers.cases import Case, load_cases, params

TODAY = (2026, 11)


class DateCase(Case):
    text: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    current: bool
    precision: str


STYLES = load_cases("dates", DateCase)


@pytest.mark.parametrize("case", params(STYLES))
def test_every_style(case: DateCase) -> None:
    from gapfinder.text.normalize import normalize

    norm = normalize(case.text).text  # the parser sees normalised text (dashes unified)
    (rng,) = find_date_ranges(norm, TODAY)
    assert (rng.start, rng.end, rng.current, rng.precision) == (case.start, case.end, case.current, case.precision)
    assert norm[rng.span_start : rng.span_end] == rng.text


@pytest.mark.parametrize(
    "text",
    [
        "1940 - 1945",  # before 1950
        "2021 - 2019",  # end before start
        "2016 - 2029",  # after next year
        "Jan 2020",  # a lone month is not a range
        "2019",
        "13/2020 - 14/2020",
        "version 2.2019-2020",
    ],
)
def test_rejects_implausible(text: str) -> None:
    ranges = find_date_ranges(text, TODAY)
    assert all(r.start[0] >= 1950 and (r.end is None or r.end >= r.start) for r in ranges)
    if text in ("1940 - 1945", "2021 - 2019", "2016 - 2029", "Jan 2020", "2019"):
        assert ranges == []


def test_lower_case_may_is_not_a_month_alone() -> None:
    assert find_date_ranges("you may - or may not - 2020", TODAY) == []


def test_several_ranges_in_order_with_offsets() -> None:
    text = "Engineer | Acme | 2018 - 2020\nAnalyst, Beta\nMar 2015 - Feb 2018\n"
    ranges = find_date_ranges(text, TODAY)
    assert [r.text for r in ranges] == ["2018 - 2020", "Mar 2015 - Feb 2018"]
    assert [text[r.span_start : r.span_end] for r in ranges] == [r.text for r in ranges]


def test_bounds_restrict_the_search() -> None:
    text = "2001 - 2003 | 2010 - 2012"
    ranges = find_date_ranges(text, TODAY, start=12)
    assert [r.start for r in ranges] == [(2010, 1)]


def test_end_or_caps_at_today() -> None:
    (rng,) = find_date_ranges("2024 - 2027", (2026, 11))
    assert rng.end_or((2026, 11)) == (2026, 11)
    (open_rng,) = find_date_ranges("2024 - now", (2026, 11))
    assert open_rng.end_or((2026, 11)) == (2026, 11)


def test_two_digit_years() -> None:
    (a,) = find_date_ranges("Jan '98 - Mar '01", TODAY)
    assert (a.start, a.end) == ((1998, 1), (2001, 3))


@pytest.mark.parametrize(
    "text",
    [
        "-" * 1_000_000,
        " " * 1_000_000,
        "a" * 1_000_000,
        "1" * 1_000_000,
        "2020 - " * 150_000,
        "Jan 2020 " * 120_000,
        "12/12/" * 170_000,
        "march maybe junk " * 60_000,
    ],
    ids=["dashes", "spaces", "letters", "digits", "ranges", "months", "slashes", "words"],
)
def test_a_megabyte_of_near_dates(text: str) -> None:
    """Pathological inputs finish (their time is measured in benchmarks/, not asserted here) and every
    range found is a well-formed span of the text, in order and without overlaps."""
    ranges = find_date_ranges(text, TODAY)
    previous_end = 0
    for r in ranges:
        assert previous_end <= r.span_start < r.span_end <= len(text)
        assert text[r.span_start : r.span_end] == r.text
        previous_end = r.span_end


_ALPHABET = st.sampled_from(
    [
        *"0123456789 -/.~'\n(),",
        "Jan",
        "Sept",
        "May",
        "2019",
        "1999",
        "present",
        "to",
        "Summer",
        "since",
        "onwards",
        "20",
        "12",
        "03",
        "now",
        "Dez",
        "bis",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_never_raises_and_spans_are_sane(text: str) -> None:
    for r in find_date_ranges(text, TODAY):
        assert 0 <= r.span_start < r.span_end <= len(text)
        assert text[r.span_start : r.span_end] == r.text
        assert r.end is None or r.start <= r.end
        assert 1950 <= r.start[0] <= TODAY[0] + 1 and 1 <= r.start[1] <= 12
        assert r.current == (r.end is None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text: str) -> None:
    for r in find_date_ranges(text, TODAY):
        assert 0 <= r.span_start < r.span_end <= len(text)
        assert r.end is None or r.start <= r.end
