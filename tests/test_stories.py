"""Stories: the articles that report one event, on small realistic reports (tests/data/claims:
three outlets on the reopening of Ukraine's grain corridor, a fourth on Zelensky's visit to the
front a day later) and on the seeds."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DATA

from framing.analyse.topics import default_topics
from framing.compare.claim_settings import default_settings
from framing.compare.stories import default_story_rules, find_stories
from framing.models import Article, ArticleAnalysis, Story
from framing.pipeline import analyse_file, build_briefing
from framing.serialise import to_json


@pytest.fixture(scope="module")
def analyses() -> list[ArticleAnalysis]:
    names = ("wire", "daily", "ledger", "weekly")
    return [analyse_file(DATA / "claims" / f"{name}.txt") for name in names]


def _stories(analyses: list[ArticleAnalysis], **dates: str) -> tuple[Story, ...]:
    articles = [_labelled(a.article, dates) for a in analyses]
    words = {a.article.id: a.sentence_words for a in analyses}
    return find_stories(articles, words, default_settings().reader, default_story_rules())


def _labelled(article: Article, dates: dict[str, str]) -> Article:
    return replace(article, label=article.outlet, date=dates.get(article.id, article.date))


def test_reports_of_one_event_are_one_story_and_another_event_its_own(
    analyses: list[ArticleAnalysis],
) -> None:
    first, second = _stories(analyses)
    assert (first.id, first.outlets) == ("story-001", ("Wire Service", "The Daily", "The Ledger"))
    assert (second.id, second.article_ids, second.outlets) == (
        "story-002",
        ("weekly",),
        ("The Weekly",),
    )
    assert first.dates == ("2024-03-02",) and second.dates == ("2024-03-03",)
    assert first.title == "Grain ships leave Odesa as corridor reopens"  # most words in common
    assert first.topics[0] == "Ukraine"


def test_the_stories_do_not_depend_on_the_input_order(analyses: list[ArticleAnalysis]) -> None:
    forward = _stories(analyses)
    backward = _stories(analyses[::-1])
    assert [set(s.article_ids) for s in forward] == [set(s.article_ids) for s in backward]
    assert [s.title for s in forward] == [s.title for s in backward]


def test_reports_months_apart_are_different_events(analyses: list[ArticleAnalysis]) -> None:
    """The same words two months later are a new event: another sailing, not the first."""
    stories = _stories(analyses, daily="2024-05-02", ledger="2024-05-02")
    assert [s.article_ids for s in stories] == [("daily", "ledger"), ("wire",), ("weekly",)]


def test_only_a_lone_article_joins_from_beyond_the_window(analyses: list[ArticleAnalysis]) -> None:
    """A week apart, two reports of the sailing are still one event when the lone one shares
    their words strongly (a follow-up); the front-line visit shares too few to join."""
    stories = _stories(analyses, daily="2024-03-09", ledger="2024-03-09")
    assert [set(s.article_ids) for s in stories] == [{"wire", "daily", "ledger"}, {"weekly"}]


def test_undated_reports_are_grouped_by_their_words(analyses: list[ArticleAnalysis]) -> None:
    stories = _stories(analyses, wire="", daily="", ledger="")
    assert [set(s.article_ids) for s in stories] == [{"wire", "daily", "ledger"}, {"weekly"}]
    assert stories[0].dates == ()


def test_a_corpus_of_one_article_is_one_story(analyses: list[ArticleAnalysis]) -> None:
    (story,) = _stories(analyses[:1])
    assert (
        story.article_ids == ("wire",) and story.title == "Ukraine reopens Black Sea grain corridor"
    )


GOLD = Path(__file__).parent / "gold" / "claims-stories.json"


def test_the_claims_briefing_s_stories_match_the_golden_file() -> None:
    """The stories of the claims fixture and the story of everything compared within one, as
    the Briefing JSON writes them (accept a reviewed change with FRAMING_UPDATE_GOLD=1)."""
    data = json.loads(to_json(build_briefing([DATA / "claims"], default_topics())))
    actual = json.dumps(
        {
            "stories": data["stories"],
            "alignments": [
                [a["story"], [m["outlet"] for m in a["members"]]] for a in data["alignments"]
            ],
            "omissions": [[o["story"], o["outlet"], o["carried_by"]] for o in data["omissions"]],
            "exclusives": [[e["story"], e["outlet"]] for e in data["exclusives"]],
        },
        indent=1,
        ensure_ascii=False,
    )
    if os.environ.get("FRAMING_UPDATE_GOLD") == "1":
        GOLD.write_text(actual + "\n", encoding="utf-8")
    assert actual + "\n" == GOLD.read_text(encoding="utf-8")
