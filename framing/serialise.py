"""JSON in and out: the Briefing (what `framing analyze` writes and `framing render` reads)
and one article's analysis (what a cache or another machine keeps), the same bytes for the
same data."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dacite import Config, from_dict

from framing.errors import FramingError
from framing.models import SCHEMA_VERSION, ArticleAnalysis, Briefing

_AS_STORED = Config(cast=[tuple, frozenset], strict=True)
"""JSON lists back into the tuples and frozensets the data types hold; unknown keys refused."""


def to_json(briefing: Briefing) -> str:
    """The Briefing as JSON text: stable key order, so the same input gives the same bytes."""
    return json.dumps(asdict(briefing), ensure_ascii=False, indent=2) + "\n"


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """The Briefing as the JSON data the report stage reads (`render_html` takes it)."""
    data: dict[str, Any] = json.loads(to_json(briefing))
    return data


def analysis_to_json(analysis: ArticleAnalysis) -> str:
    """One article's analysis as compact JSON; its word sets as sorted lists, so the same
    analysis always gives the same bytes."""
    return json.dumps(asdict(analysis), ensure_ascii=False, default=sorted)


def analysis_from_json(text: str) -> ArticleAnalysis:
    """The analysis `analysis_to_json` wrote, rebuilt exactly (it compares equal)."""
    return from_dict(ArticleAnalysis, json.loads(text), _AS_STORED)


def load_briefing_json(path: Path) -> dict[str, Any]:
    """Read a Briefing JSON written by `framing analyze`, checking its schema version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FramingError(
            f"not a readable briefing JSON: {error}", str(path), "run framing analyze"
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise FramingError(
            "no schema_version: not a briefing JSON", str(path), "run framing analyze"
        )
    major = str(data["schema_version"]).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise FramingError(
            f"schema {data['schema_version']} is not {SCHEMA_VERSION}",
            str(path),
            "re-run framing analyze with this version",
        )
    return data
