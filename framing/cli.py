"""The `framing` command line: thin wrappers that parse options and call the pipeline."""

from __future__ import annotations

import json
import sys
import time
import webbrowser
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from framing import __version__
from framing.analyse.agreement import (
    agreement_json,
    agreement_table,
    disagreement_lines,
    usable_rows,
)
from framing.analyse.agreement import check as check_rows
from framing.analyse.measure import Measures
from framing.analyse.topics import default_topics, load_topics, merge_topics, parse_topic_option
from framing.cli_cache import cache
from framing.cli_options import (
    COLUMNS_HELP,
    FramingCommand,
    ProgressBar,
    RunSummary,
    analysis_options,
    chosen_cache,
    lexicon_dir_option,
    template_dir_option,
    template_options,
)
from framing.errors import FramingError
from framing.ingest.labelled import read_labelled
from framing.lexicon import load_lexicons
from framing.models import Briefing, Topic
from framing.outputs import write_atomically
from framing.pipeline import Execution, build_briefing
from framing.report.catalog import ReportTemplate, available, find_template, init_template
from framing.serialise import load_briefing_json, to_json


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="framing")
def cli() -> None:
    """Compare how news outlets frame the stories they share.

    \b
    framing brief seeds/          analyse a folder and write reports/briefing.{html,pdf,json}
    framing analyze seeds/ -o b.json
    framing render b.json --html b.html --pdf b.pdf
    """


@cli.command(cls=FramingCommand)
@analysis_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("briefing.json"),
    show_default=True,
    help="Where to write the Briefing JSON.",
)
def analyze(output: Path, **analysis: Any) -> None:
    """Analyse articles and write the Briefing JSON (the input of `framing render`)."""
    briefing, summary = _analyse(**analysis)
    write_atomically({output: to_json(briefing).encode()})
    _report([output], analysis["quiet"])
    summary.print()
    _fail_on_excluded(briefing)


@cli.command(cls=FramingCommand)
@click.argument("briefing_json", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report here.",
)
@click.option(
    "--pdf",
    "pdf_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the PDF briefing here.",
)
@click.option(
    "--md",
    "md_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the Markdown here (for a Markdown template).",
)
@template_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def render(
    briefing_json: Path,
    html_path: Path | None,
    pdf_path: Path | None,
    md_path: Path | None,
    template: str | None,
    template_dir: Path | None,
    quiet: bool,
) -> None:
    """Render a Briefing JSON with a template, without analysing again."""
    chosen = _template_in_use(template, template_dir, quiet)
    wanted = {"html": html_path, "pdf": pdf_path, "md": md_path}
    paths = {fmt: path for fmt, path in wanted.items() if path is not None}
    if not paths:
        raise click.UsageError(
            f"nothing to write: give {' or '.join('--' + f + ' FILE' for f in chosen.formats)}"
        )
    refused = [fmt for fmt in paths if fmt not in chosen.formats]
    if refused:
        raise click.UsageError(
            f"template {chosen.name!r} makes {', '.join(chosen.formats)}, not {', '.join(refused)}"
        )
    outputs = _rendered(load_briefing_json(briefing_json), chosen, paths)
    write_atomically(outputs)
    _report(list(outputs), quiet)


def _template_in_use(spec: str | None, template_dir: Path | None, quiet: bool) -> ReportTemplate:
    """The template the options choose. One that is not built in is code from a folder, so
    the run says on stderr which it is and where it comes from."""
    chosen = find_template(spec, template_dir)
    if chosen.layer != "built-in" and not quiet:
        click.echo(
            f"Using template {chosen.name!r} from {chosen.path} ({chosen.layer}; sandboxed)",
            err=True,
        )
    return chosen


def _rendered(
    briefing: dict[str, Any], template: ReportTemplate, paths: Mapping[str, Path]
) -> dict[Path, bytes]:
    """The template's outputs for the formats in `paths`: HTML or Markdown text, and the
    PDF printed from that HTML."""
    from framing.report.render import render_html, render_pdf

    text = render_html(briefing, template)
    outputs = {paths[fmt]: text.encode() for fmt in ("html", "md") if fmt in paths}
    if "pdf" in paths:
        outputs[paths["pdf"]] = render_pdf(text, template.page_css)
    return outputs


@cli.command(cls=FramingCommand)
@analysis_options
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Folder for briefing.html, briefing.pdf and briefing.json.",
)
@template_options
@click.option("--open", "open_browser", is_flag=True, help="Open the HTML report in the browser.")
def brief(
    output_dir: Path,
    template: str | None,
    template_dir: Path | None,
    open_browser: bool,
    **analysis: Any,
) -> None:
    """Analyse articles and write the HTML report, the PDF briefing and the JSON (or what
    the chosen template makes: briefing.md for a Markdown one)."""
    chosen = _template_in_use(template, template_dir, analysis["quiet"])  # fail fast
    briefing, summary = _analyse(**analysis)
    data = to_json(briefing)
    paths = {fmt: output_dir / f"briefing.{fmt}" for fmt in chosen.formats}
    summary.stage("Rendering")
    outputs = _rendered(json.loads(data), chosen, paths)
    outputs[output_dir / "briefing.json"] = data.encode()
    write_atomically(outputs)
    _report(list(outputs), analysis["quiet"])
    summary.print()
    if open_browser and "html" in paths:
        webbrowser.open((output_dir / "briefing.html").resolve().as_uri())
    _fail_on_excluded(briefing)


@cli.command(cls=FramingCommand)
@click.argument("briefing_json", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
def stories(briefing_json: Path, as_json: bool) -> None:
    """List the stories of a Briefing JSON: id, dates, outlets and title, most outlets first
    (brief one with `framing brief INPUT --story ID`)."""
    found = load_briefing_json(briefing_json).get("stories", [])
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for story in found:
        dates = " to ".join(story["dates"]) or "undated"
        count = len(story["outlets"])
        outlets = f"{count} outlet{'s' if count != 1 else ''}"
        click.echo(f"{story['id']}  {dates}  {outlets}  {story['title']}")
        click.echo(f"    {', '.join(story['outlets'])}")


@cli.command(cls=FramingCommand)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--columns", default="", metavar="FIELD=COLUMN,…", help=COLUMNS_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
def inspect(source: Path, columns: str, as_json: bool) -> None:
    """Show how an article was cleaned: every line kept or removed, and why, and where
    each metadata field came from. SOURCE is a file, a folder, or corpus.jsonl#N."""
    from framing.ingest.audit import audit, format_audit
    from framing.ingest.clean import body_text, clean
    from framing.ingest.corpus import load_corpus
    from framing.ingest.language import detect_language

    path, _, record = str(source).partition("#")
    corpus = load_corpus([Path(path)], _columns(columns))
    for excluded in corpus.excluded:
        click.echo(f"Skipped {excluded.path}: {excluded.reason}", err=True)
    chosen = [s for s in corpus.sources if not record or s.path.endswith(f"#{record}")]
    if not chosen:
        raise FramingError("no article to inspect", str(source), "check the path or record number")
    reports = []
    for item in chosen:
        document = clean(item)
        reports.append(audit(item, document, detect_language(body_text(document))))
    if as_json:
        click.echo(
            json.dumps(reports if len(reports) > 1 else reports[0], ensure_ascii=False, indent=2)
        )
        return
    styles: dict[str, dict[str, Any]] = {"title": {"bold": True}, "removed": {"fg": "red"}}
    for report in reports:
        for style, text in format_audit(report):
            click.secho(text, **styles.get(style, {}))


@cli.command(cls=FramingCommand)
@click.argument("labelled", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--measure", default="", help="The measure of every row, when the file has no measure column."
)
@click.option(
    "--show", default=20, show_default=True, help="Disagreements to print (0: none, -1: all)."
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every figure and disagreement as JSON.",
)
@lexicon_dir_option
def check(
    labelled: Path, measure: str, show: int, json_path: Path | None, lexicon_dir: Path | None
) -> None:
    """How far each measure agrees with your own labelled sentences (CSV: sentence, measure,
    label): precision, recall and F1 per measure and label, and the disagreements.

    \b
    Measures: loaded, hedge, booster, prescription, quote, anonymous, scare_quote,
    author_voice (labels yes/no; "biased"/"non-biased" read as yes/no), frame (a frame key or
    none), tone (negative, neutral, positive).
    """
    measures = Measures(load_lexicons(lexicon_dir))
    rows, skipped = usable_rows(read_labelled(labelled, measure), measures)
    for row, reason in skipped:
        click.echo(f"Skipped {labelled}:{row}: {reason}", err=True)
    if not rows:
        raise FramingError("no usable labelled row", str(labelled), "see the messages above")
    agreement = check_rows(rows, measures)
    click.echo(agreement_table(agreement, labelled.name))
    click.echo(disagreement_lines(agreement, show))
    if json_path is not None:
        write_atomically({json_path: agreement_json(agreement).encode()})
        click.echo(f"Wrote {json_path}")
    if skipped:
        raise FramingError(
            f"{len(skipped)} row{'s' if len(skipped) > 1 else ''} skipped; figures cover the rest",
            fix="fix or remove what is listed above",
        )


@cli.group()
def templates() -> None:
    """List, start and check report templates (see report_templates/README.md)."""


@templates.command("list", cls=FramingCommand)
@template_dir_option
def templates_list(template_dir: Path | None) -> None:
    """Every template a name reaches, in lookup order: name, layer, formats, path."""
    seen: set[str] = set()
    for template in available(template_dir):
        shadowed = " (hidden by the one above)" if template.name in seen else ""
        seen.add(template.name)
        click.echo(
            f"{template.name:<20} {template.layer:<16} {','.join(template.formats):<9} "
            f"{template.path}{shadowed}"
        )
        if template.description:
            click.echo(f"{'':<20} {template.description}")
    default = find_template(None, template_dir)
    click.echo(f"Without --template: {default.name} ({default.layer}, {default.path})")


@templates.command("init", cls=FramingCommand)
@click.argument("name")
@click.option(
    "--from",
    "source",
    default="briefing",
    show_default=True,
    metavar="TEMPLATE",
    help="The template to start from: the built-in briefing or any other found by name or path.",
)
def templates_init(name: str, source: str) -> None:
    """Start a template in ./report_templates/NAME/ from a documented starter."""
    target = init_template(name, find_template(source, None))
    click.echo(f"Wrote {target}/ (from {source}); try: framing templates check {name}")


@templates.command("check", cls=FramingCommand)
@click.argument("name")
@click.option(
    "--briefing",
    "briefing_json",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The Briefing JSON to render (default: reports/briefing.json, else seeds/ analysed).",
)
@template_dir_option
def templates_check(name: str, briefing_json: Path | None, template_dir: Path | None) -> None:
    """Render a template in every format it makes, strictly (an undefined key, a syntax
    error, a missing file or a remote URL fails), and say what came out. Writes nothing."""
    chosen = find_template(name, template_dir)
    briefing = _sample_briefing(briefing_json)
    paths = {fmt: Path(f"check.{fmt}") for fmt in chosen.formats}
    for path, content in _rendered(briefing, chosen, paths).items():
        click.echo(f"{chosen.name}: {path.suffix[1:]} renders, {len(content):,} bytes")
    click.echo(f"{chosen.name}: OK ({chosen.path})")


def _sample_briefing(path: Path | None) -> dict[str, Any]:
    """The briefing a template is checked against: the one given, the last one written,
    or the sample corpus analysed now."""
    for candidate in (path, Path("reports/briefing.json")):
        if candidate is not None and candidate.is_file():
            return load_briefing_json(candidate)
    if Path("seeds").is_dir():
        seeds, _ = _analyse(
            sources=[Path("seeds")],
            topics_file=None,
            topic_options=(),
            title="",
            columns="",
            lexicon_dir=None,
            story_ids=(),
            quiet=True,
        )
        data: dict[str, Any] = json.loads(to_json(seeds))
        return data
    raise FramingError(
        "no briefing to check against", "--briefing", "run framing brief first, or give one"
    )


def _columns(option: str) -> Mapping[str, str]:
    from framing.ingest.records import DEFAULT_COLUMNS, parse_columns

    return parse_columns(option) if option else DEFAULT_COLUMNS


def _analyse(
    sources: Sequence[Path],
    topics_file: Path | None,
    topic_options: Sequence[str],
    title: str,
    columns: str,
    lexicon_dir: Path | None,
    story_ids: Sequence[str],
    quiet: bool,
    jobs: int = 1,
    cache_dir: Path | None = None,
    no_cache: bool = True,
    dask_address: str = "",
) -> tuple[Briefing, RunSummary]:
    """The Briefing of `sources`, and the run's closing line for the command to print last."""
    started = time.monotonic()
    topics: tuple[Topic, ...] = load_topics(topics_file) if topics_file else default_topics()
    topics = merge_topics(topics, [parse_topic_option(option) for option in topic_options])
    bar = ProgressBar(enabled=not quiet and sys.stderr.isatty())
    execution = Execution(jobs, chosen_cache(cache_dir, no_cache), dask_address)
    try:
        briefing = build_briefing(
            sources,
            topics,
            title,
            _columns(columns),
            bar,
            load_lexicons(lexicon_dir),
            find_topics=topics_file is None,
            stories=story_ids,
            execution=execution,
        )
    finally:
        bar.close()
    for excluded in briefing.excluded:
        click.echo(f"Skipped {excluded.path}: {excluded.reason}", err=True)
    if not briefing.articles:
        raise FramingError(
            "no usable article", ", ".join(map(str, sources)), "see the messages above"
        )
    cached = execution.cache.hits if execution.cache else 0
    return briefing, RunSummary.of(briefing, cached, started, quiet)


def _report(paths: Sequence[Path], quiet: bool) -> None:
    if not quiet:
        for path in paths:
            click.echo(f"Wrote {path}")


def _fail_on_excluded(briefing: Briefing) -> None:
    """The report covers the usable articles, but skipped input is still a failure to flag."""
    if briefing.excluded:
        count = len(briefing.excluded)
        raise FramingError(
            f"{count} input{'s' if count > 1 else ''} skipped; the report covers the rest",
            fix="fix or remove what is listed above and run again",
        )


cli.add_command(cache)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="framing")
