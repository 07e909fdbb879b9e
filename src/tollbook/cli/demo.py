"""`tollbook demo`: the seed case from an empty database to its answers, in one command."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

import tollbook
from tollbook import catalog, compare, db
from tollbook.cli.app import app
from tollbook.cli.output import emit
from tollbook.cli.questions import DISAGREEMENT_TABLE
from tollbook.errors import InputError
from tollbook.load import load_paths
from tollbook.schemas import DisagreementRecord, TollRecord

DEMO_DB = Path("tollbook-demo.db")
DEMO_TOLLS = ["group", "claimant", "claimant_side", "figure", "interval", "carried_by"]


def find_data(explicit: Path | None) -> Path:
    """The data folder: as given, else ./data, else the one beside tollbook's source tree."""
    candidates = [explicit] if explicit else [Path("data"), _source_tree_data()]
    for folder in candidates:
        if folder is not None and (folder / "sources.toml").is_file():
            return folder
    where = explicit or Path("data")
    raise InputError(f"{where}: no sources.toml here; pass --data with tollbook's data folder")


def _source_tree_data() -> Path:
    return Path(tollbook.__file__).resolve().parents[2] / "data"


def _fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@app.command()
def demo(
    data: Annotated[
        Path | None, typer.Option(help="Folder with sources.toml and the texts [default: data].")
    ] = None,
    database: Annotated[
        Path, typer.Option("--database", help="SQLite file to create afresh.")
    ] = DEMO_DB,
    outcome: Annotated[str, typer.Option(help="Which outcome to compare.")] = "killed",
) -> None:
    """Load the seed texts into a fresh SQLite database and show who says how many.

    Example: tollbook demo
    """
    folder = find_data(data)
    console = Console()
    _fresh(database)
    engine = db.make_engine(str(database))
    try:
        db.upgrade(engine)
        with db.session(engine) as session:
            console.rule(f"Loading {folder} into {database}")
            summary = load_paths(session, [folder])
            console.print(summary.line())
            console.rule(f"Who says how many were {outcome}")
            rows = compare.tolls(session, outcome=outcome)
            emit(rows, "table", record=TollRecord, columns=DEMO_TOLLS)
            console.rule("Where they disagree (one position = one possible count)")
            found = compare.disagreements(session, outcome=outcome)
            emit(found, "table", record=DisagreementRecord, columns=DISAGREEMENT_TABLE)
            busiest = max(catalog.list_actors(session), key=lambda a: a.claims, default=None)
            first = next(catalog.list_sources(session), None)
    finally:
        engine.dispose()
    console.rule("Next")
    suggestions = [("report --out report.html", "tables and charts in a web page")]
    if first is not None:
        suggestions.insert(0, (f"show {first.key}", "a text with its figures marked"))
    if busiest is not None:
        suggestions.insert(0, (f"claims --claimant {shlex.quote(busiest.name)}", "its figures"))
    for command, what in suggestions:
        console.print(f"tollbook --db {database} {command}  [dim]# {what}[/dim]", highlight=False)
