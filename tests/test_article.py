"""The per-article function: pure, picklable, JSON round-trips, and the corpus stage gives
the same Briefing whatever order (or process) the articles were analysed in."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from framing.analyse.article import AnalysisSettings, analyse_article, analysis_settings
from framing.analyse.topics import default_topics
from framing.compare.claim_settings import Settings, parse_settings
from framing.compare.comparison import compare_articles
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import UsableDocuments, usable_documents
from framing.lexicon import load_lexicons
from framing.models import ArticleAnalysis, Briefing, Document, Source
from framing.serialise import analysis_from_json, analysis_to_json, to_json

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def run() -> tuple[AnalysisSettings, Settings, UsableDocuments]:
    lexicons = load_lexicons()
    claims = parse_settings(lexicons["align"].data, lexicons["align"].source)
    settings = analysis_settings(default_topics(), lexicons, claims.reader)
    return settings, claims, usable_documents(load_corpus([SEEDS]))


@pytest.fixture(scope="module")
def analyses(run: tuple[AnalysisSettings, Settings, UsableDocuments]) -> list[ArticleAnalysis]:
    settings, _, usable = run
    return [analyse_article(source, document, settings) for source, document in usable.kept]


def _briefing(
    analyses: list[ArticleAnalysis], run: tuple[AnalysisSettings, Settings, UsableDocuments]
) -> Briefing:
    settings, claims, usable = run
    lexicons = [lexicon.info for lexicon in load_lexicons().values()]
    return compare_articles(
        analyses, default_topics(), settings.measures, claims,
        excluded=usable.excluded, duplicates=usable.duplicates, lexicons=lexicons,
    )  # fmt: skip


def test_the_pipeline_is_the_map_then_the_corpus_stage(
    analyses: list[ArticleAnalysis],
    run: tuple[AnalysisSettings, Settings, UsableDocuments],
    seeds_briefing: Briefing,
) -> None:
    assert to_json(_briefing(analyses, run)) == to_json(seeds_briefing)
    assert to_json(_briefing(analyses[::-1], run)) == to_json(seeds_briefing)  # any order


def test_an_analysis_pickles_and_round_trips_through_json(
    analyses: list[ArticleAnalysis],
) -> None:
    for analysis in analyses:
        assert pickle.loads(pickle.dumps(analysis)) == analysis
        text = analysis_to_json(analysis)
        assert analysis_from_json(text) == analysis
        assert analysis_to_json(analysis_from_json(text)) == text  # same bytes
    assert analyses[0].article.label == ""  # named by the corpus stage, not here


def _analyse_in_worker(
    job: tuple[Source, Document, AnalysisSettings],
) -> ArticleAnalysis:
    return analyse_article(*job)


def test_the_settings_go_to_another_process_and_give_the_same_analysis(
    analyses: list[ArticleAnalysis], run: tuple[AnalysisSettings, Settings, UsableDocuments]
) -> None:
    settings, _, usable = run
    jobs = [(source, document, settings) for source, document in usable.kept[:2]]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_analyse_in_worker, jobs)) == analyses[:2]


def test_a_fragment_and_a_repeat_never_reach_the_analysis(tmp_path: Path) -> None:
    text = (SEEDS / "jfeed-netanyahu-secret-moscow-mission.txt").read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)  # a page saved twice
    (tmp_path / "c.txt").write_text("Subscribe to our newsletter.\n")
    usable = usable_documents(load_corpus([tmp_path]))
    assert [d.path for _, d in usable.kept] == ["a.txt"]
    assert [d.path for d in usable.duplicates] == ["b.txt"]
    assert any(e.path == "c.txt" for e in usable.excluded)
