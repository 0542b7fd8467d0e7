"""`framing cache info` and `framing cache clear`: the cache of article analyses, seen and
emptied from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from framing.cache import AnalysisCache
from framing.cli_options import FramingCommand, cache_dir_option, default_cache_dir


@click.group()
def cache() -> None:
    """The cache of article analyses that makes re-runs fast (see --cache-dir)."""


@cache.command("info", cls=FramingCommand)
@cache_dir_option
def cache_info(cache_dir: Path | None) -> None:
    """Where the cache is, how many analyses it holds and their size."""
    found = _cache(cache_dir).info()
    click.echo(f"{found.folder}: {found.entries:,} analyses, {found.size / 1e6:,.1f} MB")


@cache.command("clear", cls=FramingCommand)
@cache_dir_option
def cache_clear(cache_dir: Path | None) -> None:
    """Remove every cached analysis (the next run analyses every article afresh)."""
    folder = _cache(cache_dir)
    click.echo(f"Removed {folder.clear():,} analyses from {folder.folder}")


def _cache(folder: Path | None) -> AnalysisCache:
    return AnalysisCache(folder or default_cache_dir())
