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

Job posts besides: "Label:" headings inside a line ("... ( verbal and written ) What we offer:"); a heading
run into its first sentence ("About us We make ..."); field headings ("Salary:", "Location") whose section
ends with their value, after which the section before goes on (a span without heading); sections about the
employer, its offer or the application (``CONTEXT_SECTIONS``) that end at a line turning to the role
("Your role in the team ...", "You'll work with ..."); and a line "We offer ..." that starts the offer.
The words are data in ``lexicon/sections.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..kinds import DOCUMENT_KINDS, DocumentKind, is_job, is_resume
from ..lexicon import section_words
from ..models import SectionName

_VOCAB = section_words()  # lexicon/sections.yaml
#: job-post sections about the employer, its offer or the application, not about the role
CONTEXT_SECTIONS = _VOCAB.context_sections
INLINE_SUBLABELS = _VOCAB.inline_sublabels
STANDALONE_SUBLABELS = _VOCAB.standalone_sublabels
JOB_ONLY = _VOCAB.job_only
JOB_REMAP = _VOCAB.job_remap


@dataclass(frozen=True, slots=True)
class SectionSpan:
    """A section of the *normalised* text: ``[start, end)``; ``heading`` is the heading line, if any."""

    name: SectionName
    start: int
    end: int
    heading: str | None = None
    heading_start: int | None = None


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
_RUN_IN_WORD = re.compile(r"[^\W_][\w'’&/-]*")
_ROLE_CUES = re.compile(_VOCAB.role_cues.pattern)
#: every match of ``_ROLE_CUES`` contains one of these (lower case)
_ROLE_WORDS = tuple(_VOCAB.role_cues.words)
_OFFER_LINE = re.compile(_VOCAB.offer_line)
_BENEFIT_WORDS = frozenset(_VOCAB.benefit_words)
_MIDLINE_COLON = re.compile(r"[^\W\d_]:(?=\s|$)")
_MAX_LABEL = 50
_MAX_WORDS = 6
_SENTENCE_END = ".!?:;)"


def _words(label: str) -> list[str]:
    return [w for w in _LETTERS.findall(label.casefold()) if w != "and"]


def _key(label: str) -> str:
    return "".join(_words(label))


def _table(kind: DocumentKind) -> dict[str, SectionName]:
    table: dict[str, SectionName] = {}
    job = is_job(kind)
    skip = set(_VOCAB.not_job_headings) if job else set()
    for name, phrases in _VOCAB.resume.items():
        target = JOB_REMAP.get(name, name) if job else name
        for phrase in phrases:
            if phrase not in skip:
                table[_key(phrase)] = target
    if job:
        for name, phrases in _VOCAB.job.items():
            for phrase in phrases:
                table[_key(phrase)] = name
    return table


_TABLES: dict[DocumentKind, dict[str, SectionName]] = {kind: _table(kind) for kind in DOCUMENT_KINDS}
_FIELD_KEYS = frozenset(_key(p) for p in _VOCAB.field_phrases)
_REQUIREMENT_TAILS = tuple(_words(t) for t in _VOCAB.requirement_tails)
_HEADS: dict[str, SectionName] = {noun: name for name, nouns in _VOCAB.head_nouns.items() for noun in nouns}
_MODIFIERS = frozenset(_VOCAB.modifiers)
_PREFERRED_MODIFIERS = frozenset(_VOCAB.preferred_modifiers)


def _first_words() -> frozenset[str]:
    """Every word a heading can start with (and every whole key, for "WORKEXPERIENCE")."""
    words = set(_MODIFIERS) | set(_HEADS) | {"about"}
    for phrases in (*_VOCAB.resume.values(), *_VOCAB.job.values()):
        for phrase in phrases:
            words.update((_words(phrase)[0], _key(phrase)))
    return frozenset(words)


_FIRST_WORDS = _first_words()
#: the first two words (as a key) of every job-post heading phrase of two words or more, and the last word of
#: every one: cheap tests before looking for run-in and "Label:" headings
_JOB_PHRASE_WORDS = [_words(p) for ps in (*_VOCAB.resume.values(), *_VOCAB.job.values()) for p in ps]
_JOB_PAIRS = frozenset("".join(w[:2]) for w in _JOB_PHRASE_WORDS if len(w) >= 2)
_JOB_LAST_WORDS = frozenset(w[-1] for w in _JOB_PHRASE_WORDS if w)
_FLAT_SINGLE_WORDS = frozenset(_VOCAB.flat_single_words)


def classify_heading(label: str, kind: DocumentKind = "resume", *, keywords: bool = True) -> SectionName | None:
    """The section a heading label names (without decoration), or None. With ``keywords``, a job-post label
    may also name a section by a word it contains ("What we'll offer you"): only for text known to be a
    heading (a colon, a question mark, capitals), not for any short line ("We offer solutions to banks")."""
    table = _TABLES[kind]
    job = is_job(kind)
    found = table.get(_key(label))
    if found is not None:
        return found
    words = _words(label)
    if len(words) >= 2 and words[-1] in _HEADS and _MODIFIERS.issuperset(words[:-1]):
        name = _HEADS[words[-1]]
        if job:
            name = JOB_REMAP.get(name, name)
            if name == "requirements" and _PREFERRED_MODIFIERS.intersection(words[:-1]):
                name = "preferred"
        elif name in JOB_ONLY:
            return None
        return name
    if job and words and words[0] == "about" and 2 <= len(words) <= 4:
        # "About Acme": the role and "about you" are in the table; "About the gig" is about the job
        return "job_summary" if words[1] in ("the", "this", "your") else "company"
    if job and keywords and len(words) <= 8 and any(words[-len(t) :] == t for t in _REQUIREMENT_TAILS):
        return "requirements"  # "To land this job, you need:"
    if job and keywords and len(words) <= _MAX_WORDS and _BENEFIT_WORDS.intersection(words):
        first = min(i for i, w in enumerate(words) if w in _BENEFIT_WORDS)
        if not {"you", "youll", "your"}.intersection(words[:first]):  # "What you offer" asks the candidate
            return "benefits"  # "What we'll offer you", "Benefits of working here"
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


def heading_of(line: str, kind: DocumentKind = "resume") -> tuple[SectionName, int, bool] | None:
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
    label = _clean(stripped) if len(line) <= _MAX_LINE else ""
    if label and _short(label):
        decorated = stripped.rstrip(_TRAILING).endswith((":", "?")) or label.istitle() or label.isupper()
        name = classify_heading(label, kind, keywords=decorated)
        if name is not None:
            return name, lead + len(stripped), False
    if is_job(kind):
        found = _run_in_heading(stripped)
        if found is not None:
            return found[0], lead + found[1], True
    return None


def _run_in_heading(line: str) -> tuple[SectionName, int] | None:
    """A job-post heading of two words or more run into the sentence it heads, without a colon ("About us We
    make ...", "Your Tasks Development of ..."): the words after it start with a capital and read as a
    sentence (five words or more, some in lower case), so a title such as "Data Protection Officer" is none."""
    if not line[:1].isupper():
        return None
    first = line.split(None, 2)[:2]
    pair = "".join(first).casefold()
    if not pair.isalpha():
        pair = _key(pair)
    if first[0].casefold() != "about" and pair not in _JOB_PAIRS:
        return None  # no heading of two words or more starts so
    words = list(_RUN_IN_WORD.finditer(line, 0, _MAX_LABEL + 10))
    if len(words) < 3:
        return None
    for k in range(min(len(words) - 1, _MAX_WORDS), 1, -1):
        nxt = words[k].group()
        if not nxt[:1].isupper() or line[words[k - 1].end() : words[k].start()] != " ":
            continue
        rest = line[words[k].start() :].split()
        if len(rest) < 5 or sum(w[:1].islower() for w in rest[:12]) < 2:
            return None
        label = line[: words[k - 1].end()]
        name = _TABLES["job"].get(_key(label))
        if name is None and _words(label)[0] == "about" and k <= 3:
            name = "company"  # "About Acme Acme builds ..."
        if name is not None:
            return name, words[k - 1].end()
    return None


def detect_sections(text: str, kind: DocumentKind = "resume") -> tuple[SectionSpan, ...]:
    """Contiguous sections covering ``text`` (normalised); ``()`` for an empty text."""
    if kind not in _TABLES:
        raise ValueError(f"kind must be 'resume' or 'job', not {kind!r}")
    if not text:
        return ()
    job = is_job(kind)
    starts: list[tuple[int, int | None, SectionName, str | None]] = []  # (start, heading start, section, heading)
    current: SectionName = "header"
    field: _Field | None = None  # a field heading ("Salary:") whose value ends its section
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
            name, length, inline = found
            lead = len(line) - len(line.lstrip())
            heading = line[lead:length].strip()
            starts.append((pos, pos + lead, name, heading))
            before, current = current, name
            field = _field(job, heading, before if field is None else field.resumes, inline)
        elif job and current in CONTEXT_SECTIONS and _turns_to_role(text, pos, min(end, pos + 600)):
            starts.append((pos, None, "job_summary", None))  # the text turns to the role again
            current, field = "job_summary", None
        elif job and current != "benefits" and _OFFER_LINE.match(line, len(line) - len(line.lstrip())):
            starts.append((pos, None, "benefits", None))  # "We offer ...": what follows is the offer
            current, field = "benefits", None
        elif field is not None:
            if field.lines_left == 0:
                starts.append((pos, None, field.resumes, None))  # the value is over: the section goes on
                current, field = field.resumes, None
            else:
                field.lines_left -= 1
        flat = end - pos > _FLAT_LINE
        # headings inside a line: any in a long line, a "Label:" ending a shorter one in a job post
        at = pos + (found[1] if found else 0)
        if flat or (job and at < end - 1 and text[pos:end].rstrip().endswith(":")):
            if not flat:
                at = max(at, text.rfind(" ", at, max(at, end - _MAX_LABEL)))  # only the line's last words
            for offset, name, heading in _flat_headings(text, at, end, kind, flat, job):
                if field is not None and field.lines_left == 0 and offset > at:
                    # a field's value runs to the end of its sentence inside a long line
                    stop = _sentence_end(text, at, offset)
                    if stop is not None:
                        starts.append((stop, None, field.resumes, None))
                        current, field = field.resumes, None
                if name != current:
                    starts.append((offset, offset, name, heading))
                    before, current = current, name
                    field = _field(job, heading, before if field is None else field.resumes, True)
                at = offset + len(heading)
        prev_line = line
        pos = end + 1
    spans: list[SectionSpan] = []
    if not starts or starts[0][0] > 0:
        spans.append(SectionSpan("header", 0, starts[0][0] if starts else n))
    for i, (start, heading_start, name, title) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else n
        if stop > start:
            spans.append(SectionSpan(name, start, stop, heading=title, heading_start=heading_start))
    return tuple(spans)


def _turns_to_role(text: str, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` turns to the role (the ``role_cues`` of ``sections.yaml``); the words
    of every cue are looked for first, so most lines cost a few substring tests."""
    low = text[start:end].lower()
    return any(w in low for w in _ROLE_WORDS) and _ROLE_CUES.search(text, start, end) is not None


@dataclass
class _Field:
    """An open field heading: the section to go back to, and the lines of value still to come."""

    resumes: SectionName
    lines_left: int


def _field(job: bool, heading: str, before: SectionName, inline: bool) -> _Field | None:
    """A job post's field heading ("Salary:", "Location") labels one value, not the text after it: its
    section ends with the value (its own line when inline, else the next line) and ``before`` goes on."""
    if not job or _key(_clean(heading)) not in _FIELD_KEYS:
        return None
    return _Field(before, 0 if inline else 1)


def _sentence_end(text: str, start: int, stop: int) -> int | None:
    """The offset after the first sentence end (". ", "! ", "? ") in ``[start, stop)``, or None."""
    ends = [i for i in (text.find(p, start, stop) for p in (". ", "! ", "? ")) if i >= 0]
    return min(ends) + 2 if ends else None


def _flat_headings(
    text: str, start: int, end: int, kind: DocumentKind, flat: bool, job: bool
) -> list[tuple[int, SectionName, str]]:
    """Headings inside a line, in order: in a long (``flat``) line capitalised ones, and in a job post "Label:"
    ones ("... ( verbal and written ) What we offer:")."""
    found = list(_caps_headings(text, start, end, kind)) if flat else []
    if job:
        taken = [(o, o + len(h)) for o, _, h in found]
        found += [
            (o, name, h)
            for o, name, h in _colon_headings(text, start, end)
            if not any(a < o + len(h) and o < b for a, b in taken)
        ]
        found.sort()
    return found


def _colon_headings(text: str, start: int, end: int) -> Iterator[tuple[int, SectionName, str]]:
    """ "Label:" headings inside a long line of a job post ("... Intercultural Teams Company description:
    Your Prospects ..."): the longest run of at most five words before a colon that starts with a capital
    and names a job-post section."""
    for colon in _MIDLINE_COLON.finditer(text, start, end):
        c = colon.start() + 1
        last = text[text.rfind(" ", max(start, c - 30), c) + 1 : c].casefold()
        if (last if last.isalpha() else _key(last)) not in _JOB_LAST_WORDS:
            continue  # no job heading ends with this word
        words = list(_RUN_IN_WORD.finditer(text, max(start, c - _MAX_LABEL), c))
        for k in range(min(len(words), 5), 0, -1):
            w = words[-k]
            if not w.group()[:1].isupper() or (w.start() > start and not text[w.start() - 1].isspace()):
                continue
            name = _job_label_section(text[w.start() : c])
            if name is not None:
                yield w.start(), name, text[w.start() : colon.end()]
                break


@functools.lru_cache(maxsize=8192)
def _job_label_section(label: str) -> SectionName | None:
    return _TABLES["job"].get(_key(label))


def _caps_headings(text: str, start: int, end: int, kind: DocumentKind) -> Iterator[tuple[int, SectionName, str]]:
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


def _accept(
    found: tuple[SectionName, int, bool], line: str, prev_line: str, current: SectionName, kind: DocumentKind
) -> bool:
    name, length, inline = found
    if name == current:
        return False  # a repeated heading or a sub-heading: the section goes on
    label = line[:length].strip()
    if inline:
        if is_job(kind) or current not in INLINE_SUBLABELS or _emphasised(label):
            return True
        sublabels = INLINE_SUBLABELS[current]
        return sublabels is not None and name not in sublabels
    if is_resume(kind) and name in STANDALONE_SUBLABELS.get(current, ()) and label.endswith(":"):
        return label.isupper()  # "Key achievements:" under a job is part of it; "ACHIEVEMENTS:" is not
    if label == label.lower():
        # a lower-case heading word alone on a line is often the tail of a wrapped sentence
        before = prev_line.strip()
        return not before or before[-1] in _SENTENCE_END
    return True


def _emphasised(label: str) -> bool:
    """Markdown heading or bold, or capitals: a section heading, not a label inside an entry."""
    return label.startswith(("#", "**", "__")) or label.isupper()


__all__ = ["CONTEXT_SECTIONS", "SectionSpan", "classify_heading", "detect_sections", "heading_of"]
