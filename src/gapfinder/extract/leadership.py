"""Leadership and seniority signals: people management, team size, hiring, budgets, publications...

Every signal is a rule of ``lexicon/leadership.yaml`` (kind, label, regular expression), read into
``RULES``; the rules of one kind are compiled into one case-insensitive alternation, and its matches are
those of one ``finditer`` over the text. The scan only tries the positions where a match can start: every
match of a kind starts with one of a few literal strings or a digit (``trie.start_literals``, computed from
the parsed pattern), and one pass over the lower-cased text finds where any kind's start literals occur
(``_candidates``); each kind then tries ``match`` at its own positions, left to right, skipping those
inside its previous match, which is what ``finditer`` does at every position. ``{N}`` in a pattern is a
number written in digits or words ("team of 8", "led twelve engineers"), ``{AMOUNT}`` a money amount
("$2.5M", "€300k"). One ``LeadershipSignal`` per kind, with every mention; its value is the largest number
stated (team size, budget in currency units).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import leadership_rules, numbers
from ..models import LeadershipSignal, Mention, SignalKind
from ..text.context import AnalysisContext
from .trie import guarded, lowercase_only, lowered_for_anchors, scan_at, start_literals, trie_pattern, word_start_finder

Kind = SignalKind
MAX_MENTIONS = 25

#: number words of a count ("led twelve engineers", "a dozen teams"): ``lexicon/numbers.yaml``
NUMBER_WORDS: dict[str, int] = numbers().counts()
_N = r"(?P<{g}>\d{{1,4}}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\+?"
#: "multiple teams", "several managers": at least two
_MANY = r"(?P<{g}>\d{{1,4}}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|multiple|several|many)\+?"
_AMOUNT = r"[$€£]\s?(?P<{g}>\d{{1,4}}(?:[.,]\d{{1,3}})?)\s?(?P<{g}u>[kmb]n?|million|billion|mm)?\b"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: Kind
    label: str
    pattern: str  # may use {N} and {AMOUNT}; compiled case-insensitively


#: the rules, in the order of ``lexicon/leadership.yaml`` (its fragments in place)
RULES: tuple[Rule, ...] = tuple(
    Rule(rule.kind, rule.label, leadership_rules().expand(rule)) for rule in leadership_rules().rules
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
