"""Lines that list technologies: the context they give a short or lower-case name, and the labels over them.

* A *tag line* is the list after a label such as "Technologies:", "Tech stack", "Environment:" (on the same
  line, or alone on the line before), or a list line of a resume's skills section. Its items are names in
  any case and of any length: "Technologies: c#, r, qa, rest" lists C#, R, QA and REST, though one or two
  letters in lower case are no evidence anywhere else.
* A *list label* heads a list ("Cloud: AWS, GCP", "Build tools: Maven"): when one of its items implies it
  (the taxonomy's ``implies``: AWS implies cloud computing), it names the kind of its items, not one more
  thing held or asked for, so it is no mention: what it tells stays with the items, as their implied skill.
  Programming languages head lists of their own things and are held too ("Java: Spring, Hibernate").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..text.context import AnalysisContext
from ..text.sections import classify_heading
from .doc_view import Match, Tokens, neighbour

#: labels of a tag line besides the headings of a resume's skills section
TAG_LABEL_PHRASES = (
    "technologies|tech|tech stack|technologies used|tools used|environment|environments|tags|keywords|platforms|"
    "databases|frameworks|libraries|languages|programming languages|operating systems|stack|our stack|"
    "technologies we work with|technologies we use|tools we use|software tools|tools|tooling|software|"
    "technical skills|it skills|computer skills|tools and technologies|technologies and tools|technology stack"
)
#: words of phrases and sentences, never of a name or a tag
FUNCTION_WORD_LIST = (
    "a an the of with for in to on at by from using and or is are was were be been have has had my our your their "
    "i we you it this that these those as into over under via per also very good basic strong working knowledge "
    "experience years year months month"
)
FUNCTION_WORDS = frozenset(FUNCTION_WORD_LIST.split())
_LABEL = re.compile(r"[ \t]*(?:[•*·>➢◦▪-][ \t]*)?([A-Za-z][A-Za-z /&+-]{0,40}?)[ \t]*:")
_ITEM_SEPARATORS = (",", ";", "|", "•", "/")
_ITEM_BEFORE = frozenset({"", "\n", ",", "|", "/", ";", "•", ":", "(", "-", "*", "·", "and", "&", "or"})
_CLEAN_ITEM = frozenset({"", "\n", ",", ";", "|", "•", ":", "/"})
_ITEM_AFTER = frozenset({"", "\n", ",", "|", "/", ";", "•", ")", "(", ".", "-", ":", "and", "&", "or"})
#: after a label's colon, its first item starts within this many characters
LABEL_REACH = 30
#: categories whose names head a list of their own things and are held too ("Java: Spring, Hibernate")
_LABELS_THAT_CLAIM = frozenset({"language"})
_BULLETS = " \t•*·>➢◦▪-"


def _key(label: str) -> str:
    return "".join(ch for ch in label.casefold() if ch.isalpha())


TAG_LABELS = frozenset(_key(p) for p in TAG_LABEL_PHRASES.split("|"))


@functools.lru_cache(maxsize=4096)
def _tag_label(label: str) -> str | None:
    """'tech' for a label of technologies ("Technologies:", "Environment:"), 'skills' for a heading of skills
    ("Key skills"), else None."""
    label = label.strip(_BULLETS + ":")
    if not label or len(label) > 40:
        return None
    if _key(label) in TAG_LABELS:
        return "tech"
    return "skills" if classify_heading(label) == "skills" else None


def _tags_only(line: str) -> bool:
    """Whether a line without separators is a run of tags ("java spring parse-platform"), not prose ("Cloud
    formations are my hobby"): no function word, at most a dozen words."""
    words = line.lower().split()
    return 0 < len(words) <= 12 and not any(w in FUNCTION_WORDS for w in words)


class TagRegion(NamedTuple):
    """The items of a tag line: ``[start, end)``; separated by commas and the like, or by blanks; after a
    label (on the line or the line before), or a list line of a skills section."""

    start: int
    end: int
    separated: bool
    labelled: bool
    #: the label names technologies ("Technologies:", "Tools:"), not skills in general ("Key skills")
    technologies: bool = False


class TagLines:
    """Which matches are whole items of a tag line; one instance per document (lines are looked at once)."""

    def __init__(self, ctx: AnalysisContext) -> None:
        self.ctx = ctx
        self._lines: dict[int, TagRegion | None] = {}

    def region(self, lo: int) -> TagRegion | None:
        """The items of the line starting at ``lo``, if it is a tag line."""
        if lo in self._lines:
            return self._lines[lo]
        text = self.ctx.text
        hi = text.find("\n", lo)
        hi = len(text) if hi < 0 else hi
        found: tuple[int, int] | None = None
        kind: str | None = None
        colon = text.find(":", lo, min(hi, lo + 60))
        label = _LABEL.match(text, lo, hi) if colon >= 0 else None
        if label is not None and (kind := _tag_label(label.group(1))) is not None:
            found = (label.end(), hi)
        elif lo > 0:
            prev_lo = text.rfind("\n", max(0, lo - 62), lo - 1) + 1
            if 0 < lo - 1 - prev_lo <= 60 and (kind := _tag_label(text[prev_lo : lo - 1])) is not None:
                found = (lo, hi)  # "Technologies\njava react next.js"
        if found is None and self.ctx.section_at(lo) == "skills":
            found = (lo, hi)
        out = None
        if found is not None:
            a, b = found
            separated = any(sep in text[a:b] for sep in _ITEM_SEPARATORS)
            if separated or (kind is not None and _tags_only(text[a:b])):
                out = TagRegion(a, b, separated, kind is not None, kind == "tech")
        self._lines[lo] = out
        return out

    def __call__(self, toks: Tokens, m: Match) -> bool:
        """Whether ``m`` is a whole item of a tag line (between separators, or a word of a line of space-
        separated tags)."""
        lo = self.ctx.text.rfind("\n", 0, m.start) + 1
        items = self.region(lo)
        if items is None or not items.start <= m.start < items.end:
            return False
        text = self.ctx.text
        if not items.separated:  # space-separated tags: the match is a whole tag ('ionic' of 'ionic-framework' is none)
            return text[m.start - 1 : m.start] in ("", " ", "\n", "\t", ":") and text[m.end : m.end + 1] in (
                "",
                " ",
                "\n",
                "\t",
            )
        if m.surface.case_sensitive and text[m.start : m.end] != m.surface.text:
            # written in another case than listed ('r', 'basic'): only as a clean item, not in a note
            # ('SageMaker - basic)') or a phrase
            before, after = neighbour(toks, m.tok_start, -1), neighbour(toks, m.tok_end - 1, 1)
            return before in _CLEAN_ITEM and after in _CLEAN_ITEM
        return neighbour(toks, m.tok_start, -1) in _ITEM_BEFORE and neighbour(toks, m.tok_end - 1, 1) in _ITEM_AFTER


def without_list_labels(text: str, matches: list[Match], implies: dict[str, frozenset[str]]) -> list[Match]:
    """``matches`` (sorted by start) without the labels heading a list: a skill name at the start of its line
    (after a bullet and at most two words: "Automated Build Tools:"), followed by at most two more words and a
    colon — or nothing more on its line, or directly its first item ("Operating Systems Windows 7, Linux") —
    with another match within ``LABEL_REACH`` characters after it (on the next line when the label ends its
    line), and an item of the list that implies it."""
    starts = [m.start for m in matches]
    drop: set[int] = set()
    for i, m in enumerate(matches):
        if m.surface.kind != "skill" or m.surface.category in _LABELS_THAT_CLAIM:
            continue
        lo = text.rfind("\n", 0, m.start) + 1
        before = text[lo : m.start].strip(_BULLETS).split()
        if len(before) > 2 or any(not w[:1].isupper() for w in before):
            continue
        colon = _LABEL_TAIL.match(text, m.end)
        after = colon.end() if colon is not None else m.end
        rest_end = text.find("\n", after)
        rest_end = len(text) if rest_end < 0 else rest_end
        if not text[after:rest_end].strip():
            after = rest_end + 1  # "Operating systems:\n• Windows Server 2012"
            if colon is None and text[after : after + 3].lstrip(" \t")[:1] not in tuple(_BULLETS.strip()):
                continue  # alone on its line without a colon, it heads bullets; else it is an item of a column
        elif colon is None and (before or not _SEPARATED.search(text, after, rest_end)):
            continue  # no colon: only a label alone at the line start, before a list on the line
        k = next((k for k in range(i + 1, len(matches)) if starts[k] >= after), None)
        if k is None or starts[k] - after > LABEL_REACH or "\n" in text[after : starts[k]].strip("\n"):
            continue
        if colon is None and text[after : starts[k]].strip(" \t\n" + _BULLETS):
            continue  # without a colon the first item follows right away
        end = text.find("\n", starts[k])
        end = len(text) if end < 0 else end
        sid = m.surface.id
        if any(sid in implies.get(x.surface.id, ()) for x in matches[k:] if x.start < end):
            drop.add(i)
    return [m for i, m in enumerate(matches) if i not in drop] if drop else matches


_SEPARATED = re.compile(r"[,;|•]")
_LABEL_TAIL = re.compile(r"(?:[ \t]+[A-Za-z][\w/&-]*){0,2}[ \t]*:")


__all__ = ["FUNCTION_WORDS", "LABEL_REACH", "TAG_LABELS", "TagLines", "TagRegion", "without_list_labels"]
