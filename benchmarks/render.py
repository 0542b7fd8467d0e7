"""Time rendering the briefing (Briefing JSON -> HTML -> PDF) on three corpora, against
WeasyPrint alone printing the same final HTML, and measure the outputs, in one run.

Corpora: `seeds` (seeds/), `story` (the first AllSides same-story group, by story id, with 8
distinct outlets) and `scale` (the first 1,000 articles of allsides_scale.jsonl.gz). The
AllSides texts are written to a temporary folder with a sources.toml (outlet, title, date), so
the report names its outlets as a user's corpus would.

Each corpus is analysed once into a Briefing JSON; that is not part of the render figures (its
seconds are printed apart, for context). Then a freshly started process does what `framing
render --pdf` does (read the JSON, render the HTML, print the PDF), with WeasyPrint imported
and warmed up first, and has WeasyPrint alone print the same HTML string, the two prints
alternating, best of `--repeat` each (1 for `scale`). Its peak RSS is read after our first
print, before WeasyPrint alone runs. A render that outlives `--timeout` is stopped and the
figures it had sent are printed. Printed as JSON, per corpus: the analysis (articles, words,
seconds), HTML and PDF bytes, PDF pages, seconds per step, peak RSS, and the ratios ours /
WeasyPrint alone for the HTML render, the PDF print and the whole JSON-to-PDF. Usage:

    python benchmarks/render.py [--skip seeds,story,scale] [--scale-size 1000] [--repeat 3]
                                [--timeout 900] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import multiprocessing
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from multiprocessing import Queue
from pathlib import Path
from queue import Empty
from typing import Any

from pipeline import timed

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared/eval"
STORY_OUTLETS = 8
CORPORA = ("seeds", "story", "scale")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
Result = dict[str, Any]


def first_story(outlets: int = STORY_OUTLETS) -> tuple[str, list[dict[str, Any]]]:
    """The first story id, in sorted order, whose articles come from `outlets` outlets."""
    manifest = json.loads((EVAL / "allsides_stories/manifest.json").read_text(encoding="utf-8"))
    by_story = sorted(manifest["articles"], key=lambda entry: entry["story_id"])
    for story_id, group in itertools.groupby(by_story, key=lambda entry: entry["story_id"]):
        entries = list(group)
        if len({entry["outlet"] for entry in entries}) == outlets:
            return story_id, entries
    raise LookupError(f"no story with {outlets} outlets")


def story_rows(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The story's articles as rows like the scale corpus's: text plus what the manifest says."""
    folder = EVAL / "allsides_stories"
    return [{**e, "text": (folder / e["file"]).read_text(encoding="utf-8")} for e in entries]


def scale_rows(count: int) -> list[dict[str, Any]]:
    with gzip.open(EVAL / "allsides_scale.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, count)]


def write_folder(rows: Iterable[Mapping[str, Any]], folder: Path) -> Path:
    """One .txt per article and a sources.toml stating outlet, title and an ISO date (others,
    like the scale corpus's missing dates, are left for the text to show)."""
    folder.mkdir(parents=True)
    tables = []
    for number, row in enumerate(rows, start=1):
        name = f"{number:05d}.txt"
        (folder / name).write_text(row["text"], encoding="utf-8")
        stated = {"file": name, "outlet": row["outlet"], "title": row["title"]}
        if ISO_DATE.fullmatch(row.get("date") or ""):
            stated["date"] = row["date"]
        # A JSON string is a valid TOML basic string: quotes, backslashes, controls escaped.
        lines = (f"{key} = {json.dumps(text, ensure_ascii=False)}" for key, text in stated.items())
        tables.append("[[article]]\n" + "\n".join(lines) + "\n")
    (folder / "sources.toml").write_text("\n".join(tables), encoding="utf-8")
    return folder


def analyse(corpus: Path, output: Path) -> Result:
    """The Briefing JSON of `corpus` (what `framing analyze` writes), timed once."""
    from framing.analyse.topics import default_topics
    from framing.pipeline import build_briefing
    from framing.serialise import to_json

    start = time.perf_counter()
    briefing = build_briefing([corpus], default_topics())
    output.write_text(to_json(briefing), encoding="utf-8")
    return {
        "articles": len(briefing.articles),
        "outlets": len({a.label for a in briefing.articles}),
        "excluded": len(briefing.excluded),
        "words": sum(a.word_count for a in briefing.articles),
        "analyse_seconds": round(time.perf_counter() - start, 2),
        "briefing_json_bytes": output.stat().st_size,
    }


def render_child(
    queue: Queue[Result | None], briefing_json: Path, html_out: Path, pdf_out: Path, repeat: int
) -> None:
    """`framing render --pdf` step by step in this fresh process (read the JSON, render the
    HTML, print the PDF), and WeasyPrint alone printing the same HTML string.

    The two prints alternate, best of `repeat` each, so that a machine shared with other work
    slows both alike; a first tiny print loads fonts and Pango for both. Figures go to `queue`
    as they come, for a caller that may stop waiting.
    """
    from weasyprint import HTML

    HTML(string="<p>warm up</p>").write_pdf()

    from framing.report.render import render_html, render_pdf
    from framing.serialise import load_briefing_json

    load_s, data = timed(lambda: load_briefing_json(briefing_json), repeat)
    html_s, html = timed(lambda: render_html(data), repeat)
    html_out.write_text(html, encoding="utf-8")
    queue.put(
        {
            "html_bytes": len(html.encode()),
            "load_json_seconds": round(load_s, 3),
            "html_seconds": round(html_s, 3),
        }
    )
    ours_best = alone_best = float("inf")
    for round_ in range(1, repeat + 1):
        pdf_s, pdf = timed(lambda: render_pdf(html), 1)
        ours_best = min(ours_best, pdf_s)
        figures: Result = {"pdf_seconds": round(ours_best, 3)}
        if round_ == 1:
            pdf_out.write_bytes(pdf)
            # Before WeasyPrint alone has run: the peak of our render only.
            figures |= {"pdf_bytes": len(pdf), "pdf_pages": pdf_pages(pdf), "peak_rss_mib": rss()}
        queue.put(figures)
        alone_s, alone = timed(lambda: HTML(string=html).write_pdf(), 1)
        alone_best = min(alone_best, alone_s)
        queue.put(
            {
                "weasyprint_alone_seconds": round(alone_best, 3),
                "weasyprint_alone_pdf_bytes": len(alone),
                "rounds": round_,
            }
        )
    queue.put(None)


def pdf_pages(pdf: bytes) -> int:
    import io

    import pypdf  # a dev dependency, as the tests read PDFs back with it

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def rss() -> float:
    """Peak resident memory of this process so far, MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def render(
    briefing_json: Path, html_out: Path, pdf_out: Path, repeat: int, timeout: float
) -> Result:
    """`render_child` in a newly started interpreter, as a `framing render` run is, so that its
    peak RSS is its own, not the analysis's in this process. After `timeout` seconds it is
    stopped, and the figures it sent so far are returned."""
    context = multiprocessing.get_context("spawn")
    queue: Queue[Result | None] = context.Queue()
    child = context.Process(
        target=render_child, args=(queue, briefing_json, html_out, pdf_out, repeat)
    )
    child.start()
    figures = _collect(queue, child, time.monotonic() + timeout)
    child.join()
    return figures


def _collect(queue: Queue[Result | None], child: Any, deadline: float) -> Result:
    """The figures the child sends until it is done, dies, or is stopped at `deadline`."""
    figures: Result = {}
    while True:
        try:
            update = queue.get(timeout=1)
        except Empty:
            if not child.is_alive():
                return {**figures, "failed": f"render process exit code {child.exitcode}"}
            if time.monotonic() > deadline:
                child.terminate()
                return {**figures, "stopped": "timeout"}
            continue
        if update is None:
            return figures
        figures.update(update)


def measure(name: str, corpus: Path, work: Path, repeat: int, timeout: float) -> Result:
    """Analyse once, untimed for the render, then render in a process of its own."""
    print(f"{name}: analysing {corpus}", file=sys.stderr)
    briefing_json, html, pdf = (work / f"{name}.{ext}" for ext in ("json", "html", "pdf"))
    report: Result = {"analysis": analyse(corpus, briefing_json), "repeat": repeat}
    print(f"{name}: rendering", file=sys.stderr)
    report["render"] = figures = render(briefing_json, html, pdf, repeat, timeout)
    if "weasyprint_alone_seconds" in figures:
        report["ratios"] = ratios(figures)
    return report


def ratios(figures: Result) -> Result:
    """Ours / WeasyPrint alone: the HTML render, the PDF print, and the whole JSON-to-PDF."""
    weasyprint_s = figures["weasyprint_alone_seconds"]
    whole = figures["load_json_seconds"] + figures["html_seconds"] + figures["pdf_seconds"]
    return {
        "html_vs_weasyprint": round(figures["html_seconds"] / weasyprint_s, 3),
        "pdf_vs_weasyprint": round(figures["pdf_seconds"] / weasyprint_s, 3),
        "json_to_pdf_seconds": round(whole, 3),
        "json_to_pdf_vs_weasyprint": round(whole / weasyprint_s, 3),
    }


def corpora(skip: set[str], scale_size: int, work: Path) -> Iterable[tuple[str, Path, Result]]:
    """(name, folder, what names it) per corpus not skipped; AllSides ones written to `work`."""
    if "seeds" not in skip:
        yield "seeds", ROOT / "seeds", {"corpus": "seeds/"}
    if "story" not in skip:
        story_id, entries = first_story()
        folder = write_folder(story_rows(entries), work / story_id)
        outlets = sorted({entry["outlet"] for entry in entries})
        yield "story", folder, {"corpus": f"allsides_stories/{story_id}", "outlet_names": outlets}
    if "scale" not in skip:
        folder = write_folder(scale_rows(scale_size), work / "scale")
        yield "scale", folder, {"corpus": f"allsides_scale.jsonl.gz, first {scale_size:,} lines"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="", help=f"comma-separated, of {', '.join(CORPORA)}")
    parser.add_argument("--scale-size", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N (scale: always 1)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per render process")
    parser.add_argument("--keep", type=Path, help="keep each corpus's JSON, HTML and PDF here")
    options = parser.parse_args()
    skip = {name for name in options.skip.split(",") if name}
    if skip - set(CORPORA):
        parser.error(f"--skip takes {', '.join(CORPORA)}")
    work = Path(tempfile.mkdtemp(prefix="render-bench-"))
    report: Result = {
        "load_average": [round(n, 2) for n in os.getloadavg()],
        "timeout_seconds": options.timeout,
    }
    try:
        for name, folder, named in corpora(skip, options.scale_size, work):
            repeat = 1 if name == "scale" else options.repeat
            report[name] = {**named, **measure(name, folder, work, repeat, options.timeout)}
            if options.keep:
                options.keep.mkdir(parents=True, exist_ok=True)
                for kept in work.glob(f"{name}.*"):
                    shutil.copy(kept, options.keep / kept.name)
    finally:
        shutil.rmtree(work)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
