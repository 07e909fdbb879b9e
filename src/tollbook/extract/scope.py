"""Scope: whether a figure is about the incident the text is about (``event``) or
about another incident or a longer period (``other``).

The event date comes from the caller, else from an infobox's "Date" line, else from
the day the text names most, a day written beside the incident itself counting
extra (``after the dam burst ... on 3 May``), leaving out bylines, datelines and
timeline stamps, which date the text; an event written as a span (``3-11 May``,
``23 May – 23 October 2017``) keeps its last day too.
A figure is ``other`` when it sits under a heading about other incidents (or under
a higher-ranked one: "ALSO IN THE NEWS" over a digest's items, or any top-level
section after the lead's in a digest: a text that calls itself a briefing, or heads
its stories with places in capitals, "2. PERU: ..."), when its own sentence (or the
sentence before, for "that night") dates the deaths to another day (a date that is
not the claim's; a later day of a toll, of recovered bodies or of people still
missing dates the count, not the deaths), when the claim predates the event, when it
counts over a period or a wider area (``since 2015``, ``so far this year``, ``during
the siege``, ``across the country``), at another time (``a week before``, ``Before
reaching the coast``, ``since 1999, when``, ``the worst since a 1992 blast that
killed 263``), or when a new incident of another kind is its cause (``A landslide
killed 12`` past the opening, and the figures after it in that sentence).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import re
from collections import Counter
from datetime import date

from tollbook.extract.dates import before, differs, resolve
from tollbook.extract.doc import Block, BlockKind, Candidate, DateMention, DatePrecision, Doc
from tollbook.extract.lexicon import (
    COUNT_NOUNS,
    DIGEST_WORDS,
    EVENT_NOUNS,
    OTHER_SECTION_NOUNS,
    OTHER_SECTION_WORDS,
    REPORTING_VERBS,
    SUPERLATIVE_BEFORE_SINCE,
    TIME_NOUNS,
    WEEKDAYS,
)
from tollbook.extract.tokens import Token, TokenKind
from tollbook.vocab import Outcome, Scope

# "a month later": another time, maybe the same event
_LATER_PHRASES = frozenset(
    tuple(phrase.split())
    for phrase in (
        "a month later",
        "a week later",
        "weeks later",
        "months later",
        "years later",
        "the following month",
        "the following year",
        "a week after",
        "a month after",
        "a year after",
    )
)
_PERIOD_PHRASES: tuple[tuple[str, ...], ...] = (
    *_LATER_PHRASES,
    *(
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
            "in retaliation",
            "as retaliation",
            "retaliation for",
            "another attack",
            "another strike",
            "previous attack",
            "earlier attack",
            "similar attack",
            "similar strike",
            "a day before",
            "a week before",
            "a month before",
            "a year before",
            "days before",
            "weeks before",
            "months before",
            "years before",
            "days earlier",
            "weeks earlier",
            "months earlier",
            "years earlier",
            "across all of",
            "across all",
            "across the entire",
            "across the whole",
            "across the country",
            "nationwide",
            "countrywide",
        )
    ),
)


_EARLIER_WORDS = frozenset(["earlier", "previous", "prior", "separate"])
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
_DATE_REACH = 300
# what may stand before a date that opens a sentence: "On 25 March, X said"
_OPENING_DATE_RE = re.compile(r"(?i)(?:(?:on|in|by|at|late|early|until|then|and|as|of)\b[\s,]*)*")
_INCIDENT_WINDOW = 20
_INCIDENT_REACH = 60  # characters before a date read for the incident's noun
_MAX_LEAD_CHARS = 4000  # a title or first paragraph longer than this is no lead
_CLAUSE_BREAKS = frozenset(["said", "says", "which", "who", "that", "when", "after", "before"])
_RANGE_JOIN_RE = re.compile(r"\s*(?:and|to|until|till|-|–|—)\s*")
_WHEN_AFTER_RE = re.compile(
    r",?\s*(?:when|in which|during which)\b"
)  # characters around a figure where a date may place it

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
_LONG_EVENTS = frozenset(
    ["siege", "war", "occupation", "blockade", "famine", "epidemic", "pandemic", "insurgency"]
)
_NOUN_MARKERS = frozenset(["a", "an", "the", "some", "its", "their"])
_SINCE_VERBS = frozenset(
    ["entered", "joined", "began", "started", "intervened", "arrived", "launched"]
)


_DATE_FIELD_RE = re.compile(r"(?i)dates?[ \t]*(?::|=|\t|\|)")
_NUMBERED_RE = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+")
# a place in capitals before a dash or a colon: "PERU - ", "OSLO: "
_STORY_LABEL_RE = re.compile(r"[A-Z][A-Z.'’ -]{1,30}(?:[:–—]|[ \t]-)[ \t]+\S")
_DIGEST_STORIES = 3
_CUTOFFS = frozenset(["of", "by", "until", "till", "since"])
_COUNT_VERBS = frozenset(["stood", "stands", "reached", "climbed", "crossed", "risen"])
_RECOVERED = frozenset(["bodies", "remains", "corpses"])


_MIN_PARAGRAPH_WORDS = 4
_BYLINE_WORDS = 12


def _byline(doc: Doc, block: Block, header: set[int] | None) -> bool:
    """A short line that dates the text ("By Jo Bell | 6 November 2023"), not a
    dateline opening the story ("LIMA, 6 May 2021 - A bomb killed ...")."""
    if not header or len(doc.text[block.start : block.end].split()) >= _BYLINE_WORDS:
        return False
    return any(d.start in header for d in doc.dates_between(block.start, block.end))


def _opening_end(doc: Doc, header: set[int] | None = None) -> int:
    """Where the first two body paragraphs end: a byline or a section number ("II.")
    is no body paragraph."""
    paragraphs = [
        b
        for b in doc.blocks
        if b.kind is BlockKind.PARAGRAPH
        and len(doc.text[b.start : b.end].split()) >= _MIN_PARAGRAPH_WORDS
        and not _byline(doc, b, header)
    ][:2]
    return paragraphs[-1].end if paragraphs else 0


_WEEKDAYS = WEEKDAYS
_PUBLISHED_WORDS = frozenset(
    ["posted", "published", "updated", "filed", "dated", "edition", "by", "·", "|"]
)
_HEADER_BLOCKS = 6  # the top of a text, where bylines and datelines stand
_DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]{1,40},")


def _header_dates(doc: Doc) -> set[int]:
    """Starts of dates that stamp the text rather than tell of the event: a byline or
    publication line ("Posted 3 May 2021 ·", "By our staff · 9 June 2019",
    "Monday, 4 March 2019 · Morning edition"), or a dateline ("LIMA, 6 August
    2020", "DAKAR, Jan 9, 2020 (Agency) -")."""
    text = doc.text
    out: set[int] = set()
    for block in doc.blocks[:_HEADER_BLOCKS]:
        dates = doc.dates_between(block.start, min(block.end, block.start + 160))
        if not dates:
            continue
        head = text[block.start : min(block.end, block.start + 160)]
        words = {w.strip(",:;()").lower() for w in head.split()}
        dateline = _DATELINE_RE.match(text, block.start, block.end) is not None
        stamped = bool(words & _PUBLISHED_WORDS) or bool(words & _WEEKDAYS)
        for d in dates:
            if d.precision is not DatePrecision.DAY:
                continue
            near_dateline = dateline and d.start - block.start < 60
            if near_dateline or (stamped and block.end - block.start < 120):
                out.add(d.start)
    return out


def _list_stamps(doc: Doc) -> set[int]:
    """Dates that open a timeline entry ("- **5 May** - X says ...", "- Monday, 8
    July: 13 dead"): when it was said or counted."""
    out: set[int] = set()
    text = doc.text
    for block in doc.blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            continue
        dates = doc.dates_between(block.start, block.start + 36)
        if not dates:
            continue
        lead = text[block.start : dates[0].start].strip("*_ ,").lower()
        if not lead or lead in _WEEKDAYS:
            out.add(dates[0].start)
    return out


def infer_event_date(doc: Doc) -> None:
    """Pipeline component: the event date, when the caller gave none.

    The day (day and month) the text names most often, first mention on a tie;
    a cut-off (``as of``, ``by``) does not count, and the first narrative date of
    the opening paragraphs ("On 6 February ...") counts twice.  Bylines, datelines
    and timeline stamps date the text, not the event: they do not vote, and the
    first of them is the reference date.  A day named once and only outside the
    opening does not beat the reference date (news tells of the day before it).
    Its year is the one written with it most often, else the most common year
    written with any full date.
    """
    header = _header_dates(doc)
    stamps = _list_stamps(doc)
    if doc.reference_date is None:
        for d in doc.dates:
            if d.start in header and d.year is not None and d.month and d.day:
                with contextlib.suppress(ValueError):
                    doc.reference_date = date(d.year, d.month, d.day)
                break
    if doc.event_date is None:
        doc.event_date = _infobox_date(doc)
    if doc.event_date is not None:
        doc.event_end = _event_end(doc, doc.event_date)
        return
    text = doc.text
    days = [
        d
        for d in doc.dates
        if d.precision is DatePrecision.DAY
        and d.start not in header
        and d.start not in stamps
        and not _is_cutoff(text, d)
        and _in_body(doc, d.start)
    ]
    opening = _opening_end(doc, header)
    first = next((d for d in days if d.start < opening and d.lead in ("on", "in")), None)
    counts = Counter((d.month, d.day) for d in days)
    if first is not None:
        counts[(first.month, first.day)] += 1
    incident = _incident_nouns(doc)
    for d in days:
        if _names_incident(doc, d, incident):
            counts[(d.month, d.day)] += 2
    best = max(counts.values(), default=0)
    header_days = [d for d in doc.dates if d.start in header]
    if (
        best < 2
        and header_days
        and not (first is not None and counts[(first.month, first.day)] >= 2)
    ):
        days = header_days[:1]
        counts = Counter((d.month, d.day) for d in days)
        best = 1
    if not days:
        return
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
    doc.event_end = _event_end(doc, doc.event_date)


def _infobox_date(doc: Doc) -> date | None:
    """The first day an infobox gives for the event: ``Date: 23 May – 23 October
    2017``, ``Date	1–3 September 2004``; its year may stand after the span."""
    text = doc.text
    for block in doc.blocks[: _HEADER_BLOCKS * 3]:
        if not _DATE_FIELD_RE.match(text, block.start, block.end):
            continue
        dates = doc.dates_between(block.start, block.end)
        days = [d for d in dates if d.precision is DatePrecision.DAY]
        year = next((d.year for d in dates if d.year is not None), None)
        if not days or year is None or days[0].month is None or days[0].day is None:
            return None
        try:
            return date(days[0].year or year, days[0].month, days[0].day)
        except ValueError:
            return None
    return None


def _event_end(doc: Doc, start: date) -> date | None:
    """The last day of an event the text dates as a span from its start (``3-11 May
    1921``, ``from 1 to 3 September``, ``23 May – 23 October 2017``)."""
    dates = doc.dates
    for i, d in enumerate(dates):
        if (d.month, d.day) != (start.month, start.day) or d.year not in (None, start.year):
            continue
        if d.last_day is not None:
            with contextlib.suppress(ValueError):
                return date(start.year, start.month, d.last_day)
        if i + 1 < len(dates) and _RANGE_JOIN_RE.fullmatch(doc.text, d.end, dates[i + 1].start):
            last = resolve(dates[i + 1], start, None)
            if last is not None and last > start and dates[i + 1].precision is DatePrecision.DAY:
                return last
    return None


def _incident_nouns(doc: Doc) -> frozenset[str]:
    """The kind of incident the text is about: the event nouns of the first title or
    heading that has any ("fire", "earthquake", "collapse")."""
    for block in doc.blocks[: _HEADER_BLOCKS * 2]:
        if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
            words = {
                w.strip(".,:;!?'\"()").lower() for w in doc.text[block.start : block.end].split()
            }
            if words & EVENT_NOUNS:
                return frozenset(words & EVENT_NOUNS)
    return frozenset()


def _names_incident(doc: Doc, d: DateMention, incident: frozenset[str]) -> bool:
    """A date written beside an incident of the kinds ``incident``: ``the 12 May
    collapse``, ``after the dam burst ... on 3 May``: the day of an incident,
    not of a count."""
    if not incident:
        return False
    i = doc.sentence_at(d.start)
    if i is None:
        return False
    s = doc.sentences[i]
    near = doc.text[max(s.start, d.start - _INCIDENT_REACH) : min(s.end, d.end + 30)].lower()
    return any(w.strip(".,;:()'\"") in incident for w in near.split())


def _in_body(doc: Doc, pos: int) -> bool:
    """Whether ``pos`` is inside a sentence (front matter and markup are not)."""
    i = doc.sentence_at(pos)
    return i is not None and pos < doc.sentences[i].end


def _is_cutoff(text: str, d: DateMention) -> bool:
    """``as of 5 May``, ``by 25 March``, ``until 1 June``: a count's cut-off, no event."""
    if d.lead in ("by", "until", "till", "since"):
        return True
    return d.lead == "of" and text[max(0, d.start - 7) : d.start].lower().startswith("as of")


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


def heading_level(doc: Doc, block: int) -> int:
    """Rank of a heading: 0 for the title, the ``#`` count of a Markdown heading,
    1 for an all-capitals or a numbered line ("ALSO IN THE NEWS", "2. PERU: ..."),
    2 for any other heading."""
    b = doc.blocks[block]
    if b.kind is BlockKind.TITLE:
        return 0
    text = doc.text
    line_start = text.rfind("\n", 0, b.start) + 1
    marks = text.count("#", line_start, b.start)
    if marks:
        return marks
    if _NUMBERED_RE.fullmatch(text, line_start, b.start):
        return 1
    letters = [ch for ch in text[b.start : b.end] if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return 1
    return 2


def _story_label(doc: Doc, block: int) -> bool:
    """A top-level heading that opens with a place in capitals, the way a digest
    heads each story: "PERU - Floods kill thousands", "2. CHILE: Mine collapse",
    "1. NEPAL"."""
    b = doc.blocks[block]
    if b.kind is not BlockKind.HEADING or heading_level(doc, block) != 1:
        return False
    text = doc.text
    if _STORY_LABEL_RE.match(text, b.start, b.end):
        return True
    line_start = text.rfind("\n", 0, b.start) + 1
    return (
        _NUMBERED_RE.fullmatch(text, line_start, b.start) is not None
        and text[b.start : b.end].isupper()
    )


def enclosing_headings(doc: Doc, sentence: int) -> list[int]:
    """The heading a sentence sits under (or is) and the higher-ranked headings above it."""
    block = doc.sentences[sentence].block
    section = block if doc.blocks[block].kind is BlockKind.HEADING else doc.blocks[block].section
    if section < 0 or doc.blocks[section].kind not in _HEADINGS:
        return []
    outer = _outer_headings(doc)
    out = [section]
    while len(out) < _MAX_HEADING_DEPTH and heading_level(doc, out[-1]) != 0:
        above = outer[out[-1]]
        if above < 0:
            break
        out.append(above)
    return out


_HEADINGS = (BlockKind.HEADING, BlockKind.TITLE)
_MAX_HEADING_DEPTH = 8


def _outer_headings(doc: Doc) -> dict[int, int]:
    """For each heading, the nearest heading above it of a higher rank (-1 if none),
    found in one pass: a run of headings of one rank each point past the others."""
    outer = doc._outer_headings
    if outer or not doc.blocks:
        return outer
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind not in _HEADINGS:
            continue
        rank = heading_level(doc, index)
        above = block.section
        while above >= 0 and blocks[above].kind in _HEADINGS and heading_level(doc, above) >= rank:
            above = outer[above]
        outer[index] = above if above >= 0 and blocks[above].kind in _HEADINGS else -1
    return outer


def _title_words(doc: Doc) -> frozenset[str]:
    """Lower-case words of the text's title (its first block when that is a title)."""
    for block in doc.blocks[:1]:
        if block.end - block.start > _MAX_LEAD_CHARS:
            break
        if block.kind is BlockKind.TITLE:
            return frozenset(
                w.strip(".,:;!?'\"").lower() for w in doc.text[block.start : block.end].split()
            )
    return frozenset()


def _other_section(doc: Doc, sentence: int, lead_section: int) -> bool:
    """Under a heading about other incidents ("More news"), or in a digest under a
    top-level section after the lead story's."""
    for section in enclosing_headings(doc, sentence):
        block = doc.blocks[section]
        words = {w.strip(".,:;").lower() for w in doc.text[block.start : block.end].split()}
        if words & OTHER_SECTION_WORDS and words & OTHER_SECTION_NOUNS:
            return True
        if lead_section >= 0 and heading_level(doc, section) == 1 and section != lead_section:
            return True
    return False


def _digest_lead(doc: Doc, title: frozenset[str]) -> int:
    """In a digest, the first top-level heading: the section of the lead story, the
    one incident the text is about; -1 otherwise.  A digest calls itself one ("World
    briefing", "News roundup") or heads three or more stories with a place in
    capitals ("1. OSLO: ...", "2. PERU: ...")."""
    if not title & DIGEST_WORDS and (
        sum(_story_label(doc, i) for i in range(len(doc.blocks))) < _DIGEST_STORIES
    ):
        return -1
    return next(
        (
            i
            for i, b in enumerate(doc.blocks)
            if b.kind is BlockKind.HEADING and heading_level(doc, i) == 1
        ),
        -1,
    )


_PERIOD_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _PERIOD_PHRASES:
    _PERIOD_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


class _SentenceCues:
    """Where a sentence has period cues, commas and reporting verbs, found once."""

    def __init__(self, doc: Doc, sentence: int, context: _Context) -> None:
        anchor = context.anchor
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
        # a toll, a total or bodies recovered: a count of the event made after it,
        # also when named before ("It stood at 131 on 5 October")
        self.counts = any(w in COUNT_NOUNS or w in _RECOVERED or w in _COUNT_VERBS for w in words)
        # "the strike on the station on 8 April": the day of an incident, not of a count
        self.incident_days = {
            d.start
            for d in doc.dates_between(s.start, s.end)
            if _names_incident(doc, d, EVENT_NOUNS)
        }
        self.event_end = doc.event_end
        # "that night", "the same day": the time of the sentence before
        self.time_anaphor = any(
            words[i] in ("that", "same") and words[i + 1] in TIME_NOUNS for i in range(n - 1)
        )
        self.cues: list[int] = []
        self.later: list[int] = []  # "a month later": another time, maybe the same event
        self.incident_from = n  # token where a new incident's figures start
        self.stamps = context.stamps
        self.commas = [k for k, t in enumerate(toks) if t.text in ",;"]
        self.first_verb = next(
            (
                t.start
                for i, t in enumerate(toks)
                if t.kind is TokenKind.WORD
                and t.lower in REPORTING_VERBS
                and not t.text[:1].isupper()
                and (i == 0 or words[i - 1] not in _NOUN_MARKERS)  # "an estimated 800"
            ),
            -1,
        )
        # "Before reaching the coast, the storm had killed 17 inland": earlier, elsewhere
        if (
            n > 1
            and words[0] in ("before", "prior")
            and words[1 + (words[1] == "to")].endswith("ing")
        ):
            self.cues.append(0)
        if any(w in SUPERLATIVE_BEFORE_SINCE for w in words):
            # "the worst disaster occurred in 1999, when 85 people died", "the worst
            # since a 1992 explosion that killed 263": the record the incident is
            # measured against
            for d in doc.dates_between(s.start, s.end):
                if (
                    d.year is not None
                    and (_WHEN_AFTER_RE.match(doc.text, d.end) or _dates_incident(doc, d))
                    and (doc.event_date is None or d.year != doc.event_date.year)
                ):
                    self.cues.append(bisect.bisect_left(toks, d.end, key=lambda t: t.start))
        title = context.title
        for i in range(n):
            if (
                words[i] == "during"
                and i + 2 < n
                and words[i + 1] in ("the", "its", "a")
                and words[i + 2] in _LONG_EVENTS
                and words[i + 2] not in title
            ):
                self.cues.append(i)  # "died during the siege" in a text about one strike
            if (
                words[i] in ("an", "a")
                and i + 1 < n
                and words[i + 1] in _EARLIER_WORDS
                and any(w in EVENT_NOUNS for w in words[i + 2 : i + 7])
            ):
                self.cues.append(i)  # "an earlier 6.1-magnitude tremor left one dead"
            for phrase in _PERIOD_BY_FIRST.get(words[i], ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    (self.later if phrase in _LATER_PHRASES else self.cues).append(i)
            if (
                words[i] == "since"
                and i + 1 < n
                and _since_period(toks, words, i)
                and toks[i + 1].start not in own_day
            ):
                self.cues.append(i)
        self.cues.sort()

    def period(self, first: int, last: int, *, lasting: bool) -> bool:
        """A cue before the figure, or after it within its clause (no comma between).
        A later time (``a year after``) moves deaths to another incident, not a
        ``lasting`` count: a toll or people still missing."""
        return self._cued(self.cues, first, last) or (
            not lasting and self._cued(self.later, first, last)
        )

    def _cued(self, cues: list[int], first: int, last: int) -> bool:
        i = bisect.bisect_left(cues, first)
        if i > 0:
            return True
        j = bisect.bisect_right(cues, last)
        if j >= len(cues):
            return False
        comma = bisect.bisect_right(self.commas, last)
        return comma >= len(self.commas) or cues[j] < self.commas[comma]


def _dates_incident(doc: Doc, d: DateMention) -> bool:
    """A year written as an incident's attribute: ``a 1992 firedamp explosion``."""
    if d.precision is not DatePrecision.YEAR:
        return False
    after = doc.text[d.end : d.end + _INCIDENT_REACH].split()[:3]
    return any(w.strip(".,;:()'\"").lower() in EVENT_NOUNS for w in after)


def _since_period(toks: list[Token], words: list[str], i: int) -> bool:
    n = len(words)
    nxt = words[i + 1]
    periodic = (
        toks[i + 1].kind is TokenKind.NUM
        or nxt in _SINCE_PERIOD
        or (nxt in ("it", "they") and i + 2 < n and words[i + 2] in _SINCE_VERBS)
        or (nxt == "the" and any(w in _SINCE_EVENTS for w in words[i + 2 : i + 4]))
    )  # "since the war", "since the civil war"
    return periodic and not any(w in SUPERLATIVE_BEFORE_SINCE for w in words[max(0, i - 12) : i])


def _figure_dates(doc: Doc, cand: Candidate, cues: _SentenceCues) -> list[DateMention]:
    """Dates near the figure in its sentence that are not the date of its claim."""
    s = doc.sentences[cand.sentence]
    m = cand.mention
    out = []
    dates = doc.dates_between(max(s.start, m.start - _DATE_REACH), min(s.end, m.end + _DATE_REACH))
    spans = _date_ranges(doc, dates)
    for index, d in enumerate(dates):
        if cand.claim_mention is not None and d.start == cand.claim_mention.start:
            continue
        if index in spans:
            continue  # "between 2 March and 9 April": a period that holds the event
        if d.lead in ("since", "by") and not _WHEN_AFTER_RE.match(doc.text, d.end):
            continue  # "since 1999, when a flood killed 300": the date of that quake
        if d.start > m.end and ";" in doc.text[m.end : d.start]:
            continue  # "...; he was sentenced in 2006": a later clause's own date
        if (
            0 <= cues.first_verb < m.start
            and d.start < cues.first_verb
            and _OPENING_DATE_RE.fullmatch(doc.text, s.start, d.start)
            and ";" not in doc.text[d.end : cues.first_verb]
        ):
            continue  # "On 17 February, X said that ...": the date of the claim
        if d.start in cues.stamps:
            continue  # "- **5 May** - X says ...": when it was said
        out.append(d)
    return out


def _date_ranges(doc: Doc, dates: list[DateMention]) -> set[int]:
    """Indices of dates that bound a period holding the event day: ``between 2
    March and 9 April``, ``from 1 to 20 March``."""
    anchor = _event_anchor(doc)
    out: set[int] = set()
    if anchor is None:
        return out
    for i in range(len(dates) - 1):
        a, b = dates[i], dates[i + 1]
        if a.lead not in ("between", "from") or not _RANGE_JOIN_RE.fullmatch(
            doc.text, a.end, b.start
        ):
            continue
        first = resolve(a, anchor, None)
        last = resolve(b, anchor, None)
        if first is not None and last is not None and first <= anchor <= last:
            out.update((i, i + 1))
    return out


def _first_paragraph(doc: Doc) -> int:
    return next((i for i, b in enumerate(doc.blocks) if b.kind is BlockKind.PARAGRAPH), -1)


def _lead_words(doc: Doc, title: frozenset[str], first: int) -> frozenset[str]:
    """Words of the title and the first paragraph: what the text is about."""
    words = set(title)
    for block in doc.blocks[first : first + 1] if first >= 0 else ():
        if block.end - block.start <= _MAX_LEAD_CHARS:
            words.update(
                w.strip(".,:;!?'\"()").lower() for w in doc.text[block.start : block.end].split()
            )
            break
    return frozenset(words)


def _new_incident(doc: Doc, cand: Candidate, context: _Context) -> bool:
    """``A landslide in the valley killed 12 people``: past the opening,
    an incident brought in with "a"/"an" as the killer, of a kind the title and the
    first paragraph do not tell of, is another incident."""
    if cand.predicate < 0 or cand.predicate >= cand.mention.first:
        return False
    sentence = doc.sentences[cand.sentence]
    if doc.blocks[sentence.block].kind is not BlockKind.PARAGRAPH:
        return False
    if sentence.block == context.first_paragraph:
        return False
    toks = doc.tokens(cand.sentence)
    for j in range(cand.predicate - 1, max(-1, cand.predicate - _INCIDENT_WINDOW), -1):
        if toks[j].text in (";", ":", ".") or toks[j].lower in _CLAUSE_BREAKS:
            return False
        if toks[j].lower in ("a", "an"):
            for x in range(j + 1, min(j + 4, cand.predicate)):
                if toks[x].lower in EVENT_NOUNS:
                    return toks[x].lower not in context.lead
            return False
    return False


def _scope_is_other(doc: Doc, cand: Candidate, context: _Context, cues: _SentenceCues) -> bool:
    anchor = context.anchor
    if context.other_section(doc, cand.sentence):
        return True
    lasting = cues.counts or cand.outcome is Outcome.MISSING
    if cues.period(cand.mention.first, cand.mention.last, lasting=lasting):
        return True
    if _new_incident(doc, cand, context):
        cues.incident_from = min(cues.incident_from, cand.mention.first)
        return True
    if cand.mention.first > cues.incident_from:
        return True  # "A blast killed 12, officials said, adding that 30 were hurt"
    if anchor is None:
        return False
    if doc.event_date is None:
        # only day and month are known: compare those, ignoring years
        for d in _figure_dates(doc, cand, cues):
            day = dataclasses.replace(d, year=None)
            if d.month is not None and _dates_other(day, anchor, cues, lasting=lasting):
                return True
            if d.month is None and d.lead == "in" and d.start < cand.mention.start:
                return True  # "In 2016, 600 people died": a text that never names the
                # event's year dates only the past by a year alone
        return (
            cand.claim_mention is not None
            and cand.claim_mention.year is None
            and before(cand.claim_mention, anchor)
        )
    if any(_incident_other(d, anchor, cues) for d in _anaphoric_dates(doc, cand, cues)):
        return True
    if any(_dates_other(d, anchor, cues, lasting=lasting) for d in _figure_dates(doc, cand, cues)):
        return True
    return cand.claim_mention is not None and before(cand.claim_mention, anchor)


def _anaphoric_dates(doc: Doc, cand: Candidate, cues: _SentenceCues) -> list[DateMention]:
    """In a sentence dated only by "that night" or "the same day", the dates of the
    sentence before it in its paragraph, the day of the incident it tells of ("In
    October 2015 a fire broke out at a club. Thirty people died that night")."""
    s = doc.sentences[cand.sentence]
    if not cues.time_anaphor or cand.sentence == 0 or doc.dates_between(s.start, s.end):
        return []
    before = doc.sentences[cand.sentence - 1]
    return doc.dates_between(before.start, before.end) if before.block == s.block else []


def _incident_other(d: DateMention, anchor: date, cues: _SentenceCues) -> bool:
    """Whether the day of an incident is another time than the event."""
    return differs(d, anchor) and not _within(d, anchor, cues.event_end)


def _dates_other(d: DateMention, anchor: date, cues: _SentenceCues, *, lasting: bool) -> bool:
    """Whether a date beside a figure puts it at another time than the event.

    A day after the event dates a count of it (``the toll was put at 85 on 20
    February``, ``ended the search on 28 May with 112 bodies recovered``) when the
    sentence gives a toll or recovered bodies, or the people are still missing; only
    the day of the deaths themselves
    (``two more soldiers were killed on 2 March``) moves them to another incident."""
    if _within(d, anchor, cues.event_end):
        return False
    if not differs(d, anchor):
        # an event written as a span starts on its first day: the day before is before
        return cues.event_end is not None and _before_span(d, anchor)
    return before(d, anchor) or not lasting or d.start in cues.incident_days


def _before_span(d: DateMention, start: date) -> bool:
    when = resolve(d, start, None)
    return d.precision is DatePrecision.DAY and when is not None and when < start


def _within(d: DateMention, start: date, end: date | None) -> bool:
    """Whether a date falls inside an event that spans days (``3-11 May``, ``in
    August`` of a siege from May to October)."""
    if end is None or d.precision is DatePrecision.YEAR:
        return False
    when = resolve(d, start, None)
    if when is None:
        return False
    if d.precision is DatePrecision.MONTH:
        return (start.year, start.month) <= (when.year, when.month) <= (end.year, end.month)
    return start <= when <= end


class _Context:
    """What scope reads about the whole text, found once per text."""

    def __init__(self, doc: Doc) -> None:
        self.anchor = _event_anchor(doc)
        self.stamps = _list_stamps(doc)
        self.title = _title_words(doc)
        self.first_paragraph = _first_paragraph(doc)
        self.lead = _lead_words(doc, self.title, self.first_paragraph)
        self.lead_section = _digest_lead(doc, self.title)
        self.other_sections: dict[int, bool] = {}

    def other_section(self, doc: Doc, sentence: int) -> bool:
        block = doc.sentences[sentence].block
        if doc.blocks[block].kind is BlockKind.HEADING:
            section = block  # a story's own heading: "2. PERU: Mine collapse kills 13"
        else:
            section = doc.blocks[block].section
        cached = self.other_sections.get(section)
        if cached is None:
            cached = _other_section(doc, sentence, self.lead_section)
            self.other_sections[section] = cached
        return cached


def assign_scope(doc: Doc) -> None:
    """Pipeline component: ``event`` or ``other`` for every candidate."""
    if not doc.candidates:
        return
    context = _Context(doc)
    tables: dict[int, _SentenceCues] = {}
    for cand in doc.candidates:
        cues = tables.get(cand.sentence)
        if cues is None:
            cues = tables[cand.sentence] = _SentenceCues(doc, cand.sentence, context)
        other = _scope_is_other(doc, cand, context, cues)
        cand.scope = Scope.OTHER if other else Scope.EVENT
