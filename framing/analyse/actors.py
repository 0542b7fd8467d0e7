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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from framing.analyse.actor_words import (
    AS_OBJECT_VERBS,
    AS_SUBJECT_VERBS,
    NAMING_VERBS,
    Mention,
    SentenceWords,
    read_words,
)
from framing.analyse.entities import FoundName
from framing.analyse.label_lexicon import LabelLexicon, start_back
from framing.analyse.label_nouns import (
    adjective_head,
    adjectives_before,
    group_epithets,
    head_after,
    head_before,
    list_labels,
    owner_before,
    possessive_head,
)
from framing.analyse.label_predicates import (
    apposition,
    as_object_label,
    as_subject_label,
    fronted_as,
    object_complement,
    parenthetical_as,
    predicate,
    reverse_apposition,
    role_as,
)
from framing.analyse.noun_phrases import actor_label, clause_span, word_range
from framing.analyse.quotation import quoted_spans
from framing.analyse.tone import summarise_tone
from framing.errors import FramingError
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, inflections, string_list
from framing.models import ActorLabel, ActorProfile, Match


@dataclass(frozen=True)
class ActorSpec:
    """One actor of the lexicon: its name, kind and the first alias (its canonical name)."""

    name: str
    kind: str  # "state" | "group"
    canonical: str
    epithets: frozenset[str]


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
        self._evaluative = PhraseMatcher(
            {"evaluative": string_list(lexicon.data, "evaluative", where)}
        )
        self._epithets = {s.name: s.epithets for s in self.specs}
        self._kinds = {s.name: s.kind for s in self.specs}
        self._words = _label_lexicon(lexicon, self.specs, institutions, where)

    def profiles(
        self,
        sentences: Sequence[TokenizedSentence],
        tone_scores: Mapping[str, float],
        loaded: Sequence[Match],
        found_names: Sequence[FoundName] = (),
    ) -> tuple[ActorProfile, ...]:
        """One profile per actor named at least once: most mentioned first, ties in lexicon
        order, then the `found_names` the lexicon does not know (a lexicon mention wins where
        both match); `loaded` (the article's loaded-language matches) joins the evaluative words."""
        found_names = [f for f in found_names if f.name not in self._kinds]
        kinds = {**self._kinds, **{f.name: f.kind for f in found_names}}
        extra = PhraseMatcher({f.name: f.forms for f in found_names}, inflect=False)
        mentions: dict[str, list[Match]] = {name: [] for name in kinds}
        labels: dict[str, list[ActorLabel]] = {name: [] for name in kinds}
        evaluative: dict[str, list[Match]] = {name: [] for name in kinds}
        loaded_by_sentence: dict[str, list[Match]] = {}
        for match in loaded:
            loaded_by_sentence.setdefault(match.sentence_id, []).append(match)
        previous: tuple[Mention, ...] = ()
        quotations = quoted_spans(sentences)
        for tokenized in sentences:
            sentence = read_words(tokenized)
            found = self.mentions(tokenized, sentence, extra)
            for mention in found:
                mentions[mention.actor].append(mention.match)
            for actor, label in self._labels(sentence, found, previous):
                labels[actor].append(_mark_quoted(label, quotations.get(sentence.id, ())))
            words = self._evaluative_words(tokenized, sentence, found, loaded_by_sentence)
            for actor, match in words:
                evaluative[actor].append(match)
            previous = found
        order = {name: i for i, name in enumerate(kinds)}
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
                kind=kinds[name],
                found=name not in self._kinds,
            )
            for name in named
        )

    def mentions(
        self, tokenized: TokenizedSentence, sentence: SentenceWords, extra: PhraseMatcher
    ) -> tuple[Mention, ...]:
        """Every alias, epithet and demonym-before-institution in one sentence, in order, and
        the names of `extra` (names found in the text) where no lexicon actor is named; a
        found name that holds an alias and more is itself ("Secure America Now", "Donald
        Trump Jr." are not America and Trump)."""
        text, sid = tokenized.text, tokenized.id
        names = [
            _with_dot(m, text)
            for m in self._names.find(tokenized.tokens, text, sid)
            if text[m.end : m.end + 1] != "$"  # "US$60 billion" is a currency
        ]
        written = extra.find(tokenized.tokens, text, sid)
        names = [n for n in names if not any(_contains(m, n, text) for m in written)]
        adjectives = self._adjective_mentions(tokenized, names)
        known = names + adjectives
        others = [m for m in written if not any(_overlap(m, n) for n in known)]
        found = [(m, True) for m in names + others] + [(m, False) for m in adjectives]
        found.sort(key=lambda pair: pair[0].start)
        return tuple(Mention(m, *word_range(sentence, m), name) for m, name in found)

    def _adjective_mentions(
        self, tokenized: TokenizedSentence, names: Sequence[Match]
    ) -> list[Match]:
        """Demonyms before an institution ("Israeli officials"), unless a title of a name
        ("Russian President Vladimir Putin" is one mention, of Putin)."""
        text, sid = tokenized.text, tokenized.id
        demonyms = self._adjectives.find(tokenized.tokens, text, sid)
        if not demonyms:
            return []  # most sentences: no need to look for institutions
        institutions = {m.start: m for m in self._institutions.find(tokenized.tokens, text, sid)}
        adjectives = []
        for m in demonyms:
            head = _next_after(text, m.end, institutions)
            if head is None or any(_overlap(m, n) for n in names):
                continue
            titled = any(
                n.category == m.category and _next_after(text, head.end, {n.start: n})
                for n in names
            )
            if not titled:
                adjectives.append(
                    Match(sid, m.start, head.end, text[m.start : head.end], m.term, m.category)
                )
        return adjectives

    def _labels(
        self, sentence: SentenceWords, found: Sequence[Mention], previous: Sequence[Mention]
    ) -> list[tuple[str, ActorLabel]]:
        labels: list[tuple[str, ActorLabel]] = []
        for mention in found:
            for kind, span in self._mention_labels(sentence, mention, found):
                if span is not None:
                    labels.append((mention.actor, actor_label(sentence, span, kind)))
        labels.extend(list_labels(self._words, sentence, found))
        labels.extend(fronted_as(self._words, sentence, found))
        labels.extend(group_epithets(self._words, sentence, found, previous))
        return sorted(labels, key=lambda pair: (pair[1].start, pair[1].end))

    def _mention_labels(
        self, sentence: SentenceWords, mention: Mention, found: Sequence[Mention]
    ) -> Iterable[tuple[str, tuple[int, int] | None]]:
        if not mention.name:
            yield "premodifier", adjective_head(self._words, sentence, mention)
            return
        if mention.match.term in self._epithets.get(mention.actor, frozenset()):
            yield "epithet", (start_back(self._words, sentence, mention.first), mention.last)
            return
        yield "apposition", apposition(self._words, sentence, mention)
        yield "apposition", reverse_apposition(self._words, sentence, mention)
        yield "predicate", predicate(self._words, sentence, mention)
        yield "predicate", object_complement(self._words, sentence, mention)
        yield "predicate", as_object_label(self._words, sentence, mention, found)
        yield "predicate", as_subject_label(self._words, sentence, mention, found)
        yield "predicate", role_as(self._words, sentence, mention)
        yield "predicate", parenthetical_as(self._words, sentence, mention)
        yield "premodifier", head_before(self._words, sentence, mention, found)
        yield "premodifier", adjectives_before(self._words, sentence, mention)
        yield "premodifier", head_after(self._words, sentence, mention)
        yield "premodifier", possessive_head(self._words, sentence, mention)
        yield "premodifier", owner_before(self._words, sentence, mention, found)

    def _evaluative_words(
        self,
        tokenized: TokenizedSentence,
        sentence: SentenceWords,
        found: Sequence[Mention],
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
        if not candidates:
            return []
        candidates.sort(key=lambda m: m.start)
        clauses = [(mention, clause_span(sentence, mention)) for mention in found]
        pairs = []
        for match in candidates:
            if any(_overlap(match, m.match) for m in found):
                continue
            near = [m for m, (start, end) in clauses if start <= match.start and match.end <= end]
            distance = {m: _distance(m.match, match) for m in near}
            pairs += [(m.actor, match) for m in near if distance[m] == min(distance.values())]
        return sorted(pairs, key=lambda pair: pair[1].start)


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


def _label_lexicon(
    lexicon: Lexicon, specs: Sequence[ActorSpec], institutions: Sequence[str], where: str
) -> LabelLexicon:
    """The word lists the label patterns test, read from the lexicon with their inflections."""
    head_bases = frozenset(string_list(lexicon.data, "heads", where))
    return LabelLexicon(
        heads=_forms(head_bases),
        head_bases=head_bases,
        after_name=_forms(string_list(lexicon.data, "after_name", where)),
        after_adjective=_forms(string_list(lexicon.data, "after_adjective", where)),
        epithet_heads=frozenset(string_list(lexicon.data, "epithet_heads", where)),
        naming=_forms(NAMING_VERBS),
        as_object=_forms(AS_OBJECT_VERBS),
        as_subject=_forms(AS_SUBJECT_VERBS),
        institution_words=_forms(institutions),
        groups=frozenset(s.name for s in specs if s.kind == "group"),
        canonical={s.name: s.canonical for s in specs},
    )


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


def _contains(outer: Match, inner: Match, text: str) -> bool:
    """Whether `outer` spans `inner` and more whole words ("Russia Today" holds "Russia";
    "Iran-backed" does not hold a name of its own)."""
    if not (outer.start <= inner.start and inner.end <= outer.end) or outer.text == inner.text:
        return False
    before = text[inner.start - 1 : inner.start] if inner.start > outer.start else " "
    after = text[inner.end : inner.end + 1] if inner.end < outer.end else " "
    return before == " " and after == " "


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _next_after(text: str, end: int, matches: Mapping[int, Match]) -> Match | None:
    """The match starting right after `end`, past spaces only."""
    gap = len(text[end:]) - len(text[end:].lstrip(" "))
    return matches.get(end + gap) if gap else None


def _mark_quoted(label: ActorLabel, spans: Sequence[tuple[int, int]]) -> ActorLabel:
    """The label marked `quoted` when it starts inside a quotation: a speaker's words."""
    inside = any(start <= label.start < end for start, end in spans)
    return replace(label, quoted=True) if inside else label


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
