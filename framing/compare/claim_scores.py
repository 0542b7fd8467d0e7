"""How alike two claim units are: in words, in meaning, and in who did what.

Fitted to pairs a reader judged (benchmarks/data/claim_pairs_tuning.toml: BASIL events at
even places, each pair read as the same claim or only related, blind to the scores):

- `overlap`, the idf-weighted cosine of the two sets of content words (1 when they hold the
  same words), is the best single sign: a paraphrase keeps most of what it reports;
- `cosine`, of the two sentence embeddings (framing.compare.meaning), sees synonyms and
  rewordings the words miss ("refrained from officially supporting" ~ "refused to send");
- `ratio`, difflib's on the word sequences (autojunk off), tells a copy: a syndicated or
  copied sentence, perhaps with a word edited;
- anchors (rare names and numbers both name) and acts (the same actors doing the same class
  of act) add a bonus: a paraphrase rewords, but keeps who did what to whom.

`similarity` is `meaning_weight` × cosine + (1 − `meaning_weight`) × overlap, plus the
bonuses, or the ratio when that is higher. A pair is a paraphrase only if it also shares
words beyond names (see `_says_the_same`): a cosine alone says two units share a subject. A
pair holding a two-sentence window needs `paraphrase_window` to be a paraphrase and is never
merely related: a window has more words to share by chance (read pairs with a window were
right 76% of the time as paraphrases, 69% as related; without, 89% and 78%).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import repeat
from typing import Literal

from rapidfuzz.distance import LCSseq

from framing.compare.claim_sentences import ClaimSentence
from framing.compare.claim_settings import Settings

Kind = Literal["verbatim", "paraphrase", "related"]
KINDS: tuple[Kind, ...] = ("verbatim", "paraphrase", "related")


@dataclass(frozen=True)
class PairScore:
    similarity: float
    overlap: float
    cosine: float
    ratio: float  # difflib's; or a bound that decides nothing (`score_pair`'s `exact_ratio`)
    kind: Kind | None


@dataclass(frozen=True)
class Weights:
    """What a shared word says: its idf, and whether it is rare enough to anchor a claim."""

    idf: Mapping[str, float]
    rare: frozenset[str]


def corpus_weights(units: Sequence[ClaimSentence], settings: Settings) -> Weights:
    """Idf over the corpus's sentences (see `_idf`), and the anchors: names ("Wagner",
    "Pantsir") in at most `anchor_postings` sentences and `anchor_share` of them, and numbers
    ("750000", "2015") in at most `anchor_postings`, whatever the corpus's size: a number is
    specific in itself, so in one story's few sentences the figures every outlet reports
    anchor their claims, where its names (in most sentences) cannot."""
    sentences = [u for u in units if u.is_sentence]
    counts = Counter(word for s in sentences for word in s.content)
    names = {w for s in sentences for w in s.content if w in s.names or w in settings.numbers}
    limit = min(settings.anchor_postings, settings.anchor_share * len(sentences))
    rare = {w for w in names if counts[w] <= limit}
    numbers = {w for w, n in counts.items() if w.isdigit() and n <= settings.anchor_postings}
    return Weights(_idf(sentences, settings.background), frozenset(rare | numbers))


def _idf(sentences: Sequence[ClaimSentence], background: int) -> dict[str, float]:
    """Inverse sentence frequency, as if the corpus sat among `background` further sentences
    that hold none of its words: a few articles on one subject would otherwise weigh their
    subject's words ("Hezbollah") next to nothing and their one-off words most, while a
    large corpus outweighs the background and keeps its own rarity."""
    counts = Counter(word for s in sentences for word in s.content)
    total = len(sentences) + background
    return {word: math.log(total / n) for word, n in counts.items()}


def score_pair(
    a: ClaimSentence,
    b: ClaimSentence,
    cosine: float,
    weights: Weights,
    settings: Settings,
    *,
    exact_ratio: bool = True,
) -> PairScore | None:
    """The pair's scores (see the module doc), or None when it shares too little in words
    and in meaning to be related. Without `exact_ratio`, the `ratio` is difflib's only where
    it may decide the score; elsewhere it is the bound that shows it cannot (see
    `_ratio_bound`): the similarity and the kind are the same, in a fraction of the time."""
    shared = a.content & b.content
    if not shared or (len(shared) < settings.min_shared and cosine < settings.meaning_candidate):
        return None
    overlap = _overlap(a, b, shared, weights.idf)
    bonus = _bonus(a, b, shared, weights, settings)
    meaning = settings.meaning_weight * cosine + (1 - settings.meaning_weight) * overlap
    if meaning + bonus < settings.related * 0.75:
        return None
    words = min(len(a.words), len(b.words))
    ratio = _ratio(a, b) if exact_ratio else _deciding_ratio(a, b, meaning + bonus, words, settings)
    similarity = min(1.0, max(ratio, meaning + bonus))
    kind = _kind(similarity, ratio, words, settings)
    if kind == "paraphrase" and not _says_the_same(a, b, shared, overlap, settings):
        kind = "related"
    windowed = len(a.unit.sentence_ids) > 1 or len(b.unit.sentence_ids) > 1
    if windowed and kind == "paraphrase" and similarity < settings.paraphrase_window:
        kind = "related"
    if windowed and kind == "related":
        kind = None  # two sentences "related" to a third: loose, and read wrong a third of the time
    return PairScore(
        round(similarity, 4), round(overlap, 4), round(cosine, 4), round(ratio, 4), kind
    )


def _overlap(
    a: ClaimSentence, b: ClaimSentence, shared: frozenset[str], idf: Mapping[str, float]
) -> float:
    weight_a = sum(map(idf.get, a.content, repeat(1.0)))
    weight_b = sum(map(idf.get, b.content, repeat(1.0)))
    return sum(map(idf.get, shared, repeat(1.0))) / math.sqrt(weight_a * weight_b)


def _bonus(
    a: ClaimSentence, b: ClaimSentence, shared: frozenset[str], weights: Weights, settings: Settings
) -> float:
    """`anchor_bonus` from the `anchor_count`-th shared anchor on (two at most); `act_bonus`
    when the pair names the same actors doing the same act ("Putin refused to condemn
    Hamas", "the Kremlin refrained from condemning Hamas")."""
    common = shared & weights.rare
    anchors = min(len(common), max(_runs(a.words, common), _runs(b.words, common))) if common else 0
    anchored = anchors >= settings.anchor_count
    acts = len(a.acts & b.acts)
    acted = len(a.actors & b.actors) >= settings.act_actors and (
        acts >= settings.act_acts or (anchored and acts >= settings.act_acts_anchored)
    )
    bonus = settings.anchor_bonus * min(2, anchors - settings.anchor_count + 1) if anchored else 0.0
    return bonus + (settings.act_bonus if acted else 0.0)


def _says_the_same(
    a: ClaimSentence, b: ClaimSentence, shared: frozenset[str], overlap: float, settings: Settings
) -> bool:
    """What a paraphrase needs beyond its score: `paraphrase_overlap` of its words, a shared
    word that is not a name (sharing only "Putin", "Hamas" and "Moscow" is sharing a subject,
    not a claim), a shared act unless the words overlap by `paraphrase_overlap_without_act`,
    and, when both name actors, one of the same (else it is a claim about others)."""
    if overlap < settings.paraphrase_overlap or shared <= a.names | b.names:
        return False
    if not a.acts & b.acts and overlap < settings.paraphrase_overlap_without_act:
        return False
    return not (a.actors and b.actors and not a.actors & b.actors)


def _deciding_ratio(
    a: ClaimSentence, b: ClaimSentence, score: float, words: int, settings: Settings
) -> float:
    """difflib's ratio where it may decide the pair's similarity and kind: where its upper
    bound beats the `score` in words and meaning, or may reach `verbatim`. Elsewhere the
    bound: no more than the score, so the similarity is the score, and short of verbatim."""
    bound = _ratio_bound(a, b)
    copy = bound >= settings.verbatim and words >= settings.verbatim_min_words
    return _ratio(a, b) if bound > score or copy else bound


def _ratio_bound(a: ClaimSentence, b: ClaimSentence) -> float:
    """An upper bound of difflib's ratio, in the same form: difflib's matching blocks are a
    common subsequence of the two word sequences, so they hold at most as many words as the
    longest one, which rapidfuzz counts some hundred times sooner. On AllSides, 98% of the
    scored pairs needed no more."""
    length = len(a.words) + len(b.words)
    return 2.0 * LCSseq.similarity(a.words, b.words) / length if length else 1.0


def _ratio(a: ClaimSentence, b: ClaimSentence) -> float:
    """difflib's ratio on the two word sequences, taken in the order of their article and
    unit: difflib's matching blocks depend on which sequence comes first, and a pair must
    score the same whatever order the articles come in."""
    first, second = sorted((a, b), key=lambda s: (s.article.article_id, s.key))
    return SequenceMatcher(None, first.words, second.words, autojunk=False).ratio()


def _runs(words: Sequence[str], anchors: frozenset[str]) -> int:
    """How many separate places of the unit hold anchors: "Bashar al-Assad" or "Vladimir
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


def kind_rank(kind: str | None) -> int:
    """0 for verbatim, 1 paraphrase, 2 related, 3 for no kind: lower is closer."""
    return KINDS.index(kind) if kind in KINDS else len(KINDS)
