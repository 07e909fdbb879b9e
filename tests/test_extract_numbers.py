"""Number expressions: values, intervals, qualifiers, and the numbers that are no counts."""

from __future__ import annotations

import pytest

from tollbook.extract.dates import find_dates
from tollbook.extract.doc import Doc
from tollbook.extract.numbers import find_numbers, read_numbers, worth_reading
from tollbook.extract.segment import segment
from tollbook.vocab import Qualifier

EXACT, APPROX, AT_LEAST, MORE, AT_MOST, UP_TO, RANGE, VAGUE = (
    Qualifier.EXACT,
    Qualifier.APPROX,
    Qualifier.AT_LEAST,
    Qualifier.MORE_THAN,
    Qualifier.AT_MOST,
    Qualifier.UP_TO,
    Qualifier.RANGE,
    Qualifier.VAGUE,
)
Row = tuple[str, int | None, int | None, Qualifier]


def mentions(text: str) -> list[Row]:
    doc = Doc(text)
    segment(doc)
    find_dates(doc)
    out: list[Row] = []
    for sentence in doc.sentences:
        for m in read_numbers(doc, sentence.index):
            out.append((text[m.start : m.end], m.low, m.high, m.qualifier))
    return out


NUMBERS: list[tuple[str, str, list[Row]]] = [
    # a colon with a space is no clock: "Monday, July 8: 13 dead"
    ("colon-after-date", "Monday, 8 July: 13 dead", [("13", 13, 13, EXACT)]),
    ("colon-after-day-word", "Sunday, July 7: five bodies recovered", [("five", 5, 5, EXACT)]),
    ("a-day-earlier", "up from 25 a day earlier", [("25", 25, 25, EXACT)]),
    ("digits", "68 died", [("68", 68, 68, EXACT)]),
    ("thousands", "1,429 died", [("1,429", 1429, 1429, EXACT)]),
    ("word", "fourteen died", [("fourteen", 14, 14, EXACT)]),
    ("compound-words", "one hundred died", [("one hundred", 100, 100, EXACT)]),
    (
        "long-words",
        "two thousand three hundred died",
        [("two thousand three hundred", 2300, 2300, EXACT)],
    ),
    ("and-in-words", "one hundred and fifty died", [("one hundred and fifty", 150, 150, EXACT)]),
    ("hyphenated", "twenty-five died", [("twenty-five", 25, 25, EXACT)]),
    ("digit-scale", "1.5 million died", [("1.5 million", 1_500_000, 1_500_000, EXACT)]),
    ("a-hundred", "a hundred died", [("a hundred", 100, 100, EXACT)]),
    ("a-couple-hundred", "a couple hundred died", [("a couple hundred", 200, 200, APPROX)]),
    (
        "a-couple-of-hundred",
        "a couple of hundred died",
        [("a couple of hundred", 200, 200, APPROX)],
    ),
    ("a-dozen", "a dozen died", [("a dozen", 12, 12, APPROX)]),
    ("half-a-dozen", "half a dozen died", [("half a dozen", 6, 6, APPROX)]),
    ("two-dozen", "two dozen died", [("two dozen", 24, 24, APPROX)]),
    ("several-hundred", "several hundred died", [("several hundred", 200, 999, VAGUE)]),
    ("dozens", "dozens died", [("dozens", 24, 99, VAGUE)]),
    ("scores", "scores died", [("scores", 40, 99, VAGUE)]),
    ("hundreds", "hundreds died", [("hundreds", 200, 999, VAGUE)]),
    ("thousands-vague", "thousands died", [("thousands", 2000, 9999, VAGUE)]),
    (
        "hundreds-of-thousands",
        "hundreds of thousands died",
        [("hundreds of thousands", 200_000, 999_999, VAGUE)],
    ),
    ("digit-plural", "1,000s died", [("1,000s", 2000, 9999, VAGUE)]),
    ("zero-no", "no soldiers died", [("no", 0, 0, EXACT)]),
    ("zero-no-one", "no one died", [("no one", 0, 0, EXACT)]),
    ("zero-none", "none died", [("none", 0, 0, EXACT)]),
    ("en-dash", "80–100 died", [("80–100", 80, 100, RANGE)]),
    ("hyphen", "20-30 died", [("20-30", 20, 30, RANGE)]),
    ("spaced-dash", "80 – 100 died", [("80 – 100", 80, 100, RANGE)]),
    ("to", "200 to 300 died", [("200 to 300", 200, 300, RANGE)]),
    ("between", "between 10 and 20 died", [("between 10 and 20", 10, 20, RANGE)]),
    (
        "between-open",
        "between 12 and more than 20 died",
        [("between 12 and more than 20", 12, None, RANGE)],
    ),
    ("from-to", "from at least 90 to 1,200 died", [("from at least 90 to 1,200", 90, 1200, RANGE)]),
    ("or-range", "two or three died", [("two or three", 2, 3, RANGE)]),
    ("scale-shared", "1.5 to 2 million died", [("1.5 to 2 million", 1_500_000, 2_000_000, RANGE)]),
    (
        "vague-or-vague",
        "dozens or hundreds died",
        [("dozens", 24, 99, VAGUE), ("hundreds", 200, 999, VAGUE)],
    ),
    ("more-than", "more than 100 died", [("more than 100", 100, None, MORE)]),
    ("over", "over 200 died", [("over 200", 200, None, MORE)]),
    ("exceeding", "exceeding 50 died", [("exceeding 50", 50, None, MORE)]),
    ("surpassing", "surpassing two hundred died", [("surpassing two hundred", 200, None, MORE)]),
    ("plus", "150+ died", [("150+", 150, None, MORE)]),
    ("hyphen-plus", "150-plus died", [("150-plus", 150, None, MORE)]),
    ("at-least", "at least 2 died", [("at least 2", 2, None, AT_LEAST)]),
    ("or-more", "20 or more died", [("20 or more", 20, None, AT_LEAST)]),
    ("at-most", "at most 15 died", [("at most 15", None, 15, AT_MOST)]),
    ("at-the-most", "at the most 15 died", [("at the most 15", None, 15, AT_MOST)]),
    ("no-more-than", "no more than eight died", [("no more than eight", None, 8, AT_MOST)]),
    ("up-to", "up to 200 died", [("up to 200", None, 200, UP_TO)]),
    ("as-many-as", "as many as 30 died", [("as many as 30", None, 30, UP_TO)]),
    ("some", "some 55 died", [("some 55", 55, 55, APPROX)]),
    ("about", "about 100 died", [("about 100", 100, 100, APPROX)]),
    ("around", "around 10 died", [("around 10", 10, 10, APPROX)]),
    ("roughly", "roughly 40 died", [("roughly 40", 40, 40, APPROX)]),
    ("nearly", "nearly 100 died", [("nearly 100", 100, 100, APPROX)]),
    ("an-estimated", "an estimated 300 died", [("an estimated 300", 300, 300, APPROX)]),
    ("odd", "40-odd died", [("40-odd", 40, 40, APPROX)]),
    ("or-so", "100 or so died", [("100 or so", 100, 100, APPROX)]),
    ("over-a-dozen", "over a dozen died", [("over a dozen", 12, None, MORE)]),
    # a qualifier after the number is glued to it like one before it
    (
        "at-least-after",
        "two hundred at least died",
        [("two hundred at least", 200, None, AT_LEAST)],
    ),
    ("at-the-most-after", "fifteen at the most died", [("fifteen at the most", None, 15, AT_MOST)]),
    ("at-least-after-digits", "40 at least died", [("40 at least", 40, None, AT_LEAST)]),
    ("another-dozen", "another dozen died", [("another dozen", 12, 12, APPROX)]),
    (
        "qualified-another-dozen",
        "at least another dozen died",
        [("at least another dozen", 12, None, AT_LEAST)],
    ),
    ("another-hundred", "another hundred died", [("another hundred", 100, 100, EXACT)]),
    ("no-reports-of-deaths", "no reports of deaths", [("no", 0, 0, EXACT)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in NUMBERS], ids=[i for i, _, _ in NUMBERS]
)
def test_numbers(text: str, expected: list[Row]) -> None:
    assert mentions(text) == expected


NON_COUNTS: list[tuple[str, str]] = [
    # a currency before or after, an age in commas after a name
    ("rupees-before", "Rs 50,000 to each of the injured"),
    ("rupees-after", "announced 200,000 rupees for each family of the dead"),
    ("pesos-after", "paid 5,000 pesos to the families of the dead"),
    ("age-after-name", "said Jo Park, 31, who survived the fire"),
    ("age-after-name-now", "said Jo Park, now 31, who survived the fire"),
    ("rate-a-day", "40 a day died in the camps"),
    ("another-alone", "another killed"),
    ("no-report-on-it", "no report on the dead"),
    ("date-day-month-year", "on 7 February 2018 died"),
    ("date-month-day", "on February 7, 2018 died"),
    ("date-abbreviated", "on Feb. 7 died"),
    ("date-iso", "on 2018-02-14 died"),
    ("day-pair", "on 12 and 13 February died"),
    ("year", "in 2015 died"),
    ("time-pm", "at 10 p.m. died"),
    ("clock", "at 10:30 died"),
    ("clock-no-space-only", "at 08:15 died"),
    ("hours", "four hours died"),
    ("kilometres", "8 km away died"),
    ("glued-unit", "8km away died"),
    ("percent", "40% died"),
    ("times", "five times died"),
    ("weapon", "a T-72 died"),
    ("weapon-plural", "B-52s died"),
    ("ordinal", "the 4th Division died"),
    ("citation", "died.[38][39]"),
    ("money", "$5 million died"),
    ("force", "a force of 500 died"),
    ("strong", "a 500-strong column died"),
    ("age", "a 12-year-old died"),
    ("aged", "aged 12 died"),
    ("ratio", "one in five died"),
    ("rate", "100 a year died"),
    ("identifier", "Flight 370 died"),
    ("decimal", "1.5 died"),
    ("huge", "1000000000000000000000000000000 died"),
    ("url", "see https://example.com/2018/100-killed died"),
    ("no-more", "no longer died"),
    # a name with a hyphenated number is a model, not a range of people
    ("aircraft-model", "the Airbus 320-200 died"),
    ("helicopter-model", "a Mil 171-8 died"),
    # "no" before a word for data says nothing was counted
    ("no-figure", "no consolidated figure died"),
    ("no-official-data", "no official data died"),
    ("no-toll", "no toll died"),
]


@pytest.mark.parametrize("text", [t for _, t in NON_COUNTS], ids=[i for i, _ in NON_COUNTS])
def test_non_counts(text: str) -> None:
    assert mentions(text) == []


def test_hyphenated_range_after_a_lowercase_word_is_a_range() -> None:
    assert mentions("between 80-90 died") == [("between 80-90", 80, 90, RANGE)]


def test_no_before_people_is_still_a_zero() -> None:
    assert mentions("no officials died") == [("no", 0, 0, EXACT)]


def test_year_before_people_is_a_count() -> None:
    assert mentions("2000 people died") == [("2000", 2000, 2000, EXACT)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ten people were killed.", True),
        ("The toll stood at 12.", True),
        ("No one was hurt.", True),
        ("The weather was fine on 7 February.", False),
        ("Soldiers were killed.", False),
        ("The victims: 12 children.", True),
        ("At least 30 people are yet to be found.", True),
        ("Dozens remain trapped.", True),
    ],
    ids=[
        "count-and-verb",
        "toll",
        "zero",
        "no-casualty-word",
        "no-number",
        "victims",
        "yet-to-be-found",
        "trapped",
    ],
)
def test_worth_reading(text: str, expected: bool) -> None:
    assert worth_reading(text, 0, len(text)) is expected


def test_find_numbers_skips_sentences_without_casualty_words() -> None:
    doc = Doc("The convoy had 30 trucks. Then 12 died.")
    segment(doc)
    find_dates(doc)
    find_numbers(doc)
    assert list(doc.mentions) == [1]
