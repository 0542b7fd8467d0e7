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

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from framing.compare.claim_sentences import ClaimSentence
from framing.compare.claim_settings import Settings
from framing.compare.meaning import Vectors

Pair = tuple[int, int]


def candidates(units: Sequence[ClaimSentence], vectors: Vectors, settings: Settings) -> list[Pair]:
    """Pairs (i < j) of units of different outlets, in order (see the module doc)."""
    by_words = word_candidates(units, settings.max_postings)
    blocks = article_blocks(units, vectors, by_words, settings)
    kept = set(blocks)
    within = {(i, j) for i, j in by_words if _article_pair(units[i], units[j]) in kept}
    return sorted(within | meaning_candidates(units, vectors, blocks, settings))


def word_candidates(units: Sequence[ClaimSentence], max_postings: int) -> list[Pair]:
    """Pairs of units of different outlets sharing an indexed content word."""
    postings: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for word in unit.content:
            postings[word].append(unit.order)
    usable = {w: p for w, p in postings.items() if 2 <= len(p) <= max_postings}
    pairs: set[Pair] = set()
    for unit in units:
        for word in unit.content:
            for other in usable.get(word, ()):
                if other > unit.order and units[other].outlet != unit.outlet:
                    pairs.add((unit.order, other))
    return sorted(pairs)


def article_blocks(
    units: Sequence[ClaimSentence], vectors: Vectors, by_words: Iterable[Pair], settings: Settings
) -> list[tuple[str, str]]:
    """Article pairs likely to report one story: of the pairs of one story that the word net
    links by at least `block_pairs` unit pairs, each article keeps the `block_neighbours`
    nearest by the cosine of the articles' mean unit vectors (ties by id). On AllSides' 247
    stories the four nearest held 1,370 of 1,470 same-story pairs; the four most linked by
    word pairs only 1,001."""
    links = Counter(_article_pair(units[i], units[j]) for i, j in by_words)
    centre = _centres(units, vectors)
    ranked: dict[str, list[tuple[float, str]]] = defaultdict(list)
    story = {unit.article.article_id: unit.article.story for unit in units}
    for (a, b), count in sorted(links.items()):
        if count >= settings.block_pairs and story[a] == story[b]:
            near = -float(centre[a] @ centre[b])
            ranked[a].append((near, b))
            ranked[b].append((near, a))
    kept = {
        (a, b) if a < b else (b, a)
        for a, others in ranked.items()
        for _, b in sorted(others)[: settings.block_neighbours]
    }
    return sorted(kept)


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


def _article_pair(a: ClaimSentence, b: ClaimSentence) -> tuple[str, str]:
    first, second = a.article.article_id, b.article.article_id
    return (first, second) if first < second else (second, first)


def meaning_candidates(
    units: Sequence[ClaimSentence],
    vectors: Vectors,
    blocks: Sequence[tuple[str, str]],
    settings: Settings,
) -> set[Pair]:
    """Within each block, the unit pairs whose embedding cosine reaches `meaning_candidate`."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        by_article[unit.article.article_id].append(unit.order)
    pairs: set[Pair] = set()
    for a, b in blocks:
        rows, columns = by_article[a], by_article[b]
        near = vectors[rows] @ vectors[columns].T >= settings.meaning_candidate
        for r, c in zip(*np.nonzero(near), strict=True):
            i, j = rows[int(r)], columns[int(c)]
            pairs.add((min(i, j), max(i, j)))
    return pairs
