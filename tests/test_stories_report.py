"""The report of a corpus of many stories, parsed as a tree: the story index and its
blindspots, one section per story covered by two or more outlets (holding only that story's
articles and claims), the corpus-wide outlet profiles, and the caps that say what they leave
out. The one-story seeds keep the report they had."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import DATA, SEEDS

from framing.analyse.topics import default_topics
from framing.pipeline import build_briefing
from framing.report import context_stories
from framing.report.render import render_html
from framing.serialise import to_json

Json = dict[str, Any]


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def three_stories() -> Json:
    """The seeds (one story, five outlets) beside the claims fixtures: a story of three
    outlets and one of a single outlet, through the whole pipeline."""
    data: Json = json.loads(to_json(build_briefing([SEEDS, DATA / "claims"], default_topics())))
    return data


@pytest.fixture(scope="module")
def three_stories_html(three_stories: Json) -> str:
    return render_html(three_stories)


def _split(seeds: Json, groups: list[list[int]]) -> Json:
    """The seeds' JSON with its articles cut into stories (by article position), keeping
    only the claims, omissions and exclusives that stay within one story."""
    briefing = copy.deepcopy(seeds)
    articles = briefing["articles"]
    story_of: dict[str, str] = {}
    briefing["stories"] = []
    for n, group in enumerate(groups, start=1):
        members = [articles[i] for i in group]
        story_id = f"story-{n:03d}"
        story_of |= {a["id"]: story_id for a in members}
        briefing["stories"].append(
            {
                "id": story_id,
                "title": members[0]["title"],
                "dates": sorted({a["date"] for a in members if a["date"]})[:1],
                "topics": [],
                "outlets": list(dict.fromkeys(a["label"] for a in members)),
                "article_ids": [a["id"] for a in members],
            }
        )

    def within(ids: list[str]) -> str:
        stories = {story_of[i] for i in ids}
        return stories.pop() if len(stories) == 1 else ""

    for key, ids in (
        ("alignments", lambda x: [m["article_id"] for m in x["members"]]),
        ("omissions", lambda x: [x["article_id"], x["claim"]["article_id"]]),
        ("exclusives", lambda x: [x["claim"]["article_id"]]),
    ):
        kept = [item | {"story": within(ids(item))} for item in briefing[key]]
        briefing[key] = [item for item in kept if item["story"]]
    return briefing


def test_the_one_story_seeds_have_no_story_index(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    assert soup.find(id="stories") is None and not soup.select("section.story")
    assert soup.find(id="corpus") is None
    for kept in ("coverage", "topics", "claims"):  # the report reads as before
        assert soup.find("section", id=kept) is not None
    assert soup.select("section.topic")


def test_the_index_has_a_row_per_story_and_a_column_per_outlet(
    three_stories: Json, three_stories_html: str
) -> None:
    index = _soup(three_stories_html).select_one("#stories table.story-index")
    assert isinstance(index, Tag)
    rows = index.select("tbody tr")
    assert [r["data-story"] for r in rows] == [s["id"] for s in three_stories["stories"]]
    columns = [th["data-outlet"] for th in index.select("thead th[data-outlet]")]
    assert sorted(columns) == sorted({a["label"] for a in three_stories["articles"]})
    for row, story in zip(rows, three_stories["stories"], strict=True):
        cells = row.select("td.cell")
        covered = [
            c for c, cell in zip(columns, cells, strict=True) if "blind" not in cell["class"]
        ]
        assert sorted(covered) == sorted(story["outlets"])
        counts = [int(cell.get_text()) for cell in cells if "covered" in cell["class"]]
        assert sum(counts) == len(story["article_ids"])
    note = _soup(three_stories_html).select_one("#stories p.shown-note")
    text = re.sub(r"\s+", " ", note.get_text()) if note else ""
    outlets = len({a["label"] for a in three_stories["articles"]})
    assert "All 3 stories" in text and f"all {outlets} outlets" in text  # none left out


def test_only_stories_two_outlets_covered_get_a_section(
    three_stories: Json, three_stories_html: str
) -> None:
    soup = _soup(three_stories_html)
    sections = soup.select("section.story")
    wanted = [s["id"] for s in three_stories["stories"] if len(s["outlets"]) >= 2]
    assert [s["data-story"] for s in sections] == wanted
    links = {a["href"] for a in soup.select("#stories table.story-index tbody a[href]")}
    assert links == {f"#{story_id}" for story_id in wanted}  # the single-outlet story: no link
    lead = soup.select_one("#stories").get_text(" ", strip=True)
    assert "1 story was covered by one outlet only" in re.sub(r"\s+", " ", lead)


def test_a_story_section_holds_only_its_own_articles_and_claims(
    three_stories: Json, three_stories_html: str
) -> None:
    soup = _soup(three_stories_html)
    by_id = {s["id"]: s for s in three_stories["stories"]}
    checked_claims = 0
    for section in soup.select("section.story"):
        story = by_id[section["data-story"]]
        shown = [tr["data-article"] for tr in section.select("table.story-articles tbody tr")]
        assert shown == story["article_ids"]
        own = [a for a in three_stories["alignments"] if a["story"] == story["id"]]
        strong = [a for a in own if a["kind"] != "related"]
        claims = section.select("div.claim")
        assert len(claims) == min(len(strong), context_stories.STORY_CLAIMS)
        for claim, alignment in zip(claims, strong, strict=False):
            heads = [th.get_text(strip=True) for th in claim.select("table.claim-members th")]
            assert heads == [m["outlet"] for m in alignment["members"]]
            assert set(heads) <= set(story["outlets"])
            checked_claims += 1
        for item in section.select("ul.omissions > li > strong"):
            assert item.get_text(strip=True) in story["outlets"]
        note = section.select_one("h4 .reach")
        if own:
            assert note is not None and f"of {len(own)} shared claim" in note.get_text()
    assert checked_claims  # the fixtures share claims within both stories


def test_many_stories_never_set_stories_side_by_side(three_stories_html: str) -> None:
    """The topic sections and per-topic claim groups would mix stories: the story sections
    replace them, and the cover's topics link nowhere they are not."""
    soup = _soup(three_stories_html)
    assert not soup.select("section.topic") and not soup.select("section.claims")
    assert soup.find(id="coverage") is None and soup.find(id="claims") is None
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for tag in soup.find_all(href=True):
        assert str(tag["href"])[1:] in ids, tag


def test_corpus_profiles_count_each_outlets_articles(
    three_stories: Json, three_stories_html: str
) -> None:
    soup = _soup(three_stories_html)
    frames = soup.select_one("#corpus table.corpus-frames")
    topics = soup.select_one("#corpus table.corpus-topics")
    assert isinstance(frames, Tag) and isinstance(topics, Tag)
    assert len(frames.select("tbody tr")) == 15  # the codebook's frames
    columns = [th["data-outlet"] for th in frames.select("thead th[data-outlet]")]
    mentioned = {t["name"]: t for t in three_stories["topics"] if t["articles"]}
    assert [
        tr.th.get_text(" ", strip=True).split(" (")[0] for tr in topics.select("tbody tr")
    ] == list(mentioned)
    first = next(iter(mentioned.values()))
    ids = {c["article_id"] for c in first["articles"]}
    row = topics.select("tbody tr")[0]
    for label, cell in zip(columns, row.select("td"), strict=True):
        own = [a for a in three_stories["articles"] if a["label"] == label]
        count = sum(a["id"] in ids for a in own)
        if count:
            assert (
                f"({count})" in cell.get_text()
                and cell["title"] == f"{count} of {len(own)} articles"
            )
        else:
            assert "blind" in cell["class"]


def test_caps_say_how_much_they_leave_out(
    seeds_json: Json, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three stories, two of them covered by two outlets: capped at 2 rows, 3 outlet
    columns and 1 section, the report says "2 of 3 stories", "3 of 5 outlets", "1 of 2
    stories that two or more outlets covered" and counts the rest under Other."""
    monkeypatch.setattr(context_stories, "STORY_ROWS", 2)
    monkeypatch.setattr(context_stories, "OUTLET_COLUMNS", 3)
    monkeypatch.setattr(context_stories, "STORY_SECTIONS", 1)
    briefing = _split(seeds_json, [[0, 1], [2, 3], [4]])
    soup = _soup(render_html(briefing))
    text = re.sub(r"\s+", " ", soup.select_one("#stories p.shown-note").get_text())
    assert "Showing 2 of 3 stories" in text and "3 of 5 outlets" in text
    index = soup.select_one("#stories table.story-index")
    assert len(index.select("tbody tr")) == 2
    columns = [th["data-outlet"] for th in index.select("thead th[data-outlet]")]
    assert len(columns) == 3
    assert index.select("thead th")[-1].get_text(strip=True) == "Other"
    for row, story in zip(index.select("tbody tr"), briefing["stories"], strict=False):
        other = row.select("td")[-1].get_text(strip=True)
        assert int(other or 0) == len([o for o in story["outlets"] if o not in columns])
    assert [s["data-story"] for s in soup.select("section.story")] == ["story-001"]
    sections = re.sub(r"\s+", " ", soup.select_one("#story-sections").get_text())
    assert "Showing 1 of 2 stories that two or more outlets covered" in sections
    corpus = re.sub(r"\s+", " ", soup.select_one("#corpus").get_text())
    assert "Showing 3 of 5 outlets" in corpus


def test_blindspots_name_the_outlets_that_did_not_cover(seeds_json: Json) -> None:
    """Story 1 is covered by three of the five outlets: a blindspot of the other two;
    story 2, by two of five, is below half and is not."""
    briefing = _split(seeds_json, [[0, 1, 2], [3, 4]])
    soup = _soup(render_html(briefing))
    items = soup.select("#stories ul.blindspots > li")
    assert len(items) == 1
    text = items[0].get_text(" ", strip=True)
    missing = [a["label"] for a in briefing["articles"][3:]]
    assert "not covered by " + ", ".join(sorted(missing, key=str.casefold)) in text
    assert items[0].a is not None and items[0].a["href"] == "#story-001"
