"""Scope: event figures versus figures about another incident or a longer period."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.extract import extract
from tollbook.extract.dates import find_dates
from tollbook.extract.doc import Doc
from tollbook.extract.scope import enclosing_headings, infer_event_date
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
    # --- another time, place or incident ------------------------------------------------
    (
        "days-before",
        "A week before the blast, a fire at the same depot had injured 4 workers.",
        FEB7,
        [OTHER],
    ),
    (
        "during-a-longer-period",
        "The bombing killed 30 people. The city lost over 5,000 residents during the war.",
        FEB7,
        [EVENT, OTHER],
    ),
    (
        "during-the-event-itself",
        "Battle for the river\n\nOfficials said 40 civilians died during the battle.",
        FEB7,
        [EVENT],
    ),
    (
        "wider-area",
        "The ministry has recorded 900 civilian deaths across the country.",
        FEB7,
        [OTHER],
    ),
    (
        "since-year-when",
        "It was the worst flood since 1999, when heavy rains killed 300 people.",
        FEB7,
        [OTHER],
    ),
    (
        "before-reaching",
        "Before hitting the mainland, the cyclone had killed 8 people on the islands.",
        FEB7,
        [OTHER],
    ),
    (
        "an-estimated-is-no-claim-verb",
        "In April 2015 an estimated 60 people died in a mosque blast.",
        FEB7,
        [OTHER],
    ),
    (
        "date-in-the-subject-is-the-figures",
        "The raid on 2 June, which officials say killed 61 people, was worse.",
        FEB7,
        [OTHER],
    ),
    (
        "period-that-holds-the-event",
        "The army said it had lost 34 soldiers between 2 February and 9 March 2018.",
        FEB7,
        [EVENT],
    ),
    (
        "date-before-a-closing-cue-dates-the-figure",
        "On 2 March 2018, two fighters were killed, the army said.",
        FEB7,
        [OTHER],
    ),
    (
        "new-incident-past-the-opening",
        "Ferry sinks off coast\n\nA ferry sank off the coast, killing 40 passengers.\n\n"
        "A landslide in the same valley killed 12 people.",
        FEB7,
        [EVENT, OTHER],
    ),
    (
        "same-kind-of-incident-stays",
        "Ferry sinks off coast\n\nA ferry sank off the coast, killing 40 passengers.\n\n"
        "A ferry carrying workers capsized, killing 12 people.",
        FEB7,
        [EVENT, EVENT],
    ),
    (
        "timeline-stamp-is-the-claims-date",
        "Timeline\n\n- **9 February** - The governor says 30 people died.",
        FEB7,
        [EVENT],
    ),
    (
        "digest-other-items",
        "TOP STORIES\n\nFlood kills 30 in valley\n\nAt least 30 people died when the river "
        "burst its banks, officials said.\n\nOTHER NEWS\n\nPERU - Bus crash kills 12\n"
        "Twelve people died when a bus left the road.\n\nCHILE - Fire spreads\nTwo "
        "firefighters were injured.",
        None,
        [EVENT, EVENT, OTHER, OTHER, OTHER],
    ),
    # --- a later date or time dates a count, not the deaths -------------------------------
    ("count-on-a-later-day", "On 20 February the toll was put at 85.", FEB7, [EVENT]),
    ("deaths-on-a-later-day", "On 20 February, 12 soldiers were killed.", FEB7, [OTHER]),
    (
        "bodies-recovered-later",
        "Divers ended the search on 28 February with 112 bodies recovered.",
        FEB7,
        [EVENT],
    ),
    (
        "count-before-the-event",
        "On 1 February the toll stood at 40.",
        FEB7,
        [OTHER],
    ),
    (
        "another-incident-on-a-later-day",
        "The toll from the strike on the market on 20 February was 14.",
        FEB7,
        [OTHER],
    ),
    ("still-missing-later", "A year after the flood, 40 people were still missing.", FEB7, [EVENT]),
    (
        "killed-later",
        "A year after the flood, a landslide killed 30 people.",
        FEB7,
        [OTHER],
    ),
    # --- how far a date reaches --------------------------------------------------------------
    (
        "later-clause-date",
        "Officials said 12 soldiers were killed; the commander was tried in 2020.",
        FEB7,
        [EVENT],
    ),
    (
        "opening-date-of-an-earlier-clause",
        "In May 2019 rebels stormed the town; officials said 14 people died.",
        FEB7,
        [OTHER],
    ),
    (
        "year-alone-when-the-event-has-no-year",
        "QUITO, May 3 (Agency) - Floods killed 20 people on Monday.\n\nIn 2016, 600 people "
        "died when the coast shook.",
        None,
        [EVENT, OTHER],
    ),
    # --- another incident and digests ---------------------------------------------------------
    (
        "new-incident-reaches-its-sentence",
        "Ferry sinks\n\nA ferry sank, killing 40 passengers.\n\nSeparately, a drone strike "
        "killed three men, the army said, adding that no civilians were hurt.",
        FEB7,
        [EVENT, OTHER, OTHER],
    ),
    (
        "digest-numbered-sections",
        "NEWS BRIEFING\n\n1. PERU\nFlood kills 30\n\nAt least 30 people died in floods.\n\n"
        "2. CHILE\nFire kills 4\n\nFour firefighters died in a blaze.",
        None,
        [EVENT, EVENT, OTHER, OTHER],
    ),
    (
        "inside-an-event-of-several-days",
        "Date\t3–11 May 1921\n\nThe garrison lost 140 men by 9 May; 60 more died on 10 May.",
        None,
        [EVENT, EVENT],
    ),
    (
        "digest-of-datelined-stories",
        "THE DAY AHEAD\n\n1. CHILE: Wildfires kill 46 near the coast\n\nFires have killed at"
        " least 46 people.\n\n2. NIGERIA: Gunmen abduct 30 villagers\n\nGunmen took 30"
        " villagers hostage.\n\n3. JAPAN: Quake injures 20\n\nA quake injured 20 people.",
        None,
        [EVENT, EVENT, OTHER, OTHER, OTHER, OTHER],
    ),
    (
        "numbered-sections-of-one-story-are-no-digest",
        "The long read\n\n1. The night of the fire\n\nAt least 40 people died.\n\n"
        "2. The count\n\nThe toll later rose to 52.\n\n3. The trial\n\nTwo men were jailed.",
        None,
        [EVENT, EVENT],
    ),
    (
        "inside-an-event-of-several-months",
        "Siege of the port\n\nDate: 4 March – 19 June 2016\n\nIn April rebels shelled the"
        " market, killing 14 shoppers. On 2 March a car bomb had killed 9 people.",
        None,
        [EVENT, OTHER],
    ),
    (
        "that-night-of-the-sentence-before",
        "A fire at a club on 27 January 2013 killed 242 people.\n\nSuch fires recur. In"
        " October 2015 a fire broke out at a club in another city. Twenty-seven people died"
        " that night; 150 were hurt.",
        None,
        [EVENT, OTHER, OTHER],
    ),
    (
        "earlier-violence-section",
        "Prison riot kills 118\n\nAt least 118 inmates died on 28 September 2021.\n\n"
        "Earlier violence in the prisons\n\n- Riots in three prisons killed 79 inmates.",
        None,
        [EVENT, EVENT, OTHER],
    ),
    (
        "counts-dated-after-the-event-in-a-list",
        "Rail disaster: update\n\nThe train derailed on 6 July 2013.\n\n"
        "- Monday, 8 July: 13 dead.\n- Wednesday, 10 July: 20 dead; 30 missing.",
        None,
        [EVENT, EVENT, EVENT],
    ),
    (
        "count-named-before-dated-later",
        "The crush on 1 October 2022 killed 125 people. It stood at 131 on 5 October.",
        None,
        [EVENT, EVENT],
    ),
    (
        "record-incident-written-with-its-year",
        "Mine blast kills 274\n\nThe blast killed 274 miners. It is the worst accident in the"
        " country's history, surpassing a 1992 explosion that killed 263 workers.",
        None,
        [EVENT, EVENT, OTHER],
    ),
    (
        "since-a-war-with-an-adjective",
        "On 16 January 2013 gunmen killed 37 hostages. The country had not seen such violence"
        " since the civil war of the 1990s, in which as many as 200,000 people died.",
        None,
        [EVENT, OTHER],
    ),
    (
        "a-separate-team-is-no-separate-incident",
        "A heat wave struck the province in June. A separate team of epidemiologists put the"
        " toll at between 650 and 900 deaths.",
        None,
        [EVENT],
    ),
    (
        "a-second-explosion-is-the-same-incident",
        "A fire broke out at the warehouse on Wednesday night. A second explosion minutes"
        " later killed 40 people.",
        None,
        [EVENT],
    ),
    (
        "an-earlier-tremor-is-another-incident",
        "A quake struck the city on Friday, killing 844 people. An earlier 6.1-magnitude"
        " tremor that afternoon left one person dead. An earlier toll of 850 deaths was revised.",
        None,
        [EVENT, OTHER, EVENT],
    ),
    (
        "year-of-a-relative-clause-is-no-claim-date",
        "On 13 May 2014 a fire killed 301 miners. He cited disasters abroad, including one in"
        " 1862 in which he said 204 people perished.",
        None,
        [EVENT, OTHER],
    ),
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
        "a-long-read-dates-the-event-by-its-narrative-not-its-byline",
        "THE LONG READ\n\nCounting the dead\n\nFive years on, the list still haunts them.\n\n"
        "By Jo Bell | November 6, 2023\n\nI.\n\nAt 6:33 a.m. on November 8, 2018, a fire broke"
        " out.\n\nOn November 12 the sheriff said 42 people had died.",
        date(2018, 11, 8),
    ),
    (
        "infobox-date-of-a-long-event",
        "Siege of the port\n\nDate: 23 May – 23 October 2017 (5 months)\n\nIt ended on 23"
        " October 2017. On 23 October 920 rebels were counted dead, 23 October being the end.",
        date(2017, 5, 23),
    ),
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
    (
        "byline-date-does-not-vote",
        "Quake toll climbs\n\nPosted 3 May 2021 · filed under: news\n\nAt least 80 people "
        "were killed when a quake struck on 28 April 2021. On 3 May the toll rose.",
        date(2021, 4, 28),
    ),
    (
        "dateline-is-the-fallback",
        "Bomb kills 20\n\nLIMA, 6 May 2021 - A bomb killed 20 people on Wednesday.\n\n"
        "Police said the school had been warned.\n\nIn 2019 a bomb killed 12 on 3 March.",
        date(2021, 5, 6),
    ),
    (
        "timeline-stamps-do-not-vote",
        "Storm reached the coast on 10 May 2021.\n\n- **12 May** - 40 dead.\n"
        "- **12 May** - 52 dead.\n- **13 May** - 60 dead.",
        date(2021, 5, 10),
    ),
    (
        "front-matter-dates-do-not-vote",
        "---\ntitle: Flood toll\ndate: 2021-05-14\nupdated: 2021-05-14\n---\n\n"
        "The river rose on 9 May 2021 and 30 people died.",
        date(2021, 5, 9),
    ),
    (
        "day-beside-the-incident",
        "Mine blast toll final\n\nBy our staff · 2 December 2019\n\nThe final toll was "
        "announced on Monday. Rescuers had worked since the blast at the mine on 12 October "
        "2019. On 20 October the count reached 40.",
        date(2019, 10, 12),
    ),
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


def test_byline_date_is_the_reference_date() -> None:
    doc = Doc("Title\n\nBy our staff · 9 June 2019\n\nTen died on Friday.")
    segment(doc)
    find_dates(doc)
    infer_event_date(doc)
    assert doc.reference_date == date(2019, 6, 9)


def test_heading_levels_nest_a_digest() -> None:
    text = "NEWS DIGEST\n\nTOP STORY\n\nFlood kills 30\n\nText.\n\nMORE NEWS\n\nFire\n\nText."
    doc = Doc(text)
    segment(doc)
    last = len(doc.sentences) - 1
    names = [text[doc.blocks[h].start : doc.blocks[h].end] for h in enclosing_headings(doc, last)]
    assert names == ["Fire", "MORE NEWS", "NEWS DIGEST"]


def test_given_event_date_wins() -> None:
    text = "On 2 March 2018, two fighters were killed. The 7 February strike."
    assert [f.scope for f in extract(text, event_date=date(2018, 3, 2))] == [EVENT]
