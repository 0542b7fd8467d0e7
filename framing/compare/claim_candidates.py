"""Which pairs of claim units the aligner scores: those sharing a telling word, and, between
articles that plainly report one story, those near in meaning.

Scoring every pair of sentences grows with the square of the corpus. Two cheap nets keep it
near-linear:

- Words. An inverted index maps each content word to the units holding it; a word held by
  more than `max_postings` units is left out of the index (it would bring quadratic numbers
  of pairs and no evidence), so each unit meets a bounded number of others through each word.
- Meaning. A paraphrase may share almost no word ("refrained from officially supporting" ~
  "refused to send weapons"), so the word net misses it. Within a pair of articles that the
  word net already links by several units (`block_pairs`), every pair of units is compared
  by embedding cosine, and those at or above `meaning_candidate` are scored too. Each article
  keeps its `block_neighbours` most linked articles, so the blocks, and the work, grow with
  the corpus, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

from framing.compare.claim_sentences import ClaimSentence
from framing.compare.claim_settings import Settings
from framing.compare.meaning import Vectors

Pair = tuple[int, int]
Keys = npt.NDArray[np.int64]
"""Pairs as numbers, sorted: a pair of units (i, j) is i * len(units) + j, and a pair of
articles (a, b) is a * articles + b, articles numbered in the order of their ids. The work is
done on these arrays, as a million pairs of a thousand articles are slow to build one tuple
at a time."""


def candidates(units: Sequence[ClaimSentence], vectors: Vectors, settings: Settings) -> list[Pair]:
    """Pairs (i < j) of units of different outlets, in order (see the module doc)."""
    index = _Index(units)
    by_words = word_candidates(units, index, settings.max_postings)
    blocks = article_blocks(units, vectors, index, by_words, settings)
    within = by_words[np.isin(index.article_pairs(by_words), blocks)]
    near = meaning_candidates(vectors, index, blocks, settings)
    found = np.unique(np.concatenate([within, near]))
    return list(zip((found // index.size).tolist(), (found % index.size).tolist(), strict=True))


class _Index:
    """Each unit's outlet and article as numbers, articles numbered in the order of their ids
    so that numbers compare as the ids do."""

    def __init__(self, units: Sequence[ClaimSentence]) -> None:
        self.size = len(units)
        self.ids = sorted({unit.article.article_id for unit in units})
        self.number = {article: n for n, article in enumerate(self.ids)}
        self.article = np.array([self.number[u.article.article_id] for u in units], np.int64)
        outlets = {outlet: n for n, outlet in enumerate(dict.fromkeys(u.outlet for u in units))}
        self.outlet = np.array([outlets[u.outlet] for u in units], dtype=np.int64)

    def article_pairs(self, pairs: Keys) -> Keys:
        """The pair of articles of each pair of units, the first article first."""
        first, second = self.article[pairs // self.size], self.article[pairs % self.size]
        return np.minimum(first, second) * len(self.ids) + np.maximum(first, second)


def word_candidates(units: Sequence[ClaimSentence], index: _Index, max_postings: int) -> Keys:
    """Pairs of units of different outlets sharing an indexed content word."""
    postings: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for word in unit.content:
            postings[word].append(unit.order)
    found = [np.zeros(0, dtype=np.int64)]
    for posting in postings.values():
        if 2 <= len(posting) <= max_postings:
            orders, (first, second) = np.array(posting, dtype=np.int64), _upper(len(posting))
            found.append(orders[first] * index.size + orders[second])  # in order: i < j
    pairs = np.concatenate(found)
    apart = index.outlet[pairs // index.size] != index.outlet[pairs % index.size]
    return np.unique(pairs[apart])


@cache
def _upper(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Every pair (m < n) of places of a posting of `size` units."""
    return np.triu_indices(size, 1)


def article_blocks(
    units: Sequence[ClaimSentence],
    vectors: Vectors,
    index: _Index,
    by_words: Keys,
    settings: Settings,
) -> Keys:
    """Article pairs likely to report one story: of the pairs of one story that the word net
    links by at least `block_pairs` unit pairs, each article keeps the `block_neighbours`
    nearest by the cosine of the articles' mean unit vectors (ties by id). On AllSides' 247
    stories the four nearest held 1,370 of 1,470 same-story pairs; the four most linked by
    word pairs only 1,001."""
    links, counts = np.unique(index.article_pairs(by_words), return_counts=True)
    centre = _centres(units, vectors)
    ranked: dict[str, list[tuple[float, str]]] = defaultdict(list)
    story = {unit.article.article_id: unit.article.story for unit in units}
    for link in links[counts >= settings.block_pairs].tolist():
        a, b = index.ids[link // len(index.ids)], index.ids[link % len(index.ids)]
        if story[a] == story[b]:
            near = -float(centre[a] @ centre[b])
            ranked[a].append((near, b))
            ranked[b].append((near, a))
    number = index.number
    kept = {
        (number[a], number[b]) if a < b else (number[b], number[a])
        for a, others in ranked.items()
        for _, b in sorted(others)[: settings.block_neighbours]
    }
    return np.array(sorted(a * len(index.ids) + b for a, b in kept), dtype=np.int64)


def _centres(units: Sequence[ClaimSentence], vectors: Vectors) -> dict[str, Vectors]:
    """Each article's mean unit vector, unit length: what the article is about."""
    rows: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        rows[unit.article.article_id].append(unit.order)
    centres = {}
    for article, orders in rows.items():
        mean = vectors[orders].mean(axis=0)
        centres[article] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    return centres


def meaning_candidates(vectors: Vectors, index: _Index, blocks: Keys, settings: Settings) -> Keys:
    """Within each block, the unit pairs whose embedding cosine reaches `meaning_candidate`."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for order, article in enumerate(index.article.tolist()):
        by_article[article].append(order)
    found = [np.zeros(0, dtype=np.int64)]
    for block in blocks.tolist():
        rows = np.array(by_article[block // len(index.ids)], dtype=np.int64)
        columns = np.array(by_article[block % len(index.ids)], dtype=np.int64)
        near = vectors[rows] @ vectors[columns].T >= settings.meaning_candidate
        r, c = np.nonzero(near)
        i, j = rows[r], columns[c]
        found.append(np.minimum(i, j) * index.size + np.maximum(i, j))
    return np.concatenate(found)
