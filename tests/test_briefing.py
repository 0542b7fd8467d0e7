"""The Briefing JSON: golden file for the seeds, contract keys, determinism."""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS

from framing.analyse.topics import default_topics
from framing.errors import FramingError
from framing.models import Briefing
from framing.pipeline import build_briefing
from framing.serialise import load_briefing_json, to_json

GOLD = Path(__file__).parent / "gold" / "seeds-briefing.json"
UPDATE = os.environ.get("FRAMING_UPDATE_GOLD") == "1"


def test_seeds_match_golden_json(seeds_briefing: Briefing) -> None:
    """Any change in cleaning, segmentation or topics shows up here as a reviewable diff.

    After checking the diff, accept it with `FRAMING_UPDATE_GOLD=1 pytest tests/test_briefing.py`.
    """
    actual = to_json(seeds_briefing)
    if UPDATE:
        GOLD.write_text(actual, encoding="utf-8")
    expected = GOLD.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "gold", "actual", lineterm="", n=2
        )
        pytest.fail("Briefing JSON differs from the golden file:\n" + "\n".join(list(diff)[:80]))


def test_minimum_contract(seeds_json: dict[str, Any]) -> None:
    assert seeds_json["schema_version"] == "1.7"
    for article in seeds_json["articles"]:
        for key in (
            "id",
            "outlet",
            "title",
            "author",
            "date",
            "genre",
            "dek",
            "source_path",
            "word_count",
            "readability",
            "sentences",
            "removed",
        ):
            assert key in article
        assert set(article["sentences"][0]) >= {"id", "text", "topics"}
        assert set(article["removed"][0]) >= {"text", "reason"}
    for topic in seeds_json["topics"]:
        assert set(topic) >= {"name", "aliases", "shared", "articles"}
        assert all(set(c) >= {"article_id", "sentence_ids"} for c in topic["articles"])


def test_unknown_stays_unknown(seeds_json: dict[str, Any]) -> None:
    by_path = {a["source_path"]: a for a in seeds_json["articles"]}
    mortal = by_path["russia-sides-with-israels-mortal-enemies.txt"]
    assert (mortal["outlet"], mortal["author"], mortal["date"]) == ("", "", "")
    assert mortal["label"].startswith("Unknown outlet")
    assert by_path["analysis-israels-hushed-military-ties-with-russia.txt"]["date"] == ""


def test_same_input_same_bytes(seeds_briefing: Briefing) -> None:
    assert to_json(build_briefing([SEEDS], default_topics())) == to_json(seeds_briefing)


def test_load_rejects_other_schemas(tmp_path: Path, seeds_json: dict[str, Any]) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps({**seeds_json, "schema_version": "2.0"}))
    with pytest.raises(FramingError, match=r"schema 2\.0"):
        load_briefing_json(path)
    path.write_text("{not json")
    with pytest.raises(FramingError, match="not a readable briefing JSON"):
        load_briefing_json(path)


def test_page_of_nothing_but_boilerplate_is_excluded(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(
        (SEEDS / "jfeed-netanyahu-secret-moscow-mission.txt").read_text()
    )
    (tmp_path / "footer.txt").write_text(
        "Join our newsletter to receive updates on new articles and exclusive content.\n"
        "We respect your privacy and will never share your information.\n"
        "Follow on Instagram\n@jfeednews\n"
    )
    briefing = build_briefing([tmp_path], default_topics())
    assert [a.source_path for a in briefing.articles] == ["article.txt"]
    assert [(e.path, e.reason.split(" (")[0]) for e in briefing.excluded] == [
        ("footer.txt", "nothing but page boilerplate")
    ]


def test_fragment_under_fifty_words_is_excluded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(
        (SEEDS / "jfeed-netanyahu-secret-moscow-mission.txt").read_bytes()
    )
    (tmp_path / "teaser.txt").write_text(
        "Russia and Israel\n\nMoscow hosted a Hamas delegation on Thursday, drawing a sharp"
        " rebuke from Jerusalem, which called the visit an obscene step.\n"
    )
    briefing = build_briefing([tmp_path], default_topics())
    [excluded] = briefing.excluded
    assert excluded.path == "teaser.txt"
    assert excluded.reason.startswith("only 20 words of article text after cleaning")


def test_repeated_article_is_reported_and_counted_once(tmp_path: Path) -> None:
    for name in ("a-original.txt", "b-copy.txt"):
        (tmp_path / name).write_bytes(
            (SEEDS / "the-buzz-russia-big-plans-israel-hamas-war.txt").read_bytes()
        )
    (tmp_path / "c-other.txt").write_bytes(
        (SEEDS / "russia-sides-with-israels-mortal-enemies.txt").read_bytes()
    )
    briefing = build_briefing([tmp_path], default_topics())
    assert [a.id for a in briefing.articles] == ["a-original", "c-other"]
    [duplicate] = briefing.duplicates
    assert (duplicate.path, duplicate.original_id, duplicate.kind) == (
        "b-copy.txt",
        "a-original",
        "identical",
    )
    hamas = next(t for t in briefing.topics if t.name == "Hamas")
    assert [c.article_id for c in hamas.articles] == ["a-original", "c-other"]


def test_the_seeds_are_one_story_of_every_article(seeds_json: dict[str, Any]) -> None:
    """Five reports of Israel's turn to Russia: one story, even the analysis four weeks on."""
    (story,) = seeds_json["stories"]
    assert story["id"] == "story-001"
    assert sorted(story["article_ids"]) == sorted(a["id"] for a in seeds_json["articles"])
    assert story["dates"] == ["2023-10-31", "2023-11-27"]
    assert story["topics"][:2] == ["Russia", "Israel"]
    assert story["title"] in {a["title"] for a in seeds_json["articles"]}
    assert {a["story"] for a in seeds_json["alignments"]} == {"story-001"}
