"""What the database holds: sources, events and actors, with their counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tollbook.errors import NotFoundError
from tollbook.models import Actor, ActorAlias, Claim, ClaimRelay, Event, Figure, Source
from tollbook.schemas import ActorRecord, EventRecord, SourceRecord


def find_source(session: Session, key: str) -> Source:
    """A source by its key, or by a unique prefix of its key or sha256."""
    source = session.scalar(select(Source).where(Source.key == key))
    if source is not None:
        return source
    matches = session.scalars(
        select(Source)
        .where((Source.key.startswith(key, autoescape=True)) | (Source.sha256.startswith(key)))
        .limit(2)
    ).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFoundError(f"source {key!r} is ambiguous; give more of its key")
    raise NotFoundError(f"no source {key!r}; `tollbook sources` lists them")


def find_event(session: Session, key: str) -> Event:
    event = session.scalar(select(Event).where(Event.key == key))
    if event is None:
        raise NotFoundError(f"no event {key!r}; `tollbook events` lists them")
    return event


def list_sources(session: Session, *, event: str | None = None) -> Iterator[SourceRecord]:
    claims = select(Claim.source_id, func.count().label("n")).group_by(Claim.source_id).subquery()
    figures = (
        select(Claim.source_id, func.count(Figure.id).label("n"))
        .join(Figure, Figure.claim_id == Claim.id)
        .group_by(Claim.source_id)
        .subquery()
    )
    query = (
        select(
            Source,
            Event.key,
            func.length(Source.text),
            func.coalesce(claims.c.n, 0),
            func.coalesce(figures.c.n, 0),
        )
        .outerjoin(Event, Source.event_id == Event.id)
        .outerjoin(claims, claims.c.source_id == Source.id)
        .outerjoin(figures, figures.c.source_id == Source.id)
        .order_by(Source.published.is_(None), Source.published, Source.key)
    )
    if event is not None:
        query = query.where(Source.event_id == find_event(session, event).id)
    for source, event_key, characters, n_claims, n_figures in session.execute(query):
        yield SourceRecord(
            key=source.key,
            title=source.title,
            publisher=source.publisher,
            author=source.author,
            published=source.published,
            url=source.url,
            kind=source.kind,
            language=source.language,
            event=event_key,
            file_name=source.file_name,
            sha256=source.sha256,
            characters=characters,
            claims=n_claims,
            figures=n_figures,
        )


def list_events(session: Session) -> Iterator[EventRecord]:
    counts = select(Source.event_id, func.count().label("n")).group_by(Source.event_id).subquery()
    query = (
        select(Event, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.event_id == Event.id)
        .order_by(Event.date, Event.key)
    )
    for event, n_sources in session.execute(query):
        yield EventRecord(
            key=event.key, name=event.name, date=event.date, place=event.place, sources=n_sources
        )


def list_actors(session: Session, *, kind: str | None = None) -> Iterator[ActorRecord]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, alias in session.execute(
        select(ActorAlias.actor_id, ActorAlias.alias).order_by(ActorAlias.alias)
    ):
        aliases[actor_id].append(alias)
    claims = (
        select(Claim.claimant_id, func.count().label("n")).group_by(Claim.claimant_id).subquery()
    )
    relays = (
        select(ClaimRelay.actor_id, func.count().label("n"))
        .group_by(ClaimRelay.actor_id)
        .subquery()
    )
    query = (
        select(Actor, func.coalesce(claims.c.n, 0), func.coalesce(relays.c.n, 0))
        .outerjoin(claims, claims.c.claimant_id == Actor.id)
        .outerjoin(relays, relays.c.actor_id == Actor.id)
        .order_by(Actor.name)
    )
    if kind is not None:
        query = query.where(Actor.kind == kind)
    for actor, n_claims, n_relays in session.execute(query):
        yield ActorRecord(
            name=actor.name,
            kind=actor.kind,
            side=actor.side,
            aliases=aliases.get(actor.id, []),
            claims=n_claims,
            relays=n_relays,
        )
