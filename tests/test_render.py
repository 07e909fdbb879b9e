"""Every output format from one registry, and the escaping that untrusted text needs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from tollbook.render import FORMATS, register, render, spreadsheet_safe


class Row(BaseModel):
    name: str
    count: int | None
    when: dt.date | None
    via: list[str]


HOSTILE = '=HYPERLINK("http://x")<script>alert("x")</script> | pipe'
ROWS = [
    Row(name="Ministry of Health", count=40, when=dt.date(2023, 9, 12), via=["Agency", "Paper"]),
    Row(name=HOSTILE, count=None, when=None, via=[]),
]


def rendered(fmt: str) -> str:
    out = io.StringIO()
    render(ROWS, fmt, out, record=Row, title="Tolls")
    return out.getvalue()


def test_builtin_formats_are_registered() -> None:
    assert {"table", "csv", "json", "jsonl", "markdown", "html", "xlsx"} <= set(FORMATS)


def test_a_new_format_registers_like_the_builtin_ones() -> None:
    @register("names-only", suffix=".txt")
    def names(columns, rows, out, opts):  # type: ignore[no-untyped-def]
        out.write(",".join(r["name"] for r in rows))

    try:
        out = io.StringIO()
        render(ROWS[:1], "names-only", out, record=Row)
        assert out.getvalue() == "Ministry of Health"
    finally:
        del FORMATS["names-only"]


def test_csv_reads_back_with_neutralised_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(rendered("csv"))))
    assert rows[0] == {
        "name": "Ministry of Health",
        "count": "40",
        "when": "2023-09-12",
        "via": "Agency; Paper",
    }
    assert rows[1]["name"] == "'" + HOSTILE


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_spreadsheet_formula_starts_are_neutralised(start: str) -> None:
    assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"


def test_ordinary_cells_are_left_alone() -> None:
    assert spreadsheet_safe("U.S. military") == "U.S. military"


def test_json_is_one_valid_array_of_objects() -> None:
    data = json.loads(rendered("json"))
    assert data[0] == {
        "name": "Ministry of Health",
        "count": 40,
        "when": "2023-09-12",
        "via": ["Agency", "Paper"],
    }
    assert data[1]["name"] == HOSTILE


def test_empty_json_is_an_empty_array() -> None:
    out = io.StringIO()
    render([], "json", out, record=Row)
    assert json.loads(out.getvalue()) == []


def test_jsonl_is_one_object_per_line() -> None:
    lines = rendered("jsonl").splitlines()
    assert [json.loads(line)["count"] for line in lines] == [40, None]


def test_markdown_escapes_pipes_and_markup() -> None:
    text = rendered("markdown")
    assert text.splitlines()[2] == "| name | count | when | via |"
    assert "\\| pipe" in text and "<script>" not in text


def test_html_escapes_every_value() -> None:
    text = rendered("html")
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert text.startswith("<!DOCTYPE html>") and "<title>Tolls</title>" in text


def test_table_shows_every_value_for_people() -> None:
    out = io.StringIO()
    render(ROWS[:1], "table", out, record=Row, width=120)
    assert "Ministry of Health" in out.getvalue() and "Agency; Paper" in out.getvalue()


def test_xlsx_reads_back_with_a_frozen_styled_header(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with path.open("wb") as out:
        render(ROWS, "xlsx", out, record=Row, title="Tolls")
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["name", "count", "when", "via"]
    assert sheet["A1"].font.bold
    assert sheet["B2"].value == 40
    assert sheet["A3"].value == "'" + HOSTILE
    assert 10 < sheet.column_dimensions["A"].width <= 62
