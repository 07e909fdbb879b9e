"""Blocks, sentences and quotation spans, all as offsets into the original text."""

from __future__ import annotations

import pytest

from tollbook.extract.doc import BlockKind, Doc
from tollbook.extract.segment import segment


def doc_of(text: str) -> Doc:
    doc = Doc(text)
    segment(doc)
    return doc


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in doc_of(text).sentences]


SPLITS: list[tuple[str, str, list[str]]] = [
    ("plain", "Ten died. Five were hurt.", ["Ten died.", "Five were hurt."]),
    ("us-abbreviation", "The U.S. military said ten died.", ["The U.S. military said ten died."]),
    (
        "us-at-end",
        "He blamed the U.S. The talks failed.",
        ["He blamed the U.S.", "The talks failed."],
    ),
    (
        "titles",
        "Lt. Gen. Jeffery Smith spoke. Then he left.",
        ["Lt. Gen. Jeffery Smith spoke.", "Then he left."],
    ),
    ("initial", "John F. Smith said so. It was late.", ["John F. Smith said so.", "It was late."]),
    (
        "month-abbreviation",
        "It began on Feb. 7 at dawn. It ended.",
        ["It began on Feb. 7 at dawn.", "It ended."],
    ),
    (
        "pm",
        "Around 10 p.m. local time the attack began.",
        ["Around 10 p.m. local time the attack began."],
    ),
    ("question-and-quote", "“Why?” he asked. No one knew.", ["“Why?” he asked.", "No one knew."]),
    (
        "closing-quote",
        "He said “five died.” Then he left.",
        ["He said “five died.”", "Then he left."],
    ),
    (
        "double-prime-quote",
        "They died in the ″raid.″ Others fled.",
        ["They died in the ″raid.″", "Others fled."],
    ),
    (
        "citation-after-period",
        "Ten died.[12][13] Five were hurt.",
        ["Ten died.[12][13]", "Five were hurt."],
    ),
    ("lowercase-continues", "The figure, i.e. ten, was high.", ["The figure, i.e. ten, was high."]),
    ("no-trailing-period", "Ten died", ["Ten died"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in SPLITS], ids=[i for i, _, _ in SPLITS]
)
def test_sentence_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def kinds(text: str) -> list[tuple[BlockKind, str]]:
    doc = doc_of(text)
    return [(b.kind, text[b.start : b.end]) for b in doc.blocks]


BLOCKS: list[tuple[str, str, list[tuple[BlockKind, str]]]] = [
    (
        "numbered-story-headline",
        "MORNING DIGEST\n\n1. CHILE: Fires kill 46 near the coast\n\nFires killed 46 people."
        "\n\n2. JAPAN: Quake injures 20\n\nA quake injured 20.",
        [
            (BlockKind.TITLE, "MORNING DIGEST"),
            (BlockKind.HEADING, "CHILE: Fires kill 46 near the coast"),
            (BlockKind.PARAGRAPH, "Fires killed 46 people."),
            (BlockKind.HEADING, "JAPAN: Quake injures 20"),
            (BlockKind.PARAGRAPH, "A quake injured 20."),
        ],
    ),
    (
        "numbered-list-stays-a-list",
        "Steps taken\n\n1. Roads closed\n2. Shelters opened\n",
        [
            (BlockKind.TITLE, "Steps taken"),
            (BlockKind.LIST_ITEM, "Roads closed"),
            (BlockKind.LIST_ITEM, "Shelters opened"),
        ],
    ),
    (
        "infobox-lines-are-not-wrapped-prose",
        "Siege of the port\n\nPart of the long war in the eastern hills of the region\n"
        "Date: 4 March – 19 June 2016\nCasualties and losses:\n  Government troops: 212 killed",
        [
            (BlockKind.TITLE, "Siege of the port"),
            (BlockKind.HEADING, "Part of the long war in the eastern hills of the region"),
            (BlockKind.PARAGRAPH, "Date: 4 March – 19 June 2016"),
            (BlockKind.HEADING, "Casualties and losses:"),
            (BlockKind.FIELD, "Government troops: 212 killed"),
        ],
    ),
    (
        "title-and-paragraph",
        "Battle of the river\n\nTen soldiers died there.",
        [
            (BlockKind.TITLE, "Battle of the river"),
            (BlockKind.PARAGRAPH, "Ten soldiers died there."),
        ],
    ),
    (
        "heading-between-paragraphs",
        "A long first paragraph that ends here.\n\nGovernment version\n\nTen soldiers died.",
        [
            (BlockKind.PARAGRAPH, "A long first paragraph that ends here."),
            (BlockKind.HEADING, "Government version"),
            (BlockKind.PARAGRAPH, "Ten soldiers died."),
        ],
    ),
    (
        "markdown-heading",
        "# Title\n\n## Casualties ##\n\nTen died.",
        [
            (BlockKind.TITLE, "Title"),
            (BlockKind.HEADING, "Casualties"),
            (BlockKind.PARAGRAPH, "Ten died."),
        ],
    ),
    (
        "list-items",
        "Toll\n\n- 21 dead\n* 48 injured\n1. three missing\n",
        [
            (BlockKind.TITLE, "Toll"),
            (BlockKind.LIST_ITEM, "21 dead"),
            (BlockKind.LIST_ITEM, "48 injured"),
            (BlockKind.LIST_ITEM, "three missing"),
        ],
    ),
    (
        "infobox-field",
        "Deaths: at least 40 (state media)\nWounded: 120",
        [(BlockKind.FIELD, "Deaths: at least 40 (state media)"), (BlockKind.FIELD, "Wounded: 120")],
    ),
    (
        "blockquote",
        "> Ten died in the attack, the mayor said.",
        [(BlockKind.PARAGRAPH, "Ten died in the attack, the mayor said.")],
    ),
    (
        "hard-wrapped-paragraph",
        "The ministry said that at least ten people had been killed in\nthe attack on the market.",
        [
            (
                BlockKind.PARAGRAPH,
                "The ministry said that at least ten people had been "
                "killed in\nthe attack on the market.",
            )
        ],
    ),
    (
        "front-matter",
        "---\ntitle: Ten killed\ndate: 2023-05-14\n---\nBody text here.",
        [(BlockKind.TITLE, "Ten killed"), (BlockKind.PARAGRAPH, "Body text here.")],
    ),
    (
        # an infobox section heading needs no blank line around it
        "infobox-casualty-heading",
        "Battle of the pass\n\nThe battle was fought in May over the mountain pass.\n"
        "Casualties and losses\nRebels: 45 killed\nArmy: 30 killed",
        [
            (BlockKind.TITLE, "Battle of the pass"),
            (BlockKind.PARAGRAPH, "The battle was fought in May over the mountain pass."),
            (BlockKind.HEADING, "Casualties and losses"),
            (BlockKind.FIELD, "Rebels: 45 killed"),
            (BlockKind.FIELD, "Army: 30 killed"),
        ],
    ),
    (
        "tab-separated-field",
        "Casualties\t40 killed, 12 wounded",
        [(BlockKind.FIELD, "Casualties\t40 killed, 12 wounded")],
    ),
    (
        "plural-toll-label",
        "- Previous tolls from the governor: 45 (Monday), 80 (Tuesday)",
        [(BlockKind.FIELD, "Previous tolls from the governor: 45 (Monday), 80 (Tuesday)")],
    ),
    (
        # a people word as label counts without a casualty heading
        "people-label",
        "Police officers: 3 wounded",
        [(BlockKind.FIELD, "Police officers: 3 wounded")],
    ),
    (
        # other labels need one
        "update-label-is-no-group",
        "Update: 5 killed on the highway",
        [(BlockKind.TITLE, "Update: 5 killed on the highway")],
    ),
    (
        "bold-heading",
        "Intro paragraph that is long enough to be one.\n\n**Casualties**\n\nTen died.",
        [
            (BlockKind.PARAGRAPH, "Intro paragraph that is long enough to be one."),
            (BlockKind.HEADING, "Casualties"),
            (BlockKind.PARAGRAPH, "Ten died."),
        ],
    ),
    (
        "numbered-capitals-line-is-a-heading",
        "WORLD BRIEFING\n\n1. PERU\nFlood kills 30\n\nThirty people died.\n\n2. CHILE\nText.",
        [
            (BlockKind.TITLE, "WORLD BRIEFING"),
            (BlockKind.HEADING, "PERU"),
            (BlockKind.HEADING, "Flood kills 30"),
            (BlockKind.PARAGRAPH, "Thirty people died."),
            (BlockKind.HEADING, "CHILE"),
            (BlockKind.PARAGRAPH, "Text."),
        ],
    ),
    (
        "numbered-list-stays-a-list",
        "Intro paragraph that is long enough to be one.\n\n1. NATO\n2. UN\n",
        [
            (BlockKind.PARAGRAPH, "Intro paragraph that is long enough to be one."),
            (BlockKind.LIST_ITEM, "NATO"),
            (BlockKind.LIST_ITEM, "UN"),
        ],
    ),
    (
        "indented-line-continues-a-field",
        "Deaths\t40 soldiers\n\t12 police officers\nInjured\t80\n",
        [
            (BlockKind.FIELD, "Deaths\t40 soldiers"),
            (BlockKind.FIELD, "12 police officers"),
            (BlockKind.FIELD, "Injured\t80"),
        ],
    ),
    (
        "numbered-headline-in-capitals-heads-a-story",
        "WORLD BRIEFING\n\n1. PERU: FLOODS KILL 30 AS RIVERS BURST THEIR BANKS\n\n"
        "Rescuers said 30 people died.",
        [
            (BlockKind.TITLE, "WORLD BRIEFING"),
            (BlockKind.HEADING, "PERU: FLOODS KILL 30 AS RIVERS BURST THEIR BANKS"),
            (BlockKind.PARAGRAPH, "Rescuers said 30 people died."),
        ],
    ),
    (
        "front-matter-summary-is-a-paragraph",
        "---\ntitle: Storm report\nsummary: >\n  The storm killed 9 people\n  on the coast.\n"
        "---\n\nBody text.",
        [
            (BlockKind.TITLE, "Storm report"),
            (BlockKind.PARAGRAPH, "The storm killed 9 people\n  on the coast."),
            (BlockKind.PARAGRAPH, "Body text."),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in BLOCKS], ids=[i for i, _, _ in BLOCKS]
)
def test_blocks(text: str, expected: list[tuple[BlockKind, str]]) -> None:
    assert kinds(text) == expected


def test_front_matter_date_is_the_reference_date() -> None:
    doc = doc_of("---\ntitle: x\ndate: 2023-05-14\n---\nBody.")
    assert str(doc.reference_date) == "2023-05-14"


def test_sections_point_at_their_heading() -> None:
    text = "Title line\n\nFirst version\n\nTen died.\n\nSecond version\n\nFive died."
    doc = doc_of(text)
    headings = [
        text[doc.blocks[b.section].start : doc.blocks[b.section].end]
        for b in doc.blocks
        if b.kind is BlockKind.PARAGRAPH
    ]
    assert headings == ["First version", "Second version"]


def test_table_cells_are_fields_labelled_by_their_column() -> None:
    text = "| Side | Killed | Wounded |\n|---|---|---|\n| Army | 12 | 40 |\n"
    doc = doc_of(text)
    fields = [b for b in doc.blocks if b.kind is BlockKind.FIELD]
    assert [(text[b.start : b.end], text[b.label_start : b.label_end]) for b in fields] == [
        ("12", "Killed"),
        ("40", "Wounded"),
    ]
    assert {text[b.group_start : b.group_end] for b in fields} == {"Army"}


def test_continued_field_line_keeps_the_label() -> None:
    text = "Deaths\t40 soldiers\n\t12 police officers\n"
    doc = doc_of(text)
    fields = [b for b in doc.blocks if b.kind is BlockKind.FIELD]
    starts = [b.label_start if b.label_start >= 0 else b.start for b in fields]
    labels = [text[start : b.label_end].strip() for start, b in zip(starts, fields, strict=True)]
    assert labels == ["Deaths", "Deaths"]


def test_table_rows_by_date_name_no_victims_and_give_their_source() -> None:
    text = "| Date | Dead | Source |\n|---|---|---|\n| 3 May | 40 | police |\n"
    doc = doc_of(text)
    (field,) = [b for b in doc.blocks if b.kind is BlockKind.FIELD]
    assert field.group_start == -1
    assert text[field.source_start : field.source_end] == "police"


def test_bold_label_of_a_list_item_is_kept() -> None:
    text = "- **Missing:** 14 fishermen\n"
    doc = doc_of(text)
    (item,) = doc.blocks
    assert item.kind is BlockKind.LIST_ITEM
    assert text[item.label_start : item.label_end] == "**Missing:**"


def test_statement_title_names_its_author() -> None:
    text = "Flood relief: Harbor Aid statement on the floods\n\nWe counted 14 deaths. Our staff..."
    doc = doc_of(text)
    assert doc.author is not None
    assert text[doc.author[0] : doc.author[1]] == "Harbor Aid"


def test_kind_of_statement_is_no_author() -> None:
    doc = doc_of(
        "Joint statement by Harbor Aid on the floods\n\nWe counted 14 deaths. Our staff..."
    )
    assert doc.author is not None
    assert doc.text[doc.author[0] : doc.author[1]] == "Harbor Aid"


def test_statement_title_without_first_person_names_no_author() -> None:
    doc = doc_of("Police statement on the floods\n\nThe police counted 14 deaths.")
    assert doc.author is None


def test_name_over_a_press_release_line_is_the_author_as_the_body_writes_it() -> None:
    text = (
        "HARBOUR RESCUE SERVICE\nPRESS RELEASE - FOR IMMEDIATE DISTRIBUTION\n\n"
        "The Harbour Rescue Service gives this update. We found 12 bodies; our divers go on."
    )
    doc = doc_of(text)
    assert doc.author is not None
    assert text[doc.author[0] : doc.author[1]] == "Harbour Rescue Service"


def test_name_over_a_press_release_line_without_first_person_is_no_author() -> None:
    doc = doc_of("HARBOUR RESCUE SERVICE\nPRESS RELEASE\n\nRescuers found 12 bodies.")
    assert doc.author is None


TRANSCRIPT = (
    "Radio hour, episode 9\n\n"
    "DANA REED (host): How many died?\n\n"
    "AMINA YUSUF: We counted 27 bodies.\n\n"
    "REED: And the injured?\n\n"
    "YUSUF: At least 40.\n"
)


def test_transcript_turns_keep_the_speaker_apart() -> None:
    doc = doc_of(TRANSCRIPT)
    turns = [
        (
            TRANSCRIPT[b.start : b.end],
            TRANSCRIPT[b.speaker_start : b.speaker_end] if b.speaker_start >= 0 else None,
        )
        for b in doc.blocks
        if b.kind is BlockKind.PARAGRAPH
    ]
    assert turns == [
        ("How many died?", None),  # the host claims nothing
        ("We counted 27 bodies.", "AMINA YUSUF"),
        ("And the injured?", None),
        ("At least 40.", "AMINA YUSUF"),  # the surname alone is the full name
    ]


def test_labelled_sections_are_no_transcript() -> None:
    text = (
        "WHAT WE KNOW: 12 died.\n\nWHAT WE KNOW: 14 died.\n\nPOLICE: 15 died.\n\n"
        "Q: How many?\n\nA: Fifteen.\n\nQ: Sure?\n\nA: Yes."
    )
    doc = doc_of(text)
    assert all(b.speaker_start < 0 for b in doc.blocks)


def test_two_labelled_lines_are_no_transcript() -> None:
    text = "CLAIM: 500 died.\n\nRATING: False. NOTE: The toll was 37."
    doc = doc_of(text)
    assert all(b.speaker_start < 0 for b in doc.blocks)


GROUP_LABELS: list[tuple[str, str, list[str]]] = [
    (
        "under-casualty-heading",
        "Casualties and losses\nRebels: 45 killed, 12 captured (army claim)\nArmy: 30 killed",
        ["Rebels", "Army"],
    ),
    ("people-word", "Civilians: 200+ dead (ministry)", ["Civilians"]),
    ("casualty-label-names-no-group", "Deaths: 40 (police)", [""]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, e) for _, t, e in GROUP_LABELS],
    ids=[i for i, _, _ in GROUP_LABELS],
)
def test_infobox_label_names_the_victims(text: str, expected: list[str]) -> None:
    doc = doc_of(text)
    fields = [b for b in doc.blocks if b.kind is BlockKind.FIELD]
    assert [text[b.group_start : b.group_end] if b.group_start >= 0 else "" for b in fields] == (
        expected
    )


QUOTES: list[tuple[str, str, list[str]]] = [
    ("curly", "He said “ten died” today.", ["“ten died”"]),
    ("straight", 'He said "ten died" today.', ['"ten died"']),
    ("guillemets", "Il a dit «dix morts» hier.", ["«dix morts»"]),
    ("double-prime", "The ″volunteers″ died.", ["″volunteers″"]),
    (
        "mixed-straight-and-prime",
        'It was ″unprovoked" and ″planned″.',
        ['″unprovoked"', "″planned″"],
    ),
    ("unclosed", "He said “ten died.", []),
    (
        "across-sentences",
        "He said: “We met them. Ten died.” Then he left.",
        ["“We met them. Ten died.”"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in QUOTES], ids=[i for i, _, _ in QUOTES]
)
def test_quotes(text: str, expected: list[str]) -> None:
    doc = doc_of(text)
    assert [text[a:b] for a, b in doc.quotes] == expected


def test_quote_at_finds_the_enclosing_quote() -> None:
    text = "He said “ten died” today."
    doc = doc_of(text)
    inside = text.index("ten")
    assert doc.quote_at(inside) == (text.index("“"), text.index("”") + 1)
    assert doc.quote_at(0) is None


def test_dateline_names_the_publisher() -> None:
    doc = doc_of("Headline here\n\nCAPITAL (WIRE NEWS) - Ten died on Monday.")
    assert doc.publisher == "WIRE NEWS"


def test_every_span_is_inside_the_text() -> None:
    text = "---\ntitle: a\n---\n# T\n\n> quoted\n- item\n| a | b |\nDeaths: 4\n\nPlain. Text!"
    doc = doc_of(text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
