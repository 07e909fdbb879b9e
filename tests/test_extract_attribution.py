"""Claimant, relay chain, stance, hedge and claim date: one reporting construction per case."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.extract import extract
from tollbook.vocab import Stance


def claims(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(f.claimant, f.via) for f in extract(text)]


CLAIMANTS: list[tuple[str, str, list[tuple[str | None, tuple[str, ...]]]]] = [
    (
        "stated-that",
        "The U.S. military stated that one hundred fighters were killed.",
        [("U.S. military", ())],
    ),
    ("said-that", "Police said that 12 people died.", [("Police", ())]),
    ("reported", "The monitor reported that 68 fighters were killed.", [("monitor", ())]),
    (
        "claimed-direct",
        "A known critic also claimed 218 contractors were killed.",
        [("known critic", ())],
    ),
    ("estimated", "The group estimated a total of between 20 and 30 had died.", [("group", ())]),
    (
        "believed",
        "A local journalist also believed between 20 and 25 guards died.",
        [("local journalist", ())],
    ),
    (
        "conceded",
        "The spokesperson conceded that five citizens might have been killed.",
        [("spokesperson", ())],
    ),
    ("confirmed", "Hospital officials confirmed 12 deaths.", [("Hospital officials", ())]),
    ("put-the-toll", "The official put the death toll at about 100.", [("official", ())]),
    (
        "post-said",
        "More than 200 soldiers died in the attack, two of the officers said.",
        [("two of the officers", ())],
    ),
    (
        "post-said-after-quote",
        "“At least 18 people died,” the spokeswoman said.",
        [("spokeswoman", ())],
    ),
    (
        "inverted-said",
        "“At least 18 people died,” said Maria Lopez, a spokeswoman for the charity.",
        [("Maria Lopez", ())],
    ),
    (
        "according-to-before",
        "According to military sources, some 55 fighters were killed.",
        [("military sources", ())],
    ),
    (
        "according-to-after",
        "More than 100 fighters were killed, according to the U.S.-led coalition.",
        [("U.S.-led coalition", ())],
    ),
    (
        "according-to-possessive-report",
        "According to the agency's report, 30 people were killed.",
        [("agency", ())],
    ),
    (
        "told-relay",
        "More than 200 soldiers died, two sources told the Herald.",
        [("two sources", ("Herald",))],
    ),
    ("told-reporters-no-relay", "Ten people died, the mayor told reporters.", [("mayor", ())]),
    (
        "citing",
        "The newspaper, citing two security officials, reported that 60 militants were killed.",
        [("two security officials", ("newspaper",))],
    ),
    (
        "quoted-by",
        "According to an insider source quoted on 19 February by the Gazette, 50 people died.",
        [("insider source", ("Gazette",))],
    ),
    (
        "cited-by",
        "According to two officials cited by the Times, 40 soldiers were killed.",
        [("two officials", ("Times",))],
    ),
    (
        "active-quoted-as-saying",
        "The Tribune quoted a hospital doctor as saying that 40 people had died.",
        [("hospital doctor", ("Tribune",))],
    ),
    (
        "was-quoted-as-saying",
        "On 17 February, a militia leader, John Smith, was quoted as saying 14 volunteers died.",
        [("militia leader, John Smith", ())],
    ),
    (
        "according-to-relays-speaker",
        "A community leader said “dozens” had been killed, according to the Herald.",
        [("community leader", ("Herald",))],
    ),
    (
        "appositive-named",
        "A known critic of the company, an informant named John "
        "Smith, also claimed 218 guards were killed.",
        [("John Smith", ())],
    ),
    (
        "list-of-claimants",
        "Additionally, a military doctor, a local leader and a source "
        "close to the unit claimed 80 fighters were killed.",
        [("military doctor, a local leader and a source close to the unit", ())],
    ),
    (
        "parenthetical-aside",
        "The director, during a hearing in the capital, commented, "
        "“A couple hundred soldiers were killed.”",
        [("director", ())],
    ),
    (
        "participle-claiming",
        "Other media have spread rumours, claiming dozens were killed.",
        [("Other media", ())],
    ),
    (
        "making-claims",
        "News spread, with some posts on social media making "
        "claims of over 200 soldiers being killed.",
        [("posts on social media", ())],
    ),
    (
        "coordinated-verbs",
        "The team confirmed 10 deaths and estimated that 30 had died.",
        [("team", ()), ("team", ())],
    ),
    (
        "headline-has-no-claimant",
        "Scores killed in border clash, officials say\n\nThe story follows.",
        [(None, ())],
    ),
    ("unattributed", "At least two fighters were reportedly killed by air raids.", [(None, ())]),
    ("infobox-parenthesis", "Deaths: at least 40 (state media)", [("state media", ())]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CLAIMANTS], ids=[i for i, _, _ in CLAIMANTS]
)
def test_claimants(text: str, expected: list[tuple[str | None, tuple[str, ...]]]) -> None:
    assert claims(text) == expected


CONTEXT: list[tuple[str, str, list[str | None]]] = [
    (
        "previous-sentence-continues",
        "The monitor reported that 68 fighters were killed. The remaining 23 died in a blast.",
        ["monitor", "monitor"],
    ),
    (
        "previous-sentence-cue-only",
        "“The enemy was repelled,” the colonel said.\n\nNo fatalities were reported on our side.",
        ["colonel"],
    ),
    (
        "pronoun-resolves",
        "The death toll is still rising, according to one commander.\n\nHe "
        "said dozens of his wounded men are in hospital.",
        ["one commander"],
    ),
    (
        "it-resolves-to-outlet",
        "The agency reported the story. It also says “the ministry "
        "said at least three soldiers also died.”",
        ["ministry"],
    ),
    (
        "heading-names-account",
        "Government version\n\nSome 55 fighters were killed in the strikes.",
        ["Government"],
    ),
    (
        "heading-account-loses-to-sentence",
        "Government version\n\nAccording to local sources, 55 fighters were killed.",
        ["local sources"],
    ),
    (
        "no-carry-over-a-heading",
        "The monitor said 68 fighters were killed.\n\nAftermath\n\nThe remaining 23 died later.",
        ["monitor", None],
    ),
    (
        "quote-block-takes-previous-speaker",
        "The paper claimed the number was high. “More than 200 "
        "soldiers died, two of the officers said.”",
        ["two of the officers"],
    ),
    (
        "multi-sentence-quote",
        "The director commented, “We met them. A couple hundred soldiers were killed.”",
        ["director"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in CONTEXT], ids=[i for i, _, _ in CONTEXT]
)
def test_claimant_from_context(text: str, expected: list[str | None]) -> None:
    assert [f.claimant for f in extract(text)] == expected


def test_quote_speaker_is_a_relay() -> None:
    text = (
        "The agency reported the story. It also says “the ministry "
        "said at least three soldiers also died.”"
    )
    (figure,) = extract(text)
    assert figure.via == ("agency",)


def test_dateline_outlet_is_not_a_relay() -> None:
    text = "CAPITAL (WIRE NEWS) - Ten people died, a police officer told Wire News."
    (figure,) = extract(text)
    assert (figure.claimant, figure.via) == ("police officer", ())


def test_quote_in_quote_chain() -> None:
    text = "The blog wrote it up. It wrote “The Herald reported more than 200 contractors died.”"
    (figure,) = extract(text)
    assert (figure.claimant, figure.via) == ("Herald", ("blog",))


def test_claimant_span_slices_the_claimant() -> None:
    text = "The U.S. military stated that one hundred fighters were killed."
    (figure,) = extract(text)
    assert figure.claimant_span is not None
    assert text[figure.claimant_span[0] : figure.claimant_span[1]] == figure.claimant


STANCES: list[tuple[str, str, Stance]] = [
    ("asserts", "Police said 12 people died.", Stance.ASSERTS),
    (
        "exaggeration",
        "Commanders stated the claim of 200 dead was an exaggeration.",
        Stance.DISPUTES,
    ),
    ("dismissed", "The ministry dismissed reports of 300 deaths as false.", Stance.DISPUTES),
    ("denied", "The army denied reports that 100 soldiers had been killed.", Stance.DENIES),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in STANCES], ids=[i for i, _, _ in STANCES]
)
def test_stance(text: str, expected: Stance) -> None:
    (figure,) = extract(text)
    assert figure.stance is expected


HEDGES: list[tuple[str, str, bool]] = [
    ("plain", "Police said 12 people died.", False),
    ("might-have-been", "Five citizens might have been killed.", True),
    ("reportedly", "Two fighters were reportedly killed.", True),
    ("unconfirmed", "Unconfirmed reports said 30 people died.", True),
    ("claimed", "The group claimed 80 soldiers were killed.", True),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in HEDGES], ids=[i for i, _, _ in HEDGES]
)
def test_hedged(text: str, expected: bool) -> None:
    (figure,) = extract(text)
    assert figure.hedged is expected


CLAIM_DATES: list[tuple[str, str, date | None, date | None]] = [
    (
        "on-date-said",
        "On 17 February, the commander was quoted as saying 14 volunteers died.",
        date(2018, 2, 7),
        date(2018, 2, 17),
    ),
    (
        "quoted-on-date",
        "According to a source quoted on 19 February by the Gazette, 50 people died.",
        date(2018, 2, 7),
        date(2018, 2, 19),
    ),
    (
        "full-date",
        "On 12 April 2018, the director said 200 soldiers were killed.",
        None,
        date(2018, 4, 12),
    ),
    ("no-date", "Police said 12 people died.", date(2018, 2, 7), None),
]


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [(t, e, x) for _, t, e, x in CLAIM_DATES],
    ids=[i for i, _, _, _ in CLAIM_DATES],
)
def test_claim_date(text: str, event: date | None, expected: date | None) -> None:
    (figure,) = extract(text, event_date=event)
    assert figure.claim_date == expected
