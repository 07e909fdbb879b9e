"""One measurement per process: `python -m benchmarks.measure KIND --args '{...}'`.

`benchmarks/run.py` starts a fresh interpreter for every measurement, so the peak
resident memory it reports (`ru_maxrss`) belongs to that measurement alone. The
result is printed as one JSON line on stdout; progress and errors go to stderr.

Kinds:
  extract     extraction throughput over synthetic (and real) texts, 1 or N processes
  init        create the tollbook schema in a database
  load        `tollbook.load.load_paths` on a corpus folder, extraction included
  replicate   grow a database by copying its events, sources, claims and figures
  query       tolls, disagreements, or a CSV export, timed, with statements counted
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import Engine, event, func, insert, literal, select, text
from sqlalchemy.orm import Session

from benchmarks import corpus

ROOT = Path(__file__).resolve().parents[1]
REAL_TEXTS = (ROOT / "data" / "seeds", ROOT / "data" / "dev")

Result = dict[str, Any]


def _high_water_mark(pid: int | str = "self") -> int:
    """Peak resident memory of a process, in bytes: VmHWM, else ru_maxrss.

    Not ru_maxrss where VmHWM exists: Linux carries ru_maxrss over an exec, so a
    process started by a large parent reports the parent's size as its own peak.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    if pid != "self":
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def peak_rss() -> int:
    """Peak resident memory of this process, in bytes."""
    return _high_water_mark()


class ChildrenPeak:
    """The largest peak resident memory among this process's children (worker pools),
    read from their VmHWM every `interval` seconds while they run."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peak = 0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> ChildrenPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.sample(me)
            self._stop.wait(self._interval)

    def sample(self, me: psutil.Process) -> None:
        for child in me.children(recursive=True):
            self.peak = max(self.peak, _high_water_mark(child.pid))


def current_rss() -> int:
    return int(psutil.Process().memory_info().rss)


# --- extraction -----------------------------------------------------------------------


def _extract_count(item: tuple[str, str | None]) -> tuple[int, float]:
    """Figures found in one text, and the CPU seconds finding them took."""
    import datetime as dt

    from tollbook.extract import extract

    text, date = item
    cpu = time.process_time()
    found = extract(text, event_date=dt.date.fromisoformat(date) if date else None)
    return len(found), time.process_time() - cpu


def _warm(_: int = 0) -> tuple[int, float]:
    return _extract_count(("At least 12 people were killed, officials said.", None))


_ready: Any = None


def _start_worker(ready: Any) -> None:
    global _ready
    _ready = ready
    _warm()


def _wait_for_all(_: int) -> None:
    # Each worker takes one of these and waits for the others: when the map returns,
    # every worker has imported tollbook and run extraction once.
    _ready.wait()


def _busy(n: int) -> float:
    """A pure-Python loop: what one core can do, with nothing to share."""
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def _fastest(passes: list[tuple[float, list[tuple[int, float]]]]) -> tuple[float, list[Any]]:
    return min(passes, key=lambda p: p[0])


def measure_extract(seed: int, megabytes: float, jobs: int, real: bool, rounds: int = 3) -> Result:
    """Extraction throughput over the first `megabytes` of the corpus.

    The texts go through `rounds` times and the fastest pass counts: on a shared
    machine the slower passes measure the neighbours. With `jobs` > 1 the same is
    done for a pure-Python loop (`machine_speedup`), to show how much parallelism
    the machine gave at that moment.
    """
    items: list[tuple[str, str | None]] = []
    size = planted = 0
    index = 0
    while size < megabytes * 1e6:
        doc = corpus.document(seed, index)
        items.append((doc.text, doc.event.date.isoformat()))
        size += doc.size
        planted += doc.planted
        index += 1

    result: Result = {"jobs": jobs, "documents": len(items), "bytes": size, "planted": planted}
    passes: list[tuple[float, list[tuple[int, float]]]] = []
    if jobs == 1:
        _warm(0)
        for _ in range(rounds):
            start = time.perf_counter()
            counts = [_extract_count(item) for item in items]
            passes.append((time.perf_counter() - start, counts))
    else:
        context = multiprocessing.get_context("spawn")
        ready = context.Barrier(jobs)
        busy = 3_000_000
        with (
            ChildrenPeak() as children,
            context.Pool(jobs, initializer=_start_worker, initargs=(ready,)) as pool,
        ):
            # Workers import tollbook and warm up before the clock starts.
            pool.map(_wait_for_all, range(jobs), chunksize=1)
            for _ in range(rounds):
                start = time.perf_counter()
                counts = list(pool.imap_unordered(_extract_count, items, chunksize=4))
                passes.append((time.perf_counter() - start, counts))
            alone = min(_busy(busy) for _ in range(rounds))
            together = []
            for _ in range(rounds):
                start = time.perf_counter()
                pool.map(_busy, [busy] * jobs, chunksize=1)
                together.append(time.perf_counter() - start)
            children.sample(psutil.Process())
        pool.join()
        result["children_peak_rss"] = children.peak
        result["machine_speedup"] = jobs * alone / min(together)
    seconds, counts = _fastest(passes)
    figures = sum(n for n, _ in counts)
    cpu = sum(c for _, c in counts)
    result.update(figures=figures, seconds=seconds, cpu_seconds=cpu)
    result["all_seconds"] = [p[0] for p in passes]
    result.update(mb_per_s=size / seconds / 1e6, mb_per_cpu_s=size / cpu / 1e6)
    result["figures_per_s"] = figures / seconds
    result["load_average"] = os.getloadavg()[0]

    if real:
        # The seed and development texts, read repeatedly: the real-text reference.
        texts = [(p.read_text(encoding="utf-8"), None) for d in REAL_TEXTS for p in d.glob("*.txt")]
        real_size = sum(len(t.encode("utf-8")) for t, _ in texts)
        rounds = 0
        start = time.perf_counter()
        while rounds < 3 or time.perf_counter() - start < 1.0:
            real_figures = sum(_extract_count(item)[0] for item in texts)
            rounds += 1
        real_seconds = time.perf_counter() - start
        result["real"] = {
            "documents": len(texts),
            "bytes": real_size * rounds,
            "figures": real_figures * rounds,
            "seconds": real_seconds,
            "mb_per_s": real_size * rounds / real_seconds / 1e6,
        }
    result["peak_rss"] = peak_rss()
    result.setdefault("children_peak_rss", 0)
    return result


# --- databases ------------------------------------------------------------------------


def _engine(url: str) -> Engine:
    from tollbook import db

    return db.make_engine(url)


def measure_init(url: str) -> Result:
    from tollbook import db

    engine = _engine(url)
    start = time.perf_counter()
    db.upgrade(engine)
    engine.dispose()
    return {"seconds": time.perf_counter() - start}


def count_rows(engine: Engine) -> dict[str, int]:
    from tollbook.models import Claim, Event, Figure, Source

    with Session(engine) as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in (
                ("events", Event),
                ("sources", Source),
                ("claims", Claim),
                ("figures", Figure),
            )
        }


def measure_load(url: str, folder: str, jobs: int) -> Result:
    """`load_paths` into an initialised database, timed from plan to last commit."""
    from tollbook import db
    from tollbook.load import load_paths

    engine = _engine(url)
    kwargs: dict[str, Any] = {}
    if "jobs" in inspect.signature(load_paths).parameters:
        kwargs["jobs"] = jobs
    start = time.perf_counter()
    with ChildrenPeak() as children, db.session(engine) as session:
        summary = load_paths(session, [Path(folder)], **kwargs)
    seconds = time.perf_counter() - start
    statuses = dict(summary.counts)
    counts = count_rows(engine)
    engine.dispose()
    return {
        "seconds": seconds,
        "jobs": kwargs.get("jobs", 1),
        "jobs_supported": "jobs" in kwargs,
        "statuses": statuses,
        "rows": counts,
        "documents_per_s": counts["sources"] / seconds,
        "figures_per_s": counts["figures"] / seconds,
        "peak_rss": peak_rss(),
        "children_peak_rss": children.peak,
    }


def measure_replicate(url: str, copies: int) -> Result:
    """Grow a database to `copies` times its rows with INSERT ... SELECT.

    Copy k of every event, source, claim, relay and figure gets ids shifted by k
    times the largest id, keys suffixed `-rK` and a distinct sha256, so the copy
    has the same shape as the original: as many events, each with its claims.
    Actors and groups are shared, as they are across real events.
    """
    from tollbook.models import Base

    engine = _engine(url)
    # Parents before children, for the foreign keys.
    names = ("events", "sources", "claims", "claim_relays", "figures")
    tables = {name: Base.metadata.tables[name] for name in names}
    start = time.perf_counter()
    with engine.begin() as connection:
        top = {
            name: int(connection.scalar(select(func.max(t.c.id))) or 0)
            for name, t in tables.items()
            if name != "claim_relays"
        }
        shifted = {
            ("events", "id"): "events",
            ("sources", "id"): "sources",
            ("sources", "event_id"): "events",
            ("claims", "id"): "claims",
            ("claims", "source_id"): "sources",
            ("claim_relays", "claim_id"): "claims",
            ("figures", "id"): "figures",
            ("figures", "claim_id"): "claims",
            # Figures carry copies of their claim's source and event (models.Figure).
            ("figures", "source_id"): "sources",
            ("figures", "event_id"): "events",
        }
        for copy in range(1, copies):
            for name, table in tables.items():
                columns = []
                for column in table.columns:
                    by = shifted.get((name, column.name))
                    if by is not None:
                        columns.append(column + copy * top[by])
                    elif (name, column.name) in (("events", "key"), ("sources", "key")):
                        columns.append(column.concat(f"-r{copy}"))
                    elif (name, column.name) == ("sources", "sha256"):
                        columns.append(func.substr(column, 1, 56).concat(literal(f"{copy:08d}")))
                    else:
                        columns.append(column)
                original = (
                    table.c.claim_id <= top["claims"]
                    if name == "claim_relays"
                    else table.c.id <= top[name]
                )
                connection.execute(
                    insert(table).from_select(
                        [c.name for c in table.columns], select(*columns).where(original)
                    )
                )
        if engine.dialect.name == "postgresql":
            for name in tables:
                if name != "claim_relays":
                    connection.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"),
                        {"t": name, "v": top[name] * copies},
                    )
    seconds = time.perf_counter() - start
    counts = count_rows(engine)
    engine.dispose()
    return {"seconds": seconds, "copies": copies, "rows": counts, "peak_rss": peak_rss()}


def measure_analyze(url: str) -> Result:
    engine = _engine(url)
    start = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()
    return {"seconds": time.perf_counter() - start}


# --- queries --------------------------------------------------------------------------


class Statements:
    """Every statement the engine sends, with its parameters and time to execute.

    With `skip_repeats`, an aggregate SELECT (one with GROUP BY) already sent once is
    sent again wrapped in a `LIMIT 0` query: a function that runs one statement per
    group (thousands on a large database) then shows every statement it uses in
    about the time of one each. Only for collecting plans: its answer is wrong then.
    """

    def __init__(self, engine: Engine, *, skip_repeats: bool = False) -> None:
        self.seen: list[tuple[str, Any]] = []
        self.time: dict[str, float] = {}
        self.count: dict[str, int] = {}
        self.first: dict[str, float] = {}  # how long its first execution took
        self.skip_repeats = skip_repeats
        self._started: float = 0.0
        self._current = ""
        event.listen(engine, "before_cursor_execute", self._before, retval=True)
        event.listen(engine, "after_cursor_execute", self._after)

    def clear(self) -> None:
        self.seen.clear()
        self.time.clear()
        self.count.clear()
        self.first.clear()

    def _before(
        self, conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any
    ) -> tuple[str, Any]:
        self._current = statement
        repeated = statement in self.first and "GROUP BY" in statement
        self.seen.append((statement, parameters))
        self._started = time.perf_counter()
        if self.skip_repeats and repeated and _is_query(statement):
            # The statement is tollbook's own SQL, seen a moment ago; no user text in it.
            statement = f"SELECT * FROM ({statement}) AS skipped LIMIT 0"  # noqa: S608
        return statement, parameters

    def _after(self, *_: Any) -> None:
        statement = self._current
        seconds = time.perf_counter() - self._started
        self.first.setdefault(statement, seconds)
        self.time[statement] = self.time.get(statement, 0.0) + seconds
        self.count[statement] = self.count.get(statement, 0) + 1


def _is_query(statement: str) -> bool:
    return statement.lstrip().upper().startswith(("SELECT", "WITH"))


def _query(what: str) -> Callable[[Session], int]:
    from tollbook import compare
    from tollbook.render import render
    from tollbook.schemas import ClaimRecord, TollRecord

    def counted(rows: Iterator[Any]) -> int:
        # Consume as a caller that streams would: the rows are not all kept.
        n = 0
        for _ in rows:
            n += 1
        return n

    def export(rows: Iterator[Any], record: Any) -> int:
        n = 0

        def counting() -> Iterator[Any]:
            nonlocal n
            for row in rows:
                n += 1
                yield row

        with open(os.devnull, "w", newline="", encoding="utf-8") as out:
            render(counting(), "csv", out, record=record)
        return n

    queries: dict[str, Callable[[Session], int]] = {
        "tolls": lambda s: counted(compare.tolls(s, outcome="killed")),
        "disagreements": lambda s: len(compare.disagreements(s, outcome="killed")),
        "export-claims": lambda s: export(compare.claims(s), ClaimRecord),
        "export-tolls": lambda s: export(compare.tolls(s), TollRecord),
    }
    return queries[what]


def _explain(engine: Engine, statements: list[tuple[str, Any]], limit: int = 12) -> list[Result]:
    """The plan of each distinct statement (first parameters seen), in order of first use."""
    plans: list[Result] = []
    done: set[str] = set()
    with engine.connect() as connection:
        for statement, parameters in statements:
            if statement in done or not _is_query(statement):
                continue
            done.add(statement)
            if len(plans) >= limit:
                break
            if engine.dialect.name == "postgresql":
                prefix = "EXPLAIN (ANALYZE, BUFFERS) "
            else:
                prefix = "EXPLAIN QUERY PLAN "
            start = time.perf_counter()
            rows = connection.exec_driver_sql(prefix + statement, parameters).all()
            seconds = time.perf_counter() - start
            if engine.dialect.name == "postgresql":
                plan = [row[0] for row in rows]
            else:
                # (id, parent, notused, detail): indent by depth in the plan tree.
                depth: dict[int, int] = {0: -1}
                plan = []
                for node, parent, _, detail in rows:
                    depth[node] = depth.get(parent, -1) + 1
                    plan.append("  " * depth[node] + str(detail))
            plans.append({"statement": statement, "seconds": seconds, "plan": plan})
    return plans


def measure_query(url: str, what: str, explain: bool) -> Result:
    from tollbook import db

    engine = _engine(url)
    statements = Statements(engine, skip_repeats=explain)
    run = _query(what)
    with db.session(engine) as session:
        session.execute(text("SELECT 1"))  # connect before the clock starts
        statements.clear()
        rss_before = current_rss()
        start = time.perf_counter()
        stopped = None
        try:
            rows = run(session)
        except Exception as exc:
            if not explain:
                raise
            # Skipped statements return no rows, which the code may not expect; the
            # statements it sent so far are what EXPLAIN needs.
            rows, stopped = 0, f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
    result: Result = {
        "what": what,
        # In explain mode repeated statements were skipped: the time is not the query's.
        "seconds": None if explain else seconds,
        "rows": rows,
        "statements": len(statements.seen),
        "statement_seconds": sum(statements.time.values()),
        "rss_before": rss_before,
        "peak_rss": peak_rss(),
    }
    slowest = sorted(statements.time.items(), key=lambda kv: kv[1], reverse=True)[:5]
    result["slowest"] = [
        {"statement": s, "executions": statements.count[s], "seconds": t} for s, t in slowest
    ]
    if explain:
        result["plans"] = _explain(engine, statements.seen)
        result["stopped"] = stopped
    engine.dispose()
    return result


# --- command line ---------------------------------------------------------------------


@contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Library output must not mix with the one JSON line run.py reads."""
    saved = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        sys.stdout = saved


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    kinds = ["extract", "init", "load", "replicate", "analyze", "query"]
    parser.add_argument("kind", choices=kinds)
    parser.add_argument("--args", default="{}", help="JSON object of keyword arguments")
    options = parser.parse_args(argv)
    kwargs = json.loads(options.args)
    runners: dict[str, Callable[..., Result]] = {
        "extract": measure_extract,
        "init": measure_init,
        "load": measure_load,
        "replicate": measure_replicate,
        "analyze": measure_analyze,
        "query": measure_query,
    }
    with _stdout_to_stderr():
        result = runners[options.kind](**kwargs)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
