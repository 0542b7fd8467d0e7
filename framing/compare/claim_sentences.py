"""The aligner's input, and each sentence as the aligner reads it: its words, content words,
names, the actors it names and the acts it reports."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from framing.analyse.words import WORD, is_known, lemma, verb_lemma
from framing.compare.claim_settings import Settings
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


@dataclass(frozen=True)
class ClaimSentence:
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


def prepare(articles: Sequence[AlignArticle], settings: Settings) -> list[ClaimSentence]:
    prepared: list[ClaimSentence] = []
    for article in articles:
        outlet = article.outlet or article.article_id
        for sentence in article.sentences:
            words = tuple(WORD.findall(sentence.text.lower()))
            content = settings.reader.content_words(words)
            if len(content) >= settings.min_content:
                actors = _actors(sentence.text, settings)
                acts = _acts(words, _capitalised(sentence.text), settings)
                prepared.append(
                    ClaimSentence(
                        len(prepared),
                        article,
                        outlet,
                        sentence,
                        words,
                        content,
                        names=frozenset(names(sentence.text)),
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
    for n, word in enumerate(WORD.findall(text)):
        low = word.lower()
        if not word[0].isupper() or (n == 0 and is_known(low)):
            continue
        base = lemma(low)
        actor = settings.leaders.get(low) or settings.reader.same.get(
            base, settings.reader.same.get(low, base)
        )
        skip = actor in settings.not_actors or actor in settings.reader.stopwords
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
    verb = verb_lemma(word)
    if verb is None:
        return None
    base = settings.reader.same.get(verb, verb)
    inflected = word.endswith(("ed", "ing")) or (word != base and not word.endswith("s"))
    before = n > 0 and words[n - 1] in _BEFORE_VERB
    listed = base in settings.acts
    after = listed and n + 1 < len(words) and words[n + 1] == "of"
    if not (inflected or before or after):
        return None
    if listed:
        return base
    if base in settings.common_verbs or base in settings.reader.stopwords:
        return None
    return base


def _capitalised(text: str) -> list[bool]:
    """For each word of `text` (as `WORD` finds them), whether it begins with a capital."""
    return [word[0].isupper() for word in WORD.findall(text)]


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


def merge_spellings(sentences: Sequence[ClaimSentence]) -> list[ClaimSentence]:
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


def _is_name(word: str, sentence: ClaimSentence) -> bool:
    return len(word) >= 6 and word.isalpha() and not is_known(word) and word in sentence.names


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


def names(text: str) -> list[str]:
    """Lower-cased names and numbers of a sentence: words written with a capital or a digit,
    its first word aside (capitalised only because it comes first)."""
    return [w.lower() for w in WORD.findall(text)[1:] if w[0].isupper() or w[0].isdigit()]
