"""Places in position headers: a trailing city, region or country is told apart from the organisation by the
place names of ``lexicon/places.txt`` (GeoNames), not by the shape of a word, so an organisation's acronym
("AXA", "EY") or legal form ("LLC") is never taken for a state code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gapfinder.engine import Engine
from gapfinder.errors import LexiconError
from gapfinder.extract.titles import is_place, split_header
from gapfinder.lexicon import load_sections, places
from gapfinder.lexicon.schema import Places


@pytest.mark.parametrize(
    ("header", "title", "org"),
    [
        # an organisation and its place after a title, in each common punctuation
        ("Senior Software Engineer, Razorpay, Bangalore", "Senior Software Engineer", "Razorpay"),
        ("Senior Software Engineer - Razorpay, Bangalore", "Senior Software Engineer", "Razorpay"),
        ("**Senior Software Engineer** - Razorpay, Bangalore", "Senior Software Engineer", "Razorpay"),
        ("Senior Software Engineer - Razorpay, Bangalore, India", "Senior Software Engineer", "Razorpay"),
        ("Senior Software Engineer, Razorpay, Austin, TX", "Senior Software Engineer", "Razorpay"),
        ("Data Analyst - Acme Corp, London", "Data Analyst", "Acme Corp"),
        ("Partner, Executive Search Company, Frankfurt", "Partner", "Executive Search Company"),
        ("Engineer | Acme | Munich, DE", "Engineer", "Acme"),
        # a code is a state only when it is one: an acronym or a legal form is (part of) the organisation
        ("Software Developer, AVL", "Software Developer", "AVL"),
        ("Internship Asset Management, AXA", "Internship Asset Management", "AXA"),
        ("Marine Designer, SAFE Boats International, LLC", "Marine Designer", "SAFE Boats International, LLC"),
        ("Engineer, Acme, TX", "Engineer", "Acme"),
        # a place alone is no organisation
        ("Engineer - Seattle, WA", "Engineer", None),
        ("DBA, Pune, Maharashtra", "DBA", None),
        # a company may be named like a city: with nothing else after the title it stays the organisation
        ("Packaging Manager, Carrefour", "Packaging Manager", "Carrefour"),
    ],
)
def test_header_split_with_places(header: str, title: str, org: str | None) -> None:
    assert split_header([header]) == (title, org)


def test_an_organisation_line_loses_its_city() -> None:
    assert split_header(["Research Project Manager", "University of Maryland, Baltimore"]) == (
        "Research Project Manager",
        "University of Maryland",
    )
    assert split_header(["Software Engineer 2", "Microsoft - Redmond"]) == ("Software Engineer 2", "Microsoft")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Seattle, WA", True),
        ("Pune, Maharashtra", True),
        ("Bangalore", True),
        ("Zurich", True),
        ("Frankfurt", True),  # GeoNames' "Frankfurt am Main", as people write it
        ("Germany", True),
        ("Remote", True),
        ("AXA", False),
        ("LLC", False),
        ("Acme, Inc.", False),
        ("QA", False),
    ],
)
def test_is_place(text: str, place: bool) -> None:
    assert is_place(text) is place


def test_the_packaged_places() -> None:
    lexicon = places()
    assert {"WA", "ON", "NSW"} <= lexicon.region_code
    assert {"Bengaluru", "Bangalore", "Seattle", "São Paulo", "Sao Paulo"} <= lexicon.city
    assert {"Delta", "Mobile", "Union"}.isdisjoint(lexicon.city)  # English words or companies more often
    assert "India" in lexicon.country and "DE" in lexicon.country_code


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "places.txt"
    path.write_text(text, encoding="utf-8")
    return path


_GOOD = "[country]\nIndia\n[country_code]\nIN\n[region]\nKerala\n[region_code]\nWA\n[city]\nKochi\n"


def test_a_sectioned_list_loads(tmp_path: Path) -> None:
    loaded = load_sections(_write(tmp_path, "# a comment\n" + _GOOD), Places)
    assert loaded.city == frozenset({"Kochi"}) and loaded.region_code == frozenset({"WA"})


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Kochi\n" + _GOOD, "line 1: an entry before the first [section]"),
        (_GOOD + "[city]\nPune\n", "section [city] appears twice"),
        (_GOOD.replace("WA", "wa"), "region_code"),
        (_GOOD.replace("Kochi", "Kochi, Kerala"), "city"),
        (_GOOD.replace("[city]\nKochi\n", ""), "city"),
        (_GOOD + "[villages]\nX\n", "villages"),
    ],
)
def test_a_broken_list_names_file_and_place(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_sections(_write(tmp_path, text), Places)
    assert "places.txt" in str(info.value) and needle in str(info.value)


def test_markdown_resume_positions_keep_their_organisations() -> None:
    text = (
        "# Priya N\n\n## Experience\n"
        "**Senior Software Engineer** — Razorpay, Bangalore (Mar 2021 – present)\n"
        "- Built settlement services in Go.\n\n"
        "**Software Engineer** — Infosys, Mysuru (Jul 2018 – Feb 2021)\n"
        "- Java services for a bank.\n"
    )
    report = Engine(today=dt.date(2026, 12, 1)).analyze_text(text)
    assert [(p.title, p.organization) for p in report.experience.positions] == [
        ("Senior Software Engineer", "Razorpay"),
        ("Software Engineer", "Infosys"),
    ]
