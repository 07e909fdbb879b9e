"""Reading TOML data files: a good manifest, and one clear line for each kind of mistake."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from support import DATA, write
from tollbook.errors import ManifestError
from tollbook.manifest import SourceMeta, read_data_file
from tollbook.schemas import SourceEntry
from tollbook.vocab import SourceKind

GOOD = """
[[events]]
key = "flood-2023"
name = "The 2023 flood"
date = 2023-09-10

[[sources]]
file = "a.txt"
key = "wire-a"
title = "Flood kills 40"
published = 2023-09-11
kind = "news"
event = "flood-2023"
"""


def test_manifest_gives_events_and_sources_with_resolved_paths(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Forty died.")
    data = read_data_file(write(tmp_path / "sources.toml", GOOD))
    assert [e.key for e in data.events] == ["flood-2023"]
    assert data.events[0].date == dt.date(2023, 9, 10)
    (source,) = data.sources
    assert source.path == (tmp_path / "a.txt").resolve()
    assert source.entry.kind is SourceKind.NEWS
    assert source.entry.published == dt.date(2023, 9, 11)


def test_shipped_manifest_lists_the_five_seeds() -> None:
    data = read_data_file(DATA / "sources.toml")
    assert len(data.sources) == 5
    assert {s.entry.event for s in data.sources} == {"battle-of-khasham"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[[sources]]\nfile = "a.txt"\ntitle = "unclosed\n',
            r"TOML syntax error: .*line 3, column",
        ),
        ('[[sources]]\nfile = "a.txt"\nheadline = "x"\n', r"sources\[1\]\.headline: unknown field"),
        ('[[sources]]\nfile = "a.txt"\npublished = "2023-02-30"\n', r"sources\[1\]\.published: "),
        ('[[sources]]\nfile = "a.txt"\nkind = "tweet"\n', r"sources\[1\]\.kind: Input should be"),
        ('[[sources]]\nfile = "a.txt"\nkey = "Not A Slug"\n', r"sources\[1\]\.key: must be a slug"),
        (
            '[[sources]]\nfile = "a.txt"\nkey = "k"\n[[sources]]\nfile = "b.txt"\nkey = "k"\n',
            "duplicate source key 'k'",
        ),
        ('[[sources]]\nfile = "a.txt"\n[[sources]]\nfile = "a.txt"\n', "duplicate source file"),
        (
            '[[sources]]\nfile = "missing.txt"\n',
            r"sources\[1\] points at 'missing.txt', which is not",
        ),
        ("[[rumours]]\nx = 1\n", "rumours: unknown field"),
        ('sources = "a.txt"\n', r"sources: Input should be a valid list"),
        ("sources = [1]\n", r"sources\[1\]: Input should be a valid dictionary"),
        (
            '[[sources]]\nfile = "a.txt"\n[[sources]]\nfile = "b.txt"\nkind = "tweet"\n',
            r"sources\[2\]\.kind: Input should be",
        ),
    ],
    ids=[
        "syntax-error",
        "unknown-field",
        "bad-date",
        "bad-kind",
        "bad-key",
        "duplicate-key",
        "duplicate-file",
        "missing-file",
        "unknown-table",
        "sources-not-a-list",
        "source-not-a-table",
        "second-entry-numbered",
    ],
)
def test_manifest_mistake_is_one_clear_line(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path / "a.txt", "Forty died.")
    write(tmp_path / "b.txt", "Fifty died.")
    with pytest.raises(ManifestError, match=message) as caught:
        read_data_file(write(tmp_path / "sources.toml", content))
    assert "\n" not in str(caught.value)
    assert str(tmp_path / "sources.toml") in str(caught.value)


def test_a_kept_source_entry_has_every_field_of_a_manifest_entry() -> None:
    assert [f.name for f in dataclasses.fields(SourceMeta)] == list(SourceEntry.model_fields)


def test_a_kept_source_entry_keeps_the_checked_values(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Forty died.")
    manifest = '[[sources]]\nfile = "a.txt"\nkey = "a"\npublished = 2023-02-03\nkind = "news"\n'
    [source] = read_data_file(write(tmp_path / "sources.toml", manifest)).sources
    assert source.entry == SourceMeta(
        file="a.txt", key="a", published=dt.date(2023, 2, 3), kind=SourceKind.NEWS
    )
