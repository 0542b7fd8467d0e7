"""Ingest figures: what cleaning removed from the seeds, and throughput on a large corpus.

Prints JSON: the seeds' removed lines by reason; then, on a corpus file, `read_records` and
the whole ingest stage (`load_corpus` + `clean`) against plain `gzip.open` + `json.loads` of the
same bytes, in one run: seconds, articles/s, uncompressed MB/s, ratios, peak memory. Usage:

    python benchmarks/ingest.py [FILE.jsonl.gz]   (default: ../shared/eval/allsides_scale.jsonl.gz)
"""

from __future__ import annotations

import gzip
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from framing.ingest.clean import clean
from framing.ingest.corpus import load_corpus
from framing.ingest.records import Record, read_records

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "allsides_scale.jsonl.gz"


def timed(functions: list[Callable[[], int]], repeat: int = 5) -> list[tuple[float, int]]:
    """Best of `repeat` wall-clock runs of each function, taking turns so that a busy moment
    on the machine falls on both sides of the ratio rather than on one."""
    best = [float("inf")] * len(functions)
    results = [0] * len(functions)
    for _ in range(repeat):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            results[index] = function()
            best[index] = min(best[index], time.perf_counter() - start)
    return list(zip(best, results, strict=True))


def baseline(path: Path) -> int:
    """The least any reader must do: decompress, decode and parse every line."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return sum(1 for line in lines if json.loads(line))


def ours(path: Path) -> int:
    """Records read into `Record`s, as the pipeline will consume them."""
    return sum(1 for record in read_records(path) if isinstance(record, Record))


def ingest_and_clean(path: Path) -> int:
    """The whole ingest stage: sources read, decoded, metadata stated, bodies cleaned."""
    return sum(bool(clean(source).paragraphs) for source in load_corpus([path]).sources)


def seeds_removed() -> dict[str, Any]:
    """How many lines cleaning removed from each seed, and why."""
    per_reason: dict[str, int] = {}
    per_file: dict[str, int] = {}
    for source in load_corpus([ROOT / "seeds"]).sources:
        document = clean(source)
        per_file[source.path] = len(document.removed)
        for removal in document.removed:
            per_reason[removal.reason] = per_reason.get(removal.reason, 0) + 1
    return {
        "removed_lines": sum(per_file.values()),
        "by_file": per_file,
        "by_reason": dict(sorted(per_reason.items(), key=lambda item: -item[1])),
    }


def uncompressed_bytes(path: Path) -> int:
    with gzip.open(path, "rb") as data:
        return sum(len(line) for line in data)


def main(path: Path) -> dict[str, Any]:
    megabytes = uncompressed_bytes(path) / 1e6
    (base_s, base_n), (ours_s, ours_n), (full_s, full_n) = timed(
        [lambda: baseline(path), lambda: ours(path), lambda: ingest_and_clean(path)], repeat=2
    )
    tracemalloc.start()
    ours(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "seeds": seeds_removed(),
        "file": str(path),
        "uncompressed_mb": round(megabytes, 1),
        "baseline_records": base_n,
        "baseline_seconds": round(base_s, 3),
        "baseline_records_per_second": round(base_n / base_s),
        "baseline_mb_per_second": round(megabytes / base_s, 1),
        "records": ours_n,
        "seconds": round(ours_s, 3),
        "records_per_second": round(ours_n / ours_s),
        "mb_per_second": round(megabytes / ours_s, 1),
        "ours_vs_baseline": round(ours_s / base_s, 2),
        "ingest_and_clean_articles": full_n,
        "ingest_and_clean_seconds": round(full_s, 3),
        "ingest_and_clean_articles_per_second": round(full_n / full_s),
        "ingest_and_clean_mb_per_second": round(megabytes / full_s, 1),
        "ingest_and_clean_vs_baseline": round(full_s / base_s, 2),
        "peak_mib": round(peak / 2**20, 1),
    }


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    print(json.dumps(main(corpus), indent=2))
