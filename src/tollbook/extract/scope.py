"""Scope: whether a figure is about the incident the text is about (``event``) or
about another incident or a longer period (``other``).

The event date comes from the caller, else from the day the text names most.
A figure is ``other`` when it sits under a heading about other incidents, when
its own sentence dates it to another day (a date that is not the claim's), when
the claim predates the event, or when it counts over a period (``since 2015``,
``so far this year``) or another strike (``in retaliation``).
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date

from tollbook.extract.dates import before, differs
from tollbook.extract.doc import BlockKind, Candidate, DateMention, DatePrecision, Doc
from tollbook.extract.lexicon import (
    OTHER_SECTION_NOUNS,
    OTHER_SECTION_WORDS,
    REPORTING_VERBS,
    SUPERLATIVE_BEFORE_SINCE,
)
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Scope

_PERIOD_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "so far this year",
        "this year",
        "last year",
        "over a year",
        "in the past year",
        "over the past",
        "over the last",
        "since the start",
        "since the beginning",
        "in total since",
        "throughout the war",
        "over the years",
        "each year",
        "every year",
        "a month later",
        "a week later",
        "weeks later",
        "months later",
        "years later",
        "the following month",
        "the following year",
        "in retaliation",
        "as retaliation",
        "retaliation for",
        "a separate",
        "another attack",
        "another strike",
        "previous attack",
        "earlier attack",
        "similar attack",
        "similar strike",
        "a week after",
        "a month after",
        "a year after",
    )
)


_SINCE_PERIOD = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "then",
        "last",
        "early",
        "late",
        "mid",
    ]
)
_DATE_REACH = 300  # characters around a figure where a date may place it

_SINCE_EVENTS = frozenset(
    [
        "war",
        "conflict",
        "start",
        "beginning",
        "outbreak",
        "invasion",
        "fighting",
        "uprising",
        "revolution",
        "occupation",
        "insurgency",
        "campaign",
        "offensive",
        "pandemic",
        "crisis",
    ]
)
_SINCE_VERBS = frozenset(
    ["entered", "joined", "began", "started", "intervened", "arrived", "launched"]
)


_CUTOFFS = frozenset(["of", "by", "until", "till", "since"])


def _opening_end(doc: Doc) -> int:
    """Where the first two body paragraphs end."""
    paragraphs = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH][:2]
    return paragraphs[-1].end if paragraphs else 0


def infer_event_date(doc: Doc) -> None:
    """Pipeline component: the event date, when the caller gave none.

    The day (day and month) the text names most often, first mention on a tie;
    a cut-off (``as of``, ``by``) does not count, and the first narrative date of
    the opening paragraphs ("On 6 February ...") counts twice.  Its year is the one
    written with it most often, else the most common year written with any full date.
    """
    if doc.event_date is not None:
        return
    days = [d for d in doc.dates if d.precision is DatePrecision.DAY and d.lead not in _CUTOFFS]
    if not days:
        return
    counts = Counter((d.month, d.day) for d in days)
    opening = _opening_end(doc)
    first = days[0]
    if first.start < opening and first.lead in ("on", "in"):
        counts[(first.month, first.day)] += 1
    best = max(counts.values())
    month, day = next((d.month, d.day) for d in days if counts[(d.month, d.day)] == best)
    years = Counter(d.year for d in days if (d.month, d.day) == (month, day) and d.year)
    if not years:
        years = Counter(d.year for d in doc.dates if d.year and d.month)
    if not years and doc.reference_date is not None:
        years = Counter([doc.reference_date.year])
    if not years or month is None or day is None:
        doc.event_day = (month, day)
        return
    year = years.most_common(1)[0][0]
    if year is None:
        return
    try:
        doc.event_date = date(year, month, day)
    except ValueError:
        return


def _event_anchor(doc: Doc) -> date | None:
    """A full date to compare with: the event date, or its day in a stand-in year."""
    if doc.event_date is not None:
        return doc.event_date
    if doc.event_day is not None:
        month, day = doc.event_day
        if month is not None and day is not None:
            try:
                return date(2001, month, day)  # a year without 29 February: only order matters
            except ValueError:
                return None
    return None


def _other_section(doc: Doc, sentence: int) -> bool:
    section = doc.block_of(sentence).section
    if section < 0:
        return False
    block = doc.blocks[section]
    words = {w.strip(".,:;").lower() for w in doc.text[block.start : block.end].split()}
    return bool(words & OTHER_SECTION_WORDS) and bool(words & OTHER_SECTION_NOUNS)


_PERIOD_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _PERIOD_PHRASES:
    _PERIOD_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


class _SentenceCues:
    """Where a sentence has period cues, commas and reporting verbs, found once."""

    def __init__(self, doc: Doc, sentence: int, anchor: date | None) -> None:
        toks = doc.tokens(sentence)
        s = doc.sentences[sentence]
        # "since 7 October" counts the event's own toll when that is the event's day
        own_day = {
            d.start
            for d in doc.dates_between(s.start, s.end)
            if d.lead == "since" and anchor is not None and not differs(d, anchor)
        }
        words = [t.lower for t in toks]
        n = len(words)
        self.cues: list[int] = []
        self.commas = [k for k, t in enumerate(toks) if t.text in ",;"]
        self.first_verb = next(
            (
                t.start
                for t in toks
                if t.kind is TokenKind.WORD
                and t.lower in REPORTING_VERBS
                and not t.text[:1].isupper()
            ),
            -1,
        )
        for i in range(n):
            for phrase in _PERIOD_BY_FIRST.get(words[i], ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    self.cues.append(i)
            if (
                words[i] == "since"
                and i + 1 < n
                and _since_period(toks, words, i)
                and toks[i + 1].start not in own_day
            ):
                self.cues.append(i)

    def period(self, first: int, last: int) -> bool:
        """A cue before the figure, or after it within its clause (no comma between)."""
        i = bisect.bisect_left(self.cues, first)
        if i > 0:
            return True
        j = bisect.bisect_right(self.cues, last)
        if j >= len(self.cues):
            return False
        comma = bisect.bisect_right(self.commas, last)
        return comma >= len(self.commas) or self.cues[j] < self.commas[comma]


def _since_period(toks: list[Token], words: list[str], i: int) -> bool:
    n = len(words)
    nxt = words[i + 1]
    periodic = (
        toks[i + 1].kind is TokenKind.NUM
        or nxt in _SINCE_PERIOD
        or (nxt in ("it", "they") and i + 2 < n and words[i + 2] in _SINCE_VERBS)
        or (nxt == "the" and i + 2 < n and words[i + 2] in _SINCE_EVENTS)
    )
    return periodic and not any(w in SUPERLATIVE_BEFORE_SINCE for w in words[max(0, i - 12) : i])


def _figure_dates(doc: Doc, cand: Candidate, cues: _SentenceCues) -> list[DateMention]:
    """Dates near the figure in its sentence that are not the date of its claim."""
    s = doc.sentences[cand.sentence]
    m = cand.mention
    out = []
    for d in doc.dates_between(
        max(s.start, m.start - _DATE_REACH), min(s.end, m.end + _DATE_REACH)
    ):
        if cand.claim_mention is not None and d.start == cand.claim_mention.start:
            continue
        if d.lead in ("since", "by"):
            continue
        if cues.first_verb >= 0 and d.start < cues.first_verb and d.start < m.start:
            continue  # "On 17 February, X said": the date of the claim
        out.append(d)
    return out


def _scope_is_other(doc: Doc, cand: Candidate, anchor: date | None, cues: _SentenceCues) -> bool:
    if _other_section(doc, cand.sentence):
        return True
    if cues.period(cand.mention.first, cand.mention.last):
        return True
    if anchor is None:
        return False
    if doc.event_date is None:
        # only day and month are known: compare those, ignoring years
        for d in _figure_dates(doc, cand, cues):
            if d.year is None and d.month is not None and differs(d, anchor):
                return True
        return (
            cand.claim_mention is not None
            and cand.claim_mention.year is None
            and before(cand.claim_mention, anchor)
        )
    if any(differs(d, anchor) for d in _figure_dates(doc, cand, cues)):
        return True
    return cand.claim_mention is not None and before(cand.claim_mention, anchor)


def assign_scope(doc: Doc) -> None:
    """Pipeline component: ``event`` or ``other`` for every candidate."""
    anchor = _event_anchor(doc)
    tables: dict[int, _SentenceCues] = {}
    for cand in doc.candidates:
        cues = tables.get(cand.sentence)
        if cues is None:
            cues = tables[cand.sentence] = _SentenceCues(doc, cand.sentence, anchor)
        other = _scope_is_other(doc, cand, anchor, cues)
        cand.scope = Scope.OTHER if other else Scope.EVENT
