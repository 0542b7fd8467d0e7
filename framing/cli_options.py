"""The options, help texts and error handling that the `framing` commands share, and the
progress bar of long runs: what `cli.py` composes its commands from."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from framing.errors import FramingError

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
        ]
    ):
        command = option(command)
    return command


class ProgressBar:
    """A progress bar on stderr for runs long enough to need one, and only on a terminal."""

    MIN_ARTICLES = 50

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_ARTICLES:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Analysing articles", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
