"""The pipeline, stage by stage: ingest (files → clean documents) → analyse (each article on
its own: `analyse_article`) → compare (across articles and outlets) → the `Briefing`, and the
Briefing's JSON in and out. The report stage reads that JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from framing.analyse.article import analyse_article, analysis_settings
from framing.compare.claim_settings import parse_settings
from framing.compare.comparison import compare_articles
from framing.errors import FramingError
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.ingest.records import DEFAULT_COLUMNS
from framing.lexicon import Lexicon, load_lexicons
from framing.models import SCHEMA_VERSION, Briefing, Topic


def build_briefing(
    paths: Sequence[Path],
    topics: Sequence[Topic],
    title: str = "",
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    progress: Callable[[int, int], None] | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
) -> Briefing:
    """Analyse every article under `paths`: load → clean → analyse each article on its own →
    compare. Unusable inputs are listed in `excluded`, repeated articles in `duplicates` (each
    counted once, as its first copy). `progress(done, total)` is called after each article is
    analysed, for long runs. `lexicons` default to the built-in ones (`load_lexicons()`)."""
    lexicons = lexicons if lexicons is not None else load_lexicons()
    claims = parse_settings(lexicons["align"].data, lexicons["align"].source)
    settings = analysis_settings(topics, lexicons, claims.reader)
    usable = usable_documents(load_corpus(paths, columns))
    analyses = []
    for done, (source, document) in enumerate(usable.kept, start=1):
        analyses.append(analyse_article(source, document, settings))
        if progress is not None:
            progress(done, len(usable.kept))
    return compare_articles(
        analyses,
        topics,
        settings.measures,
        claims,
        excluded=usable.excluded,
        duplicates=usable.duplicates,
        lexicons=[lexicon.info for lexicon in lexicons.values()],
        title=title,
    )


def to_json(briefing: Briefing) -> str:
    """The Briefing as JSON text: stable key order, so the same input gives the same bytes."""
    return json.dumps(asdict(briefing), ensure_ascii=False, indent=2) + "\n"


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
