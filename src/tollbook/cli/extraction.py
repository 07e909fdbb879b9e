"""Commands that run extraction without a database: extract, and eval against gold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from tollbook.cli.app import app
from tollbook.cli.output import emit
from tollbook.reading import read_document
from tollbook.schemas import ExtractedFigureRecord

EXTRACT_TABLE = [
    "doc",
    "number",
    "outcome",
    "low",
    "high",
    "group",
    "claimant",
    "via",
    "scope",
    "sentence",
]


def _records(
    files: list[Path], event_date: dt.date | None, encoding: str | None
) -> Iterator[ExtractedFigureRecord]:
    from tollbook.extract import extract

    for path in files:
        document = read_document(path, encoding=encoding)
        for figure in extract(document.text, event_date=event_date):
            yield ExtractedFigureRecord.of(path.name, document.text, figure)


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Text files to read.", show_default=False)],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format: jsonl|json|table|csv.")
    ] = "jsonl",
    event_date: Annotated[
        dt.datetime | None,
        typer.Option(
            help="Date of the incident, for telling its figures from others'.", formats=["%Y-%m-%d"]
        ),
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Encoding of non-UTF-8 texts.")] = None,
) -> None:
    """Print the casualty figures found in texts, one record per figure; no database needed.

    Offsets `start`/`end` index the number expression in the file's decoded text.

    Example: tollbook extract data/seeds/002_05497940c60ae12e.txt --format table
    """
    date = event_date.date() if event_date else None
    columns = EXTRACT_TABLE if fmt == "table" else None
    emit(_records(files, date, encoding), fmt, record=ExtractedFigureRecord, columns=columns)
