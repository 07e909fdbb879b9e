"""Commands that run extraction without a database: extract, and eval against gold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from tollbook.cli.app import app
from tollbook.cli.output import emit
from tollbook.errors import InputError
from tollbook.manifest import event_dates
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
    from tollbook.extract.parts import extract_long

    for path in files:
        document = read_document(path, encoding=encoding)
        for figure in extract_long(document.text, event_date=event_date):
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


ISSUE_COLUMNS = ["doc", "number", "outcome", "low", "high", "claimant", "reason", "sentence"]
MISMATCH_COLUMNS = ["doc", "number", "fields", "sentence"]


def _texts_folder(gold: Path, texts: Path | None) -> Path:
    """Where the gold's texts are: as given, else beside it, else data/<name> for
    `data/gold/<name>.gold.jsonl`."""
    if texts is not None:
        return texts
    name = gold.name.split(".")[0]
    for folder in (gold.parent, gold.parent.parent / name):
        if folder.is_dir() and any(folder.glob("*.txt")):
            return folder
    raise InputError(f"cannot find the texts of {gold}; pass --texts DIR")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (JSON lines).", exists=False)],
    texts: Annotated[
        Path | None, typer.Option(help="Folder with the texts the gold names.", file_okay=False)
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="List misses, false positives and wrong fields.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score extraction against hand-annotated gold, as the annotation guideline says.

    Prints precision, recall and F1 for the match and the strict match, and the
    claimant, group and qualifier accuracy over matched figures. A manifest
    (sources.toml) beside the texts gives their event dates, as `load` would.

    Example: tollbook eval data/gold/seeds.gold.jsonl --texts data/seeds --show
    """
    from tollbook.evaluate import GoldFormatError, evaluate

    folder = _texts_folder(gold, texts)
    try:
        report = evaluate(gold, folder, event_dates=event_dates(folder))
    except GoldFormatError as exc:
        raise InputError(str(exc)) from None
    except FileNotFoundError as exc:
        raise InputError(f"{exc.filename}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"a text in {folder} is not UTF-8: {exc.reason}") from None
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    if show:
        listings = (
            ("Missed gold figures", report.misses, ISSUE_COLUMNS),
            ("False positives", report.false_positive_figures, ISSUE_COLUMNS),
            ("Matched with wrong fields", report.wrong_fields, MISMATCH_COLUMNS),
        )
        for title, issues, columns in listings:
            emit(issues, "table", columns=columns, title=f"{title} ({len(issues)})")
    for line in report.summary_lines():
        typer.echo(line)
