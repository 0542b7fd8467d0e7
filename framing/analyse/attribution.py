"""Direct quotations, reported speech and their speakers: the attribution grammar of news
writing.

How quotes are read (news conventions, English):
- A quotation is the text between an opening and a closing double quote (curly or straight).
  One that pysbd split over several sentences is one `Quote`: its `sentence_id`, `start` and
  `end` locate the words in the sentence where it opens; its `text` is every piece, joined by
  a space. A quotation left open at a paragraph's end continues when the next paragraph opens
  with a quote mark, as news style writes it; otherwise it ends with its paragraph.
- The speaker is the subject of the nearest reporting verb: right after the quotation
  (`"…," X said`, `"…," said X`), or before it (`X said: "…"`, `according to X, "…"`), or in
  the sentence before when that ends with a colon (`He added:`). A quotation opening a sentence
  right after another one, with no verb of its own, continues its speaker (verb "").
- "he"/"she" resolves to the person named most recently (within three sentences) when only one
  person is named there; otherwise the pronoun is kept as written.
- Short quoted words (four words or fewer) with no speaker close by are labels, not quotes:
  scare quotes ("a 'special operation'") are `Sourcing.scare_quotes`, never a `Quote`.
  An attributed fragment of three words or more ("told the author that Israel 'will cease to
  exist'") is a quote.
- A reporting verb no quotation took reports speech in its own clause: "X said that …",
  "…, X said", "according to X, …" give a `Quote` of form "indirect" or "according_to" whose
  text is the reported clause (found by `framing/analyse/reported.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.analyse.quotation import QUOTE_MARKS, Piece, quotations
from framing.analyse.reported import reported_clause
from framing.analyse.sourcing_lexicon import SourcingLexicon
from framing.analyse.speaker_phrases import (
    POSSESSIVE_END,
    PREPOSITIONS,
    SKIPPED,
    is_adverb,
    speaker_span,
    wordset,
)
from framing.analyse.speakers import (
    PRONOUNS,
    People,
    bare_name,
    clause_subject,
    described,
    speaker_kind,
    unnamed_source,
)
from framing.lexicon import TokenizedSentence
from framing.models import Match, Quote

SCARE_QUOTE_WORDS = 4
"""An unattributed quoted span this short is a label ("terrorist International"), not a quote."""
FRAGMENT_WORDS = 3
"""An attributed span needs this many words to count as a quote: "massacres against
Palestinians" does, "technical details" stays a label even near a reporting verb."""
FRAGMENT_DISTANCE = 8
"""A short attributed fragment in a that-clause must follow its verb within this many words."""
POST_DISTANCE = 16
"""A verb after a quotation attributes it only this close: `"…," Robert F. Bauer, the White
House counsel, said`."""
FRAGMENT_AFTER = 3
"""A verb after a short fragment attributes it only this close: `"all the bishops," he said`."""
_BE = wordset("is are was were be been being")
_ARTICLES = wordset("a an the")
_AUTHOR_OBJECTS = tuple(
    (obj, re.compile(rf"{obj}\b", re.IGNORECASE))
    for obj in ("this author", "the author", "this writer", "this reporter", "me", "us")
)
"""The author as a verb's object ("told this author"), each with its pattern."""


@dataclass(frozen=True)
class _Found:
    """A direct quote and where the verb that attributed it is (-1: none)."""

    quote: Quote
    verb_sentence: str
    verb_start: int


@dataclass(frozen=True)
class _Speaker:
    """Who a reporting verb attributes words to, with the verb as written."""

    text: str
    kind: str  # a Quote.speaker_type
    verb: str
    verb_match: Match | None
    role: str = ""  # a Quote.role
    side: str = ""


class Attribution:
    """One article as the quote reader needs it: quotations, verbs, and person mentions
    (how quotes are read: see the module docstring)."""

    def __init__(self, lexicon: SourcingLexicon, sentences: Sequence[TokenizedSentence]) -> None:
        self.lexicon = lexicon
        self.sentences = sentences
        self._spans: dict[tuple[int, Match, int], tuple[int, int] | None] = {}
        self.quotations = quotations(sentences)
        self.pieces: dict[int, list[Piece]] = {}
        for pieces in self.quotations:
            for piece in pieces:
                self.pieces.setdefault(piece.index, []).append(piece)
        self.verbs = [self._verbs_outside_quotes(i) for i in range(len(sentences))]
        named_speakers = [self._named_speakers(i) for i in range(len(sentences))]
        self.people = People(sentences, named_speakers, self.quoted, lexicon)

    def quotes(self) -> tuple[Quote, ...]:
        """Every direct quotation longer than a label, and every reported clause, with its
        speaker, in document order."""
        direct = self.direct_quotes()
        used = {(q.verb_sentence, q.verb_start) for q in direct if q.verb_start >= 0}
        found = [q.quote for q in direct] + reported_speech(self, used)
        order = {s.id: i for i, s in enumerate(self.sentences)}
        return tuple(sorted(found, key=lambda q: (order[q.sentence_id], q.start)))

    def direct_quotes(self) -> list[_Found]:
        """Every direct quotation longer than a label, with where its verb is."""
        found: list[_Found] = []
        previous: tuple[tuple[Piece, ...], _Speaker] | None = None
        for pieces in self.quotations:
            speaker = self.attribute(pieces, previous)
            words = count_words(" ".join(self.piece_text(p) for p in pieces))
            if speaker is None and (len(pieces) > 1 or words > SCARE_QUOTE_WORDS):
                speaker = _Speaker("", "unattributed", "", None)
            if speaker is None:
                continue
            if speaker.text.lower() in ("he", "she"):
                speaker = _last_speaker(speaker, pieces[0], previous)
            verb = speaker.verb_match
            where = (verb.sentence_id, verb.start) if verb is not None else ("", -1)
            found.append(_Found(self._quote(pieces, speaker), *where))
            previous = (pieces, speaker) if speaker.text else None
        return found

    def quoted(self, index: int, position: int) -> bool:
        """Whether a character of sentence `index` lies inside a quotation (marks included)."""
        return any(p.start - 1 <= position <= p.end for p in self.pieces.get(index, ()))

    def piece_text(self, piece: Piece) -> str:
        text = self.sentences[piece.index].text
        start, end = trimmed(text, piece.start, piece.end)
        return text[start:end]

    def _quote(self, pieces: tuple[Piece, ...], speaker: _Speaker) -> Quote:
        first = pieces[0]
        sentence = self.sentences[first.index]
        start, end = trimmed(sentence.text, first.start, first.end)
        text = " ".join(self.piece_text(p) for p in pieces).rstrip(",")
        if len(pieces) == 1:
            end = start + len(text)
        verb_type = speaker.verb_match.category if speaker.verb_match is not None else ""
        name = self.people.full_name(speaker.text) if speaker.kind == "person" else ""
        return Quote(
            text,
            name or speaker.text,
            speaker.kind,
            speaker.verb,
            sentence.id,
            start,
            end,
            verb_type,
            role=speaker.role,
            side=speaker.side,
        )

    def _verbs_outside_quotes(self, index: int) -> list[Match]:
        sentence = self.sentences[index]
        found = self.lexicon.verbs.find(sentence.tokens, sentence.text, sentence.id)
        return [
            m for m in found if not self.quoted(index, m.start) and not _passive(sentence.text, m)
        ]

    def attribute(
        self,
        pieces: tuple[Piece, ...],
        previous: tuple[tuple[Piece, ...], _Speaker] | None,
    ) -> _Speaker | None:
        """The speaker of a quotation, or None: after it, before it, in a colon sentence
        before it, or continued from the quotation just before."""
        first, last = pieces[0], pieces[-1]
        short = len(pieces) == 1 and count_words(self.piece_text(first)) <= SCARE_QUOTE_WORDS
        if short and count_words(self.piece_text(first)) < FRAGMENT_WORDS:
            return None
        found = self._after(last, short) or self._before(first, short)
        if found is not None or short:
            return found
        if not self._opens_sentence(first):
            return None
        return self._colon_before(first) or _continued(first, previous)

    def _after(self, last: Piece, short: bool) -> _Speaker | None:
        text = self.sentences[last.index].text
        later = [p.start - 1 for p in self.pieces[last.index] if p.start > last.end]
        limit = min(later, default=len(text))
        distance = FRAGMENT_AFTER if short else POST_DISTANCE
        for verb in self.verbs[last.index]:
            if verb.text.endswith("ing"):
                continue  # '"a weapon," but saying …': a participle reports its own clause
            if last.end < verb.start < limit:
                if count_words(text[last.end : verb.start]) > distance:
                    return None
                return self.speaker_at(last.index, verb, last.end + 1)
        return None

    def _before(self, first: Piece, short: bool) -> _Speaker | None:
        text = self.sentences[first.index].text
        verbs = [v for v in self.verbs[first.index] if v.end <= first.start]
        if not verbs:
            return None
        verb = verbs[-1]
        if len(verbs) > 1 and "that" in text[verbs[-2].end : verb.start].split():
            verbs, verb = verbs[:-1], verbs[-2]  # the verb is inside a reported clause
        between = text[verb.end : first.start - 1]
        if short and not _fragment_follows(between):
            return None
        if verb.term == "call" and (short or not _has_object(between)):
            return None  # naming, not saying: 'calls it a "special military operation"'
        speaker = self.speaker_at(first.index, verb, 0)
        if speaker is None and len(verbs) > 1 and _shares_subject(text, verb):
            earlier = self.speaker_at(first.index, verbs[-2], 0)
            return None if earlier is None else _with_verb(earlier, verb, text)
        return speaker

    def _colon_before(self, first: Piece) -> _Speaker | None:
        if first.index == 0:
            return None
        before = self.sentences[first.index - 1].text.rstrip()
        if not before.endswith(":") or not self.verbs[first.index - 1]:
            return None
        return self.speaker_at(first.index - 1, self.verbs[first.index - 1][-1], 0)

    def _opens_sentence(self, first: Piece) -> bool:
        text = self.sentences[first.index].text
        return not text[: max(first.start - 1, 0)].strip()

    def subject_span(
        self, index: int, verb: Match, region_start: int = 0
    ) -> tuple[int, int] | None:
        """Where the speaker of `verb` is written in sentence `index`. Kept per verb, as the
        measures ask for the same verbs' speakers; safe, as it depends on the article alone."""
        key = (index, verb, region_start)
        if key not in self._spans:
            text = self.sentences[index].text
            self._spans[key] = speaker_span(
                text, region_start, verb, lambda at: self.quoted(index, at)
            )
        return self._spans[key]

    def speaker_span_at(self, index: int, verb: Match, region_start: int) -> tuple[int, int] | None:
        """Where the speaker of `verb` is written; for a participle or a verb after "and" or
        "but" with no subject of its own, the subject of the sentence's first verb ("X issued
        a statement saying", "X supported it but said")."""
        span = self.subject_span(index, verb, region_start)
        if span is not None or not _needs_clause_subject(self.sentences[index].text, verb):
            return span
        for earlier in reversed([v for v in self.verbs[index] if v.end <= verb.start]):
            span = self.subject_span(index, earlier, region_start)
            if span is not None:
                return span  # '"…," X said, adding that …'
        return clause_subject(self.sentences[index], verb, lambda at: self.quoted(index, at))

    def speaker_at(self, index: int, verb: Match, region_start: int) -> _Speaker | None:
        """The subject of `verb` (or, inverted, the phrase after it), typed and resolved."""
        text = self.sentences[index].text
        span = self.speaker_span_at(index, verb, region_start)
        if span is None:
            return None
        start, end = span
        phrase = text[start:end]
        kind = speaker_kind(phrase, self.lexicon)
        if phrase.lower() in ("he", "she"):
            phrase = self.people.resolve(index, start) or phrase
        role, side = self.people.role(phrase, kind, described(text, start, end))
        return _Speaker(phrase, kind, _verb_text(text, verb), verb, role, side)

    def _named_speakers(self, index: int) -> list[tuple[int, str]]:
        """(position, name) of each person named as the subject of a reporting verb."""
        text = self.sentences[index].text
        found = []
        for verb in self.verbs[index]:
            span = self.subject_span(index, verb)
            phrase = text[span[0] : span[1]] if span else ""
            if phrase.lower() not in PRONOUNS and speaker_kind(phrase, self.lexicon) == "person":
                name = bare_name(phrase, self.lexicon.titles)
                if name:
                    found.append((span[0] if span else 0, name))
        return found


def unnamed_speakers(reader: Attribution, index: int) -> list[Match]:
    """Unnamed sources of this sentence's reporting verbs ("an Israeli diplomat said")."""
    sentence = reader.sentences[index]
    found = []
    for verb in reader.verbs[index]:
        span = reader.subject_span(index, verb)
        phrase = sentence.text[span[0] : span[1]] if span else ""
        if span is None or not unnamed_source(phrase, reader.lexicon):
            continue
        found.append(
            Match(sentence.id, span[0], span[1], phrase, "unnamed speaker", "unnamed_source")
        )
    return found


def reported_speech(reader: Attribution, used: set[tuple[str, int]]) -> list[Quote]:
    """Indirect speech and "according to": each reporting verb no quotation took, with
    the clause it reports and its speaker."""
    found = []
    for index, sentence in enumerate(reader.sentences):
        for verb in reader.verbs[index]:
            if (sentence.id, verb.start) in used:
                continue
            quote = _reported(reader, index, verb)
            if quote is not None:
                found.append(quote)
    return found


def _reported(reader: Attribution, index: int, verb: Match) -> Quote | None:
    text = reader.sentences[index].text
    span = reader.speaker_span_at(index, verb, 0)
    if span is None:
        return None
    clause = reported_clause(text, verb, span, reader.lexicon, lambda at: reader.quoted(index, at))
    speaker = reader.speaker_at(index, verb, 0)
    if clause is None or speaker is None:
        return None
    start, end, form = clause
    name = reader.people.full_name(speaker.text) if speaker.kind == "person" else ""
    return Quote(
        text[start:end],
        name or speaker.text,
        speaker.kind,
        speaker.verb,
        reader.sentences[index].id,
        start,
        end,
        verb.category,
        form,
        speaker.role,
        speaker.side,
    )


def _continued(
    first: Piece, previous: tuple[tuple[Piece, ...], _Speaker] | None
) -> _Speaker | None:
    """The previous quotation's speaker, if it ended in this or the sentence before."""
    if previous is None or previous[0][-1].index < first.index - 1:
        return None
    return replace(previous[1], verb="", verb_match=None)


def _needs_clause_subject(text: str, verb: Match) -> bool:
    """Whether a verb takes its subject from the clause: a participle ("saying"), or a verb
    right after "and"/"but" ("supported the standards but said")."""
    before = [w for w in text[: verb.start].split() if w not in SKIPPED and not is_adverb(w)]
    if before and before[-1].lower() in PREPOSITIONS | _ARTICLES:
        return False  # a gerund: "submit it in writing"
    return verb.text.endswith("ing") or (bool(before) and before[-1] in ("and", "but"))


def _fragment_follows(between: str) -> bool:
    """Whether a short quoted fragment is the verb's own complement: close after it ("called
    it 'a disaster'") or in its that-clause ("told me that Israel 'will cease to exist'")."""
    if any(mark in between for mark in QUOTE_MARKS):
        return False
    words = between.split()
    if words and (words[0].lower() in PREPOSITIONS or POSSESSIVE_END.search(words[-1])):
        return False  # 'said on NBC's "Meet the Press"' names a show
    return len(words) <= 3 or (len(words) <= FRAGMENT_DISTANCE and "that" in words)


def _has_object(between: str) -> bool:
    """Whether words other than adverbs stand between a verb and a quotation."""
    return any(not is_adverb(w.strip(",")) for w in between.split() if w.strip(","))


def _shares_subject(text: str, verb: Match) -> bool:
    """Whether a verb's subject is the earlier verb's: after "and" ("X called … and told …")
    or as a participle ("X accused Y, saying …")."""
    words = [w for w in text[: verb.start].split() if w not in SKIPPED and not is_adverb(w)]
    return verb.text.endswith("ing") or (bool(words) and words[-1] == "and")


def _passive(text: str, verb: Match) -> bool:
    """A passive ("described by the White House", "was announced") attributes nothing to its
    subject; after an article the word is no verb ("a written statement")."""
    before = text[: verb.start].split()
    after = text[verb.end :].lstrip()
    if before and verb.text.endswith("ed") and before[-1].lower() in PREPOSITIONS:
        return True  # an adjective: "for alleged war crimes"
    return after.startswith("by ") or (bool(before) and before[-1].lower() in _BE | _ARTICLES)


def _last_speaker(
    speaker: _Speaker, first: Piece, previous: tuple[tuple[Piece, ...], _Speaker] | None
) -> _Speaker:
    """An unresolved "he" or "she" right after a named person's quote is that person: news
    writing names a speaker, then keeps quoting them as "he said"."""
    if previous is None or previous[1].kind != "person":
        return speaker
    if previous[1].text.lower() in ("he", "she"):
        return speaker
    if previous[0][-1].index < first.index - 1:
        return speaker
    return replace(previous[1], verb=speaker.verb, verb_match=speaker.verb_match)


def _with_verb(speaker: _Speaker, verb: Match, text: str) -> _Speaker:
    """A coordinated verb's speaker ("X called … and told …") with the nearer verb."""
    return replace(speaker, verb=_verb_text(text, verb), verb_match=verb)


def _verb_text(text: str, verb: Match) -> str:
    """The verb as written, with the author as its object when it names them ("told this
    author")."""
    rest = text[verb.end :].lstrip()
    for obj, pattern in _AUTHOR_OBJECTS:
        if pattern.match(rest):
            return f"{verb.text} {rest[: len(obj)]}"
    return verb.text


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` without surrounding spaces and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def count_words(text: str) -> int:
    return len(text.split())
