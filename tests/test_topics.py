"""Topic matching: aliases, metonyms, word boundaries, exclusions, user topics."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article

from framing.analyse.topics import (
    TopicMatcher,
    default_topics,
    load_topics,
    merge_topics,
    parse_topic_option,
)
from framing.errors import FramingError
from framing.models import Briefing

MATCHERS = {t.name: TopicMatcher(t) for t in default_topics()}


def _topics(text: str) -> list[str]:
    return sorted(name for name, matcher in MATCHERS.items() if matcher.mentions(text))


def test_default_topics_include_the_required_ten() -> None:
    assert {
        "Syria",
        "Hamas",
        "Ukraine",
        "Iran",
        "Turkey",
        "Hezbollah",
        "Russia",
        "Israel",
        "United States",
        "Gaza",
    } <= set(MATCHERS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Despite its outreach, Israel harbors no illusions about the Kremlin’s stance.",
            ["Israel", "Russia"],
        ),
        ("Ankara is pushed out.", ["Turkey"]),
        ("south of Damascus", ["Syria"]),
        ("the IDF struck HTS bases", ["Israel", "Syria"]),
        ("Kyiv and Zelensky", ["Ukraine"]),
        ("Moscow, Beijing, and Teheran seek to destabilize", ["Iran", "Russia"]),
        ("Tehran, Damascus", ["Iran", "Syria"]),
        ("such as Hizb ut-Tahrir, “terrorist,”", []),
        ("Defense Minister Israel Katz confirmed", []),
        ("see https://www.reuters.com/world/israel-russia-syria", []),
        ("another US$60 billion", []),
        ("let us talk", []),
        ("The Washington Institute says", []),
        ("the Israel-Hamas war", ["Hamas", "Israel"]),
        ("Hamas’ leaders", ["Hamas"]),
        ("the head of Hay’at Tahrir al-Sham", ["Syria"]),  # curly apostrophe, straight alias
    ],
)
def test_mentions(text: str, expected: list[str]) -> None:
    assert _topics(text) == expected


def test_topic_option_and_smart_case() -> None:
    topic = parse_topic_option("Lebanon=Beirut,lebanese")
    matcher = TopicMatcher(topic)
    assert topic.aliases == ("Lebanon", "Beirut", "lebanese")
    assert matcher.mentions("LEBANESE forces") and matcher.mentions("in Beirut")
    assert not matcher.mentions("beirut")  # a capitalised alias matches that case only


def test_bad_topic_option() -> None:
    with pytest.raises(FramingError, match="NAME=ALIAS"):
        parse_topic_option("Lebanon")


def test_topics_file_replaces_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[[topic]]\nname = "Russia"\naliases = ["Kremlin"]\n')
    merged = merge_topics(default_topics(), load_topics(path))
    assert next(t for t in merged if t.name == "Russia").aliases == ("Kremlin",)
    assert len(merged) == len(default_topics())


def test_broken_topics_file(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[[topic]]\nname = "Russia"\naliases = "Kremlin"\n')
    with pytest.raises(FramingError, match="needs aliases"):
        load_topics(path)


def test_seed_topics_shared_by_at_least_three_outlets(seeds_briefing: Briefing) -> None:
    reports = {t.name: t for t in seeds_briefing.topics}
    for name in ("Syria", "Hamas", "Ukraine"):
        assert reports[name].shared
        assert len(reports[name].outlets) >= 3
    assert not reports["Turkey"].shared  # only JFeed mentions Turkey
    assert reports["Turkey"].outlets == ("JFeed",)


def test_sentence_topics_in_the_seeds(seeds_briefing: Briefing) -> None:
    found = article(seeds_briefing, "russia-sides")
    hizb = next(s for s in found.sentences if "Hizb ut-Tahrir" in s.text)
    assert "Hezbollah" not in hizb.topics
    assert "Russia" in hizb.topics  # "Moscow hugged the two most committed…"
