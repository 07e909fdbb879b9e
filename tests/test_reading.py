"""Decoding text files: what loads, and the one-line reasons for what does not."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from tollbook.errors import DecodeError, InputError
from tollbook.reading import decode, first_line_title, read_document

TEXT = "Five people were killed — “at least”, officials said.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_utf_texts_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data, name="t") == TEXT


def test_latin1_text_names_the_encoding_option() -> None:
    with pytest.raises(DecodeError, match=r"not UTF-8 \(byte 0xe9 at offset 3\).*--encoding"):
        decode("Café: 3 dead".encode("latin-1"), name="t")


def test_latin1_text_decodes_when_told() -> None:
    assert decode("Café: 3 dead".encode("latin-1"), name="t", encoding="latin-1") == "Café: 3 dead"


def test_unknown_encoding_is_named() -> None:
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode(b"x", name="t", encoding="klingon")


def test_nul_bytes_mean_a_binary_file() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00", name="t")


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"], ids=["empty", "whitespace"])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty file"):
        decode(data, name="t")


def test_document_hash_is_of_the_bytes(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + b"Two died."
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == "Two died."
    assert document.sha256 == hashlib.sha256(data).hexdigest()


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\n  Battle of Somewhere \nbody", "Battle of Somewhere"),
        ("# Heading one\nbody", "Heading one"),
        ("---\ntitle: 'Flood toll rises'\ndate: 2023-09-12\n---\nbody", "Flood toll rises"),
        ("---\ndate: 2023-09-12\n---\n\nFirst line\n", "First line"),
    ],
    ids=["first-line", "markdown-heading", "front-matter-title", "front-matter-without-title"],
)
def test_bare_file_title(text: str, title: str) -> None:
    assert first_line_title(text) == title
