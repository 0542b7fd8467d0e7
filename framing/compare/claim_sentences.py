"""The aligner's input, and each sentence as the aligner reads it: its words, content words,
names, the actors it names and the acts it reports."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from framing.analyse.words import WORD, is_known, lemma, verb_lemma
from framing.compare.claim_settings import Settings
from framing.compare.claim_units import ClaimUnit, claim_units
from framing.compare.claim_words import base_act, claim_tokens, claim_words
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
    words to carry a claim, in input order."""
    prepared: list[ClaimSentence] = []
    for article in articles:
        outlet = article.outlet or article.article_id
        by_id = {s.sentence_id: s for s in article.sentences}
        for unit in _units(article, settings):
            claim = _as_sentence(unit, by_id)
            words = claim_words(claim.text)
            content = settings.reader.content_words(words)
            if len(content) >= settings.min_content:
                actors = _actors(claim.text, settings)
                acts = _acts(words, _capitalised(claim.text), settings)
                prepared.append(
                    ClaimSentence(
                        len(prepared),
                        article,
                        outlet,
                        unit,
                        claim,
                        words,
                        content,
                        names=frozenset(names(claim.text)),
                        actors=actors,
                        acts=acts,
                    )
                )
    return prepared


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
    A noun made from a verb is its act ("the distraction", "Russia's deployment"; see
    `_noun_act`). A capitalised word after the first is part of a name ("the United States",
    "The Associated Press"), not an act."""
    found = set()
    for n, word in enumerate(words):
        if n > 0 and capitalised[n]:
            continue
        act = _noun_act(word, settings) or _verb_act(words, n, settings)
        if act is not None:
            found.add(settings.acts.get(act, act))
    return frozenset(found)


def _noun_act(word: str, settings: Settings) -> str | None:
    """The act an event noun names, read as its verb (`base_act`: "distraction" ->
    "distract", "deployments" -> "deploy", "injury" -> "injure"), if that verb is in a class
    of `[acts] same`. A noun says less of who did what than a verb, so only the acts news
    reports swap count: every derived noun ("decision", "agreement") found more pairs across
    stories than within (figures at `nominal` in align.toml). A noun of the verb's own form
    ("the attack", "a transfer") is left to `_verb_act` unless `[acts] nominal` lists it."""
    verb = base_act(word, settings)
    if verb is None:
        return None
    noun = lemma(word)
    listed = word in settings.nominals or noun in settings.nominals
    own_form = verb == noun or verb_lemma(word) is not None
    act = settings.reader.same.get(verb, verb)
    return act if act in settings.acts and (listed or not own_form) else None


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
    """For each word of `text` (as `claim_words` reads them), whether it begins with a capital."""
    return [word[0].isupper() for word in claim_tokens(text)]


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
    its first word aside (capitalised only because it comes first); numbers as `claim_words`
    reads them ("$750,000" as "750000", like the content words)."""
    return [w.lower() for w in claim_tokens(text)[1:] if w[0].isupper() or w[0].isdigit()]
