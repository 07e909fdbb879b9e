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
        [("John Smith", ())],
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
    # --- relays and asides between the speaker and the verb ----------------------------
    (
        "according-to-inside-that-clause",
        "The mayor's office wrote online that, according to hospital staff, 45 people died.",
        [("hospital staff", ("mayor's office",))],
    ),
    (
        "interview-with",
        "The governor repeated the figure of 40 dead in an interview with the Herald.",
        [("governor", ("Herald",))],
    ),
    (
        "quoted-by-aside",
        "A police spokesman, quoted by the local news agency, said 14 people had died.",
        [("police spokesman", ("local news agency",))],
    ),
    (
        "relative-aside-skipped",
        "The Red Crescent, which has teams in the area, said 31 people had died.",
        [("Red Crescent", ())],
    ),
    (
        "citing-before-the-subject",
        "Citing hospital sources, the broadcaster said 17 people had died.",
        [("hospital sources", ("broadcaster",))],
    ),
    (
        "citing-then-pronoun",
        "The relief office updated its report: citing the clinics, it now gives 80 deaths.",
        [("clinics", ())],
    ),
    (
        "name-in-apposition",
        "The region's governor, Maria Lopez, said 9 people died.",
        [("Maria Lopez", ())],
    ),
    (
        "name-then-description",
        "Ana Ruiz, a nurse at the clinic who saw the victims, told the Herald that 9 people died.",
        [("Ana Ruiz", ("Herald",))],
    ),
    (
        "told-after-comma-is-no-inversion",
        "Ana Ruiz, a nurse at the clinic, told the Herald that 9 people died.",
        [("Ana Ruiz", ("Herald",))],
    ),
    # --- the subject of the reporting verb -------------------------------------------------
    ("time-before-verb", "The ministry late on Monday said 40 people died.", [("ministry", ())]),
    (
        "time-phrase-runs-into-subject",
        "On Friday evening the coast guard said 7 bodies were recovered.",
        [("coast guard", ())],
    ),
    ("progressive", "Residents were reporting dozens dead.", [("Residents", ())]),
    ("report-noun-trimmed", "According to a police tally, 23 people died.", [("police", ())]),
    (
        "count-from",
        "An early count from the fire service gave at least 40 dead.",
        [("fire service", ())],
    ),
    (
        "raised-the-toll",
        "By noon the regional council had raised the toll to 40.",
        [("regional council", ())],
    ),
    (
        "relative-clause-cut",
        "A nurse who treated the wounded told me that 12 people had died.",
        [("nurse", ())],
    ),
    (
        "which-stands-for-its-antecedent",
        "The rebel group posted a statement on its website, which said 20 soldiers were killed.",
        [("rebel group", ("website",))],
    ),
    (
        "report-as-subject",
        "Two weeks on, published estimates range from 40 to 60 dead.",
        [("published estimates", ())],
    ),
    (
        "figures-given-by",
        "The latest figures, released by the regional governor on Monday, show 112 dead.",
        [("regional governor", ())],
    ),
    (
        "cited-by-without-commas",
        "A spokesman cited by the state news agency said 14 people had died.",
        [("spokesman", ("state news agency",))],
    ),
    (
        "closing-citing",
        "Fourteen people died, the Tribune reported, citing the mayor.",
        [("mayor", ("Tribune",))],
    ),
    (
        "participle-aside-skipped",
        "Hospital officials, speaking on condition of anonymity, said 30 people had died.",
        [("Hospital officials", ())],
    ),
    (
        "adjective-in-ing-is-no-aside",
        "On 2 May, outgoing police chief Ana Ruiz, during a hearing, said 30 people had died.",
        [("outgoing police chief Ana Ruiz", ())],
    ),
    (
        "second-clause-has-its-own-speaker",
        "Rescuers said 14 bodies were found, and the UN said 300 people were missing.",
        [("Rescuers", ()), ("UN", ())],
    ),
    (
        "noun-after-article",
        "The state broadcaster said 25 people died.",
        [("state broadcaster", ())],
    ),
    (
        "said-with-a-clause-is-no-inversion",
        "The army denied the raid, said the rebels had set the fire, and put the toll at 9.",
        [("army", ())],
    ),
    # --- who speaks, when the sentence names several people or a document ---------------
    (
        "pronoun-after-a-listener",
        "The governor told CBC she feared 40 people had died.",
        [("governor", ("CBC",))],
    ),
    (
        "appositive-name-before-a-participle",
        "The surgeon on duty, Omar Haddad, has described the night, saying that 25 "
        "people died in the ward.",
        [("Omar Haddad", ())],
    ),
    (
        "closing-cue-with-a-relay-phrase",
        "Two of the dead were guides, a park official said in comments quoted by the "
        "broadcaster NTV.",
        [("park official", ())],
    ),
    (
        "admitted-is-no-speech-here",
        "Two hospitals admitted 85 wounded overnight, the health ministry said.",
        [("health ministry", ())],
    ),
    (
        "admitted-deaths-is-speech",
        "The ministry admitted 40 deaths in the camp.",
        [("ministry", ())],
    ),
    (
        "according-to-in-its-own-clause",
        "Forty died in the north according to the army, and 25 in the south according to "
        "local officials.",
        [("army", ()), ("local officials", ())],
    ),
    (
        "bracketed-cue-stays-in-brackets",
        "Adding the regional figures (30 dead according to the police), the toll stands at 75.",
        [("police", ()), (None, ())],
    ),
    (
        "closing-cue-stops-at-a-semicolon",
        "The Harbour Ambulance Service took 20 people to hospital; in all, 45 were hurt, "
        "according to the fire brigade.",
        [("Harbour Ambulance Service", ()), ("fire brigade", ())],
    ),
    (
        "named-body-that-counts",
        "The Red Crescent Society pulled 38 bodies from the rubble.",
        [("Red Crescent Society", ())],
    ),
    ("killer-is-no-source", "The Northern Brigade killed 12 villagers.", [(None, ())]),
    (
        "figure-renamed-as-a-count",
        "Deaths stand at 212, the ministry's latest figure.",
        [("ministry", ())],
    ),
    (
        "document-that-names",
        "The council issued a statement naming 9 victims.",
        [("council", ())],
    ),
    (
        "possessive-work-of-the-subject-before",
        "A team led by Dr Mia Berg surveyed 900 families. Their survey estimated 4,100 deaths.",
        [("team led by Dr Mia Berg", ())],
    ),
    # --- whose count: a possessive before a count noun ---------------------------------
    (
        "owner-of-a-fronted-tally",
        "In the ministry's final tally, 40 soldiers and 12 police officers lost their lives.",
        [("ministry", ()), ("ministry", ())],
    ),
    (
        "owner-with-a-number",
        "By one researcher's count, 1,500 people have died in such fires.",
        [("one researcher", ())],
    ),
    ("incident-owns-no-count", "The quake's toll rose to 90.", [(None, ())]),
    # --- subjects past asides, inside names, before a short form -------------------------
    (
        "aside-after-the-verb",
        "The rebels claimed, in a video posted online, to have killed 30 soldiers.",
        [("rebels", ())],
    ),
    (
        "participle-aside-with-commas",
        "The minister, speaking to reporters at the mine, in the east of the country, said 80"
        " miners had died.",
        [("minister", ())],
    ),
    (
        "state-inside-a-name",
        "A doctor at the Kano state hospital told reporters that 12 had died.",
        [("doctor at the Kano state hospital", ())],
    ),
    (
        "verb-like-word-inside-a-name",
        "The state government of Mato Grosso do Sul gave a toll of 45.",
        [("state government of Mato Grosso do Sul", ())],
    ),
    (
        "emphasised-apposition",
        "The national prison service, **PRS**, said 40 inmates had died.",
        [("PRS", ())],
    ),
    (
        "short-form-before-the-verb",
        "Human Rights Monitor (HRM) said 30 civilians had died.",
        [("Human Rights Monitor (HRM)", ())],
    ),
    (
        "pronoun-for-the-subject-of-the-sentence",
        "The monitor reached the same count: in its report it says 12 men died.",
        [("monitor", ())],
    ),
    (
        "adverbs-before-the-verb",
        "The coroner has so far formally identified three of the victims.",
        [("coroner", ())],
    ),
    (
        "coordinated-verb-shares-the-subject",
        "The posts repeated the rumour, or asserted that 200 fans died.",
        [("posts", ())],
    ),
    ("participle-is-no-cue", "Saturday: one death confirmed in the evening.", [(None, ())]),
    (
        "first-person-in-a-quotation",
        "“I counted 14 friends I had lost,” said Mara Vale.",
        [("Mara Vale", ())],
    ),
    (
        "writers-we-is-no-one-else",
        "Taken together, the persons reported missing mean that we believe 50 people died.",
        [(None, ())],
    ),
    (
        "agent-of-a-passive-report",
        "The toll reported by the relief office rose to 99 deaths on Monday.",
        [("relief office", ())],
    ),
    (
        "agent-ends-at-its-verb",
        "Figures released by the health bureau show 40 people were killed.",
        [("health bureau", ())],
    ),
    (
        "by-name-is-no-agent",
        "The papers identified by name four more miners killed in the blast.",
        [("papers", ())],
    ),
    (
        "state-of-is-a-noun",
        "Authorities in the northern state of Vela lowered the death toll to 275 on Sunday.",
        [("Authorities in the northern state of Vela", ())],
    ),
    (
        "spoke-of-a-figure",
        "Unverified posts on social media had spoken of dozens of children killed.",
        [("Unverified posts on social media", ())],
    ),
    ("spoke-to-is-no-claim", "The minister spoke to reporters where 12 people died.", [(None, ())]),
    (
        "insisting-shares-the-subject",
        "In the first week, provincial officials went further, insisting that fewer than"
        " 100 of the deaths were linked to the heat.",
        [("provincial officials", ())],
    ),
    ("attributed-deaths", "The coroners attributed 569 deaths to the heat.", [("coroners", ())]),
    (
        "a-study-by-researchers-found",
        "An analysis of death registrations by researchers at Vela University found roughly 740"
        " excess deaths.",
        [("researchers at Vela University", ())],
    ),
    ("rescuers-found-bodies", "The rescuers found 12 bodies in the rubble.", [(None, ())]),
    (
        "state-before-a-noun-is-no-verb",
        "The mayor said the road was shut. The ministry's state secretary Ivo Lin was among"
        " the nine people aboard. Three crew members were among the dead.",
        [(None, ())],
    ),
    (
        "name-with-its-short-form",
        "The national relief agency (NRA) says 844 people are now confirmed dead.",
        [("national relief agency (NRA)", ())],
    ),
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
        "“The enemy was repelled,” the colonel said. No fatalities were reported on our side.",
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
    # an account goes on within its paragraph, while the figure opens the main clause
    (
        "figure-after-adverbials-continues",
        "The agency said 40 people died in the capital. In the north, where roofs fell, "
        "12 more were killed.",
        ["agency", "agency"],
    ),
    (
        "figure-in-a-second-clause-does-not",
        "The agency said 40 people died. Markets were closed, and 5 people were injured.",
        ["agency", None],
    ),
    (
        "new-paragraph-does-not",
        "The agency said 40 people died in the capital.\n\nFive people were injured in the north.",
        ["agency", None],
    ),
    (
        "new-paragraph-quoting-continues",
        "“We held the line,” the colonel said.\n\nNo soldiers were hurt and “the enemy fled”.",
        ["colonel"],
    ),
    (
        "later-revision-takes-the-heading",
        "Army version\n\nThe army said 20 soldiers died. The toll was later revised to 31.",
        ["army", "Army"],
    ),
    (
        "no-chain-through-a-new-account",
        "Police said 20 people died. In March, a similar attack killed 14 people. "
        "Another 6 were hurt.",
        ["Police", None, None],
    ),
    (
        "its-members-speak-for-it",
        "The charity documented the attack. Its researchers confirmed 19 deaths.",
        ["charity"],
    ),
    (
        "its-outlet-relays-it",
        "The militia claimed the raid in a statement carried by its news agency, which said "
        "the fighters had killed dozens.",
        ["militia"],
    ),
    (
        "heading-gives-a-source-figure",
        "The Red Cross: at least 12\n\nIts staff counted at least 12 deaths.",
        ["Red Cross"],
    ),
    (
        "field-parenthesis-for-every-item",
        "Casualties and losses\nRebels: 45 killed, 12 captured (army claim)",
        ["army", "army"],
    ),
    (
        "field-time-is-no-source",
        "- Previous tolls from the governor: 45 (Monday night), 80 (Tuesday)",
        ["governor", "governor"],
    ),
    (
        "field-same-source",
        "- Deaths: 80 (health ministry, Monday)\n- Injured: 210 (same source)",
        ["health ministry", "health ministry"],
    ),
    (
        "field-without-source-has-none",
        "The army said 20 soldiers died.\nCasualties and losses\nArmy: 30 killed (later estimate)",
        ["army", None],
    ),
    (
        "count-continues-the-account",
        "According to the ministry, 40 people died. The official number of injured stood at 120.",
        ["ministry", "ministry"],
    ),
    (
        "dated-count-starts-another-report",
        "According to the ministry, 40 people died. The announced toll had stood at 33 on Monday.",
        ["ministry", None],
    ),
    (
        "new-time-starts-another-report",
        "The minister said 150 bodies had been buried. In early March the toll was put at 200.",
        ["minister", None],
    ),
    (
        "surname-after-the-full-name",
        "Health minister Anna Kovac said 10 people died. Later, Kovac said the toll was 14.",
        ["Health minister Anna Kovac", "Anna Kovac"],
    ),
    (
        "title-and-surname",
        "Chief inspector Tom Reid spoke first. Mr Reid put the number of dead at 7.",
        ["Tom Reid"],
    ),
    (
        "statement-in-the-first-person",
        "Statement from Harbor Aid on the flood\n\nWe have counted 14 deaths among our "
        "staff. In total, 60 people died in the town. Our teams treated 200 injured.",
        ["Harbor Aid", "Harbor Aid", "Harbor Aid"],
    ),
    (
        "first-person-without-a-statement-title",
        "Flood in the valley\n\nWe counted 14 deaths in the town. Our reporters saw it.",
        [None],
    ),
    (
        "table-source-column",
        "| Day | Dead | Source |\n|---|---|---|\n| 3 May | 40 | police |\n"
        "| 4 May | 52 | army, revised |\n",
        ["police", "army"],
    ),
    (
        "pronoun-is-the-subject-before",
        "The safety board said in its report that the train was speeding. It found that 31 "
        "of the injured had been in the first carriage.",
        ["safety board"],
    ),
    (
        "says-at-the-end",
        "Some 400 people were moved to shelters, the office says. No deaths have been reported.",
        ["office"],
    ),
    (
        "a-count-is-no-speaker",
        "- **Missing:** none reported\n",
        [None],
    ),
    (
        "timeline-entry-stamp-is-no-speaker",
        "- **3 May, 23:00** - Fire service says 4 people have been taken to hospital.\n",
        ["Fire service"],
    ),
    (
        "owner-of-the-count-that-stood",
        "The fire service reported 146 deaths. By Sunday evening the government's count stood"
        " at 153.",
        ["fire service", "government"],
    ),
    (
        "figure-renamed-by-a-relative",
        "Nine people died on Friday. By Sunday it had reached 14, the figure the government"
        " still uses.",
        [None, "government"],
    ),
    (
        "a-figure-cited",
        "Thirty people died, officials said. The deputy governor, Ana Ruiz, cited a figure of 34.",
        ["officials", "Ana Ruiz"],
    ),
    (
        "released-tallies-open-an-account",
        "The Armed Forces of Utopia (AFU) released running tallies. When combat ended, 165"
        " troops had been killed and 1,400 wounded.",
        ["Armed Forces of Utopia (AFU)", "Armed Forces of Utopia (AFU)"],
    ),
    (
        "acronym-defined-before",
        "The Armed Forces of Utopia (AFU) began the assault. The AFU reported 20 rebels killed.",
        ["Armed Forces of Utopia (AFU)"],
    ),
    (
        "acronym-defined-after",
        "Rebels: 978 killed (AFU)\n\nThe Armed Forces of Utopia (AFU) began the assault.",
        ["AFU"],
    ),
    (
        "statement-under-its-author",
        "HARBOUR RESCUE SERVICE\nPRESS RELEASE\n\nThe Harbour Rescue Service is giving this"
        " update. We recovered 12 bodies today, and our divers are still searching.",
        ["Harbour Rescue Service"],
    ),
    (
        "transcript-guest-claims",
        "Radio hour\n\nHOST (presenter): How many died?\n\nAMINA YUSUF: We counted 27 bodies"
        " that night.\n\nHOST: And the injured?\n\nAMINA YUSUF: At least 40 were wounded.",
        ["AMINA YUSUF", "AMINA YUSUF"],
    ),
    (
        "transcript-host-claims-nothing",
        "Podcast\n\nDANA REED (host): A strike killed 12 men last week.\n\nOMAR HALE: That"
        " is right.\n\nREED: And 15 were wounded?\n\nOMAR HALE: At least 15 were wounded.",
        [None, "OMAR HALE"],
    ),
    (
        "the-producer-of-an-update-speaks-for-it",
        "Flash Update No. 7\n\nThis update is produced by the Office for Relief (OFR) in"
        " collaboration with partners.\n\nOne volunteer died on 14 March.\n\nThe toll rose"
        " to 511, according to the disaster department.",
        ["Office for Relief (OFR)", "disaster department"],
    ),
    (
        "a-table-caption-names-its-source",
        "Table 1. Casualties by district (Relief Office, 21 March 2023)\n\n| District | Deaths"
        " |\n|---|---|\n| North | 190 |\n\nLater 4 died in the city, police said.",
        ["Relief Office", "police"],
    ),
    (
        "a-source-line-under-a-table",
        "| Place | Dead |\n|---|---|\n| North | 40 |\n\nSource: Relief Office, 3 May.",
        ["Relief Office"],
    ),
    (
        "a-table-without-a-source-has-no-claimant",
        "Casualties by district\n\n| Place | Dead |\n|---|---|\n| North | 40 |",
        [None],
    ),
    (
        "the-noun-names-the-last-claimant-with-it",
        "The national relief agency said 40 people died. The ministry said 41 died."
        " The agency had reported 30 deaths earlier.",
        ["national relief agency", "ministry", "national relief agency"],
    ),
    (
        "first-name-after-the-full-name",
        "Its spokesman Arto Juhani Maki said 832 people had died. Arto said the toll had"
        " risen to 840.",
        ["Its spokesman Arto Juhani Maki", "Arto Juhani Maki"],
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
