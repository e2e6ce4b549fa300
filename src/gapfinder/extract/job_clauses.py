"""What a clause of a job post does: ask something of the candidate, describe the duties, or describe the
employer; and which skill words in it only name a team the job works with.

Only requirement sections (and clauses that ask) make requirements. Outside the labelled sections (the text
before the first heading, "About the role", other prose) a clause is read by its cues:

- it **asks** when it names what the candidate has or brings: "experience", "knowledge of", "proficient",
  "you have", "the ideal candidate", "must", "required", "N years", "degree" ...;
- else it states **duties** when the role is its subject ("you will", "you'll", "will be responsible for",
  "in this role" ...), when it introduces the role ("we are looking for a Senior ML Engineer to own ranking")
  or when it starts with a verb of work ("Build dashboards for our customers", "Leading ...");
- else it **describes the employer** when the company is its subject: "we", "our", "us", "join", "At Acme,",
  "Acme is a leading ... company", "founded", "headquartered", "our mission", its history ("for more than 50
  years", "since 1996") ...: the company blurb asks for nothing ("cutting edge ML and artificial intelligence for
  hospitals" is not a requirement);
- else it is plain prose: required in a post without requirement sections (all it has), nothing in the intro
  of a post that lists its requirements, responsibilities elsewhere (``job_groups.group_at``).

A skill word inside the object of a collaboration verb that names people or departments ("work with product
and field engineering", "partner with the data science and ML platform teams") names a team, not a skill the
job uses; so does one right before a team noun in a list ("our Data Engineering and AI team"). Domains and
fields of study named among the duties ("models for healthcare providers") describe the setting: they are
incidental there, and asked only where a clause asks for them.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Literal

from ..lexicon import clause_words
from .trie import guarded

ClauseKind = Literal["asks", "duties", "employer", "plain"]

#: taxonomy categories that describe the setting of the work when named among the duties or in prose
INCIDENTAL_CATEGORIES = frozenset({"domain", "field_of_study"})

_WORDS_OF = clause_words()  # lexicon/clauses.yaml
#: words and word pairs that ask something of the candidate (lower case; "’" read as "'")
_ASK_WORDS = frozenset(_WORDS_OF.asks.words)
_ASK_PREFIXES = tuple(_WORDS_OF.asks.prefixes)
_ASK_PAIRS = frozenset(_WORDS_OF.asks.pairs)
#: duties, and the introduction of the role ("We are looking for a Senior ML Engineer to own ranking"): what
#: the role does, not what it asks
_DUTY_WORDS = frozenset(_WORDS_OF.duties.words)
_DUTY_PAIRS = frozenset(_WORDS_OF.duties.pairs)
_DUTY_AFTER_WILL = frozenset(_WORDS_OF.duties.after_will)
#: a clause that starts with a verb of work states a duty: "Build dashboards for our customers", "Leading the
#: data strategy"
_DUTY_VERB = re.compile(
    "(?i:(?:" + "|".join(_WORDS_OF.duties.verb_stems) + ")(?:" + "|".join(_WORDS_OF.duties.verb_endings) + r")?)\b"
)
_EMPLOYER_WORDS = frozenset(_WORDS_OF.employer.words)
#: "Acme is a leading healthcare company": a name and a company noun as what it is
_COMPANY_NOUN = re.compile(
    r"\b(?:is|are) (?:a|an|the|one of the) (?:[\w-]+,? ){0,6}(?:" + "|".join(_WORDS_OF.employer.company_nouns) + r")\b",
    re.IGNORECASE,
)
#: the team or the organisation as the subject ("The team has ongoing research in ...", "This cross-functional team
#: leverages AWS"), or a label naming it ("Department: Data Engineering", "Group: Applied Statistics")
_ORG_SUBJECT = re.compile(
    r"(?:(?:the|this|our) (?:[\w-]+ ){0,3}(?:team|group|department|division|organi[sz]ation|company|lab)\b(?! will)|"
    r"(?:department|group|division|team|business unit|organi[sz]ation)\s*:)",
    re.IGNORECASE,
)
#: the company's history: "For more than 50 years, Acme ...", "Since 1996, ..."
_HISTORY = re.compile(
    r"\b(?:for|over) (?:more than |over |nearly |almost )?\d+ years\b|\bsince (?:18|19|20)\d\d\b", re.IGNORECASE
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
#: years asked for ("3+ years", "2-5 yrs", "at least three years"), not a company's history ("for 50 years")
_YEARS_ASKED = re.compile(
    r"\d\s*(?:\+|(?:-|–|to)\s*\d+\s*\+?)\s*(?:years?|yrs?)\b|"
    r"\b(?:at least|minimum(?: of)?|min\.?)\s+\S+\s+(?:years?|yrs?)\b",
    re.IGNORECASE,
)
#: "At Acme," / "At Acme Health we ..." opening a clause
_AT_COMPANY = guarded(r"(?:At|Here at) [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}\s*[,;:]?\s")

_COLLAB_VERB = re.compile(
    r"\b(?:work(?:s|ing)?(?: closely| directly| together| cross-functionally)? (?:with|alongside)|"
    r"partner(?:s|ing)? (?:closely )?with|collaborat\w+(?: closely)? with|in (?:close )?collaboration with|"
    r"liais\w+ with|interfac\w+ with|coordinat\w+ with|report(?:s|ing)? (?:in)?to|alongside|"
    r"join(?:s|ing)? (?:our|the|a))\b",
    re.IGNORECASE,
)
#: where the object of a collaboration verb ends: a purpose, a topic, another clause, a gerund taking its own
#: object (", gathering requirements"), the line
_OBJECT_END = re.compile(
    r"\s(?:to|in order to|on|for|in|across|around|about|as|so|that|who|which)\s|[.;:!?(\n]|"
    r",\s*(?:and\s+)?[a-z]+ing\s+(?!(?:teams?|groups?|partners?|leaders?|and|or)\b)[a-z]"
)
#: people and groups; a department word ("product", "design") only as an item of the list ("product and
#: engineering", "design teams"), not as a modifier ("product usage data")
_PEOPLE = re.compile(
    r"\b(?:"
    + "|".join(_WORDS_OF.teams.people)
    + "|(?:"
    + "|".join(_WORDS_OF.teams.departments)
    + r")(?=\s*(?:,|and\b|&|/|teams?\b|partners?\b|leaders?\b|stakeholders?\b|$)))\b",
    re.IGNORECASE,
)
#: skill categories that can name a team or a department ("data science", "engineering", "product
#: management"); tools and languages never do ("work with Spark and Kafka")
TEAM_CATEGORIES = frozenset({"field_of_study", "ml_domain", "ml_method", "leadership", "domain", "analytics", "math"})
#: the bullet, numbering or label before a clause's first word ("Objective 3: ", "2) ")
_FIRST_WORD = re.compile(r"[\s•*·>#-]*(?:(?:\d+[.)]|[A-Za-z]+ \d+:)\s*)?")
_TEAM_NOUN = guarded(r"\s*(?:teams?|groups?|departments?|org|organi[sz]ations?|functions?)\b")
_ENDS_ON_TEAM = re.compile(r"(?i:teams?|groups?)$")
_LIST_JOINT = guarded(r"\s*(?:,|and|&|/)\s*")
_TITLE_RUN = guarded(r"[A-Z][\w&+-]*(?: [A-Z][\w&+-]*){0,3}")
OBJECT_MAX = 80  # characters: the object of a collaboration verb is a short phrase
#: every collaboration verb and team noun above contains one of these (lower case)
TEAM_WORDS = tuple(_WORDS_OF.teams.cues)
_TEAM_CUE = re.compile("|".join(TEAM_WORDS), re.IGNORECASE)


def clause_kind(text: str, lo: int, hi: int) -> ClauseKind:
    """What the clause ``text[lo:hi]`` does (see the module docstring). A clause on a line of its own that starts in
    lower case continues the line before it ("... in sectors such as\ncybersecurity, healthcare"): that line is read
    too."""
    start = lo
    if lo > 1 and text[lo - 1] == "\n" and text[lo : lo + 1].islower():
        start = text.rfind("\n", 0, lo - 1) + 1
    return _kind(text[start:hi], lo - start)


def _first_word(clause: str) -> int:
    lead = _FIRST_WORD.match(clause)
    return lead.end() if lead is not None else 0


@functools.lru_cache(maxsize=1024)  # a clause is asked about once per requirement found in it
def _kind(clause: str, own: int = 0) -> ClauseKind:
    """``own``: where the clause itself starts in ``clause`` (after the line it continues, if any)."""
    words = _WORD.findall(clause.lower().replace("’", "'"))
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(words)}
    if (
        not _ASK_WORDS.isdisjoint(words)
        or not _ASK_PAIRS.isdisjoint(pairs)
        or any(w.startswith(_ASK_PREFIXES) for w in words)
        or _YEARS_ASKED.search(clause)
    ):
        return "asks"
    if (
        not _DUTY_WORDS.isdisjoint(words)
        or not _DUTY_PAIRS.isdisjoint(pairs)
        or any(a == "will" and b in _DUTY_AFTER_WILL for a, b in itertools.pairwise(words))
        or _DUTY_VERB.match(clause, own + _first_word(clause[own:]))
    ):
        return "duties"
    if (
        not _EMPLOYER_WORDS.isdisjoint(words)
        or _AT_COMPANY.match(clause)
        or _COMPANY_NOUN.search(clause)
        or _HISTORY.search(clause)
        or _ORG_SUBJECT.match(clause, _first_word(clause))
    ):
        return "employer"
    return "plain"


def may_name_teams(text: str, lo: int, hi: int) -> bool:
    """Whether the clause ``[lo, hi)`` holds a word of a collaboration verb or a team noun at all (``TEAM_WORDS``):
    else no mention in it names a team."""
    return _TEAM_CUE.search(text, lo, hi) is not None


def names_a_team(
    text: str, lo: int, hi: int, start: int, end: int, others: list[tuple[int, int]], collaborator: bool = True
) -> bool:
    """Whether the mention ``[start, end)`` of the clause ``[lo, hi)`` names a team or a department the job
    works with: in a list that ends on a team noun ("our Data Engineering and AI team"), or (``collaborator``:
    a skill of a kind that can name a department, ``TEAM_CATEGORIES``) inside the object of a collaboration verb
    that names people ("work with product and field engineering"). ``others``: the other mentions of the
    clause, which a list may run through."""
    spans = sorted({*others, (start, end)})
    # a list ending right before a team noun names teams: each mention in it, and Title Case names between (the
    # matcher finds no skill in a lone name before "team": "QA team"; here "the Applied AI group" too)
    starts = {s: e for s, e in spans}
    pos = end
    # a name that holds its team noun is the taxonomy's skill ("cross-functional teams"), not a team's name
    for joints in range(0 if _ENDS_ON_TEAM.search(text, start, end) else 8):
        noun = _TEAM_NOUN.match(text, pos)
        if noun is not None and (joints or not noun.group(0).strip().lower().startswith("team")):
            return True
        joint = _LIST_JOINT.match(text, pos)
        if joint is None:
            break
        nxt = starts.get(joint.end())
        if nxt is None:
            run = _TITLE_RUN.match(text, joint.end())
            if run is None:
                break
            nxt = run.end()
        pos = nxt
    if not collaborator:
        return False
    for verb in _COLLAB_VERB.finditer(text, max(lo, start - OBJECT_MAX), start):
        limit = min(hi, verb.end() + OBJECT_MAX)
        stop = _OBJECT_END.search(text, verb.end(), limit)
        obj_end = stop.start() if stop is not None else limit
        if verb.end() <= start and end <= obj_end and _PEOPLE.search(_without(text, verb.end(), obj_end, spans)):
            return True
    return False


def _without(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with the skill mentions blanked: a people word must be outside the skill names
    ("ML platform" is not "platform people"; "Product management" names a skill, not the product team)."""
    out = list(text[lo:hi])
    for s, e in spans:
        for i in range(max(s, lo), min(e, hi)):
            out[i - lo] = " "
    return "".join(out)


__all__ = [
    "INCIDENTAL_CATEGORIES",
    "OBJECT_MAX",
    "TEAM_CATEGORIES",
    "TEAM_WORDS",
    "ClauseKind",
    "clause_kind",
    "may_name_teams",
    "names_a_team",
]
