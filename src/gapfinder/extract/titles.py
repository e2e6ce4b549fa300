"""Telling a job title from an organisation in the header lines of a position block.

A position header is one to three short lines next to its date range, in one of the common layouts::

    Title | Org | dates          Title, Org           Title            dates
                                 dates                Org              Title at Org
                                                      dates

``split_header`` turns the header lines into ``(title, organization)``: the part with a job word wins the
title (an organisation suffix such as GmbH or Inc. votes against it); without any job word the layout's
order decides (title first).
"""

from __future__ import annotations

import re

# whole-word job words (English; a trailing plural "s" is accepted)
JOB_WORDS = frozenset(
    (
        "engineer",
        "developer",
        "programmer",
        "scientist",
        "manager",
        "director",
        "lead",
        "leader",
        "head",
        "analyst",
        "intern",
        "internship",
        "consultant",
        "officer",
        "architect",
        "researcher",
        "founder",
        "cofounder",
        "co-founder",
        "specialist",
        "administrator",
        "coordinator",
        "executive",
        "president",
        "vp",
        "svp",
        "evp",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cio",
        "cmo",
        "cpo",
        "ciso",
        "chief",
        "owner",
        "partner",
        "principal",
        "associate",
        "assistant",
        "designer",
        "technician",
        "representative",
        "supervisor",
        "advisor",
        "adviser",
        "strategist",
        "professor",
        "lecturer",
        "teacher",
        "tutor",
        "instructor",
        "accountant",
        "controller",
        "recruiter",
        "tester",
        "devops",
        "sre",
        "qa",
        "trainee",
        "apprentice",
        "student",
        "fellow",
        "postdoc",
        "scholar",
        "editor",
        "writer",
        "attorney",
        "counsel",
        "lawyer",
        "planner",
        "buyer",
        "agent",
        "broker",
        "operator",
        "nurse",
        "physician",
        "doctor",
        "auditor",
        "economist",
        "statistician",
        "mathematician",
        "physicist",
        "chemist",
        "biologist",
        "secretary",
        "clerk",
        "administrative",
        "staff",
        "freelancer",
        "contractor",
        "expert",
        "evangelist",
        "advocate",
        "trainer",
        "mentor",
        "coach",
        "entrepreneur",
        "investor",
        "steward",
        "marketer",
        "salesperson",
    )
)
# words or word endings of non-English titles (German compounds: Projektleiter, Softwareentwickler...)
JOB_STEMS = (
    "leiter",
    "leiterin",
    "führer",
    "fuehrer",
    "führerin",
    "entwickler",
    "entwicklerin",
    "berater",
    "beraterin",
    "ingenieur",
    "ingenieurin",
    "referent",
    "referentin",
    "assistent",
    "assistentin",
    "manager",
    "managerin",
    "mitarbeiter",
    "mitarbeiterin",
    "sachbearbeiter",
    "sachbearbeiterin",
    "vorstand",
    "inhaber",
    "inhaberin",
    "gründer",
    "gründerin",
    "praktikant",
    "praktikantin",
    "werkstudent",
    "werkstudentin",
    "prokurist",
    "prokuristin",
    "buchhalter",
    "buchhalterin",
    "kaufmann",
    "kauffrau",
    "techniker",
    "technikerin",
    "informatiker",
    "informatikerin",
    "wissenschaftler",
    "wissenschaftlerin",
    "spezialist",
    "spezialistin",
    "architekt",
    "architektin",
    "gerente",
    "directeur",
    "directrice",
    "responsable",
    "ingénieur",
    "jefe",
    "director",
    "directora",
    "desarrollador",
    "desarrolladora",
    "consultor",
    "consultora",
    "analista",
    "développeur",
    "chargé",
    "chargée",
    "chef",
    "stagiaire",
    "becario",
    "becaria",
    "ansvarig",
    "utvecklare",
    "konsult",
    "ledare",
    "handläggare",
    "rådgivare",
)
# legal forms and institution words: they vote against a part being the title
ORG_WORDS = frozenset(
    (
        "gmbh",
        "ag",
        "inc",
        "inc.",
        "llc",
        "ltd",
        "ltd.",
        "limited",
        "corp",
        "corp.",
        "corporation",
        "co.",
        "plc",
        "se",
        "kg",
        "ohg",
        "ug",
        "ab",
        "oy",
        "asa",
        "bv",
        "nv",
        "sa",
        "sas",
        "sarl",
        "srl",
        "s.r.l.",
        "spa",
        "s.p.a.",
        "pvt",
        "pty",
        "llp",
        "e.k.",
        "e.v.",
        "kgaa",
        "university",
        "universität",
        "universidad",
        "université",
        "universita",
        "institute",
        "institut",
        "college",
        "hochschule",
    )
)
INTERN_RE = re.compile(
    r"\b(?:intern|interns|internship|trainee|working student|werkstudent(?:in)?|praktikant(?:in)?|praktikum|"
    r"stagiaire|stage|becari[oa]|pr[aä]ctica[s]?|apprentice(?:ship)?|co-op)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LOCATION_CODE = re.compile(r"^(?:[A-Z]{2,3}|Remote|remote|Hybrid|hybrid|Germany|India|USA|UK)$")
# "Infosys Ltd - Pune, Maharashtra": a trailing " - City, Region" is a place, not part of the organisation
_TRAILING_PLACE = re.compile(r"\s-\s(?:[A-Z][\w.]*\s?){1,3},\s(?:[A-Z][\w.]*\s?){1,3}$")
_AT = re.compile(r"\s(?:at|bei|chez)\s|\s?@\s?")
_TRIM = " \t|,;:-•*[]/~"
_GLUE = ",\u00a0"  # a comma that is not a cut


def _clean(part: str) -> str:
    """Strip separators and unbalanced brackets from the ends of a header part."""
    part = re.sub(r"\(\s*\)", "", part).strip(_TRIM)
    while part.endswith("(") or (part.endswith(")") and part.count(")") > part.count("(")):
        part = part[:-1].strip(_TRIM)
    while part.startswith(")") or (part.startswith("(") and part.count("(") > part.count(")")):
        part = part[1:].strip(_TRIM)
    return part


def has_job_word(text: str) -> bool:
    """Does ``text`` name a role (Engineer, Head, Projektleiter, Gerente...)?"""
    for w in _WORD.findall(text.lower()):
        for piece in w.split("-"):
            if piece in JOB_WORDS or (piece.endswith("s") and piece[:-1] in JOB_WORDS):
                return True
            if any(piece.endswith(stem) for stem in JOB_STEMS):
                return True
    return False


def has_org_word(text: str) -> bool:
    """Does ``text`` carry a legal form or institution word (GmbH, Inc., University...)?"""
    return any(w.strip("()") in ORG_WORDS for w in text.lower().replace(",", " ").split())


def _title_score(part: str) -> int:
    return int(has_job_word(part)) - int(has_org_word(part))


def _strip_location(parts: list[str]) -> list[str]:
    """Drop a trailing ", City, ST" / ", Remote" from comma-separated parts."""
    if len(parts) >= 3 and _LOCATION_CODE.match(parts[-1]):
        return parts[:-2]
    if len(parts) >= 2 and _LOCATION_CODE.match(parts[-1]):
        return parts[:-1]
    return parts


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
    """Cut a trailing " - City, Region" (but keep " - Acme, Inc.")."""
    m = _TRAILING_PLACE.search(line)
    return line[: m.start()] if m and not has_org_word(m.group(0)) else line


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
    return _clean(head) if sep and _LOCATION_CODE.match(tail) else line


def split_header(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, organization) from the header lines of one position, top to bottom."""
    lines = [x for x in (_clean(ln) for ln in lines) if x]
    if not lines:
        return None, None
    parts = split_line(lines[0]) if len(lines) == 1 else lines
    if not parts:
        return None, None
    scores = [_title_score(p) for p in parts]
    if len(parts) == 1 and scores[0] < 0:  # only an organisation: "Acme GmbH\nJan 2020 - Present"
        return None, parts[0]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    title = parts[best]
    others = parts[best + 1 :] + parts[:best][::-1]
    org = next((o for o in others if not _LOCATION_CODE.match(o)), None)
    if org is not None and len(lines) > 1:
        org = _org_line(org)
    return title or None, org or None


def is_internship(title: str | None) -> bool:
    return bool(title and INTERN_RE.search(title))


__all__ = ["has_job_word", "has_org_word", "is_internship", "split_header", "split_line"]
