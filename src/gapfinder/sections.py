"""Section detection: split a normalised resume or job post at its headings.

A heading is a short line whose words are a known heading phrase, written in any case and dressed in
any of: Markdown ``#``/``**``/``__``, a trailing ``:``, numbering (``1.``, ``II)``, ``A.``), dot leaders,
letter spacing (``E X P E R I E N C E``). A line ``Label: content`` whose label is a heading phrase is an
inline heading; the section starts at that line. Sections are contiguous and cover the whole text: the
text before the first heading is ``header``; each section runs from its heading line to the next one.

Phrases are matched as keys (letters only, lower case, without "and"), so "What You’ll Do:",
"what you'll do" and "WHAT YOU'LL DO" are one key. Besides the phrase table, a line of known modifiers
followed by a head noun ("Relevant Technical Experience") and a compound of two headings ("Honors &
Awards") count. In text flattened to very long lines, headings written in capitals are found inside
the lines too. One pass over the lines, with bounded work per line: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from .extract.context import SectionSpan
from .models import SectionName

Kind = Literal["resume", "job"]

# ----------------------------------------------------------------------------------------- vocabulary
#: resume headings, section -> phrases separated by "|"
RESUME_PHRASES: dict[SectionName, str] = {
    "summary": "summary|profile|professional summary|professional profile|career summary|executive summary|"
    "summary of qualifications|qualifications summary|key qualifications|career profile|personal profile|"
    "personal statement|profile summary|about me|about|objective|career objective|professional objective|"
    "job objective|overview|introduction|bio|highlights|career highlights|summary of skills|who i am",
    "experience": "experience|experiences|work experience|professional experience|employment|"
    "employment history|work history|career history|professional history|job history|relevant experience|"
    "professional background|career|positions|positions held|work|internships|internship|research|"
    "experience and internships|research and teaching|professional career|employment record|"
    "work and leadership experience",
    "education": "education|academic background|educational background|academics|academic history|"
    "education and training|qualifications|academic qualifications|educational qualifications|"
    "education and qualifications|training|degrees|schooling|coursework|relevant coursework|courses|"
    "academic profile|academic record|academic credentials|education history",
    "skills": "skills|skill set|skillset|skills summary|technical skills|core competencies|competencies|"
    "key skills|technologies|technology|tech stack|technology stack|tools|tools and technologies|"
    "technologies and tools|expertise|areas of expertise|technical expertise|technical proficiencies|"
    "proficiencies|programming|programming languages|languages and technologies|languages and tools|"
    "computer skills|it skills|software|technical summary|strengths|key strengths|abilities|knowledge|"
    "technical knowledge|toolbox|stack|frameworks|skills and tools|skills and expertise|"
    "skills and abilities|technical competencies|core skills|capabilities",
    "certifications": "certifications|certification|certificates|certificate|licenses|licences|"
    "licenses and certifications|licences and certifications|certifications and licenses|"
    "courses and certifications|certifications and courses|certifications and training|"
    "training and certifications|trainings|professional certifications|credentials|accreditations|"
    "professional development|continuing education",
    "projects": "projects|personal projects|side projects|selected projects|key projects|academic projects|"
    "open source|open source contributions|open source projects|portfolio|project experience|"
    "research projects|notable projects|project|technical projects|projects and research",
    "publications": "publications|papers|selected publications|research papers|patents|"
    "publications and patents|patents and publications|conference papers|journal articles|talks|"
    "presentations|talks and presentations|speaking|conference talks|publications and talks|"
    "research and publications",
    "awards": "awards|honors|honours|achievements|accomplishments|awards and honors|honors and awards|"
    "awards and achievements|achievements and awards|recognition|recognitions|scholarships|distinctions|"
    "fellowships|grants|awards and recognition|honors and achievements|key achievements",
    "languages": "languages|spoken languages|language skills|foreign languages|language proficiency|"
    "linguistic skills|language",
    "interests": "interests|hobbies|hobbies and interests|interests and hobbies|personal interests|"
    "activities|extracurricular activities|extra curricular activities|extracurriculars|"
    "outside interests|pastimes|leisure",
    "references": "references|referees|references available upon request|reference",
    "other": "additional information|additional|volunteering|volunteer experience|"
    "volunteer work|community service|community involvement|leadership|leadership and activities|"
    "memberships|professional memberships|affiliations|professional affiliations|associations|"
    "miscellaneous|misc|other|other information|personal details|personal information|personal data|"
    "contact|contact information|contact details|contact me|links|social|declaration|involvement|"
    "campus involvement|on campus involvement|community|leadership and involvement",
}

#: job-post headings; they win over the resume phrases remapped by JOB_REMAP
JOB_PHRASES: dict[SectionName, str] = {
    "job_summary": "about the role|about this role|about the job|about this job|about the position|"
    "about the opportunity|the role|the opportunity|the position|role|position|job description|"
    "description|overview|role overview|position overview|job overview|position summary|job summary|"
    "role summary|summary|role description|position description|the job|the team and role|introduction",
    "responsibilities": "responsibilities|key responsibilities|main responsibilities|job responsibilities|"
    "primary responsibilities|role responsibilities|your responsibilities|duties|duties and "
    "responsibilities|responsibilities and duties|key duties|job duties|essential duties|"
    "essential functions|what you'll do|what you will do|what you'll be doing|what you will be doing|"
    "what you will work on|what you'll work on|your role|your mission|your impact|your tasks|tasks|"
    "in this role you will|in this role you'll|day to day|a day in the life|the work|"
    "what the job involves|what you'll achieve|how you'll make an impact|responsibilities include",
    "requirements": "requirements|job requirements|key requirements|minimum requirements|qualifications|"
    "minimum qualifications|basic qualifications|required qualifications|requirements and "
    "qualifications|qualifications and requirements|required skills|required experience|skills|"
    "experience|education|skills and experience|skills and qualifications|experience and skills|"
    "what you bring|what you'll bring|what you will bring|what we're looking for|what we are looking for|"
    "who we're looking for|who we are looking for|who you are|about you|you have|you are|you|"
    "must have|must haves|must have skills|your profile|profile|your skills|your experience|"
    "ideal candidate|the ideal candidate|what you need|what you'll need|what you will need|"
    "what it takes|knowledge skills and abilities|competencies|key skills|technical requirements|"
    "you should have|you will have|you'll have|you might be a fit if|is this you|candidate profile|"
    "tech stack|our stack|technologies|technology stack|tools|certifications|skills required|"
    "experience required|education required|qualifications required|required education|"
    "education and experience|experience and education|position requirements|role requirements",
    "preferred": "preferred qualifications|preferred skills|preferred experience|preferred requirements|"
    "preferred|nice to have|nice to haves|nice to have skills|bonus points|bonus|bonus points if|"
    "pluses|plus|big plus|desired skills|desired qualifications|desired experience|desirable|"
    "desirable skills|additional qualifications|good to have|extra credit|even better if|"
    "ideally you have|ideally|optional|it's a plus|it would be great if|would be great|"
    "bonus if you have|what would make you stand out|stand out if|preferred but not required",
    "benefits": "benefits|perks|perks and benefits|benefits and perks|what we offer|what we provide|"
    "compensation|compensation and benefits|salary|pay|pay range|salary range|why join us|why us|"
    "why work with us|why you'll love working here|what's in it for you|what you'll get|"
    "what you get|our offer|we offer|total rewards|rewards",
    "company": "about us|about the company|about the team|who we are|our mission|our culture|our team|"
    "our company|our story|our values|company overview|company description|the company|the team|"
    "equal opportunity|equal opportunity employer|equal employment opportunity|eeo statement|"
    "diversity|diversity and inclusion|diversity equity and inclusion|life at|culture",
    "other": "how to apply|application process|hiring process|interview process|next steps|"
    "additional information|other information|location|work location|additional details",
}
JOB_REMAP: dict[str, SectionName] = {
    "summary": "job_summary",
    "experience": "requirements",
    "education": "requirements",
    "skills": "requirements",
    "certifications": "requirements",
    "languages": "requirements",
}

#: "<modifiers> <head noun>": section -> head nouns; the line names the section of its head noun when
#: every word before it is a known modifier ("Relevant Technical Experience")
HEAD_NOUNS: dict[SectionName, str] = {
    "experience": "experience experiences history employment",
    "skills": "skills skill competencies expertise technologies tools proficiencies",
    "education": "education coursework courses",
    "projects": "projects",
    "publications": "publications papers patents talks",
    "awards": "awards honors honours achievements accomplishments",
    "certifications": "certifications certificates licenses",
    "languages": "languages",
    "interests": "interests hobbies activities",
    "summary": "summary profile objective",
    "references": "references",
    # job posts only
    "responsibilities": "responsibilities duties",
    "requirements": "requirements qualifications",
    "benefits": "benefits perks",
}
JOB_ONLY: frozenset[SectionName] = frozenset({"responsibilities", "requirements", "benefits"})
MODIFIERS = (
    "professional work relevant technical core key selected select additional other academic research "
    "teaching industry personal soft hard computer programming software it language leadership notable "
    "recent side open source career prior previous related engineering management consulting freelance "
    "military major featured main primary functional transferable interpersonal analytical business "
    "domain data cloud web design creative clinical lab laboratory field executive brief short general "
    "detailed full complete international internship volunteer extracurricular community university "
    "college graduate undergraduate postgraduate school high honors my our your the this role job "
    "position basic minimum required essential specific important must preferred desired desirable "
    "bonus optional nice plus good"
)
#: in a job post, a requirement heading with one of these modifiers is a preferred one
PREFERRED_MODIFIERS = "preferred desired desirable bonus optional nice plus good additional"
#: one-word headings strong enough to count inside flattened text ("... 2015 EDUCATION State ...")
FLAT_SINGLE_WORDS = (
    "experience experiences employment education skills summary objective profile projects publications "
    "awards honors honours certifications certificates languages interests hobbies references "
    "accomplishments achievements competencies expertise qualifications strengths coursework "
    "volunteering affiliations memberships declaration responsibilities requirements benefits"
)
#: inline headings ("Label: content") that stay sub-labels inside these resume sections (None: all)
INLINE_SUBLABELS: dict[SectionName, frozenset[SectionName] | None] = {
    "experience": None,
    "projects": None,
    "skills": frozenset({"languages", "other", "summary", "experience", "education", "projects"}),
    "education": frozenset({"awards", "other", "skills", "projects", "summary"}),
}
#: standalone headings written "Label:" (not in capitals) that stay sub-labels inside these sections
STANDALONE_SUBLABELS: dict[SectionName, frozenset[SectionName]] = {
    "experience": frozenset({"awards"}),
    "projects": frozenset({"awards"}),
}

# ------------------------------------------------------------------------------------------ matching
_LETTERS = re.compile(r"[^\W\d_]+")
_HASHES = re.compile(r"^#{1,6}\s*|\s+#+$")
_NUMBERING = re.compile(r"^(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]|\d{1,2}\s*[-–|:]?|§)\s+", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]{0,40}\)$")  # "Publications (selected)"
_TRAILING = " \t.·•_=~*-–—"  # dot leaders and rules after a heading
_SPLIT_COMPOUND = re.compile(r"\s*(?:&|\+|/|,|\band\b)\s*", re.IGNORECASE)
_BULLET_START = ("•", "- ", "* ", "+ ", "> ")
_MAX_LINE = 200  # characters of a line looked at; headings are far shorter
_FLAT_LINE = 300  # a longer line is flattened text, searched for headings in capitals
_CAPS_WORD = re.compile(r"[A-Z][A-Z'&/-]*[A-Z]|&")
_CAPS_RUN = re.compile(r"(?<![\w&/'-])(?:[A-Z][A-Z'&/-]*[A-Z]|&)(?: (?:[A-Z][A-Z'&/-]*[A-Z]|&))*(?![\w'-])")
_MAX_LABEL = 50
_MAX_WORDS = 6
_SENTENCE_END = ".!?:;)"


def _words(label: str) -> list[str]:
    return [w for w in _LETTERS.findall(label.casefold()) if w != "and"]


def _key(label: str) -> str:
    return "".join(_words(label))


def _table(kind: Kind) -> dict[str, SectionName]:
    table: dict[str, SectionName] = {}
    for name, phrases in RESUME_PHRASES.items():
        target = JOB_REMAP.get(name, name) if kind == "job" else name
        for phrase in phrases.split("|"):
            table[_key(phrase)] = target
    if kind == "job":
        for name, phrases in JOB_PHRASES.items():
            for phrase in phrases.split("|"):
                table[_key(phrase)] = name
    return table


_TABLES: dict[Kind, dict[str, SectionName]] = {"resume": _table("resume"), "job": _table("job")}
_HEADS: dict[str, SectionName] = {noun: name for name, nouns in HEAD_NOUNS.items() for noun in nouns.split()}
_MODIFIERS = frozenset(MODIFIERS.split())
_PREFERRED_MODIFIERS = frozenset(PREFERRED_MODIFIERS.split())


def _first_words() -> frozenset[str]:
    """Every word a heading can start with (and every whole key, for "WORKEXPERIENCE")."""
    words = set(_MODIFIERS) | set(_HEADS) | {"about"}
    for phrases in (*RESUME_PHRASES.values(), *JOB_PHRASES.values()):
        for phrase in phrases.split("|"):
            words.update((_words(phrase)[0], _key(phrase)))
    return frozenset(words)


_FIRST_WORDS = _first_words()
_FLAT_SINGLE_WORDS = frozenset(FLAT_SINGLE_WORDS.split())


def classify_heading(label: str, kind: Kind = "resume") -> SectionName | None:
    """The section a heading label names (without decoration), or None."""
    table = _TABLES[kind]
    found = table.get(_key(label))
    if found is not None:
        return found
    words = _words(label)
    if len(words) >= 2 and words[-1] in _HEADS and _MODIFIERS.issuperset(words[:-1]):
        name = _HEADS[words[-1]]
        if kind == "job":
            name = JOB_REMAP.get(name, name)
            if name == "requirements" and _PREFERRED_MODIFIERS.intersection(words[:-1]):
                name = "preferred"
        elif name in JOB_ONLY:
            return None
        return name
    if kind == "job" and words and words[0] == "about" and 2 <= len(words) <= 4:
        return "company"  # "About Acme": the role and "about you" are in the table
    parts = [p for p in _SPLIT_COMPOUND.split(label) if p.strip()]
    if len(parts) >= 2:
        names = [table.get(_key(p)) for p in parts]
        if all(names):
            return names[0]
    return None


def _clean(label: str) -> str:
    label = _HASHES.sub("", label.strip())
    label = label.strip("*_~`= \t")
    label = _NUMBERING.sub("", label)
    label = _PARENTHESIS.sub("", label.rstrip(_TRAILING)).rstrip(_TRAILING)
    return label.strip("*_~`\"'[]{}<>|:?!. \t")


def _short(label: str) -> bool:
    """Short enough for a heading, and no digits ("Project 1", "Language 2:" are item labels)."""
    if not label or len(label) > _MAX_LABEL or any(ch.isdigit() for ch in label):
        return False
    words = label.split()
    return len(words) <= _MAX_WORDS or all(len(w) == 1 for w in words)  # letter-spaced


def heading_of(line: str, kind: Kind = "resume") -> tuple[SectionName, int, bool] | None:
    """``(section, heading length, inline)`` when ``line`` (one line, no newline) is a heading."""
    head = line[:_MAX_LINE]
    first = _LETTERS.search(head, 0, _MAX_LABEL + 10)
    if first is None:
        return None
    word = first.group().casefold()
    if len(word) == 1:  # "A) Skills", "E X P E R I E N C E", or nothing
        if head[first.end() : first.end() + 1] not in (")", ".", " "):
            return None
    elif word not in _FIRST_WORDS and (len(word) > 4 or word.strip("ivx")):  # not a word, not "II."
        return None
    stripped = head.strip()
    if stripped.startswith(_BULLET_START):
        return None
    lead = len(head) - len(head.lstrip())
    colon = stripped.find(":", 0, _MAX_LABEL + 10)
    if colon > 0:
        rest = stripped[colon + 1 :].lstrip("*_ \t")
        label = _clean(stripped[:colon])
        if rest and _short(label) and len(label.split()) <= 5:
            name = classify_heading(label, kind)
            if name is not None:
                end = colon + 1
                while end < len(stripped) and stripped[end] in "*_":
                    end += 1
                return name, lead + end, True
            return None
    if len(line) > _MAX_LINE:
        return None
    label = _clean(stripped)
    if not _short(label):
        return None
    name = classify_heading(label, kind)
    return (name, lead + len(stripped), False) if name is not None else None


def detect_sections(text: str, kind: Kind = "resume") -> tuple[SectionSpan, ...]:
    """Contiguous sections covering ``text`` (normalised); ``()`` for an empty text."""
    if kind not in _TABLES:
        raise ValueError(f"kind must be 'resume' or 'job', not {kind!r}")
    if not text:
        return ()
    starts: list[tuple[int, int, SectionName, str]] = []  # (line start, heading start, section, heading)
    current: SectionName = "header"
    prev_line = ""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end == pos:  # a blank line
            prev_line = ""
            pos += 1
            continue
        line = text[pos : min(end, pos + _MAX_LINE + 1)]
        found = heading_of(line, kind)
        if found is not None and _accept(found, line, prev_line, current, kind):
            name, length, _inline = found
            lead = len(line) - len(line.lstrip())
            starts.append((pos, pos + lead, name, line[lead:length].strip()))
            current = name
        if end - pos > _FLAT_LINE:  # text flattened to long lines: look for capitalised headings in it
            for offset, name, heading in _caps_headings(text, pos + (found[1] if found else 0), end, kind):
                if name != current:
                    starts.append((offset, offset, name, heading))
                    current = name
        prev_line = line
        pos = end + 1
    spans: list[SectionSpan] = []
    if not starts or starts[0][0] > 0:
        spans.append(SectionSpan("header", 0, starts[0][0] if starts else n))
    for i, (start, heading_start, name, heading) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else n
        spans.append(SectionSpan(name, start, stop, heading=heading, heading_start=heading_start))
    return tuple(spans)


def _caps_headings(text: str, start: int, end: int, kind: Kind) -> Iterator[tuple[int, SectionName, str]]:
    """Headings in capitals inside a long line ("... 555-0100 WORK EXPERIENCE Acme ...").

    Each run of capitalised words is cut, left to right, into the longest pieces that are headings;
    runs of more than a dozen words are shouting, not headings.
    """
    for run in _CAPS_RUN.finditer(text, start, end):
        words = list(_CAPS_WORD.finditer(run.group()))
        if len(words) > 12:
            continue
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _MAX_WORDS), i, -1):
                if {words[i].group(), words[j - 1].group()} & {"&", "AND"}:
                    continue  # "EDUCATION AND" is half a heading
                piece = run.group()[words[i].start() : words[j - 1].end()]
                if j - i == 1 and piece.lower() not in _FLAT_SINGLE_WORDS:
                    continue  # "SALES ASSOCIATE & SOCIAL MEDIA": a lone weak word is no heading
                name = classify_heading(piece, kind)
                if name is not None:
                    yield run.start() + words[i].start(), name, piece
                    i = j
                    break
            else:
                i += 1


def _accept(found: tuple[SectionName, int, bool], line: str, prev_line: str, current: SectionName, kind: Kind) -> bool:
    name, length, inline = found
    if name == current:
        return False  # a repeated heading or a sub-heading: the section goes on
    label = line[:length].strip()
    if inline:
        if kind == "job" or current not in INLINE_SUBLABELS or _emphasised(label):
            return True
        sublabels = INLINE_SUBLABELS[current]
        return sublabels is not None and name not in sublabels
    if kind == "resume" and name in STANDALONE_SUBLABELS.get(current, ()) and label.endswith(":"):
        return label.isupper()  # "Key achievements:" under a job is part of it; "ACHIEVEMENTS:" is not
    if label == label.lower():
        # a lower-case heading word alone on a line is often the tail of a wrapped sentence
        before = prev_line.strip()
        return not before or before[-1] in _SENTENCE_END
    return True


def _emphasised(label: str) -> bool:
    """Markdown heading or bold, or capitals: a section heading, not a label inside an entry."""
    return label.startswith(("#", "**", "__")) or label.isupper()


__all__ = ["classify_heading", "detect_sections", "heading_of"]
