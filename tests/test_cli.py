"""The command line, through Typer's runner: help, errors, init, load and listings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from conftest import Invoke
from support import DATA, write
from tollbook.cli import app

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def assert_one_line_error(result, contains: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert contains in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: tollbook" in " ".join(result.stdout.split())


def test_init_creates_then_reports_up_to_date(cli: Invoke) -> None:
    first, second = cli("init"), cli("init")
    assert first.exit_code == 0 and "initialised" in first.stdout
    assert second.exit_code == 0 and "up to date" in second.stdout


def test_listing_before_init_asks_for_init(cli: Invoke) -> None:
    assert_one_line_error(cli("sources"), "run `tollbook init`")


def test_unparseable_database_url_is_one_line() -> None:
    result = CliRunner().invoke(app, ["--db", "nodriver+://x", "sources"])
    assert_one_line_error(result, "database URL nodriver+://x")


def test_unreachable_database_is_one_line() -> None:
    result = CliRunner().invoke(app, ["--db", "postgresql://nobody@127.0.0.1:9/none", "sources"])
    assert_one_line_error(result, "cannot open database")


def test_unknown_option_is_a_usage_error(cli: Invoke) -> None:
    assert cli("sources", "--colour").exit_code == 2


def test_unknown_format_is_a_usage_error(cli_ready: Invoke) -> None:
    result = cli_ready("sources", "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.output


def test_load_then_sources_json_lists_the_seeds_with_metadata(cli_ready: Invoke) -> None:
    loaded = cli_ready("load", str(DATA))
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout.splitlines()[-1].startswith("5 sources: 5 new, 0 unchanged;")
    sources = json.loads(cli_ready("sources", "--format", "json").stdout)
    assert len(sources) == 5
    by_key = {s["key"]: s for s in sources}
    assert by_key["news-up-to-200"]["published"] == "2018-02-14"
    assert by_key["wikipedia-long"]["kind"] == "encyclopedia"
    assert {s["event"] for s in sources} == {"battle-of-khasham"}
    assert all(s["figures"] > 0 for s in sources)


def test_loading_again_says_unchanged(cli_ready: Invoke) -> None:
    cli_ready("load", str(DATA))
    again = cli_ready("load", str(DATA))
    assert again.exit_code == 0
    assert again.stdout.splitlines()[-1] == "5 sources: 0 new, 5 unchanged; 0 figures stored"


def test_folder_with_bad_files_lists_them_and_exits_1(cli_ready: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Three people were killed, police said.")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "latin.txt", "Café bombing: 3 dead".encode("latin-1"))
    result = cli_ready("load", str(tmp_path))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "latin.txt: not UTF-8" in result.stderr and "--encoding" in result.stderr
    assert (
        result.stderr.splitlines()[-1] == "Error: 2 of 3 texts could not be loaded (listed above)"
    )
    assert "1 new" in result.stdout


def test_encoding_option_reads_latin1(cli_ready: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Café bombing: 3 people were killed.".encode("latin-1"))
    assert cli_ready("load", "--encoding", "latin-1", str(path)).exit_code == 0


def test_missing_path_is_one_line(cli_ready: Invoke, tmp_path: Path) -> None:
    assert_one_line_error(cli_ready("load", str(tmp_path / "nope")), "no such file or folder")


def test_events_csv_has_a_header_and_the_seed_event(cli_ready: Invoke) -> None:
    cli_ready("load", str(DATA))
    lines = cli_ready("events", "--format", "csv").stdout.splitlines()
    assert lines == [
        "key,name,date,place,sources",
        "battle-of-khasham,Battle of Khasham,2018-02-07,"
        '"Khasham, Deir ez-Zor Governorate, Syria",5',
    ]


def test_actors_lists_claimants_after_a_load(cli_ready: Invoke) -> None:
    cli_ready("load", str(DATA))
    actors = [
        json.loads(line) for line in cli_ready("actors", "--format", "jsonl").stdout.splitlines()
    ]
    assert any(a["claims"] > 0 for a in actors)
    assert all(set(a) == {"name", "kind", "side", "aliases", "claims", "relays"} for a in actors)
