"""The output options every listing command shares, and the one function that prints rows."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from pydantic import BaseModel

from tollbook.errors import InputError
from tollbook.render import FORMATS, render

LISTING_FORMATS = ("table", "csv", "json", "jsonl", "markdown")


def _check_format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(FORMATS)}")
    return value


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {'|'.join(LISTING_FORMATS)}.",
        callback=_check_format,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Write to this file instead of standard output.", dir_okay=False
    ),
]


@contextmanager
def output_file(path: Path | None, *, binary: bool) -> Iterator[IO[Any]]:
    """Standard output, or a file that appears only when it is complete."""
    if path is None:
        if binary:
            raise InputError("this format is binary: give a file with --out")
        yield sys.stdout
        return
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{path}: folder {directory} does not exist")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    try:
        out: IO[Any] = (
            os.fdopen(handle, "wb")
            if binary
            else os.fdopen(handle, "w", encoding="utf-8", newline="")
        )
        with out:
            yield out
        shutil.move(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def emit(
    items: Iterable[BaseModel],
    fmt: str,
    *,
    record: type[BaseModel] | None = None,
    out: Path | None = None,
    title: str | None = None,
    columns: list[str] | None = None,
) -> None:
    """Print or write rows in one of the registered formats."""
    with output_file(out, binary=FORMATS[fmt].binary) as stream:
        render(items, fmt, stream, record=record, columns=columns, title=title)
