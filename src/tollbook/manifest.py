"""Reading tollbook's TOML data files: the sources manifest and the actor and group tables.

One reader serves them all: a file may hold `[[events]]`, `[[sources]]`, `[[actors]]`,
`[sides]` and `[[groups]]`, and `data/` splits them into sources.toml, actors.toml
and groups.toml only for readability.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, TypeAdapter, ValidationError, field_validator

from tollbook.errors import ManifestError
from tollbook.schemas import Entry, EventEntry, SourceEntry, _check_slug
from tollbook.vocab import ActorKind, SourceKind


class ActorEntry(Entry):
    """A known actor with the other ways texts write its name."""

    name: str
    kind: ActorKind = ActorKind.OTHER
    side: str | None = None
    description: str | None = None
    aliases: list[str] = Field(default_factory=list)


class GroupEntry(Entry):
    """A victim group of the taxonomy: matched by phrases, nested under a parent."""

    key: str
    label: str | None = None
    parent: str | None = None
    phrases: list[str] = Field(default_factory=list)

    _slug = field_validator("key", "parent")(
        lambda value: None if value is None else _check_slug(value)
    )


class DataFileModel(Entry):
    """A data file without its sources, which are read one entry at a time."""

    events: list[EventEntry] = Field(default_factory=list)
    actors: list[ActorEntry] = Field(default_factory=list)
    sides: dict[str, list[str]] = Field(default_factory=dict)
    groups: list[GroupEntry] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """A checked `[[sources]]` entry, kept small: a manifest may list a whole archive,
    and the load holds every entry until its text is stored."""

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

    @classmethod
    def of(cls, entry: SourceEntry, shared: dict[str, str]) -> SourceMeta:
        """The entry's values; strings that recur across entries (publisher, kind,
        event...) are kept once."""
        values: dict[str, Any] = {
            name: shared.setdefault(value, value) if name in _RECURRING else value
            for name, value in entry
            if value is not None
        }
        return cls(**values)


# SourceMeta fields whose strings most entries of a manifest share.
_RECURRING = frozenset(["publisher", "author", "language", "event", "encoding"])


@dataclass(frozen=True, slots=True)
class ManifestSource:
    """A manifest entry with its file resolved against the manifest's folder."""

    path: Path
    entry: SourceMeta


@dataclass
class DataFile:
    path: Path
    events: list[EventEntry] = field(default_factory=list)
    sources: list[ManifestSource] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)
    sides: dict[str, list[str]] = field(default_factory=dict)
    groups: list[GroupEntry] = field(default_factory=list)


def _describe(error: ValidationError, within: tuple[str | int, ...] = ()) -> str:
    """The first problem as `where: what`, `where` like `sources[3].published`."""
    first = error.errors()[0]
    parts: list[str] = []
    for item in (*within, *first["loc"]):
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item + 1}]"
        else:
            parts.append(str(item))
    where = ".".join(parts) or "file"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field"
    more = len(error.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where}: {message}{tail}"


def _duplicates(values: Iterable[str | None]) -> list[str]:
    counts = Counter(v for v in values if v is not None)
    return sorted(v for v, n in counts.items() if n > 1)


SourceList = TypeAdapter(list[SourceEntry])


def _source_entries(path: Path, raw: list[object]) -> list[SourceMeta]:
    """Check the `[[sources]]` entries one at a time, each raw entry let go once read,
    so a manifest of a hundred thousand texts never holds two copies of itself."""
    shared: dict[str, str] = {}
    entries: list[SourceMeta] = []
    for index in range(len(raw)):
        item, raw[index] = raw[index], None
        try:
            entries.append(SourceMeta.of(SourceEntry.model_validate(item), shared))
        except ValidationError as exc:
            raise ManifestError(f"{path}: {_describe(exc, ('sources', index))}") from None
    return entries


def read_data_file(path: Path) -> DataFile:
    """Parse and validate one TOML data file; every problem is one ManifestError line."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path}: no such file") from None
    except PermissionError:
        raise ManifestError(f"{path}: permission denied") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: a TOML file must be UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: TOML syntax error: {exc}") from None
    raw_sources = raw.pop("sources", [])
    try:
        model = DataFileModel.model_validate(raw)
    except ValidationError as exc:
        raise ManifestError(f"{path}: {_describe(exc)}") from None
    if not isinstance(raw_sources, list):
        try:
            SourceList.validate_python(raw_sources)  # says what is wrong with it
        except ValidationError as exc:
            raise ManifestError(f"{path}: {_describe(exc, ('sources',))}") from None
    entries = _source_entries(path, raw_sources)

    for label, values in (
        ("event key", [e.key for e in model.events]),
        ("source key", [s.key for s in entries]),
        ("source file", [s.file for s in entries]),
        ("actor name", [a.name for a in model.actors]),
        ("group key", [g.key for g in model.groups]),
    ):
        if dupes := _duplicates(values):
            raise ManifestError(f"{path}: duplicate {label} {dupes[0]!r}")

    base = path.parent
    sources: list[ManifestSource] = []
    for number, entry in enumerate(entries, start=1):
        file_path = (base / entry.file).resolve()
        if not file_path.is_file():
            raise ManifestError(
                f"{path}: sources[{number}] points at {entry.file!r}, which is not a file"
            )
        sources.append(ManifestSource(path=file_path, entry=entry))

    return DataFile(
        path=path,
        events=model.events,
        sources=sources,
        actors=model.actors,
        sides=model.sides,
        groups=model.groups,
    )


def event_dates(folder: Path) -> dict[str, dt.date]:
    """File name -> event date, for the texts of `folder` that a manifest beside or
    above it places in a dated event."""
    dates: dict[str, dt.date] = {}
    target = folder.resolve()
    for base in (folder, folder.parent):
        for path in sorted(base.glob("*.toml")):
            data = read_data_file(path)
            when = {e.key: e.date for e in data.events if e.date is not None}
            for source in data.sources:
                if source.path.parent == target and source.entry.event in when:
                    dates[source.path.name] = when[source.entry.event]
    return dates
