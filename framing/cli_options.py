"""The options, help texts and error handling that the `framing` commands share, and the
progress bar of long runs: what `cli.py` composes its commands from."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
import platformdirs

from framing.cache import AnalysisCache
from framing.errors import FramingError
from framing.models import Briefing

F = TypeVar("F", bound=Callable[..., Any])

SOURCES_HELP = "Folders (searched recursively) or .txt/.md files; a sources.toml manifest is read."
TOPICS_HELP = "A TOML file of [[topic]] tables (name, aliases, exclude) that replace the defaults."
TOPIC_HELP = 'Add or redefine one topic: "Name=alias1,alias2". Repeatable.'
TITLE_HELP = "Title of the briefing (default: built from the most shared topics)."
COLUMNS_HELP = (
    "Column names of .jsonl/.csv corpus files, e.g. text=body,outlet=source "
    "(fields: text, id, outlet, title, author, date, url)."
)
LEXICON_HELP = (
    "A folder of lexicon files (frames.toml, actors.toml, entities.toml, sourcing.toml, "
    "stance.toml, loaded.toml, align.toml) whose lists extend the built-in ones (replace = true "
    "replaces). "
    "Also FRAMING_LEXICON_DIR."
)
TEMPLATE_HELP = (
    "The report template: a name found in --template-dir, then ./report_templates/, then the "
    "built-in ones (see `framing templates list`), or the path of a template folder. "
    "Default: the built-in briefing (or the briefing in --template-dir)."
)
TEMPLATE_DIR_HELP = (
    "A folder of templates searched before ./report_templates/; its `briefing`, if any, "
    "becomes the default. Also FRAMING_TEMPLATE_DIR."
)


def template_dir_option(command: F) -> F:
    """`--template-dir DIR`: the first layer searched for templates by name."""
    return click.option(
        "--template-dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        envvar="FRAMING_TEMPLATE_DIR",
        help=TEMPLATE_DIR_HELP,
    )(command)


def template_options(command: F) -> F:
    """`--template NAME|PATH` and `--template-dir DIR`, shared by the commands that render."""
    command = template_dir_option(command)
    return click.option("--template", metavar="NAME|PATH", help=TEMPLATE_HELP)(command)


class FramingCommand(click.Command):
    """Turns our domain errors into click's one-line "Error: …" and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FramingError as error:
            raise click.ClickException(error.message) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from None


def lexicon_dir_option(command: F) -> F:
    """`--lexicon-dir DIR`: the user's lexicon files over the built-in ones."""
    return click.option(
        "--lexicon-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="FRAMING_LEXICON_DIR",
        help=LEXICON_HELP,
    )(command)


def analysis_options(command: F) -> F:
    """Options shared by the commands that analyse articles; the command passes them on to
    `_analyse` as they come (`**analysis`)."""
    for option in reversed(
        [
            click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path)),
            click.option(
                "--topics", "topics_file", type=click.Path(path_type=Path), help=TOPICS_HELP
            ),
            click.option(
                "--topic", "topic_options", multiple=True, metavar="NAME=ALIASES", help=TOPIC_HELP
            ),
            click.option("--title", default="", help=TITLE_HELP),
            click.option("--columns", default="", metavar="FIELD=COLUMN,…", help=COLUMNS_HELP),
            lexicon_dir_option,
            click.option(
                "--story",
                "story_ids",
                multiple=True,
                metavar="ID",
                help="Brief just this story (repeatable); `framing stories BRIEFING.json` "
                "lists the ids.",
            ),
            click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
            run_options,
        ]
    ):
        command = option(command)
    return command


def run_options(command: F) -> F:
    """How the per-article analysis runs: workers, the cache, a Dask cluster."""
    for option in reversed(
        [
            click.option(
                "-j",
                "--jobs",
                type=click.IntRange(min=1),
                default=machine_cores(),
                show_default="the machine's cores",
                help="Worker processes for the analysis (1: in this process); the output is the "
                "same for any number.",
            ),
            cache_dir_option,
            click.option(
                "--no-cache", is_flag=True, help="Analyse every article afresh; keep nothing."
            ),
            click.option(
                "--dask",
                "dask_address",
                default="",
                metavar="ADDRESS",
                help="Analyse on the Dask scheduler at ADDRESS (tcp://host:8786), or `local` for "
                "--jobs local workers. Needs the extra: pip install 'framing[dask]'.",
            ),
        ]
    ):
        command = option(command)
    return command


def cache_dir_option(command: F) -> F:
    """`--cache-dir DIR`: where article analyses are cached."""
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="FRAMING_CACHE_DIR",
        help=f"Folder of cached article analyses. Also FRAMING_CACHE_DIR. "
        f"[default: {default_cache_dir()}]",
    )(command)


def machine_cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_cache_dir() -> Path:
    """The user's cache folder for framing (e.g. ~/.cache/framing/analyses on Linux)."""
    return Path(platformdirs.user_cache_dir("framing", appauthor=False)) / "analyses"


def chosen_cache(cache_dir: Path | None, no_cache: bool) -> AnalysisCache | None:
    return None if no_cache else AnalysisCache(cache_dir or default_cache_dir())


class ProgressBar:
    """What a run is doing, on stderr, and only on a terminal: the stage in hand, and for the
    analysis of a long run a bar with the count, the rate and the time left."""

    MIN_ARTICLES = 50

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.started = time.monotonic()

    def stage(self, name: str, total: int = 0) -> None:
        self.close()
        if not self.enabled:
            return
        if name == "Analysing" and total >= self.MIN_ARTICLES:
            self.started = time.monotonic()
            self.bar = click.progressbar(
                length=total,
                label=f"Analysing {total:,} articles",
                file=sys.stderr,
                show_pos=True,
                item_show_func=_shown,
            )
            self.bar.__enter__()
        else:
            click.echo(f"{name}…" + (f" {total:,} articles" if total else ""), err=True)

    def advance(self) -> None:
        if self.bar is None:
            return
        elapsed = time.monotonic() - self.started
        rate = (self.bar.pos + 1) / elapsed if elapsed else 0.0
        self.bar.update(1, f"{rate:,.1f}/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _shown(rate: str | None) -> str | None:
    """The bar's note after the count: the articles analysed per second."""
    return rate


@dataclass(frozen=True)
class RunSummary:
    """The closing line of a run: "2,000 articles: 1,987 analysed (1,500 from the cache),
    13 skipped, 41 s", printed last (after the files written), unless quiet."""

    articles: int
    cached: int
    skipped: int
    duplicates: int
    started: float
    quiet: bool

    @classmethod
    def of(cls, briefing: Briefing, cached: int, started: float, quiet: bool) -> RunSummary:
        counts = len(briefing.articles), len(briefing.excluded), len(briefing.duplicates)
        return cls(counts[0], cached, counts[1], counts[2], started, quiet)

    def stage(self, name: str) -> None:
        """A stage after the analysis, said on a terminal only (as the progress bar is)."""
        if not self.quiet and sys.stderr.isatty():
            click.echo(f"{name}…", err=True)

    def line(self) -> str:
        total = self.articles + self.skipped + self.duplicates
        parts = [f"{_count(total, 'article')}: {self.articles:,} analysed"]
        parts[0] += f" ({self.cached:,} from the cache)" if self.cached else ""
        parts += [f"{self.skipped:,} skipped"] if self.skipped else []
        parts += [_count(self.duplicates, "duplicate")] if self.duplicates else []
        return ", ".join([*parts, f"{time.monotonic() - self.started:,.0f} s"])

    def print(self) -> None:
        if not self.quiet:
            click.echo(self.line(), err=True)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
