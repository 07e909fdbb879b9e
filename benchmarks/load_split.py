"""Where a load's time goes: extraction alone, and storing alone.

Loads one synthetic corpus (benchmarks/corpus.py) three times, in one process:
first into a scratch SQLite file with the real extractor, recording what it finds
and timing it; then into a fresh SQLite file and a fresh PostgreSQL schema with an
extractor that replays the recorded figures, so those loads time only reading,
actor resolution and the inserts of `load_paths`. Prints figures; asserts nothing.

Example:
    python benchmarks/load_split.py --figures 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.exc import SQLAlchemyError  # noqa: E402

from benchmarks import corpus  # noqa: E402
from benchmarks.run import DEFAULT_POSTGRES, POSTGRES_VAR  # noqa: E402
from tollbook import db  # noqa: E402
from tollbook.extract.figure import ExtractedFigure  # noqa: E402
from tollbook.load import default_extractor, load_paths  # noqa: E402
from tollbook.models import Figure  # noqa: E402

Recorded = dict[tuple[str, dt.date | None], Sequence[ExtractedFigure]]


def _load(url: str, folder: Path, extractor: object) -> tuple[float, int]:
    engine = db.make_engine(db.resolve_url(url))
    db.upgrade(engine)
    start = time.perf_counter()
    with db.session(engine) as session:
        load_paths(session, [folder], extractor=extractor)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    with db.session(engine) as session:
        figures = int(session.scalar(select(func.count()).select_from(Figure)) or 0)
    engine.dispose()
    return seconds, figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--figures", type=int, default=10_000, help="corpus size in figures")
    parser.add_argument("--seed", type=int, default=1729)
    parser.add_argument("--postgres-url", default=None, help=f"default ${POSTGRES_VAR} or local")
    options = parser.parse_args(argv)
    base = options.postgres_url or os.environ.get(POSTGRES_VAR, DEFAULT_POSTGRES)
    recorded: Recorded = {}

    def record(body: str, event_date: dt.date | None) -> Sequence[ExtractedFigure]:
        found = default_extractor(body, event_date)
        recorded[(body, event_date)] = found
        return found

    def replay(body: str, event_date: dt.date | None) -> Sequence[ExtractedFigure]:
        return recorded[(body, event_date)]

    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory(prefix="tollbook-split-") as work:
        folder = corpus.write_corpus(
            Path(work) / "corpus", corpus.documents_for_figures(options.seed, options.figures)
        )
        rows.append(
            ("sqlite, extraction included", *_load(f"sqlite:///{work}/a.db", folder, record))
        )
        rows.append(("sqlite, storing only", *_load(f"sqlite:///{work}/b.db", folder, replay)))
        schema = f"split_{uuid.uuid4().hex[:8]}"
        admin = db.make_engine(db.resolve_url(base))
        try:
            with admin.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        except SQLAlchemyError as exc:  # no server: the PostgreSQL row is left out
            print(f"postgresql skipped: {str(exc).splitlines()[0]}", file=sys.stderr)
        else:
            url = db.resolve_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
            try:
                loaded = _load(url.render_as_string(False), folder, replay)
                rows.append(("postgresql, storing only", *loaded))
            finally:
                with admin.begin() as connection:
                    connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    print(f"{'load':<30} {'figures':>8} {'seconds':>8} {'figures/s':>10} {'µs/figure':>10}")
    for label, seconds, figures in rows:
        print(
            f"{label:<30} {figures:>8,} {seconds:>8.2f} {figures / seconds:>10,.0f}"
            f" {1e6 * seconds / figures:>10.0f}"
        )
    (_, with_extraction, n), (_, storing, _) = rows[0], rows[1]
    print(f"extraction alone: about {1e6 * (with_extraction - storing) / n:.0f} µs/figure")


if __name__ == "__main__":
    main()
