"""The models of the word lists of ``gapfinder/lexicon``: one per YAML file, frozen, ``extra="forbid"``."""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from ..kinds import SignalKind
from ..models import SectionName


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Numbers(_Words):
    """Number words (the model: spaCy's ``lang/en/lex_attrs.py``), one table for every reader of a count."""

    cardinals: dict[str, int] = Field(min_length=1, description="a number word and its value, in order")
    dozens: dict[str, int] = Field(default_factory=dict, description="counts in dozens ('a dozen', 'two dozen')")

    @field_validator("cardinals", "dozens")
    @classmethod
    def _words(cls, words: dict[str, int]) -> dict[str, int]:
        for w, n in words.items():
            if not w or w != " ".join(w.lower().split()):
                raise ValueError(f"{w!r}: a number word is lower-case, with single spaces")
            if n < 0:
                raise ValueError(f"{w!r}: a number word is worth 0 or more, not {n}")
        return words

    def years(self) -> dict[str, int]:
        """The words a number of years is written in ("five years"): the cardinals up to fifty."""
        return {w: n for w, n in self.cardinals.items() if n <= 50}

    def counts(self) -> dict[str, int]:
        """The words a count of people or teams is written in ("twelve engineers", "a dozen teams"): the
        cardinals from one, then the dozens."""
        return {w: n for w, n in self.cardinals.items() if n >= 1} | self.dozens


class Places(_Words):
    """Place names (``places.txt``): what a position header's trailing "City, Region" or "Country" may be.

    Read from a sectioned text file, not YAML (14,000 names parse in 5 ms instead of 35)."""

    country: frozenset[str] = Field(min_length=1, description="country names, with common short forms")
    country_code: frozenset[str] = Field(min_length=1, description="ISO 3166 alpha-2 codes: only after a city")
    region: frozenset[str] = Field(min_length=1, description="states, provinces and nations")
    region_code: frozenset[str] = Field(min_length=1, description="state and province codes (WA, ON, NSW)")
    city: frozenset[str] = Field(min_length=1, description="cities of 50,000 people or more")

    @field_validator("country", "region", "city")
    @classmethod
    def _names(cls, names: frozenset[str]) -> frozenset[str]:
        for n in names:
            if not n or n != " ".join(n.split()) or "," in n:
                raise ValueError(f"{n!r}: a place name is one line with single spaces and no comma")
        return names

    @field_validator("country_code", "region_code")
    @classmethod
    def _codes(cls, codes: frozenset[str]) -> frozenset[str]:
        for c in codes:
            if not (2 <= len(c) <= 3 and c.isascii() and c.isalpha() and c.isupper()):
                raise ValueError(f"{c!r}: a code is two or three capital letters")
        return codes


#: ``{NAME}`` in a pattern: a fragment of the file, or one of ``VALUE_PLACEHOLDERS``
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
#: the placeholders the extractor fills with a number's named groups (``extract/leadership.py``): a count
#: ("{N} engineers"), a count or "several" ("{MANY} teams"), a money amount ("{AMOUNT} budget")
VALUE_PLACEHOLDERS = ("N", "MANY", "AMOUNT")


class _Alternatives(_Words):
    """A regular expression written whole (``pattern``) or as the alternatives it is any one of (``any_of``)."""

    pattern: str | None = None
    any_of: list[str] | None = Field(None, min_length=1)

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        if (self.pattern is None) == (self.any_of is None):
            raise ValueError("give either pattern or any_of")
        return self


class Fragment(_Alternatives):
    """A piece of pattern the rules name as ``{NAME}``; its ``any_of`` is a group of alternatives."""

    @property
    def regex(self) -> str:
        return self.pattern if self.pattern is not None else "(?:" + "|".join(self.any_of or ()) + ")"


class LeadershipRule(_Alternatives):
    """One phrasing of a leadership signal; its ``any_of`` are the alternatives of the rule's own group."""

    kind: SignalKind
    label: str = Field(min_length=1, description="the phrasing, for people ('managed a team')")

    @property
    def source(self) -> str:
        return self.pattern if self.pattern is not None else "|".join(self.any_of or ())


class Leadership(_Words):
    """Leadership and seniority signals (``leadership.yaml``): rules of phrasings, and the fragments they share."""

    fragments: dict[str, Fragment] = Field(default_factory=dict)
    rules: list[LeadershipRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Self:
        for name in self.fragments:
            if not re.fullmatch(PLACEHOLDER.pattern[2:-2], name) or name in VALUE_PLACEHOLDERS:
                raise ValueError(f"fragments.{name}: a fragment name is upper-case and not one of {VALUE_PLACEHOLDERS}")
        used: set[str] = set()
        for i, rule in enumerate(self.rules):
            names = set(PLACEHOLDER.findall(rule.source))
            unknown = sorted(names - set(self.fragments) - set(VALUE_PLACEHOLDERS))
            if unknown:
                raise ValueError(f"rules.{i} ({rule.label}): unknown fragment {{{unknown[0]}}}")
            used |= names
            stub = PLACEHOLDER.sub(lambda m: r"\d+" if m[1] in VALUE_PLACEHOLDERS else "", self.expand(rule))
            try:
                re.compile(stub, re.IGNORECASE)
            except re.error as e:
                raise ValueError(f"rules.{i} ({rule.label}): not a regular expression: {e}") from None
        unused = sorted(set(self.fragments) - used)
        if unused:
            raise ValueError(f"fragments.{unused[0]}: no rule uses it")
        return self

    def expand(self, rule: LeadershipRule) -> str:
        """The rule's pattern with its fragments in place (the value placeholders left for the extractor)."""
        return PLACEHOLDER.sub(lambda m: self.fragments[m[1]].regex if m[1] in self.fragments else m[0], rule.source)


class Cue(_Words):
    """One cue of a wish: a regular expression over lower-cased words joined by spaces, anchored at its end."""

    name: str = Field(min_length=1)
    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        import re

        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"{pattern!r} is no regular expression ({e})") from None
        if not pattern.endswith("$"):
            raise ValueError(f"{pattern!r}: a cue ends where the wish's object starts, so it ends with '$'")
        return pattern


class Aspirations(_Words):
    """A skill named in a clause about what the person wants ("seeking a role in machine learning")."""

    window: int = Field(ge=1, le=40, description="words read back from the mention")
    max_gap: int = Field(ge=0, le=10, description="words at most between a cue and the mention")
    stops: frozenset[str] = Field(min_length=1, description="tokens that end a clause")
    cancel: frozenset[str] = Field(description="words that make the clause a claim ('apply my', 'with')")
    heads: frozenset[str] = Field(min_length=1, description="the words a cue starts with")
    cues: tuple[Cue, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_cue_has_a_head(self) -> Aspirations:
        import re

        for n, cue in enumerate(self.cues):
            words = set(re.findall(r"[a-z]+", cue.pattern.replace("\\b", " ")))
            if words.isdisjoint(self.heads):
                raise ValueError(f"cues.{n} ({cue.name}): starts with none of the heads")
        return self

    @field_validator("cancel")
    @classmethod
    def _lower(cls, words: frozenset[str]) -> frozenset[str]:
        for w in words:
            if w != w.lower() or not w or " " in w:
                raise ValueError(f"{w!r}: a cancelling word is one lower-case word")
        return words


def _phrases(phrases: list[str]) -> list[str]:
    for p in phrases:
        if not p or p != " ".join(p.split()) or "|" in p:
            raise ValueError(f"{p!r}: a phrase is words with single spaces (no '|')")
    return phrases


def _single_words(words: list[str]) -> list[str]:
    for w in words:
        if not w or len(w.split()) != 1 or w != w.lower():
            raise ValueError(f"{w!r}: one lower-case word")
    return words


#: heading phrases as people write them; words, each a lower-case word
Phrases = Annotated[list[str], AfterValidator(_phrases)]
SingleWords = Annotated[list[str], AfterValidator(_single_words)]


def _compiles(pattern: str, what: str) -> str:
    try:
        re.compile(pattern)
    except re.error as e:
        raise ValueError(f"{what}: not a regular expression: {e}") from None
    return pattern


class RoleCues(_Words):
    """Cues of a line that turns to the role: searched anywhere in any case, or at a sentence start as written."""

    anywhere: list[str] = Field(min_length=1)
    sentence_start: list[str] = Field(min_length=1)
    words: list[str] = Field(min_length=1, description="every match of a cue contains one of these (lower case)")

    @property
    def pattern(self) -> str:
        return (
            "(?i:"
            + "|".join(self.anywhere)
            + r")|(?:(?<![^\n])|(?<=[.:!?] ))\W{0,3}(?:"
            + "|".join(self.sentence_start)
            + ")"
        )

    @model_validator(mode="after")
    def _valid(self) -> Self:
        _compiles(self.pattern, "role_cues")
        return self


class SectionWords(_Words):
    """The words of section headings (``sections.yaml``), read by ``gapfinder.text.sections``."""

    resume: dict[SectionName, Phrases] = Field(min_length=1, description="resume headings: section -> phrases")
    job: dict[SectionName, Phrases] = Field(min_length=1, description="job-post headings, over remapped resume ones")
    job_remap: dict[SectionName, SectionName]
    not_job_headings: Phrases
    context_sections: frozenset[SectionName]
    role_cues: RoleCues
    requirement_tails: Phrases
    field_phrases: Phrases
    benefit_words: SingleWords
    offer_line: str
    head_nouns: dict[SectionName, SingleWords]
    job_only: frozenset[SectionName]
    modifiers: SingleWords
    preferred_modifiers: SingleWords
    flat_single_words: SingleWords
    inline_sublabels: dict[SectionName, frozenset[SectionName] | None]
    standalone_sublabels: dict[SectionName, frozenset[SectionName]]

    @field_validator("offer_line")
    @classmethod
    def _offer_line(cls, pattern: str) -> str:
        return _compiles(pattern, "offer_line")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        resume = {p for phrases in self.resume.values() for p in phrases}
        for p in self.not_job_headings:
            if p not in resume:
                raise ValueError(f"not_job_headings: {p!r} is no resume heading")
        for w in self.preferred_modifiers:
            if w not in self.modifiers:
                raise ValueError(f"preferred_modifiers: {w!r} is not in modifiers")
        for name in self.job_only:
            if name not in self.head_nouns:
                raise ValueError(f"job_only: {name!r} has no head nouns")
        return self


def _lower_words(words: list[str]) -> list[str]:
    for w in words:
        if not w or w != " ".join(w.lower().split()):
            raise ValueError(f"{w!r}: lower case, single spaces")
    return words


def _pieces(pieces: list[str]) -> list[str]:
    for p in pieces:
        _compiles(p, repr(p))
    return pieces


#: lower-case words (or word pairs, with single spaces)
LowerWords = Annotated[list[str], AfterValidator(_lower_words)]
#: pieces of a regular expression, each one that compiles on its own
Pieces = Annotated[list[str], AfterValidator(_pieces)]


class _ClauseAsks(_Words):
    words: LowerWords = Field(min_length=1)
    prefixes: LowerWords = Field(min_length=1)
    pairs: LowerWords = Field(min_length=1)


class _ClauseDuties(_Words):
    words: LowerWords = Field(min_length=1)
    pairs: LowerWords = Field(min_length=1)
    after_will: SingleWords = Field(min_length=1)
    verb_stems: Pieces = Field(min_length=1)
    verb_endings: SingleWords = Field(min_length=1)


class _ClauseEmployer(_Words):
    words: LowerWords = Field(min_length=1)
    company_nouns: Pieces = Field(min_length=1)


class _ClauseTeams(_Words):
    cues: SingleWords = Field(min_length=1)
    people: Pieces = Field(min_length=1)
    departments: SingleWords = Field(min_length=1)


class ClauseWords(_Words):
    """What a clause of a job post does (``clauses.yaml``), read by ``extract/job_clauses.py``."""

    asks: _ClauseAsks
    duties: _ClauseDuties
    employer: _ClauseEmployer
    teams: _ClauseTeams

    @model_validator(mode="after")
    def _pairs(self) -> Self:
        for where, pairs in (("asks.pairs", self.asks.pairs), ("duties.pairs", self.duties.pairs)):
            for p in pairs:
                if len(p.split()) != 2:
                    raise ValueError(f"{where}: {p!r} is not two words")
        return self


class DateWords(_Words):
    """The words of dates (``dates.yaml``), read by ``extract/dates.py``."""

    months: list[LowerWords] = Field(min_length=12, max_length=12, description="each month's names, January first")
    seasons: dict[str, Annotated[int, Field(ge=1, le=12)]] = Field(min_length=1)
    open_words: LowerWords = Field(min_length=1)
    range_separators: Pieces = Field(min_length=1)
    since_words: SingleWords = Field(min_length=1)
    onwards: Pieces = Field(min_length=1)

    @field_validator("seasons")
    @classmethod
    def _seasons(cls, seasons: dict[str, int]) -> dict[str, int]:
        _single_words(list(seasons))
        return seasons

    def month_names(self) -> dict[str, int]:
        """Every name of a month and its number."""
        return {name: number for number, names in enumerate(self.months, 1) for name in names}


class ClaimWords(_Words):
    """What a skill's name claims nothing in (``claims.yaml``), read by ``extract/claims.py``."""

    role_nouns: SingleWords = Field(min_length=1)
    claimed_by_role: SingleWords = Field(description="taxonomy categories whose skills a role does claim")
    institution_nouns: SingleWords = Field(min_length=1)
    learning_verbs: SingleWords = Field(min_length=1)
    learning_kinds: SingleWords = Field(min_length=1)
    learning_notes: LowerWords = Field(min_length=1)


class HeaderLineWords(_Words):
    """The words of position headers and of the lines that are none (``header_lines.yaml``)."""

    prose_starts: SingleWords = Field(min_length=1)
    sentence_starts: SingleWords = Field(min_length=1)
    irregular_verbs: SingleWords = Field(min_length=1)
    joiners: SingleWords = Field(min_length=1)
    function_words: SingleWords = Field(min_length=1)
    abbreviations: SingleWords = Field(min_length=1)
    detail_labels: Pieces = Field(min_length=1)


class TitleWords(_Words):
    """The words of job titles (``titles.yaml``), read by ``extract/titles.py``."""

    job_words: SingleWords = Field(min_length=1)
    job_stems: SingleWords = Field(min_length=1)
    org_words: SingleWords = Field(min_length=1)
    intern_words: Pieces = Field(min_length=1)
    name_joiners: SingleWords = Field(min_length=1)
    master_roles: Pieces = Field(min_length=1)
