"""The pipeline, stage by stage: ingest (files → clean documents) → analyse (each article on
its own: `analyse_article`, a pure function, mapped here, in worker processes or on a Dask
cluster, with a cache of earlier results) → compare (across articles and outlets) → the
`Briefing`."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from framing.analyse.article import AnalysisSettings, analyse_article, analysis_settings
from framing.analyse.topics import default_topics
from framing.cache import AnalysisCache, article_key, settings_digest
from framing.compare.claim_settings import Settings, parse_settings
from framing.compare.comparison import compare_articles
from framing.compare.stories import parse_story_rules
from framing.compare.variant_rules import parse_variant_rules
from framing.errors import FramingError
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.ingest.records import DEFAULT_COLUMNS
from framing.lexicon import Lexicon, load_lexicons
from framing.models import (
    ArticleAnalysis,
    Briefing,
    Corpus,
    DuplicateArticle,
    Excluded,
    Source,
    Topic,
)
from framing.workers import (
    Done,
    Failed,
    Outcome,
    Prepared,
    analyse_in_pool,
    analyse_in_process,
)


@dataclass(frozen=True)
class Execution:
    """How the per-article analysis runs: `jobs` worker processes (1: in this process), a
    `cache` of earlier results, or a Dask scheduler's `dask` address ("local": a cluster of
    `jobs` workers started here). The Briefing is the same bytes whichever is chosen."""

    jobs: int = 1
    cache: AnalysisCache | None = None
    dask: str = ""


class Progress(Protocol):
    """What a long run reports: each stage as it starts, and each article analysed."""

    def stage(self, name: str, total: int = 0) -> None: ...

    def advance(self) -> None: ...


def build_briefing(
    paths: Sequence[Path],
    topics: Sequence[Topic],
    title: str = "",
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    progress: Progress | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
    find_topics: bool = True,
    stories: Collection[str] = (),
    execution: Execution = Execution(),
) -> Briefing:
    """Analyse every article under `paths`: load → clean → analyse each article on its own →
    compare. Unusable inputs are listed in `excluded` (an article whose analysis failed too),
    repeated articles in `duplicates` (each counted once, as its first copy). `progress` hears
    of each stage and article, for long runs. `lexicons` default to the built-in ones
    (`load_lexicons()`); `find_topics`: the names the outlets share become topics too (off when
    topics are fixed). `stories`: ids of the stories to brief (all when none); they are found
    in the whole corpus. `execution`: workers, cache or cluster for the analysis."""
    lexicons = lexicons if lexicons is not None else load_lexicons()
    progress = progress or _Silent()
    settings, claims = _settings(topics, lexicons)
    progress.stage("Reading")
    digest = settings_digest(topics, lexicons) if execution.cache else ""
    analysed = _analysed_corpus(load_corpus(paths, columns), settings, execution, digest, progress)
    progress.stage("Comparing", len(analysed.analyses))
    return compare_articles(
        analysed.analyses,
        topics,
        settings.measures,
        claims,
        excluded=analysed.excluded,
        duplicates=analysed.duplicates,
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


@dataclass(frozen=True)
class _Analysed:
    """The analysis stage's result: only the analyses go on to the comparison, so each
    article's source and cleaned document are let go (no body is held twice)."""

    analyses: list[ArticleAnalysis]
    excluded: tuple[Excluded, ...]
    duplicates: tuple[DuplicateArticle, ...]


def _analysed_corpus(
    corpus: Corpus,
    settings: AnalysisSettings,
    execution: Execution,
    digest: str,
    progress: Progress,
) -> _Analysed:
    """Every source cleaned and analysed; fragments and repeats set aside."""
    progress.stage("Analysing", len(corpus.sources))
    outcomes = _outcomes(corpus.sources, settings, execution, digest, progress.advance)
    cleaned = [
        (s, o) for s, o in zip(corpus.sources, outcomes, strict=True) if isinstance(o, Prepared)
    ]
    failed = [Excluded(o.path, o.reason) for o in outcomes if isinstance(o, Failed)]
    usable = usable_documents(
        Corpus(tuple(s for s, _ in cleaned), corpus.excluded), [o.document for _, o in cleaned]
    )
    analysis = {id(source): prepared.analysis for source, prepared in cleaned}
    analyses = [_analysed(analysis[id(source)]) for source, _ in usable.kept]
    return _Analysed(analyses, (*usable.excluded, *failed), usable.duplicates)


def _outcomes(
    sources: Sequence[Source],
    settings: AnalysisSettings,
    execution: Execution,
    digest: str,
    done: Done,
) -> list[Outcome]:
    """Each source's outcome in input order: from the cache where it holds one, the rest
    cleaned and analysed as `execution` says (and then kept in the cache)."""
    cache = execution.cache
    keys = [article_key(digest, source) for source in sources] if cache else []
    stored = [cache.get(key) for key in keys] if cache else [None] * len(sources)
    for _ in range(len(sources) - stored.count(None)):
        done()
    missing = [index for index, found in enumerate(stored) if found is None]
    fresh = iter(_run([sources[index] for index in missing], settings, execution, done))
    outcomes = [found if found is not None else next(fresh) for found in stored]
    if cache is not None:
        for index in missing:
            _keep(cache, keys[index], outcomes[index])
    return outcomes


def _analysed(analysis: ArticleAnalysis | None) -> ArticleAnalysis:
    """A kept article's analysis: the worker analyses every document long enough to keep."""
    assert analysis is not None, "an article kept is long enough to have been analysed"
    return analysis


def _keep(cache: AnalysisCache, key: str, outcome: Outcome) -> None:
    """Cache what a source gave; a failure is not kept, so a fixed bug needs no clearing."""
    if isinstance(outcome, Prepared):
        cache.put(key, outcome)


def _run(
    sources: Sequence[Source], settings: AnalysisSettings, execution: Execution, done: Done
) -> list[Outcome]:
    """The articles analysed where `execution` says: one process when there is no more than
    one job (or article) to share, else a pool or a Dask cluster."""
    if execution.dask:
        from framing.cluster import analyse_on_dask

        return analyse_on_dask(sources, settings, execution.dask, execution.jobs, done)
    jobs = min(execution.jobs, len(sources))
    if jobs <= 1:
        return analyse_in_process(sources, settings, done)
    return analyse_in_pool(sources, settings, jobs, done)


class _Silent:
    """The progress of a run nobody watches."""

    def stage(self, name: str, total: int = 0) -> None:
        """Nothing to show."""

    def advance(self) -> None:
        """Nothing to show."""


def _settings(
    topics: Sequence[Topic], lexicons: Mapping[str, Lexicon]
) -> tuple[AnalysisSettings, Settings]:
    """A run's settings for each article, and for the claims compared across them."""
    claims = parse_settings(lexicons["align"].data, lexicons["align"].source)
    return analysis_settings(topics, lexicons, claims.reader), claims
