"""The pipeline, stage by stage: ingest (files → clean documents) → analyse (each article on
its own: `analyse_article`, a pure function, so the map below can later run in processes or on
a cluster) → compare (across articles and outlets) → the `Briefing`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from framing.analyse.article import analyse_article, analysis_settings
from framing.compare.claim_settings import parse_settings
from framing.compare.comparison import compare_articles
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.ingest.records import DEFAULT_COLUMNS
from framing.lexicon import Lexicon, load_lexicons
from framing.models import Briefing, Topic


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
