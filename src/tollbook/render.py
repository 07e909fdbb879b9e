"""One place that turns rows into every output format tollbook writes.

Formats live in a registry; the built-in ones register exactly as a new one would
(`@register("name")`). Every writer takes the same thing: the column names and
an iterable of rows (Pydantic records or mappings), consumed once, so large
results stream where the format allows it.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import chain, islice
from typing import IO, Any, Protocol

from pydantic import BaseModel

Row = Mapping[str, Any]
Writer = Callable[[Sequence[str], Iterable[Row], IO[Any], "RenderOptions"], None]


@dataclass(frozen=True)
class RenderOptions:
    title: str | None = None
    # Rich tables need a width when the output is not a terminal.
    width: int | None = None


@dataclass(frozen=True)
class Format:
    name: str
    writer: Writer
    binary: bool = False
    suffix: str = ""
    help: str = ""


FORMATS: dict[str, Format] = {}


def register(
    name: str, *, binary: bool = False, suffix: str | None = None, help: str = ""
) -> Callable[[Writer], Writer]:
    """Add an output format: a function writing rows to an open file."""

    def add(writer: Writer) -> Writer:
        FORMATS[name] = Format(name, writer, binary, suffix or f".{name}", help)
        return writer

    return add


def columns_of(record: type[BaseModel]) -> list[str]:
    return list(record.model_fields)


def _as_row(item: BaseModel | Row) -> Row:
    if isinstance(item, BaseModel):
        return item.model_dump()
    return item


def render(
    items: Iterable[BaseModel | Row],
    fmt: str,
    out: IO[Any],
    *,
    columns: Sequence[str] | None = None,
    record: type[BaseModel] | None = None,
    title: str | None = None,
    width: int | None = None,
) -> None:
    """Write rows in a registered format. Columns come from `columns`, else the record
    class, else the first row."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    rows: Iterator[Row] = (_as_row(i) for i in items)
    if columns is None and record is not None:
        columns = columns_of(record)
    if columns is None:
        first = next(rows, None)
        columns = list(first) if first is not None else []
        if first is not None:
            rows = chain([first], rows)
    FORMATS[fmt].writer(columns, rows, out, RenderOptions(title=title, width=width))


def text_cell(value: Any) -> str:
    """A value as people read it in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list | tuple):
        return "; ".join(text_cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: json_value(v) for k, v in value.items()}
    return value


# Spreadsheet programs run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Neutralise a cell a spreadsheet program would execute, by a leading quote."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _pipe_width(out: IO[Any]) -> int | None:
    """Rich folds tables to 80 columns off a terminal; a file or pipe gets more room."""
    is_terminal = getattr(out, "isatty", lambda: False)()
    return None if is_terminal or "COLUMNS" in os.environ else 160


@register("table", help="a table for people, in the terminal")
def write_table(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=opts.title, show_lines=False, header_style="bold")
    for name in columns:
        table.add_column(name.replace("_", " "), overflow="fold")
    count = 0
    for row in rows:
        table.add_row(*(text_cell(row.get(c)) for c in columns))
        count += 1
    console = Console(file=out, width=opts.width or _pipe_width(out), soft_wrap=False)
    if count:
        console.print(table)
    else:
        console.print("(no rows)")


@register("csv", help="comma-separated values, safe to open in spreadsheets")
def write_csv(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                v if isinstance(v, int | float) else spreadsheet_safe(text_cell(v))
                for v in (row.get(c) for c in columns)
            ]
        )


@register("json", help="one JSON array of objects")
def write_json(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    out.write("[")
    for number, row in enumerate(rows):
        out.write(",\n" if number else "\n")
        out.write(json.dumps({c: json_value(row.get(c)) for c in columns}, ensure_ascii=False))
    out.write("\n]\n")


@register("jsonl", help="one JSON object per line")
def write_jsonl(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    for row in rows:
        out.write(json.dumps({c: json_value(row.get(c)) for c in columns}, ensure_ascii=False))
        out.write("\n")


def _markdown_cell(value: Any) -> str:
    text = " ".join(text_cell(value).split())
    return html.escape(text, quote=False).replace("|", "\\|")


@register("markdown", suffix=".md", help="a GitHub-flavoured Markdown table")
def write_markdown(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    if opts.title:
        out.write(f"### {_markdown_cell(opts.title)}\n\n")
    out.write("| " + " | ".join(columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(_markdown_cell(row.get(c)) for c in columns) + " |\n")


_HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }}
th {{ background: #f0f0f0; position: sticky; top: 0; }}
</style>
</head>
<body>
<h1>{title}</h1>
"""


def html_table(columns: Sequence[str], rows: Iterable[Row], out: IO[Any]) -> None:
    """An HTML table with every value escaped; documents are untrusted input."""
    out.write("<table>\n<thead><tr>")
    out.write("".join(f"<th>{html.escape(c)}</th>" for c in columns))
    out.write("</tr></thead>\n<tbody>\n")
    for row in rows:
        out.write("<tr>")
        out.write("".join(f"<td>{html.escape(text_cell(row.get(c)))}</td>" for c in columns))
        out.write("</tr>\n")
    out.write("</tbody>\n</table>\n")


@register("html", help="a standalone HTML page with one table")
def write_html(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    out.write(_HTML_HEAD.format(title=html.escape(opts.title or "tollbook")))
    html_table(columns, rows, out)
    out.write("</body>\n</html>\n")


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    # openpyxl keeps strings as text, but a spreadsheet user may re-save as CSV.
    return spreadsheet_safe(text_cell(value))


@register("xlsx", binary=True, help="an Excel workbook with a frozen, styled header row")
def write_xlsx(
    columns: Sequence[str], rows: Iterable[Row], out: IO[Any], opts: RenderOptions
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    # Excel refuses these characters in a sheet title, and more than 31 of any.
    title = re.sub(r"[\\/?*\[\]:]", "-", opts.title or "tollbook")[:31]
    sheet = workbook.create_sheet(title)
    rows = iter(rows)
    # Column widths come from the first rows; the rest stream through.
    head = list(islice(rows, 500))
    for index, name in enumerate(columns, start=1):
        longest = max([len(name), *(len(text_cell(r.get(name))) for r in head)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, 6) + 2, 60)
    sheet.freeze_panes = "A2"
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="2F4F6F")
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    for row in chain(head, rows):
        sheet.append([_xlsx_value(row.get(c)) for c in columns])
    workbook.save(out)


class Marked(Protocol):
    """A figure located in a text: what `render_marked_text` needs of a record."""

    start: int
    end: int


def render_marked_text(
    text: str,
    figures: Sequence[Marked],
    *,
    title: str,
    out: IO[Any] | None = None,
    width: int | None = None,
) -> None:
    """A text with each figure's number highlighted and tagged [n], then the figures.

    Figures sharing one span ("No troops were killed or wounded") share one mark.
    """
    from rich.console import Console
    from rich.rule import Rule
    from rich.text import Text

    stream = out or sys.stdout
    console = Console(file=stream, width=width or _pipe_width(stream), highlight=False)
    marked = Text()
    position = 0
    spans: dict[tuple[int, int], list[int]] = {}
    for number, figure in enumerate(figures, start=1):
        spans.setdefault((figure.start, figure.end), []).append(number)
    for (start, end), numbers in sorted(spans.items()):
        if start < position:
            continue  # overlaps a span already marked
        marked.append(text[position:start])
        marked.append(text[start:end], style="bold black on yellow")
        marked.append(f"[{','.join(map(str, numbers))}]", style="bold cyan")
        position = end
    marked.append(text[position:])
    console.print(Rule(title))
    console.print(marked)
    console.print(Rule(f"{len(figures)} figures"))
    rows = [
        {"n": n, **(f.model_dump() if isinstance(f, BaseModel) else vars(f))}
        for n, f in enumerate(figures, start=1)
    ]
    columns = ["n", "number", "outcome", "low", "high", "group_text", "claimant", "via", "scope"]
    render(rows, "table", out or sys.stdout, columns=columns, width=width)
