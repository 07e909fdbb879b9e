"""Pydantic records for what comes into tollbook (manifest entries) and what goes out
(the rows every command prints and exports)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tollbook.extract.figure import ExtractedFigure
from tollbook.vocab import ActorKind, Outcome, Qualifier, Scope, SourceKind, Stance

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")


class Entry(BaseModel):
    """Something read from a data file: unknown fields are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _check_slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(
            "must be a slug: lower-case letters, digits, '.', '_' or '-', at most 120 characters"
        )
    return value


class EventEntry(Entry):
    key: str
    name: str
    date: dt.date | None = None
    place: str | None = None

    _slug = field_validator("key")(_check_slug)


class SourceEntry(Entry):
    """One `[[sources]]` entry of a manifest: the metadata a user knows about a file."""

    file: str
    key: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    kind: SourceKind | None = None
    language: str | None = None
    event: str | None = None
    encoding: str | None = None

    @field_validator("key")
    @classmethod
    def _key_is_slug(cls, value: str | None) -> str | None:
        return None if value is None else _check_slug(value)


class Record(BaseModel):
    """A row tollbook prints: field order is column order."""

    model_config = ConfigDict(from_attributes=True)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """A record of values read from the database, which already holds them valid.

        `model_construct` without its per-field bookkeeping: questions over a million
        figures build records by the hundred thousand. Every field must be given.
        """
        record = cls.__new__(cls)
        object.__setattr__(record, "__dict__", values)
        object.__setattr__(record, "__pydantic_fields_set__", set(values))
        object.__setattr__(record, "__pydantic_extra__", None)
        object.__setattr__(record, "__pydantic_private__", None)
        return record


class EventRecord(Record):
    key: str
    name: str
    date: dt.date | None
    place: str | None
    sources: int = 0


class SourceRecord(Record):
    key: str
    title: str | None
    publisher: str | None
    author: str | None
    published: dt.date | None
    url: str | None
    kind: SourceKind | None
    language: str | None
    event: str | None
    file_name: str | None
    sha256: str
    characters: int
    claims: int = 0
    figures: int = 0


class ActorRecord(Record):
    name: str
    kind: ActorKind
    side: str | None
    aliases: list[str] = Field(default_factory=list)
    claims: int = 0
    relays: int = 0


class ExtractedFigureRecord(Record):
    """One figure as `tollbook extract` prints it, traceable by offsets into `doc`."""

    doc: str
    start: int
    end: int
    number: str
    outcome: Outcome
    low: int | None
    high: int | None
    qualifier: Qualifier
    group: str | None
    claimant: str | None
    via: list[str]
    scope: Scope
    stance: Stance
    hedged: bool
    sentence_start: int
    sentence_end: int
    claim_date: dt.date | None = None
    sentence: str | None = None

    @classmethod
    def of(cls, doc: str, text: str, figure: ExtractedFigure) -> ExtractedFigureRecord:
        """The record of one extracted figure of the text `text` of file `doc`."""
        return cls(
            doc=doc,
            start=figure.start,
            end=figure.end,
            number=figure.number,
            outcome=figure.outcome,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            group=figure.group,
            claimant=figure.claimant,
            via=list(figure.via),
            scope=figure.scope,
            stance=figure.stance,
            hedged=figure.hedged,
            sentence_start=figure.sentence_start,
            sentence_end=figure.sentence_end,
            claim_date=figure.claim_date,
            sentence=" ".join(text[figure.sentence_start : figure.sentence_end].split()),
        )


class LoadedSource(Record):
    """What happened to one path during a load."""

    path: str
    key: str | None = None
    status: str  # "new", "unchanged", "updated" or "failed"
    figures: int = 0
    error: str | None = None


class LoadSummary(Record):
    """Counts of what a load did, and the texts that failed.

    It keeps counts, not a row per text, so a load of any size holds it in
    constant memory; each text's outcome goes to the load's progress callback.
    """

    counts: dict[str, int] = Field(default_factory=dict)
    figures: int = 0
    failed: list[LoadedSource] = Field(default_factory=list)

    def add(self, loaded: LoadedSource) -> None:
        self.counts[loaded.status] = self.counts.get(loaded.status, 0) + 1
        if loaded.status == "new":
            self.figures += loaded.figures
        elif loaded.status == "failed":
            self.failed.append(loaded)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        parts = [f"{self.count('new')} new", f"{self.count('unchanged')} unchanged"]
        if self.count("updated"):
            parts.append(f"{self.count('updated')} updated")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        noun = "source" if self.total == 1 else "sources"
        return f"{self.total} {noun}: {', '.join(parts)}; {self.figures} figures stored"


class TollRecord(Record):
    """One original claim: a claimant's figure for a group, with every document carrying it."""

    event: str | None
    outcome: Outcome
    group: str
    group_text: str | None
    claimant: str
    claimant_kind: ActorKind | None
    claimant_side: str | None
    figure: str
    interval: str
    low: int | None
    high: int | None
    qualifier: Qualifier
    part: bool
    stance: Stance
    hedged: bool
    documents: int
    carried_by: list[str]
    earliest: dt.date | None
    independent: int


class DisagreementRecord(Record):
    """One claim's place in a disagreement: claims at one position share a possible count;
    claims at different positions cannot all be true."""

    event: str | None
    outcome: Outcome
    group: str
    kind: str  # "between claimants", "self-contradiction", "subgroup exceeds group"
    spread: float | None
    position: int
    claimant: str
    claimant_side: str | None
    figure: str
    interval: str
    claim_group: str
    carried_by: list[str]


class ClaimRecord(Record):
    """One figure as one document states it, with its sentence, for auditing."""

    source: str
    event: str | None
    number: str
    outcome: Outcome
    interval: str
    low: int | None
    high: int | None
    qualifier: Qualifier
    group_text: str | None
    group: str
    part: bool
    claimant: str | None
    claimant_text: str | None
    via: list[str]
    scope: Scope
    stance: Stance
    hedged: bool
    claim_date: dt.date | None
    start: int
    end: int
    sentence: str
