"""Long texts are extracted part by part with the same figures and true offsets."""

from __future__ import annotations

import itertools

import pytest

from tollbook.extract import extract
from tollbook.extract.parts import extract_long, parts

PARAGRAPH = (
    "On 3 May 2021 the council met to discuss the harbour budget for the coming year.\n\n"
    "At least 12 people were killed and 30 wounded in the attack on the market, police said.\n\n"
)


@pytest.mark.parametrize("size", [50, 200, 1_000])
def test_parts_cover_the_text_exactly(size: int) -> None:
    text = PARAGRAPH * 20
    ranges = list(parts(text, size))
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(ranges))
    assert all(end - start <= size for start, end in ranges)


def test_parts_end_at_paragraph_breaks() -> None:
    text = PARAGRAPH * 20
    assert all(text[end - 2 : end] == "\n\n" for _, end in list(parts(text, 500))[:-1])


def test_long_text_gives_the_figures_of_its_parts_at_true_offsets() -> None:
    text = PARAGRAPH * 40
    whole = extract(text)
    split = extract_long(text, size=1_000)
    assert [(f.start, f.end, f.low, f.outcome) for f in split] == [
        (f.start, f.end, f.low, f.outcome) for f in whole
    ]
    assert all(text[f.start : f.end] == f.number for f in split)
    assert all(text[f.sentence_start : f.sentence_end].count(f.number) for f in split)


def test_short_text_is_extracted_whole() -> None:
    assert extract_long(PARAGRAPH) == extract(PARAGRAPH)
