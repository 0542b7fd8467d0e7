"""How `framing brief` scales: 1k, 2k, 5k and 10k articles of the shared scale corpus.

Each measurement runs in a fresh child process, which reports its wall time, its CPU time and
that of the worker processes it started, and its peak resident memory (the largest of itself
and its workers). Per size it measures, in the same run:

- textstat alone: its nine scores over the same cleaned texts, one process (the baseline);
- the analysis stage (clean + analyse every article, timed after start-up) with all cores and
  an empty cache (cold),
  again with the cache it filled (warm), and with `--jobs 1` (sizes up to `--single-max`);
- the comparison stage on the cached analyses, then rendering (JSON, HTML and PDF) of the
  Briefing, timed apart in the same process (sizes up to `--compare-max`).

It prints a Markdown table (the one in docs/performance.md), then each stage's cost per
doubling of the corpus (the ratio of its CPU seconds at 2N to N). Usage:

    python benchmarks/scale.py [--corpus ../shared/eval/allsides_scale.jsonl.gz]
                               [--sizes 1000,2000,5000,10000] [--single-max 2000]
                               [--compare-max 10000] [--no-render]
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

CORPUS = Path("../shared/eval/allsides_scale.jsonl.gz")
"""Run from the project folder, beside ../shared (as the other benchmarks)."""
TEXTSTAT = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "difficult_words",
    "linsear_write_formula",
)


def main() -> None:
    options = _options()
    sizes = [int(size) for size in options.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            corpus = _slice(options.corpus, size, Path(work))
            rows.append(_measure_size(corpus, size, options, Path(work)))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(_table(rows))
    print(_doublings(rows))


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--single-max", type=int, default=2000)
    parser.add_argument("--compare-max", type=int, default=10_000)
    parser.add_argument("--no-render", action="store_true")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser.parse_args()


def _slice(source: Path, size: int, work: Path) -> Path:
    """The first `size` records of the scale corpus, as a JSONL file of their own."""
    target = work / f"scale-{size}.jsonl"
    with gzip.open(source, "rt", encoding="utf-8") as lines, target.open("w") as out:
        out.writelines(itertools.islice(lines, size))
    return target


def _measure_size(
    corpus: Path, size: int, options: argparse.Namespace, work: Path
) -> dict[str, Any]:
    cache = work / f"cache-{size}"
    row: dict[str, Any] = {"articles": size, "cores": _cores()}
    row["textstat"] = _child("textstat", corpus)
    row["cold"] = _child("analyse", corpus, str(row["cores"]), str(cache))
    row["warm"] = _child("analyse", corpus, str(row["cores"]), str(cache))
    if size <= options.single_max:
        row["single"] = _child("analyse", corpus, "1", "")
    if size <= options.compare_max:
        row["compare"] = _child("compare", corpus, str(cache), str(not options.no_render))
    return row


def _child(stage: str, *arguments: str) -> dict[str, Any]:
    """One measurement in a fresh process: its report, the last line it prints."""
    command = [sys.executable, __file__, "--child", stage, *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _cores() -> int:
    from framing.cli_options import machine_cores

    return machine_cores()


# The child's side: one stage, measured from inside.


def run_child(stage: str, arguments: list[str]) -> None:
    corpus = Path(arguments[0])
    started, cpu = time.perf_counter(), _cpu()
    extra = STAGES[stage](corpus, *arguments[1:])
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {"wall": round(wall, 2), "cpu": round(_cpu() - cpu, 2), "rss_mb": _rss(), **extra}
        )
    )


def _cpu() -> float:
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _rss() -> int:
    """Peak resident memory in MB: this process's, or a worker's when larger (Linux: KB)."""
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return round(max(own.ru_maxrss, workers.ru_maxrss) / 1024)


def _texts(corpus: Path) -> Iterator[str]:
    from framing.ingest.clean import clean
    from framing.ingest.corpus import load_corpus

    for source in load_corpus([corpus]).sources:
        yield " ".join(p.text for p in clean(source).paragraphs if p.kind == "text")


def _textstat_stage(corpus: Path) -> dict[str, Any]:
    """textstat's nine scores over the cleaned texts; the cleaning is not counted."""
    import textstat

    texts = list(_texts(corpus))
    started = _cpu()
    for text in texts:
        for name in TEXTSTAT:
            getattr(textstat, name)(text)
    return {"stage_cpu": round(_cpu() - started, 2), "words": sum(len(t.split()) for t in texts)}


def _analyse_stage(corpus: Path, jobs: str, cache: str) -> dict[str, Any]:
    from framing.analyse.topics import default_topics
    from framing.cache import AnalysisCache, settings_digest
    from framing.ingest.corpus import load_corpus
    from framing.lexicon import load_lexicons
    from framing.pipeline import Execution, _analysed_corpus, _settings, _Silent

    lexicons = load_lexicons()
    settings, _ = _settings(default_topics(), lexicons)
    store = AnalysisCache(Path(cache)) if cache else None
    execution = Execution(int(jobs), store)
    digest = settings_digest(default_topics(), lexicons)
    started, cpu = time.perf_counter(), _cpu()  # after start-up: imports, lexicons, settings
    analysed = _analysed_corpus(load_corpus([corpus]), settings, execution, digest, _Silent())
    return {
        "stage_wall": round(time.perf_counter() - started, 2),
        "stage_cpu": round(_cpu() - cpu, 2),
        "jobs": int(jobs),
        "analysed": len(analysed.analyses),
        "cached": store.hits if store else 0,
    }


def _briefing(corpus: Path, cache: str) -> Any:
    from framing.analyse.topics import default_topics
    from framing.cache import AnalysisCache
    from framing.pipeline import Execution, build_briefing

    return build_briefing(
        [corpus], default_topics(), execution=Execution(1, AnalysisCache(Path(cache)))
    )


def _compare_stage(corpus: Path, cache: str, render: str) -> dict[str, Any]:
    """The whole brief on a warm cache (its comparison is this less the warm analysis stage),
    then, timed apart, the Briefing JSON, the HTML and the PDF."""
    briefing = _briefing(corpus, cache)
    found = {"stories": len(briefing.stories), "alignments": len(briefing.alignments)}
    return found | (_render(briefing) if render == "True" else {})


def _render(briefing: Any) -> dict[str, Any]:
    from pypdf import PdfReader

    from framing.report.render import render_html, render_pdf
    from framing.serialise import to_json

    started, cpu = time.perf_counter(), _cpu()
    data = to_json(briefing)
    html = render_html(json.loads(data))
    pdf = render_pdf(html)
    return {
        "render_wall": round(time.perf_counter() - started, 2),
        "render_cpu": round(_cpu() - cpu, 2),
        "json_mb": round(len(data.encode()) / 1e6, 1),
        "html_mb": round(len(html.encode()) / 1e6, 2),
        "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages),
    }


STAGES: dict[str, Callable[..., dict[str, Any]]] = {
    "textstat": _textstat_stage,
    "analyse": _analyse_stage,
    "compare": _compare_stage,
}


# The report.


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| articles | words | textstat CPU s | analysis cold: wall s / CPU s / peak MB "
        "| words/s per core | × textstat | warm: wall s (% of cold) | --jobs 1: wall s "
        "| jobs speed-up | compare: wall s / CPU s / peak MB "
        "| render: wall s / CPU s, JSON MB, PDF pages |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(_row(row))
    return "\n".join(lines)


def _row(row: dict[str, Any]) -> str:
    cold, warm, words = row["cold"], row["warm"], row["textstat"]["words"]
    single = row.get("single")
    render = row.get("compare", {})
    cells = [
        f"{row['articles']:,}",
        f"{words:,}",
        f"{row['textstat']['stage_cpu']:.1f}",
        f"{cold['stage_wall']:.1f} / {cold['stage_cpu']:.1f} / {cold['rss_mb']:,}",
        f"{words / cold['stage_cpu']:,.0f}",
        f"{cold['stage_cpu'] / row['textstat']['stage_cpu']:.2f}",
        f"{warm['stage_wall']:.1f} ({100 * warm['stage_wall'] / cold['stage_wall']:.0f}%)",
        f"{single['stage_wall']:.1f}" if single else "–",
        f"{single['stage_wall'] / cold['stage_wall']:.2f}×" if single else "–",
        _compare_cell(row),
        f"{render['render_wall']:.1f} / {render['render_cpu']:.1f}, {render['json_mb']}, "
        f"{render['pdf_pages']}"
        if "render_wall" in render
        else "–",
    ]
    return "| " + " | ".join(cells) + " |"


def _compare_cell(row: dict[str, Any]) -> str:
    """The comparison: the warm brief's time less the warm analysis stage's (and less the
    rendering timed after it in the same process)."""
    if "compare" not in row:
        return "–"
    return f"{_compare_wall(row):.1f} / {_compare_cpu(row):.1f} / {row['compare']['rss_mb']:,}"


def _compare_wall(row: dict[str, Any]) -> float:
    compare = row["compare"]
    return float(compare["wall"] - compare.get("render_wall", 0.0) - row["warm"]["wall"])


def _compare_cpu(row: dict[str, Any]) -> float:
    compare = row["compare"]
    return float(compare["cpu"] - compare.get("render_cpu", 0.0) - row["warm"]["cpu"])


def _doublings(rows: list[dict[str, Any]]) -> str:
    """Each stage's CPU seconds at 2N over N (per doubling, for sizes not exactly double)."""
    stages: dict[str, Callable[[dict[str, Any]], float]] = {
        "analysis": lambda r: r["cold"]["stage_cpu"],
        "comparison": lambda r: _compare_cpu(r) if "compare" in r else 0.0,
        "rendering": lambda r: r.get("compare", {}).get("render_cpu", 0.0),
    }
    lines = ["", "Cost per doubling (CPU):"]
    for name, cost in stages.items():
        pairs = [(a, b) for a, b in itertools.pairwise(rows) if cost(a) > 0 and cost(b) > 0]
        ratios = [_per_doubling(a, b, cost) for a, b in pairs]
        lines.append(f"  {name}: " + ", ".join(ratios))
    return "\n".join(lines)


def _per_doubling(small: dict[str, Any], large: dict[str, Any], cost: Callable[..., float]) -> str:
    import math

    doublings = math.log2(large["articles"] / small["articles"])
    ratio = (cost(large) / cost(small)) ** (1 / doublings)
    return f"{small['articles']:,}→{large['articles']:,}: {ratio:.2f}×"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        run_child(sys.argv[2], sys.argv[3:])
    else:
        main()
