"""How the label patterns read a sentence: words as labels are written ("U.S.",
"Israel's", "Iran-backed" are one word each), the function-word lists, and a sentence as
words with the text between them (where its punctuation is)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from framing.lexicon import TokenizedSentence
from framing.models import Match

MAX_WORDS = 10
"""Longest label kept whole; a longer one is cut after its "of" phrase or at its head."""

_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[^\W_]+)*|[^\W_]+(?:[-'’][^\W_]+)*['’]?")
"""Words as labels are read: "Israel's", "Iran-backed", "al-Assad" and "U.S." are one word."""

PUNCT = re.compile(r"[^\s]")
CLAUSE_PUNCT = re.compile(r"[,;:()\[\]\"“”‘—–!?.]|\s-\s|^'|'$")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, as the word lists below are."""
    return frozenset(text.split())


DETERMINERS = _words("the a an this that its their his her our another one")
PREPOSITIONS = _words(
    """of in on at by for with from to into onto over under against between among about after
    before during since through toward towards without within across behind beyond amid amidst
    despite via like as than per upon near inside outside throughout"""
)
CONJUNCTIONS = _words(
    "and or but nor yet so while whereas although though because if unless when where"
)
RELATIVES = _words("that which who whom whose")
AUXILIARIES = _words(
    """is are was were be been being am has have had do does did will would can could may
    might must shall should"""
)
PRONOUNS = _words("he she it they we i you him them us me itself themselves")
QUANTIFIERS = _words(
    """two three four five six seven eight nine ten dozen dozens hundreds thousands millions
    several many some few all both most each every any"""
)
NEGATIONS = _words("not no never n't nothing hardly")
STOP = (
    DETERMINERS
    | PREPOSITIONS
    | CONJUNCTIONS
    | RELATIVES
    | AUXILIARIES
    | PRONOUNS
    | NEGATIONS
    | QUANTIFIERS
)
"""Function words: a noun phrase's core never runs across one (determiners only start it)."""

CONNECTORS = _words(
    """of in to for from with on at against across behind backed based led supported funded
    armed that which who whose whom known designated responsible"""
)
"""Words that may continue a label after its head: "the group that rules Gaza"."""
CONTINUATIONS = CONNECTORS | PREPOSITIONS | CONJUNCTIONS
"""Words that may follow the core of an "as" phrase; a verb there makes "as" a conjunction."""

COPULAS = _words("is are was were remains remain remained becomes became become")
COPULA_LEADS = _words("has have had")  # "has become", "had been"
ATTRIBUTIONS = _words(
    """seen regarded viewed described designated considered branded labelled labeled called
    dubbed named deemed termed declared portrayed depicted painted cast treated presented
    perceived recognized recognised characterized characterised"""
)
"""Participles after which the name's complement follows: "is seen as", ", long considered"."""
ADVERBS = _words(
    """now still also already effectively essentially arguably clearly increasingly indeed
    simply merely certainly undoubtedly largely primarily widely long perhaps probably
    officially formally"""
)
LEADING_ADVERBS = ADVERBS | _words(
    """only just even again once often sometimes frequently commonly generally routinely
    openly publicly really truly ultimately fundamentally"""
)
"""Adverbs skipped between a verb and its complement: "Russia is only the actor …"."""
NAMING_VERBS = _words("call brand label dub name declare designate consider deem term")
"""Verbs whose object takes a naming complement: "the US designated Hamas a terrorist group"."""
AS_OBJECT_VERBS = _words(
    """regard see view portray describe cast present brand label depict treat consider
    recognize recognise designate perceive paint characterize characterise identify frame list
    name dub prefer use hail denounce condemn dismiss praise welcome embrace accept rebrand
    recast style"""
)
"""Verbs whose object an "as" phrase describes: "the West regards Russia as an aggressor"."""
AS_SUBJECT_VERBS = _words("serve act emerge reemerge re-emerge function pose")
"""Verbs whose subject an "as" phrase describes: "Russia has emerged as a power broker"."""
REFLEXIVES = _words("itself himself herself themselves")
"""A reflexive before "as" points back to the name: "Putin set himself up as a mediator"."""
ROLE_NOUNS = _words("role image status position reputation standing")
"""Nouns after a possessive name whose "as" phrase describes it: "Russia's role as mediator"."""
COMPARED = _words("over to than")
"""Between an object and its "as": "prefers Russia over Turkey as the dominant force"."""
QUOTE_OPEN = ("“", '"', "«")
QUOTE_CLOSE = ("”", "»")
BLAND = _words(
    """new old former late current ongoing recent same other whole entire first last next then
    present modern main major outgoing incoming continental mainland western eastern
    northern southern central elder younger only top national federal local regional
    official domestic international global"""
)
"""Adjectives that say nothing about an actor: "the new Syria" is not a label."""

CLAUSE_WORDS = _words("but while whereas although though because yet unless since when if whether")
COLLECTIVES = _words("axis alliance coalition bloc camp")
"""Heads whose "of" list names members: "the authoritarian axis of Russia, China, Iran"."""


class Word(NamedTuple):
    """A word as the label patterns read it. A named tuple rather than a frozen dataclass:
    an article has tens of thousands of words, and a tuple is built several times faster."""

    text: str
    lower: str
    start: int
    end: int
    possessive: bool

    @property
    def base(self) -> str:
        """The word without a possessive ending: "israel's" -> "israel"."""
        for ending in ("'s", "’s", "'", "’"):
            if self.possessive and self.lower.endswith(ending):
                return self.lower[: -len(ending)]
        return self.lower

    @property
    def lowercase(self) -> bool:
        return self.text == self.lower


@dataclass(frozen=True)
class Mention:
    match: Match
    first: int  # word index
    last: int
    name: bool  # an alias or epithet, not a demonym before an institution

    @property
    def actor(self) -> str:
        return self.match.category


@dataclass(frozen=True)
class SentenceWords:
    """A sentence read as words, with the text between them (where punctuation is)."""

    id: str
    text: str
    words: tuple[Word, ...]

    def gap(self, i: int) -> str:
        """The text before word `i` (after the previous word), `i` from 0 to `len(words)`
        (the tail)."""
        return self._gaps[i]

    def punct(self, i: int) -> bool:
        """Whether punctuation stands before word `i` (always true at either end)."""
        return i <= 0 or i >= len(self.words) or self._marked[i]

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Where each word starts, in order (for bisection)."""
        return tuple(w.start for w in self.words)

    @cached_property
    def ends(self) -> tuple[int, ...]:
        """Where each word ends, in order (for bisection)."""
        return tuple(w.end for w in self.words)

    @cached_property
    def _gaps(self) -> tuple[str, ...]:
        """Every gap, cut once (a reading never changes): the label patterns ask for the same
        gaps many times over."""
        ends = (0, *self.ends)
        starts = (*self.starts, len(self.text))
        return tuple(self.text[end:start] for end, start in zip(ends, starts, strict=True))

    @cached_property
    def _marked(self) -> tuple[bool, ...]:
        """Whether each gap holds punctuation, tested once."""
        return tuple(bool(PUNCT.search(gap)) for gap in self._gaps)

    def span(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.words[first].start, self.words[last].end
        return start, end, self.text[start:end]


def read_words(sentence: TokenizedSentence) -> SentenceWords:
    """The sentence as words. Names and actors both read every sentence of an article, so the
    readings of the last few thousand sentences are kept (`_read`)."""
    return _read(sentence.id, sentence.text)


@lru_cache(maxsize=4096)
def _read(sentence_id: str, text: str) -> SentenceWords:
    """Safe to keep: a reading depends on nothing but the id and the text, and never changes
    (its gaps, cut when first asked for, are the same whoever asks)."""
    words = tuple(
        Word(m.group(), m.group().lower(), m.start(), m.end(), is_possessive(m.group()))
        for m in _WORD.finditer(text)
    )
    return SentenceWords(sentence_id, text, words)


def is_possessive(word: str) -> bool:
    if not word.endswith(("s", "S", "'", "’")):
        return False  # no other character lower-cases to an "s" or an apostrophe
    lower = word.lower().replace("’", "'")
    return lower.endswith("'s") or (lower.endswith("s'") and len(lower) > 2)
