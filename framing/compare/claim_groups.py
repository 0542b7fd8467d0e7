"""Groups of units that carry one claim, one unit per outlet, grown from the best pairs.

A claim of three outlets is seldom three equally close wordings: one outlet may paraphrase
the second closely and the third loosely. So a unit joins a group when it matches some
member strongly (a verbatim or paraphrase pair) and no member weakly contradicts it: every
member scores at least `related` with it (scores are computed on demand for pairs the
candidate nets did not bring). A related pair stays a pair of its own. A unit overlapping
one already grouped (its sentence, or the window holding it) joins no other group, but the
disjoint clauses of one sentence may each join a claim of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from framing.compare.claim_scores import PairScore
from framing.compare.claim_sentences import ClaimSentence

Pair = tuple[int, int]
Scorer = Callable[[int, int], PairScore | None]


def claim_groups(
    scores: Mapping[Pair, PairScore],
    units: Sequence[ClaimSentence],
    score: Scorer,
    related: float,
) -> list[list[int]]:
    """The groups (unit orders, sorted) the pairs of `scores` make, best pairs first."""
    group_of: dict[int, list[int]] = {}
    grouped: dict[str, list[int]] = defaultdict(list)  # article -> its grouped units
    groups: list[list[int]] = []
    for (i, j), pair in _ranked(scores):
        first, second = group_of.get(i, [i]), group_of.get(j, [j])
        if first is second or _overlaps_grouped((i, j), group_of, grouped, units):
            continue
        if pair.kind == "related" and (i in group_of or j in group_of):
            continue
        if pair.kind != "related" and not _compatible(first, second, units, score, related):
            continue
        merged = sorted(first + second)
        groups = [g for g in groups if g is not first and g is not second] + [merged]
        for member in merged:
            if member not in group_of:
                grouped[units[member].article.article_id].append(member)
            group_of[member] = merged
    return sorted(groups, key=lambda g: g[0])


def _ranked(scores: Mapping[Pair, PairScore]) -> list[tuple[Pair, PairScore]]:
    """Scored pairs with a kind, strong before related, then by similarity, then order."""
    kinded = [(pair, s) for pair, s in scores.items() if s.kind is not None]
    return sorted(
        kinded, key=lambda item: (item[1].kind == "related", -item[1].similarity, item[0])
    )


def _compatible(
    first: Sequence[int],
    second: Sequence[int],
    units: Sequence[ClaimSentence],
    score: Scorer,
    related: float,
) -> bool:
    """No outlet twice, and every pair across the two groups at least related."""
    if {units[i].outlet for i in first} & {units[j].outlet for j in second}:
        return False
    for i in first:
        for j in second:
            found = score(min(i, j), max(i, j))
            if found is None or found.similarity < related:
                return False
    return True


def _overlaps_grouped(
    pair: Pair,
    group_of: Mapping[int, Sequence[int]],
    grouped: Mapping[str, Sequence[int]],
    units: Sequence[ClaimSentence],
) -> bool:
    """Whether a unit of the pair, not yet grouped, overlaps a grouped unit of its article."""
    return any(
        units[u].overlaps(units[member])
        for u in pair
        if u not in group_of
        for member in grouped.get(units[u].article.article_id, ())
    )
