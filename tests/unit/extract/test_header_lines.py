"""What a line next to a date range can be: a title-like header, a description, or a detail to step over."""

from __future__ import annotations

import pytest

from gapfinder.extract.header_lines import is_description, is_detail, title_like

TITLE_LIKE = [
    "Senior Data Engineer",
    "Software-Entwickler at morgenrot GmbH & Co. KG",
    "programmatore, collaudatore,responsabile at CAMA GROUP S.P.A.",
    "Director Projects at Orange Lion Hospitality Consulting Sagl.",
    "Mitglied der Geschäftsleitung, ASH Adolf Schlünder Handelsagentur GmbH & Co. KG",
    "Vorstandsmitglied at Genossenschaft Neubühl",
    "Neutraubling at Scheck Lagerhaus Transporte GmbH",
    "Registered nurse",
    "Certified public accountant, Harbor Health",
    "Consulting engineer",
    "Training and Development Manager",
    "Self-employed in Family Business",
    "Head of Sales for the EMEA region",
    "Acme Pvt. Ltd.",
    "Sr. Software Engineer | Acme | 2019 - 2021",
    "Project Manager",
    "Technology Lead",
    "Client Partner",
    "Sabbatical & Relocating from Switzerland to New York at International Transportation and Logistics",
]

DESCRIPTIONS = [
    "• Built the pipelines",
    "◦ Built the pipelines",
    "▪ Built the pipelines",
    "\uf0b7 Built the pipelines",
    "- Built the pipelines",
    "1. Built the pipelines",
    "Developed staff schedules.",
    "Developed staff schedules",
    "Managed payroll as backup to manager.",
    "Managed payroll as backup to manager",
    "Led a team of five",
    "Working as Test Automation Engineer.",
    "Have worked as a Support Engineer",
    "Searching for good salary",
    "Responsible for the release train",
    "Compete Recruiter in the recently concluded pilot to recruit Google Partners across APAC.",
    "$2-$3 MÂ per year",
    "€40k per annum",
    "Salary: 12 LPA",
    "USD 120,000 | Remote",
    "Duration: April 2017 -Till Date",
    "DURATION Jan-2014 to Jun-2015",
    "TEAM SIZE 20",
    "Client: Insurance Client from London",
    "Project Name: Product Releasing Data",
    "Technology/Tools: Microsoft SharePoint 2013",
    "and the teams behind them",
    "Skills:",
]

DETAILS = [
    "San Francisco, CA",
    "Remote",
    "Germany",
    "2 years 10 months",
    "(4 mos)",
    "1 yr",
    "John Doe – 1/2",
    "Page 2 of 3",
]


@pytest.mark.parametrize("line", TITLE_LIKE)
def test_title_like(line: str) -> None:
    assert title_like(line)


@pytest.mark.parametrize("line", DESCRIPTIONS)
def test_descriptions_are_never_headers(line: str) -> None:
    assert is_description(line) and not title_like(line)


@pytest.mark.parametrize("line", DETAILS)
def test_details_are_stepped_over(line: str) -> None:
    assert is_detail(line) and not title_like(line)


@pytest.mark.parametrize(
    "line", ["WA", "QA", "IT", "Acme, Seattle, WA", "Staff Engineer", "Engineering Manager, ML", "Platform Team, ML"]
)
def test_codes_and_names_are_no_details(line: str) -> None:
    assert not is_detail(line)
