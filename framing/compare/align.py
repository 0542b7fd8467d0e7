"""Shared claims across outlets: sentences that report the same fact, with word-level diffs.

The most telling framing is in how two outlets word the same fact ("refused to send lethal
weapons" against "refrained from officially supporting"), and in what one outlet leaves out
that the others report. This module finds such sentences in three steps, each cheap enough
for tens of thousands of articles:

1. Candidates. Every sentence is reduced to its content words (base forms, demonyms read as
   their country). An inverted index maps each word to the sentences holding it; words found
   in more than `max_postings` sentences are left out of the index, so each sentence meets at
   most a fixed number of others through each word and the work grows linearly with the
   corpus, not with its square. Only sentences of different outlets become candidates.
2. Scoring. A candidate pair sharing at least `min_shared` content words gets two scores: the
   overlap of its content words, each weighted by its rarity in the corpus (idf), and difflib's
   `SequenceMatcher` ratio on the word sequences (autojunk off: the default drops frequent words
   of long sequences). The thresholds in `framing/data/align.toml` sort pairs into verbatim
   copy, paraphrase of the same claim, and related sentences. A pair naming the same actors
   ("Putin", "the Kremlin") and the same acts ("refused to condemn", "refrained from
   condemning"; acts read through classes of verbs news reports swap: "declined to deliver"
   is "refrained from supplying") scores a bonus: a paraphrase rewords a claim but keeps who
   did what.
3. Grouping. Pairs are taken best first; two groups merge only when every pair across them
   scored at least "related" and no outlet would appear twice, so a group of three or more
   outlets is a claim they all carry, not a chain of look-alikes. Each sentence joins at most
   one group, or two related pairs on different claims (one sentence often joins two).

Omissions follow from the groups: a claim carried by most outlets that cover a topic is the
blindspot of a covering outlet that does not carry it. Exclusives are the specific claims
(names, numbers) only one outlet makes.

Everything here is pure: plain data in, plain data out, same input same output.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from framing.compare.claim_diff import word_diff
from framing.compare.claim_sentences import AlignArticle, ClaimSentence, merge_spellings, prepare
from framing.compare.claim_settings import Settings, default_settings
from framing.compare.omissions import exclusives, omissions
from framing.shared_claims import Alignment, Exclusive, Omission

Kind = Literal["verbatim", "paraphrase", "related"]
KINDS: tuple[Kind, ...] = ("verbatim", "paraphrase", "related")


@dataclass(frozen=True)
class AlignmentResult:
    """What `align` found, and how much work it took (for the benchmark)."""

    alignments: tuple[Alignment, ...]
    omissions: tuple[Omission, ...]
    exclusives: tuple[Exclusive, ...]
    candidate_pairs: int
    scored_pairs: int


@dataclass(frozen=True)
class _Score:
    similarity: float
    overlap: float
    ratio: float
    kind: Kind | None


def align(articles: Sequence[AlignArticle], settings: Settings | None = None) -> AlignmentResult:
    """Shared claims, omissions and exclusive claims of `articles` (see the module doc)."""
    settings = settings or default_settings()
    sentences = merge_spellings(prepare(articles, settings))
    weights = _weights(sentences, settings)
    candidates = _candidates(sentences, weights.idf, settings.max_postings)
    scores = {
        pair: score
        for pair in candidates
        if (score := _score(sentences[pair[0]], sentences[pair[1]], weights, settings)) is not None
    }
    groups = _groups(scores, sentences, settings)
    alignments = tuple(_alignment(group, sentences, scores, settings) for group in groups)
    return AlignmentResult(
        alignments=alignments,
        omissions=omissions(alignments, sentences, scores, settings),
        exclusives=exclusives(sentences, scores, weights.idf, settings),
        candidate_pairs=len(candidates),
        scored_pairs=len(scores),
    )


@dataclass(frozen=True)
class _Weights:
    """What a shared word says: its idf, and whether it is rare enough to anchor a claim."""

    idf: Mapping[str, float]
    rare: frozenset[str]


def _weights(sentences: Sequence[ClaimSentence], settings: Settings) -> _Weights:
    """Idf over the corpus (see `_idf`), and the anchors: names and numbers ("Wagner",
    "Pantsir", "2015", "ten") in at most `anchor_postings` sentences and at most
    `anchor_share` of them. Two outlets sharing two of them most likely report one event,
    however common the rest of their words. Rare common nouns do not count: in a few articles
    "consider" or "senior" is rare by chance; nor do names in a corpus too small to tell."""
    counts = Counter(word for s in sentences for word in s.content)
    specific = {
        w for s in sentences for w in s.content if w in s.names or w in settings.numbers
    } | {w for w in counts if w.isdigit()}
    limit = min(settings.anchor_postings, settings.anchor_share * len(sentences))
    rare = frozenset(w for w in specific if counts[w] <= limit)
    return _Weights(_idf(sentences, settings.background), rare)


def _idf(sentences: Sequence[ClaimSentence], background: int) -> dict[str, float]:
    """Inverse sentence frequency, as if the corpus sat among `background` further sentences
    that hold none of its words: a few articles on one subject would otherwise weigh their
    subject's words ("Hezbollah") next to nothing and their one-off words most, while a
    large corpus outweighs the background and keeps its own rarity."""
    counts = Counter(word for s in sentences for word in s.content)
    total = len(sentences) + background
    return {word: math.log(total / n) for word, n in counts.items()}


def _candidates(
    sentences: Sequence[ClaimSentence], idf: Mapping[str, float], max_postings: int
) -> list[tuple[int, int]]:
    """Pairs of sentences of different outlets sharing an indexed word, in input order.
    A word in more than `max_postings` sentences is not indexed: the pairs it would bring
    grow with the square of its frequency, and a common word is no evidence anyway."""
    postings: dict[str, list[int]] = defaultdict(list)
    for s in sentences:
        for word in s.content:
            postings[word].append(s.order)
    usable = {w: p for w, p in postings.items() if 2 <= len(p) <= max_postings}
    pairs: set[tuple[int, int]] = set()
    for s in sentences:
        for word in s.content:
            for other in usable.get(word, ()):
                if other > s.order and sentences[other].outlet != s.outlet:
                    pairs.add((s.order, other))
    return sorted(pairs)


def _score(
    a: ClaimSentence, b: ClaimSentence, weights: _Weights, settings: Settings
) -> _Score | None:
    """The pair's scores, or None when it shares too little to be related.

    `overlap` is the idf-weighted cosine of the two content-word sets (1 when they hold the
    same words); `ratio` is difflib's on all words. `similarity` is the larger of the ratio
    and the mean of the two, so a copy scores by its wording and a paraphrase, whose wording
    differs, by its content words with a bonus for shared phrasing. Rare shared names and
    numbers (anchors) add `anchor_bonus` from the `anchor_count`-th on (two bonuses at most,
    the total capped at 1), and let a pair share one content word fewer than `min_shared`:
    one rare name is chance, two are an event. A pair naming the same two actors and the same
    act ("Putin refused to condemn Hamas", "the Kremlin refrained from condemning Hamas") gets
    the same leniency and adds `act_bonus`: a paraphrase rewords, but keeps who did what."""
    shared = a.content & b.content
    common = shared & weights.rare
    anchors = min(len(common), max(_runs(a.words, common), _runs(b.words, common))) if common else 0
    anchored = anchors >= settings.anchor_count
    acts = len(a.acts & b.acts)
    acted = len(a.actors & b.actors) >= settings.act_actors and (
        acts >= settings.act_acts or (anchored and acts >= settings.act_acts_anchored)
    )
    if len(shared) < settings.min_shared - anchored:
        return None
    idf = weights.idf
    weight_a = sum(idf[w] for w in a.content)
    weight_b = sum(idf[w] for w in b.content)
    overlap = sum(idf[w] for w in shared) / math.sqrt(weight_a * weight_b)
    bonus = settings.anchor_bonus * min(2, anchors - settings.anchor_count + 1) if anchored else 0.0
    bonus += settings.act_bonus if acted else 0.0
    if overlap + bonus < settings.related * 0.75:
        return None
    ratio = _ratio(a, b)
    similarity = min(1.0, max(ratio, (overlap + ratio) / 2) + bonus)
    return _Score(
        round(similarity, 4),
        round(overlap, 4),
        round(ratio, 4),
        _kind(similarity, ratio, min(len(a.words), len(b.words)), settings),
    )


def _ratio(a: ClaimSentence, b: ClaimSentence) -> float:
    """difflib's ratio on the two word sequences, taken in the order of their article and
    sentence ids: difflib's matching blocks depend on which sequence comes first, and a pair
    must score the same whatever order the articles come in."""
    first, second = sorted((a, b), key=lambda s: (s.article.article_id, s.sentence.sentence_id))
    return SequenceMatcher(None, first.words, second.words, autojunk=False).ratio()


def _runs(words: Sequence[str], anchors: frozenset[str]) -> int:
    """How many separate places of the sentence hold anchors: "Bashar al-Assad" or "Vladimir
    Putin" is one name, not two pieces of evidence."""
    runs, last = 0, -3
    for n, word in enumerate(words):
        if word in anchors:
            runs += n - last > 2
            last = n
    return runs


def _kind(similarity: float, ratio: float, words: int, settings: Settings) -> Kind | None:
    if ratio >= settings.verbatim and words >= settings.verbatim_min_words:
        return "verbatim"
    if similarity >= settings.paraphrase:
        return "paraphrase"
    if similarity >= settings.related:
        return "related"
    return None


def _groups(
    scores: Mapping[tuple[int, int], _Score], sentences: Sequence[ClaimSentence], settings: Settings
) -> list[list[int]]:
    """Groups of sentences, one per outlet, best pairs first: groups of the same claim grow
    by complete linkage (every pair in a group scores at least "related"); a related pair
    stays a pair. Each sentence is in at most one group, but for a second related pair on a
    different claim (see `_second_claim`)."""
    group_of: dict[int, list[int]] = {}
    groups: list[list[int]] = []
    seconds: set[int] = set()
    ranked = sorted(
        ((pair, score) for pair, score in scores.items() if score.kind is not None),
        key=lambda item: (
            KINDS.index(item[1].kind or "related") == 2,
            -item[1].similarity,
            item[0],
        ),
    )
    for (i, j), score in ranked:
        first, second = group_of.get(i, [i]), group_of.get(j, [j])
        if first is second:
            continue
        if score.kind == "related" and (i in group_of or j in group_of):
            reused = _second_claim(i, j, group_of, seconds, scores, sentences)
            if reused is not None:
                groups.append([i, j])
                group_of[i + j - reused] = groups[-1]
                seconds.add(reused)
            continue
        if not _can_merge(first, second, scores, sentences, settings):
            continue
        merged = sorted(first + second)
        groups = [g for g in groups if g is not first and g is not second] + [merged]
        for member in merged:
            group_of[member] = merged
    return sorted(groups, key=lambda g: g[0])


def _second_claim(
    i: int,
    j: int,
    group_of: Mapping[int, Sequence[int]],
    seconds: set[int],
    scores: Mapping[tuple[int, int], _Score],
    sentences: Sequence[ClaimSentence],
) -> int | None:
    """The member of the related pair (i, j) that may join a second pair, or None. A news
    sentence often joins two claims ("the Kremlin refrained from condemning Hamas, while
    Putin waited ten days to call Netanyahu"), each of which another outlet may report
    alone. So a sentence already in a related pair, and in no other, may join a second
    related pair with a new partner if the two pairs share at most one word: a different
    claim, not a rival wording of the same one."""
    grouped = [m for m in (i, j) if m in group_of]
    if len(grouped) != 1 or grouped[0] in seconds:
        return None
    reused = grouped[0]
    first = group_of[reused]
    if len(first) != 2 or scores[(first[0], first[1])].kind != "related":
        return None
    before = sentences[first[0]].content & sentences[first[1]].content
    now = sentences[i].content & sentences[j].content
    return reused if len(before & now) <= 1 else None


def _can_merge(
    first: Sequence[int],
    second: Sequence[int],
    scores: Mapping[tuple[int, int], _Score],
    sentences: Sequence[ClaimSentence],
    settings: Settings,
) -> bool:
    if {sentences[i].outlet for i in first} & {sentences[j].outlet for j in second}:
        return False
    for i in first:
        for j in second:
            score = scores.get((min(i, j), max(i, j)))
            if score is None or score.similarity < settings.related:
                return False
    return True


def _alignment(
    group: Sequence[int],
    sentences: Sequence[ClaimSentence],
    scores: Mapping[tuple[int, int], _Score],
    settings: Settings,
) -> Alignment:
    members = [sentences[i] for i in group]
    pair_scores = [scores[(i, j)] for n, i in enumerate(group) for j in group[n + 1 :]]
    weakest = max(pair_scores, key=lambda s: (KINDS.index(s.kind or "related"), -s.similarity))
    first = members[0]
    return Alignment(
        kind=weakest.kind or "related",
        similarity=min(s.similarity for s in pair_scores),
        topics=_shared_topics(members),
        members=tuple(m.member for m in members),
        diffs=tuple(word_diff(first.sentence, other.sentence, settings) for other in members[1:]),
    )


def _shared_topics(members: Sequence[ClaimSentence]) -> tuple[str, ...]:
    counts = Counter(t for m in members for t in dict.fromkeys(m.sentence.topics))
    shared = tuple(t for t, n in counts.items() if n >= 2)
    return shared or tuple(counts)
