"""Long texts extracted part by part, so memory stays bounded whatever their size.

A text longer than `PART_SIZE` characters is cut at paragraph breaks into parts
of about that size; each part is extracted on its own with the event date of
the whole text (inferred once, from the opening part, unless given) and its
figures' offsets are moved back into the whole text. Attribution does not cross
a cut, which costs little since cuts fall between paragraphs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

from tollbook.extract.figure import ExtractedFigure
from tollbook.extract.pipeline import extract, run

PART_SIZE = 1_000_000
# Where a part may end, best first: a blank line, a line break, a sentence end.
_BREAKS = ("\n\n", "\n", ". ")


def parts(text: str, size: int = PART_SIZE) -> Iterator[tuple[int, int]]:
    """Half-open `[start, end)` ranges covering the text, each about `size` long."""
    start = 0
    while len(text) - start > size:
        end = start + size
        for mark in _BREAKS:
            cut = text.rfind(mark, start + size // 2, end)
            if cut != -1:
                end = cut + len(mark)
                break
        yield start, end
        start = end
    if start < len(text) or not text:
        yield start, len(text)


def _moved(figure: ExtractedFigure, offset: int) -> ExtractedFigure:
    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + offset, span[1] + offset)

    return dataclasses.replace(
        figure,
        start=figure.start + offset,
        end=figure.end + offset,
        sentence_start=figure.sentence_start + offset,
        sentence_end=figure.sentence_end + offset,
        group_span=move(figure.group_span),
        claimant_span=move(figure.claimant_span),
    )


def extract_long(
    text: str, *, event_date: date | None = None, size: int = PART_SIZE
) -> list[ExtractedFigure]:
    """`extract`, with memory bounded by `size` rather than by the length of the text."""
    if len(text) <= size:
        return extract(text, event_date=event_date)
    ranges = list(parts(text, size))
    if event_date is None:
        first_start, first_end = ranges[0]
        event_date = run(text[first_start:first_end]).event_date
    figures: list[ExtractedFigure] = []
    for start, end in ranges:
        figures.extend(_moved(f, start) for f in extract(text[start:end], event_date=event_date))
    return figures
