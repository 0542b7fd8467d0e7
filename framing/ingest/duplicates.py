"""Find identical and near-identical articles: syndicated wire copies and pieces saved twice."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations, pairwise

_SHINGLE_WORDS = 5
_SKETCH_SIZE = 64
_MAX_POSTING = 100
_MIN_WORDS = 50
_ESTIMATE_MARGIN = 0.2
_UNIFY = {
    "'": "\u2018\u2019\u201a\u201b\u2032`",
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "": "\u00ad\u200b\u200c\u200d\u2060\ufeff",
}
_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@dataclass(frozen=True)
class Duplicate:
    """An article that repeats an earlier one."""

    article_id: str
    original_id: str
    similarity: float
    kind: str


def find_duplicates(
    articles: Sequence[tuple[str, str]], threshold: float = 0.5
) -> tuple[Duplicate, ...]:
    """`articles` is (id, body text) in a stable order; returns the repeats, sorted by article_id.

    "identical": equal after NFKC, casefolding, one form of quote and dash, single spaces.
    "near-identical": the Jaccard similarity of the two texts' 5-word shingle sets
    (punctuation dropped) is at least `threshold`. Repeats are grouped transitively, and every
    member points to the group's first article with its similarity to that article (rounded
    to 3 decimals), which can fall below `threshold` for a copy linked through another copy.
    Texts under 50 words only match identically; empty texts never match.

    Cost is near-linear: each text is sketched by its 64 smallest shingle hashes (CRC-32, so
    the same on every run and machine); an index of the hashes that recur proposes pairs, the
    sketches' bottom-k estimate drops those more than 0.2 below `threshold` (over 3 standard
    errors at 64 hashes), and only the rest are compared on their full shingle sets.

    Why 0.5, measured on the 10,000 AllSides articles (allsides_scale.jsonl.gz): pairs at or
    above 0.3 / 0.4 / 0.45 / 0.5 / 0.6 / 0.9 number 25 / 11 / 7 / 4 / 2 / 1. Above 0.5: Newsmax
    running a Reuters story (0.967); one op-ed in two outlets (0.894); Fox rewriting its own
    same-day story around the same paragraphs (0.530); CBS running an AP story under its own
    top and sections (0.523). Just below: two CNN articles that embed one 8,000-word photo
    gallery (0.487) and two Fox stories on one EPA rule from different angles sharing 500
    words of background (0.475). Different outlets' articles on one story score at most
    0.245 (1,700 pairs in allsides_stories). A wire copy cut to under half its length falls
    below 0.5 too: Jaccard counts what one side lacks.
    """
    ids = _checked_ids(articles, threshold)
    groups = list(range(len(articles)))
    digests, sketches = _link_identical([text for _, text in articles], groups)

    @lru_cache(maxsize=256)
    def shingles(index: int) -> frozenset[int]:
        return frozenset(_shingles(_words(_normalise(articles[index][1]))))

    floor = threshold - _ESTIMATE_MARGIN
    for a, b in _candidates(sketches, floor):
        if _estimate(sketches[a], sketches[b]) < floor:
            continue
        if _jaccard(shingles(a), shingles(b)) >= threshold:
            _union(groups, a, b)
    return _report(ids, digests, groups, shingles)


def _checked_ids(articles: Sequence[tuple[str, str]], threshold: float) -> list[str]:
    """Ids name the results, so two articles with one id would make the report ambiguous."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    ids = [article_id for article_id, _ in articles]
    repeated = sorted(article_id for article_id, n in Counter(ids).items() if n > 1)
    if repeated:
        raise ValueError(f"article ids must be unique; repeated: {', '.join(repeated[:5])}")
    return ids


def _normalise(text: str) -> str:
    """What "identical" compares: two saves of one page differ in case, quotes and spacing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for plain, variants in _UNIFY.items():
        for variant in variants:
            text = text.replace(variant, plain)
    return " ".join(text.split())


def _link_identical(
    texts: list[str], groups: list[int]
) -> tuple[list[bytes], dict[int, list[int]]]:
    """Join equal texts; sketch the first of each that is long enough to compare loosely.

    Only a digest of each normalised text is kept, not a second copy of the corpus. Empty
    texts stay apart: two failed extractions are not the same piece. Under _MIN_WORDS words
    a handful of changed words is all that separates two different briefs, so short texts
    only match identically.
    """
    digests: list[bytes] = []
    first: dict[bytes, int] = {}
    sketches: dict[int, list[int]] = {}
    for index, raw in enumerate(texts):
        text = _normalise(raw)
        digests.append(hashlib.blake2b(text.encode(), digest_size=16).digest())
        original = first.setdefault(digests[index], index) if text else index
        if original != index:
            _union(groups, original, index)
            continue
        words = _words(text)
        if len(words) >= _MIN_WORDS:
            sketches[index] = sorted(_shingles(words))[:_SKETCH_SIZE]
    return digests, sketches


def _words(text: str) -> list[bytes]:
    """Words without punctuation, so that "said," and "said" are one word."""
    return text.encode().translate(None, _PUNCTUATION).split()


def _shingles(words: list[bytes]) -> set[int]:
    """CRC-32 of every run of _SHINGLE_WORDS words: five are rare enough to index, unlike three."""
    runs = zip(*(words[i:] for i in range(_SHINGLE_WORDS)), strict=False)
    return set(map(zlib.crc32, map(b" ".join, runs)))


def _candidates(sketches: dict[int, list[int]], floor: float) -> list[tuple[int, int]]:
    """Pairs whose sketches share enough hashes to estimate `floor` or more, and at least two
    (one is chance), found through an index of the hashes that recur, not all pairs.

    The bottom-k estimate cannot exceed shared / (larger sketch), so most pairs proposed by
    stock phrases are dropped before it is computed. A hash in more than _MAX_POSTING sketches
    is mostly a stock phrase ("playback is unsupported on your"): all pairs of its texts would
    cost quadratic time, so only neighbours in its list are paired, which still chains the
    copies of a widely syndicated story together.
    """
    recurring = {
        value for value, n in Counter(chain.from_iterable(sketches.values())).items() if n > 1
    }
    index: defaultdict[int, list[int]] = defaultdict(list)
    for doc, sketch in sketches.items():
        for value in recurring.intersection(sketch):
            index[value].append(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in index.values():
        shared.update(combinations(docs, 2) if len(docs) <= _MAX_POSTING else pairwise(docs))
    return sorted(
        (a, b)
        for (a, b), count in shared.items()
        if count >= max(2, floor * max(len(sketches[a]), len(sketches[b])))
    )


def _estimate(a: list[int], b: list[int]) -> float:
    """Bottom-k Jaccard estimate: the share of the union's smallest hashes found in both."""
    both = set(a) & set(b)
    smallest = sorted(set(a) | set(b))[:_SKETCH_SIZE]
    return sum(value in both for value in smallest) / len(smallest)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b)


def _union(groups: list[int], a: int, b: int) -> None:
    """Merge two groups under the earlier root, so that a group's root is its first article."""
    root_a, root_b = _root(groups, a), _root(groups, b)
    groups[max(root_a, root_b)] = min(root_a, root_b)


def _root(groups: list[int], index: int) -> int:
    while groups[index] != index:
        groups[index] = groups[groups[index]]
        index = groups[index]
    return index


def _report(
    ids: list[str],
    digests: list[bytes],
    groups: list[int],
    shingles: Callable[[int], frozenset[int]],
) -> tuple[Duplicate, ...]:
    """Each repeat against the first article of its group, whatever linked it there."""
    found = []
    for index, article_id in enumerate(ids):
        original = _root(groups, index)
        if original == index:
            continue
        if digests[index] == digests[original]:
            found.append(Duplicate(article_id, ids[original], 1.0, "identical"))
        else:
            similarity = round(_jaccard(shingles(index), shingles(original)), 3)
            found.append(Duplicate(article_id, ids[original], similarity, "near-identical"))
    return tuple(sorted(found, key=lambda duplicate: duplicate.article_id))
