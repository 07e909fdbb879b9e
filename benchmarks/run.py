"""Benchmark tollbook end to end and print the figures against the targets.

    python benchmarks/run.py [--sizes 10000,100000,1000000] [--backends sqlite,postgresql]
                             [--jobs 2] [--quick] [--verbose] [--json benchmarks/results.json]

Generates a deterministic synthetic corpus (benchmarks/corpus.py), then measures,
each in a fresh process (benchmarks/measure.py) so peak memory is per measurement:
extraction throughput on one core and on --jobs processes; `load_paths` into
SQLite and PostgreSQL, extraction included; the latency and peak memory of
`tolls`, `disagreements` and CSV exports at every size. Sizes are counts of
stored figures. Sizes above --load-limit are built by replicating the largest
loaded database with INSERT ... SELECT (the output says which method built each
one). Nothing here asserts on time: it prints, and writes JSON.

See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from benchmarks import corpus  # noqa: E402

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
POSTGRES_VAR = "TOLLBOOK_BENCH_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")
QUERIES = ("tolls", "disagreements", "export-claims", "export-tolls")
EXPLAINED = ("tolls", "disagreements")
# A query this fast is repeated (--repeat times) and its median reported.
CHEAP_SECONDS = 10.0

# The targets (2-core machine).
EXTRACT_MB_PER_S = 1.0
JOBS_SPEEDUP = 1.6
LOAD_FIGURES_PER_S = {"sqlite": 5000.0, "postgresql": 3000.0}
QUERY_SECONDS = 2.0
TARGET_FIGURES = 1_000_000
PEAK_RSS_BYTES = 400 * 2**20
COST_GROWTH = 1.5
WALL_SECONDS = 15 * 60

Result = dict[str, Any]


class MeasurementError(RuntimeError):
    pass


class MeasurementTimeout(MeasurementError):
    pass


@dataclass
class Run:
    """What one benchmark run measured, as written to JSON."""

    meta: Result = field(default_factory=dict)
    extraction: list[Result] = field(default_factory=list)
    corpora: list[Result] = field(default_factory=list)
    builds: list[Result] = field(default_factory=list)
    queries: list[Result] = field(default_factory=list)
    targets: list[Result] = field(default_factory=list)
    plans: list[Result] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --- processes ------------------------------------------------------------------------


def measure(kind: str, timeout: float | None = None, **kwargs: Any) -> Result:
    """Run one measurement in a fresh interpreter and return its JSON result.

    A measurement still running after `timeout` seconds is killed with its whole
    process group (load workers included) and MeasurementTimeout raised.
    """
    command = [sys.executable, "-m", "benchmarks.measure", kind, "--args", json.dumps(kwargs)]
    with subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as child:
        try:
            stdout, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            raise MeasurementTimeout(f"{kind} killed after {timeout:g} s") from None
    process = subprocess.CompletedProcess(command, child.returncode, stdout, stderr)
    if process.returncode != 0:
        tail = "\n".join(process.stderr.strip().splitlines()[-8:])
        raise MeasurementError(f"{kind} failed (exit {process.returncode}):\n{tail}")
    result: Result = json.loads(process.stdout.strip().splitlines()[-1])
    return result


# --- backends -------------------------------------------------------------------------


class Backend:
    name = ""

    def url(self, label: str) -> str:
        raise NotImplementedError

    def create(self, label: str) -> str:
        return self.url(label)

    def drop(self, label: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def after_timeout(self) -> None:
        """Stop whatever a killed measurement left running."""


class SQLiteBackend(Backend):
    name = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, label: str) -> Path:
        return self.folder / f"{label}.db"

    def url(self, label: str) -> str:
        return f"sqlite:///{self.path(label)}"

    def drop(self, label: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path(label)}{suffix}").unlink(missing_ok=True)


class PostgresBackend(Backend):
    """A schema of its own per database, created and dropped by the benchmark."""

    name = "postgresql"

    def __init__(self, base_url: str) -> None:
        from sqlalchemy import text

        from tollbook import db

        self.base = db.resolve_url(base_url)
        self.admin = db.make_engine(self.base)
        self.run_id = uuid.uuid4().hex[:8]
        self.schemas: list[str] = []
        with self.admin.connect() as connection:
            connection.execute(text("SELECT 1"))

    def schema(self, label: str) -> str:
        return f"bench_{self.run_id}_{label}"

    def url(self, label: str) -> str:
        url = self.base.update_query_dict(
            {"options": f"-csearch_path={self.schema(label)}", "application_name": self.tag}
        )
        return url.render_as_string(hide_password=False)

    @property
    def tag(self) -> str:
        return f"tollbook-bench-{self.run_id}"

    def after_timeout(self) -> None:
        # The server keeps running a killed client's statement until it next talks to it.
        from sqlalchemy import text

        with self.admin.begin() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :tag AND pid <> pg_backend_pid()"
                ),
                {"tag": self.tag},
            )

    def create(self, label: str) -> str:
        from sqlalchemy import text

        with self.admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{self.schema(label)}"'))
        self.schemas.append(self.schema(label))
        return self.url(label)

    def drop(self, label: str) -> None:
        from sqlalchemy import text

        schema = self.schema(label)
        if schema in self.schemas:
            with self.admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            self.schemas.remove(schema)

    def close(self) -> None:
        for schema in list(self.schemas):
            self.drop(schema.removeprefix(f"bench_{self.run_id}_"))
        self.admin.dispose()


def source_fingerprint() -> str:
    """A hash of tollbook's source files: the figures of one run belong to one version."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "tollbook").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def git_revision() -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() or None


# --- the run --------------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def _fmt_seconds(s: float) -> str:
    return f"{s:,.3f}" if s < 10 else f"{s:,.1f}"


class Benchmark:
    def __init__(self, options: argparse.Namespace, console: Console) -> None:
        self.options = options
        self.console = console
        self.run = Run()
        self.started = time.perf_counter()
        if options.workdir is not None:
            options.workdir.mkdir(parents=True, exist_ok=True)
        # A folder of its own, even inside --workdir: it is removed afterwards.
        self.workdir = Path(tempfile.mkdtemp(prefix="tollbook-bench-", dir=options.workdir))
        self.figures_per_planted = 1.0
        self.timed_out: dict[tuple[str, str], int] = {}

    def say(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        self.console.print(f"[dim][{elapsed:6.1f}s][/dim] {message}", highlight=False)

    def attempt(self, what: str, action: Callable[[], Result]) -> Result | None:
        try:
            return action()
        except MeasurementError as exc:
            self.run.errors.append(f"{what}: {exc}")
            self.say(f"[red]{what}: {exc}[/red]")
            return None

    # extraction ------------------------------------------------------------------------

    def extraction(self) -> None:
        o = self.options
        for jobs in sorted({1, o.jobs}):
            result = self.attempt(
                f"extraction, {jobs} job(s)",
                functools.partial(
                    measure,
                    "extract",
                    seed=o.seed,
                    megabytes=o.extract_mb,
                    jobs=jobs,
                    real=jobs == 1,
                ),
            )
            if result is None:
                continue
            self.run.extraction.append(result)
            self.say(
                f"extraction, {jobs} job(s): {result['mb_per_s']:.2f} MB/s "
                f"({result['figures']:,} figures in {result['bytes'] / 1e6:.1f} MB)"
            )
            if jobs == 1 and result["planted"]:
                self.figures_per_planted = result["figures"] / result["planted"]

    # corpora, databases, queries -------------------------------------------------------

    def corpus_folder(self, size: int) -> Path:
        folder = self.workdir / f"corpus-{size}"
        if not folder.exists():
            docs = corpus.documents_for_figures(self.options.seed, size, self.figures_per_planted)
            corpus.write_corpus(folder, docs)
            info = {
                "size": size,
                "documents": len(docs),
                "bytes": sum(d.size for d in docs),
                "planted": sum(d.planted for d in docs),
                "events": len({d.event.key for d in docs}),
            }
            self.run.corpora.append(info)
            self.say(
                f"corpus for {size:,} figures: {len(docs):,} documents, "
                f"{info['bytes'] / 1e6:.1f} MB, {info['events']:,} events"
            )
        return folder

    def backend(self, name: str) -> Backend | None:
        if name == "sqlite":
            folder = self.workdir / "sqlite"
            folder.mkdir(exist_ok=True)
            return SQLiteBackend(folder)
        if name == "postgresql":
            try:
                return PostgresBackend(self.options.postgres_url)
            except Exception as exc:
                message = f"PostgreSQL at {self.options.postgres_url} unavailable: {exc}"
                self.run.errors.append(message)
                self.say(f"[red]{message}; skipping it[/red]")
                return None
        raise SystemExit(f"unknown backend {name!r}: choose sqlite or postgresql")

    def load(self, backend: Backend, size: int, label: str, jobs: int) -> Result | None:
        folder = self.corpus_folder(size)
        url = backend.create(label)
        if self.attempt("init", lambda: measure("init", url=url)) is None:
            return None
        result = self.attempt(
            f"load {backend.name} {size:,}",
            lambda: measure("load", url=url, folder=str(folder), jobs=jobs),
        )
        if result is None:
            return None
        result.update(backend=backend.name, size=size, method="load", label=label)
        self.run.builds.append(result)
        jobs_note = "" if result["jobs_supported"] else " (load_paths has no jobs: sequential)"
        self.say(
            f"load {backend.name} {size:,} (jobs {result['jobs']}{jobs_note}): "
            f"{result['rows']['figures']:,} figures in {result['seconds']:.1f} s = "
            f"{result['figures_per_s']:,.0f} figures/s, peak {_mb(result['peak_rss'])}"
        )
        return result

    def replicate(self, backend: Backend, size: int, base: Result, label: str) -> Result | None:
        copies = max(2, round(size / max(1, base["rows"]["figures"])))
        url = backend.url(label)
        result = self.attempt(
            f"replicate {backend.name} to {size:,}",
            lambda: measure("replicate", url=url, copies=copies),
        )
        if result is None:
            return None
        result.update(
            backend=backend.name,
            size=size,
            method=f"replicated {base['size']:,} ×{copies}",
            label=label,
        )
        self.run.builds.append(result)
        self.say(
            f"built {backend.name} {size:,} by replicating the {base['size']:,}-figure "
            f"database ×{copies}: {result['rows']['figures']:,} figures in "
            f"{result['seconds']:.1f} s"
        )
        return result

    def queries(self, backend: Backend, size: int, label: str, figures: int) -> None:
        url = backend.url(label)
        if backend.name == "postgresql":
            # What autovacuum would do shortly after a bulk load; timings do not wait on it.
            self.attempt("analyze", lambda: measure("analyze", url=url))
        for what in QUERIES:
            timeout = (
                self.options.export_timeout
                if what.startswith("export")
                else self.options.query_timeout
            )
            row: Result = {"backend": backend.name, "size": size, "figures": figures, "what": what}
            slower = self.timed_out.get((backend.name, what))
            if slower is not None:
                # It can only be slower on more figures: skip it, keep the budget.
                row.update(skipped=f"> {timeout:g} s at {slower:,} figures", seconds=None)
                row["timeout"] = timeout
                self.run.queries.append(row)
                self.say(f"{what} {backend.name} {figures:,}: skipped ({row['skipped']})")
                continue
            runs: list[Result] = []
            for _ in range(max(1, self.options.repeat)):
                try:
                    result = measure("query", timeout, url=url, what=what, explain=False)
                except MeasurementTimeout:
                    backend.after_timeout()
                    self.timed_out[(backend.name, what)] = figures
                    row.update(timed_out=True, seconds=None, timeout=timeout)
                    self.run.queries.append(row)
                    killed = f"{what} {backend.name} {figures:,}: > {timeout:g} s, killed"
                    self.say(f"[red]{killed}[/red]")
                    runs = []
                    break
                except MeasurementError as exc:
                    self.run.errors.append(f"{what} {backend.name} {size:,}: {exc}")
                    self.say(f"[red]{what} {backend.name} {size:,}: {exc}[/red]")
                    break
                runs.append(result)
                if result["seconds"] >= CHEAP_SECONDS:
                    break
            if not runs:
                continue
            seconds = statistics.median(r["seconds"] for r in runs)
            row.update(
                runs=[r["seconds"] for r in runs],
                seconds=seconds,
                seconds_per_figure=seconds / max(1, figures),
                rows=runs[0]["rows"],
                statements=runs[0]["statements"],
                statement_seconds=runs[0]["statement_seconds"],
                slowest=runs[0]["slowest"],
                peak_rss=max(r["peak_rss"] for r in runs),
                rss_before=runs[0]["rss_before"],
            )
            self.run.queries.append(row)
            self.say(
                f"{what} {backend.name} {figures:,} figures: {seconds:.3f} s "
                f"(median of {len(runs)}), {row['rows']:,} rows, {row['statements']:,} "
                f"statements, peak {_mb(row['peak_rss'])}"
            )

    def explain(self, backend: Backend, size: int, label: str) -> None:
        url = backend.url(label)
        for what in EXPLAINED:
            try:
                result: Result | None = measure(
                    "query", self.options.query_timeout * 2, url=url, what=what, explain=True
                )
            except MeasurementTimeout:
                backend.after_timeout()
                result = None
                self.say(f"[red]explain {what} {backend.name}: timed out[/red]")
            except MeasurementError as exc:
                self.run.errors.append(f"explain {what}: {exc}")
                result = None
            if result is not None:
                self.run.plans.append(
                    {"backend": backend.name, "size": size, "what": what, **result}
                )

    def backend_series(self, name: str) -> None:
        backend = self.backend(name)
        if backend is None:
            return
        try:
            sizes = sorted(self.options.sizes)
            loaded: Result | None = None
            live: str | None = None  # the database the next replication grows
            for size in sizes:
                label = str(size)
                if size <= self.options.load_limit:
                    if live is not None and live != label:
                        backend.drop(live)
                    built = self.load(backend, size, label, self.options.jobs)
                    if built is None:
                        continue
                    loaded, live = built, label
                    if size == sizes[0] and self.options.jobs > 1 and self.options.compare_jobs:
                        self.load_one_job(backend, size)
                else:
                    if loaded is None or live is None:
                        self.say(f"[red]no loaded database to replicate for {size:,}[/red]")
                        continue
                    built = self.replicate(backend, size, loaded, live)
                    if built is None:
                        continue
                    label = live
                self.queries(backend, size, label, built["rows"]["figures"])
                if self.options.verbose and size == sizes[-1]:
                    self.explain(backend, size, label)
            if live is not None:
                backend.drop(live)
        finally:
            backend.close()

    def load_one_job(self, backend: Backend, size: int) -> None:
        """The same load with one process, to show what --jobs buys."""
        label = f"{size}_jobs1"
        result = self.load(backend, size, label, 1)
        if result is not None:
            result["method"] = "load, jobs 1 (comparison only)"
        backend.drop(label)

    def execute(self) -> Run:
        o = self.options
        self.run.meta = {
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average_start": os.getloadavg(),
            "git_revision": git_revision(),
            "source_at_start": source_fingerprint(),
            "sizes": o.sizes,
            "backends": o.backends,
            "jobs": o.jobs,
            "seed": o.seed,
            "load_limit": o.load_limit,
            "repeat": o.repeat,
            "query_timeout": o.query_timeout,
            "export_timeout": o.export_timeout,
            "extract_mb": o.extract_mb,
        }
        try:
            self.extraction()
            for name in o.backends:
                self.backend_series(name)
        finally:
            if not o.keep:
                shutil.rmtree(self.workdir, ignore_errors=True)
        self.run.meta["wall_seconds"] = time.perf_counter() - self.started
        self.run.meta["load_average_end"] = os.getloadavg()
        self.run.meta["source_at_end"] = source_fingerprint()
        self.run.targets = evaluate(self.run, o)
        return self.run


# --- targets --------------------------------------------------------------------------


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def _at_least_seconds(q: Result) -> float:
    """A query's time, or for one killed or skipped, the time it is known to exceed."""
    return float(q["seconds"] if q.get("seconds") is not None else q.get("timeout", 0.0))


def _seconds_text(q: Result) -> str:
    if q.get("timed_out"):
        return f"> {q['timeout']:g} s (killed)"
    if q.get("skipped"):
        return f"> {q['timeout']:g} s (not run: {q['skipped']})"
    return f"{q['seconds']:.2f} s"


def evaluate(run: Run, options: argparse.Namespace) -> list[Result]:
    """Each target against the measured numbers; n/a where the run did not measure it."""
    targets: list[Result] = []

    def add(target: str, measured: str, ok: bool | None) -> None:
        targets.append({"target": target, "measured": measured, "verdict": _verdict(ok)})

    one = next((r for r in run.extraction if r["jobs"] == 1), None)
    many = next((r for r in run.extraction if r["jobs"] > 1), None)
    if one is not None:
        real = one.get("real", {}).get("mb_per_s")
        note = f" (real seed+dev texts: {real:.2f} MB/s)" if real else ""
        add(
            f"extraction ≥ {EXTRACT_MB_PER_S:g} MB/s on one core",
            f"{one['mb_per_s']:.2f} MB/s{note}",
            one["mb_per_s"] >= EXTRACT_MB_PER_S,
        )
    if one is not None and many is not None:
        ratio = many["mb_per_s"] / one["mb_per_s"]
        machine = many.get("machine_speedup")
        context = f"; a pure-Python loop got {machine:.2f}× at the time" if machine else ""
        add(
            f"extraction with --jobs {many['jobs']} ≥ {JOBS_SPEEDUP:g}× one job",
            f"{ratio:.2f}× ({many['mb_per_s']:.2f} MB/s{context})",
            ratio >= JOBS_SPEEDUP,
        )

    loads = [b for b in run.builds if b["method"] == "load"]
    for backend, floor in LOAD_FIGURES_PER_S.items():
        mine = [b for b in loads if b["backend"] == backend]
        if mine:
            rates = ", ".join(f"{b['figures_per_s']:,.0f}/s at {b['size']:,}" for b in mine)
            add(
                f"load into {backend} ≥ {floor:,.0f} figures/s, extraction included",
                rates,
                min(b["figures_per_s"] for b in mine) >= floor,
            )

    queries = run.queries
    for what in ("tolls", "disagreements"):
        for backend in BACKENDS:
            mine = [q for q in queries if q["backend"] == backend and q["what"] == what]
            if not mine:
                continue
            q = max(mine, key=lambda q: q["size"])
            reached = q["size"] >= TARGET_FIGURES
            if q.get("skipped"):
                shown = f"{q['skipped']}, so not run at {q['figures']:,}"
            else:
                shown = f"{_seconds_text(q)} at {q['figures']:,} figures"
            add(
                f"{what} on 1M figures ≤ {QUERY_SECONDS:g} s ({backend})",
                shown + ("" if reached else " (1M not run)"),
                _at_least_seconds(q) <= QUERY_SECONDS if reached else None,
            )

    for backend in BACKENDS:
        mine = [b for b in loads if b["backend"] == backend]
        if mine:
            top = max(mine, key=lambda b: b["size"])
            peaks = ", ".join(
                f"{_mb(max(b['peak_rss'], b['children_peak_rss']))} at {b['size']:,}" for b in mine
            )
            if top["size"] < TARGET_FIGURES:
                peaks += f" (largest load {top['size']:,}; larger sizes built by replication)"
            add(
                f"load peak RSS < {_mb(PEAK_RSS_BYTES)} ({backend})",
                peaks,
                max(top["peak_rss"], top["children_peak_rss"]) < PEAK_RSS_BYTES,
            )
        measured = [q for q in queries if q["backend"] == backend and q.get("peak_rss") is not None]
        if measured:
            size = max(q["size"] for q in measured)
            worst = max((q for q in measured if q["size"] == size), key=lambda q: q["peak_rss"])
            add(
                f"query peak RSS < {_mb(PEAK_RSS_BYTES)} at 1M figures ({backend})",
                f"{_mb(worst['peak_rss'])} ({worst['what']}, {worst['figures']:,} figures; "
                "queries killed for time not included)",
                worst["peak_rss"] < PEAK_RSS_BYTES if size >= TARGET_FIGURES else None,
            )

    for backend in BACKENDS:
        for what in QUERIES:
            series = sorted(
                (q for q in queries if q["backend"] == backend and q["what"] == what),
                key=lambda q: q["size"],
            )
            if len(series) < 2 or series[0].get("seconds") is None:
                continue
            first, last = series[0], series[-1]
            base = first["seconds_per_figure"]
            if last.get("seconds") is not None:
                growth = last["seconds_per_figure"] / base
                shown = f"{growth:.2f}×"
                ok: bool | None = growth <= COST_GROWTH
            else:
                # Killed or not run: only a lower bound. Cost per figure does not fall
                # with size, so a bound already past the limit at any size is a miss.
                bounds = [
                    (_at_least_seconds(q) / q["figures"] / base, q["figures"])
                    for q in series[1:]
                    if q.get("seconds") is None
                ]
                growth, at = max(bounds)
                shown = f"> {growth:.2f}× (bound from the time limit at {at:,} figures)"
                done = [q for q in series[1:] if q.get("seconds") is not None]
                if done:
                    q = max(done, key=lambda q: q["seconds_per_figure"])
                    shown += f"; {q['seconds_per_figure'] / base:.2f}× at {q['figures']:,}"
                ok = False if growth > COST_GROWTH else None
            spans_target = first["size"] <= 10_000 and last["size"] >= TARGET_FIGURES
            add(
                f"{what} time per figure grows ≤ {COST_GROWTH:g}× 10k→1M ({backend})",
                f"{shown}; {first['figures']:,}→{last['figures']:,} figures",
                ok if spans_target else None,
            )

    wall = run.meta.get("wall_seconds", 0.0)
    full = max(options.sizes) >= TARGET_FIGURES and set(BACKENDS) <= set(options.backends)
    add(
        "whole benchmark < 15 min with PostgreSQL",
        f"{wall / 60:.1f} min",
        wall < WALL_SECONDS if full else None,
    )
    return targets


# --- output ---------------------------------------------------------------------------


def print_report(run: Run, console: Console, verbose: bool) -> None:
    meta = run.meta
    console.print()
    console.print(
        f"tollbook benchmark — {meta['started']}, Python {meta['python']}, "
        f"{meta['cpus']} CPUs, load average {meta['load_average_start'][0]:.2f} at start, "
        f"{meta['load_average_end'][0]:.2f} at end; seed {meta['seed']}; "
        f"tollbook at {meta.get('git_revision')}, source {meta.get('source_at_start')}",
        highlight=False,
    )
    if meta.get("source_at_end", meta.get("source_at_start")) != meta.get("source_at_start"):
        console.print(
            "[red]warning: src/tollbook changed during the run; its figures mix versions[/red]"
        )

    table = Table(
        title="Extraction (synthetic corpus; one process, then --jobs processes; fastest of 3)"
    )
    for column in ("jobs", "MB", "documents", "figures", "seconds", "MB/s", "MB/CPU-s",
                   "figures/s", "peak RSS"):  # fmt: skip
        table.add_column(column, justify="right")
    for r in run.extraction:
        table.add_row(
            str(r["jobs"]),
            f"{r['bytes'] / 1e6:.2f}",
            f"{r['documents']:,}",
            f"{r['figures']:,}",
            _fmt_seconds(r["seconds"]),
            f"{r['mb_per_s']:.2f}",
            f"{r['mb_per_cpu_s']:.2f}",
            f"{r['figures_per_s']:,.0f}",
            _mb(max(r["peak_rss"], r["children_peak_rss"])),
        )
        if "real" in r:
            real = r["real"]
            table.add_row(
                "1 (real texts)",
                f"{real['bytes'] / 1e6:.2f}",
                f"{real['documents']:,}",
                f"{real['figures']:,}",
                _fmt_seconds(real["seconds"]),
                f"{real['mb_per_s']:.2f}",
                "",
                f"{real['figures'] / real['seconds']:,.0f}",
                "",
            )
    console.print(table)

    if run.corpora:
        table = Table(title="Corpora written for loading")
        for column in ("target figures", "documents", "MB", "events", "figures planted"):
            table.add_column(column, justify="right")
        for c in run.corpora:
            table.add_row(
                f"{c['size']:,}",
                f"{c['documents']:,}",
                f"{c['bytes'] / 1e6:.1f}",
                f"{c['events']:,}",
                f"{c['planted']:,}",
            )
        console.print(table)

    table = Table(title="Databases: load (extraction included) or replication")
    for column in ("backend", "size", "built by", "jobs", "documents", "figures", "seconds",
                   "docs/s", "figures/s", "µs/figure", "peak RSS", "workers' peak"):  # fmt: skip
        table.add_column(column, justify="right")
    for b in run.builds:
        loading = b["method"].startswith("load")
        figures = b["rows"]["figures"]
        table.add_row(
            b["backend"],
            f"{b['size']:,}",
            b["method"],
            str(b.get("jobs", "")) if loading else "",
            f"{b['rows']['sources']:,}",
            f"{figures:,}",
            _fmt_seconds(b["seconds"]),
            f"{b['documents_per_s']:,.0f}" if loading else "",
            f"{b['figures_per_s']:,.0f}" if loading else "",
            f"{b['seconds'] / figures * 1e6:,.0f}" if loading and figures else "",
            _mb(b["peak_rss"]),
            _mb(b["children_peak_rss"]) if b.get("children_peak_rss") else "",
        )
    console.print(table)

    table = Table(title="Queries (fresh process each; median of runs; export to /dev/null)")
    for column in ("backend", "figures", "query", "rows", "statements", "runs", "seconds",
                   "µs/figure", "RSS before", "peak RSS"):  # fmt: skip
        table.add_column(column, justify="right")
    for q in sorted(run.queries, key=lambda q: (q["backend"], q["what"], q["size"])):
        if q.get("seconds") is None:
            table.add_row(
                q["backend"],
                f"{q['figures']:,}",
                q["what"],
                "",
                "",
                "",
                _seconds_text(q),
                "",
                "",
                "",
            )
            continue
        table.add_row(
            q["backend"],
            f"{q['figures']:,}",
            q["what"],
            f"{q['rows']:,}",
            f"{q['statements']:,}",
            str(len(q["runs"])),
            _fmt_seconds(q["seconds"]),
            f"{q['seconds_per_figure'] * 1e6:.2f}",
            _mb(q["rss_before"]),
            _mb(q["peak_rss"]),
        )
    console.print(table)

    if verbose:
        for q in run.queries:
            if q.get("seconds") is None:
                continue
            console.print(
                f"[bold]{q['backend']} {q['what']} at {q['figures']:,}[/bold]: "
                f"{q['statements']:,} statements, {q['statement_seconds']:.2f} s in execute "
                f"of {q['seconds']:.2f} s; slowest:",
                highlight=False,
            )
            for s in q["slowest"][:3]:
                text = " ".join(s["statement"].split())
                console.print(
                    f"   {s['executions']:>6,}× {s['seconds']:8.3f} s  {text[:150]}",
                    highlight=False,
                )
        for p in run.plans:
            console.rule(f"{p['backend']} {p['what']} at {p['size']:,} figures: query plans")
            for plan in p.get("plans", []):
                console.print(" ".join(plan["statement"].split()), highlight=False, markup=False)
                for line in plan["plan"]:
                    console.print("    " + line, highlight=False, markup=False)
                console.print()

    table = Table(title="Targets")
    table.add_column("target")
    table.add_column("measured")
    table.add_column("verdict")
    for t in run.targets:
        style = {"PASS": "green", "MISS": "red"}.get(t["verdict"], "yellow")
        table.add_row(t["target"], t["measured"], f"[{style}]{t['verdict']}[/{style}]")
    console.print(table)
    for error in run.errors:
        console.print(f"[red]error:[/red] {error}", highlight=False)
    console.print(f"Whole run: {meta['wall_seconds']:.1f} s ({meta['wall_seconds'] / 60:.1f} min)")


# --- command line ---------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    sizes = sorted({int(s.replace("_", "").replace(",", "")) for s in text.split(",") if s})
    if not sizes or min(sizes) <= 0:
        raise argparse.ArgumentTypeError("sizes are positive figure counts, e.g. 10000,100000")
    return sizes


def _backends(text: str) -> list[str]:
    names = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [n for n in names if n not in ("sqlite", "postgresql")]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown backend {unknown[0]!r}")
    return names


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Benchmark tollbook: extraction, load, query latency and memory.",
    )
    parser.add_argument("--sizes", type=_sizes, help="figure counts (default 10000,100000,1000000)")
    parser.add_argument("--backends", type=_backends, default=["sqlite", "postgresql"])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 2000,10000")
    parser.add_argument("--verbose", action="store_true", help="statements and query plans")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--load-limit",
        type=int,
        default=100_000,
        help="largest size built by loading; larger sizes replicate the largest load",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per cheap query (median)")
    parser.add_argument(
        "--query-timeout",
        type=float,
        default=60.0,
        help="seconds after which tolls or disagreements is killed and reported as slower",
    )
    parser.add_argument(
        "--export-timeout",
        type=float,
        default=150.0,
        help="the same for the CSV exports, which are linear but long at 1M figures",
    )
    parser.add_argument(
        "--compare-jobs",
        action="store_true",
        help="also load the smallest size with one process, to show what --jobs buys",
    )
    parser.add_argument("--extract-mb", type=float, help="MB of text for extraction throughput")
    parser.add_argument("--postgres-url", default=os.environ.get(POSTGRES_VAR, DEFAULT_POSTGRES))
    parser.add_argument(
        "--workdir", type=Path, help="folder in which corpora and SQLite files go (default: temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="JSON",
        help="print the report of a saved run; measure nothing",
    )
    options = parser.parse_args(argv)
    if options.sizes is None:
        options.sizes = [2_000, 10_000] if options.quick else [10_000, 100_000, 1_000_000]
    if options.extract_mb is None:
        options.extract_mb = 0.5 if options.quick else 2.0
    if options.quick:
        options.repeat = min(options.repeat, 1)
    return options


def main(argv: Sequence[str] | None = None) -> Run:
    options = parse_args(argv)
    wide = max(shutil.get_terminal_size((160, 40)).columns, 160)
    console = Console(width=wide, stderr=True)
    report = Console(width=wide)
    if options.report is not None:
        saved = Run(**json.loads(options.report.read_text(encoding="utf-8")))
        for q in saved.queries:
            if q.get("seconds") is None:
                q.setdefault("timeout", saved.meta.get("query_timeout", 60.0))
        measured = argparse.Namespace(sizes=saved.meta["sizes"], backends=saved.meta["backends"])
        saved.targets = evaluate(saved, measured)
        print_report(saved, report, options.verbose)
        return saved
    benchmark = Benchmark(options, console)
    benchmark.say(
        f"sizes {', '.join(f'{s:,}' for s in options.sizes)}; backends "
        f"{', '.join(options.backends)}; jobs {options.jobs}; work folder {benchmark.workdir}"
    )
    run = benchmark.execute()
    print_report(run, report, options.verbose)
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {k: v for k, v in vars(run).items()}
        options.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
        report.print(f"JSON written to {options.json}", highlight=False)
    return run


if __name__ == "__main__":
    main()
