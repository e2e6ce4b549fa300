"""A job post's requirements as items: skills (with alternatives), years, degrees and certifications.

The posting is read clause by clause (a line, cut at sentences and semicolons); where a clause sits and
the preference cues around a mention decide its group (``job_groups``: required, preferred or
responsibilities; benefits and company boilerplate never give a requirement).

Alternatives: mentions in one clause joined by "or", "and/or" or "/" are one item ("PyTorch or
TensorFlow"); a comma list is one item when its last joint is "or" ("AWS, GCP or Azure") or when a
choice cue precedes it ("one of", "at least one", "such as", "e.g."), and so is a parenthesised list
of examples ("models (scikit-learn, XGBoost, PyTorch)"). Otherwise each mention is its own item
("Docker and Kubernetes" asks for both).

"N+ years of X" gives the item for X ``years=N``; the largest stated number of years of experience
becomes a ``years`` item of its own. Degrees: one item per clause naming degrees, at the lowest level the
clause accepts ("BS/MS" -> bachelor), with the fields it names, "or a related field" and "or equivalent
experience". A skill is asked for once: the first clause that names it alone, required before
responsibilities before preferred.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..lexicon import numbers
from ..models import (
    CertificationFinding,
    EducationFinding,
    JobRequirement,
    Mention,
    RequirementGroup,
    RequirementKind,
    SkillFinding,
    Span,
)
from ..taxonomy import Taxonomy
from ..text.context import AnalysisContext
from .degree_index import degree_index
from .job_clauses import (
    INCIDENTAL_CATEGORIES,
    TEAM_CATEGORIES,
    TEAM_WORDS,
    clause_kind,
    may_name_teams,
    names_a_team,
)
from .job_groups import (
    NOT_REQUIREMENT,
    STRUCTURED,
    any_in,
    asked,
    clause_and_reach,
    clause_bounds,
    group_at,
    preferred_at,
    word_offsets,
)

_OR_JOINT = re.compile(r"\s*,?\s*(?:or|and/or|/|\|)\s*(?:an?\s+|the\s+)?", re.IGNORECASE)
_COMMA_JOINT = re.compile(r"\s*,\s*|\s*;\s*")
_AND_JOINT = re.compile(r"\s*,?\s*(?:and|&|as well as|plus)\s*", re.IGNORECASE)
_CHOICE_CUE = re.compile(
    r"\b(?:one of|one or more|at least one|any of|any one of|either|such as|e\.g\.?|for example|for instance|like)\b",
    re.IGNORECASE,
)
#: number words of a count (``lexicon/numbers.yaml``)
_COUNTS = numbers().counts()
YEARS_RE = re.compile(
    r"\b(\d{1,2}|" + "|".join(w for w in _COUNTS if " " not in w) + r")\s*\+?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:\(\d{1,2}\)\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_COMPANY_SUBJECT = re.compile(
    r"\b(?:been|founded|established|in business|serving|served|history|legacy|for (?:over|more than)|"
    r"(?:company|organization|organisation|firm|business|leader|provider|partner)s? (?:with|of|for))\b",
    re.IGNORECASE,
)
#: what may stand before the first word of a clause: bullets, dashes, spaces
_LEAD = " \t•*-–+·>"
_FOR_N_YEARS = re.compile(r"(?i:for) \d")
_EXPERIENCE_NEAR = re.compile(r"experience|exp\b|background|industry|professional|working", re.IGNORECASE)
# "5+ years of (hands-on) (experience) (with|in|using) <skill>"
_YEARS_OF = re.compile(
    r"\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:experience\s+)?(?:with|in|using|of|building|developing)?\s*",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"\b(?:related|similar|relevant|equivalent|comparable|quantitative|technical) (?:fields?|disciplines?|areas?)", re.I
)
_EQUIVALENT = re.compile(
    r"\bequivalent (?:practical |professional |work |industry |hands-on )?(?:experience|combination)", re.I
)
_DEGREE_JOINT = re.compile(
    r"(?:['’]s)?(?:\s+degrees?)?\s*(?:/|,\s*or|,|or|and/or|&)\s*(?:an?\s+|the\s+)?", re.IGNORECASE
)
_GROUP_ORDER: dict[RequirementGroup, int] = {"required": 0, "responsibilities": 1, "preferred": 2}
_DEGREE_WORD = {"highschool": "High school", "associate": "Associate", "bachelor": "Bachelor's",
                "master": "Master's", "phd": "PhD", "other": "Degree"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: RequirementKind
    ref: str  # skill or certification id
    start: int  # normalised offsets
    end: int
    mention: Mention


def _norm_span(ctx: AnalysisContext, m: Mention) -> tuple[int, int]:
    offs = ctx.norm.offsets
    return bisect.bisect_left(offs, m.start), max(bisect.bisect_left(offs, m.end), bisect.bisect_left(offs, m.start))


def _span(ctx: AnalysisContext, lo: int, hi: int) -> Span:
    s, e = ctx.norm.to_original(lo, hi)
    return Span(start=s, end=e, text=ctx.norm.original[s:e], section=ctx.section_at(lo))


def _chains(text: str, hits: list[_Hit], lo: int) -> list[list[_Hit]]:
    """Split the ordered hits of one clause into items: alternatives chained, the rest alone."""
    if not hits:
        return []
    runs: list[list[_Hit]] = [[hits[0]]]
    joints: list[list[str]] = [[]]
    for prev, cur in itertools.pairwise(hits):
        between = text[prev.end : cur.start]
        kind = (
            "or"
            if _OR_JOINT.fullmatch(between)
            else "comma"
            if _COMMA_JOINT.fullmatch(between)
            else "and"
            if _AND_JOINT.fullmatch(between)
            else None
        )
        if kind is None or prev.kind != cur.kind:
            runs.append([cur])
            joints.append([])
        else:
            runs[-1].append(cur)
            joints[-1].append(kind)
    out: list[list[_Hit]] = []
    floor = lo
    for run, js in zip(runs, joints, strict=True):
        first = run[0].start
        in_parens = text.rfind("(", floor, first) > text.rfind(")", floor, first)
        choice = word_offsets(text, _CHOICE_WORDS)
        cue = (choice is None or any_in(choice, max(lo, first - 60), first)) and (
            _CHOICE_CUE.search(text, max(lo, first - 60), first) is not None
        )
        floor = run[-1].end
        # "A, B and C, or D": the "and" joints separate; each part is a choice when it says "or", when a
        # choice cue leads into it ("one of A, B, C"), or when it is a parenthesised list of examples
        parts: list[tuple[list[_Hit], list[str]]] = [([run[0]], [])]
        for h, j in zip(run[1:], js, strict=True):
            if j == "and":
                parts.append(([h], []))
            else:
                parts[-1][0].append(h)
                parts[-1][1].append(j)
        for k, (part, pjs) in enumerate(parts):
            if len(part) > 1 and ("or" in pjs or (k == 0 and cue) or (in_parens and len(parts) == 1)):
                out.append(part)
            else:
                out.extend([h] for h in part)
    return out


def _years_for(ctx: AnalysisContext, run: list[_Hit], lo: int) -> float | None:
    """'N+ years of <run>' in the clause, the number right before the run."""
    text = ctx.text
    for m in YEARS_RE.finditer(text, lo, run[0].start):
        rest = text[m.end() : run[0].start]
        if _YEARS_OF.fullmatch(rest):
            n = _number(m.group(1))
            return n if 0 < n <= 30 else None
    return None


def _number(raw: str) -> float:
    raw = raw.lower()
    return float(int(raw) if raw.isdigit() else _COUNTS[raw])


def _label(tax: Taxonomy, run: list[_Hit]) -> str:
    names: list[str] = []
    for h in run:
        name = tax.skills[h.ref].name if h.kind == "skill" else tax.certifications[h.ref].name
        if name not in names:
            names.append(name)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _hits(
    ctx: AnalysisContext, skills: Iterable[SkillFinding], certifications: Iterable[CertificationFinding]
) -> list[_Hit]:
    out: list[_Hit] = []
    for kind, findings in (("skill", skills), ("certification", certifications)):
        for f in findings:
            for m in f.mentions:
                s, e = _norm_span(ctx, m)
                out.append(_Hit(kind, f.id, s, e, m))  # type: ignore[arg-type]
    out.sort(key=lambda h: (h.start, -h.end))
    return out


#: every match of ``_CHOICE_CUE`` contains one of these (lower case): where none is, the search is skipped
_CHOICE_WORDS = ("one", "any", "either", "such as", "e.g", "for example", "for instance", "like")


_LIST_HEAD_GAP = re.compile(
    r"(?:\s+[\w-]+){0,2}\s*(?:[:(]|[—–-]\s|,?\s*(?:such as|e\.g\.?|like|including))\s*", re.IGNORECASE
)


def _without_list_heads(text: str, tax: Taxonomy, runs: list[list[_Hit]]) -> list[list[_Hit]]:
    """Drop a lone skill that only names what the list of alternatives right after it are ("One major
    cloud: AWS, GCP or Azure", "a cloud platform (SageMaker, Vertex AI or Azure ML)"): every member of
    the list implies it and is a kind of it (``_kinds_of``), so the list is the requirement. "Python and
    PyTorch or JAX" and "Strong Python,(PyTorch, NumPy) and SQL" keep Python."""
    out: list[list[_Hit]] = []
    for k, run in enumerate(runs):
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        refs = {h.ref for h in run}
        if (
            nxt is not None
            and len(refs) == 1
            and run[0].kind == "skill"
            and len({h.ref for h in nxt}) > 1
            and _LIST_HEAD_GAP.fullmatch(text, run[-1].end, nxt[0].start)
            and all(run[0].ref in tax.implied(h.ref) for h in nxt)
            and _kinds_of(tax, run[0].ref, nxt, text)
        ):
            continue
        out.append(run)
    return out


def _names_a_team(text: str, tax: Taxonomy, lo: int, hi: int, h: _Hit, spans: list[tuple[int, int]]) -> bool:
    """A skill used as the name of a team: in a list before a team noun, or (of a kind that can name a
    department: "data science", "engineering") among the people a collaboration verb names."""
    if h.kind != "skill":
        return False
    return names_a_team(text, lo, hi, h.start, h.end, spans, tax.skills[h.ref].category in TEAM_CATEGORIES)


_CHOICE_IN_LIST = re.compile(r"\bor\b|/", re.IGNORECASE)


def _kinds_of(tax: Taxonomy, head: str, members: list[_Hit], text: str) -> bool:
    """Whether the list names kinds of ``head`` to choose from, so that ``head`` is no requirement of its own:
    the list offers a choice ("AWS, GCP or Azure", "such as A or B") or its members share the head's category
    ("cloud: AWS, GCP, Azure"). A language heading libraries written in it ("Python (PyTorch, NumPy)") is
    asked for itself: the libraries use it, they are not kinds of it."""
    category = tax.skills[head].category
    if category == "language" and any(tax.skills[h.ref].category != "language" for h in members):
        return False
    if all(tax.skills[h.ref].category == category for h in members):
        return True
    return _CHOICE_IN_LIST.search(text, members[0].end, members[-1].start) is not None


#: a requirement before it is numbered: its group, where it is stated, and the JobRequirement fields but the id
_Item = tuple[RequirementGroup, int, dict[str, Any]]


def _skill_items(ctx: AnalysisContext, tax: Taxonomy, hits: list[_Hit]) -> list[_Item]:
    by_clause: dict[tuple[int, int], list[_Hit]] = {}
    bounds, limit = (0, 0), -1  # hits come in order of their start: a clause is found once for all of its hits
    for h in hits:
        if not h.start < limit:
            bounds, limit = clause_and_reach(ctx.text, h.start)
        by_clause.setdefault(bounds, []).append(h)
    candidates: list[tuple[RequirementGroup, int, list[_Hit], tuple[int, int]]] = []
    for (lo, hi), clause_hits in by_clause.items():
        asked_hits = clause_hits
        team_words = word_offsets(ctx.text, TEAM_WORDS)
        if any_in(team_words, lo, hi) if team_words is not None else may_name_teams(ctx.text, lo, hi):
            spans = [(h.start, h.end) for h in clause_hits]
            asked_hits = [h for h in clause_hits if not _names_a_team(ctx.text, tax, lo, hi, h, spans)]
        runs = _chains(ctx.text, asked_hits, lo)
        kind = clause_kind(ctx.text, lo, hi) if ctx.section_at(lo) not in STRUCTURED else None
        for run in _without_list_heads(ctx.text, tax, runs):
            group = group_at(ctx, run[0].start, run[-1].end, bounds=(lo, hi), kind=kind)
            if run[0].kind == "certification":
                group = asked(group)
            elif (
                group == "responsibilities"
                and all(tax.skills[h.ref].category in INCIDENTAL_CATEGORIES for h in run)
                and (kind if kind is not None else clause_kind(ctx.text, lo, hi)) != "asks"
            ):
                continue  # "models for healthcare providers": the setting of the duties, not a skill they ask
            if group is not None:
                candidates.append((group, run[0].start, run, (lo, hi)))
    # a requirement section's clause before prose that also asks: "Requirements: 2+ years of ML" gives ML its years
    candidates.sort(
        key=lambda c: (
            _GROUP_ORDER[c[0]],
            len({h.ref for h in c[2]}) > 1,
            ctx.section_at(c[1]) not in STRUCTURED,
            c[1],
        )
    )
    asked_alone: set[str] = set()
    seen_sets: set[frozenset[str]] = set()
    out: list[_Item] = []
    year_words = [m.start() for m in _YEAR_LETTERS.finditer(ctx.text)]
    for group, pos, run, (lo, hi) in candidates:
        refs = tuple(dict.fromkeys(h.ref for h in run))
        key = frozenset(refs)
        if key in seen_sets or (len(refs) > 1 and key & asked_alone == key):
            continue
        if len(refs) == 1 and refs[0] in asked_alone:
            continue
        seen_sets.add(key)
        if len(refs) == 1:
            asked_alone.add(refs[0])
        # 'N years' needs the letters 'yr' or 'year' between the clause start and the run
        k = bisect.bisect_left(year_words, lo)
        years = _years_for(ctx, run, lo) if k < len(year_words) and year_words[k] + 2 <= run[0].start else None
        label = _label(tax, run)
        out.append(
            (
                group,
                pos,
                dict(
                    kind=run[0].kind,
                    group=group,
                    label=f"{years:g}+ years of {label}" if years is not None else label,
                    category=tax.skills[refs[0]].category if run[0].kind == "skill" else "certification",
                    any_of=refs,
                    years=years,
                    sentence=_span(ctx, lo, hi),
                    mentions=tuple(h.mention for h in run),
                ),
            )
        )
    return out


_YEAR_WORD = re.compile(r"(?i:y(?:ea)?rs?)\b")
#: in every match of ``YEARS_RE`` (the same case folding)
_YEAR_LETTERS = re.compile(r"(?i:y(?:ea)?r)")


def years_mentions(text: str) -> list[re.Match[str]]:
    """Every 'N (+) years' of the text, found by looking only around the word year/yr (fast on long posts)."""
    out: list[re.Match[str]] = []
    last = 0
    for w in _YEAR_WORD.finditer(text):
        m = YEARS_RE.search(text, max(last, w.start() - 40), w.end())
        if m is not None and m.end() == w.end():
            out.append(m)
            last = m.end()
    return out


def asks_for_experience(text: str, m: re.Match[str]) -> bool:
    """'N years' near 'experience' that the candidate is asked for, not the company's own history
    ("For 30 years, hospitals ...", "an organization with more than 30 years of experience")."""
    around = text[max(0, m.start() - 40) : m.end() + 60]
    if not _EXPERIENCE_NEAR.search(around):
        return False
    lo, _ = clause_bounds(text, m.start())
    before = text[max(lo, m.start() - 80) : m.start()]
    return not (_COMPANY_SUBJECT.search(before) or _FOR_N_YEARS.match(text, m.start() - 4 if m.start() >= 4 else 0))


def _years_group(ctx: AnalysisContext, m: re.Match[str]) -> RequirementGroup | None:
    """The group of a statement of years: where other requirements are read (``group_at``), and also in the
    header of a post when the clause opens with the years ("5-10 years professional work experience as a data
    scientist" as its first line), not when they are said in passing ("With 80 years in data and 30 years in
    software, P2 ...")."""
    group = asked(group_at(ctx, m.start()))
    if group is None and ctx.section_at(m.start()) == "header":
        lo, _ = clause_bounds(ctx.text, m.start())
        if not ctx.text[lo : m.start()].strip(_LEAD):
            group = asked(group_at(ctx, m.start(), intro_asks=True))
    return group


def _years_asked(ctx: AnalysisContext) -> tuple[float | None, _Years | None]:
    """The years of experience the post asks for, and the mention that makes its ``years`` item: of the 'N+
    years of experience' it states, those stated as required first (preferred ones as a fallback), the
    largest. "0-2 years" asks for none: it can be what the post asks for (0), never an item."""
    stated: list[tuple[int, float, RequirementGroup, re.Match[str]]] = []
    for m in years_mentions(ctx.text):
        group = _years_group(ctx, m)
        if group is None:
            continue
        if not asks_for_experience(ctx.text, m):
            continue
        n = _number(m.group(1))
        if 0 <= n <= 30:
            stated.append((0 if group != "preferred" else 1, -n, group, m))
    if not stated:
        return None, None
    first = min(stated, key=lambda s: s[:2])  # min is stable: the first of equals
    item = min((s for s in stated if s[1] < 0), key=lambda s: s[:2], default=None)
    return -first[1], None if item is None else _Years(-item[1], item[2], item[3])


@dataclass(frozen=True, slots=True)
class _Years:
    n: float
    group: RequirementGroup
    m: re.Match[str]


def _years_item(ctx: AnalysisContext, years: _Years) -> _Item:
    n, group, m = years.n, years.group, years.m
    lo, hi = clause_bounds(ctx.text, m.start())
    label = f"{n:g}+ years of experience"
    req = dict(kind="years", group=group, label=label, category="experience", years=n, sentence=_span(ctx, lo, hi))
    return group, m.start(), req


def _degree_items(ctx: AnalysisContext, tax: Taxonomy, education: Iterable[EducationFinding]) -> list[_Item]:
    mt = degree_index(tax)
    rank = mt.rank
    # a merged finding carries one mention per place its degree is named ("BS/MS ..." and "A master's ...")
    by_clause: dict[tuple[int, int], list[tuple[str, int, Mention]]] = {}
    for e in education:
        if e.degree == "other":
            continue
        for m in e.mentions:
            if m.text.casefold() in mt.field_of:
                continue
            s, _ = _norm_span(ctx, m)
            by_clause.setdefault(clause_bounds(ctx.text, s), []).append((e.degree, s, m))
    out: list[_Item] = []
    for (lo, hi), found in by_clause.items():
        found.sort(key=lambda f: f[1])
        # degrees joined by "/", "or", "," are one choice ("BS/MS", "Master's or PhD"); each choice takes
        # its own group: "Bachelor's in CS, Master's or PhD preferred" asks for a bachelor's and prefers more
        chains: list[list[tuple[str, int, Mention]]] = [[found[0]]]
        for prev, cur in itertools.pairwise(found):
            p_end = _norm_span(ctx, prev[2])[1]
            if _DEGREE_JOINT.fullmatch(ctx.text, p_end, cur[1]):
                chains[-1].append(cur)
            else:
                chains.append([cur])
        starts = [c[0][1] for c in chains]
        by_group: dict[RequirementGroup, list[tuple[str, int, Mention]]] = {}
        for chain in chains:
            end = _norm_span(ctx, chain[-1][2])[1]
            group = asked(group_at(ctx, chain[0][1], end, blockers=starts, bounds=(lo, hi)))
            if group is not None:
                by_group.setdefault(group, []).extend(chain)
        if not by_group:
            continue
        field_hits = [m for m in mt.field.finditer(ctx.text, lo, hi) if m.group(0).casefold() in mt.field_of]
        fields = tuple(dict.fromkeys(mt.field_of[m.group(0).casefold()] for m in field_hits))
        related = bool(_RELATED.search(ctx.text, lo, hi))
        equivalent = bool(_EQUIVALENT.search(ctx.text, lo, min(len(ctx.text), hi + 80)))
        field_mentions = [ctx.mention(m.start(), m.end(), "alias", m.group(0)) for m in field_hits]
        for group, members in by_group.items():
            levels = sorted({d for d, _, _ in members}, key=lambda d: rank.get(d, 0))
            label = " or ".join(_DEGREE_WORD[d] for d in levels)
            if fields:
                names = [tax.fields[f].name for f in fields]
                label += " in " + ", ".join(names) + (" or a related field" if related else "")
            if equivalent:
                label += " (or equivalent experience)"
            req = dict(
                kind="degree",
                group=group,
                label=label,
                category="degree",
                any_of=tuple(levels),
                degree=levels[0],
                fields=fields,
                related_fields=related,
                or_equivalent=equivalent,
                sentence=_span(ctx, lo, hi),
                mentions=tuple(sorted([m for _, _, m in members] + field_mentions, key=lambda m: m.start)),
            )
            out.append((group, min(p for _, p, _ in members), req))
    return out


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


@dataclass(frozen=True, slots=True)
class JobItems:
    """Every requirement of a posting, numbered r1, r2, ... in the order they are stated, and the years of
    experience it asks for (``min_years``): its ``years`` item's, or 0 where it asks for none ("0-2 years",
    which is no item), required before preferred."""

    items: tuple[JobRequirement, ...]
    min_years: float | None


def job_items(
    ctx: AnalysisContext,
    tax: Taxonomy,
    skills: tuple[SkillFinding, ...],
    certifications: tuple[CertificationFinding, ...],
    education: tuple[EducationFinding, ...],
) -> JobItems:
    """Every requirement of the posting and the years it asks for (``JobItems``)."""
    degrees = _degree_items(ctx, tax, education)
    fields = [(m.start, m.end) for _, _, d in degrees for m in d["mentions"]]
    hits = [h for h in _hits(ctx, skills, certifications) if not _inside(h.mention, fields)]
    items = _skill_items(ctx, tax, hits)
    min_years, years = _years_asked(ctx)
    if years is not None:
        items.append(_years_item(ctx, years))
    items += degrees
    items.sort(key=lambda t: t[1])
    return JobItems(
        items=tuple(JobRequirement(id=f"r{i}", **req) for i, (_, _, req) in enumerate(items, 1)),
        min_years=min_years,
    )


__all__ = [
    "NOT_REQUIREMENT",
    "YEARS_RE",
    "JobItems",
    "asks_for_experience",
    "clause_bounds",
    "group_at",
    "job_items",
    "preferred_at",
    "years_mentions",
]
