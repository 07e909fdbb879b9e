"""The extraction pipeline end to end: text in, figures out, one construction per case."""

from __future__ import annotations

from datetime import date

import pytest

from tollbook.extract import PIPELINE, ExtractedFigure, extract
from tollbook.vocab import Outcome, Qualifier, Scope

K, W, C, M, CAP = (
    Outcome.KILLED,
    Outcome.WOUNDED,
    Outcome.CASUALTIES,
    Outcome.MISSING,
    Outcome.CAPTURED,
)
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

Row = tuple[str, Outcome, int | None, int | None, Qualifier]


def rows(text: str) -> list[Row]:
    return [(f.number, f.outcome, f.low, f.high, f.qualifier) for f in extract(text)]


FIGURES: list[tuple[str, str, list[Row]]] = [
    # --- digits, words, vague amounts, zeros -------------------------------------------
    (
        "digits-passive",
        "At least 40 people were killed on Sunday.",
        [("At least 40", K, 40, None, AT_LEAST)],
    ),
    ("thousands-separator", "The quake killed 1,429 people.", [("1,429", K, 1429, 1429, EXACT)]),
    ("words", "One hundred soldiers died.", [("One hundred", K, 100, 100, EXACT)]),
    ("teen-word", "Fourteen miners perished underground.", [("Fourteen", K, 14, 14, EXACT)]),
    ("hyphenated-word", "Twenty-five people drowned.", [("Twenty-five", K, 25, 25, EXACT)]),
    (
        "couple-hundred",
        "A couple hundred fighters were killed.",
        [("A couple hundred", K, 200, 200, APPROX)],
    ),
    ("a-dozen", "A dozen villagers were wounded.", [("A dozen", W, 12, 12, APPROX)]),
    (
        "over-a-dozen",
        "Over a dozen protesters were injured.",
        [("Over a dozen", W, 12, None, MORE)],
    ),
    (
        "scale-word",
        "The famine killed 1.5 million people.",
        [("1.5 million", K, 1_500_000, 1_500_000, EXACT)],
    ),
    ("dozens", "Dozens were killed in the fighting.", [("Dozens", K, 24, 99, VAGUE)]),
    ("scores-of", "Scores of civilians were killed.", [("Scores", K, 40, 99, VAGUE)]),
    ("hundreds", "Hundreds died in the floods.", [("Hundreds", K, 200, 999, VAGUE)]),
    (
        "thousands-object",
        "The earthquake injured thousands.",
        [("thousands", W, 2000, 9999, VAGUE)],
    ),
    (
        "tens-of-thousands",
        "Tens of thousands of people died.",
        [("Tens of thousands", K, 20000, 99999, VAGUE)],
    ),
    (
        "zero-troops",
        "No U.S. troops were reported killed or wounded.",
        [("No", K, 0, 0, EXACT), ("No", W, 0, 0, EXACT)],
    ),
    ("zero-fatalities", "No fatalities were reported.", [("No", K, 0, 0, EXACT)]),
    ("zero-casualties", "There were no casualties.", [("no", C, 0, 0, EXACT)]),
    ("zero-no-one", "No one was killed in the blast.", [("No one", K, 0, 0, EXACT)]),
    ("zero-nobody", "Nobody was hurt.", [("Nobody", W, 0, 0, EXACT)]),
    # --- ranges and qualifiers ------------------------------------------------------------
    (
        "en-dash-range",
        "Between clashes, 80–100 fighters were killed.",
        [("80–100", K, 80, 100, RANGE)],
    ),
    ("hyphen-range", "Some 20-30 people were injured.", [("20-30", W, 20, 30, RANGE)]),
    ("to-range", "The blast left 200 to 300 injured.", [("200 to 300", W, 200, 300, RANGE)]),
    (
        "between-range",
        "Between 10 and 20 soldiers died.",
        [("Between 10 and 20", K, 10, 20, RANGE)],
    ),
    (
        "between-open-range",
        "Between 12 and more than 20 died.",
        [("Between 12 and more than 20", K, 12, None, RANGE)],
    ),
    (
        "from-range",
        "Estimates ran from at least 90 to 1,200 dead.",
        [("from at least 90 to 1,200", K, 90, 1200, RANGE)],
    ),
    ("or-range", "Two or three passengers died.", [("Two or three", K, 2, 3, RANGE)]),
    ("more-than", "More than 100 people were killed.", [("More than 100", K, 100, None, MORE)]),
    ("over", "Over 200 civilians died.", [("Over 200", K, 200, None, MORE)]),
    ("plus-sign", "The crash left 150+ dead.", [("150+", K, 150, None, MORE)]),
    ("up-to", "Up to 200 fighters were killed.", [("Up to 200", K, None, 200, UP_TO)]),
    ("as-many-as", "As many as 30 miners are missing.", [("As many as 30", M, None, 30, UP_TO)]),
    ("some", "Some 55 soldiers were killed.", [("Some 55", K, 55, 55, APPROX)]),
    ("about", "About 100 people died.", [("About 100", K, 100, 100, APPROX)]),
    ("nearly", "Nearly 4,000 people died.", [("Nearly 4,000", K, 4000, 4000, APPROX)]),
    (
        "an-estimated",
        "An estimated 300 people were killed.",
        [("An estimated 300", K, 300, 300, APPROX)],
    ),
    (
        "no-more-than",
        "No more than eight people died.",
        [("No more than eight", K, None, 8, AT_MOST)],
    ),
    (
        "at-the-most-after",
        "Fifteen fighters were killed at the most.",
        [("Fifteen", K, None, 15, AT_MOST)],
    ),
    ("or-more", "Twenty or more people drowned.", [("Twenty or more", K, 20, None, AT_LEAST)]),
    ("confirmed-n", "The ministry confirmed 10 deaths.", [("10", K, 10, None, AT_LEAST)]),
    (
        "named-n",
        "The agency named four more victims killed during the raid.",
        [("four", K, 4, None, AT_LEAST)],
    ),
    # --- verbal and nominal predicates --------------------------------------------------
    ("died", "Seven workers died in the fire.", [("Seven", K, 7, 7, EXACT)]),
    ("nominal-dead", "The crash left 12 dead.", [("12", K, 12, 12, EXACT)]),
    ("nominal-deaths", "Officials reported 30 civilian deaths.", [("30", K, 30, 30, EXACT)]),
    ("nominal-fatalities", "There were 9 fatalities.", [("9", K, 9, 9, EXACT)]),
    ("nominal-casualties", "The unit suffered 40 casualties.", [("40", C, 40, 40, EXACT)]),
    ("missing", "Seven people are missing after the storm.", [("Seven", M, 7, 7, EXACT)]),
    (
        "missing-presumed-dead",
        "Five sailors are missing and presumed dead.",
        [("Five", M, 5, 5, EXACT)],
    ),
    ("captured", "Twelve soldiers were captured.", [("Twelve", CAP, 12, 12, EXACT)]),
    ("taken-hostage", "Eight tourists were taken hostage.", [("Eight", CAP, 8, 8, EXACT)]),
    ("bodies-recovered", "Rescuers recovered 23 bodies.", [("23", K, 23, 23, EXACT)]),
    ("bodies-of", "Divers recovered the bodies of 23 miners.", [("23", K, 23, 23, EXACT)]),
    ("claimed-lives", "The fighting has claimed 500 lives.", [("500", K, 500, 500, EXACT)]),
    ("lost-their-lives", "Forty people lost their lives.", [("Forty", K, 40, 40, EXACT)]),
    (
        "shot-dead",
        "At least 17 protesters were shot dead.",
        [("At least 17", K, 17, None, AT_LEAST)],
    ),
    ("executed", "Two prisoners were executed in the yard.", [("Two", K, 2, 2, EXACT)]),
    (
        "killing-object",
        "The strike hit a school, killing about ten people.",
        [("about ten", K, 10, 10, APPROX)],
    ),
    ("active-subject-is-agent", "Gunmen killed 5 villagers.", [("5", K, 5, 5, EXACT)]),
    (
        "number-is-agent",
        "500 fighters attacked the base and killed 20 guards.",
        [("20", K, 20, 20, EXACT)],
    ),
    (
        "toll-at",
        "Officials put the death toll in the fighting at about 100.",
        [("about 100", K, 100, 100, APPROX)],
    ),
    ("toll-rose-to", "The death toll rose to 57 on Monday.", [("57", K, 57, 57, EXACT)]),
    (
        "toll-stood-at",
        "The figure of civilian fatalities, based on hospital data, stood at 334.",
        [("334", K, 334, 334, EXACT)],
    ),
    (
        "number-of-dead",
        "The ministry put the number of dead at 1,429.",
        [("1,429", K, 1429, 1429, EXACT)],
    ),
    ("casualty-toll", "The casualty toll reached 90.", [("90", C, 90, 90, EXACT)]),
    (
        "attributive-wounded",
        "Dozens of his wounded men are being treated.",
        [("Dozens", W, 24, 99, VAGUE)],
    ),
    ("among-the-dead", "Two police officers were among the dead.", [("Two", K, 2, 2, EXACT)]),
    (
        "partitive-later-died",
        "One of the wounded later died in hospital.",
        [("One", K, 1, 1, EXACT)],
    ),
    (
        "there-were-dead",
        "There were 50 citizens of both countries dead.",
        [("50", K, 50, 50, EXACT)],
    ),
    (
        "saw-killed",
        "The clashes saw more than 100 fighters killed.",
        [("more than 100", K, 100, None, MORE)],
    ),
    (
        "reduced-relative",
        "Police named four more victims killed in the attack.",
        [("four", K, 4, None, AT_LEAST)],
    ),
    (
        "participle-phrase",
        "Two men fighting with the rebels were killed.",
        [("Two", K, 2, 2, EXACT)],
    ),
    (
        "aside-mostly",
        "More than 200 soldiers, mostly conscripts, died.",
        [("More than 200", K, 200, None, MORE)],
    ),
    (
        "dash-aside",
        "More than 200 contractors — mostly foreigners — died.",
        [("More than 200", K, 200, None, MORE)],
    ),
    ("quoted-group", "He said 14 ″volunteers″ died in the battle.", [("14", K, 14, 14, EXACT)]),
    ("quoted-number", "She said “dozens” had been killed.", [("dozens", K, 24, 99, VAGUE)]),
    ("hedged-modal", "Five citizens might have been killed.", [("Five", K, 5, 5, EXACT)]),
    (
        "contrastive-negation",
        "The remaining 23 were not killed in the strike, but in a later blast.",
        [("23", K, 23, 23, EXACT)],
    ),
    ("dead-included", "The dead included five children.", [("five", K, 5, 5, EXACT)]),
    ("among-the-dead-were", "Among the dead were 5 children.", [("5", K, 5, 5, EXACT)]),
    (
        "confirmed-deaths-of",
        "Police confirmed the deaths of three officers.",
        [("three", K, 3, None, AT_LEAST)],
    ),
    ("toll-exceeds", "The toll could exceed 50,000.", [("50,000", K, 50000, None, MORE)]),
    (
        "unaccounted-for",
        "Some 74 people are still unaccounted for.",
        [("Some 74", M, 74, 74, APPROX)],
    ),
    # --- several figures in one sentence ---------------------------------------------------
    (
        "shared-predicate",
        "80–100 PMCs were killed and 200 wounded.",
        [("80–100", K, 80, 100, RANGE), ("200", W, 200, 200, EXACT)],
    ),
    (
        "coordinated-subjects",
        "12 soldiers and 3 civilians were killed.",
        [("12", K, 12, 12, EXACT), ("3", K, 3, 3, EXACT)],
    ),
    (
        "or-coordination",
        "Dozens or hundreds were killed.",
        [("Dozens", K, 24, 99, VAGUE), ("hundreds", K, 200, 999, VAGUE)],
    ),
    (
        "sub-count-who",
        "68 fighters were killed, including 45 who died in airstrikes.",
        [("68", K, 68, 68, EXACT), ("45", K, 45, 45, EXACT)],
    ),
    (
        "sub-count-inherited",
        "Some 55 fighters were killed, including around 10 foreigners.",
        [("Some 55", K, 55, 55, APPROX), ("around 10", K, 10, 10, APPROX)],
    ),
    (
        "sub-count-of-them",
        "The attack injured 17, three of them critically.",
        [("17", W, 17, 17, EXACT), ("three", W, 3, 3, EXACT)],
    ),
    (
        "killing-and-wounding",
        "A gunman opened fire, killing 49 people and wounding 53 others.",
        [("49", K, 49, 49, EXACT), ("53", W, 53, 53, EXACT)],
    ),
    ("killed-or-injured-count", "Ten people were killed or injured.", [("Ten", C, 10, 10, EXACT)]),
    (
        "left-dead-and-missing",
        "The floods left 15 people dead and 7 missing.",
        [("15", K, 15, 15, EXACT), ("7", M, 7, 7, EXACT)],
    ),
    # --- layouts --------------------------------------------------------------------------
    ("infobox-line", "Deaths: at least 40 (state media)", [("at least 40", K, 40, None, AT_LEAST)]),
    (
        "infobox-two-values",
        "Casualties and losses: 68 killed, 200 wounded",
        [("68", K, 68, 68, EXACT), ("200", W, 200, 200, EXACT)],
    ),
    ("wiki-infobox", "{{Infobox\n| deaths = 1,429\n}}", [("1,429", K, 1429, 1429, EXACT)]),
    (
        "markdown-list",
        "## Toll\n\n- 21 dead\n- 48 injured\n",
        [("21", K, 21, 21, EXACT), ("48", W, 48, 48, EXACT)],
    ),
    (
        "markdown-table",
        "| Side | Killed | Wounded |\n|---|---|---|\n| Army | 12 | 40 |\n",
        [("12", K, 12, 12, EXACT), ("40", W, 40, 40, EXACT)],
    ),
    (
        "headline",
        "Scores of Russians killed in border clash\n\nThe story follows.",
        [("Scores", K, 40, 99, VAGUE)],
    ),
    # --- numbers that share one predicate ----------------------------------------------
    (
        "list-after-colon",
        "The embassy listed the victims by country: 12 Germans, 8 French citizens and two "
        "Italians.",
        [("12", K, 12, 12, EXACT), ("8", K, 8, 8, EXACT), ("two", K, 2, 2, EXACT)],
    ),
    (
        "list-of-the-injured",
        "Hospitals gave the injured by age: 30 adults and 14 children.",
        [("30", W, 30, 30, EXACT), ("14", W, 14, 14, EXACT)],
    ),
    (
        "ranking-followed-by",
        "The coast accounted for 300 of the deaths, followed by the hills with 120 and the "
        "capital with 45.",
        [("300", K, 300, 300, EXACT), ("120", K, 120, 120, EXACT), ("45", K, 45, 45, EXACT)],
    ),
    (
        "toll-given-again",
        "By noon officials had raised the death toll to 40, and by nightfall to 62.",
        [("40", K, 40, 40, EXACT), ("62", K, 62, 62, EXACT)],
    ),
    (
        "ellipsis-more",
        "Divers pulled 12 bodies from the river and nine more from the canal.",
        [("12", K, 12, 12, EXACT), ("nine", K, 9, 9, EXACT)],
    ),
    (
        "ellipsis-others",
        "Five guards were wounded at the gate and three others at the depot.",
        [("Five", W, 5, 5, EXACT), ("three", W, 3, 3, EXACT)],
    ),
    (
        "closing-ellipsis",
        "At least 20 people died, and possibly as many as 35.",
        [("At least 20", K, 20, None, AT_LEAST), ("as many as 35", K, None, 35, UP_TO)],
    ),
    (
        "partitive-whole-is-no-figure",
        "Villagers said 40 of the roughly 300 residents had been killed.",
        [("40", K, 40, 40, EXACT)],
    ),
    (
        "partitive-whole-with-own-predicate",
        "Two of the 12 people killed were children.",
        [("Two", K, 2, 2, EXACT), ("12", K, 12, 12, EXACT)],
    ),
    # --- predicates -----------------------------------------------------------------------
    (
        "among-the-adjective-dead",
        "Two reporters were among the Bolivian dead.",
        [("Two", K, 2, 2, EXACT)],
    ),
    (
        "participle-aside",
        "Six firefighters, working to contain the blaze, were injured.",
        [("Six", W, 6, 6, EXACT)],
    ),
    (
        "relative-aside",
        "Eight workers, who had been repairing the roof, were killed.",
        [("Eight", K, 8, 8, EXACT)],
    ),
    (
        "relative-aside-holds-the-predicate",
        "Eight workers, who died on the roof, were named on Monday.",
        [("Eight", K, 8, 8, EXACT)],
    ),
    ("lost-people", "The army said it had lost 34 soldiers.", [("34", K, 34, 34, EXACT)]),
    ("killed-and-wounded", "The gunmen killed and wounded dozens.", [("dozens", C, 24, 99, VAGUE)]),
    (
        "yet-to-be-found",
        "At least 30 people are yet to be found.",
        [("At least 30", M, 30, None, AT_LEAST)],
    ),
    (
        "buried",
        "Officials fear 200 people were buried under the mud.",
        [("200", K, 200, 200, EXACT)],
    ),
    ("trapped", "Dozens of miners remain trapped underground.", [("Dozens", M, 24, 99, VAGUE)]),
    (
        "run-into-the-thousands",
        "Officials warned the death toll could run into the thousands.",
        [("thousands", K, 2000, 9999, VAGUE)],
    ),
    (
        "model-number-in-postmodifier",
        "All 66 passengers on board the Airbus 320-200 were killed.",
        [("66", K, 66, 66, EXACT)],
    ),
    (
        "qualifier-after-number",
        "Witnesses said two hundred at least were wounded.",
        [("two hundred at least", W, 200, None, AT_LEAST)],
    ),
    (
        "confirmed-toll-is-a-floor",
        "The confirmed toll was raised to 85 on Friday.",
        [("85", K, 85, None, AT_LEAST)],
    ),
    (
        "confirmed-field-is-a-floor",
        "- Confirmed deaths: **1,204** (health ministry)",
        [("1,204", K, 1204, None, AT_LEAST)],
    ),
    (
        "infobox-items-share-the-label",
        "Casualties and losses\nRebels: 45 killed, 12 captured, 3 missing (army claim)",
        [("45", K, 45, 45, EXACT), ("12", CAP, 12, 12, EXACT), ("3", M, 3, 3, EXACT)],
    ),
    # --- numbers coordinated with the object of a predicate before them -------------------
    (
        "coordinated-objects",
        "The ambush killed 14 soldiers and 2 interpreters.",
        [("14", K, 14, 14, EXACT), ("2", K, 2, 2, EXACT)],
    ),
    (
        "coordinated-objects-words",
        "Rebels executed nine villagers, four teachers and a dozen farmhands.",
        [("nine", K, 9, 9, EXACT), ("four", K, 4, 4, EXACT), ("a dozen", K, 12, 12, APPROX)],
    ),
    (
        "coordinated-deaths-of",
        "The ministry confirmed the deaths of 30 miners and at least five rescuers.",
        [("30", K, 30, None, AT_LEAST), ("at least five", K, 5, None, AT_LEAST)],
    ),
    (
        "coordinated-toll-members",
        "The dead included eleven pilgrims from the north and four guides.",
        [("eleven", K, 11, 11, EXACT), ("four", K, 4, 4, EXACT)],
    ),
    (
        "coordinated-object-thing",
        "The strike killed 14 soldiers and 3 horses were lost.",
        [("14", K, 14, 14, EXACT)],
    ),
    # --- a breakdown after a colon or a dash -------------------------------------------------
    (
        "breakdown-after-colon",
        "Thirty people drowned: 18 passengers, 9 crew and 3 rescuers.",
        [
            ("Thirty", K, 30, 30, EXACT),
            ("18", K, 18, 18, EXACT),
            ("9", K, 9, 9, EXACT),
            ("3", K, 3, 3, EXACT),
        ],
    ),
    (
        "breakdown-after-dash",
        "The toll reached 52 — 40 villagers and 12 soldiers.",
        [("52", K, 52, 52, EXACT), ("40", K, 40, 40, EXACT), ("12", K, 12, 12, EXACT)],
    ),
    (
        "breakdown-after-spaced-hyphen",
        "The toll rose to 9 - seven adults and two children.",
        [("9", K, 9, 9, EXACT), ("seven", K, 7, 7, EXACT), ("two", K, 2, 2, EXACT)],
    ),
    # --- a clause whose predicate is left out ---------------------------------------------
    (
        "gapped-place",
        "Floods killed 60 people in the east and 23 in the west.",
        [("60", K, 60, 60, EXACT), ("23", K, 23, 23, EXACT)],
    ),
    (
        "gapped-days",
        "Eleven workers died on Tuesday, four the next day, then two.",
        [("Eleven", K, 11, 11, EXACT), ("four", K, 4, 4, EXACT), ("two", K, 2, 2, EXACT)],
    ),
    (
        "gapped-after-adverb",
        "The toll was at least 30 and probably more than 50, officials said.",
        [("at least 30", K, 30, None, AT_LEAST), ("more than 50", K, 50, None, MORE)],
    ),
    # --- subjects with an aside, a relative clause or a second verb phrase -----------------
    (
        "aside-part-of-them",
        "Twenty workers, six of them teenagers, died in the blaze.",
        [("Twenty", K, 20, 20, EXACT), ("six", K, 6, 6, EXACT)],
    ),
    (
        "aside-names",
        "Two guards, Ali Demir and Hasan Kaya, were wounded.",
        [("Two", W, 2, 2, EXACT)],
    ),
    (
        "second-verb-phrase",
        "Six hikers left the trail and were buried by the avalanche.",
        [("Six", K, 6, 6, EXACT)],
    ),
    (
        "second-verb-phrase-intransitive",
        "Three fishermen set out at dawn and drowned.",
        [("Three", K, 3, 3, EXACT)],
    ),
    (
        "second-verb-phrase-with-object-is-an-agent",
        "Twelve soldiers crossed the river and killed 5 civilians.",
        [("5", K, 5, 5, EXACT)],
    ),
    (
        "after-a-relative-clause",
        "None of the tourists who stayed in the hotel was hurt.",
        [("None", W, 0, 0, EXACT)],
    ),
    (
        "whole-of-a-finite-verb",
        "One of the three climbers died on the descent.",
        [("One", K, 1, 1, EXACT)],
    ),
    ("whole-of-drowned", "Two of the 40 passengers drowned.", [("Two", K, 2, 2, EXACT)]),
    # --- other predicates ----------------------------------------------------------------------
    (
        "held-hostage",
        "Gunmen held 23 tourists hostage in the hotel.",
        [("23", CAP, 23, 23, EXACT)],
    ),
    ("taken-captive", "The group took 12 engineers captive.", [("12", CAP, 12, 12, EXACT)]),
    ("listed-as-missing", "The navy listed 31 sailors as missing.", [("31", M, 31, 31, EXACT)]),
    (
        "registered-as-injured",
        "Authorities registered 17 people as injured.",
        [("17", W, 17, 17, EXACT)],
    ),
    (
        "carried-to-hospital",
        "Medics rushed 45 people to two hospitals.",
        [("45", W, 45, 45, EXACT)],
    ),
    ("taken-to-hospital", "Eight children were taken to hospital.", [("Eight", W, 8, 8, EXACT)]),
    (
        "no-reports-of",
        "There were no immediate reports of injuries.",
        [("no", W, 0, 0, EXACT)],
    ),
    (
        "named-victims",
        "Police have named 12 victims of the crash.",
        [("12", K, 12, None, AT_LEAST)],
    ),
    (
        "the-final-count",
        "At least 40 people died in the fire. Officials expect the final count to be "
        "no more than 45.",
        [("At least 40", K, 40, None, AT_LEAST), ("no more than 45", K, None, 45, AT_MOST)],
    ),
    (
        "another-recovered",
        "Rescuers pulled 9 bodies from the river. Another dozen were recovered downstream.",
        [("9", K, 9, 9, EXACT), ("Another dozen", K, 12, 12, APPROX)],
    ),
    (
        "more-found",
        "Police found 7 bodies in the house, and 3 more were found in the yard.",
        [("7", K, 7, 7, EXACT), ("3", K, 3, 3, EXACT)],
    ),
    (
        "toll-over-a-definite-number",
        "The toll from the three storms stands at 214.",
        [("214", K, 214, 214, EXACT)],
    ),
    (
        "toll-then-missing",
        "Ferry toll rises to 41, dozens still missing",
        [("41", K, 41, 41, EXACT), ("dozens", M, 24, 99, VAGUE)],
    ),
    (
        "infobox-continued-line",
        "Casualties\nKilled\t12 soldiers\n\t4 police officers\nWounded\t30\n",
        [("12", K, 12, 12, EXACT), ("4", K, 4, 4, EXACT), ("30", W, 30, 30, EXACT)],
    ),
    ("infobox-hostages", "Hostages\t48\n", [("48", CAP, 48, 48, EXACT)]),
    (
        "bold-label-gives-the-outcome",
        "- **Missing:** relatives are still looking for 14 fishermen.",
        [("14", M, 14, 14, EXACT)],
    ),
    (
        "gap-needs-no-preposition-before",
        "Officials said 12 people died and 40 homes burned, with 300 in the region without power.",
        [("12", K, 12, 12, EXACT)],
    ),
    (
        "conjunct-with-a-verb-of-its-own",
        "The quake killed 300 people, and 40,000 people in 12 villages lost their homes.",
        [("300", K, 300, 300, EXACT)],
    ),
    (
        "fronted-part-of-the-dead",
        "Of the dead, 32 were children, the ministry said.",
        [("32", K, 32, 32, EXACT)],
    ),
    (
        "among-the-injured-fronted",
        "Among the injured, 12 were police officers.",
        [("12", W, 12, 12, EXACT)],
    ),
    (
        "treated-people",
        "Clinics treated more than 300 people after the blast.",
        [("more than 300", W, 300, None, MORE)],
    ),
    (
        "confirm-is-a-floor",
        "Police confirm 7 deaths in the tower.",
        [("7", K, 7, None, AT_LEAST)],
    ),
    (
        "front-matter-summary",
        "---\ntitle: Flood report\nsummary: >\n  Floods in the valley killed 19 people.\n---\n\n"
        "Text.",
        [("19", K, 19, 19, EXACT)],
    ),
    # --- a toll named before: a pronoun, an inverted count, a figure of, an aside ------
    (
        "toll-pronoun-subject",
        "At least 30 people died in the blast. It stood at 41 by Monday.",
        [("At least 30", K, 30, None, AT_LEAST), ("41", K, 41, 41, EXACT)],
    ),
    (
        "toll-pronoun-subject-perfect",
        "Nine miners were killed on Friday. By Sunday it had reached 14.",
        [("Nine", K, 9, 9, EXACT), ("14", K, 14, 14, EXACT)],
    ),
    (
        "toll-pronoun-object",
        "Officials gave a toll of 50, then revised it within hours to 62.",
        [("50", K, 50, 50, EXACT), ("62", K, 62, 62, EXACT)],
    ),
    (
        "toll-demonstrative-object",
        "The army reported 90 rebels killed and later raised this to 104.",
        [("90", K, 90, 90, EXACT), ("104", K, 104, 104, EXACT)],
    ),
    (
        "pronoun-is-no-toll",
        "Twelve people died in the fire. It was one of the worst in years.",
        [("Twelve", K, 12, 12, EXACT)],
    ),
    (
        "inverted-toll",
        "The find brings to 57 the number of bodies recovered from the mine.",
        [("57", K, 57, 57, EXACT)],
    ),
    (
        "inverted-toll-injured",
        "The second blast raised to 40 the number of injured this week.",
        [("40", W, 40, 40, EXACT)],
    ),
    (
        "a-figure-of-after-a-reporting-verb",
        "Thirty people died, officials said. The governor later cited a figure of 34.",
        [("Thirty", K, 30, 30, EXACT), ("34", K, 34, 34, EXACT)],
    ),
    ("toll-crossed", "The death toll crossed 500 on Friday.", [("500", K, 500, None, MORE)]),
    (
        "toll-climbed-past",
        "The storm's death toll climbed past 200.",
        [("200", K, 200, None, MORE)],
    ),
    (
        "toll-across-an-aside",
        "Aid groups put civilian casualties, dead and injured alike, at 80 to 120.",
        [("80 to 120", C, 80, 120, RANGE)],
    ),
    ("list-of-missing", "The list of missing grew to 40.", [("40", M, 40, 40, EXACT)]),
    (
        "toll-up-from",
        "The toll stood at 31 on Thursday, up from 25 a day earlier.",
        [("31", K, 31, 31, EXACT), ("25", K, 25, 25, EXACT)],
    ),
    # --- confirmed counts are floors ----------------------------------------------------
    ("confirmed-dead", "Four Britons had been confirmed dead.", [("Four", K, 4, None, AT_LEAST)]),
    (
        "confirmed-killed",
        "Two soldiers were confirmed killed in the raid.",
        [("Two", K, 2, None, AT_LEAST)],
    ),
    (
        "deaths-confirmed",
        "Saturday: one death confirmed in the evening.",
        [("one", K, 1, None, AT_LEAST)],
    ),
    # --- the predicate past an aside, a relative clause or a phrase ----------------------
    (
        "attributive-then-verb",
        "Three wounded soldiers died in hospital.",
        [("Three", K, 3, 3, EXACT)],
    ),
    (
        "aside-along-with",
        "Four soldiers, along with their interpreter, were captured.",
        [("Four", CAP, 4, 4, EXACT)],
    ),
    (
        "aside-as-clause",
        "At least 200 Ultras, as the club's fans call themselves, died.",
        [("At least 200", K, 200, None, AT_LEAST)],
    ),
    (
        "contact-relative-lost",
        "He counted 14 friends he had lost.",
        [("14", K, 14, 14, EXACT)],
    ),
    (
        "contact-relative-then-verb",
        "None of the guards it had posted at the gate were hurt.",
        [("None", W, 0, 0, EXACT)],
    ),
    (
        "number-in-a-phrase-and-a-second-subject",
        "Forty hostages from nine countries and one local driver died.",
        [("Forty", K, 40, 40, EXACT), ("one", K, 1, 1, EXACT)],
    ),
    (
        "hostages-in-a-list",
        "Gunmen took a priest, his driver and about a dozen worshippers hostage.",
        [("about a dozen", CAP, 12, 12, APPROX)],
    ),
    ("holding-hostages", "Rebels were holding 40 hostages.", [("40", CAP, 40, 40, EXACT)]),
    ("taken-alive", "Twelve rebels were taken alive.", [("Twelve", CAP, 12, 12, EXACT)]),
    (
        "treated-for-injuries",
        "Two firefighters were treated on site for minor injuries.",
        [("Two", W, 2, 2, EXACT)],
    ),
    ("suffered-burns", "Fourteen people suffered burns.", [("Fourteen", W, 14, 14, EXACT)]),
    ("treated-object", "I treated nine children myself.", [("nine", W, 9, 9, EXACT)]),
    ("wounded-another", "A second blast wounded another 17.", [("17", W, 17, 17, EXACT)]),
    ("headline-present", "Gunmen abduct 30 villagers", [("30", CAP, 30, 30, EXACT)]),
    (
        "buried-now-trapped",
        "Dozens more are buried under the mud.",
        [("Dozens", M, 24, 99, VAGUE)],
    ),
    (
        "buried-then-dead",
        "Hundreds were buried under the rubble.",
        [("Hundreds", K, 200, 999, VAGUE)],
    ),
    (
        "part-that-survived",
        "Seven of the 30 miners trapped underground were brought out alive.",
        [("30", M, 30, 30, EXACT)],
    ),
    # --- parts and ellipses -----------------------------------------------------------
    (
        "subcount-in-brackets",
        "The blast killed 30 people (20 soldiers and 10 civilians).",
        [("30", K, 30, 30, EXACT), ("20", K, 20, 20, EXACT), ("10", K, 10, 10, EXACT)],
    ),
    (
        "subcount-included",
        "Forty people died; they included six children and two teachers.",
        [("Forty", K, 40, 40, EXACT), ("six", K, 6, 6, EXACT), ("two", K, 2, 2, EXACT)],
    ),
    (
        "as-did",
        "Twelve soldiers lost their lives, as did three medics.",
        [("Twelve", K, 12, 12, EXACT), ("three", K, 3, 3, EXACT)],
    ),
    (
        "as-did-in-a-year",
        "12 miners died in 2010, as did 3 in 2012.",
        [("12", K, 12, 12, EXACT), ("3", K, 3, 3, EXACT)],
    ),
    # --- the same constructions where they count nothing -----------------------------
    (
        "pronoun-with-a-counted-noun",
        "Five people died. It passed 30 villages on its way.",
        [("Five", K, 5, 5, EXACT)],
    ),
    (
        "inverted-count-of-things",
        "Two men died. This brings to 5 the number of fatal attacks this year.",
        [("Two", K, 2, 2, EXACT)],
    ),
    (
        "up-from-after-no-figure",
        "The number of dead stood at 40, up from 25, while 100 people were rescued, up from 60.",
        [("40", K, 40, 40, EXACT), ("25", K, 25, 25, EXACT)],
    ),
    (
        "put-it-at",
        "Officials said six people died. The army put it at 9.",
        [("six", K, 6, 6, EXACT), ("9", K, 9, 9, EXACT)],
    ),
    (
        "estimates-run-from",
        "Thousands died. Published estimates run from at least 20,000 to 90,000.",
        [
            ("Thousands", K, 2000, 9999, VAGUE),
            ("from at least 20,000 to 90,000", K, 20000, 90000, RANGE),
        ],
    ),
    (
        "count-of-other-things",
        "Thousands died. The estimate was based on a survey of about 5,200 households.",
        [("Thousands", K, 2000, 9999, VAGUE)],
    ),
    (
        "inverted-count-of-those-who-died",
        "The find brings to 57 the number of those who have died.",
        [("57", K, 57, 57, EXACT)],
    ),
]

NOT_FIGURES: list[tuple[str, str]] = [
    ("date", "On 7 February 2018 the strike began and people died."),
    ("date-us-style", "The attack on February 7, 2018 killed people."),
    ("day-list", "He cancelled events on 12 and 13 February after soldiers died."),
    ("time", "Around 10 p.m. local time, the dead were counted."),
    ("clock-time", "At 10:30 the bodies arrived."),
    ("year", "In 2015 the war killed many."),
    ("duration", "The clashes lasted four hours and killed many."),
    ("distance", "The shells landed within 500 meters, but nobody knows who died."),
    ("glued-unit", "The attack began 8km east of the river where soldiers died."),
    ("weapon-name", "A T-72 tank and an Su-57 jet were destroyed; crews died."),
    ("unit-name", "Most deaths were in the 4th Division."),
    ("citation", "Fighters were killed.[38][39]"),
    ("force-size", "A force of 500 fighters launched an assault before some were killed."),
    ("shells-counted", "Around 20–30 shells landed near the dead."),
    ("tanks-destroyed", "The army lost two tanks and 14 vehicles."),
    ("ratio", "The toll is five times more than the official losses."),
    ("hypothetical-if", "If 200 were killed, the army would say so."),
    ("hypothetical-would-mean", "To believe 200 were killed would mean 1,000 wounded."),
    ("survivors", "Officials said 200 survivors had been rescued and 3,000 evacuated."),
    ("url", "See [the report](https://example.com/2018/02/14/100-killed-in-strike) on the dead."),
    ("rate", "Contractors killed here and there add up to 100 a year."),
    ("generic-body-counts", "Body counts in modern war rarely reach 200 on a day."),
    ("several", "Several people were killed."),
    ("a-few", "A few contractors were killed."),
    ("pronoun-one", "Officials said one saying some of the contractors had been killed was wrong."),
    ("no-number-no-figure", "Some of the contractors had been killed."),
    ("question", "Were 200 people really killed?"),
    ("money", "The families received $5 million after 3 died."[:37]),
    ("identifier", "Flight 370 disappeared."),
    ("age", "A boy aged 12 was among the dead."),
    ("no-information", "They had no information that anyone had been killed."),
    ("future", "Officials warned 100 people would die without aid."),
    ("percent", "Deaths rose 40 percent."),
    ("list-marker", "1. Soldiers were killed in the raid."),
    ("capacity", "The hall can hold more than 6,000 people."),
    ("lost-games", "The team lost 3 matches in a row."),
    ("list-without-casualty-head", "The company lists its assets: 12 factories and two ports."),
    ("more-with-own-verb", "The storm killed people, and 3,000 more were evacuated."),
    (
        "inverted-conditional",
        "Experts said that had the levee failed, as many as 5,000 people might have drowned.",
    ),
    ("no-figure-published", "Injured: no consolidated figure has been published"),
    ("age-of-the-dead", "Most of the dead were over 70, officials said."),
    ("listed-things-as-missing", "He listed 5 reasons as missing from the report."),
    ("treated-for-other-things", "The clinic treated 40 cases of flu after the flood deaths."),
    ("held-for-questioning", "Police held 12 suspects for questioning after the deaths."),
    ("carried-elsewhere", "The bus took 40 pupils to school after the deadly storm."),
    ("gapped-own-clause", "The storm killed people, and 300 in the valley lost power."),
    ("own-clause-after-a-cue", "Officials said the flood had spread, and 1,200 were evacuated."),
    ("does-not-mean", "The 30 empty coffins did not mean that 30 people had died."),
    ("another-not-recovered", "Another 200 were evacuated from the flooded town."),
    ("no-report-published", "No report on the death toll has been released."),
    ("arrest-with-aside", "One suspect, a 30-year-old man, was arrested after the killings."),
    ("money-rupees", "The office paid Rs 50,000 to each of the injured."),
    ("money-after", "He announced 200,000 rupees for the family of each person killed."),
    ("owner-count", "By one researcher's count, many have died."),
    ("origin-count", "Hostages from eight countries were killed."),
    ("several-survived", "Only one of the five climbers survived the avalanche that killed."),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in FIGURES], ids=[i for i, _, _ in FIGURES]
)
def test_figures(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [t for _, t in NOT_FIGURES], ids=[i for i, _ in NOT_FIGURES])
def test_not_figures(text: str) -> None:
    assert rows(text) == []


GROUPS: list[tuple[str, str, list[str | None]]] = [
    (
        "adjective-noun",
        "One hundred Syrian pro-government fighters were killed.",
        ["Syrian pro-government fighters"],
    ),
    ("of-the", "Between 10 and 20 of the foreigners were killed.", ["foreigners"]),
    ("of-its", "The ministry said 41 of its troops have died.", ["its troops"]),
    ("strip-more", "Police named four more victims killed in the attack.", ["victims"]),
    ("strip-other", "At least three other volunteers also died.", ["volunteers"]),
    (
        "with-aside",
        "More than 200 contract soldiers, mostly foreigners, died.",
        ["contract soldiers, mostly foreigners"],
    ),
    (
        "aside-stops-at-participle",
        "More than 200 mercenaries, mostly foreigners fighting for the regime, died.",
        ["mercenaries, mostly foreigners"],
    ),
    ("of-phrase", "There were 50 citizens of both countries dead.", ["citizens of both countries"]),
    ("object", "The strike killed scores of police officers in the city.", ["police officers"]),
    (
        "object-abbreviation",
        "The raid killed about ten U.S. personnel (instructors).",
        ["U.S. personnel"],
    ),
    ("nominal-modifier", "The group confirmed 10 contractor deaths.", ["contractor"]),
    ("toll-modifier", "The figure of civilian fatalities stood at 334.", ["civilian"]),
    ("attributive", "Dozens of his wounded men are being treated.", ["men"]),
    ("quoted", "He said 14 ″volunteers″ died.", ["volunteers"]),
    ("side", "No fatalities were reported on the coalition side.", ["coalition side"]),
    ("among", "There were no casualties among the crew.", ["crew"]),
    (
        "inherited-in-sentence",
        "80 mercenaries were killed and 200 wounded.",
        ["mercenaries", "mercenaries"],
    ),
    (
        "sub-count-own",
        "The strike killed 30 people, including 12 children.",
        ["people", "children"],
    ),
    ("none", "The toll rose to 57.", [None]),
    ("pronoun-dropped", "The attack injured 17, three of them critically.", [None, None]),
    ("table-row", "| Side | Killed |\n|---|---|\n| Army | 12 |\n", ["Army"]),
    # the victims as the text names them
    ("nobody-with-place", "Police said nobody inside the school was hurt.", ["inside the school"]),
    ("no-one-with-participle", "No one sleeping there had died.", ["sleeping there"]),
    ("complement-names-them", "Officials said 12 of those killed were children.", ["children"]),
    (
        "with-phrase",
        "Four patients with chronic conditions died.",
        ["patients with chronic conditions"],
    ),
    ("members-of", "The blast killed 7 members of a rescue team.", ["members of a rescue team"]),
    ("others", "The strike killed 4 soldiers and wounded 11 others.", ["soldiers", "others"]),
    ("remain", "Dozens of people remain missing.", ["people"]),
    ("infobox-label", "Casualties and losses\nRebels: 45 killed (army claim)", ["Rebels"]),
    ("incident-toll-names-nobody", "Ferry disaster toll rises to 85", [None]),
    ("demonym-toll", "The Bolivian death toll rose to 85.", ["Bolivian"]),
    # a figure with no victims of its own shares them only when it plainly refers back:
    # a bare number as the subject of the next clause does; bare "people" names nobody
    (
        "own-clause-same-victims",
        "The army said 12 soldiers were killed and 30 are missing.",
        ["soldiers", "soldiers"],
    ),
    (
        "own-clause-people-names-nobody",
        "The agency said 284 people had died and 2,323 had been injured.",
        ["people", None],
    ),
    (
        "another-refers-back",
        "He said 12 soldiers were killed and another 30 were unaccounted for.",
        ["soldiers", "soldiers"],
    ),
    (
        "who-refers-back",
        "The agency said 40 fighters were killed, as well as 18 who were wounded.",
        ["fighters", "fighters"],
    ),
    (
        "of-them-across-sentences",
        "The ministry said 60 civilians died. It said the bodies of 25 of them were found.",
        ["civilians", "civilians"],
    ),
    ("own-losses", "The militia put its own losses at 14 dead.", ["militia"]),
    ("people-is-not-carried-on", "Flooding killed 30 people and injured 200.", ["people", None]),
    ("more-refers-back", "Nine miners died and 4 more were injured.", ["miners", "miners"]),
    ("part-named-in-aside", "Ten workers, three of them welders, died.", ["workers", "welders"]),
    ("part-of-whom", "The blast killed 40 staff, 12 of whom were nurses.", ["staff", "nurses"]),
    ("a-time-names-nobody", "The agency put the toll at 300 the same week.", [None]),
    (
        "affiliation",
        "Two rescuers from the Civil Defence Agency died.",
        ["rescuers from the Civil Defence Agency"],
    ),
    ("label-of-people", "Hostages: 30\n", ["Hostages"]),
    ("table-rows-by-day", "| Date | Dead |\n|---|---|\n| 3 May | 40 |\n", [None]),
    (
        "conjunct-names-its-own",
        "The blast killed 14 soldiers and 2 interpreters.",
        ["soldiers", "interpreters"],
    ),
    ("fronted-part-named-by-complement", "Of the dead, 32 were children.", ["children"]),
    ("passive-complement-names-nobody", "Eleven of the injured were flown out.", [None]),
    (
        "qualified-infobox-value",
        "Casualties and losses\nBesiegers: about 90 killed, 200 wounded",
        ["Besiegers", "Besiegers"],
    ),
    (
        "people-not-carried-to-a-part",
        "Clinics treated 300 people, 20 of them children.",
        ["people", "children"],
    ),
    ("one-with-a-name", "Six gunmen died and one, Omar Ali, was captured.", ["gunmen", "gunmen"]),
    (
        "infobox-heading-with-a-colon",
        "Casualties and losses:\n  Government forces: 168 killed; 1,400+ wounded",
        ["Government forces", "Government forces"],
    ),
    (
        "table-row-by-day-and-hour",
        "| Date and time | Dead | Source |\n|---|---|---|\n| 28 Sept, 22:00 | 24 | police |",
        [None],
    ),
    (
        "relational-noun-of",
        "Soldiers killed 42 rebels, among them two wives of rebel leaders.",
        ["rebels", "wives of rebel leaders"],
    ),
    (
        "hedged-complement",
        "An official said no more than two of the dead might have been bystanders.",
        ["bystanders"],
    ),
    (
        "complement-at-a-named-body",
        "More than a hundred of the dead were students at the State University.",
        ["students at the State University"],
    ),
    ("which-toll-not-whose", "The real toll is almost 500.", [None]),
    ("verified-toll", "Police said the verified toll was 125.", [None]),
    ("hostages-held", "Rebels were holding between 40 and 60 hostages.", ["hostages"]),
    (
        "time-is-no-group",
        "The crush killed 154 people and injured 149 late on Saturday.",
        ["people", None],
    ),
    (
        "attributive-then-verb",
        "Three more wounded soldiers died in hospital.",
        ["wounded soldiers"],
    ),
    (
        "phrase-with-a-number",
        "Forty hostages from nine countries and one local driver died.",
        ["hostages", "local driver"],
    ),
    (
        "how-people-died-is-no-group",
        "The coroner received reports of 486 sudden and unexpected deaths, and 20 civilian deaths.",
        [None, "civilian"],
    ),
    (
        "a-total-row-names-no-victims",
        "| Group | Dead |\n|---|---|\n| Civilians | 40 |\n| Total | 190 |\n",
        ["Civilians", None],
    ),
    ("emphasised-name", "The prison service, **NPS**, said 40 inmates died.", ["inmates"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in GROUPS], ids=[i for i, _, _ in GROUPS]
)
def test_groups(text: str, expected: list[str | None]) -> None:
    assert [f.group for f in extract(text)] == expected


def test_group_span_slices_the_group() -> None:
    text = "One hundred Syrian pro-government fighters were killed."
    (figure,) = extract(text)
    assert figure.group_span is not None
    assert text[figure.group_span[0] : figure.group_span[1]] == figure.group


def test_subcount_is_flagged() -> None:
    figures = extract("The strike killed 30 people, including 12 children.")
    assert [f.subcount for f in figures] == [False, True]


def test_remaining_is_a_subcount() -> None:
    figures = extract("The remaining 23 soldiers were killed in a later blast.")
    assert [f.subcount for f in figures] == [True]


def test_output_is_sorted_by_start() -> None:
    text = "Nobody died on Monday. On Tuesday 3 died. Dozens were injured."
    starts = [f.start for f in extract(text)]
    assert starts == sorted(starts)


def test_offsets_slice_the_number() -> None:
    text = "Officials said 12 people\u00a0were killed and “dozens” injured; no one else died."
    for figure in extract(text):
        assert text[figure.start : figure.end] == figure.number
        assert figure.sentence_start <= figure.start < figure.end <= figure.sentence_end


def test_event_date_is_accepted() -> None:
    figures = extract("At least 5 died.", event_date=date(2020, 1, 1))
    assert [f.number for f in figures] == ["At least 5"]


def test_pipeline_components_are_named() -> None:
    assert [name for name, _ in PIPELINE] == [
        "segment",
        "dates",
        "event_date",
        "numbers",
        "predicates",
        "groups",
        "attribution",
        "scope",
    ]


def test_figures_are_frozen_records() -> None:
    (figure,) = extract("Seven workers died.")
    assert isinstance(figure, ExtractedFigure)
    with pytest.raises(AttributeError):
        figure.low = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "---\n", "---\ntitle: x\n", "|", "| a |", "“", "1", "No", "killed", "[1]"],
    ids=repr,
)
def test_degenerate_inputs_give_no_error(text: str) -> None:
    assert isinstance(extract(text), list)


def test_yaml_front_matter_title_is_a_headline() -> None:
    text = '---\ntitle: "Strike on market kills 21"\ndate: 2023-05-14\n---\n\nThe market was hit.\n'
    (figure,) = extract(text)
    assert (figure.number, figure.claimant) == ("21", None)
    assert text[figure.start : figure.end] == "21"


def test_link_urls_hold_no_figures() -> None:
    text = "A missile killed 21 civilians, [officials said](https://example.com/2023/05/13/100-killed)."
    assert [f.number for f in extract(text)] == ["21"]


# Small documents written for these tests in the styles the extractor meets (none from
# the data sets): every figure with its reading, victims, claimant and scope.
EVENT, OTHER = Scope.EVENT, Scope.OTHER
DocRow = tuple[str, Outcome, int | None, int | None, Qualifier, str | None, str | None, Scope]

DOCUMENTS: list[tuple[str, str, list[DocRow]]] = [
    (
        "wire",  # wire story with a dateline and a relay
        (
            "KATHMANDU, March 3 (Harbor Wire) - A bus plunged into a gorge in western "
            "Nepal on Sunday, killing at least 23 passengers and injuring 15 others, "
            "police said.\n"
            "\n"
            "District police chief Ram Thapa told the Harbor Wire that four of the injured "
            'were in a critical condition. "Eleven bodies have been pulled from the river '
            'so far," he said.\n'
        ),
        [
            ("at least 23", K, 23, None, AT_LEAST, "passengers", "police", EVENT),
            ("15", W, 15, 15, EXACT, "others", "police", EVENT),
            ("four", W, 4, 4, EXACT, None, "District police chief Ram Thapa", EVENT),
            ("Eleven", K, 11, 11, EXACT, None, "District police chief Ram Thapa", EVENT),
        ],
    ),
    (
        "infobox",  # reference infobox with tab-separated fields
        (
            "Lake ferry capsizing\n"
            "\n"
            "Date\t4 June 2019\n"
            "Location\tLake Tana, near the regional capital\n"
            "Cause\tOverloading\n"
            "Deaths\t61 (regional government)\n"
            "Missing\t9\n"
            "Survivors\t38\n"
        ),
        [
            ("61", K, 61, 61, EXACT, None, "regional government", EVENT),
            ("9", M, 9, 9, EXACT, None, None, EVENT),
        ],
    ),
    (
        "release",  # press release in the first person under its author
        (
            "CITY FIRE AND RESCUE SERVICE\n"
            "NEWS RELEASE\n"
            "\n"
            "Warehouse blaze on Dock Road: update\n"
            "\n"
            "Our crews brought the fire on Dock Road under control at 6 a.m. on Tuesday. "
            "We are sad to report that three workers have died. A further 12 people were "
            "treated by our paramedics for smoke inhalation, and five of them were taken "
            "to hospital. None of our firefighters was injured.\n"
        ),
        [
            ("three", K, 3, 3, EXACT, "workers", "CITY FIRE AND RESCUE SERVICE", EVENT),
            ("12", W, 12, 12, EXACT, "people", "CITY FIRE AND RESCUE SERVICE", EVENT),
            ("five", W, 5, 5, EXACT, None, "CITY FIRE AND RESCUE SERVICE", EVENT),
            ("None", W, 0, 0, EXACT, "our firefighters", "CITY FIRE AND RESCUE SERVICE", EVENT),
        ],
    ),
    (
        "liveblog",  # live blog, newest entry first, entry titles
        (
            "Live: floods in the northern hills\n"
            "\n"
            "09:40\n"
            "Toll rises to 19\n"
            "The provincial disaster office says the number of dead has risen to 19. "
            "Another six people are missing after a footbridge was swept away.\n"
            "\n"
            "08:15\n"
            "Rescuers recovered the bodies of two children overnight, the district mayor "
            "told local radio.\n"
        ),
        [
            ("19", K, 19, 19, EXACT, None, None, EVENT),
            ("19", K, 19, 19, EXACT, None, "provincial disaster office", EVENT),
            ("six", M, 6, 6, EXACT, "people", "provincial disaster office", EVENT),
            ("two", K, 2, 2, EXACT, "children", "district mayor", EVENT),
        ],
    ),
    (
        "digest",  # news digest of numbered, datelined stories
        (
            "MORNING DIGEST\n"
            "\n"
            "1. CHILE: Wildfires kill 46 near the coast\n"
            "\n"
            "Forest fires around the coastal hills have killed at least 46 people, the "
            "president said on Saturday.\n"
            "\n"
            "2. NIGERIA: Gunmen abduct 30 villagers\n"
            "\n"
            "Gunmen seized 30 villagers in the north-west, local officials said.\n"
            "\n"
            "3. JAPAN: Quake injures 20\n"
            "\n"
            "A strong earthquake injured 20 people on the west coast.\n"
        ),
        [
            ("46", K, 46, 46, EXACT, None, None, EVENT),
            ("at least 46", K, 46, None, AT_LEAST, "people", "president", EVENT),
            ("30", CAP, 30, 30, EXACT, "villagers", None, OTHER),
            ("20", W, 20, 20, EXACT, None, None, OTHER),
            ("20", W, 20, 20, EXACT, "people", None, OTHER),
        ],
    ),
    (
        "table",  # Markdown table with a source column
        (
            "## Casualties by province\n"
            "\n"
            "| Province | Dead | Missing | Source |\n"
            "|---|---|---|---|\n"
            "| North | 12 | 3 | provincial police |\n"
            "| South | 7 | 0 | health ministry |\n"
        ),
        [
            ("12", K, 12, 12, EXACT, "North", "provincial police", EVENT),
            ("3", M, 3, 3, EXACT, "North", "provincial police", EVENT),
            ("7", K, 7, 7, EXACT, "South", "health ministry", EVENT),
            ("0", M, 0, 0, EXACT, "South", "health ministry", EVENT),
        ],
    ),
    (
        "transcript",  # radio transcript with a host and a guest
        (
            "Radio hour, episode 9\n"
            "\n"
            "HOST (presenter): How many people died in the clinic?\n"
            "\n"
            "AMINA YUSUF: We counted 27 bodies at the clinic that night.\n"
            "\n"
            "HOST: And the injured?\n"
            "\n"
            "AMINA YUSUF: At least 40 were wounded, most of them by shrapnel. I treated "
            "nine children myself.\n"
        ),
        [
            ("27", K, 27, 27, EXACT, None, "AMINA YUSUF", EVENT),
            ("At least 40", W, 40, None, AT_LEAST, None, "AMINA YUSUF", EVENT),
            ("nine", W, 9, 9, EXACT, "children", "AMINA YUSUF", EVENT),
        ],
    ),
    (
        "factcheck",  # fact-check with a claim line and owned counts
        (
            "FACT CHECK: Did 500 miners die in the collapse?\n"
            "\n"
            "CLAIM: Posts say 500 miners died.\n"
            "\n"
            "The labour ministry's tally stands at 37 dead. By the union's count, 41 "
            "workers were killed.\n"
        ),
        [
            ("500", K, 500, 500, EXACT, "miners", "Posts", EVENT),
            ("37", K, 37, 37, EXACT, None, "labour ministry", EVENT),
            ("41", K, 41, 41, EXACT, "workers", "union", EVENT),
        ],
    ),
    (
        "article",  # plain article: relative clauses, asides, ellipsis
        (
            "Helicopter crash kills two pilots\n"
            "\n"
            "The two pilots the army had sent to the valley died when their helicopter "
            "came down on Monday. Four soldiers, along with their interpreter, were "
            "captured by rebels the next day. Eighteen villagers drowned in the floods, as "
            "did three rescuers.\n"
        ),
        [
            ("two", K, 2, 2, EXACT, "pilots", None, EVENT),
            ("Four", CAP, 4, 4, EXACT, "soldiers", None, EVENT),
            ("Eighteen", K, 18, 18, EXACT, "villagers", None, EVENT),
            ("three", K, 3, 3, EXACT, "rescuers", None, EVENT),
        ],
    ),
    (
        "tolls",  # toll revised by pronoun and inverted count
        (
            "Officials first put the toll at 14. They later raised it to 21, and by Friday "
            "it had climbed to 30. The discovery of another grave brings to 37 the number "
            "of bodies recovered from the site.\n"
        ),
        [
            ("14", K, 14, 14, EXACT, None, "Officials", EVENT),
            ("21", K, 21, 21, EXACT, None, "Officials", EVENT),
            ("30", K, 30, 30, EXACT, None, "Officials", EVENT),
            ("37", K, 37, 37, EXACT, None, None, EVENT),
        ],
    ),
    (
        "history",  # article with an earlier incident told by "that night"
        (
            "Landslide buries market town\n"
            "\n"
            "On 2 May 2021 a landslide killed 12 people in the market town.\n"
            "\n"
            "The town has suffered before. In 1998 a mudslide swept through the lower "
            "district. Forty people died that night.\n"
            "\n"
            "The widow of one victim, Sara Lind, 34, received 5,000 pesos from the "
            "council.\n"
        ),
        [
            ("12", K, 12, 12, EXACT, "people", None, EVENT),
            ("Forty", K, 40, 40, EXACT, "people", None, OTHER),
        ],
    ),
    (
        "siege",  # reference page of a months-long event with an infobox span
        (
            "Siege of Port Amel\n"
            "\n"
            "Date: 4 March – 19 June 2016 (3 months)\n"
            "Casualties and losses:\n"
            "  Government troops: 212 killed; 900+ wounded\n"
            "  Civilians: 64 killed (12 from starvation)\n"
            "\n"
            "The siege of Port Amel began on 4 March 2016. On 2 March, two days before the "
            "siege, a car bomb had killed 9 people in the port. On 20 April rebels shelled "
            "the market, killing 14 shoppers. In May the army said it had lost 80 "
            "soldiers.\n"
            "\n"
            "Aftermath\n"
            "The town's worst disaster had been a 1987 flood that killed 300 residents. "
            "Since the civil war of the 1970s, in which as many as 5,000 people died, the "
            "town has been rebuilt twice.\n"
        ),
        [
            ("212", K, 212, 212, EXACT, "Government troops", None, EVENT),
            ("900+", W, 900, None, MORE, "Government troops", None, EVENT),
            ("64", K, 64, 64, EXACT, "Civilians", None, EVENT),
            ("12", K, 12, 12, EXACT, "Civilians", None, EVENT),
            ("9", K, 9, 9, EXACT, "people", None, OTHER),
            ("14", K, 14, 14, EXACT, "shoppers", None, EVENT),
            ("80", K, 80, 80, EXACT, "soldiers", "army", EVENT),
            ("300", K, 300, 300, EXACT, "residents", None, OTHER),
            ("as many as 5,000", K, None, 5000, UP_TO, "people", None, OTHER),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in DOCUMENTS], ids=[i for i, _, _ in DOCUMENTS]
)
def test_documents(text: str, expected: list[DocRow]) -> None:
    got = [
        (f.number, f.outcome, f.low, f.high, f.qualifier, f.group, f.claimant, f.scope)
        for f in extract(text)
    ]
    assert got == expected
