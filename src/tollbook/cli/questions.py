"""Commands that answer the questions: tolls, disagreements, claims, show."""

from __future__ import annotations

from typing import Annotated

import typer

from tollbook import catalog, compare, db
from tollbook.cli.app import app, state
from tollbook.cli.output import FormatOption, emit
from tollbook.render import render_marked_text
from tollbook.schemas import ClaimRecord, DisagreementRecord, TollRecord
from tollbook.vocab import Outcome, Scope

EventOption = Annotated[str | None, typer.Option(help="Only this event (its key).")]
OutcomeOption = Annotated[Outcome | None, typer.Option(help="Only this outcome.")]
GroupOption = Annotated[
    str | None, typer.Option(help="Only this victim group and its sub-groups (a key).")
]
ClaimantOption = Annotated[
    str | None, typer.Option(help="Only this claimant (any spelling, or part of a name).")
]

TOLL_TABLE = ["group", "claimant", "figure", "interval", "qualifier", "documents", "carried_by"]
DISAGREEMENT_TABLE = ["group", "kind", "spread", "position", "claimant", "interval", "carried_by"]
CLAIM_TABLE = ["source", "number", "outcome", "interval", "group", "claimant", "via", "sentence"]


@app.command()
def tolls(
    ctx: typer.Context,
    event: EventOption = None,
    outcome: OutcomeOption = None,
    group: GroupOption = None,
    claimant: ClaimantOption = None,
    all_scopes: Annotated[
        bool, typer.Option("--all-scopes", help="Include figures about other incidents.")
    ] = False,
    fmt: FormatOption = "table",
) -> None:
    """Which sources give which toll: one row per original claim, with its carriers.

    Example: tollbook tolls --outcome killed --group russian_pmc
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        rows = compare.tolls(
            session,
            event=event,
            outcome=outcome,
            group=group,
            claimant=claimant,
            scope=None if all_scopes else Scope.EVENT,
        )
        columns = TOLL_TABLE if fmt == "table" else None
        emit(rows, fmt, record=TollRecord, columns=columns, title="Tolls")


@app.command()
def disagreements(
    ctx: typer.Context,
    event: EventOption = None,
    outcome: OutcomeOption = None,
    group: GroupOption = None,
    min_ratio: Annotated[
        float | None,
        typer.Option(help="Only spreads (largest low / smallest high) of at least this."),
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """Where claims cannot all be true, largest spread first, by position.

    Claims at one position allow a common count; claims at different positions
    contradict each other. Also lists claimants contradicting themselves.

    Example: tollbook disagreements --outcome killed --min-ratio 2
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        rows = compare.disagreements(
            session, event=event, outcome=outcome, group=group, min_ratio=min_ratio
        )
        columns = DISAGREEMENT_TABLE if fmt == "table" else None
        emit(rows, fmt, record=DisagreementRecord, columns=columns, title="Disagreements")


@app.command()
def claims(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option(help="Only figures of this source (key).")] = None,
    event: EventOption = None,
    outcome: OutcomeOption = None,
    group: GroupOption = None,
    claimant: ClaimantOption = None,
    scope: Annotated[Scope | None, typer.Option(help="Only figures of this scope.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """Every figure with the sentence it came from, for auditing.

    Example: tollbook claims --claimant SOHR --format csv
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        rows = compare.claims(
            session,
            source=source,
            event=event,
            outcome=outcome,
            group=group,
            claimant=claimant,
            scope=scope,
        )
        columns = CLAIM_TABLE if fmt == "table" else None
        emit(rows, fmt, record=ClaimRecord, columns=columns, title="Claims")


@app.command()
def show(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="The source's key (or a unique prefix).")],
) -> None:
    """Print a source's text with every extracted figure marked and numbered.

    Example: tollbook show wikipedia-long
    """
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        found = catalog.find_source(session, source)
        figures = list(compare.claims(session, source=found.key))
        render_marked_text(found.text, figures, title=found.title or found.key)
