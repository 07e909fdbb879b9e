"""Helpers the tests share (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

from tollbook import db
from tollbook.extract.figure import ExtractedFigure
from tollbook.vocab import Outcome, Qualifier, Scope, Stance

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = DATA / "seeds"
POSTGRES_VAR = "TOLLBOOK_TEST_POSTGRES_URL"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def dump(url_or_engine: str | Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every tollbook table, to compare a database before and after."""
    engine = url_or_engine if isinstance(url_or_engine, Engine) else db.make_engine(url_or_engine)
    tables = ["events", "sources", "actors", "actor_aliases", "claims", "claim_relays", "figures"]
    tables += ["groups", "group_phrases"]
    state: dict[str, list[tuple[object, ...]]] = {}
    try:
        with engine.connect() as connection:
            present = set(
                connection.dialect.get_table_names(connection)  # type: ignore[attr-defined]
            )
            for table in tables:
                if table not in present:
                    continue
                rows = connection.execute(text(f"SELECT * FROM {table}")).mappings()
                state[table] = sorted(
                    tuple(v for k, v in row.items() if k != "loaded_at") for row in rows
                )
    finally:
        if not isinstance(url_or_engine, Engine):
            engine.dispose()
    return state


_FAKE = re.compile(r"(\d+) (?:people|soldiers) (?:were killed|died)(?:, (\w[\w. ]*?) said)?")


def fake_extractor(text: str, event_date: dt.date | None) -> list[ExtractedFigure]:
    """A stand-in extractor for storage tests: `N people died[, X said]` only.

    Storage behaviour (transactions, idempotence, claims and relays) is tested
    with it so that those tests do not move when extraction improves.
    """
    found = []
    for match in _FAKE.finditer(text):
        number = int(match.group(1))
        found.append(
            ExtractedFigure(
                start=match.start(1),
                end=match.end(1),
                number=match.group(1),
                outcome=Outcome.KILLED,
                low=number,
                high=number,
                qualifier=Qualifier.EXACT,
                group="people",
                claimant=match.group(2),
                via=("Wire Agency",) if match.group(2) else (),
                scope=Scope.EVENT,
                stance=Stance.ASSERTS,
                hedged=False,
                sentence_start=match.start(),
                sentence_end=match.end(),
            )
        )
    return found


_SUBCOUNT = re.compile(r"\b(?:including|remaining)\s*$", re.I)


def gold_extractor(
    gold_path: Path, texts_dir: Path
) -> Callable[[str, dt.date | None], list[ExtractedFigure]]:
    """An extractor that finds exactly the hand-annotated figures of known texts.

    Comparison tests load with it, so they test claim identity and disagreement
    logic on the seeds' true figures, whatever the extraction engine's score.
    Optional gold figures are left out, as borderline.
    """
    by_text: dict[str, list[ExtractedFigure]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["optional"]:
            continue
        text = (texts_dir / gold["doc"]).read_text(encoding="utf-8")
        quote_start = text.index(gold["quote"])
        start = quote_start + gold["quote"].index(gold["number"])
        by_text.setdefault(text, []).append(
            ExtractedFigure(
                start=start,
                end=start + len(gold["number"]),
                number=gold["number"],
                outcome=Outcome(gold["outcome"]),
                low=gold["low"],
                high=gold["high"],
                qualifier=Qualifier(gold["qualifier"]),
                group=gold["group"],
                claimant=gold["claimant"],
                via=tuple(gold["via"]),
                scope=Scope(gold["scope"]),
                stance=Stance.ASSERTS,
                hedged=False,
                sentence_start=quote_start,
                sentence_end=quote_start + len(gold["quote"]),
                subcount=_SUBCOUNT.search(gold["quote"].split(gold["number"])[0]) is not None,
            )
        )

    def extract(text: str, event_date: dt.date | None) -> list[ExtractedFigure]:
        return sorted(by_text.get(text, []), key=lambda f: f.start)

    return extract


def content(url: str) -> dict[str, set[tuple[object, ...]]]:
    """What a database says, without its row ids: two loads that stored the same
    things compare equal even if one was interrupted and resumed."""
    engine = db.make_engine(url)
    queries = {
        "sources": "SELECT key, sha256, title, publisher FROM sources",
        "actors": "SELECT name, kind, side FROM actors",
        "aliases": "SELECT a.alias, b.name FROM actor_aliases a JOIN actors b ON b.id = a.actor_id",
        "figures": (
            "SELECT s.key, f.number_start, f.number_end, f.outcome, f.low, f.high, f.group_key,"
            " f.scope, a.name, c.stance, c.sentence_start"
            " FROM figures f JOIN claims c ON c.id = f.claim_id"
            " JOIN sources s ON s.id = c.source_id LEFT JOIN actors a ON a.id = c.claimant_id"
        ),
        "relays": (
            "SELECT s.key, c.sentence_start, r.position, a.name FROM claim_relays r"
            " JOIN claims c ON c.id = r.claim_id JOIN sources s ON s.id = c.source_id"
            " JOIN actors a ON a.id = r.actor_id"
        ),
    }
    try:
        with engine.connect() as connection:
            found = {
                name: set(map(tuple, connection.execute(text(sql))))
                for name, sql in queries.items()
            }
    finally:
        engine.dispose()
    return found  # type: ignore[return-value]


def casualty_texts(folder: Path, count: int, *, sentences: int = 40, seed: int = 7) -> list[Path]:
    """`count` distinct news-like texts, each with many figures, for load tests."""
    import random

    rng = random.Random(seed)
    places = ["the market", "a school", "the port", "a convoy", "the hospital", "a checkpoint"]
    claimants = ["officials said", "the ministry said", "police told reporters", "a medic said"]
    paths = []
    for number in range(count):
        lines = [f"Strike report {number}", ""]
        for _ in range(sentences):
            killed, wounded = rng.randint(2, 900), rng.randint(2, 900)
            lines.append(
                f"At least {killed} people were killed and {wounded} wounded in an attack on "
                f"{rng.choice(places)} on Tuesday, {rng.choice(claimants)}."
            )
        paths.append(write(folder / f"report_{number:03d}.txt", "\n".join(lines) + "\n"))
    return paths
