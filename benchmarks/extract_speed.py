"""How fast extraction runs: MB/s on one core over a corpus of several MB, and the
speed-up of a process pool.

The corpus is the seed texts, repeated and varied (numbers shifted, paragraphs
shuffled) so that no two documents are identical, cut into documents of the seed
sizes.  Prints figures; asserts nothing.

Example:
    python benchmarks/extract_speed.py --mb 4 --jobs 2
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

from tollbook.extract import extract

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def corpus(megabytes: float, seed: int = 7, folders: tuple[Path, ...] = (SEEDS,)) -> list[str]:
    """Documents whose total UTF-8 size is about ``megabytes``, made from the texts
    of ``folders`` (the seed texts by default)."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no texts in {', '.join(str(f) for f in folders)}")
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        base = rng.choice(texts)
        paragraphs = base.split("\n")
        rng.shuffle(paragraphs)
        text = re.sub(r"\b\d{2,3}\b", _shifter(rng.randint(1, 9)), "\n".join(paragraphs))
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs


def _shifter(shift: int) -> Callable[[re.Match[str]], str]:
    return lambda m: str(int(m.group()) + shift)


def _count(text: str) -> int:
    return len(extract(text))


def run(docs: list[str], jobs: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of this process (one job only) and figures found."""
    start = time.perf_counter()
    cpu = time.process_time()
    if jobs == 1:
        figures = sum(_count(d) for d in docs)
    else:
        with Pool(jobs) as pool:
            figures = sum(pool.map(_count, docs, chunksize=8))
    return time.perf_counter() - start, time.process_time() - cpu, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--jobs", type=int, default=1, help="also time a pool of N processes")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument(
        "--texts",
        type=Path,
        action="append",
        help="a folder of .txt files to build the corpus from (repeatable; default the seeds)",
    )
    args = parser.parse_args()

    docs = corpus(args.mb, folders=tuple(args.texts or [SEEDS]))
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB")
    runs = [run(docs, 1) for _ in range(args.repeat)]
    single = min(r[0] for r in runs)
    cpu = min(r[1] for r in runs)
    figures = runs[0][2]
    # CPU time is the measure to trust on a shared machine: wall time counts waiting
    print(
        f"1 job : {single:6.2f} s  {megabytes / single:6.2f} MB/s  "
        f"(CPU {cpu:.2f} s, {megabytes / cpu:.2f} MB/s; {figures} figures)"
    )
    if args.jobs > 1:
        pooled = min(run(docs, args.jobs)[0] for _ in range(args.repeat))
        print(
            f"{args.jobs} jobs: {pooled:6.2f} s  {megabytes / pooled:6.2f} MB/s  "
            f"speed-up {single / pooled:.2f}x"
        )


if __name__ == "__main__":
    main()
