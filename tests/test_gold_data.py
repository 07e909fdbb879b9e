"""Checks on the hand-annotated gold files themselves.

Every ``*.gold.jsonl`` under ``data/`` (``data/gold/seeds.gold.jsonl``,
``data/dev/dev.gold.jsonl``, ``data/holdout/holdout.gold.jsonl``, ...) holds one
casualty figure per line, with the fields defined in the annotation guideline
(GUIDELINE.md). These tests check that the files are well-formed against that
guideline and against the texts they annotate; they do not check the extractor.

The texts of a gold file sit beside it (``data/dev/dev.gold.jsonl`` annotates
``data/dev/*.txt``, ``data/holdout/holdout.gold.jsonl`` annotates
``data/holdout/*.txt``) or in the data folder named after it
(``data/gold/seeds.gold.jsonl`` annotates ``data/seeds/*.txt``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

import pytest

DATA = Path(__file__).parents[1] / "data"
GOLD_SUFFIX = ".gold.jsonl"
# A recursive glob, so every annotated set (data/gold, data/dev, data/holdout,
# and any set added later) is checked without being listed here.
GOLD_FILES = sorted(DATA.rglob(f"*{GOLD_SUFFIX}"))
# Sets that must be present: losing one of these files should fail loudly
# rather than silently shrink the parametrized tests.
EXPECTED_GOLD = (
    "gold/seeds.gold.jsonl",
    "dev/dev.gold.jsonl",
    "holdout/holdout.gold.jsonl",
    "final/final.gold.jsonl",
    "final2/final2.gold.jsonl",
    "final3/final3.gold.jsonl",
)

FIELDS = frozenset(
    {
        "doc",
        "quote",
        "number",
        "outcome",
        "low",
        "high",
        "qualifier",
        "group",
        "claimant",
        "via",
        "scope",
        "optional",
    }
)
OUTCOMES = frozenset({"killed", "wounded", "casualties", "missing", "captured"})
QUALIFIERS = frozenset(
    {"exact", "approx", "at_least", "more_than", "at_most", "up_to", "range", "vague"}
)
SCOPES = frozenset({"event", "other"})

# The intervals the guideline's table gives to vague amounts
# (dozens, scores, hundreds, thousands).
VAGUE_BOUNDS = frozenset({(24, 99), (40, 99), (200, 999), (2000, 9999)})

Record = dict[str, Any]


def _gold_id(path: Path) -> str:
    return path.relative_to(DATA).as_posix()


each_gold_file = pytest.mark.parametrize("gold", GOLD_FILES, ids=_gold_id)


@cache
def _lines(gold: Path) -> tuple[str, ...]:
    return tuple(gold.read_bytes().decode("utf-8").split("\n"))


@cache
def _records(gold: Path) -> tuple[tuple[int, Record], ...]:
    """(line number, figure) for every line that parses as a JSON object."""
    records = []
    for number, line in enumerate(_lines(gold), start=1):
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            records.append((number, value))
    return tuple(records)


def _doc_dirs(gold: Path) -> tuple[Path, ...]:
    stem = gold.name.removesuffix(GOLD_SUFFIX)
    return tuple(dict.fromkeys((gold.parent, DATA / stem)))


def _doc_path(gold: Path, doc: object) -> Path | None:
    if not isinstance(doc, str) or not doc or Path(doc).name != doc:
        return None
    for folder in _doc_dirs(gold):
        if (folder / doc).is_file():
            return folder / doc
    return None


@cache
def _doc_text(path: Path) -> str:
    # Offsets are defined on the file decoded as UTF-8 with nothing removed,
    # so no newline translation here.
    return path.read_bytes().decode("utf-8")


def _failures(gold: Path, problem: Callable[[Record], str | None]) -> Iterator[str]:
    for number, record in _records(gold):
        message = problem(record)
        if message:
            yield f"line {number}: {message}"


def _assert_none(gold: Path, problem: Callable[[Record], str | None]) -> None:
    failures = list(_failures(gold, problem))
    assert not failures, f"{_gold_id(gold)}:\n" + "\n".join(failures)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value.strip() != ""


def test_gold_files_are_found() -> None:
    assert GOLD_FILES, f"no *{GOLD_SUFFIX} file under {DATA}"


@pytest.mark.parametrize("name", EXPECTED_GOLD)
def test_expected_gold_set_is_present(name: str) -> None:
    assert name in {_gold_id(gold) for gold in GOLD_FILES}, f"data/{name} is missing"


@each_gold_file
def test_every_text_of_the_set_is_annotated(gold: Path) -> None:
    """Each text beside (or named after) a gold file has at least one figure."""
    annotated = {record.get("doc") for _, record in _records(gold)}
    texts = sorted(
        {p.name for folder in _doc_dirs(gold) if folder.is_dir() for p in folder.glob("*.txt")}
    )
    unannotated = [name for name in texts if name not in annotated]
    assert not unannotated, f"{_gold_id(gold)} has no figure for: {unannotated}"


@each_gold_file
def test_every_line_is_a_json_object(gold: Path) -> None:
    lines = list(_lines(gold))
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    assert lines, f"{_gold_id(gold)} is empty"
    failures = []
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            failures.append(f"line {number}: not JSON ({error})")
            continue
        if not isinstance(value, dict):
            failures.append(f"line {number}: a {type(value).__name__}, not an object")
    assert not failures, f"{_gold_id(gold)}:\n" + "\n".join(failures)


@each_gold_file
def test_every_figure_has_exactly_the_guideline_fields(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        missing = sorted(FIELDS - record.keys())
        extra = sorted(record.keys() - FIELDS)
        if missing or extra:
            return f"missing {missing}, unexpected {extra}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_every_field_has_the_guideline_type(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        wrong = []
        for field in ("doc", "quote", "number"):
            if field in record and not _is_text(record[field]):
                wrong.append(f"{field} must be a non-empty string")
        for field in ("low", "high"):
            value = record.get(field)
            if value is not None and not (_is_int(value) and value >= 0):
                wrong.append(f"{field} must be a whole number >= 0 or null, not {value!r}")
        for field in ("group", "claimant"):
            value = record.get(field)
            if value is not None and not _is_text(value):
                wrong.append(f"{field} must be a non-empty string or null, not {value!r}")
        via = record.get("via", [])
        if not (isinstance(via, list) and all(_is_text(item) for item in via)):
            wrong.append(f"via must be a list of non-empty strings, not {via!r}")
        if "optional" in record and not isinstance(record["optional"], bool):
            wrong.append(f"optional must be true or false, not {record['optional']!r}")
        return "; ".join(wrong) or None

    _assert_none(gold, problem)


@each_gold_file
def test_outcome_is_in_the_guideline_vocabulary(gold: Path) -> None:
    _assert_none(
        gold,
        lambda r: (
            None
            if r.get("outcome") in OUTCOMES
            else f"outcome {r.get('outcome')!r} not in {sorted(OUTCOMES)}"
        ),
    )


@each_gold_file
def test_qualifier_is_in_the_guideline_vocabulary(gold: Path) -> None:
    _assert_none(
        gold,
        lambda r: (
            None
            if r.get("qualifier") in QUALIFIERS
            else f"qualifier {r.get('qualifier')!r} not in {sorted(QUALIFIERS)}"
        ),
    )


@each_gold_file
def test_scope_is_in_the_guideline_vocabulary(gold: Path) -> None:
    _assert_none(
        gold,
        lambda r: (
            None
            if r.get("scope") in SCOPES
            else f"scope {r.get('scope')!r} not in {sorted(SCOPES)}"
        ),
    )


@each_gold_file
def test_low_is_not_above_high(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        low, high = record.get("low"), record.get("high")
        if _is_int(low) and _is_int(high) and low > high:
            return f"low {low} > high {high}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_qualifier_agrees_with_the_open_ends(gold: Path) -> None:
    # Which of low / high the guideline's table leaves open for each qualifier:
    # (low must be set, high must be set); None means either.
    expected: dict[str, tuple[bool, bool | None]] = {
        "exact": (True, True),
        "approx": (True, True),
        "vague": (True, True),
        "at_least": (True, False),
        "more_than": (True, False),
        "at_most": (False, True),
        "up_to": (False, True),
        "range": (True, None),  # "between 12 and more than 20" leaves high open
    }

    def problem(record: Record) -> str | None:
        qualifier = record.get("qualifier")
        if qualifier not in expected:
            return None  # reported by the vocabulary test
        low_set, high_set = expected[qualifier]
        low, high = record.get("low"), record.get("high")
        if (low is not None) != low_set:
            return f"{qualifier}: low should be {'set' if low_set else 'null'}, is {low!r}"
        if high_set is not None and (high is not None) != high_set:
            return f"{qualifier}: high should be {'set' if high_set else 'null'}, is {high!r}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_exact_and_approx_figures_are_single_values(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        low, high = record.get("low"), record.get("high")
        if record.get("qualifier") in ("exact", "approx") and low != high:
            return f"{record['qualifier']} with low {low!r} != high {high!r}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_vague_bounds_come_from_the_guideline_table(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        bounds = (record.get("low"), record.get("high"))
        if record.get("qualifier") == "vague" and bounds not in VAGUE_BOUNDS:
            allowed = sorted(VAGUE_BOUNDS)
            return f"vague {record.get('number')!r} has bounds {bounds}, not one of {allowed}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_every_doc_exists(gold: Path) -> None:
    where = " or ".join(_gold_id(d) if d.is_relative_to(DATA) else str(d) for d in _doc_dirs(gold))

    def problem(record: Record) -> str | None:
        if _doc_path(gold, record.get("doc")) is None:
            return f"doc {record.get('doc')!r} not found in {where}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_every_quote_occurs_exactly_once_in_its_doc(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        path = _doc_path(gold, record.get("doc"))
        quote = record.get("quote")
        if path is None or not _is_text(quote):
            return None  # reported by the doc and type tests
        count = _doc_text(path).count(quote)
        if count != 1:
            return f"quote {quote!r} occurs {count} times in {record['doc']}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_every_number_occurs_inside_its_quote(gold: Path) -> None:
    def problem(record: Record) -> str | None:
        quote, number = record.get("quote"), record.get("number")
        if not (_is_text(quote) and _is_text(number)):
            return None  # reported by the type test
        if number not in quote:
            return f"number {number!r} not in quote {quote!r}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_every_number_occurs_only_once_in_its_quote(gold: Path) -> None:
    """Otherwise the gold span that an extracted span must overlap is ambiguous."""

    def problem(record: Record) -> str | None:
        quote, number = record.get("quote"), record.get("number")
        if not (_is_text(quote) and _is_text(number)):
            return None  # reported by the type test
        count = quote.count(number)
        if count > 1:
            return f"number {number!r} occurs {count} times in quote {quote!r}"
        return None

    _assert_none(gold, problem)


@each_gold_file
def test_no_figure_is_annotated_twice(gold: Path) -> None:
    def key(record: Record) -> tuple[object, ...]:
        return tuple(
            json.dumps(record.get(field)) for field in ("doc", "quote", "number", "outcome")
        )

    counts = Counter(key(record) for _, record in _records(gold))
    repeated = [
        f"line {number}: {record.get('doc')} {record.get('quote')!r} "
        f"({record.get('number')!r}, {record.get('outcome')!r})"
        for number, record in _records(gold)
        if counts[key(record)] > 1
    ]
    assert not repeated, f"{_gold_id(gold)} repeats figures:\n" + "\n".join(repeated)
