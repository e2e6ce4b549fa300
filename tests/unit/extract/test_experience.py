"""Positions, total years and stated years from resumes in the common layouts."""

from __future__ import annotations

import pytest

from gapfinder.extract.experience import extract_experience, stated_years, union_years
from gapfinder.models import Position
from gapfinder.text.context import SectionSpan
from helpers.context import make_ctx

TODAY = (2026, 11)

# (layout name, text, [(title, organization, start, end)]) most recent first
LAYOUTS = [
    (
        "lines",
        "EXPERIENCE\n\nStaff Engineer\nOrbital Widgets Inc.\nFeb 2021 - Present\n\n"
        "Software Developer\nKettle Labs\nJun 2017 - Jan 2021\n",
        [
            ("Staff Engineer", "Orbital Widgets Inc.", "2021-02", None),
            ("Software Developer", "Kettle Labs", "2017-06", "2021-01"),
        ],
    ),
    (
        "comma",
        "Work Experience\nData Analyst, Brightpath GmbH\n03/2019 - 08/2022\n\n"
        "Junior Analyst, Northwind Traders\n01/2017 - 02/2019\n",
        [
            ("Data Analyst", "Brightpath GmbH", "2019-03", "2022-08"),
            ("Junior Analyst", "Northwind Traders", "2017-01", "2019-02"),
        ],
    ),
    (
        "comma title with commas",
        "Experience\nMarketer, Planner, Acme AB\n2016 - 2017\n",
        [("Marketer, Planner", "Acme AB", "2016-01", "2017-01")],
    ),
    (
        "comma org with commas",
        "Experience\nResearcher, Institute of Optics, Lakeside University\n2012 - 2015\n",
        [("Researcher", "Institute of Optics, Lakeside University", "2012-01", "2015-01")],
    ),
    (
        "comma with legal form",
        "EXPERIENCE\nData Analyst, Brightpath, Inc.\n2019 - 2021\n",
        [("Data Analyst", "Brightpath, Inc.", "2019-01", "2021-01")],
    ),
    (
        "pipes",
        "EXPERIENCE\nHead of Data | Fernwood AG | 2020.01 ~ now\n\nStatistician | Quill & Co | 2015.06 ~ 2019.12\n",
        [("Head of Data", "Fernwood AG", "2020-01", None), ("Statistician", "Quill & Co", "2015-06", "2019-12")],
    ),
    (
        "dates first",
        "Experience\n\nMar '19 - present\nProject Director at Harbor Lights Ltd\n\n"
        "Dec '12 - Mar '19\nProject Manager at Harbor Lights Ltd\n",
        [
            ("Project Director", "Harbor Lights Ltd", "2019-03", None),
            ("Project Manager", "Harbor Lights Ltd", "2012-12", "2019-03"),
        ],
    ),
    (
        "title at org with dates",
        "EXPERIENCE\nSenior Consultant at Redwood Partners (Jan 2018 - Dec 2020)\n",
        [("Senior Consultant", "Redwood Partners", "2018-01", "2020-12")],
    ),
    (
        "org dash title",
        "EXPERIENCE\nAcme Corp - Principal Architect (2014 - 2018)\n",
        [("Principal Architect", "Acme Corp", "2014-01", "2018-01")],
    ),
    (
        "title @ org",
        "EXPERIENCE\nML Engineer @ Vectorly | Sept 2019 - Mar 2021\n",
        [("ML Engineer", "Vectorly", "2019-09", "2021-03")],
    ),
    (
        "blank lines and location",
        "WORK EXPERIENCE\n\nQA Engineer\n\nZenith Soft Pvt Ltd - Pune, Maharashtra -\n\n"
        "July 2016 to Present\n\n• Wrote test plans.\n• Automated regression suites.\n",
        [("QA Engineer", "Zenith Soft Pvt Ltd", "2016-07", None)],
    ),
    (
        "date in a bullet under the header",
        "WORK EXPERIENCE\n\nAssociate Software Engineer\n\nOrchid Systems\n\n"
        "• Maintains reporting scripts. (September 2017 onwards)\n",
        [("Associate Software Engineer", "Orchid Systems", "2017-09", None)],
    ),
    (
        "german",
        "BERUFSERFAHRUNG\nProjektleiter\nStadtwerke Nord GmbH\n04/2015 - heute\n",
        [("Projektleiter", "Stadtwerke Nord GmbH", "2015-04", None)],
    ),
    # the organisation on the line below the dates
    (
        "title and dates on one line, org below",
        "EXPERIENCE\n\nSenior Machine Learning Engineer                    08/2022 - Present\n"
        "Meridian Freight Technologies, Seattle, WA\n- Led the pricing models.\n\n"
        "Machine Learning Engineer                           03/2018 - 05/2020\n"
        "Harborview Retail Group, Portland, OR\n- Built recommenders.\n",
        [
            ("Senior Machine Learning Engineer", "Meridian Freight Technologies", "2022-08", None),
            ("Machine Learning Engineer", "Harborview Retail Group", "2018-03", "2020-05"),
        ],
    ),
    (
        "title, dates, org on three lines (pdf)",
        "EXPERIENCE\nSenior Machine Learning Engineer\n08/2022 - Present\n"
        "Meridian Freight Technologies, Seattle, WA\n• Led the pricing models.\n"
        "Machine Learning Intern\nMay 2023 - Aug 2023\nKestrel Mobility, Boulder, CO\n• Built a churn model.\n",
        [
            ("Senior Machine Learning Engineer", "Meridian Freight Technologies", "2022-08", None),
            ("Machine Learning Intern", "Kestrel Mobility", "2023-05", "2023-08"),
        ],
    ),
    (
        "course after the comma, org below",
        "EXPERIENCE\nAdjunct Lecturer, Applied Machine Learning (part-time)     01/2021 - 12/2022\n"
        "Puget Sound Community College \u2014 evening program\n- Taught a 10-week course.\n",
        [("Adjunct Lecturer", "Puget Sound Community College", "2021-01", "2022-12")],
    ),
    (
        "course after the comma, department below",
        "EXPERIENCE\nTeaching Assistant, Intro to Machine Learning (part-time)\nJan 2023 - May 2024\n"
        "Riverbend University, Department of Computer Science\n• Graded assignments.\n",
        [("Teaching Assistant", "Riverbend University, Department of Computer Science", "2023-01", "2024-05")],
    ),
    (
        "capitalised name below",
        "EXPERIENCE\nData Engineer    2015 - 2017\nLakeview Insurance Group\n• Built ETL pipelines.\n",
        [("Data Engineer", "Lakeview Insurance Group", "2015-01", "2017-01")],
    ),
    (
        "a bare place below is no organisation",
        "EXPERIENCE\nData Engineer    2015 - 2017\nChicago, IL\n• Built ETL pipelines.\n",
        [("Data Engineer", None, "2015-01", "2017-01")],
    ),
    (
        "an in-line organisation is kept",
        "EXPERIENCE\nData Analyst, Brightpath GmbH    2019 - 2021\nMunich Office\n• Reports.\n",
        [("Data Analyst", "Brightpath GmbH", "2019-01", "2021-01")],
    ),
    (
        "team after the comma, capitalised name below",
        "EXPERIENCE\nSoftware Engineer, Platform Team\n2019 - 2021\nAcme Robotics\n",
        [("Software Engineer", "Acme Robotics", "2019-01", "2021-01")],
    ),
    (
        "an in-line organisation with a place is kept",
        "EXPERIENCE\nSoftware Engineer, Acme, Seattle, WA\n2019 - 2021\nPlatform Team\n",
        [("Software Engineer", "Acme", "2019-01", "2021-01")],
    ),
    (
        "title - org, remote (comma)",
        "EXPERIENCE\nEngineer, Acme Robotics, Remote\n2019 - 2021\n",
        [("Engineer", "Acme Robotics", "2019-01", "2021-01")],
    ),
    (
        "undated-org placeholder: the next title is not taken",
        "EXPERIENCE\nDesk Officer\n-\n2006 - 2007\nCompany Commander\n-\n2000 - 2001\n",
        [("Desk Officer", None, "2006-01", "2007-01"), ("Company Commander", None, "2000-01", "2001-01")],
    ),
    (
        "a labelled line below is no organisation",
        "EXPERIENCE\nData Engineer    2015 - 2017\nTech Stack: Python, SQL\n",
        [("Data Engineer", None, "2015-01", "2017-01")],
    ),
    (
        "org and place split by a pipe below",
        "EXPERIENCE\nData Engineer    2015 - 2017\nAcme Robotics | Seattle, WA\n",
        [("Data Engineer", "Acme Robotics", "2015-01", "2017-01")],
    ),
    (
        "the next header below the dates is not taken",
        "EXPERIENCE\nEngineer\n2019 - 2021\nBarista\nBeta Corp\n2016 - 2019\n",
        [("Engineer", None, "2019-01", "2021-01"), ("Barista", "Beta Corp", "2016-01", "2019-01")],
    ),
    (
        "the next title on its own is not taken",
        "EXPERIENCE\nEngineer    2019 - 2021\nBarista\n2016 - 2019\n",
        [("Engineer", None, "2019-01", "2021-01"), ("Barista", None, "2016-01", "2019-01")],
    ),
    (
        "title and dates on one line, next block right below",
        "EXPERIENCE\nEngineer    2019 - 2021\nAcme Robotics\nAnalyst    2016 - 2019\nBeta Corp\n",
        [("Engineer", "Acme Robotics", "2019-01", "2021-01"), ("Analyst", "Beta Corp", "2016-01", "2019-01")],
    ),
    # organisation clean-up: a place or a lower-case note that can be told apart goes, anything else stays
    (
        "title - org, remote",
        "EXPERIENCE\n\n### Associate ML Engineer \u2014 Cobaltline Payments, Remote\n*2021-08 to 2022-11*\n",
        [("Associate ML Engineer", "Cobaltline Payments", "2021-08", "2022-11")],
    ),
    (
        "pipes with a place",
        "Work Experience\nData Scientist | Northstar Outdoor Supply, Minneapolis, MN | Aug 2023 - present\n",
        [("Data Scientist", "Northstar Outdoor Supply", "2023-08", None)],
    ),
    (
        "place and note in brackets",
        "EXPERIENCE\nEngineer, Acme Robotics (Remote)\n2019 - 2021\n\n"
        "Technical Advisor (part-time) \u2014 Quillfeather Health (seed-stage startup)    2017 - 2019\n",
        [
            ("Engineer", "Acme Robotics", "2019-01", "2021-01"),
            ("Technical Advisor (part-time)", "Quillfeather Health", "2017-01", "2019-01"),
        ],
    ),
    # lines that are never a header: bullets, sentences, duty lines, amounts, labelled details
    (
        "dates below each block (rendercv classic), a place and a duration beside them",
        "EXPERIENCE\nNexus AI, Co-Founder & CTO\n• Raised $18M Series A led by Sequoia, with participation from\n"
        "Founders Fund\n• Scaled the team.\nSan Francisco, CA\nJune 2023 – present\n2 years 5 months\n"
        "NVIDIA Research, Research Intern\n• Designed sparse attention.\nSanta Clara, CA\nMay 2022 – Aug 2022\n"
        "4 months\nJohn Doe – 1/2\n",
        [
            ("Co-Founder & CTO", "Nexus AI", "2023-06", None),
            ("Research Intern", "NVIDIA Research", "2022-05", "2022-08"),
        ],
    ),
    (
        "dates below each block, round bullets",
        "EXPERIENCE\nAcme Corp, Data Engineer – Austin, TX\n◦ Built the pipelines in Spark\n◦ Ran the on-call rota\n"
        "Jan 2020 – Mar 2022\nBeta LLC, Analyst – Remote\n◦ Reported churn in SQL\nJun 2017 – Dec 2019\n",
        [("Data Engineer", "Acme Corp", "2020-01", "2022-03"), ("Analyst", "Beta LLC", "2017-06", "2019-12")],
    ),
    (
        "ORG | TITLE above, a place beside the dates",
        "EXPERIENCE\nCOURSERA | KPCB FELLOW + SOFTWARE ENGINEERING INTERN\nJune 2014 – Sep 2014 | Mountain View, CA\n"
        "• Led and shipped Yoda.\n• Wrote code for JS using Backbone, Jade,\nStylus and Require and Scala using Play\n"
        "GOOGLE | SOFTWARE ENGINEERING INTERN\nMay 2013 – Aug 2013 | Mountain View, CA\n",
        [
            ("KPCB FELLOW + SOFTWARE ENGINEERING INTERN", "COURSERA", "2014-06", "2014-09"),
            ("SOFTWARE ENGINEERING INTERN", "GOOGLE", "2013-05", "2013-08"),
        ],
    ),
    (
        "icons and a place beside the dates, the header above",
        "EXPERIENCE\nPresident & CEO\nYahoo!\n📅 July 2012 – Ongoing ♂ Sunnyvale, CA\n• Led the acquisition.\n"
        "Vice President of Search Products & UX\nGoogle\n📅 2005 – 2010 ♂ Palo Alto, CA\n"
        "Product Manager & UI Lead\nGoogle\n📅 Oct 2001 – July 2005 ♂ Palo Alto, CA\n",
        [
            ("President & CEO", "Yahoo!", "2012-07", None),
            ("Vice President of Search Products & UX", "Google", "2005-01", "2010-01"),
            ("Product Manager & UI Lead", "Google", "2001-10", "2005-07"),
        ],
    ),
    (
        "sentences and duty lines are no header",
        "EXPERIENCE\nPayroll Clerk\nHarbor Foods\n2015 - 2018\nDeveloped staff schedules.\n"
        "Managed payroll as backup to manager.\n\nConsultant\nNeudesic\nWorking as Test Automation Engineer.\n\n"
        "Software Test Automation Engineer\nEPAM -\nDecember 2014 to October 2017\n",
        [
            ("Payroll Clerk", "Harbor Foods", "2015-01", "2018-01"),
            ("Software Test Automation Engineer", "EPAM", "2014-12", "2017-10"),
        ],
    ),
    (
        "an amount is no organisation",
        "EXPERIENCE\nSales Director\n$2-$3 M per year\n2016 - 2019\n",
        [("Sales Director", None, "2016-01", "2019-01")],
    ),
    (
        "labelled details restate the dates: no second position",
        "WORK EXPERIENCE\nLead Engineer - Automation & Testing\n\nCisco Systems -\n\nJanuary 2014 to June 2015\n\n"
        "DURATION Jan-2014 to Jun-2015\nTEAM SIZE 20\nClient: Insurance Client from London\n"
        "Duration: April 2014 -Till Date\n• Automated the suites.\n",
        [("Lead Engineer - Automation & Testing", "Cisco Systems", "2014-01", "2015-06")],
    ),
    (
        "the same dates again without a header",
        "WORK EXPERIENCE\nConsultant SDET\n\nMicrosoft -\n\nJune 2013 to Present\n\nJune 2013 - Present)\n"
        "Product Technologies: Cloud & Mobile Migrations, DevOps for Test Strategies, Visual Studio,\nAzure.\n",
        [("Consultant SDET", "Microsoft", "2013-06", None)],
    ),
    (
        "a date wrapped below a bullet",
        "EXPERIENCE\nProject Manager\nInfosys Limited\nFeb 2015 - Present\n"
        "• Winner of the Best Team Award in mid-size project category for excellence\n(2014 – 2015)\n",
        [("Project Manager", "Infosys Limited", "2015-02", None)],
    ),
    (
        "a sentence wrapped onto the date line",
        "EXPERIENCE\nFront Office Executive\nMicrosoft iGTSC\nJune 2016 to July 2017\n"
        "I have worked for Microsoft as a front office executive for\n11 months from May 2016 to July 2017.\n",
        [("Front Office Executive", "Microsoft iGTSC", "2016-06", "2017-07")],
    ),
    (
        "an acronym or department is no place",
        "EXPERIENCE\nResearch Associate\nKarlsruher Institut für Technologie (KIT)\n2008 - 2013\n\n"
        "Graduate Research Assistant    01/2017 - 12/2017\n"
        "Lakeshore Institute of Technology, Machine Perception Lab\n",
        [
            (
                "Graduate Research Assistant",
                "Lakeshore Institute of Technology, Machine Perception Lab",
                "2017-01",
                "2017-12",
            ),
            ("Research Associate", "Karlsruher Institut für Technologie (KIT)", "2008-01", "2013-01"),
        ],
    ),
]


def _summary(positions: tuple[Position, ...]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(p.title, p.organization, p.start, p.end) for p in positions]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in LAYOUTS], ids=[n for n, _, _ in LAYOUTS])
def test_layouts(text: str, expected: list[tuple[str, str | None, str, str | None]]) -> None:
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert _summary(exp.positions) == expected
    assert exp.basis == "positions"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # Jan - Mar is 2 months, as the gold counts it
        ("EXPERIENCE\nEngineer\nAcme\nJan 2020 - Mar 2020\n", 0.17),
        # overlapping jobs count once: 2015-01..2019-01 and 2017-01..2021-01 -> 6 years
        ("EXPERIENCE\nEngineer, Acme\n2015 - 2019\n\nAdvisor, Beta\n2017 - 2021\n", 6.0),
        # a gap is not counted: 2010-2012 + 2014-2016
        ("EXPERIENCE\nEngineer, Acme\n2014 - 2016\n\nEngineer, Beta\n2010 - 2012\n", 4.0),
        # current job runs to today (2026-11): 2025-11 .. 2026-11 = 1 year
        ("EXPERIENCE\nEngineer, Acme\nNov 2025 - Present\n", 1.0),
        # an end after today is capped
        ("EXPERIENCE\nEngineer, Acme\nNov 2025 - 2027\n", 1.0),
        # internships are dated positions and count (marked kind="internship")
        ("EXPERIENCE\nData Science Intern, Acme\nJun 2024 - Aug 2024\n", 0.17),
    ],
)
def test_total_years(text: str, years: float) -> None:
    assert extract_experience(make_ctx(text, today=TODAY)).total_years == years


def test_education_dates_never_count() -> None:
    text = (
        "EXPERIENCE\nEngineer, Acme\n2018 - 2020\n\nEDUCATION\nBSc Computer Science, Lakeside University\n2014 - 2018\n"
    )
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert _summary(exp.positions) == [("Engineer", "Acme", "2018-01", "2020-01")]
    assert exp.total_years == 2.0


def test_without_experience_section_study_blocks_are_skipped() -> None:
    text = (
        "Jane Roe\njane@example.org\n\n"
        "Lakeside University\nMSc Statistics\n2016 - 2018\n\n"
        "Analyst, Northwind Traders\n2018 - 2022\n\n"
        "PROJECTS\nChess engine\n2015 - 2016\n"
    )
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert _summary(exp.positions) == [("Analyst", "Northwind Traders", "2018-01", "2022-01")]


def test_projects_and_certifications_are_not_positions() -> None:
    text = (
        "EXPERIENCE\nEngineer, Acme\n2019 - 2021\n\n"
        "PROJECTS\nLead Developer, Open Thing\n2015 - 2017\n\n"
        "CERTIFICATIONS\nCloud Architect, Cloudco\n2020 - 2023\n"
    )
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert [p.start for p in exp.positions] == ["2019-01"]


def test_most_recent_first_and_kinds() -> None:
    text = (
        "EXPERIENCE\nSoftware Intern, Acme\nJun 2016 - Aug 2016\n\n"
        "Werkstudent, Beta GmbH\n10/2016 - 03/2017\n\n"
        "Engineer, Gamma\n2017 - Present\n"
    )
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert [(p.title, p.kind, p.current) for p in exp.positions] == [
        ("Engineer", "job", True),
        ("Werkstudent", "internship", False),
        ("Software Intern", "internship", False),
    ]


def test_offsets_point_into_the_original_text() -> None:
    original = "EXPERIENCE\n\n  Senior\tEngineer\nAcme\u00a0Corp\nJan 2020 \u2013 Present\n\u2022 Built things.\n"
    ctx = make_ctx(original, today=TODAY)
    (pos,) = extract_experience(ctx).positions
    assert pos.date_text == "Jan 2020 \u2013 Present"
    assert original[pos.start_offset : pos.end_offset].startswith("Senior\tEngineer")
    assert original[pos.start_offset : pos.end_offset].endswith("Built things.")
    assert pos.title == "Senior Engineer"


def test_block_runs_to_the_next_position() -> None:
    text = "EXPERIENCE\nEngineer, Acme\n2019 - 2021\n• Python\n\nAnalyst, Beta\n2016 - 2019\n• Excel\n"
    exp = extract_experience(make_ctx(text, today=TODAY))
    blocks = {p.title: text[p.start_offset : p.end_offset] for p in exp.positions}
    assert "Python" in blocks["Engineer"] and "Excel" not in blocks["Engineer"]
    assert "Excel" in blocks["Analyst"]


@pytest.mark.parametrize(
    ("summary", "years"),
    [
        ("Data scientist with 9+ years of experience in retail.", 9.0),
        ("Engineer with over 10 years in embedded systems.", 10.0),
        ("5 years' experience building APIs.", 5.0),
        ("Nine years of experience in analytics.", 9.0),
        ("Over 3.5 years of experience in DevOps, 2 years in cloud.", 3.5),
        ("12+ years; led teams of 40 people.", 12.0),
        ("Experience of 7 years in banking IT.", 7.0),
        ("Founded in 1999, 60 years of tradition.", None),  # implausible / not experience
        ("Worked 3 years in Berlin.", None),  # no experience cue
    ],
)
def test_stated_years(summary: str, years: float | None) -> None:
    text = f"SUMMARY\n{summary}\n"
    assert stated_years(make_ctx(text, today=TODAY)) == years


def test_stated_years_is_the_fallback_total() -> None:
    exp = extract_experience(make_ctx("SUMMARY\nAnalyst with 6+ years of experience.\n", today=TODAY))
    assert (exp.total_years, exp.stated_years, exp.basis, exp.positions) == (6.0, 6.0, "stated", ())


def test_dated_positions_win_over_stated_years() -> None:
    text = "SUMMARY\n15+ years of experience.\n\nEXPERIENCE\nEngineer, Acme\n2020 - 2022\n"
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert (exp.total_years, exp.stated_years, exp.basis) == (2.0, 15.0, "positions")


def test_stated_years_only_in_header_or_summary() -> None:
    text = "EXPERIENCE\nEngineer, Acme\nUsed Python for 8+ years of experience\n"
    assert stated_years(make_ctx(text, today=TODAY)) is None


def test_a_position_listed_twice_counts_once() -> None:
    block = "HVAC Technician\n\nInfosys -\n\nNovember 2015 to Present\n\n"
    exp = extract_experience(make_ctx("WORK EXPERIENCE\n\n" + block + block, today=TODAY))
    assert _summary(exp.positions) == [("HVAC Technician", "Infosys", "2015-11", None)]


def test_nothing_found() -> None:
    exp = extract_experience(make_ctx("Jane Roe\nKnows Python.\n", today=TODAY))
    assert (exp.total_years, exp.basis, exp.positions) == (None, "none", ())


def test_explicit_sections() -> None:
    text = "Acme - Engineer - 2019 - 2021\nSchool - 2010 - 2014\n"
    secs = (SectionSpan("experience", 0, 30, None), SectionSpan("education", 30, len(text), None))
    exp = extract_experience(make_ctx(text, sections=secs, today=TODAY))
    assert [p.start for p in exp.positions] == ["2019-01"]


def test_union_years_helper() -> None:
    base = {"title": None, "start_offset": 0, "end_offset": 1}
    ps = (Position(start="2020-01", end="2020-07", **base), Position(start="2020-04", end=None, **base))
    assert union_years(ps, (2021, 1)) == 1.0
    assert union_years((), (2021, 1)) is None


def test_single_line_documents_give_no_giant_titles() -> None:
    text = "EXPERIENCE\n" + ("lorem ipsum dolor sit amet " * 30 + "Engineer | Acme | 2019 - 2020 ") * 20
    exp = extract_experience(make_ctx(text, today=TODAY))
    assert all(p.title is None or len(p.title) <= 160 for p in exp.positions)
