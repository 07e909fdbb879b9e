"""What the extraction pipeline hands to the rest of tollbook: one record per figure.

Every offset is a half-open ``[start, end)`` pair of character offsets into the
exact text given to :func:`tollbook.extract.extract` (decoded, nothing removed),
so ``text[f.start:f.end] == f.number`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tollbook.vocab import Outcome, Qualifier, Scope, Stance


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    start: int
    end: int
    number: str
    outcome: Outcome
    low: int | None
    high: int | None
    qualifier: Qualifier
    group: str | None
    claimant: str | None
    via: tuple[str, ...]
    scope: Scope
    stance: Stance
    hedged: bool
    sentence_start: int
    sentence_end: int
    claim_date: date | None = None
    group_span: tuple[int, int] | None = None
    claimant_span: tuple[int, int] | None = None
    # A part of a total the text also gives ("68 killed, including 45 in airstrikes";
    # "the remaining 23"): a lower bound on the group's toll, not a rival toll.
    subcount: bool = False
