"""The question and export commands through the CLI, on the seeds' true figures.

The database is filled through the library with support.gold_extractor, then
every command is run as a user would run it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Invoke
from support import DATA, gold_extractor
from tollbook import db
from tollbook.load import load_paths

GOLD = gold_extractor(DATA / "gold" / "seeds.gold.jsonl", DATA / "seeds")


@pytest.fixture
def seeded_cli(cli_ready: Invoke, db_url: str) -> Invoke:
    engine = db.make_engine(db_url)
    with db.session(engine) as session:
        load_paths(session, [DATA], extractor=GOLD)
    engine.dispose()
    return cli_ready


def test_tolls_json_lists_the_issue_claims(seeded_cli: Invoke) -> None:
    result = seeded_cli("tolls", "--outcome", "killed", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {(r["claimant"], r["interval"]) for r in json.loads(result.stdout)}
    for claim in [
        ("U.S. military", "100"),
        ("U.S. military", "≥100"),
        ("Syrian Observatory for Human Rights", "68"),
        ("Syrian military sources", "55"),
        ("Maria Zakharova", "5"),
        ("Der Spiegel", "10–20"),
        ("Andrey Troshev", "14"),
        ("Wagner commanders", "≤15"),
        ("Conflict Intelligence Team", "20–30"),
        ("Security Service of Ukraine", "80"),
        ("Russian military doctor", "80–100"),
        ("Russian sources", "≥200"),
        ("Yevgeny Shabayev", "218"),
        ("Viktor Alksnis", "334"),
    ]:
        assert claim in rows


def test_tolls_table_is_for_people(seeded_cli: Invoke) -> None:
    result = seeded_cli(
        "tolls", "--outcome", "killed", "--group", "russian_pmc", env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert "Viktor Alksnis" in result.stdout and "┃" in result.stdout


def test_disagreements_csv_reads_back(seeded_cli: Invoke) -> None:
    result = seeded_cli("disagreements", "--outcome", "killed", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["group"] == "russian_pmc" and rows[0]["spread"] == "66.8"


def test_claims_jsonl_keep_offsets_into_the_text(seeded_cli: Invoke) -> None:
    result = seeded_cli("claims", "--source", "news-up-to-200", "--format", "jsonl")
    text = (DATA / "seeds" / "002_05497940c60ae12e.txt").read_text(encoding="utf-8")
    for line in result.stdout.splitlines():
        claim = json.loads(line)
        assert text[claim["start"] : claim["end"]] == claim["number"]


def test_show_marks_every_figure(seeded_cli: Invoke) -> None:
    result = seeded_cli("show", "news-up-to-200")
    assert result.exit_code == 0
    assert "[1]" in result.stdout and "figures" in result.stdout


def test_show_unknown_source_is_one_line(seeded_cli: Invoke) -> None:
    result = seeded_cli("show", "no-such-source")
    assert result.exit_code == 1 and result.stderr.startswith("Error: no source")


@pytest.mark.parametrize("what", ["tolls", "disagreements", "claims", "sources"])
@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "markdown", "xlsx", "html"])
def test_every_export_reads_back(seeded_cli: Invoke, tmp_path: Path, what: str, fmt: str) -> None:
    out = tmp_path / f"{what}.{fmt}"
    result = seeded_cli("export", "--what", what, "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    elif fmt == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "xlsx":
        sheet = load_workbook(out).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert sheet.freeze_panes == "A2"
    elif fmt == "markdown":
        rows = out.read_text(encoding="utf-8").splitlines()[4:]
    else:
        page = out.read_text(encoding="utf-8")
        rows = page.split("<tr>")[2:]
        assert page.rstrip().endswith("</html>")
    assert len(rows) >= 5


def test_export_to_a_missing_folder_is_one_line(seeded_cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "t.csv"
    result = seeded_cli("export", "--what", "tolls", "--format", "csv", "--out", str(out))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not out.exists()
