"""Reliability: bad input gets one clear line and changes nothing; interrupted and
concurrent loads end as one clean load would; hostile values stay data.

Process-level cases run the real `tollbook` command in subprocesses, on SQLite
and on PostgreSQL.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import Invoke
from support import DATA, casualty_texts, content, dump, write
from tollbook import db

TOLLBOOK = [sys.executable, "-m", "tollbook"]


def assert_clean_failure(result, contains: str) -> None:  # type: ignore[no-untyped-def]
    """One `Error:` line on stderr, exit code 1, and no traceback anywhere."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert contains in result.stderr, result.stderr
    assert "Traceback" not in result.output


# --- bad input: one line, non-zero, database unchanged -----------------------------


@pytest.mark.parametrize(
    ("content_bytes", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Café bombing: 3 dead".encode("latin-1"), "--encoding"),
    ],
    ids=["empty", "binary", "latin-1"],
)
def test_unreadable_text_is_one_line_and_changes_nothing(
    cli_ready: Invoke, db_url: str, tmp_path: Path, content_bytes: bytes, message: str
) -> None:
    path = write(tmp_path / "bad.txt", content_bytes)
    before = dump(db_url)
    assert_clean_failure(cli_ready("load", str(path)), message)
    assert dump(db_url) == before


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Forty people were killed, “officials” said.".encode(),
        codecs.BOM_UTF16_LE + "Forty people were killed, “officials” said.".encode("utf-16-le"),
    ],
    ids=["utf-8-bom", "utf-16-bom"],
)
def test_texts_with_a_byte_order_mark_load_with_true_offsets(
    cli_ready: Invoke, tmp_path: Path, encoded: bytes
) -> None:
    path = write(tmp_path / "bom.txt", encoded)
    assert cli_ready("load", str(path)).exit_code == 0
    (claim,) = [
        json.loads(x) for x in cli_ready("claims", "--format", "jsonl").stdout.split("\n") if x
    ]
    assert (claim["number"], claim["start"], claim["low"]) == ("Forty", 0, 40)


def test_missing_path_is_one_line(cli_ready: Invoke, tmp_path: Path) -> None:
    assert_clean_failure(cli_ready("load", str(tmp_path / "absent.txt")), "no such file or folder")


def test_unreadable_file_in_a_folder_is_skipped_and_listed(
    cli_ready: Invoke, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "good.txt", "Three people were killed, police said.")
    locked = write(tmp_path / "locked.txt", "Four people were killed.")
    if os.geteuid() == 0:  # root reads anything: make this one path refuse instead
        real = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    else:
        locked.chmod(0)
    result = cli_ready("load", str(tmp_path))
    assert result.exit_code == 1
    assert "locked.txt: permission denied" in result.stderr
    assert "1 new" in result.stdout


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('[[sources]]\nfile = "a.txt"\ntitle = "unclosed\n', "line 3, column"),
        ('[[sources]]\nfile = "a.txt"\nheadline = "x"\n', "headline: unknown field"),
        ('[[sources]]\nfile = "a.txt"\npublished = 2018-02-30\n', "TOML syntax error"),
        ('[[sources]]\nfile = "a.txt"\npublished = "14 Feb"\n', "published: Input should be"),
        (
            '[[sources]]\nfile = "a.txt"\nkey = "k"\n[[sources]]\nfile = "b.txt"\nkey = "k"\n',
            "duplicate source key",
        ),
        ('[[sources]]\nfile = "gone.txt"\n', "which is not a file"),
    ],
    ids=["syntax", "unknown-field", "impossible-date", "bad-date", "duplicate-key", "missing-file"],
)  # fmt: skip
def test_bad_manifest_is_one_line_and_changes_nothing(
    cli_ready: Invoke, db_url: str, tmp_path: Path, manifest: str, message: str
) -> None:
    write(tmp_path / "a.txt", "Three people were killed.")
    write(tmp_path / "b.txt", "Four people were killed.")
    write(tmp_path / "sources.toml", manifest)
    before = dump(db_url)
    assert_clean_failure(cli_ready("load", str(tmp_path)), message)
    assert dump(db_url) == before


def test_database_not_initialised_is_one_line(cli: Invoke) -> None:
    assert_clean_failure(cli("tolls"), "tollbook init")


def test_database_newer_than_the_code_is_one_line(cli_ready: Invoke, db_url: str) -> None:
    engine = db.make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    assert_clean_failure(cli_ready("tolls"), "newer than this tollbook")
    assert_clean_failure(cli_ready("init"), "newer than this tollbook")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://nobody@127.0.0.1:1/nothing", "cannot open database"),
        ("mysql+nodriver://x/y", "database URL"),
        ("postgresql://[::1", "database URL"),
    ],
    ids=["unreachable", "unknown-driver", "unparseable"],
)
def test_unusable_database_url_is_one_line(url: str, message: str) -> None:
    from typer.testing import CliRunner

    from tollbook.cli import app

    assert_clean_failure(CliRunner().invoke(app, ["--db", url, "sources"]), message)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file read-only even for root (who ignores permission bits)."""
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)


def test_read_only_sqlite_file_reads_but_refuses_a_load(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tollbook.cli import app

    path = tmp_path / "ro.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(path), "init"]).exit_code == 0
    text_file = write(tmp_path / "a.txt", "Three people were killed, police said.")
    before = dump(f"sqlite:///{path}")
    with read_only(path):
        assert runner.invoke(app, ["--db", str(path), "sources"]).exit_code == 0
        result = runner.invoke(app, ["--db", str(path), "load", str(text_file)])
        assert_clean_failure(result, "read-only")
    assert dump(f"sqlite:///{path}") == before


def test_hostile_filter_values_reach_sql_only_as_data(cli_ready: Invoke) -> None:
    cli_ready("load", str(DATA))
    hostile = "'; DROP TABLE figures; --"
    result = cli_ready("tolls", "--group", hostile, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert cli_ready("claims", "--claimant", hostile).exit_code == 1
    assert json.loads(cli_ready("sources", "--format", "json").stdout)  # tables still there


# --- interrupted and concurrent loads ----------------------------------------------


def run_load(db_url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TOLLBOOK, "--db", db_url, "load", "--quiet", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def count_sources(db_url: str) -> int:
    engine = db.make_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM sources")).scalar_one())
    finally:
        engine.dispose()


def clean_load(tmp_path: Path, folder: Path) -> dict[str, set[tuple[object, ...]]]:
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    subprocess.run([*TOLLBOOK, "--db", reference, "init"], check=True, capture_output=True)
    assert run_load(reference, folder).returncode == 0
    return content(reference)


@pytest.mark.slow
def test_killed_load_resumes_to_the_same_result(
    cli_ready: Invoke, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "texts"
    casualty_texts(folder, 200)
    expected = clean_load(tmp_path, folder)

    process = subprocess.Popen(
        [*TOLLBOOK, "--db", db_url, "load", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while count_sources(db_url) < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = count_sources(db_url)
    assert 0 < stored < 200, f"the load was not interrupted mid-way ({stored} stored)"

    # No source is half-stored: each stored one has all the figures a clean load gives it.
    partial = content(db_url)
    keys = {row[0] for row in partial["sources"]}
    assert partial["figures"] == {f for f in expected["figures"] if f[0] in keys}

    assert run_load(db_url, folder).returncode == 0
    assert content(db_url) == expected


@pytest.mark.slow
def test_two_concurrent_loads_store_everything_once(
    cli_ready: Invoke, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "texts"
    casualty_texts(folder, 60, seed=11)
    expected = clean_load(tmp_path, folder)
    command = [*TOLLBOOK, "--db", db_url, "load", "--quiet", str(folder)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert content(db_url) == expected
    assert count_sources(db_url) == 60
    news = [int(out.split(": ")[1].split(" new")[0]) for out, _ in outputs]
    assert sum(news) == 60  # each text stored by exactly one of the two


def test_same_text_under_another_name_changes_nothing(
    cli_ready: Invoke, db_url: str, tmp_path: Path
) -> None:
    original = write(tmp_path / "a" / "story.txt", "Nine people were killed, police said.")
    cli_ready("load", str(original))
    before = dump(db_url)
    copy = write(tmp_path / "b" / "copy-of-story.txt", original.read_bytes())
    result = cli_ready("load", str(copy))
    assert result.exit_code == 0 and "0 new, 1 unchanged" in result.stdout
    assert dump(db_url) == before


@pytest.mark.slow
def test_a_50_megabyte_text_loads_in_bounded_memory(
    cli_ready: Invoke, db_url: str, tmp_path: Path
) -> None:
    filler = (
        "The council met again on Tuesday to discuss the harbour budget for the coming year, "
        "and members said the talks had been constructive and that a vote would follow. "
    ) * 6
    news = "At least 12 people were killed and 30 wounded in the attack, police said."
    block = "\n\n".join([filler] * 19 + [news]) + "\n\n"
    big = tmp_path / "big.txt"
    big.write_text(block * (50_000_000 // len(block) + 1), encoding="utf-8")
    assert big.stat().st_size >= 50_000_000

    process = subprocess.Popen(
        [*TOLLBOOK, "--db", db_url, "load", "--quiet", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, process.stderr.read() if process.stderr else ""
    peak_mb = usage.ru_maxrss / 1024
    assert peak_mb < 700, f"peak resident memory {peak_mb:.0f} MB"
    figures = content(db_url)["figures"]
    assert len(figures) == 2 * (50_000_000 // len(block) + 1)
