"""The benchmark's synthetic corpus and its plumbing (benchmarks/).

The corpus must be the same bytes for the same seed, look like what extraction
reads, and `benchmarks/run.py` must run end to end on a tiny size. No test here
asserts on time: the benchmark prints its figures, it does not judge them in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus, run  # noqa: E402

from tollbook.extract import extract  # noqa: E402

SEED = 7


def test_same_seed_gives_the_same_bytes() -> None:
    first = [d.text for d in corpus.documents(SEED, 25)]
    second = [d.text for d in corpus.documents(SEED, 25)]
    assert first == second
    assert corpus.manifest_text(list(corpus.documents(SEED, 25))) == corpus.manifest_text(
        list(corpus.documents(SEED, 25))
    )


def test_another_seed_gives_another_corpus() -> None:
    assert corpus.document(SEED, 0).text != corpus.document(SEED + 1, 0).text


def test_a_document_does_not_depend_on_the_corpus_size() -> None:
    assert list(corpus.documents(SEED, 12))[11].text == corpus.document(SEED, 11).text
    small = corpus.documents_for_figures(SEED, 200)
    large = corpus.documents_for_figures(SEED, 2000)
    assert [d.text for d in small] == [d.text for d in large[: len(small)]]


def test_documents_are_a_few_kilobytes_with_figures_and_traps() -> None:
    docs = list(corpus.documents(SEED, 60))
    sizes = [d.size for d in docs]
    assert 2000 <= sum(sizes) / len(sizes) <= 6000
    assert all(1000 <= size <= 12000 for size in sizes)
    assert all(d.planted > 0 for d in docs)
    text = "\n".join(d.text for d in docs)
    for trap in ("A force of", "kilometres", "https://", "census", "armoured vehicles"):
        assert trap in text


def test_claimants_disagree_within_an_event() -> None:
    plan = corpus.event_plan(SEED, 0)
    by_group: dict[tuple[str, str], set[str]] = {}
    for claim in plan.claims:
        by_group.setdefault((claim.group, claim.outcome), set()).add(claim.number)
    assert any(len(numbers) > 1 for numbers in by_group.values())


def test_extraction_finds_most_planted_figures() -> None:
    docs = list(corpus.documents(SEED, 15))
    found = [extract(d.text, event_date=d.event.date) for d in docs]
    planted = sum(d.planted for d in docs)
    assert sum(len(f) for f in found) >= planted // 2
    assert all(figures for figures in found)


def test_written_corpus_has_a_manifest_naming_every_text(tmp_path: Path) -> None:
    docs = list(corpus.documents(SEED, 5))
    folder = corpus.write_corpus(tmp_path / "corpus", docs)
    manifest = tomllib.loads((folder / corpus.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert [s["file"] for s in manifest["sources"]] == [d.file for d in docs]
    assert {e["key"] for e in manifest["events"]} == {d.event.key for d in docs}
    assert all((folder / d.file).read_text(encoding="utf-8") == d.text for d in docs)
    assert {g["key"] for g in manifest["groups"]} == set(corpus.GROUPS)


def _options(**overrides: object) -> argparse.Namespace:
    options = run.parse_args(["--sizes", "10000,1000000"])
    for name, value in overrides.items():
        setattr(options, name, value)
    return options


def test_targets_are_judged_from_measured_numbers_only() -> None:
    measured = run.Run(
        meta={"wall_seconds": 600.0},
        extraction=[
            {"jobs": 1, "mb_per_s": 1.2},
            {"jobs": 2, "mb_per_s": 1.5},
        ],
        queries=[
            {"backend": "sqlite", "what": "tolls", "size": 10_000, "figures": 10_000,
             "seconds": 0.1, "seconds_per_figure": 1e-5, "peak_rss": 2**20},
            {"backend": "sqlite", "what": "tolls", "size": 1_000_000, "figures": 1_000_000,
             "seconds": 1.5, "seconds_per_figure": 1.5e-6, "peak_rss": 2**20},
            {"backend": "sqlite", "what": "disagreements", "size": 10_000, "figures": 10_000,
             "seconds": 1.0, "seconds_per_figure": 1e-4, "peak_rss": 2**20},
            {"backend": "sqlite", "what": "disagreements", "size": 100_000, "figures": 100_000,
             "seconds": None, "timed_out": True, "timeout": 60.0},
            {"backend": "sqlite", "what": "disagreements", "size": 1_000_000,
             "figures": 1_000_000, "seconds": None, "skipped": "> 60 s at 100,000 figures",
             "timeout": 60.0},
            {"backend": "sqlite", "what": "export-claims", "size": 10_000, "figures": 10_000,
             "seconds": 1.0, "seconds_per_figure": 1e-4, "peak_rss": 2**20},
            {"backend": "sqlite", "what": "export-claims", "size": 1_000_000,
             "figures": 1_000_000, "seconds": None, "timed_out": True, "timeout": 60.0},
        ],
    )  # fmt: skip
    verdicts = {t["target"]: t["verdict"] for t in run.evaluate(measured, _options())}
    assert verdicts["extraction ≥ 1 MB/s on one core"] == "PASS"
    assert verdicts["extraction with --jobs 2 ≥ 1.6× one job"] == "MISS"
    assert verdicts["tolls on 1M figures ≤ 2 s (sqlite)"] == "PASS"
    assert verdicts["disagreements on 1M figures ≤ 2 s (sqlite)"] == "MISS"
    assert verdicts["tolls time per figure grows ≤ 1.5× 10k→1M (sqlite)"] == "PASS"
    # Killed at 100k after 60 s: already more than 1.5× the cost per figure at 10k.
    assert verdicts["disagreements time per figure grows ≤ 1.5× 10k→1M (sqlite)"] == "MISS"
    # Killed at 1M after 60 s: 60 µs per figure at least, under the 100 at 10k: unknown.
    assert verdicts["export-claims time per figure grows ≤ 1.5× 10k→1M (sqlite)"] == "n/a"
    assert verdicts["whole benchmark < 15 min with PostgreSQL"] == "PASS"


@pytest.mark.slow
def test_run_py_measures_a_tiny_corpus_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    run.main(
        ["--sizes", "300", "--backends", "sqlite", "--jobs", "1", "--extract-mb", "0.03",
         "--repeat", "1", "--json", str(out), "--workdir", str(tmp_path / "work")]
    )  # fmt: skip
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["errors"] == []
    assert [r["jobs"] for r in results["extraction"]] == [1]
    [build] = results["builds"]
    assert build["method"] == "load" and build["rows"]["figures"] > 100
    assert {q["what"] for q in results["queries"]} == set(run.QUERIES)
    assert all(q["seconds"] is not None and q["rows"] > 0 for q in results["queries"])
    assert {t["verdict"] for t in results["targets"]} <= {"PASS", "MISS", "n/a"}
    assert list((tmp_path / "work").iterdir()) == []  # its own folder in there is removed


@pytest.mark.slow
def test_load_split_times_storing_apart_from_extraction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from benchmarks import load_split

    base = os.environ.get("TOLLBOOK_TEST_POSTGRES_URL")
    load_split.main(["--figures", "200", *(["--postgres-url", base] if base else [])])
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("  ")[0]: line.split() for line in lines[1:-1]}
    expected = {"sqlite, extraction included", "sqlite, storing only"}
    assert expected | ({"postgresql, storing only"} if base else set()) == set(rows)
    # the replayed loads store exactly what the extracting load stored
    assert len({row[-4] for row in rows.values()}) == 1
    assert lines[-1].startswith("extraction alone: about ")
