"""Key passages: typical sentences that carry framing, three that say different things."""

from __future__ import annotations

from typing import Any

from framing.analyse.measure import Measures
from framing.analyse.passages import (
    KEY_PASSAGES,
    document_frequency,
    evidence_kinds,
    key_passages,
    sentence_words,
)
from framing.compare.claim_settings import load_settings
from framing.lexicon import load_lexicons, tokenized
from framing.models import Briefing

REPORT = [
    ("p1-s1", "Russia moved troops to the border with Ukraine on Monday, officials said."),
    ("p1-s2", "Russia moved troops to the border with Ukraine on Monday, the officials said."),
    ("p1-s3", "The brutal regime in Moscow has massed troops near the Ukrainian border."),
    ("p1-s4", "Ukraine asked its allies for air defences after the troop build-up."),
    ("p1-s5", "Analysts say Moscow could be preparing a new offensive against Ukraine."),
]


def _passages(sentences: list[tuple[str, str]]) -> tuple[Any, ...]:
    settings = load_settings()
    words = sentence_words((text for _, text in sentences), settings.reader)
    framing = Measures(load_lexicons()).measure(
        tokenized((sid, text, False) for sid, text in sentences), ""
    )
    return key_passages(
        [(sid, w) for (sid, _), w in zip(sentences, words, strict=True)],
        framing,
        document_frequency(words),
        len(words),
    )


def test_three_distinct_passages_and_no_near_repeat() -> None:
    chosen = [p.sentence_id for p in _passages(REPORT)]
    assert len(chosen) == KEY_PASSAGES == len(set(chosen))
    assert not {"p1-s1", "p1-s2"} <= set(chosen)  # the same sentence twice says nothing new


def test_a_sentence_that_frames_beats_an_equally_typical_plain_one() -> None:
    passages = _passages(
        [
            ("p1-s1", "Russia will move more troops to the border with Ukraine."),
            ("p1-s2", "Russia may move more troops to the border with Ukraine."),
            ("p1-s3", "Ukraine asked its allies for air defences after the troop build-up."),
        ]
    )
    assert passages[0].sentence_id == "p1-s2"  # "may": a hedge
    assert passages[0].signals == ("hedge",)
    assert [p.sentence_id for p in passages[1:]] == ["p1-s3", "p1-s1"]  # the repeat comes last


def test_typical_sentences_come_first() -> None:
    """Loaded language alone does not lift an untypical sentence above a typical one."""
    passages = _passages(REPORT)
    assert passages[0].sentence_id == "p1-s1"
    assert passages[0].centrality == max(p.centrality for p in passages)


def test_a_short_treatment_is_all_key_passages() -> None:
    chosen = _passages(REPORT[3:])
    assert sorted(p.sentence_id for p in chosen) == ["p1-s4", "p1-s5"]


def test_evidence_kinds_in_a_fixed_order() -> None:
    framing = Measures(load_lexicons()).measure(
        tokenized([("s1", "The brutal regime, officials said, might fall.", False)]), ""
    )
    kinds = evidence_kinds(framing)["s1"]
    assert "loaded term" in kinds and "hedge" in kinds
    assert kinds.index("loaded term") < kinds.index("hedge")


def test_seed_key_passages(seeds_briefing: Briefing) -> None:
    """Every coverage has up to three key passages from its own body sentences, and the
    prescriptive think-tank piece's treatment of Russia leads with its prescription."""
    for topic in seeds_briefing.topics:
        for coverage in topic.articles:
            article = next(a for a in seeds_briefing.articles if a.id == coverage.article_id)
            body = {s.id for s in article.sentences if not s.heading}
            ids = [p.sentence_id for p in coverage.key_passages]
            assert set(ids) <= set(coverage.sentence_ids) & body
            assert len(ids) == min(KEY_PASSAGES, len(set(coverage.sentence_ids) & body))
    russia = next(t for t in seeds_briefing.topics if t.name == "Russia")
    institute = next(c for c in russia.articles if c.article_id.startswith("washington"))
    assert "prescription" in institute.key_passages[0].signals
