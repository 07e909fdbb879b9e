"""Calendar dates in the text: what they mean and where they are.

Dates are found once over the whole text with one linear pattern.  They serve
three jobs: numbers inside them are not figures, a date before a reporting verb
is the date of the claim, and a date attached to a figure decides its scope.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tollbook.extract.doc import DateMention, DatePrecision, Doc
from tollbook.extract.lexicon import MONTHS, word_set

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)"
_ORD = r"(?:st|nd|rd|th)?"
_LEADS = word_set(
    "on in since by until from for of during early late mid before after till through between"
)
_LEAD_RE = re.compile(r"(\w+)[ -]$")
DATE_RE = re.compile(
    r"(?<![\w])(?=[0-9JFMASOND])(?:"
    # 2018-02-14
    rf"(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b"
    # 7 February 2018, 12 and 13 February, 7-8 Feb., 14 February, 2018
    rf"|(?P<d1>{_DAY}){_ORD}(?:\s*(?:and|to|-|–|—)\s*(?P<e1>{_DAY}){_ORD})?(?:\s+of)?\s+"
    rf"(?P<m1>{_MONTH})\b\.?(?:,?\s+(?P<y1>{_YEAR})\b)?"
    # February 7, Feb. 7, 2018, February 12-13
    rf"|(?P<m2>{_MONTH})\b\.?\s+(?P<d2>{_DAY}){_ORD}\b(?!\s*(?:%|[,.]\d))"
    rf"(?:\s*(?:-|–)\s*(?P<e2>{_DAY})\b)?(?:,?\s+(?P<y2>{_YEAR})\b)?"
    # February 2017, March of 2018
    rf"|(?P<m3>{_MONTH})\b\.?,?\s+(?:of\s+)?(?P<y3>{_YEAR})\b"
    # October (a bare month, capitalized; "May" only after a preposition)
    rf"|(?P<m4>(?!May\b){_MONTH})\b(?!\.\w)"
    rf"|(?<=[Ii]n )(?P<m5>May)\b"
    # 2015, the 1990s
    rf"|(?P<y4>{_YEAR})(?![\d,.]\d)(?!s\b)\b"
    r")"
)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def parse_date(m: re.Match[str], text: str) -> DateMention:
    g = m.groupdict()
    year = month = day = last_day = None
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["m1"]:
        month, day = _month(g["m1"]), int(g["d1"])
        year = int(g["y1"]) if g["y1"] else None
        last_day = int(g["e1"]) if g["e1"] else None
    elif g["m2"]:
        month, day = _month(g["m2"]), int(g["d2"])
        year = int(g["y2"]) if g["y2"] else None
        last_day = int(g["e2"]) if g["e2"] else None
    elif g["m3"]:
        month, year = _month(g["m3"]), int(g["y3"])
    elif g["m4"] or g["m5"]:
        month = _month(g["m4"] or g["m5"])
    else:
        year = int(g["y4"])
    lead = _LEAD_RE.search(text, max(0, m.start() - 12), m.start())
    word = lead.group(1).lower() if lead else ""
    if last_day is not None and (day is None or last_day <= day):
        last_day = None
    lead_word = word if word in _LEADS else ""
    return DateMention(m.start(), m.end(), year, month, day, lead_word, last_day)


def find_dates(doc: Doc) -> None:
    """Pipeline component: every date mention, in text order."""
    text = doc.text
    doc.set_dates([parse_date(m, text) for m in DATE_RE.finditer(text)])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(mention: DateMention, anchor: date | None, fallback_year: int | None) -> date | None:
    """A full date for ``mention``: missing years are taken nearest to ``anchor``.

    Month-only dates resolve to the 1st of the month, year-only dates to 1 January.
    """
    month = mention.month or 1
    day = mention.day or 1
    if mention.year is not None:
        return _safe_date(mention.year, month, day)
    if anchor is not None:
        options = [_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
        valid = [d for d in options if d is not None]
        if not valid:
            return None
        if mention.precision is DatePrecision.MONTH:
            target = anchor.year * 12 + anchor.month
            return min(valid, key=lambda d: abs(d.year * 12 + d.month - target))
        return min(valid, key=lambda d: abs((d - anchor).days))
    if fallback_year is not None:
        return _safe_date(fallback_year, month, day)
    return None


def differs(mention: DateMention, event: date, *, tolerance_days: int = 2) -> bool:
    """Whether a date mention points at another time than the event date."""
    when = resolve(mention, event, None)
    if when is None:
        return False
    if mention.precision is DatePrecision.DAY:
        return abs((when - event).days) > tolerance_days
    if mention.precision is DatePrecision.MONTH:
        return (when.year, when.month) != (event.year, event.month)
    return when.year != event.year


def before(mention: DateMention, event: date) -> bool:
    """Whether a date mention is wholly before the event date."""
    when = resolve(mention, event, None)
    if when is None:
        return False
    if mention.precision is DatePrecision.DAY:
        return when < event - timedelta(days=1)
    if mention.precision is DatePrecision.MONTH:
        return (when.year, when.month) < (event.year, event.month)
    return when.year < event.year
