"""Actors a text names, the labels it gives them, the evaluative words near them, their tone.

The label table (actor x outlet: "a terrorist organization" here, "the militant group" there)
is the headline of a briefing, so precision comes first: a wrong label is worse than a missing
one. There is no parser, so labels come from a few surface patterns around a name, each
accepted only when the noun phrase's head word is in the lexicon's `heads` list:

- apposition: "Hamas, the militant group that rules Gaza," / "its main backer, Iran," /
  a list after a labelling noun: "Israel's antagonists: Iran, Syria, Hamas and Hezbollah",
  "Iranian proxies, including Hamas", "the authoritarian axis of Russia, China, Iran";
- predicate: a noun phrase predicated of the name, not after a negation nor when the name is
  the object of a preposition ("the war in Ukraine is …"): after a copula ("Hamas is a
  terrorist organization", "Russia is only the actor …", "Hamas is widely seen as …",
  "Putin, long considered a 'philo-Semite',"); the object complement of a naming verb ("the
  US designated Hamas a terrorist organization", "Putin called Zelensky 'the shame of …'");
  an "as" phrase of the object of a verb of regarding ("regards Russia as an aggressor",
  "prefers Russia over Turkey as the dominant force"), of a subject that serves or casts
  itself ("Russia has emerged as a power broker", "Putin set himself up as a mediator"), of a
  possessive's role ("Russia's role as mediator"), fronted or between commas ("As the
  occupying power, Israel …", "…, but as a member of …, it [the sentence's subject] can …").
  Quoted words count as the phrase only after a verb of naming or "as", and only when they
  read as a noun phrase ("a 'dotard'", not "was 'wrong'");
- premodifier, the whole noun phrase with the name: "the jihadist rebel group HTS", "the
  authoritarian Putin", "pro-Western, pro-American Israel", "the Iran-backed Hezbollah",
  "Hamas terrorists", "the Assad regime", "Syria's new regime", "Putin's Russia", "Ba'athist
  Syria";
- epithet: a descriptive name from the actor's `epithets` ("the nascent Jewish state"), or
  "the militant group" when the sentence, or the one before it, names exactly one group.

A label is kept whole up to the next punctuation mark when that is at most `MAX_WORDS` words
("the militant group that rules Gaza"), else cut after its "of" phrase or at its head noun.
Office titles are not labels ("Russian President Vladimir Putin" gives none): see actors.toml.
A label inside a longer one of the same actor and sentence is dropped (the words count once),
and a label that starts inside a direct quotation is marked `quoted`: a speaker's words that
the outlet carries, not the outlet's own.

Evaluative words are reported within the clause of a mention: the words between the nearest
punctuation marks (, ; : ( ) dashes, quotes) or subordinating conjunctions (while, because,
although, but, …) on either side; "and"/"or" do not end a clause, as they join names more
often than clauses ("Moscow now champions Hamas and Hezbollah"). When a clause names several
actors, a word goes to the nearest name (ties to each): "The IDF killed five Hamas
terrorists" gives "terrorists" to Hamas, not to Israel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lemminflect import getAllLemmas

from framing.analyse.quotation import quoted_spans
from framing.analyse.tone import summarise_tone
from framing.errors import FramingError
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, inflections, string_list
from framing.models import ActorLabel, ActorProfile, Match

MAX_WORDS = 10
"""Longest label kept whole; a longer one is cut after its "of" phrase or at its head."""

_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[^\W_]+)*|[^\W_]+(?:[-'’][^\W_]+)*['’]?")
"""Words as labels are read: "Israel's", "Iran-backed", "al-Assad" and "U.S." are one word."""

_PUNCT = re.compile(r"[^\s]")
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]\"“”‘—–!?.]|\s-\s|^'|'$")


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


@dataclass(frozen=True)
class ActorSpec:
    """One actor of the lexicon: its name, kind and the first alias (its canonical name)."""

    name: str
    kind: str  # "state" | "group"
    canonical: str
    epithets: frozenset[str]


@dataclass(frozen=True)
class _Word:
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
class _Mention:
    match: Match
    first: int  # word index
    last: int
    name: bool  # an alias or epithet, not a demonym before an institution

    @property
    def actor(self) -> str:
        return self.match.category


@dataclass(frozen=True)
class _Sentence:
    """A sentence read as words, with the text between them (where punctuation is)."""

    id: str
    text: str
    words: tuple[_Word, ...]

    def gap(self, i: int) -> str:
        """The text before word `i` (after the previous word); `len(words)`: the tail."""
        before = self.words[i - 1].end if i > 0 else 0
        after = self.words[i].start if i < len(self.words) else len(self.text)
        return self.text[before:after]

    def punct(self, i: int) -> bool:
        """Whether punctuation stands before word `i` (always true at either end)."""
        return i <= 0 or i >= len(self.words) or bool(_PUNCT.search(self.gap(i)))

    def span(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.words[first].start, self.words[last].end
        return start, end, self.text[start:end]


def _read_sentence(sentence: TokenizedSentence) -> _Sentence:
    words = tuple(
        _Word(m.group(), m.group().lower(), m.start(), m.end(), _is_possessive(m.group()))
        for m in _WORD.finditer(sentence.text)
    )
    return _Sentence(sentence.id, sentence.text, words)


def _is_possessive(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    return lower.endswith("'s") or (lower.endswith("s'") and len(lower) > 2)


class Actors:
    """Finds the lexicon's actors in an article: mentions, labels, evaluative words, tone."""

    def __init__(self, lexicon: Lexicon) -> None:
        table = lexicon.data.get("actors", {})
        where = f"{lexicon.source} (actors)"
        if not isinstance(table, dict) or not table:
            raise FramingError("no actors defined", where, 'add [actors."Name"] tables')
        self.specs = tuple(_spec(name, body, where) for name, body in table.items())
        names = {s.name: [*_list(table[s.name], "aliases", where), *s.epithets] for s in self.specs}
        exclude = [e for s in self.specs for e in _list(table[s.name], "exclude", where)]
        self._names = PhraseMatcher(names, exclude)
        adjectives = {s.name: _list(table[s.name], "adjectives", where) for s in self.specs}
        self._adjectives = PhraseMatcher(adjectives, exclude)
        institutions = string_list(lexicon.data, "institutions", where)
        self._institutions = PhraseMatcher({"institution": institutions})
        self._institution_words = _forms(institutions)
        self._evaluative = PhraseMatcher(
            {"evaluative": string_list(lexicon.data, "evaluative", where)}
        )
        self._head_bases = frozenset(string_list(lexicon.data, "heads", where))
        self._heads = _forms(self._head_bases)
        self._after_name = _forms(string_list(lexicon.data, "after_name", where))
        self._after_adjective = _forms(string_list(lexicon.data, "after_adjective", where))
        self._epithet_heads = frozenset(string_list(lexicon.data, "epithet_heads", where))
        self._naming = _forms(NAMING_VERBS)
        self._as_object = _forms(AS_OBJECT_VERBS)
        self._as_subject = _forms(AS_SUBJECT_VERBS)
        self._groups = frozenset(s.name for s in self.specs if s.kind == "group")
        self._by_name = {s.name: s for s in self.specs}

    def profiles(
        self,
        sentences: Sequence[TokenizedSentence],
        tone_scores: Mapping[str, float],
        loaded: Sequence[Match],
    ) -> tuple[ActorProfile, ...]:
        """One profile per actor named at least once: most mentioned first, ties in lexicon
        order; `loaded` (the article's loaded-language matches) joins the evaluative words."""
        mentions: dict[str, list[Match]] = {s.name: [] for s in self.specs}
        labels: dict[str, list[ActorLabel]] = {s.name: [] for s in self.specs}
        evaluative: dict[str, list[Match]] = {s.name: [] for s in self.specs}
        loaded_by_sentence: dict[str, list[Match]] = {}
        for match in loaded:
            loaded_by_sentence.setdefault(match.sentence_id, []).append(match)
        previous: tuple[_Mention, ...] = ()
        quotations = quoted_spans(sentences)
        for tokenized in sentences:
            sentence = _read_sentence(tokenized)
            found = self.mentions(tokenized, sentence)
            for mention in found:
                mentions[mention.actor].append(mention.match)
            for actor, label in self._labels(sentence, found, previous):
                labels[actor].append(_mark_quoted(label, quotations.get(sentence.id, ())))
            words = self._evaluative_words(tokenized, sentence, found, loaded_by_sentence)
            for actor, match in words:
                evaluative[actor].append(match)
            previous = found
        order = {s.name: i for i, s in enumerate(self.specs)}
        named = sorted(
            (n for n in mentions if mentions[n]), key=lambda n: (-len(mentions[n]), order[n])
        )
        return tuple(
            ActorProfile(
                name=name,
                mentions=len(mentions[name]),
                mentions_evidence=tuple(mentions[name]),
                labels=_tidy(labels[name]),
                evaluative=tuple(dict.fromkeys(evaluative[name])),
                tone=summarise_tone(tone_scores, (m.sentence_id for m in mentions[name])),
            )
            for name in named
        )

    def mentions(self, tokenized: TokenizedSentence, sentence: _Sentence) -> tuple[_Mention, ...]:
        """Every alias, epithet and demonym-before-institution in one sentence, in order."""
        text, sid = tokenized.text, tokenized.id
        names = [
            _with_dot(m, text)
            for m in self._names.find(tokenized.tokens, text, sid)
            if text[m.end : m.end + 1] != "$"  # "US$60 billion" is a currency
        ]
        institutions = {m.start: m for m in self._institutions.find(tokenized.tokens, text, sid)}
        adjectives = []
        for m in self._adjectives.find(tokenized.tokens, text, sid):
            head = _next_after(text, m.end, institutions)
            if head is None or any(_overlap(m, n) for n in names):
                continue
            titled = any(
                n.category == m.category and _next_after(text, head.end, {n.start: n})
                for n in names
            )
            if not titled:  # "Russian President Vladimir Putin" is one mention, of Putin
                adjectives.append(
                    Match(sid, m.start, head.end, text[m.start : head.end], m.term, m.category)
                )
        found = [(m, True) for m in names] + [(m, False) for m in adjectives]
        found.sort(key=lambda pair: pair[0].start)
        return tuple(_Mention(m, *_word_range(sentence, m), name) for m, name in found)

    def _labels(
        self, sentence: _Sentence, found: Sequence[_Mention], previous: Sequence[_Mention]
    ) -> list[tuple[str, ActorLabel]]:
        labels: list[tuple[str, ActorLabel]] = []
        for mention in found:
            for kind, span in self._mention_labels(sentence, mention, found):
                if span is not None:
                    labels.append((mention.actor, _label(sentence, span, kind)))
        labels.extend(self._list_labels(sentence, found))
        labels.extend(self._fronted_as(sentence, found))
        labels.extend(self._group_epithets(sentence, found, previous))
        return sorted(labels, key=lambda pair: (pair[1].start, pair[1].end))

    def _mention_labels(
        self, sentence: _Sentence, mention: _Mention, found: Sequence[_Mention]
    ) -> Iterable[tuple[str, tuple[int, int] | None]]:
        if not mention.name:
            yield "premodifier", self._adjective_head(sentence, mention)
            return
        if mention.match.term in self._by_name[mention.actor].epithets:
            yield "epithet", (self._start_back(sentence, mention.first), mention.last)
            return
        yield "apposition", self._apposition(sentence, mention)
        yield "apposition", self._reverse_apposition(sentence, mention)
        yield "predicate", self._predicate(sentence, mention)
        yield "predicate", self._object_complement(sentence, mention)
        yield "predicate", self._as_object_label(sentence, mention, found)
        yield "predicate", self._as_subject_label(sentence, mention, found)
        yield "predicate", self._role_as(sentence, mention)
        yield "predicate", self._parenthetical_as(sentence, mention)
        yield "premodifier", self._head_before(sentence, mention, found)
        yield "premodifier", self._adjectives_before(sentence, mention)
        yield "premodifier", self._head_after(sentence, mention)
        yield "premodifier", self._possessive_head(sentence, mention)
        yield "premodifier", self._owner_before(sentence, mention, found)

    # --- apposition and predicate -------------------------------------------------------

    def _apposition(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Hamas, the militant group that rules Gaza," -> the phrase after the comma."""
        start = mention.last + 1
        if not _whole(sentence, mention) or start >= len(sentence.words):
            return None
        if sentence.gap(start).strip() != "," or _in_opening_phrase(sentence, mention.first):
            return None
        if not _starts_phrase(sentence.words[start]):
            return None
        span = self._phrase(sentence, start, closing=True)
        if span is None or _continues_list(sentence, span[1] + 1):
            return None  # a list: "the U.S., our allies and partners, and the world"
        return span

    def _reverse_apposition(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "its main backer, Iran," -> the phrase before the comma (closed by punctuation)."""
        head = mention.first - 1
        if head < 0 or sentence.gap(mention.first).strip() != "," or not _whole(sentence, mention):
            return None
        if not sentence.punct(mention.last + 1):
            return None
        word = sentence.words[head]
        if word.possessive or not word.lowercase or word.lower not in self._heads:
            return None
        start = self._start_back(sentence, head)
        if start == head or not _starts_phrase(sentence.words[start]):
            return None
        if (
            start > 0
            and sentence.gap(start).strip() == ","
            and not sentence.words[start - 1].lowercase
        ):
            return None  # a list: "France, the Gulf states, Turkey, Israel"
        return start, head

    def _predicate(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Hamas is a terrorist organization", "Hamas, which is …", "Putin, long considered a
        'philo-Semite'," -> the predicate noun (or the quoted words)."""
        if not _whole(sentence, mention) or _after_preposition(sentence, mention.first):
            return None
        i = mention.last + 1
        words = sentence.words
        if i < len(words) and sentence.gap(i).strip() == ",":
            after = _skip_attribution(sentence, i)
            if after is None and words[i].lower in ("which", "who"):
                after = _skip_copula(sentence, i + 1)
        elif sentence.punct(i):
            return None
        else:
            after = _skip_copula(sentence, i)
        return None if after is None else self._complement(sentence, after)

    def _complement(self, sentence: _Sentence, i: int) -> tuple[int, int] | None:
        """The noun phrase from word `i` that a verb predicates of a name; quoted words only
        after a verb of naming ("long considered a “philo-Semite”"): after a bare "is" they
        are mostly a speaker's verdict, not a noun phrase ("Trump was “wrong”")."""
        words = sentence.words
        if i >= len(words) or words[i].lower in NEGATIONS:
            return None
        named = i > 0 and words[i - 1].lower in ATTRIBUTIONS
        named |= i > 1 and words[i - 1].lower == "as" and words[i - 2].lower in ATTRIBUTIONS
        quoted = _quoted_phrase(sentence, i) if named else None
        if quoted is not None or sentence.punct(i):
            return quoted
        first = words[i]
        if first.lower not in DETERMINERS and not first.possessive and not _describes(first):
            return None  # "Russia is targeting rebel groups": a verb, not a noun phrase
        if first.lower.endswith("ing") and "VERB" in getAllLemmas(first.lower):
            return None  # "Turkey is already striking Kurdish targets"
        return self._phrase(sentence, i, closing=False)

    def _object_complement(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "the US designated Hamas a terrorist organization", "Putin called Zelensky 'the
        shame of the Jewish people'": a naming verb, the name, then a determined noun phrase
        with a label head, or quoted words."""
        verb = _verb_before(sentence, mention, self._naming)
        i = mention.last + 1
        if verb is None or i >= len(sentence.words):
            return None
        quoted = _quoted_phrase(sentence, i)
        if quoted is not None or sentence.punct(i):
            return quoted
        first = sentence.words[i]
        if first.lower not in DETERMINERS and not first.possessive:
            return None  # "called Hamas leaders": a compound, not a complement
        return self._phrase(sentence, i, closing=False)

    # --- "as" complements -----------------------------------------------------------------

    def _as_phrase(
        self, sentence: _Sentence, i: int, preposition: bool = False
    ) -> tuple[int, int] | None:
        """The noun phrase after "as" (word `i` is the one after it), if its head is a label
        head and, unless "as" can only be a preposition, no verb follows its core: "as the
        dominant force in Syria", not the conjunction of "as the group was regrouping"."""
        words = sentence.words
        if i >= len(words):
            return None
        quoted = _quoted_phrase(sentence, i)
        if quoted is not None or sentence.punct(i):
            return quoted
        first = words[i]
        if first.lower not in DETERMINERS and not first.possessive and not _describes(first):
            return None
        end = _core_end(sentence, i)
        if not (preposition or sentence.punct(end) or words[end].lower in CONTINUATIONS):
            return None
        return self._phrase(sentence, i, closing=False)

    def _as_object_label(
        self, sentence: _Sentence, mention: _Mention, found: Sequence[_Mention]
    ) -> tuple[int, int] | None:
        """ "regards Russia as an aggressor", "prefers Russia over Turkey as the dominant
        force": the object of a verb of regarding, then "as"."""
        if _verb_before(sentence, mention, self._as_object) is None:
            return None
        words = sentence.words
        j = mention.last + 1
        if j < len(words) and not sentence.punct(j) and words[j].lower in COMPARED:
            other = next((m for m in found if m.name and m.first in (j + 1, j + 2)), None)
            if other is None or (other.first == j + 2 and words[j + 1].lower != "the"):
                return None
            j = other.last + 1
        if j >= len(words) or sentence.punct(j) or words[j].lower != "as":
            return None
        return self._as_phrase(sentence, j + 1)

    def _as_subject_label(
        self, sentence: _Sentence, mention: _Mention, found: Sequence[_Mention]
    ) -> tuple[int, int] | None:
        """ "Russia has emerged as a power broker", "Putin is trying to set himself up as a
        mediator": the subject of a verb of serving, or of a reflexive before "as"."""
        words = sentence.words
        if not _whole(sentence, mention) or words[mention.last].possessive:
            return None
        if _after_preposition(sentence, mention.first):
            return None
        starts = {m.first for m in found}
        auxiliaries_only = True  # so far only "has", "could", "now" …: a verb of serving may come
        k = mention.last + 1
        while k < len(words) and k - mention.last <= 8 and not sentence.punct(k):
            word = words[k]
            if k in starts or word.lower in RELATIVES or word.lower in CLAUSE_WORDS:
                return None
            if not word.lowercase:
                return None  # "U.S. Senate candidate Roy Moore cast himself as …": another name
            if _negation(word):
                return None
            if word.lower in REFLEXIVES:
                k += 1 if k + 1 < len(words) and words[k + 1].lower in ("up", "out") else 0
                return self._as_after(sentence, k + 1)
            if auxiliaries_only and word.lower in self._as_subject:
                return self._as_after(sentence, k + 1)
            auxiliaries_only &= word.lower in AUXILIARIES or word.lower in LEADING_ADVERBS
            k += 1
        return None

    def _as_after(
        self, sentence: _Sentence, k: int, preposition: bool = False
    ) -> tuple[int, int] | None:
        """The "as" phrase when word `k` is "as" (no punctuation before it)."""
        words = sentence.words
        if k >= len(words) or sentence.punct(k) or words[k].lower != "as":
            return None
        return self._as_phrase(sentence, k + 1, preposition)

    def _role_as(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Russia's role as a mediator", "Iran's growing status as a regional power"."""
        words = sentence.words
        if not words[mention.last].possessive:
            return None
        for k in range(mention.last + 1, min(mention.last + 4, len(words))):
            if sentence.punct(k) or words[k].lower in STOP or words[k].possessive:
                return None
            if words[k].lower in ROLE_NOUNS:
                return self._as_after(sentence, k + 1, preposition=True)
        return None

    def _parenthetical_as(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Israel, as the occupying power, is responsible": an "as" phrase between commas."""
        j = mention.last + 1
        words = sentence.words
        if not _whole(sentence, mention) or j >= len(words) or words[j].lower != "as":
            return None
        if sentence.gap(j).strip() != "," or _in_opening_phrase(sentence, mention.first):
            return None
        span = self._as_phrase(sentence, j + 1)
        return span if span is not None and sentence.punct(span[1] + 1) else None

    def _fronted_as(
        self, sentence: _Sentence, found: Sequence[_Mention]
    ) -> Iterable[tuple[str, ActorLabel]]:
        """ "As the occupying power, Israel …", and "…, but as a member of a family of liberal
        democracies, it can …" when the sentence opened on that actor as its subject."""
        words = sentence.words
        for k, word in enumerate(words):
            if word.lower != "as" or not _clause_start(sentence, k):
                continue
            span = self._as_phrase(sentence, k + 1)
            if span is None or sentence.gap(span[1] + 1).strip() != ",":
                continue
            actor = _subject_at(sentence, span[1] + 1, found, k)
            if actor is not None:
                yield actor, _label(sentence, span, "predicate")

    def _phrase(self, sentence: _Sentence, start: int, closing: bool) -> tuple[int, int] | None:
        """The noun phrase from word `start` if its head is a label head, trimmed to length;
        `closing`: it must end at punctuation (an apposition), not run into a verb."""
        end = _core_end(sentence, start)
        head = sentence.words[end - 1]
        if head.possessive or not head.lowercase or head.lower not in self._heads:
            return None
        words = sentence.words
        if sentence.punct(end):
            return start, end - 1
        if words[end].lower not in CONNECTORS:
            return None if closing else (start, end - 1)
        stop = next(k for k in range(end, len(words) + 1) if sentence.punct(k))
        if stop - start <= MAX_WORDS:
            return start, stop - 1
        if words[end].lower == "of" and end + 1 < len(words):
            of_end = _core_end(sentence, end + 1)
            if of_end - start <= MAX_WORDS:
                return start, of_end - 1
        return start, end - 1

    # --- premodifiers ---------------------------------------------------------------------

    def _head_before(
        self, sentence: _Sentence, mention: _Mention, found: Sequence[_Mention]
    ) -> tuple[int, int] | None:
        """ "the jihadist rebel group Hay'at Tahrir al-Sham", "U.S. ally Israel"; not
        "Moscow champions Hamas" (an inflected head) nor "Iran sponsor Hamas" (a name before
        a head that can be a verb)."""
        head = mention.first - 1
        if head < 0 or sentence.punct(mention.first) or _joined_after(sentence, mention):
            return None
        word = sentence.words[head]
        if not word.lowercase or word.lower not in self._head_bases:
            return None
        start = self._start_back(sentence, head)
        if start == head:
            return None
        opener = sentence.words[start]
        if opener.lower in ("a", "an"):
            return None  # "a state Trump won": a relative clause, not "the group Hamas"
        if "VERB" in getAllLemmas(word.lower) and _plural_noun(sentence.words[head - 1]):
            return None  # "the penalties force Turkey to …": a subject and its verb
        if not _starts_phrase(opener) and "VERB" in getAllLemmas(word.lower):
            names = [m for m in found if m.name and start <= m.first < head]
            if any(not _abbreviation(sentence.words[m.first]) for m in names):
                return None
        return start, mention.last

    def _adjectives_before(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "the authoritarian Putin", "the Iran-backed Hezbollah", "pro-American Israel"."""
        if not _whole(sentence, mention) or not _name_is_head(sentence, mention.last):
            return None
        i = mention.first
        while i > 0 and mention.first - i < 3 and _joins_adjectives(sentence, i, mention.first):
            if not _epithet_adjective(sentence.words[i - 1]):
                break
            i -= 1
        if i == mention.first:
            return None
        if i > 0 and not sentence.punct(i) and sentence.words[i - 1].lower == "the":
            return i - 1, mention.last
        ideological = all(_ideological(w) for w in sentence.words[i : mention.first])
        before_ok = i == 0 or sentence.punct(i) or sentence.words[i - 1].lower in STOP
        return (i, mention.last) if ideological and before_ok else None

    def _head_after(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Hamas terrorists", "the Assad regime", "the Iranian-backed Houthi militia"."""
        nxt = mention.last + 1
        if not _whole(sentence, mention) or sentence.punct(nxt):
            return None
        word = sentence.words[nxt]
        nouns = self._after_name if mention.actor in self._groups else self._after_adjective
        if not word.lowercase or word.base not in nouns:
            return None  # "US fighters" are not the US called fighters; "Hamas fighters" are
        end = nxt
        while end + 1 < len(sentence.words) and not sentence.punct(end + 1):
            following = sentence.words[end + 1]
            if following.lower in self._institution_words:
                return None  # "Assad regime forces": the head names an institution
            if not following.lowercase or following.base not in self._heads:
                break
            end += 1
        if not _name_is_head(sentence, end):
            return None  # "U.S. fighter jets"
        return self._start_back(sentence, mention.first), end

    def _adjective_head(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "the Syrian regime": a demonym before a word of `after_adjective`."""
        word = sentence.words[mention.last]
        if word.base not in self._after_adjective or sentence.punct(mention.first):
            return None
        start = self._start_back(sentence, mention.first)
        return start, mention.last

    def _possessive_head(self, sentence: _Sentence, mention: _Mention) -> tuple[int, int] | None:
        """ "Bashar al-Assad's regime", "Syria's new regime"."""
        words = sentence.words
        if not words[mention.last].possessive:
            return None
        for end in range(mention.last + 1, min(mention.last + 4, len(words))):
            if sentence.punct(end):
                return None
            if words[end].base in self._after_adjective and words[end].lowercase:
                return mention.first, end
            if words[end].lower in STOP or words[end].possessive:
                return None
        return None

    def _owner_before(
        self, sentence: _Sentence, mention: _Mention, found: Sequence[_Mention]
    ) -> tuple[int, int] | None:
        """ "Putin's Russia": a leader's possessive before the state's own name."""
        if mention.match.term != self._by_name[mention.actor].canonical:
            return None
        owner = next((m for m in found if m.last == mention.first - 1 and m.name), None)
        if owner is None or owner.actor != mention.actor or sentence.punct(mention.first):
            return None
        if not sentence.words[owner.last].possessive:
            return None
        return owner.first, mention.last

    # --- lists and epithets ---------------------------------------------------------------

    def _list_labels(
        self, sentence: _Sentence, found: Sequence[_Mention]
    ) -> Iterable[tuple[str, ActorLabel]]:
        """ "Israel's antagonists: Iran, Syria, … Hamas and Hezbollah" -> each named actor."""
        words = sentence.words
        for k in range(1, len(words)):
            head = self._list_head(sentence, k)
            if head is None:
                continue
            start = self._start_back(sentence, head)
            label = _label(sentence, (start, head), "apposition")
            items = _list_items(sentence, k)
            for mention in found:
                if mention.name and mention.first in items:
                    yield mention.actor, label

    def _list_head(self, sentence: _Sentence, k: int) -> int | None:
        """The head of a labelling noun before a list starting at word `k`, if any."""
        words = sentence.words
        lower = words[k - 1].lower
        if sentence.gap(k).strip() == ":":
            head = k - 1
        elif lower == "including" and not sentence.punct(k):
            head = k - 2
        elif lower == "as" and k >= 2 and words[k - 2].lower == "such" and not sentence.punct(k):
            head = k - 3
        elif (
            lower == "of" and not sentence.punct(k) and k >= 2 and words[k - 2].lower in COLLECTIVES
        ):
            head = k - 2
        else:
            return None
        if head < 0 or (
            sentence.punct(head + 1) and sentence.gap(head + 1).strip() not in (",", ":")
        ):
            return None
        word = words[head]
        if word.possessive or not word.lowercase or word.lower not in self._heads:
            return None
        return head

    def _group_epithets(
        self, sentence: _Sentence, found: Sequence[_Mention], previous: Sequence[_Mention]
    ) -> Iterable[tuple[str, ActorLabel]]:
        """ "the militant group", read as the one group named in this or the last sentence."""
        words = sentence.words
        for head, word in enumerate(words):
            if word.lower not in self._epithet_heads or not word.lowercase:
                continue
            start = self._start_back(sentence, head)
            if words[start].lower != "the" or start > head - 2:
                continue
            if not _name_is_head(sentence, head):
                continue  # "the militant group Hamas", "the group leader": not an epithet
            if any(m.first <= head and m.last >= start for m in found):
                continue
            before = [m for m in found if m.last < start and m.name] + [
                m for m in previous if m.name
            ]
            groups = {m.actor for m in before if m.actor in self._groups}
            if len(groups) == 1:
                yield groups.pop(), _label(sentence, (start, head), "epithet")

    def _start_back(self, sentence: _Sentence, j: int) -> int:
        """The first word of the noun phrase whose word `j` is the head: back over words that
        can modify a noun ("jihadist", "rebel", "Iran-backed"), at most four, to a determiner
        or possessive (included) if one comes first."""
        i = j
        while i > 0 and j - i < 4 and not sentence.punct(i):
            word = sentence.words[i - 1]
            if word.lower in DETERMINERS or word.possessive:
                return i - 1
            known = word.lower in BLAND or word.base in self._heads or word.base in self._after_name
            if not (_describes(word) or known):
                break
            i -= 1
        return i

    # --- evaluative words -----------------------------------------------------------------

    def _evaluative_words(
        self,
        tokenized: TokenizedSentence,
        sentence: _Sentence,
        found: Sequence[_Mention],
        loaded: Mapping[str, Sequence[Match]],
    ) -> list[tuple[str, Match]]:
        if not found:
            return []
        candidates = list(loaded.get(tokenized.id, ()))
        own = [
            m
            for m in self._evaluative.find(tokenized.tokens, tokenized.text, tokenized.id)
            if m.start == 0 or m.text[:1].islower()  # "International Criminal Court" is a name
        ]
        candidates += [m for m in own if not any(_overlap(m, c) for c in candidates)]
        candidates.sort(key=lambda m: m.start)
        clauses = [(mention, _clause(sentence, mention)) for mention in found]
        pairs = []
        for match in candidates:
            if any(_overlap(match, m.match) for m in found):
                continue
            near = [m for m, (start, end) in clauses if start <= match.start and match.end <= end]
            distance = {m: _distance(m.match, match) for m in near}
            pairs += [(m.actor, match) for m in near if distance[m] == min(distance.values())]
        return sorted(pairs, key=lambda pair: pair[1].start)


# --- module helpers -------------------------------------------------------------------------


def _spec(name: str, body: Any, where: str) -> ActorSpec:
    if not isinstance(body, dict):
        raise FramingError(f"actor {name!r} must be a table", where, f'write [actors."{name}"]')
    aliases = _list(body, "aliases", where)
    if not aliases:
        raise FramingError(f"actor {name!r} has no aliases", where, 'add aliases = ["…"]')
    kind = body.get("kind", "state")
    if kind not in ("state", "group"):
        raise FramingError(
            f"actor {name!r}: unknown kind {kind!r}", where, 'use "state" or "group"'
        )
    return ActorSpec(name, kind, aliases[0], frozenset(_list(body, "epithets", where)))


def _list(body: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    return string_list(body, key, where)


def _forms(words: Iterable[str]) -> frozenset[str]:
    """Every inflection of each (lower-case) word: "enemy" also matches "enemies"."""
    return frozenset(form for word in words for form in inflections(word.lower()))


def _with_dot(match: Match, text: str) -> Match:
    """The match with the final dot of an alias like "U.S." (the tokenizer drops it)."""
    if not match.term.endswith(".") or text[match.end : match.end + 1] != ".":
        return match
    end = match.end + 1
    return Match(
        match.sentence_id, match.start, end, text[match.start : end], match.term, match.category
    )


def _distance(a: Match, b: Match) -> int:
    """Characters between two matches that do not overlap."""
    return max(a.start - b.end, b.start - a.end, 0)


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _next_after(text: str, end: int, matches: Mapping[int, Match]) -> Match | None:
    """The match starting right after `end`, past spaces only."""
    gap = len(text[end:]) - len(text[end:].lstrip(" "))
    return matches.get(end + gap) if gap else None


def _word_range(sentence: _Sentence, match: Match) -> tuple[int, int]:
    words = sentence.words
    first = next(i for i, w in enumerate(words) if w.end > match.start)
    last = max(i for i, w in enumerate(words) if w.start < match.end)
    return first, last


def _whole(sentence: _Sentence, mention: _Mention) -> bool:
    """Whether the mention is whole words, not part of "Iran-backed" or "Israel's"."""
    first, last = sentence.words[mention.first], sentence.words[mention.last]
    return first.start == mention.match.start and last.end == mention.match.end


def _joined_after(sentence: _Sentence, mention: _Mention) -> bool:
    """Whether the name runs on into a hyphen compound ("Israel-Hamas war")."""
    return (
        sentence.words[mention.last].end != mention.match.end
        and not sentence.words[mention.last].possessive
    )


def _starts_phrase(word: _Word) -> bool:
    """A determiner or a possessive ("the", "its", "Israel's") opens an appositive."""
    return word.lower in DETERMINERS or word.possessive


def _describes(word: _Word) -> bool:
    """Whether a word can modify a noun: an adjective or noun, a name, a hyphen compound."""
    lower = word.lower
    if lower in STOP or lower in BLAND or lower in ADVERBS or word.possessive:
        return False
    if lower.isdigit():
        return False
    if not word.lowercase or _ideological(word):
        return True
    pos = getAllLemmas(lower)
    return not pos or "ADJ" in pos or ("NOUN" in pos and "VERB" not in pos)


IDEOLOGY_PREFIXES = ("pro-", "anti-")
IDEOLOGY_SUFFIXES = ("-backed", "-led", "-funded", "-supported", "-sponsored", "-aligned")


def _ideological(word: _Word) -> bool:
    """Words of allegiance: "pro-American", "anti-Israel", "Iran-backed", "Ba'athist",
    "Shi'ite", "jihadist" (an -ist/-ite word that is a name or cannot be a verb: not
    "despite", "insist")."""
    lower = word.base
    if lower.startswith(IDEOLOGY_PREFIXES) or lower.endswith(IDEOLOGY_SUFFIXES):
        return True
    if not lower.endswith(("ist", "ite")):
        return False
    if not word.lowercase:
        return True
    return lower.endswith("ist") and len(lower) > 6 and "VERB" not in getAllLemmas(lower)


def _epithet_adjective(word: _Word) -> bool:
    """An adjective that characterises a name it precedes: "the authoritarian Putin", "the
    Iran-backed Hezbollah", "Shi'ite Iran"; not a name ("the U.S. State Department") nor a
    noun ("the Hotel Ukraine") nor a bland word ("the outgoing Obama administration")."""
    if _ideological(word):
        return True
    if not word.lowercase or word.lower in BLAND or word.lower in STOP or word.possessive:
        return False
    return "ADJ" in getAllLemmas(word.lower)


def _joins_adjectives(sentence: _Sentence, i: int, name: int) -> bool:
    """Whether word `i - 1` may join the adjectives before the name at word `name`: no
    punctuation between, or a comma between two adjectives ("pro-Western, pro-American
    Israel"), never between the last adjective and the name."""
    if not sentence.punct(i):
        return True
    return i < name and sentence.gap(i).strip() == ","


def _plural_noun(word: _Word) -> bool:
    """ "penalties", "sanctions": a plural noun, which a head noun does not follow."""
    nouns = getAllLemmas(word.lower).get("NOUN", ())
    return word.lowercase and bool(nouns) and word.lower not in nouns


def _abbreviation(word: _Word) -> bool:
    """ "U.S.", "US", "NATO": a name that reads as a modifier before a noun."""
    return "." in word.text or (word.text.isupper() and len(word.text) > 1)


def _name_is_head(sentence: _Sentence, last: int) -> bool:
    """Whether a name ends its noun phrase: no noun follows ("the gruesome Hamas attack")."""
    nxt = last + 1
    if sentence.punct(nxt):
        return True
    word = sentence.words[nxt]
    if word.lower in STOP or not word.lowercase:
        return True
    pos = getAllLemmas(word.lower)
    if "NOUN" not in pos or "ADV" in pos or "ADP" in pos:
        return True
    inflected = any(lemma != word.lower for lemma in pos.get("VERB", ()))
    past = inflected and word.lower in pos["NOUN"]
    return past or ("VERB" in pos and word.lower.endswith("ed"))  # "fell", "felt", "said"


def _core_end(sentence: _Sentence, start: int) -> int:
    """End (exclusive) of a noun phrase's core from `start`: up to a function word or
    punctuation; "and"/"or" join two nouns ("a founder and political leader")."""
    words = sentence.words
    end = start + 1
    while end < len(words) and end - start < 6 and not sentence.punct(end):
        lower = words[end].lower
        if lower in ("and", "or") and end + 1 < len(words):
            nxt = words[end + 1]
            if nxt.lower in STOP or not nxt.lowercase or sentence.punct(end + 1):
                break
        elif lower in STOP or (words[end - 1].possessive and end - 1 > start):
            break
        end += 1
    return end


def _skip_copula(sentence: _Sentence, i: int) -> int | None:
    """The word after "is", "has become", "is seen as", "remains still" …, or None."""
    words = sentence.words
    if i < len(words) and words[i].lower in COPULA_LEADS:
        i += 1
        if i >= len(words) or words[i].lower not in ("become", "been") or sentence.punct(i):
            return None
    elif i >= len(words) or words[i].lower not in COPULAS:
        return None
    i += 1
    while i < len(words) and not sentence.punct(i) and words[i].lower in LEADING_ADVERBS:
        i += 1
    if i < len(words) and not sentence.punct(i) and words[i].lower in ATTRIBUTIONS:
        i += 1
        if i < len(words) and words[i].lower == "as":
            i += 1
    return i


def _skip_attribution(sentence: _Sentence, i: int) -> int | None:
    """The word after ", long considered", ", dubbed", ", widely seen as" (word `i` follows the
    comma after a name), or None."""
    words = sentence.words
    start = i
    while (
        i < len(words)
        and words[i].lower in LEADING_ADVERBS
        and (i == start or not sentence.punct(i))
    ):
        i += 1
    if i >= len(words) or words[i].lower not in ATTRIBUTIONS or (i > start and sentence.punct(i)):
        return None
    i += 1
    if i < len(words) and words[i].lower == "as" and not sentence.punct(i):
        i += 1
    return i


def _quoted_phrase(sentence: _Sentence, i: int) -> tuple[int, int] | None:
    """The words inside quotation marks that open right before word `i`, or after "a"/"the"
    at `i`: "called Zelensky “the shame of the Jewish people”", "a “philo-Semite”"; at most
    `MAX_WORDS` words, not a purpose or a sentence ("“to discuss the matter”")."""
    words = sentence.words
    if i >= len(words):
        return None
    start = i
    if sentence.gap(i).strip() not in QUOTE_OPEN:
        if words[i].lower not in ("a", "an", "the") or sentence.punct(i):
            return None
        i += 1
        if i >= len(words) or sentence.gap(i).strip() not in QUOTE_OPEN:
            return None
    end = next((k for k in range(i + 1, len(words) + 1) if _closes_quote(sentence, k)), None)
    if end is None or end - i > MAX_WORDS:
        return None
    return (i, end - 1) if _noun_phrase(words[start], words[i], words[end - 1]) else None


def _closes_quote(sentence: _Sentence, k: int) -> bool:
    """Whether a closing quotation mark stands before word `k` (or in the tail)."""
    gap = sentence.gap(k)
    if any(c in gap for c in QUOTE_CLOSE):
        return True
    return '"' in gap and (k == len(sentence.words) or not gap.endswith('"'))


def _noun_phrase(opener: _Word, first: _Word, last: _Word) -> bool:
    """Whether quoted words read as a noun phrase: after "a"/"the" ("a “dotard”"), opening
    on a determiner, or ending on a name ("“Policeman of the Middle East”") — not a verdict
    ("“wrong”") or a verb phrase ("“standing down”")."""
    if opener.lower in DETERMINERS or first.lower in DETERMINERS or first.possessive:
        return True
    return not last.lowercase


def _verb_before(sentence: _Sentence, mention: _Mention, verbs: frozenset[str]) -> int | None:
    """Index of a verb of `verbs` right before the name (or before "the" and the name) when
    the whole name is its object and no negation comes shortly before the verb."""
    words = sentence.words
    if not _whole(sentence, mention) or words[mention.last].possessive:
        return None
    v = mention.first - 1
    if v > 0 and words[v].lower == "the" and not sentence.punct(v + 1):
        v -= 1
    if v < 0 or sentence.punct(v + 1) or not words[v].lowercase or words[v].lower not in verbs:
        return None
    if v > 0 and not sentence.punct(v) and words[v - 1].lower in DETERMINERS:
        return None  # "the label Hamas …": a noun, not a verb
    if any(_negation(word) for word in words[max(0, v - 3) : v]):
        return None  # "does not regard Russia as a partner"
    return v


def _negation(word: _Word) -> bool:
    return word.lower in NEGATIONS or word.lower.endswith(("n't", "n’t"))


def _clause_start(sentence: _Sentence, k: int) -> bool:
    """Whether word `k` opens a clause: the sentence start, after punctuation or after a
    clause-initial "but"/"and"/"yet"/"so"."""
    if k == 0 or _clause_break(sentence, k):
        return True
    joins = sentence.words[k - 1].lower in ("but", "and", "yet", "so")
    return joins and (k == 1 or _clause_break(sentence, k - 1))


def _subject_at(sentence: _Sentence, i: int, found: Sequence[_Mention], before: int) -> str | None:
    """The actor a clause starting at word `i` is about: a name there ("Russia", "the
    Kremlin"), or "it" when the sentence opened on one actor as its subject and names no
    other actor before word `before` outside a prepositional phrase."""
    words = sentence.words
    if i < len(words) and words[i].lower == "the":
        i += 1
    named = next((m for m in found if m.first == i and m.name), None)
    if named is not None:
        return None if words[named.last].possessive else named.actor
    if i >= len(words) or words[i].lower != "it":
        return None
    earlier = [
        m for m in found if m.name and m.last < before and not _after_preposition(sentence, m.first)
    ]
    if not earlier or len({m.actor for m in earlier}) != 1:
        return None
    first = earlier[0]
    opens = first.first == 0 or (first.first <= 2 and sentence.gap(first.first).strip() == ",")
    if not opens or words[first.last].possessive or sentence.punct(first.last + 1):
        return None
    return first.actor


def _mark_quoted(label: ActorLabel, spans: Sequence[tuple[int, int]]) -> ActorLabel:
    """The label marked `quoted` when it starts inside a quotation: a speaker's words."""
    inside = any(start <= label.start < end for start, end in spans)
    return replace(label, quoted=True) if inside else label


def _after_preposition(sentence: _Sentence, first: int) -> bool:
    """Whether the name is the object of a preposition ("the war in Ukraine is …", "contacts
    with the Kremlin are …")."""
    words = sentence.words
    if first > 1 and words[first - 1].lower == "the" and not sentence.punct(first):
        first -= 1
    return first > 0 and not sentence.punct(first) and words[first - 1].lower in PREPOSITIONS


def _in_opening_phrase(sentence: _Sentence, first: int) -> bool:
    """Whether the name sits in a sentence-opening phrase ("In Syria, the regime …")."""
    words = sentence.words
    return (
        bool(words)
        and words[0].lower in PREPOSITIONS
        and not any(sentence.punct(i) for i in range(1, first + 1))
    )


def _continues_list(sentence: _Sentence, i: int) -> bool:
    """Whether ", and …" follows at word `i`: the phrase before was a list item."""
    words = sentence.words
    return i < len(words) and sentence.gap(i).strip() == "," and words[i].lower in ("and", "or")


def _list_items(sentence: _Sentence, k: int) -> set[int]:
    """First words of the items of a list starting at word `k` (commas, "and", "or");
    the list ends at other punctuation or at an item longer than four words."""
    words = sentence.words
    starts: set[int] = set()
    item = k
    i = k
    while i < len(words):
        if i > item and (sentence.gap(i).strip() == "," or words[i].lower in ("and", "or")):
            item = i + 1 if words[i].lower in ("and", "or") else i
            i = item
            continue
        if i > item and sentence.punct(i):
            break
        if i - item >= 4:
            break
        if i == item:
            starts.add(i + 1 if words[i].lower == "the" else i)
            starts.add(i)
        i += 1
    return starts


def _clause(sentence: _Sentence, mention: _Mention) -> tuple[int, int]:
    """Character span of the clause around a mention (see the module docstring)."""
    words = sentence.words
    left = mention.first
    while (
        left > 0 and not _clause_break(sentence, left) and words[left - 1].lower not in CLAUSE_WORDS
    ):
        left -= 1
    right = mention.last
    while right + 1 < len(words) and not _clause_break(sentence, right + 1):
        if words[right + 1].lower in CLAUSE_WORDS:
            break
        right += 1
    return words[left].start, words[right].end


def _clause_break(sentence: _Sentence, i: int) -> bool:
    return bool(_CLAUSE_PUNCT.search(sentence.gap(i)))


def _label(sentence: _Sentence, span: tuple[int, int], kind: str) -> ActorLabel:
    """The label of words `span` (first, last), without a final possessive ending."""
    start, end, _ = sentence.span(*span)
    last = sentence.words[span[1]]
    if last.possessive:
        end -= len(last.lower) - len(last.base)
    return ActorLabel(sentence.text[start:end], sentence.id, start, end, kind)


def _tidy(labels: Sequence[ActorLabel]) -> tuple[ActorLabel, ...]:
    """Labels in document order, each noun phrase once: a label inside a longer one of the
    same actor in the same sentence is dropped, as the same words would count twice ("the
    militant group" inside "Hamas, the militant group that rules Gaza," or inside "a founder
    and political leader of the militant group")."""
    kept: list[ActorLabel] = []
    for label in labels:
        if any(_covers(other, label) for other in labels if other is not label):
            continue
        if any(
            (k.sentence_id, k.start, k.end) == (label.sentence_id, label.start, label.end)
            for k in kept
        ):
            continue
        kept.append(label)
    return tuple(kept)


def _covers(outer: ActorLabel, inner: ActorLabel) -> bool:
    """Whether `outer` is a longer phrase that makes `inner` redundant (see `_tidy`)."""
    if outer.sentence_id != inner.sentence_id or (outer.start, outer.end) == (
        inner.start,
        inner.end,
    ):
        return False
    return outer.start <= inner.start and inner.end <= outer.end
