"""Commands that create and fill the database: init and load."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from tollbook import db
from tollbook.cli.app import app, fail, state
from tollbook.load import load_plan, plan_load
from tollbook.schemas import LoadedSource

# Fewer texts than this load too fast for a progress bar to help.
PROGRESS_THRESHOLD = 20


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database, or upgrade it to this tollbook's schema.

    Example: tollbook --db postgresql://postgres@127.0.0.1/test init
    """
    engine = db.make_engine(state(ctx).db)
    try:
        before, after = db.upgrade(engine)
    finally:
        engine.dispose()
    where = db.describe(engine)
    if before == after:
        typer.echo(f"{where} is up to date (schema {after})")
    elif before is None:
        typer.echo(f"initialised {where} (schema {after})")
    else:
        typer.echo(f"upgraded {where} from schema {before} to {after}")


@app.command()
def load(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Text files, folders, or TOML manifests and tables.", show_default=False
        ),
    ],
    encoding: Annotated[
        str | None,
        typer.Option(help="Encoding of texts that are not UTF-8, e.g. latin-1."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Extract in this many processes.")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Load texts into the database, extracting their casualty figures.

    A folder with a sources.toml manifest loads the texts it lists with their
    metadata; other folders load every .txt and .md file in them. Each text loads
    in its own transaction; a text already stored (same bytes) is left unchanged.

    Example: tollbook load data/
    """
    plan = plan_load(paths)
    single = len(plan.jobs) == 1
    errors = Console(stderr=True)
    with db.open_engine(state(ctx).db) as engine:
        session = db.session(engine)
        show_bar = len(plan.jobs) >= PROGRESS_THRESHOLD and errors.is_terminal and not quiet
        with Progress(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=errors,
            transient=True,
            disable=not show_bar,
        ) as progress:
            task = progress.add_task("load", total=len(plan.jobs))

            def report(loaded: LoadedSource) -> None:
                progress.advance(task)
                if loaded.status == "failed":
                    if not single:  # a batch goes on: warn, skip, sum up at the end
                        progress.console.print(
                            f"skipped {loaded.error}", markup=False, highlight=False, soft_wrap=True
                        )
                elif not quiet and not show_bar:
                    detail = f", {loaded.figures} figures" if loaded.status == "new" else ""
                    typer.echo(f"{loaded.status:9} {loaded.key}{detail}")

            summary = load_plan(session, plan, encoding=encoding, on_progress=report, jobs=jobs)
    if single and summary.failed:
        fail(summary.failed[0].error or "the text could not be loaded")
    typer.echo(summary.line())
    if summary.failed:
        failed, total = len(summary.failed), summary.total
        fail(f"{failed} of {total} texts could not be loaded (listed above)")
