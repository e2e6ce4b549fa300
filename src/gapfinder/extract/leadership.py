"""Leadership and seniority signals: people management, team size, hiring, budgets, publications...

Every signal is a row of ``RULES`` (kind, label, regular expression); the rows of one kind are compiled
into one case-insensitive alternation, and its matches are those of one ``finditer`` over the text. The scan
only tries the positions where a match can start: every match of a kind starts with one of a few literal
strings or a digit (``trie.start_literals``, computed from the parsed pattern), and one pass over the
lower-cased text finds where any kind's start literals occur (``_candidates``); each kind then tries
``match`` at its own positions, left to right, skipping those inside its previous match, which is what
``finditer`` does at every position. ``{N}`` in a pattern is a number written in digits or words ("team of
8", "led twelve engineers"), ``{AMOUNT}`` a money amount ("$2.5M", "€300k"). One ``LeadershipSignal`` per
kind, with every mention; its value is the largest number stated (team size, budget in currency units).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import numbers
from ..models import LeadershipSignal, Mention, SignalKind
from .context import AnalysisContext
from .trie import guarded, lowercase_only, lowered_for_anchors, scan_at, start_literals, trie_pattern, word_start_finder

Kind = SignalKind
MAX_MENTIONS = 25

#: number words of a count ("led twelve engineers", "a dozen teams"): ``lexicon/numbers.yaml``
NUMBER_WORDS: dict[str, int] = numbers().counts()
_N = r"(?P<{g}>\d{{1,4}}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\+?"
#: "multiple teams", "several managers": at least two
_MANY = r"(?P<{g}>\d{{1,4}}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|multiple|several|many)\+?"
_AMOUNT = r"[$€£]\s?(?P<{g}>\d{{1,4}}(?:[.,]\d{{1,3}})?)\s?(?P<{g}u>[kmb]n?|million|billion|mm)?\b"
_TEAM = (
    r"(?:team|teams|group|groups|department|staff|squad|organi[sz]ation|function|unit|practice|crew|crews|"
    r"brigade|shift|workforce)"
)
_PEOPLE = (
    r"(?:engineers|developers|scientists|analysts|people|members|employees|reports|staff|researchers|"
    r"designers|consultants|ftes?|individuals|persons|professionals|ics|testers|architects|"
    r"associates|specialists|interns|contractors|team\smembers|direct\sreports|"
    # beyond software: the people other professions lead
    r"nurses|cooks|chefs|servers|technicians|drivers|agents|representatives|reps|buyers|planners|teachers|"
    r"workers|operators|coordinators|clerks|cashiers|accountants|auditors|paralegals|attorneys|lawyers|"
    r"officers|assistants|recruiters|editors|writers|volunteers|crew\smembers|tradespeople|electricians)"
)
#: people who manage others: managing them is managing managers
_MANAGERS = r"(?:managers|team\sleads|team\sleaders|tech\sleads|supervisors|directors|heads\sof\s\w+)"
#: a group larger than a team
_ORG = r"(?:organi[sz]ation|org|department|division|business\sunit|function|practice|group)"
#: "in a team of 8", "joined a team of 8": a team the person was part of, not one they lead
_MEMBER_OF = r"(?<!in\sa\s)(?<!of\sa\s)(?<!on\sa\s)(?<!joined\sa\s)(?<!within\sa\s)(?<!with\sa\s)"
_LEAD_VERB = (
    r"(?:led|lead|leads|leading|managed|manage|manages|managing|supervised|supervise|supervising|oversaw|"
    r"oversee|oversees|overseeing|directed|directing|headed|heading|built\sand\sled)"
)
_W = r"(?:[\w&/-]+\s){{0,{}}}?"  # up to n filler words


@dataclass(frozen=True, slots=True)
class Rule:
    kind: Kind
    label: str
    pattern: str  # may use {N} and {AMOUNT}; compiled case-insensitively


RULES: tuple[Rule, ...] = (
    # people management
    Rule(
        "people_management",
        "managed a team",
        # "tech lead for the ranking team" is technical leadership, not people management
        # "led the unit's sepsis refresher" is the unit's project, not leading the unit
        rf"(?<!tech\s)(?<!technical\s)(?<!project\s)\b{_LEAD_VERB}\s(?:a\s|an\s|the\s|my\s|our\s)?{_W.format(3)}"
        rf"{_TEAM}\b(?!['’])",
    ),
    Rule("people_management", "direct reports", r"\bdirect\sreports?\b"),
    Rule("people_management", "line manager", r"\b(?:line|people)\smanag(?:er|ers|ement)\b"),
    Rule("people_management", "managing engineers", rf"\b{_LEAD_VERB}\s{_W.format(2)}{_PEOPLE}\b"),
    Rule("people_management", "team lead", r"\bteam\slead(?:er)?\b"),
    Rule("people_management", "performance reviews", r"\bperformance\s(?:reviews?|appraisals?)\b"),
    # team size (the value): people who report to the person, never people hired or mentored
    Rule(
        "team_size",
        "team of N",
        rf"{_MEMBER_OF}\b(?:team|squad|group|crew|brigade|staff)\sof\s(?:up\sto\s|over\s|more\sthan\s|about\s|~\s?)?{{N}}",
    ),
    Rule(
        "team_size",
        "led N engineers",
        rf"\b(?:{_LEAD_VERB}|built|grew)\s"
        rf"(?:a\s{_TEAM}\sof\s|up\sto\s|over\s|more\sthan\s)?{{N}}\s{_W.format(2)}{_PEOPLE}\b",
    ),
    Rule("team_size", "N direct reports", r"\b{N}\s(?:direct\s)?reports\b"),
    Rule(
        "team_size",
        "N-person team",
        rf"{_MEMBER_OF}\b{{N}}[\s-](?:person|member|people|strong)\s(?:[\w-]+\s)?(?:team|squad)\b",
    ),
    Rule(
        "team_size",
        "grew the team to N",
        rf"\bgrew\s(?:the\s|a\s|my\s|our\s)?{_W.format(2)}{_TEAM}\s(?:from\s\d{{1,4}}\s)?to\s{{N}}",
    ),
    # scope beyond one team: managers as reports, several teams, an organisation
    Rule(
        "manages_managers",
        "managed managers",
        rf"\b{_LEAD_VERB}\s(?:a\sgroup\sof\s|up\sto\s)?(?:{{MANY}}\s)?(?:[\w-]+\s)?{_MANAGERS}\b"
        r"|\bmanag(?:er|ers|ing)\sof\smanagers\b",
    ),
    Rule(
        "manages_managers",
        "managers reporting to me",
        rf"\b(?:{{N}}\s)?(?:engineering\s|line\s|first-line\s|front-line\s|people\s|ml\s|data\s)?{_MANAGERS}\s"
        r"(?:who\s)?report(?:ed|ing|s)?\s(?:directly\s)?to\s(?:me|him|her)\b"
        rf"|\bthrough\s(?:their|my|his|her|{{N}})\s(?:[\w-]+\s)?{_MANAGERS}\b",
    ),
    Rule(
        "manages_managers",
        "hired managers",
        r"\b(?:hired|appointed|promoted)\s(?:and\s\w+\s)?(?:{N}\s)?(?:[\w-]+\s)?(?:managers|team\sleads)\b",
    ),
    Rule(
        "multi_team",
        "led N teams",
        rf"\b{_LEAD_VERB}\s(?:a\s|the\s|my\s|our\s)?(?:group\sof\s|total\sof\s)?{{MANY}}\s(?:[\w-]+\s){{0,2}}?"
        r"(?:teams|squads|groups|departments)\b",
    ),
    Rule(
        "multi_team",
        "people across N teams",
        rf"\b{_LEAD_VERB}\s{_W.format(3)}{{N}}\s{_W.format(1)}{_PEOPLE}\s(?:across|in|over)\s{{MANY}}\s"
        r"(?:[\w-]+\s)?(?:teams|squads|groups)\b",
    ),
    Rule(
        "org_size",
        "organisation of N",
        rf"\b{_LEAD_VERB}\s(?:a\s|an\s|the\s|my\s|our\s)?{_W.format(2)}{_ORG}\sof\s"
        rf"(?:up\sto\s|over\s|more\sthan\s|about\s|~\s?)?{{N}}",
    ),
    Rule(
        "org_size",
        "N-person organisation",
        rf"{_MEMBER_OF}\b{{N}}[\s-](?:person|people|member|strong)\s(?:[\w-]+\s){{0,2}}?{_ORG}\b",
    ),
    Rule(
        "org_size",
        "N people across teams",
        rf"\b{_LEAD_VERB}\s{_W.format(3)}{{N}}\s{_W.format(1)}{_PEOPLE}\s(?:across|in|over)\s"
        rf"(?:[\w-]+\s)?(?:[\w-]+\s)?(?:teams|squads|groups)\b"
        r"|\bheadcount\sof\s(?:over\s|about\s)?{N}|\b{N}\sheadcount\b",
    ),
    # hiring
    Rule("hiring", "hired", r"\b(?:hired|recruited)\b(?!\s(?:as|by|into|at)\b)"),
    Rule(
        "hiring",
        "hiring",
        r"\bhiring\s(?:and|of|for|process|pipeline|loop|committee|plan|decisions?|engineers|talent)\b"
        # 'hiring' listed among duties: "..., hiring, performance reviews" / "responsible for hiring"
        r"|(?:,|;|\band|\bfor|\bincluding|\bowned|\bowning|\bled|\bleading)\s+hiring\b(?!\s+(?:manager|managers)\b)",
    ),
    Rule(
        "hiring",
        "built the team",
        rf"\b(?:built|build|building|grew|grow|growing|scaled|scaling|formed|assembled)\s(?:out\s)?"
        rf"(?:the\s|a\s|an\s|my\s|our\s){_W.format(2)}{_TEAM}\b(?!['’])",
    ),
    Rule("hiring", "interviews", r"\b(?:conducted|led|ran)\s(?:\w+\s)?interviews\b|\btalent\sacquisition\b"),
    # mentoring
    Rule("mentoring", "mentored", r"\bmentor(?:ed|ing|s|ship)?\b"),
    Rule("mentoring", "coached", r"\bcoach(?:ed|ing)\b"),
    Rule(
        "mentoring",
        "onboarded",
        r"\b(?:onboard(?:ed|ing)|trained|guided)\s(?:new|junior|\d{1,3}|a\steam|interns|team\smembers)\b",
    ),
    # budget
    Rule("budget", "$N budget", r"{AMOUNT}\+?\s(?:\w+\s)?budget"),
    Rule("budget", "budget of $N", r"\bbudget\sof\s(?:over\s|about\s|up\sto\s)?{AMOUNT}"),
    Rule(
        "budget",
        "managed budget",
        rf"\b(?:managed|manage|managing|owned|own|owning|responsible\sfor)\s(?:a\s|the\s)?{_W.format(2)}budgets?\b",
    ),
    Rule(
        "budget", "budget responsibility", r"\bbudget(?:ary)?\s(?:ownership|responsibility|management|planning|owner)\b"
    ),
    Rule("budget", "P&L", r"\bp\s?&\s?l\b|\bprofit\sand\sloss\b|\bcost\scent(?:er|re)\b"),
    # roadmap / strategy
    Rule("roadmap", "roadmap", r"\broad-?maps?\b"),
    Rule("roadmap", "OKRs", r"\bOKRs?\b|\bquarterly\splanning\b"),
    Rule("strategy", "strategy", r"\bstrateg(?:y|ies|ic|ically|ize|ized)\b"),
    Rule(
        "strategy",
        "vision",
        r"\b(?:product|technical|technology|engineering|company|long-term)\svision\b|\bset\sthe\svision\b",
    ),
    # cross-functional work
    Rule("cross_functional", "cross-functional", r"\bcross[- ]?(?:functional(?:ly)?|team|departmental)\b"),
    Rule("cross_functional", "stakeholders", r"\bstakeholders?\b"),
    Rule(
        "cross_functional",
        "partnered with product",
        r"\b(?:partner(?:ed|ing)?|collaborat(?:ed|ing|e)|work(?:ed|ing)?\sclosely|liais(?:ed|ing))\swith\s"
        r"(?:the\s)?(?:product|design|sales|marketing|business|engineering|research|legal|finance|"
        r"operations|clinical|ux|customer)\b",
    ),
    # technical leadership
    Rule("technical_leadership", "tech lead", r"\btech(?:nical)?\s(?:lead|leader|leadership)\b"),
    Rule(
        "technical_leadership",
        "led the design",
        r"\b(?:led|lead|leading|drove|driving|owned)\s(?:the\s)?(?:[\w-]+\s){0,3}?(?:design|architecture|"
        r"re-?architecture|migration|re-?write|redesign|technical\sdirection)\b",
    ),
    Rule("technical_leadership", "architected", r"\barchitect(?:ed|ing)\b"),
    Rule("technical_leadership", "design reviews", r"\b(?:design|architecture)\sreviews?\b"),
    Rule(
        "technical_leadership",
        "set technical direction",
        r"\b(?:set|setting|defined|define|shaped|own(?:ed)?)\s(?:the\s)?(?:technical|engineering|architectural)"
        r"\s(?:direction|strategy|vision|roadmap|standards)\b",
    ),
    Rule("technical_leadership", "lead architect", r"\b(?:lead|principal|chief)\s(?:architect|engineer)\b"),
    # executive exposure
    Rule(
        "executive",
        "reported to the CEO",
        r"\breport(?:ed|ing|s)?\s(?:directly\s)?to\s(?:the\s)?(?:ceo|cto|cfo|coo|cio|cpo|founders?|"
        r"svp|evp|vp|board|president|managing\sdirector)\b",
    ),
    Rule("executive", "board", r"\bboard\sof\sdirectors\b|\bboard[- ](?:meetings?|members?|level|presentations?)\b"),
    Rule(
        "executive",
        "executive team",
        r"\bexecutive\s(?:team|leadership|committee|board|stakeholders|sponsors?|management)\b|"
        r"\bc[- ](?:level|suite)\b|\bsenior\sleadership\steam\b",
    ),
    Rule(
        "executive",
        "presented to executives",
        r"\bpresent(?:ed|ing)?\s(?:\w+\s)?to\s(?:the\s)?(?:executives|leadership|board|c-suite)\b",
    ),
    # research and community
    Rule("publications", "published", r"\bpublished\b|\bpublications?\b|\bco-?authored\b|\barxiv\b"),
    Rule(
        "publications",
        "venue paper",
        r"\b(?-i:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|SIGMOD|VLDB|OSDI|"
        r"SOSP|NSDI|AISTATS|Interspeech|ICASSP|JMLR|TPAMI|WSDM|RecSys|CoRL|ICRA|IROS|MICCAI)\b|"
        r"\b(?-i:ACL)\s?(?:20\d\d|'\d\d)\b",
    ),
    Rule(
        "publications",
        "first author",
        r"\bfirst[- ]author(?:ed)?\b|\bpeer[- ]reviewed\b|"
        r"\b(?:journal|conference|workshop)\s(?:papers?|articles?)\b",
    ),
    Rule(
        "speaking",
        "speaker",
        r"\bkeynotes?\b|\binvited\s(?:talks?|speaker|lectures?)\b|\b(?:speaker|spoke|presented)\sat\b|"
        r"\b(?:gave|delivered)\s(?:a\s|the\s)?(?:talk|keynote|tutorial|workshop)s?\b|\btalks?\sat\b|"
        r"\bpanel(?:ist|\sspeaker)\b|\bguest\slecture(?:r|s)?\b",
    ),
    Rule(
        "open_source",
        "open-source contributor",
        r"\bopen[- ]source\s(?:contributor|contributions?|maintainer|projects?|library|libraries|tools?|"
        r"software|packages?|community)\b|\b(?:core\s)?maintainer\b|\bcore\scontributor\b|\bcommitter\b",
    ),
    Rule(
        "open_source",
        "contributed to PyTorch",
        r"\bcontribut(?:ed|or|ions?|ing)\s(?:code\s|patches\s|features\s|fixes\s)?(?:to|on)\s(?:the\s)?"
        r"(?:open[- ]source|github|(?-i:[A-Z][\w.+-]{1,30}(?![\w.+-])))(?!\s(?!and\b|or\b)(?-i:[a-z]))",
    ),
    Rule("patents", "patent", r"\bpatent(?:s|ed)?\b|\bpatent[- ]pending\b"),
)


def _fill(pattern: str, placeholder: str, group: str, prefix: str) -> tuple[str, tuple[str, ...]]:
    """``pattern`` with each ``placeholder`` replaced by ``group`` under a name of its own."""
    pieces = pattern.split(placeholder)
    names = tuple(f"{prefix}{k}" for k in range(len(pieces) - 1))
    out = pieces[0]
    for name, piece in zip(names, pieces[1:], strict=True):
        out += group.format(g=name) + piece
    return out, names


class _Scanner:
    """The rules of one kind as one alternation, compiled for the scan that will run."""

    def __init__(self, rules: list[Rule]) -> None:
        parts = []
        #: per rule, the names of its number groups: counts ({MANY}) first, then numbers ({N})
        self.numbers: list[tuple[str, ...]] = []
        for i, r in enumerate(rules):
            body, counts = _fill(r.pattern, "{MANY}", _MANY, f"m{i}_")
            body, numbers = _fill(body, "{N}", _N, f"n{i}_")
            self.numbers.append(counts + numbers)
            parts.append(f"(?P<r{i}>{body.replace('{AMOUNT}', _AMOUNT.format(g=f'a{i}'))})")
        self.rules = rules
        self.source = "|".join(parts)
        #: compiled case-sensitively, ``source`` finds on the lower-cased text what it finds on the text
        self.lowercase = lowercase_only(self.source)
        #: how every match starts (``trie.start_literals``), when known: only those positions are tried
        self.starts = start_literals(self.source, re.IGNORECASE)

    # compiled on first use: the start-position scans ``match`` with the plain patterns; the guarded ones
    # (``trie.guarded``) serve a scan of a whole text that has no sound lower-cased copy
    @functools.cached_property
    def at_lowered(self) -> re.Pattern[str]:
        """``source`` compiled case-sensitively, for ``match`` on the lower-cased text (when ``lowercase``)."""
        return re.compile(self.source)

    @functools.cached_property
    def at_text(self) -> re.Pattern[str]:
        """``source`` compiled case-insensitively, for ``match`` on the text as it is."""
        return re.compile(self.source, re.IGNORECASE)

    @property
    def on_lowered(self) -> re.Pattern[str] | None:
        """For a scan of the whole lower-cased text: ``source`` case-sensitively, with a first-characters
        guard, when ``lowercase``."""
        return self.guarded_lowered if self.lowercase else None

    @functools.cached_property
    def guarded_lowered(self) -> re.Pattern[str]:
        return guarded(self.source)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """For a scan of the whole text as it is: ``source`` case-insensitively, with a first-characters guard."""
        return guarded(self.source, re.IGNORECASE)


def _compile_kind(kind: Kind) -> _Scanner:
    return _Scanner([r for r in RULES if r.kind == kind])


KINDS: tuple[Kind, ...] = tuple(dict.fromkeys(r.kind for r in RULES))
_COMPILED = {k: _compile_kind(k) for k in KINDS}
_MULTIPLIER = {
    "k": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}


def _value(m: re.Match[str], i: int, numbers: tuple[str, ...]) -> int | None:
    groups = m.groupdict()
    for name in numbers:
        n = groups.get(name)
        if n:
            return int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 2)  # "multiple", "several": 2
    amount = groups.get(f"a{i}")
    if amount:
        unit = (groups.get(f"a{i}u") or "").lower()
        number = float(amount.replace(",", ".") if unit else amount.replace(",", ""))
        return int(number * _MULTIPLIER.get(unit, 1))
    return None


@dataclass(frozen=True)
class _StartIndex:
    """Where the kinds' matches can start, found in one pass over the lower-cased text for all kinds."""

    #: a non-word character followed by a literal that starts matches at a word start (group 1)
    at_word: re.Pattern[str]
    #: any other start literal
    anywhere: re.Pattern[str]
    #: found literal -> indices (into ``KINDS``) of the kinds with a start literal that is a prefix of it
    kinds_at: dict[str, tuple[int, ...]]
    #: (kind index, ``Starts.digits``) of the kinds some of whose matches start with a digit
    digits: tuple[tuple[int, str], ...]


def _start_index() -> _StartIndex:
    at_word: dict[str, set[int]] = {}
    anywhere: dict[str, set[int]] = {}
    digits: list[tuple[int, str]] = []
    for k, kind in enumerate(KINDS):
        starts = _COMPILED[kind].starts
        if starts is None:
            continue
        for w in starts.bounded:
            (at_word if _WORD_START.match(w) else anywhere).setdefault(w, set()).add(k)
        for w in starts.free:
            anywhere.setdefault(w, set()).add(k)
        if starts.digits is not None:
            digits.append((k, starts.digits))
    kinds_at = {}
    for group in (at_word, anywhere):
        for w in group:
            kinds_at[w] = tuple(sorted({k for v, ks in group.items() if w.startswith(v) for k in ks}))
    return _StartIndex(
        at_word=word_start_finder(at_word) or re.compile("(?!)"),
        anywhere=re.compile(trie_pattern(anywhere, fold=False)),
        kinds_at=kinds_at,
        digits=tuple(digits),
    )


_WORD_START = re.compile(r"\w")
_INDEX = _start_index()
_DIGITS = {"\\b": re.compile(r"\d+"), "": re.compile(r"\d")}  # run starts (a word start is one); every digit


def _candidates(lowered: str) -> list[list[int]]:
    """For each kind (in ``KINDS`` order), the sorted positions of ``lowered`` where a match can start: a
    match at a word start begins with a literal after a non-word character (or at the start of the text),
    the others with a literal anywhere or a digit."""
    out: list[list[int]] = [[] for _ in KINDS]
    kinds_at = _INDEX.kinds_at
    for m in _INDEX.at_word.finditer(" " + lowered):  # one character per match: none hides the next
        p = m.start()  # the literal's offset in ``lowered``
        for k in kinds_at[m.group(1)]:
            out[k].append(p)
    unsorted: set[int] = set()
    search = _INDEX.anywhere.search
    found = search(lowered)
    while found is not None:
        p = found.start()
        for k in kinds_at[found.group()]:
            out[k].append(p)
            unsorted.add(k)
        found = search(lowered, p + 1)
    for k, where in _INDEX.digits:
        out[k].extend(d.start() for d in _DIGITS[where].finditer(lowered))
        unsorted.add(k)
    for k in unsorted:
        out[k].sort()
    return out


def _scan(scanner: _Scanner, text: str, lowered: str | None, positions: list[int] | None) -> Iterator[re.Match[str]]:
    """Every match of the kind, as one ``finditer`` over the whole text finds them."""
    on_lowered = lowered is not None and scanner.lowercase
    subject = lowered if lowered is not None and on_lowered else text
    if positions is None:
        whole = scanner.guarded_lowered if on_lowered else scanner.pattern
        return whole.finditer(subject)
    return scan_at(scanner.at_lowered if on_lowered else scanner.at_text, subject, positions)


def extract_leadership(ctx: AnalysisContext) -> tuple[LeadershipSignal, ...]:
    out: list[LeadershipSignal] = []
    lowered = lowered_for_anchors(ctx.text)
    candidates = None if lowered is None else _candidates(lowered)
    for k, kind in enumerate(KINDS):
        scanner = _COMPILED[kind]
        positions = None if candidates is None or scanner.starts is None else candidates[k]
        if positions is not None and not positions:
            continue  # no match can start anywhere
        rules = scanner.rules
        mentions: list[Mention] = []
        values: list[int] = []
        for m in _scan(scanner, ctx.text, lowered, positions):
            i = int((m.lastgroup or "r0")[1:])
            v = _value(m, i, scanner.numbers[i])
            if kind == "team_size" and (v is None or not 1 < v <= 10_000):
                continue
            if v is not None:
                values.append(v)
            if len(mentions) < MAX_MENTIONS:
                mentions.append(ctx.mention(m.start(), m.end(), "alias", rules[i].label))
        if mentions:
            value = max(values) if values else None
            out.append(LeadershipSignal(kind=kind, value=value, mentions=tuple(mentions)))
    return tuple(out)


__all__ = ["KINDS", "NUMBER_WORDS", "RULES", "Rule", "extract_leadership"]
