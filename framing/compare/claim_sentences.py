"""The aligner's input, and each sentence as the aligner reads it: its words, content words,
names, the actors it names and the acts it reports."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from framing.analyse.words import is_known
from framing.compare.claim_reading import UnitReader
from framing.compare.claim_settings import Settings
from framing.compare.claim_units import ClaimUnit, claim_units
from framing.compare.claim_words import claim_tokens, joined_tokens, written_words
from framing.shared_claims import Member


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
    story: str = ""  # units of different stories are never paired


@dataclass(frozen=True)
class ClaimSentence:
    """A sentence prepared for scoring: `order` is its place in the input."""

    order: int
    article: AlignArticle
    outlet: str
    unit: ClaimUnit  # the sentence, clause or two sentences it is
    sentence: AlignSentence  # the claim as a sentence of its own: its text, topics, framing
    words: tuple[str, ...]  # every word, lower case, for the sequence ratio
    content: frozenset[str]  # content words, normalised, for the overlap
    names: frozenset[str]  # lower-cased words written with a capital after the first word
    actors: frozenset[str]  # the states, groups and people named, leaders read as their state
    acts: frozenset[str]  # content words that can be verbs, synonyms merged (see `_acts`)

    @property
    def member(self) -> Member:
        unit = self.unit
        return Member(
            self.article.article_id,
            self.outlet,
            unit.sentence_ids[0],
            unit.text,
            unit.sentence_ids,
            unit.start,
            unit.end,
        )

    @property
    def is_sentence(self) -> bool:
        """A whole single sentence: what idf, anchors and exclusives count."""
        return len(self.unit.sentence_ids) == 1 and not self.unit.is_clause

    @property
    def key(self) -> tuple[tuple[str, ...], int]:
        """The unit's place in its article, for orders that must not depend on the input's."""
        return self.unit.sentence_ids, self.unit.start

    def overlaps(self, other: ClaimSentence) -> bool:
        """Whether the two units share characters of one sentence of one article."""
        if self.article.article_id != other.article.article_id:
            return False
        return any(
            sid == other_sid and start < other_end and other_start < end
            for sid, start, end in self.unit.coverage
            for other_sid, other_start, other_end in other.unit.coverage
        )


def prepare(articles: Sequence[AlignArticle], settings: Settings) -> list[ClaimSentence]:
    """Every claim unit of every article (framing.compare.claim_units) with enough content
    words to carry a claim, in input order. Its words are read by `UnitReader`, each distinct
    word once, and a two-sentence window's from its sentences' (`joined_tokens`)."""
    prepared: list[ClaimSentence] = []
    reader = UnitReader(settings)
    for article in articles:
        outlet = article.outlet or article.article_id
        by_id = {s.sentence_id: s for s in article.sentences}
        for unit in _units(article, settings):
            claim = _as_sentence(unit, by_id)
            tokens, written = _words(unit, claim)
            words = reader.lowered(tokens)
            content = reader.content(words)
            if len(content) >= settings.min_content:
                prepared.append(
                    ClaimSentence(
                        len(prepared),
                        article,
                        outlet,
                        unit,
                        claim,
                        words,
                        content,
                        names=reader.names(tokens),
                        actors=reader.actors(written),
                        acts=reader.acts(words, [word[0].isupper() for word in tokens]),
                    )
                )
    return prepared


def _words(unit: ClaimUnit, claim: AlignSentence) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The `claim_tokens` of the unit's claim and its `written_words`; a window's joined
    from its two sentences' (the word pattern never reads across the space between)."""
    if len(unit.sentence_ids) == 2 and not unit.is_clause:
        cut = unit.coverage[0][2]  # the first sentence's length: a space joins the two
        first, second = unit.text[:cut], unit.text[cut + 1 :]
        return joined_tokens(first, second), written_words(first) + written_words(second)
    return claim_tokens(claim.text), written_words(claim.text)


def _units(article: AlignArticle, settings: Settings) -> list[ClaimUnit]:
    ids = [s.sentence_id for s in article.sentences]
    return list(claim_units(ids, [s.text for s in article.sentences], settings.clauses))


def _as_sentence(unit: ClaimUnit, by_id: Mapping[str, AlignSentence]) -> AlignSentence:
    """The unit's claim as one sentence: its text, the topics of its sentences, and the
    framing spans that fall inside it, moved to the claim's own offsets."""
    parts = [by_id[sid] for sid in unit.sentence_ids]
    if len(parts) == 1 and not unit.is_clause:
        return parts[0]
    offsets, at = [], 0
    for part in parts:
        offsets.append(at)
        at += len(part.text) + 1
    spans = tuple(
        (offset + start - unit.start, offset + end - unit.start)
        for part, offset in zip(parts, offsets, strict=True)
        for start, end in part.framing_spans
        if unit.start <= offset + start and offset + end <= unit.end
    )
    topics = tuple(dict.fromkeys(t for part in parts for t in part.topics))
    return AlignSentence(unit.sentence_ids[0], unit.claim, topics, spans)


_VOWELS = frozenset("aeiouy")


def merge_spellings(sentences: Sequence[ClaimSentence]) -> list[ClaimSentence]:
    """The sentences with variant spellings of a name merged ("Pantsir"/"Pantsyr",
    "Zelensky"/"Zelenskyy", "Hezbollah"/"Hizbollah"): transliterations differ in a vowel.

    Only capitalised words unknown to the dictionary, of six letters or more, are merged, and
    only when dropping one vowel (or none) from each gives the same word; consonants must agree
    ("Brennan" and "Brendan" stay apart). Each name is looked up under its few vowel-less
    variants, so the work grows with the vocabulary, not with its square. A name joins the
    spelling the corpus uses most (ties: the alphabetically first)."""
    counts = Counter(word for s in sentences for word in s.content & s.names if _is_name(word))
    canonical = _spelling_groups(counts)
    return [_respelled(s, canonical) for s in sentences]


def _is_name(word: str) -> bool:
    """Whether a name (a content word the sentence writes with a capital) may be respelled."""
    return len(word) >= 6 and word.isalpha() and not is_known(word)


def _respelled(sentence: ClaimSentence, canonical: Mapping[str, str]) -> ClaimSentence:
    """The sentence with its names spelled the corpus's way; itself when none is respelled."""
    if canonical.keys().isdisjoint(sentence.content):
        return sentence
    return replace(sentence, content=frozenset(canonical.get(w, w) for w in sentence.content))


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
