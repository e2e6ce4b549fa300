"""The models of the word lists of ``gapfinder/lexicon``: one per YAML file, frozen, ``extra="forbid"``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


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
