"""Date ranges: every common style, open ends, conventions, rejections, and pathological inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapfinder.extract.dates import find_date_ranges

TODAY = (2026, 11)

STYLES = [
    # text, start, end (None = open), current, precision
    ("Jan 2020 - Present", (2020, 1), None, True, "month"),
    ("Jan 2020 – Present", (2020, 1), None, True, "month"),
    ("03/2020 - Present", (2020, 3), None, True, "month"),
    ("January 2020 to Current", (2020, 1), None, True, "month"),
    ("2020-03 – present", (2020, 3), None, True, "month"),
    ("3/2020–Now", (2020, 3), None, True, "month"),
    ("Jan. 2020 — Today", (2020, 1), None, True, "month"),
    ("2020.03 ~ now", (2020, 3), None, True, "month"),
    ("Jan '20 - present", (2020, 1), None, True, "month"),
    ("2019-03 to 2021-11", (2019, 3), (2021, 11), False, "month"),
    ("03/2018 - 05/2020", (2018, 3), (2020, 5), False, "month"),
    ("3/2018-5/2020", (2018, 3), (2020, 5), False, "month"),
    ("Sept 2019 – Mar 2021", (2019, 9), (2021, 3), False, "month"),
    ("September 2019 until March 2021", (2019, 9), (2021, 3), False, "month"),
    ("Dec' 2015 to Sept' 2016", (2015, 12), (2016, 9), False, "month"),
    ("Jan-2014 to Mar-2015", (2014, 1), (2015, 3), False, "month"),
    ("01.03.2019 - 31.05.2021", (2019, 3), (2021, 5), False, "month"),
    ("März 2018 bis heute", (2018, 3), None, True, "month"),
    ("Okt. 2017 - Dez. 2019", (2017, 10), (2019, 12), False, "month"),
    ("Jun - Aug 2019", (2019, 6), (2019, 8), False, "month"),
    ("Nov - Feb 2020", (2019, 11), (2020, 2), False, "month"),
    ("2015 - 2017", (2015, 1), (2017, 1), False, "year"),
    ("2015-2017", (2015, 1), (2017, 1), False, "year"),
    ("2015–17", (2015, 1), (2017, 1), False, "year"),
    ("2019 - Now", (2019, 1), None, True, "year"),
    ("2011 ~ 2015.12", (2011, 1), (2015, 12), False, "year"),
    ("Summer 2019", (2019, 6), (2019, 8), False, "season"),
    ("Fall 2018 - Spring 2020", (2018, 9), (2020, 3), False, "season"),
    ("since 2018", (2018, 1), None, True, "year"),
    ("Since Jan 2019", (2019, 1), None, True, "month"),
    ("(September 2017 onwards)", (2017, 9), None, True, "month"),
    ("May 2019 till date", (2019, 5), None, True, "month"),
    ("May 2019 to date", (2019, 5), None, True, "month"),
    ("Feb 2021 - ongoing", (2021, 2), None, True, "month"),
    ("Apr 1987 – Dec 2022", (1987, 4), (2022, 12), False, "month"),
]


@pytest.mark.parametrize(("text", "start", "end", "current", "precision"), STYLES)
def test_every_style(
    text: str, start: tuple[int, int], end: tuple[int, int] | None, current: bool, precision: str
) -> None:
    from gapfinder.normalize import normalize

    norm = normalize(text).text  # the parser sees normalised text (dashes unified)
    (rng,) = find_date_ranges(norm, TODAY)
    assert (rng.start, rng.end, rng.current, rng.precision) == (start, end, current, precision)
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
