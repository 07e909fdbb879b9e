"""Files, folders and manifests -> sources and figures, one transaction per source.

A load is planned first (every path and data file checked, nothing written), then
the data tables (events, actors, groups) are stored in one transaction, then each
text in a transaction of its own: its source row, then every figure extraction
finds in it. A text whose bytes are already stored is left alone, so loading the
same files twice, or one text under two names, changes nothing.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.context
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from tollbook.actors import ActorResolver, ActorTable
from tollbook.bulk import insert_rows
from tollbook.db import IdReserve, analyze, insert_ignoring_conflicts, one_line, writing
from tollbook.errors import DatabaseError, InputError, ManifestError
from tollbook.extract.figure import ExtractedFigure
from tollbook.groups import Taxonomy, reclassify, store_taxonomy
from tollbook.manifest import DataFile, SourceMeta, read_data_file
from tollbook.models import Claim, ClaimRelay, Event, Figure, Source
from tollbook.reading import TEXT_SUFFIXES, Document, first_line_title, read_document
from tollbook.schemas import EventEntry, LoadedSource, LoadSummary

# No count of people reaches this; a larger "figure" is a misreading, not a claim.
MAX_COUNT = 10**12
_SKIPPED_NAMES = re.compile(r"^(readme|changelog|license|licence)(\..*)?$", re.I)

CLAIMS = cast(Table, Claim.__table__)
RELAYS = cast(Table, ClaimRelay.__table__)
FIGURES = cast(Table, Figure.__table__)

Extractor = Callable[[str, dt.date | None], Sequence[ExtractedFigure]]
Progress = Callable[[LoadedSource], None]


def default_extractor(text: str, event_date: dt.date | None) -> Sequence[ExtractedFigure]:
    from tollbook.extract.parts import extract_long

    return extract_long(text, event_date=event_date)


@dataclass(frozen=True)
class Job:
    """One text to load, with its manifest entry when a manifest names it."""

    path: Path
    entry: SourceMeta | None = None


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    data_files: list[DataFile] = field(default_factory=list)

    @property
    def events(self) -> list[EventEntry]:
        return [event for data in self.data_files for event in data.events]


def _text_files(folder: Path) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in TEXT_SUFFIXES and not _SKIPPED_NAMES.match(path.name):
            yield path


def plan_load(paths: Sequence[Path]) -> Plan:
    """Check every path and read every data file; raise before anything is written.

    A folder holding TOML data files loads what its manifest lists; a folder without
    a manifest loads every text file (`.txt`, `.md`) under it.
    """
    plan = Plan()
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            data_files = [read_data_file(p) for p in sorted(path.glob("*.toml"))]
            plan.data_files.extend(data_files)
            listed = [s for data in data_files for s in data.sources]
            if listed:
                plan.jobs.extend(Job(s.path, s.entry) for s in listed)
            else:
                plan.jobs.extend(Job(p) for p in _text_files(path))
        elif path.suffix.lower() == ".toml":
            data = read_data_file(path)
            plan.data_files.append(data)
            plan.jobs.extend(Job(s.path, s.entry) for s in data.sources)
        else:
            plan.jobs.append(Job(path))
    # A file named twice loads once, with its manifest entry if any names it.
    by_path: dict[Path, Job] = {}
    for job in plan.jobs:
        key = job.path if job.entry is not None else job.path.resolve()  # manifests resolve
        if key not in by_path or (by_path[key].entry is None and job.entry is not None):
            by_path[key] = job
    plan.jobs = list(by_path.values())
    return plan


@dataclass
class LoadContext:
    """What every source of one load shares: the event table and the resolvers."""

    events: dict[str, tuple[int, dt.date | None]]
    actors: ActorTable
    taxonomy: Taxonomy
    claim_ids: IdReserve = field(default_factory=lambda: IdReserve(CLAIMS))


def apply_data_files(session: Session, plan: Plan) -> LoadContext:
    """Store the plan's events, actors and groups in one transaction."""
    with session.begin():
        known = set(session.scalars(select(Event.key))) | {e.key for e in plan.events}
    for job in plan.jobs:
        if job.entry and job.entry.event and job.entry.event not in known:
            raise ManifestError(
                f"{job.path}: names event {job.entry.event!r}, which no [[events]] entry defines"
            )
    with writing(session):
        for event in plan.events:
            _store_event(session, event)
        actor_table = ActorTable.from_entries(
            (a for d in plan.data_files for a in d.actors),
            {side: words for d in plan.data_files for side, words in d.sides.items()},
        )
        resolver = ActorResolver(session, actor_table)
        for entry in {e.name: e for e in actor_table.entries.values()}.values():
            resolver.ensure(entry)
        groups = [g for d in plan.data_files for g in d.groups]
        if groups and store_taxonomy(session, Taxonomy.from_entries(groups)):
            reclassify(session, Taxonomy.from_database(session))
        taxonomy = Taxonomy.from_database(session)
        events = {
            key: (event_id, date)
            for key, event_id, date in session.execute(select(Event.key, Event.id, Event.date))
        }
    return LoadContext(events=events, actors=actor_table, taxonomy=taxonomy)


def _store_event(session: Session, event: EventEntry) -> None:
    values = {"name": event.name, "date": event.date, "place": event.place}
    session.execute(insert_ignoring_conflicts(Event, session).values(key=event.key, **values))
    session.execute(update(Event).where(Event.key == event.key).values(**values))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.casefold()).strip("-._")
    return (slug or "source")[:120]


def source_values(job: Job, document: Document, context: LoadContext) -> dict[str, Any]:
    """The source row for a text: manifest metadata, else what the file itself gives."""
    entry = job.entry or SourceMeta(file=job.path.name)
    event = context.events.get(entry.event) if entry.event else None
    return {
        "key": entry.key or _slug(job.path.stem),
        "file_name": job.path.name,
        "title": entry.title or first_line_title(document.text),
        "publisher": entry.publisher,
        "author": entry.author,
        "published": entry.published,
        "url": entry.url,
        "kind": entry.kind,
        "language": entry.language,
        "event_id": event[0] if event else None,
    }


@dataclass(frozen=True)
class Prepared:
    """A text read, hashed and found new: what extraction and storage need."""

    job: Job
    document: Document
    values: dict[str, Any]
    event_date: dt.date | None


# Texts are hashed, then checked against the database, this many at a time.
PREPARE_BATCH = 64


def prepare(
    session: Session, jobs: Iterable[Job], context: LoadContext, *, encoding: str | None = None
) -> Iterator[Prepared | LoadedSource]:
    """Read texts and decide their fate: a LoadedSource for a text already stored (its
    metadata brought up to date) or unreadable, else what it takes to store it.

    Texts are read in small batches and looked up with one query per batch.
    """
    batch: list[tuple[Job, Document]] = []
    for job in jobs:
        try:
            encoding_here = (job.entry and job.entry.encoding) or encoding
            batch.append((job, read_document(job.path, encoding=encoding_here)))
        except InputError as exc:
            yield LoadedSource(path=str(job.path), status="failed", error=str(exc))
        if len(batch) == PREPARE_BATCH:
            yield from _decide(session, batch, context)
            batch = []
    yield from _decide(session, batch, context)


def _decide(
    session: Session, batch: list[tuple[Job, Document]], context: LoadContext
) -> Iterator[Prepared | LoadedSource]:
    if not batch:
        return
    hashes = [document.sha256 for _, document in batch]
    try:
        with session.begin():
            query = select(Source.sha256, Source.id, Source.key).where(Source.sha256.in_(hashes))
            known = {sha: (source_id, key) for sha, source_id, key in session.execute(query)}
    except OperationalError as exc:
        raise DatabaseError(f"cannot read the database: {one_line(exc)}") from None
    for job, document in batch:
        values = source_values(job, document, context)
        stored = known.get(document.sha256)
        if stored is not None:
            status = "unchanged"
            if job.entry is not None and _update_metadata(session, stored[0], values):
                status = "updated"
            yield LoadedSource(path=str(job.path), key=stored[1], status=status)
            continue
        event = context.events.get(job.entry.event) if job.entry and job.entry.event else None
        yield Prepared(job, document, values, event[1] if event else None)


def store(
    session: Session,
    prepared: Prepared,
    figures: Sequence[ExtractedFigure],
    context: LoadContext,
    resolver: ActorResolver,
) -> LoadedSource:
    """Store one text and its figures in one transaction; all or nothing."""
    path = str(prepared.job.path)
    document = prepared.document
    try:
        with writing(session):
            inserted = _insert_source(session, document, prepared.values)
            if inserted is None:  # another loader stored the same bytes meanwhile
                key = session.scalar(select(Source.key).where(Source.sha256 == document.sha256))
                return LoadedSource(path=path, key=key, status="unchanged")
            source_id, key = inserted
            stored = store_figures(
                session,
                source_id,
                figures,
                resolver=resolver,
                taxonomy=context.taxonomy,
                claim_ids=context.claim_ids,
                event_id=prepared.values["event_id"],
                published=prepared.values["published"],
            )
        return LoadedSource(path=path, key=key, status="new", figures=stored)
    except InputError as exc:
        resolver.forget()  # actors created in the rolled-back transaction are gone
        return LoadedSource(path=path, status="failed", error=str(exc))
    except OperationalError as exc:
        resolver.forget()
        if "readonly" in str(exc.orig):
            raise DatabaseError("the database is read-only; nothing was written") from None
        raise DatabaseError(f"cannot write {path} to the database: {one_line(exc)}") from None
    except SQLAlchemyError as exc:
        resolver.forget()
        # A row the schema refuses is this text's problem; the batch goes on.
        error = f"{path}: the database refused it: {one_line(exc)}"
        return LoadedSource(path=path, status="failed", error=error)


def load_plan(
    session: Session,
    plan: Plan,
    *,
    encoding: str | None = None,
    extractor: Extractor = default_extractor,
    on_progress: Progress | None = None,
    jobs: int = 1,
) -> LoadSummary:
    """Load a checked plan: data tables first, then each text in its own transaction.

    With `jobs` > 1, texts are extracted in that many worker processes while this
    process writes; at most a few texts per worker are in flight, so memory stays
    flat however many texts there are. The extractor must then be picklable.
    """
    context = apply_data_files(session, plan)
    resolver = ActorResolver(session, context.actors)
    summary = LoadSummary()

    def finish(loaded: LoadedSource) -> None:
        summary.add(loaded)
        if on_progress is not None:
            on_progress(loaded)

    prepared = prepare(session, plan.jobs, context, encoding=encoding)
    if jobs <= 1:
        for item in prepared:
            if isinstance(item, LoadedSource):
                finish(item)
            else:
                figures = extractor(item.document.text, item.event_date)
                finish(store(session, item, figures, context, resolver))
    else:
        _extract_in_parallel(session, prepared, extractor, jobs, context, resolver, finish)
    if summary.count("new"):
        with writing(session):
            analyze(session)  # the planner should know how big the tables now are
    return summary


def _extract_in_parallel(
    session: Session,
    prepared: Iterable[Prepared | LoadedSource],
    extractor: Extractor,
    jobs: int,
    context: LoadContext,
    resolver: ActorResolver,
    finish: Progress,
) -> None:
    """Extract in `jobs` worker processes while this process stores, in plan order."""
    in_flight: deque[tuple[Prepared, Future[Sequence[ExtractedFigure]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_spawn_safe_context()) as pool:

        def drain_one() -> None:
            item, future = in_flight.popleft()
            try:
                figures = future.result()
            except Exception as exc:  # a crash in extraction fails this text only
                error = f"{type(exc).__name__}: {exc}"
                finish(LoadedSource(path=str(item.job.path), status="failed", error=error))
                return
            finish(store(session, item, figures, context, resolver))

        for item in prepared:
            if isinstance(item, LoadedSource):
                finish(item)
                continue
            in_flight.append((item, pool.submit(extractor, item.document.text, item.event_date)))
            while len(in_flight) >= jobs * 4:
                drain_one()
        while in_flight:
            drain_one()


def _spawn_safe_context() -> multiprocessing.context.BaseContext:
    # Forking a process that holds database connections is unsafe; workers only
    # extract, so they start clean.
    return multiprocessing.get_context("spawn")


def load_paths(
    session: Session,
    paths: Sequence[Path | str],
    *,
    encoding: str | None = None,
    extractor: Extractor = default_extractor,
    on_progress: Progress | None = None,
    jobs: int = 1,
) -> LoadSummary:
    """Load files, folders and manifests into the database behind `session`."""
    plan = plan_load([Path(p) for p in paths])
    return load_plan(
        session, plan, encoding=encoding, extractor=extractor, on_progress=on_progress, jobs=jobs
    )


def _insert_source(
    session: Session, document: Document, values: dict[str, Any]
) -> tuple[int, str] | None:
    """Insert the source row, giving its id and key; None when its bytes are stored.

    A key already used by other bytes gets the text's hash appended, so two
    different files with one name both load.
    """
    connection = session.connection()
    for key in (values["key"], f"{values['key'][:111]}-{document.sha256[:8]}"):
        stmt = (
            insert_ignoring_conflicts(Source, session)
            .values(**{**values, "key": key}, sha256=document.sha256, text=document.text)
            .returning(Source.id, Source.key)
        )
        row = connection.execute(stmt).first()
        if row is not None:
            return int(row.id), str(row.key)
        stored = select(Source.id).where(Source.sha256 == document.sha256)
        if connection.execute(stored).first() is not None:
            return None  # the same bytes, stored by another loader meanwhile
    raise InputError(f"{values['key']}: no free source key for this text")


_METADATA = ("title", "publisher", "author", "published", "url", "kind", "language", "event_id")


def _update_metadata(session: Session, source_id: int, values: dict[str, Any]) -> bool:
    """Bring a stored source's metadata in line with its manifest entry; True if changed.

    Its figures' copies of the event and date follow.
    """
    with session.begin():
        source = session.get(Source, source_id)
        assert source is not None
        changes = {k: values[k] for k in _METADATA if getattr(source, k) != values[k]}
        if (
            values["key"] != source.key
            and session.scalar(select(Source.id).where(Source.key == values["key"])) is None
        ):
            changes["key"] = values["key"]
    if not changes:
        return False
    with writing(session):
        session.execute(update(Source).where(Source.id == source_id).values(**changes))
        if "event_id" in changes:
            session.execute(
                update(Figure)
                .where(Figure.source_id == source_id)
                .values(event_id=changes["event_id"])
            )
        if "published" in changes:
            claim_date = (
                select(Claim.claim_date).where(Claim.id == Figure.claim_id).scalar_subquery()
            )
            session.execute(
                update(Figure)
                .where(Figure.source_id == source_id)
                .values(dated=func.coalesce(claim_date, changes["published"]))
            )
    return True


def _claim_key(figure: ExtractedFigure) -> tuple[Any, ...]:
    return (
        figure.sentence_start,
        figure.sentence_end,
        figure.claimant,
        figure.via,
        figure.stance,
        figure.hedged,
        figure.claim_date,
    )


def _storable(figure: ExtractedFigure) -> bool:
    return all(v is None or 0 <= v <= MAX_COUNT for v in (figure.low, figure.high))


def store_figures(
    session: Session,
    source_id: int,
    figures: Sequence[ExtractedFigure],
    *,
    resolver: ActorResolver,
    taxonomy: Taxonomy,
    claim_ids: IdReserve | None = None,
    event_id: int | None = None,
    published: dt.date | None = None,
) -> int:
    """Store a source's figures: one claim per sentence, claimant and relay chain.

    Claim ids are reserved first, so claims, relays and figures each go in as one
    executemany of plain Core INSERTs: no statement per row, no RETURNING.
    """
    claims: dict[tuple[Any, ...], list[ExtractedFigure]] = {}
    for figure in figures:
        if _storable(figure):
            claims.setdefault(_claim_key(figure), []).append(figure)
    if not claims:
        return 0
    ids = (claim_ids or IdReserve(CLAIMS)).take(session, len(claims))
    claim_rows: list[tuple[Any, ...]] = []
    relay_rows: list[tuple[Any, ...]] = []
    figure_rows: list[tuple[Any, ...]] = []
    for claim_id, members in zip(ids, claims.values(), strict=True):
        first = members[0]
        claimant_id = resolver.resolve(first.claimant)
        claim_rows.append(
            (
                claim_id,
                source_id,
                claimant_id,
                first.claimant[:300] if first.claimant else None,
                first.stance,
                first.hedged,
                first.claim_date,
                first.sentence_start,
                first.sentence_end,
            )
        )
        for position, relay in enumerate(first.via, start=1):
            actor_id = resolver.resolve(relay)
            if actor_id is not None:
                relay_rows.append((claim_id, position, actor_id))
        dated = first.claim_date or published
        for figure in members:
            figure_rows.append(
                (
                    claim_id,
                    source_id,
                    event_id,
                    claimant_id,
                    first.stance,
                    first.hedged,
                    dated,
                    figure.outcome,
                    figure.low,
                    figure.high,
                    figure.qualifier,
                    figure.group[:300] if figure.group else None,
                    taxonomy.classify(figure.group),
                    figure.scope,
                    figure.subcount,
                    figure.start,
                    figure.end,
                    figure.number[:200],
                )
            )
    connection = session.connection()
    try:
        insert_rows(connection, CLAIMS, CLAIM_COLUMNS, claim_rows)
    except IntegrityError as exc:
        raise InputError(f"the database refused a claim in the text: {one_line(exc)}") from None
    insert_rows(connection, RELAYS, RELAY_COLUMNS, relay_rows)
    insert_rows(connection, FIGURES, FIGURE_COLUMNS, figure_rows)
    return len(figure_rows)


CLAIM_COLUMNS = (
    "id", "source_id", "claimant_id", "claimant_text", "stance", "hedged", "claim_date",
    "sentence_start", "sentence_end",
)  # fmt: skip
RELAY_COLUMNS = ("claim_id", "position", "actor_id")
FIGURE_COLUMNS = (
    "claim_id", "source_id", "event_id", "claimant_id", "stance", "hedged", "dated",
    "outcome", "low", "high", "qualifier", "group_text", "group_key", "scope", "subcount",
    "number_start", "number_end", "number_text",
)  # fmt: skip
