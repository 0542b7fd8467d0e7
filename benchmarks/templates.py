"""Time re-rendering a Briefing JSON with each template, against WeasyPrint alone, in one run.

What `framing render briefing.json --template NAME --pdf F` costs without analysing again:
for every template a name reaches from the project folder (`framing templates list`), the
seconds from the JSON on disk to each of its outputs (load, context, jinja2, and the PDF print
for HTML templates), best of `--repeat`, and for the PDF the ratio to WeasyPrint alone printing
the same HTML in the same process; and what safety costs, in CPU and wall seconds: jinja2's
sandbox against a plain environment on the same template and context, and the offline check
with the Content-Security-Policy against that plain render. Prints JSON. Usage (from the
project root):

    python benchmarks/templates.py [BRIEFING_JSON] [--repeat 3]   (default: the seeds, analysed)
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from pipeline import timed  # benchmarks/ is on sys.path when a script in it runs

from framing.analyse.topics import default_topics
from framing.pipeline import build_briefing
from framing.report.catalog import ReportTemplate, available
from framing.report.context import report_context
from framing.report.offline import find_refusal, with_policy
from framing.report.render import make_environment, render_html, render_pdf
from framing.serialise import load_briefing_json, to_json


def briefing_file(given: Path | None, folder: Path) -> Path:
    """The JSON to render: the one given, or the seeds analysed now (not timed)."""
    if given is not None:
        return given
    path = folder / "seeds.json"
    path.write_text(to_json(build_briefing([Path("seeds")], default_topics())))
    return path


def measure(template: ReportTemplate, path: Path, repeat: int) -> dict[str, Any]:
    """Seconds from the JSON file to the template's text, and to its PDF when it makes one."""
    seconds, text = timed(lambda: render_html(load_briefing_json(path), template), repeat)
    result: dict[str, Any] = {
        "layer": template.layer,
        "formats": list(template.formats),
        "text_seconds": round(seconds, 3),
        "text_bytes": len(text.encode()),
    }
    result |= guard_cost(path, template, text, repeat)
    if "pdf" in template.formats:
        from weasyprint import HTML

        ours, pdf = timed(
            lambda: render_pdf(render_html(load_briefing_json(path), template), template.page_css),
            repeat,
        )
        alone, _ = timed(lambda: HTML(string=text).write_pdf(), repeat)
        result |= {
            "json_to_pdf_seconds": round(ours, 3),
            "pdf_bytes": len(pdf),
            "weasyprint_alone_seconds": round(alone, 3),
            "json_to_pdf_vs_weasyprint": round(ours / alone, 3),
        }
    return result


def cpu_and_wall(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best of `repeat` runs, CPU seconds of this process and wall seconds."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        function()
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    return cpu, wall


def guard_cost(path: Path, template: ReportTemplate, text: str, repeat: int) -> dict[str, Any]:
    """What the report's safety costs: jinja2 in its sandbox against the same template in a
    plain environment (same loader, filters and context), and the offline check plus the
    Content-Security-Policy on the output, against that plain render."""
    context = report_context(load_briefing_json(path))
    sandboxed = make_environment(None if template.layer == "built-in" else template.folder)
    plain = Environment(
        loader=sandboxed.loader,
        autoescape=sandboxed.autoescape,
        undefined=sandboxed.undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    plain.filters.update(sandboxed.filters)
    plain_cpu, plain_wall = cpu_and_wall(
        lambda: plain.get_template(template.entry).render(context), repeat
    )
    sandbox_cpu, sandbox_wall = cpu_and_wall(
        lambda: sandboxed.get_template(template.entry).render(context), repeat
    )
    markdown = "md" in template.formats
    check_cpu, check_wall = cpu_and_wall(
        lambda: find_refusal(text, markdown=markdown) or markdown or with_policy(text), repeat
    )
    return {
        "plain_jinja_cpu_seconds": round(plain_cpu, 4),
        "sandboxed_jinja_cpu_seconds": round(sandbox_cpu, 4),
        "sandbox_vs_plain_cpu": round(sandbox_cpu / plain_cpu, 3),
        "sandbox_vs_plain_wall": round(sandbox_wall / plain_wall, 3),
        "check_and_policy_cpu_seconds": round(check_cpu, 4),
        "check_and_policy_vs_plain_jinja_cpu": round(check_cpu / plain_cpu, 3),
        "check_and_policy_vs_plain_jinja_wall": round(check_wall / plain_wall, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("briefing", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = briefing_file(args.briefing, Path(folder))
        load_briefing_json(path)  # warm the file cache and imports
        report = {
            "briefing": str(args.briefing or "seeds/ (analysed, not timed)"),
            "templates": {t.name: measure(t, path, args.repeat) for t in available(None)},
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
