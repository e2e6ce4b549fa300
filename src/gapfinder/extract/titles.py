"""Telling a job title from an organisation in the header lines of a position block.

A position header is one to three short lines next to its date range, in one of the common layouts::

    Title | Org | dates          Title, Org           Title            dates
                                 dates                Org              Title at Org
                                                      dates

``split_header`` turns the header lines into ``(title, organization)``: the part with a job word wins the
title (an organisation suffix such as GmbH or Inc. votes against it); without any job word the layout's
order decides (title first). The organisation may also sit on the line *below* the dates ("Title  dates\\nOrg",
"Title\\ndates\\nOrg"): ``org_from_below`` decides whether that line is it. ``clean_org`` drops a trailing
place it can tell apart (", Seattle, WA", ", Remote", "(Remote)", " - Pune, Maharashtra") and a lower-case
note (" - evening program", "(seed-stage startup)"); anything else stays as written.
"""

from __future__ import annotations

import re

from ..lexicon import places, title_words

_WORDS_OF = title_words()  # lexicon/titles.yaml
# whole-word job words (English; a trailing plural "s" is accepted)
JOB_WORDS = frozenset(_WORDS_OF.job_words)
# words or word endings of non-English titles (German compounds: Projektleiter, Softwareentwickler...)
JOB_STEMS = tuple(_WORDS_OF.job_stems)
# legal forms and institution words: they vote against a part being the title
ORG_WORDS = frozenset(_WORDS_OF.org_words)
INTERN_RE = re.compile(r"\b(?:" + "|".join(_WORDS_OF.intern_words) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# "Infosys Ltd - Pune, Maharashtra": a trailing " - City, Region" is a place, not part of the organisation
_TRAILING_PLACE = re.compile(r"\s-\s(?:[A-Z][\w.]*\s?){1,3},\s(?:[A-Z][\w.]*\s?){1,3}$")
_TRAILING_MODE = re.compile(r"\s[-–—]\s(?:Remote|remote|Hybrid|hybrid|On-?site|on-?site)$")
_AT = re.compile(r"\s(?:at|bei|chez)\s|\s?@\s?")
# a place name: one to three capitalised words ("Seattle", "San Francisco", "St. Louis")
_PLACE_NAME = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}")
# a work mode stands for a place too, but never ends a "City, Region" pair: "Acme, Remote" is no city
_WORK_MODE = re.compile(r"^(?:Remote|remote|Hybrid|hybrid)$")
# a trailing note opening with a lower-case word: "College - evening program", "Health (seed-stage startup)"
_NOTE = re.compile(r"\s(?:-\s[a-z][a-z.'-]*(?:\s[^()]*)?|\([a-z][a-z.'-]*(?:\s[^()]*)?\))$")
_PAREN_TAIL = re.compile(r"\s\(([^()]*)\)$")
_SEP_TAIL = re.compile(r"\s[|•]\s([^|•]*)$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# lower-case words allowed inside a capitalised organisation name
_NAME_JOINERS = frozenset(_WORDS_OF.name_joiners)
_TRIM = " \t|,;:-•*[]/~"
_GLUE = ",\u00a0"  # a comma that is not a cut


def _clean(part: str) -> str:
    """Strip separators, Markdown emphasis and unbalanced brackets from the ends of a header part."""
    part = part.replace("**", "").replace("__", "")  # "**Senior Engineer** - Acme": bold marks no part
    part = _MD_HEADING.sub("", re.sub(r"\(\s*\)", "", part).strip(_TRIM)).strip(_TRIM)
    while part.endswith("(") or (part.endswith(")") and part.count(")") > part.count("(")):
        part = part[:-1].strip(_TRIM)
    while part.startswith(")") or (part.startswith("(") and part.count("(") > part.count(")")):
        part = part[1:].strip(_TRIM)
    return part


_MASTER_ROLE = re.compile(r"\b(" + "|".join(_WORDS_OF.master_roles) + r")\s?master\b")


def has_job_word(text: str, plural: bool = True) -> bool:
    """Does ``text`` name a role (Engineer, Head, Projektleiter, Gerente...)? ``plural``: do plurals count
    ("Data Engineers"; in an organisation name such as "Insurance Partners" they name no role)?"""
    low = _MASTER_ROLE.sub(r"\1master", text.lower())  # "Web Master", "Scrum Master": a role, not a degree
    for w in _WORD.findall(low):
        for piece in w.split("-"):
            if piece in JOB_WORDS or (plural and piece.endswith("s") and piece[:-1] in JOB_WORDS):
                return True
            if piece.endswith(JOB_STEMS):
                return True
    return False


def has_org_word(text: str) -> bool:
    """Does ``text`` carry a legal form or institution word (GmbH, Inc., University...)?"""
    return any(w.strip("()") in ORG_WORDS for w in text.lower().replace(",", " ").split())


def _title_score(part: str) -> int:
    return int(has_job_word(part)) - int(has_org_word(part))


def _lone_place(part: str) -> bool:
    """A place written alone after a name: a state or province code, a region, a country or a work mode
    ("WA", "Ontario", "Germany", "Remote"); never a company's acronym ("AXA", "EY") or a legal form ("LLC")."""
    lexicon = places()
    return (
        bool(_WORK_MODE.match(part))
        or part in lexicon.region_code
        or part in lexicon.country
        or (part in lexicon.region)
    )


def _place_code(code: str) -> bool:
    """The last part of a "City, X" place: a state or province (code or name), a country or its ISO code."""
    lexicon = places()
    return (
        code in lexicon.region_code
        or code in lexicon.country_code
        or code in lexicon.country
        or (code in lexicon.region)
    )


def _city(part: str) -> bool:
    return part in places().city


def _strip_location(parts: list[str]) -> list[str]:
    """Drop a trailing place from comma-separated parts: ", City, ST" (a known city, or any place name when
    something is left for the title and the organisation), ", ST", ", Germany", ", Remote", and a known
    city alone once a title and an organisation are left ("Engineer, Acme, Bangalore"; not in "Manager,
    Carrefour": a company may be named like a city)."""
    if len(parts) < 2:
        return parts
    last = parts[-1]
    city_before = len(parts) >= 3 and (_city(parts[-2]) or (len(parts) >= 4 and _PLACE_NAME.fullmatch(parts[-2])))
    if city_before and _place_code(last) and not _WORK_MODE.match(last):
        return parts[:-2]
    if _lone_place(last) or (_city(last) and (len(parts) >= 3 or " - " in parts[0])):
        return parts[:-1]
    return parts


def _is_place(text: str) -> bool:
    """A place and nothing else: "Remote", "WA", "Germany", "Seattle", "Seattle, WA", "Pune, Maharashtra"."""
    city, sep, code = text.rpartition(", ")
    if not sep:
        return _lone_place(text) or _city(text)
    if not _place_code(code) or code.lower() in ORG_WORDS:
        return False
    return bool((_city(city) or _PLACE_NAME.fullmatch(city)) and not has_org_word(city))


def is_place(text: str) -> bool:
    """A place and nothing else: "Remote", "WA", "Germany", "Seattle, WA" (see :mod:`.header_lines`)."""
    return _is_place(text)


def _place_tail(line: str) -> int | None:
    """Where a trailing ", City, ST" / ", Remote" / " (Remote)" starts, if the line has one after a name."""
    m = _PAREN_TAIL.search(line)
    # "Acme (Remote)", "Acme (Austin, TX)"; a bare "(IT)" / "(HR)" in brackets is an acronym
    if m and m.start() > 0 and _is_place(m.group(1)) and not re.fullmatch(r"[A-Z]{2}", m.group(1)):
        return m.start()
    parts = line.split(", ")
    for k in (2, 1):  # ", City, ST" first, then ", Remote" / ", WA"
        if len(parts) > k and _is_place(", ".join(parts[-k:])):
            return len(", ".join(parts[:-k]))
    return None


def _tail_cut(org: str) -> int | None:
    """Where a trailing note or place of an organisation starts, if it has one."""
    m = _NOTE.search(org)
    if m and m.start() > 0 and not has_org_word(m.group(0)):
        return m.start()
    m = _SEP_TAIL.search(org)  # "Acme | Seattle, WA"
    if m and m.start() > 0 and _is_place(_clean(m.group(1))):
        return m.start()
    return _place_tail(org)


def clean_org(org: str) -> str:
    """An organisation without a trailing place or lower-case note it can be told apart from."""
    org = _drop_place(_clean(org))
    while (cut := _tail_cut(org)) is not None and _clean(org[:cut]):
        org = _clean(org[:cut])
    return org


def looks_like_org(line: str) -> bool:
    """Does a line look like an organisation: an organisation word, a name followed by a place ("Acme,
    Seattle, WA") or a short capitalised name? Never a job title (a plural such as "Insurance Partners" names
    no role), a bare place ("Seattle, WA") or a labelled line ("Tech stack: Python")."""
    line = _clean(line)
    if not line or ":" in line or _is_place(line) or (has_job_word(line, plural=False) and not has_org_word(line)):
        return False
    if has_org_word(line) or _place_tail(line) is not None:
        return True
    words = line.replace(",", " ").split()
    return len(words) <= 6 and all(not w[0].isalpha() or w[0].isupper() or w in _NAME_JOINERS for w in words)


def org_from_below(title: str | None, org: str | None, header: str, below: str) -> str | None:
    """The organisation on the line below a one-line header ("Title  dates\\nOrg", "Title\\ndates\\nOrg").

    It is taken when the header gave a title (no organisation word in it) and the line below looks like an
    organisation (``looks_like_org``), unless the header's own organisation part has an organisation word or
    is followed by a place: in "Adjunct Lecturer, Applied ML (part-time)" over "Puget Sound Community
    College" the comma part names a course. None: the line below is not the organisation."""
    if not title or has_org_word(title) or not looks_like_org(below):
        return None
    if org is not None and (has_org_word(org) or _place_tail(_clean(header)) is not None):
        return None
    return clean_org(_org_line(below)) or None


def _legal_form(part: str) -> bool:
    words = part.lower().split()
    return 0 < len(words) <= 2 and all(w in ORG_WORDS for w in words)


def _best_split(line: str) -> list[str]:
    """'Title, Org' / 'Title - Org' / 'Org - Title': cut the line where a title and an organisation part.

    Every ", " and " - " is a candidate cut, scored by how title-like the part before it is minus how
    title-like the part after it is. Ties go to commas, then to the last comma (titles may hold commas:
    "Marketer, Planner, Acme AB"), then to the first dash. A dash with no evidence either way is only a
    cut in the plain "Title - Org" form (one dash, no comma): "Manager - Power Electronics" stays whole.
    """
    parts = _strip_location([p.strip() for p in line.split(", ")])
    # ", Inc." / ", LLC" belong to the organisation before them: glue them so they are no cut
    line = "".join(p if i == 0 else (_GLUE if _legal_form(p) else ", ") + p for i, p in enumerate(parts))
    cuts = [(m.start(), m.end(), 1, m.start()) for m in re.finditer(", ", line)]
    cuts += [(m.start(), m.end(), 0, -m.start()) for m in re.finditer(" - ", line)]
    if not cuts:
        return [line.replace(_GLUE, ", ")]
    keyed = [((_title_score(line[:s]) - _title_score(line[e:]), comma, order), s, e) for s, e, comma, order in cuts]
    (score, comma, _), s, e = max(keyed)
    if score == 0 and not comma and not (line.count(" - ") == 1 and ", " not in line):
        return [line.replace(_GLUE, ", ")]
    return [line[:s].replace(_GLUE, ", "), line[e:].replace(_GLUE, ", ")]


def _drop_place(line: str) -> str:
    """Cut a trailing " - City, Region" or " - Remote" (but keep " - Acme, Inc." and "Title - Acme, Remote")."""
    mode = _TRAILING_MODE.search(line)
    if mode and mode.start() > 0:
        line = line[: mode.start()]
    m = _TRAILING_PLACE.search(line)
    if not m or has_org_word(m.group(0)):
        return line
    if _WORK_MODE.match(m.group(0).rpartition(", ")[2].strip()):
        return line
    if has_job_word(line[: m.start()]) and not _is_place(m.group(0).split("-", 1)[1].strip()):
        return line  # "Engineer - Razorpay, Bangalore": an organisation and its place, for the split to read
    return line[: m.start()]


def split_line(line: str) -> list[str]:
    """The parts of one header line, in written order."""
    line = _drop_place(_clean(line))
    if not line:
        return []
    for sep in (" | ", "|", " • "):
        if sep in line:
            parts = [p for p in (_clean(x) for x in line.split(sep)) if p]
            return [*split_line(parts[0]), *parts[1:]] if len(parts) > 1 and _AT.search(parts[0]) else parts
    m = _AT.search(line)
    if m and m.start() > 0 and m.end() < len(line):
        return [_clean(line[: m.start()]), _clean(line[m.end() :])]
    return [p for p in (_clean(x) for x in _best_split(line)) if p]


def _org_line(line: str) -> str:
    """An organisation line without a trailing place: 'Infosys Ltd - Pune, Maharashtra -' -> 'Infosys Ltd'."""
    line = _drop_place(_clean(line))
    head, sep, tail = line.partition(" - ")
    return _clean(head) if sep and (_lone_place(tail) or _city(tail)) else line


def split_header(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, organization) from the header lines of one position, top to bottom."""
    lines = [x for x in (_clean(ln) for ln in lines) if x]
    if not lines:
        return None, None
    # "ORG | TITLE" over "Palo Alto, CA & Ithaca": a line split by pipes with a job word is the whole header
    piped = [ln for ln in lines if ("|" in ln or " • " in ln) and has_job_word(ln)]
    if len(lines) > 1 and len(piped) == 1:
        lines = piped
    parts = split_line(lines[0]) if len(lines) == 1 else lines
    if not parts:
        return None, None
    scores = [_title_score(p) for p in parts]
    if len(parts) == 1 and scores[0] < 0:  # only an organisation: "Acme GmbH\nJan 2020 - Present"
        return None, parts[0]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    title = parts[best]
    others = parts[best + 1 :] + parts[:best][::-1]
    org = next((o for o in others if not _lone_place(o)), None)
    if org is not None and len(lines) > 1:
        org = _org_line(org)
    if org is not None:
        org = clean_org(org)
    return title or None, org or None


def is_internship(title: str | None) -> bool:
    return bool(title and INTERN_RE.search(title))


__all__ = [
    "clean_org",
    "has_job_word",
    "has_org_word",
    "is_internship",
    "is_place",
    "looks_like_org",
    "org_from_below",
    "split_header",
    "split_line",
]
