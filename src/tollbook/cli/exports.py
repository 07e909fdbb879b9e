"""Commands that write files: export tables and the visual report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel
from sqlalchemy.orm import Session

from tollbook import catalog, compare, db
from tollbook.cli.app import app, state
from tollbook.cli.output import emit
from tollbook.cli.questions import EventOption, OutcomeOption
from tollbook.schemas import ClaimRecord, DisagreementRecord, SourceRecord, TollRecord


class What(StrEnum):
    TOLLS = "tolls"
    DISAGREEMENTS = "disagreements"
    CLAIMS = "claims"
    SOURCES = "sources"


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    XLSX = "xlsx"
    HTML = "html"


Query = Callable[[Session, str | None, str | None], Iterable[BaseModel]]

TABLES: dict[What, tuple[Query, type[BaseModel], str]] = {
    What.TOLLS: (
        lambda s, e, o: compare.tolls(s, event=e, outcome=o),
        TollRecord,
        "Tolls: which sources give which figure",
    ),
    What.DISAGREEMENTS: (
        lambda s, e, o: compare.disagreements(s, event=e, outcome=o),
        DisagreementRecord,
        "Disagreements between claims",
    ),
    What.CLAIMS: (
        lambda s, e, o: compare.claims(s, event=e, outcome=o),
        ClaimRecord,
        "Claims with their sentences",
    ),
    What.SOURCES: (
        lambda s, e, o: catalog.list_sources(s, event=e),
        SourceRecord,
        "Sources",
    ),
}


@app.command()
def export(
    ctx: typer.Context,
    what: Annotated[What, typer.Option(help="Which table to export.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.", dir_okay=False)],
    event: EventOption = None,
    outcome: OutcomeOption = None,
) -> None:
    """Write a comparison table to a file: CSV, JSON, JSONL, Markdown, XLSX or HTML.

    CSV cells that a spreadsheet would run as formulas are neutralised, XLSX has a
    frozen, styled header row, and HTML escapes every value.

    Example: tollbook export --what tolls --format xlsx --out tolls.xlsx
    """
    query, record, title = TABLES[what]
    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        emit(query(session, event, outcome), fmt.value, record=record, out=out, title=title)
    typer.echo(f"wrote {out}")


@app.command()
def report(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="HTML file to write.", dir_okay=False)
    ] = Path("report.html"),
    event: EventOption = None,
    outcome: OutcomeOption = None,
) -> None:
    """Write a self-contained HTML report with tables and range charts of the claims.

    Per event and outcome: the comparison table, a chart of every claim's interval
    coloured by the claimant's side, and the disagreements.

    Example: tollbook report --out report.html --outcome killed
    """
    from tollbook.report import write_report

    with db.open_engine(state(ctx).db) as engine, db.session(engine) as session:
        write_report(session, out, event=event, outcome=outcome)
    typer.echo(f"wrote {out}")
