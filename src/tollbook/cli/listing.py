"""Commands that list what the database holds: sources, events, actors."""

from __future__ import annotations

from typing import Annotated

import typer

from tollbook import catalog, db
from tollbook.cli.app import app, state
from tollbook.cli.output import FormatOption, emit
from tollbook.schemas import ActorRecord, EventRecord, SourceRecord
from tollbook.vocab import ActorKind


@app.command()
def sources(
    ctx: typer.Context,
    event: Annotated[str | None, typer.Option(help="Only sources about this event (key).")] = None,
    fmt: FormatOption = "table",
) -> None:
    """List the loaded sources with their metadata and figure counts.

    Example: tollbook sources --format json
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        rows = catalog.list_sources(session, event=event)
        columns = None
        if fmt == "table":
            columns = ["key", "title", "publisher", "published", "kind", "event", "figures"]
        emit(rows, fmt, record=SourceRecord, columns=columns, title="Sources")


@app.command()
def events(ctx: typer.Context, fmt: FormatOption = "table") -> None:
    """List the events that sources are about.

    Example: tollbook events --format csv
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        emit(catalog.list_events(session), fmt, record=EventRecord, title="Events")


@app.command()
def actors(
    ctx: typer.Context,
    kind: Annotated[ActorKind | None, typer.Option(help="Only actors of this kind.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """List the actors who claim or relay figures, with their aliases.

    Example: tollbook actors --kind anonymous
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        rows = catalog.list_actors(session, kind=kind)
        emit(rows, fmt, record=ActorRecord, title="Actors")
