"""The pipeline, stage by stage: ingest (files → clean documents) → analyse (each article on
its own: `analyse_article`, a pure function, so the map below can later run in processes or on
a cluster) → compare (across articles and outlets) → the `Briefing`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from framing.analyse.article import AnalysisSettings, analyse_article, analysis_settings
from framing.analyse.topics import default_topics
from framing.compare.claim_settings import Settings, parse_settings
from framing.compare.comparison import compare_articles
from framing.compare.stories import parse_story_rules
from framing.compare.variant_rules import parse_variant_rules
from framing.errors import FramingError
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.ingest.records import DEFAULT_COLUMNS
from framing.lexicon import Lexicon, load_lexicons
from framing.models import ArticleAnalysis, Briefing, Topic


def build_briefing(
    paths: Sequence[Path],
    topics: Sequence[Topic],
    title: str = "",
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    progress: Callable[[int, int], None] | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
    find_topics: bool = True,
    stories: Collection[str] = (),
) -> Briefing:
    """Analyse every article under `paths`: load → clean → analyse each article on its own →
    compare. Unusable inputs are listed in `excluded`, repeated articles in `duplicates` (each
    counted once, as its first copy). `progress(done, total)` is called after each article is
    analysed, for long runs. `lexicons` default to the built-in ones (`load_lexicons()`);
    `find_topics`: the names the outlets share become topics too (off when topics are fixed).
    `stories`: ids of the stories to brief (all when none); they are found in the whole corpus."""
    lexicons = lexicons if lexicons is not None else load_lexicons()
    settings, claims = _settings(topics, lexicons)
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
        find_topics=find_topics,
        variants=parse_variant_rules(
            lexicons["variants"].data, lexicons["variants"].source, claims
        ),
        story_rules=parse_story_rules(lexicons["stories"].data, lexicons["stories"].source),
        only_stories=stories,
    )


def analyse_file(
    path: Path, topics: Sequence[Topic] | None = None, lexicons: Mapping[str, Lexicon] | None = None
) -> ArticleAnalysis:
    """One article file analysed on its own, as `build_briefing` analyses each of a corpus
    (its `label` stays "": only a corpus names unknown outlets). Topics and lexicons default
    to the built-in ones; a file that is not a usable article is a `FramingError`."""
    usable = usable_documents(load_corpus([path]))
    if not usable.kept:
        reason = usable.excluded[0].reason if usable.excluded else "no article in it"
        raise FramingError(reason, str(path), "check the file holds an article")
    settings, _ = _settings(topics or default_topics(), lexicons or load_lexicons())
    source, document = usable.kept[0]
    return analyse_article(source, document, settings)


def _settings(
    topics: Sequence[Topic], lexicons: Mapping[str, Lexicon]
) -> tuple[AnalysisSettings, Settings]:
    """A run's settings for each article, and for the claims compared across them."""
    claims = parse_settings(lexicons["align"].data, lexicons["align"].source)
    return analysis_settings(topics, lexicons, claims.reader), claims
