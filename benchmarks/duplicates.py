"""Time duplicate detection at growing corpus sizes against naive all-pairs rapidfuzz, in one run.

Prints JSON: for the first 1k, 2k, 5k and 10k articles of the AllSides scale corpus, wall and
CPU seconds (best of `--repeat`), candidate pairs estimated from sketches, pairs verified on
full shingle sets, duplicates found and peak traced memory; the growth in time per doubling of
the corpus (goal: at most 2.3); and naive all-pairs `fuzz.ratio` on 1k articles (2k too if
that is predicted to take under a minute), as a multiple of our time at the same size. Usage:

    python benchmarks/duplicates.py [CORPUS.jsonl.gz] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz

from framing.ingest import duplicates
from framing.ingest.duplicates import find_duplicates

T = TypeVar("T")
Articles = list[tuple[str, str]]
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/eval/allsides_scale.jsonl.gz"
SIZES = (1_000, 2_000, 5_000, 10_000)
NAIVE_BUDGET_SECONDS = 60.0


def load(path: Path) -> Articles:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [(row["id"], row["text"]) for row in map(json.loads, lines)]


def timed(function: Callable[[], T], repeat: int) -> tuple[float, float, T]:
    """Best of `repeat` runs in wall-clock and in CPU seconds: the least disturbed by the rest
    of the machine (CPU time also leaves out waiting for a core on a shared machine)."""
    wall, cpu, result = math.inf, math.inf, None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    assert result is not None
    return wall, cpu, result


@contextmanager
def counting(name: str, counts: dict[str, int]) -> Iterator[None]:
    """Count calls to a function of framing.ingest.duplicates, in a run apart from the timing."""
    original = getattr(duplicates, name)

    def counted(*args: Any) -> Any:
        counts[name] += 1
        return original(*args)

    setattr(duplicates, name, counted)
    try:
        yield
    finally:
        setattr(duplicates, name, original)


def work_done(articles: Articles) -> dict[str, int]:
    """Candidate pairs estimated from sketches, and pairs compared on full shingle sets (the
    report's own similarity computations, one per near-identical repeat, subtracted)."""
    counts = {"_estimate": 0, "_jaccard": 0}
    with counting("_estimate", counts), counting("_jaccard", counts):
        found = find_duplicates(articles)
    near = sum(d.kind == "near-identical" for d in found)
    return {"candidate_pairs": counts["_estimate"], "pairs_verified": counts["_jaccard"] - near}


def peak_mib(articles: Articles) -> float:
    """Memory allocated by one call beyond the corpus already loaded."""
    tracemalloc.start()
    find_duplicates(articles)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def ours(articles: Articles, repeat: int) -> dict[str, Any]:
    seconds, cpu_seconds, found = timed(lambda: find_duplicates(articles), repeat)
    return {
        "articles": len(articles),
        "words": sum(len(text.split()) for _, text in articles),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        **work_done(articles),
        "duplicates": len(found),
        "identical": sum(d.kind == "identical" for d in found),
        "peak_mib": peak_mib(articles),
    }


def naive(articles: Articles) -> tuple[float, int]:
    """Every pair scored by rapidfuzz's ratio on casefolded, whitespace-collapsed text."""
    texts = [" ".join(text.casefold().split()) for _, text in articles]
    start = time.perf_counter()
    over_90 = sum(
        fuzz.ratio(a, b, score_cutoff=90) > 0 for a, b in itertools.combinations(texts, 2)
    )
    return time.perf_counter() - start, over_90


def growth(rows: list[dict[str, Any]], key: str) -> dict[str, float]:
    """Time multiplier per doubling of the corpus between consecutive sizes (2.0 = linear)."""
    return {
        f"{a['articles']}->{b['articles']}": round(
            (b[key] / a[key]) ** (1 / math.log2(b["articles"] / a["articles"])), 2
        )
        for a, b in itertools.pairwise(rows)
    }


def baseline(corpus: Articles, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Naive all-pairs at 1k, then 2k only if four times the 1k time fits the budget."""
    results: list[dict[str, Any]] = []
    for row in rows[:2]:
        size = row["articles"]
        if results and 4 * results[-1]["seconds"] > NAIVE_BUDGET_SECONDS:
            results.append({"articles": size, "skipped": "predicted over a minute"})
            break
        seconds, over_90 = naive(corpus[:size])
        results.append(
            {
                "articles": size,
                "pairs_scored": size * (size - 1) // 2,
                "pairs_ratio_90_or_more": over_90,
                "seconds": round(seconds, 3),
                "times_ours": round(seconds / row["seconds"], 1),
            }
        )
    return results


def main(path: Path, repeat: int) -> dict[str, Any]:
    corpus = load(path)
    rows = [ours(corpus[:size], repeat) for size in SIZES if size <= len(corpus)]
    return {
        "corpus": str(path),
        "ours": rows,
        "growth_per_doubling": growth(rows, "seconds"),
        "cpu_growth_per_doubling": growth(rows, "cpu_seconds"),
        "naive_all_pairs_fuzz_ratio": baseline(corpus, rows),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(json.dumps(main(arguments.corpus, arguments.repeat), indent=2))
