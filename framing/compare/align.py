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
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from lemminflect import getAllLemmas

from framing.errors import FramingError
from framing.lexicon import Token, tokenize
from framing.models import Alignment, Exclusive, Member, Omission, Segment

Kind = Literal["verbatim", "paraphrase", "related"]
Op = Literal["equal", "changed", "only_a", "only_b"]
KINDS: tuple[Kind, ...] = ("verbatim", "paraphrase", "related")

_WORD = re.compile(r"[^\W_]+")
"""Words for the index and the scores: letters and digits; apostrophes split ("israel", "s")."""


@dataclass(frozen=True)
class AlignSentence:
    """One sentence of one article, as the aligner reads it."""

    sentence_id: str
    text: str
    topics: tuple[str, ...] = ()  # the topics the sentence mentions
    framing_spans: tuple[tuple[int, int], ...] = ()  # char spans of framing words in `text`


@dataclass(frozen=True)
class AlignArticle:
    """One article: its sentences in order. Sentences of one outlet are never paired, even
    across its articles; an empty `outlet` reads as the article's own outlet."""

    article_id: str
    outlet: str
    sentences: tuple[AlignSentence, ...]


@dataclass(frozen=True)
class AlignmentResult:
    """What `align` found, and how much work it took (for the benchmark)."""

    alignments: tuple[Alignment, ...]
    omissions: tuple[Omission, ...]
    exclusives: tuple[Exclusive, ...]
    candidate_pairs: int
    scored_pairs: int


@dataclass(frozen=True)
class Settings:
    """Thresholds and word lists, from `framing/data/align.toml` (documented there)."""

    verbatim: float
    verbatim_min_words: int
    paraphrase: float
    related: float
    min_shared: int
    min_content: int
    anchor_postings: int
    anchor_share: float
    anchor_bonus: float
    anchor_count: int
    act_bonus: float
    act_actors: int
    act_acts: int
    act_acts_anchored: int
    max_postings: int
    background: int
    exclusives_per_outlet: int
    stopwords: frozenset[str]
    framing_words: frozenset[str]
    numbers: frozenset[str]
    same: Mapping[str, str]
    leaders: Mapping[str, str]
    acts: Mapping[str, str]
    nominals: Mapping[str, str]
    common_verbs: frozenset[str]
    not_actors: frozenset[str]


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path`, or the built-in `framing/data/align.toml`."""
    if path is None:
        text = resources.files("framing").joinpath("data/align.toml").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return parse_settings(tomllib.loads(text), str(path or "framing/data/align.toml"))


def parse_settings(data: Mapping[str, Any], where: str) -> Settings:
    """Settings from align.toml's tables (as `load_lexicons()["align"]` holds them, a user's
    `--lexicon-dir` file merged in); a missing or mistyped value is a one-line error."""
    try:
        return _settings(data)
    except (KeyError, TypeError, ValueError) as error:
        raise FramingError(
            f"align settings: bad or missing value {error}", where, "see framing/data/align.toml"
        ) from None


def _settings(data: Mapping[str, Any]) -> Settings:
    limits = data["thresholds"]
    same = _table(data["same"])
    return Settings(
        verbatim=float(limits["verbatim"]),
        verbatim_min_words=int(limits["verbatim_min_words"]),
        paraphrase=float(limits["paraphrase"]),
        related=float(limits["related"]),
        min_shared=int(limits["min_shared"]),
        min_content=int(limits["min_content"]),
        anchor_postings=int(limits["anchor_postings"]),
        anchor_share=float(limits["anchor_share"]),
        anchor_bonus=float(limits["anchor_bonus"]),
        anchor_count=int(limits["anchor_count"]),
        act_bonus=float(limits["act_bonus"]),
        act_actors=int(limits["act_actors"]),
        act_acts=int(limits["act_acts"]),
        act_acts_anchored=int(limits["act_acts_anchored"]),
        max_postings=int(limits["max_postings"]),
        background=int(limits["background"]),
        exclusives_per_outlet=int(limits["exclusives_per_outlet"]),
        stopwords=frozenset(data["words"]["stopwords"]),
        framing_words=frozenset(data["words"]["framing"]),
        numbers=frozenset(data["words"]["numbers"]),
        same=same,
        leaders=_table(data["actors"]["leaders"]),
        acts=_table(data["acts"]["same"], keep=True),
        nominals=_table(data["acts"]["nominal"]),
        common_verbs=frozenset(data["acts"]["common"]),
        not_actors=frozenset(data["actors"]["not_actors"]),
    )


def _table(groups: Mapping[str, Sequence[str]], keep: bool = False) -> dict[str, str]:
    """Word -> its canonical form, from a table of canonical form -> the words it stands for;
    with `keep`, each canonical form maps to itself too (it is listed as well)."""
    table = {canon: canon for canon in groups} if keep else {}
    return table | {word: canon for canon, words in groups.items() for word in words}


@cache
def _default_settings() -> Settings:
    return load_settings()


@cache
def lemma(word: str) -> str:
    """A lower-case word's base form: the verb reading first ("leaves" -> "leave"), then the
    noun; other readings are ignored ("better" stays, not "good"); unknown words stay."""
    lemmas = getAllLemmas(word)
    for pos in ("VERB", "NOUN"):
        if pos in lemmas:
            return str(lemmas[pos][0])
    return word


@cache
def _verb(word: str) -> str | None:
    """The base form of a lower-case word's verb reading, if it has one."""
    verbs = getAllLemmas(word).get("VERB")
    return str(verbs[0]) if verbs else None


@cache
def _known(word: str) -> bool:
    """Whether a dictionary knows the lower-case word (names it does not: "israel")."""
    return bool(getAllLemmas(word))


@dataclass(frozen=True)
class _Sentence:
    """A sentence prepared for scoring: `order` is its place in the input."""

    order: int
    article: AlignArticle
    outlet: str
    sentence: AlignSentence
    words: tuple[str, ...]  # every word, lower case, for the sequence ratio
    content: frozenset[str]  # content words, normalised, for the overlap
    names: frozenset[str]  # lower-cased words written with a capital after the first word
    actors: frozenset[str]  # the states, groups and people named, leaders read as their state
    acts: frozenset[str]  # content words that can be verbs, synonyms merged (see `_acts`)

    @property
    def member(self) -> Member:
        return Member(
            self.article.article_id, self.outlet, self.sentence.sentence_id, self.sentence.text
        )


@dataclass(frozen=True)
class _Score:
    similarity: float
    overlap: float
    ratio: float
    kind: Kind | None


def content_words(words: Iterable[str], settings: Settings) -> frozenset[str]:
    """The words that carry a claim, as base forms with synonyms and demonyms merged."""
    found = set()
    for word in words:
        base = lemma(word)
        base = settings.same.get(base, settings.same.get(word, base))
        if base not in settings.stopwords and (len(base) > 2 or base.isdigit()):
            found.add(base)
    return frozenset(found)


def sentence_content(text: str, settings: Settings) -> frozenset[str]:
    """A sentence's content words exactly as the aligner reads them (see `content_words`)."""
    return content_words(_WORD.findall(text.lower()), settings)


def align(articles: Sequence[AlignArticle], settings: Settings | None = None) -> AlignmentResult:
    """Shared claims, omissions and exclusive claims of `articles` (see the module doc)."""
    settings = settings or _default_settings()
    sentences = _merge_spellings(_prepare(articles, settings))
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
        omissions=_omissions(alignments, sentences, scores, settings),
        exclusives=_exclusives(sentences, scores, weights.idf, settings),
        candidate_pairs=len(candidates),
        scored_pairs=len(scores),
    )


def _prepare(articles: Sequence[AlignArticle], settings: Settings) -> list[_Sentence]:
    prepared: list[_Sentence] = []
    for article in articles:
        outlet = article.outlet or article.article_id
        for sentence in article.sentences:
            words = tuple(_WORD.findall(sentence.text.lower()))
            content = content_words(words, settings)
            if len(content) >= settings.min_content:
                names = frozenset(_names(sentence.text))
                actors = _actors(sentence.text, settings)
                acts = _acts(words, _capitalised(sentence.text), settings)
                prepared.append(
                    _Sentence(
                        len(prepared),
                        article,
                        outlet,
                        sentence,
                        words,
                        content,
                        names=names,
                        actors=actors,
                        acts=acts,
                    )
                )
    return prepared


def _actors(text: str, settings: Settings) -> frozenset[str]:
    """Who the sentence names: capitalised words (the first word only when no dictionary
    knows it: "Israel, however" but not "Since"), demonyms and capitals read as their country
    and well-known leaders as their state, so "Putin" and "the Kremlin" are one actor."""
    found = set()
    for n, word in enumerate(_WORD.findall(text)):
        low = word.lower()
        if not word[0].isupper() or (n == 0 and _known(low)):
            continue
        base = lemma(low)
        actor = settings.leaders.get(low) or settings.same.get(base, settings.same.get(low, base))
        skip = actor in settings.not_actors or actor in settings.stopwords
        if len(actor) > 2 and not actor.isdigit() and not skip:
            found.add(actor)
    return frozenset(found)


def _acts(words: Sequence[str], capitalised: Sequence[bool], settings: Settings) -> frozenset[str]:
    """What the sentence says was done: the verbs it uses as verbs, and the event nouns that
    name an act ("the intervention", "the supply of drones"), each read as its class of act
    (`[acts] same`: "supplied", "delivered" and "backing" read "support"), very common verbs
    left out. Without a tagger, a word is taken as a verb when inflected as one ("refused",
    "condemning") or after "to" or an auxiliary ("to condemn", "did not send"), and a listed
    act also before "of" ("the transfer of drones"): "the Hamas attack" is a noun, not an act.
    A capitalised word after the first is part of a name ("the United States", "The Associated
    Press"), not an act."""
    found = set()
    for n, word in enumerate(words):
        if n > 0 and capitalised[n]:
            continue
        act = settings.nominals.get(word) or _verb_act(words, n, settings)
        if act is not None:
            found.add(settings.acts.get(act, act))
    return frozenset(found)


def _verb_act(words: Sequence[str], n: int, settings: Settings) -> str | None:
    """The base form of `words[n]` if it is used as a verb (see `_acts`) and says something
    of the act: neither a very common verb nor a stopword, unless its class is listed."""
    word = words[n]
    verb = _verb(word)
    if verb is None:
        return None
    base = settings.same.get(verb, verb)
    inflected = word.endswith(("ed", "ing")) or (word != base and not word.endswith("s"))
    before = n > 0 and words[n - 1] in _BEFORE_VERB
    listed = base in settings.acts
    after = listed and n + 1 < len(words) and words[n + 1] == "of"
    if not (inflected or before or after):
        return None
    if listed:
        return base
    if base in settings.common_verbs or base in settings.stopwords:
        return None
    return base


def _capitalised(text: str) -> list[bool]:
    """For each word of `text` (as `_WORD` finds them), whether it begins with a capital."""
    return [word[0].isupper() for word in _WORD.findall(text)]


_BEFORE_VERB = frozenset(
    (
        "to",
        "not",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
    )
)
"""Words after which a verb's base form is used as a verb ("to send", "did not condemn")."""


_VOWELS = frozenset("aeiouy")


def _merge_spellings(sentences: Sequence[_Sentence]) -> list[_Sentence]:
    """The sentences with variant spellings of a name merged ("Pantsir"/"Pantsyr",
    "Zelensky"/"Zelenskyy", "Hezbollah"/"Hizbollah"): transliterations differ in a vowel.

    Only capitalised words unknown to the dictionary, of six letters or more, are merged, and
    only when dropping one vowel (or none) from each gives the same word; consonants must agree
    ("Brennan" and "Brendan" stay apart). Each name is looked up under its few vowel-less
    variants, so the work grows with the vocabulary, not with its square. A name joins the
    spelling the corpus uses most (ties: the alphabetically first)."""
    counts = Counter(word for s in sentences for word in s.content if _is_name(word, s))
    canonical = _spelling_groups(counts)
    if not canonical:
        return list(sentences)
    return [
        replace(s, content=frozenset(canonical.get(w, w) for w in s.content)) for s in sentences
    ]


def _is_name(word: str, sentence: _Sentence) -> bool:
    return len(word) >= 6 and word.isalpha() and not _known(word) and word in sentence.names


def _spelling_groups(counts: Mapping[str, int]) -> dict[str, str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in sorted(counts):
        for key in _vowel_deletions(word):
            by_key[key].append(word)
    canonical: dict[str, str] = {}
    for words in by_key.values():
        if len(words) < 2:
            continue
        names = {canonical.get(w, w) for w in words} | set(words)
        best = min(names, key=lambda w: (-counts.get(w, 0), w))
        for word in names:
            canonical[word] = best
    return {word: _root(word, canonical) for word in canonical if _root(word, canonical) != word}


def _root(word: str, canonical: Mapping[str, str]) -> str:
    while canonical.get(word, word) != word:
        word = canonical[word]
    return word


def _vowel_deletions(word: str) -> set[str]:
    """The word, and the word less one of its vowels after the first letter."""
    return {word} | {word[:n] + word[n + 1 :] for n in range(1, len(word)) if word[n] in _VOWELS}


@dataclass(frozen=True)
class _Weights:
    """What a shared word says: its idf, and whether it is rare enough to anchor a claim."""

    idf: Mapping[str, float]
    rare: frozenset[str]


def _weights(sentences: Sequence[_Sentence], settings: Settings) -> _Weights:
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


def _idf(sentences: Sequence[_Sentence], background: int) -> dict[str, float]:
    """Inverse sentence frequency, as if the corpus sat among `background` further sentences
    that hold none of its words: a few articles on one subject would otherwise weigh their
    subject's words ("Hezbollah") next to nothing and their one-off words most, while a
    large corpus outweighs the background and keeps its own rarity."""
    counts = Counter(word for s in sentences for word in s.content)
    total = len(sentences) + background
    return {word: math.log(total / n) for word, n in counts.items()}


def _candidates(
    sentences: Sequence[_Sentence], idf: Mapping[str, float], max_postings: int
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


def _score(a: _Sentence, b: _Sentence, weights: _Weights, settings: Settings) -> _Score | None:
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


def _ratio(a: _Sentence, b: _Sentence) -> float:
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
    scores: Mapping[tuple[int, int], _Score], sentences: Sequence[_Sentence], settings: Settings
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
    sentences: Sequence[_Sentence],
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
    sentences: Sequence[_Sentence],
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
    sentences: Sequence[_Sentence],
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


def _shared_topics(members: Sequence[_Sentence]) -> tuple[str, ...]:
    counts = Counter(t for m in members for t in dict.fromkeys(m.sentence.topics))
    shared = tuple(t for t, n in counts.items() if n >= 2)
    return shared or tuple(counts)


def word_diff(
    a: AlignSentence, b: AlignSentence, settings: Settings | None = None
) -> tuple[Segment, ...]:
    """Word-level diff of two sentences as segments whose texts rebuild both sentences."""
    settings = settings or _default_settings()
    tokens_a, tokens_b = tokenize(a.text), tokenize(b.text)
    matcher = SequenceMatcher(
        None, [t.lower for t in tokens_a], [t.lower for t in tokens_b], autojunk=False
    )
    codes = matcher.get_opcodes()
    cuts_a = _cuts(tokens_a, len(a.text), [(i1, i2) for _, i1, i2, _, _ in codes])
    cuts_b = _cuts(tokens_b, len(b.text), [(j1, j2) for _, _, _, j1, j2 in codes])
    segments = []
    for (tag, i1, i2, j1, j2), (sa, ea), (sb, eb) in zip(codes, cuts_a, cuts_b, strict=True):
        op: Op = {"equal": "equal", "replace": "changed", "delete": "only_a"}.get(tag, "only_b")  # type: ignore[assignment]
        framing = op != "equal" and (
            _framing(tokens_a[i1:i2], a.framing_spans, settings)
            or _framing(tokens_b[j1:j2], b.framing_spans, settings)
        )
        if not framing:
            segments.append(Segment(op, a.text[sa:ea], b.text[sb:eb], False))
            continue
        # A stretch holding framing words is cut so that only those words are flagged: its
        # A side first, then its B side, each in runs of framing and other words.
        for text, flagged in _framing_runs(
            tokens_a[i1:i2], a.text, sa, ea, a.framing_spans, settings
        ):
            segments.append(Segment("only_a", text, "", flagged))
        for text, flagged in _framing_runs(
            tokens_b[j1:j2], b.text, sb, eb, b.framing_spans, settings
        ):
            segments.append(Segment("only_b", "", text, flagged))
    return tuple(segments)


def _framing_runs(
    tokens: Sequence[Token],
    text: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    settings: Settings,
) -> list[tuple[str, bool]]:
    """`text[start:end]` (the stretch of `tokens`) cut where framing words begin and end."""
    if not tokens:
        return [(text[start:end], False)] if end > start else []
    runs: list[tuple[int, bool]] = []  # (where a run starts, whether it is framing)
    for n, token in enumerate(tokens):
        flagged = _framing([token], spans, settings)
        if not runs or runs[-1][1] != flagged:
            runs.append((start if n == 0 else token.start, flagged))
    bounds = [at for at, _ in runs[1:]] + [end]
    return [(text[at:stop], flagged) for (at, flagged), stop in zip(runs, bounds, strict=True)]


def _cuts(
    tokens: Sequence[Token], length: int, ranges: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans for consecutive token ranges: each runs from its first token to the
    next range's first token, the first from 0 and the last to the end, so nothing is lost."""
    starts = [tokens[i].start if i < len(tokens) else length for i, _ in ranges]
    spans = []
    for n, (i, j) in enumerate(ranges):
        if i == j:
            spans.append((starts[n], starts[n]))
            continue
        begin = 0 if i == 0 else tokens[i].start
        end = length if j == len(tokens) else tokens[j].start
        spans.append((begin, end))
    return spans


def _framing(tokens: Sequence[Token], spans: Sequence[tuple[int, int]], settings: Settings) -> bool:
    for token in tokens:
        if lemma(token.lower) in settings.framing_words or token.lower in settings.framing_words:
            return True
        if any(start < token.end and token.start < end for start, end in spans):
            return True
    return False


def _omissions(
    alignments: Sequence[Alignment],
    sentences: Sequence[_Sentence],
    scores: Mapping[tuple[int, int], _Score],
    settings: Settings,
) -> tuple[Omission, ...]:
    """Per topic, claims (verbatim or paraphrase) carried by at least two outlets and at
    least half of those covering the topic, missing from a covering outlet: one none of
    whose sentences scores even "related" with any of the claim's sentences."""
    coverage = _coverage(sentences)
    near = _near(scores, sentences)
    place = {(s.article.article_id, s.sentence.sentence_id): s.order for s in sentences}
    omissions = []
    for alignment in alignments:
        if alignment.kind == "related":
            continue
        carriers = tuple(dict.fromkeys(m.outlet for m in alignment.members))
        orders = [place[(m.article_id, m.sentence_id)] for m in alignment.members]
        for topic in alignment.topics:
            covering = coverage.get(topic, {})
            if len(carriers) < max(2, math.ceil(len(covering) / 2)):
                continue
            for outlet, article_id in covering.items():
                if outlet in carriers or any(outlet in near[order] for order in orders):
                    continue
                omissions.append(
                    Omission(topic, outlet, article_id, alignment.members[0], carriers)
                )
    return tuple(omissions)


def _coverage(sentences: Sequence[_Sentence]) -> dict[str, dict[str, str]]:
    """Topic -> outlet -> the first article of the outlet that mentions the topic."""
    coverage: dict[str, dict[str, str]] = defaultdict(dict)
    for s in sentences:
        for topic in s.sentence.topics:
            coverage[topic].setdefault(s.outlet, s.article.article_id)
    return coverage


def _near(
    scores: Mapping[tuple[int, int], _Score], sentences: Sequence[_Sentence]
) -> dict[int, set[str]]:
    """For each sentence, the outlets of the sentences it was scored against: those sharing
    enough content words to maybe say the same thing in other words."""
    near: dict[int, set[str]] = defaultdict(set)
    for i, j in scores:
        near[i].add(sentences[j].outlet)
        near[j].add(sentences[i].outlet)
    return near


def _exclusives(
    sentences: Sequence[_Sentence],
    scores: Mapping[tuple[int, int], _Score],
    idf: Mapping[str, float],
    settings: Settings,
) -> tuple[Exclusive, ...]:
    """Each outlet's most specific claims (names and numbers, weighted by rarity; ties keep
    document order) that no other outlet echoes, none of its sentences having come close
    enough to be scored, on topics another outlet covers."""
    coverage = _coverage(sentences)
    near = _near(scores, sentences)
    chosen: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for s in sentences:
        shared_topics = [t for t in s.sentence.topics if len(coverage[t]) >= 2]
        if s.order in near or not shared_topics:
            continue
        chosen[s.outlet].append((-_specificity(s, idf, settings), s.order))
    result = []
    for outlet in sorted(chosen):
        for _, order in sorted(chosen[outlet])[: settings.exclusives_per_outlet]:
            s = sentences[order]
            topics = tuple(t for t in s.sentence.topics if len(coverage[t]) >= 2)
            result.append(Exclusive(outlet, s.member, topics))
    return tuple(result)


def _specificity(s: _Sentence, idf: Mapping[str, float], settings: Settings) -> float:
    """The summed weight of the names and numbers a sentence holds."""
    return sum(idf.get(word, 0.0) for word in content_words(s.names, settings))


def _names(text: str) -> list[str]:
    """Lower-cased names and numbers of a sentence: words written with a capital or a digit,
    its first word aside (capitalised only because it comes first)."""
    return [w.lower() for w in _WORD.findall(text)[1:] if w[0].isupper() or w[0].isdigit()]
