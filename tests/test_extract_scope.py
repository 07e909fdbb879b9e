"""Scope: event figures versus figures about another incident or a longer period."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.extract import extract
from tollbook.extract.dates import find_dates
from tollbook.extract.doc import Doc
from tollbook.extract.scope import infer_event_date
from tollbook.extract.segment import segment
from tollbook.vocab import Scope

EVENT, OTHER = Scope.EVENT, Scope.OTHER
FEB7 = date(2018, 2, 7)

SCOPES: list[tuple[str, str, date | None, list[Scope]]] = [
    ("plain", "At least 12 people were killed in the attack.", FEB7, [EVENT]),
    ("same-day", "On 7 February 2018, at least 12 people were killed.", FEB7, [EVENT]),
    ("next-day-tolerated", "On 8 February, two more soldiers died.", FEB7, [EVENT]),
    (
        "other-day",
        "On 2 March 2018, at least two fighters were killed by air raids.",
        FEB7,
        [OTHER],
    ),
    ("other-month", "Two captives were executed in October.", FEB7, [OTHER]),
    (
        "claim-date-after-event",
        "On 17 February, a commander was quoted as saying 14 volunteers died.",
        FEB7,
        [EVENT],
    ),
    (
        "claim-date-before-event",
        "According to a December report, 41 soldiers have died.",
        FEB7,
        [OTHER],
    ),
    ("since-year", "More than 14,000 people have been killed since 2014.", FEB7, [OTHER]),
    ("since-it-entered", "Its losses since it entered the war stand at 41 dead.", FEB7, [OTHER]),
    (
        "since-the-war-began",
        "Since the war began, more than 14,000 people have been killed.",
        FEB7,
        [OTHER],
    ),
    (
        "deadliest-since-is-no-period",
        "The attack was the deadliest since 2015, killing 45.",
        FEB7,
        [EVENT],
    ),
    ("this-year", "Nearly 4,000 people have died of cholera this year.", FEB7, [OTHER]),
    ("retaliation", "Jets struck in retaliation, killing about ten instructors.", FEB7, [OTHER]),
    ("later-strike", "A week later, another airstrike killed 15 people.", FEB7, [OTHER]),
    (
        "cue-in-later-clause",
        "At least 100 people were killed, a week after a similar attack killed 30.",
        FEB7,
        [EVENT, OTHER],
    ),
    (
        "cumulative-after-comma",
        "Troops killed 15 people on Friday, the ministry said, bringing the "
        "number killed since the start of the year to 200.",
        date(2023, 5, 12),
        [EVENT, OTHER],
    ),
    (
        "further-incidents-heading",
        "Further incidents\n\nThe coalition said no casualties were reported on either side.",
        FEB7,
        [OTHER],
    ),
    ("no-event-date", "On 2 March 2018, two fighters were killed.", None, [EVENT]),
]


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [(t, e, x) for _, t, e, x in SCOPES],
    ids=[i for i, _, _, _ in SCOPES],
)
def test_scope(text: str, event: date | None, expected: list[Scope]) -> None:
    assert [f.scope for f in extract(text, event_date=event)] == expected


def _inferred(text: str) -> tuple[date | None, tuple[int | None, int | None] | None]:
    doc = Doc(text)
    segment(doc)
    find_dates(doc)
    infer_event_date(doc)
    return doc.event_date, doc.event_day


EVENT_DATES: list[tuple[str, str, date | None]] = [
    (
        "most-mentioned-day",
        "On 7 February 2018 a battle began. On 8 February it ended. The 7 February attack was big.",
        FEB7,
    ),
    (
        "year-from-other-dates",
        "The strike of 7 February killed 20. Talks resumed in March 2018. The 7 February raid.",
        FEB7,
    ),
    ("no-dates", "A battle happened.", None),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in EVENT_DATES], ids=[i for i, _, _ in EVENT_DATES]
)
def test_event_date_inferred(text: str, expected: date | None) -> None:
    assert _inferred(text)[0] == expected


def test_event_day_without_a_year_still_decides_scope() -> None:
    text = (
        "The clashes of February 7 killed many. In October, two "
        "captives were executed.\n\nThe February 7 strike."
    )
    assert _inferred(text) == (None, (2, 7))
    assert [f.scope for f in extract(text)] == [OTHER]


def test_given_event_date_wins() -> None:
    text = "On 2 March 2018, two fighters were killed. The 7 February strike."
    assert [f.scope for f in extract(text, event_date=date(2018, 3, 2))] == [EVENT]
