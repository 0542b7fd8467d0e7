"""Time re-rendering a Briefing JSON with each template, against WeasyPrint alone, in one run.

What `framing render briefing.json --template NAME --pdf F` costs without analysing again:
for every template a name reaches from the project folder (`framing templates list`), the
seconds from the JSON on disk to each of its outputs (load, context, jinja2, and the PDF print
for HTML templates), best of `--repeat`, and for the PDF the ratio to WeasyPrint alone printing
the same HTML in the same process. Prints JSON. Usage (from the project root):

    python benchmarks/templates.py [BRIEFING_JSON] [--repeat 3]   (default: the seeds, analysed)
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from pipeline import timed  # benchmarks/ is on sys.path when a script in it runs

from framing.briefing import build_briefing, load_briefing_json, to_json
from framing.catalog import ReportTemplate, available
from framing.render import render_html, render_pdf
from framing.topics import default_topics


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
