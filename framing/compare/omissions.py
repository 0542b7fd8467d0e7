"""What one outlet leaves out that the others report (omissions), and the specific claims
only one outlet makes (exclusives), read off the aligner's groups and scores."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from framing.compare.claim_sentences import ClaimSentence
from framing.compare.claim_settings import Settings
from framing.shared_claims import Alignment, Exclusive, Omission


@dataclass(frozen=True)
class Reach:
    """Who covers what and who came near what, read once for the omissions, the exclusives
    and the outlets each claim leaves out. `coverage`: (story, topic) -> outlet -> the first
    article of the outlet in the story that mentions the topic. `near`: unit -> the outlets of
    the units it was scored against (those sharing enough to maybe say the same thing in
    other words)."""

    coverage: Mapping[tuple[str, str], Mapping[str, str]]
    near: Mapping[int, set[str]]


def reach(units: Sequence[ClaimSentence], scored: Collection[tuple[int, int]]) -> Reach:
    coverage: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for unit in units:
        for topic in unit.sentence.topics:
            coverage[(unit.article.story, topic)].setdefault(unit.outlet, unit.article.article_id)
    near: dict[int, set[str]] = defaultdict(set)
    for i, j in scored:
        near[i].add(units[j].outlet)
        near[j].add(units[i].outlet)
    return Reach(coverage, near)


def omissions(
    claims: Sequence[tuple[Alignment, Sequence[int]]], reached: Reach
) -> tuple[Omission, ...]:
    """Per topic, claims (verbatim or paraphrase; each with its units' orders) carried by at
    least two outlets and at least half of those covering the topic, missing from a covering
    outlet: one none of whose units scores even "related" with any of the claim's units."""
    found = []
    for alignment, orders in claims:
        if alignment.kind == "related":
            continue
        carriers = tuple(dict.fromkeys(m.outlet for m in alignment.members))
        for topic in alignment.topics:
            covering = reached.coverage.get((alignment.story, topic), {})
            if len(carriers) < max(2, math.ceil(len(covering) / 2)):
                continue
            for outlet, article_id in covering.items():
                if outlet in carriers or any(outlet in reached.near.get(o, ()) for o in orders):
                    continue
                claim = alignment.members[0]
                found.append(Omission(topic, outlet, article_id, claim, carriers, alignment.story))
    return tuple(found)


def exclusives(
    sentences: Sequence[ClaimSentence],
    reached: Reach,
    idf: Mapping[str, float],
    settings: Settings,
) -> tuple[Exclusive, ...]:
    """Each outlet's most specific claims (names and numbers, weighted by rarity; ties keep
    document order) that no other outlet echoes, none of its sentences having come close
    enough to be scored, on topics another outlet covers."""
    coverage, near = reached.coverage, reached.near
    chosen: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for s in sentences:
        shared_topics = [t for t in s.sentence.topics if len(coverage[(s.article.story, t)]) >= 2]
        if not s.is_sentence or s.order in near or not shared_topics:
            continue
        chosen[s.outlet].append((-_specificity(s, idf, settings), s.order))
    result = []
    for outlet in sorted(chosen):
        for _, order in sorted(chosen[outlet])[: settings.exclusives_per_outlet]:
            s = sentences[order]
            story = s.article.story
            topics = tuple(t for t in s.sentence.topics if len(coverage[(story, t)]) >= 2)
            result.append(Exclusive(outlet, s.member, topics, story))
    return tuple(result)


def _specificity(s: ClaimSentence, idf: Mapping[str, float], settings: Settings) -> float:
    """The summed weight of the names and numbers a sentence holds."""
    return sum(idf.get(word, 0.0) for word in settings.reader.content_words(s.names))
