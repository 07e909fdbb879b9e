"""Turning a file's bytes into the text tollbook stores, or saying clearly why not."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tollbook.errors import DecodeError, InputError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Document:
    """A file as tollbook stores it: the sha256 of its bytes and its decoded text."""

    path: Path
    sha256: str
    text: str


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode a text file: a BOM decides, else `encoding`, else strict UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            chosen = codec
            break
    else:
        if encoding is None and b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes), not a text")
        chosen = encoding or "utf-8"
    try:
        text = data.decode(chosen)
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {chosen!r}") from None
    except UnicodeDecodeError as exc:
        if encoding is None:
            raise DecodeError(
                f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "pass --encoding with the file's encoding, e.g. --encoding latin-1"
            ) from None
        raise DecodeError(f"{name}: cannot decode as {chosen}: {exc.reason}") from None
    if "\x00" in text:
        raise InputError(f"{name}: binary file (contains NUL characters), not a text")
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to load")
    return text


def read_document(path: Path, *, encoding: str | None = None) -> Document:
    data = read_bytes(path)
    text = decode(data, name=str(path), encoding=encoding)
    return Document(path=path, sha256=hashlib.sha256(data).hexdigest(), text=text)


def first_line_title(text: str, limit: int = 500) -> str | None:
    """A bare file's title: YAML front matter's `title:`, else its first non-empty line."""
    lines = text.splitlines()
    body = lines
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                body = lines[number + 1 :]
                break
            field, _, value = line.partition(":")
            if field.strip().lower() == "title" and value.strip():
                return value.strip().strip("'\"")[:limit]
    for line in body:
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:limit]
    return None
