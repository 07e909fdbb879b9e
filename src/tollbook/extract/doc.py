"""The document the pipeline components annotate: an immutable text plus spans.

Every annotation is a half-open ``[start, end)`` pair of character offsets into
``Doc.text``; nothing is ever matched against a cleaned copy of the text.
Components fill the lists of a :class:`Doc` in order (see ``pipeline.py``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, IntEnum

from tollbook.extract.tokens import Token, tokenize
from tollbook.vocab import Outcome, Qualifier, Scope, Stance


class BlockKind(Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    FIELD = "field"  # an infobox or front-matter line "Label: value"


@dataclass(frozen=True, slots=True)
class Block:
    """A line-level unit of layout: its content span excludes Markdown markers."""

    start: int
    end: int
    kind: BlockKind
    section: int  # index of the heading or title block it sits under, -1 if none
    label_end: int = -1  # FIELD: where the label ends (the value follows)
    label_start: int = -1  # FIELD: where the label starts, when not at ``start``
    group_start: int = -1  # FIELD in a table: the row's first cell names the victims
    group_end: int = -1
    source_start: int = -1  # FIELD in a table: the row's cell under a "Source" column
    source_end: int = -1
    speaker_start: int = -1  # PARAGRAPH in a transcript: who speaks it (not the host)
    speaker_end: int = -1


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int
    index: int


class DatePrecision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date as written; ``year`` is ``None`` when the text leaves it out."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    lead: str  # the preposition right before it ("on", "since", ...), lower case
    last_day: int | None = None  # "3-11 May": the day a span of days ends

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR


@dataclass(frozen=True, slots=True)
class Mention:
    """A number expression: its span, the interval it asserts and how it is qualified."""

    start: int
    end: int
    first: int  # first token index in the sentence (qualifier included)
    last: int  # last token index, inclusive
    core: int  # token index where the number itself starts
    low: int | None
    high: int | None
    qualifier: Qualifier
    zero: bool = False


@dataclass(slots=True)
class Candidate:
    """A figure being built; later components fill the attribution and scope."""

    mention: Mention
    sentence: int
    outcome: Outcome
    qualifier: Qualifier
    low: int | None
    high: int | None
    group: tuple[int, int] | None = None  # character span
    predicate: int = -1  # token index of the casualty word, -1 when inherited
    hedged: bool = False
    needs_context: bool = False  # "the number could be up to 200": outcome from before
    claimant: str | None = None
    claimant_span: tuple[int, int] | None = None
    via: tuple[str, ...] = ()
    stance: Stance = Stance.ASSERTS
    scope: Scope = Scope.EVENT
    claim_date: date | None = None
    claim_mention: DateMention | None = None
    subcount: bool = False  # a part of a total the text also gives


@dataclass(slots=True)
class Doc:
    """The text and what the components have found in it so far."""

    text: str
    event_date: date | None = None
    event_end: date | None = None  # the last day of an event that spans days ("3-11 May")
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quotation spans
    dates: list[DateMention] = field(default_factory=list)
    reference_date: date | None = None  # from front matter, when given
    publisher: str | None = None  # from a dateline "CITY (OUTLET) -"
    author: tuple[int, int] | None = None  # the organisation a first-person statement speaks for
    event_day: tuple[int | None, int | None] | None = None  # (month, day) when no year is known
    mentions: dict[int, list[Mention]] = field(default_factory=dict)  # by sentence
    candidates: list[Candidate] = field(default_factory=list)
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _date_starts: list[int] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    _outer_headings: dict[int, int] = field(default_factory=dict)  # see scope.enclosing_headings

    def tokens(self, sentence: int) -> list[Token]:
        """The tokens of one sentence, tokenized on first use."""
        toks = self._tokens.get(sentence)
        if toks is None:
            s = self.sentences[sentence]
            toks = tokenize(self.text, s.start, s.end)
            self._tokens[sentence] = toks
        return toks

    def set_dates(self, dates: list[DateMention]) -> None:
        self.dates = dates
        self._date_starts = [d.start for d in dates]

    def dates_between(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self._date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def set_quotes(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = quotes
        self._quote_starts = [q[0] for q in quotes]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation span that contains ``pos``, if any."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def sentence_at(self, pos: int) -> int | None:
        """Index of the sentence that starts at or before ``pos``."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return i if i >= 0 else None

    def block_of(self, sentence: int) -> Block:
        return self.blocks[self.sentences[sentence].block]

    def is_headline(self, sentence: int) -> bool:
        return self.block_of(sentence).kind in (BlockKind.TITLE, BlockKind.HEADING)
