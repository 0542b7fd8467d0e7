"""Who an article lets speak: direct quotes and their speakers, anonymous sourcing, scare
quotes, and the author's own voice.

Sourcing is framing evidence: whose words a text quotes, whether they are named, and the verb
that introduces them ("said" reports, "claimed" distances, "admitted" concedes).

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
  scare quotes ("a 'special operation'") are returned by `scare_quotes`, never as a `Quote`.
  An attributed fragment of three words or more ("told the author that Israel 'will cease to
  exist'") is a quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from framing.analyse.quotation import QUOTE_MARKS, Piece, quotations
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, string_list
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
PRONOUN_WINDOW = 3
"""Sentences looked back through to resolve "he" or "she"."""
MAX_SPEAKER_WORDS = 12


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ITEM = re.compile(r"[^\W_][\w'’\-]*\.?|[^\w\s]")
"""Words (with an abbreviation's dot: "Mr.", "U.") and single punctuation marks."""
_CAP = r"[A-Z][\w'’\-]*[a-z][\w'’\-]*"
_NAME = re.compile(
    rf"(?:[A-Z][a-z]{{0,3}}\.|{_CAP})"
    rf"(?:\s+(?:{_CAP}|[A-Z]\.|(?:al|el|bin|ibn|van|von|de|da|Abu)\b-?))*(?<=[a-z])"
)
"""A run of capitalised words ending in one with lower-case letters, after any abbreviated
title ("Mr. Sestak", "Rep. Darrell Issa"): a candidate name."""

_BOUNDARY_WORDS = _wordset(
    "that which who whom whose and but or nor while when as after before because if although "
    "though since where so than to not whether once until"
)
_SKIPPED = _wordset(
    "has have had was were is are also further later then once again would will did does do "
    "even instead first had never often always still just has"
)
_PREPOSITIONS = _wordset(
    "in on at during after before with from by under over for following amid since of"
)
_CIRCUMSTANCE = _wordset(
    "on in at during last this yesterday today tonight earlier later again over with into "
    "about under through against like"
)
"""Words that end a speaker phrase: "Mr. Obama on Thursday said" is spoken by Mr. Obama."""
_BE = _wordset("is are was were be been being")
_ARTICLES = _wordset("a an the")
_DETERMINERS = _wordset("the a an this that these those his her its their our my")
_HEAD_ENDS = _wordset("of for to at in from with among on by who which that")
_LEADING_FUNCTION = _wordset(
    "on in at during after before the a an but and as since when while for with from by last "
    "this that one some many earlier later meanwhile however still yet according speaking "
    "then thus indeed yesterday today now instead moreover also separately first finally "
    "asked"
)
_LEADING_ADVERBS = _wordset(
    "then however meanwhile still yet thus indeed now instead also and but so later earlier"
)
_FORWARD_STOPS = _wordset(
    "who which that speaking in on at during adding as when while after before because told "
    "according by"
)
_PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "anonymous"}
_AUTHOR_OBJECTS = ("this author", "the author", "this writer", "this reporter", "me", "us")
_INDEFINITE = _wordset("a an another one two three four several some many other others senior")
_SPOKESPEOPLE = _wordset("spokesperson spokesman spokeswoman spokespeople statement")


@dataclass(frozen=True)
class _Speaker:
    """Who a reporting verb attributes words to, with the verb as written."""

    text: str
    kind: str  # a Quote.speaker_type
    verb: str
    verb_match: Match | None
    index: int = 0
    start: int = 0
    end: int = 0


class Sourcing:
    """Quotes, anonymous sources, scare quotes and first-person presence, from `sourcing.toml`."""

    def __init__(self, lexicon: Lexicon) -> None:
        where = f"sourcing lexicon ({lexicon.source})"
        data = lexicon.data
        verbs = _table(data, "reporting_verbs")
        self._verbs = PhraseMatcher({k: string_list(verbs, k, where) for k in verbs})
        speakers = _table(data, "speakers")
        self._org_words = _lower_set(string_list(speakers, "organisation_words", where))
        self._org_names = frozenset(string_list(speakers, "organisation_names", where))
        self._roles = _lower_set(string_list(speakers, "role_nouns", where))
        self._people_nouns = self._roles | _lower_set(string_list(speakers, "people_nouns", where))
        self._titles = frozenset(string_list(speakers, "person_titles", where))
        anonymous = _table(data, "anonymous")
        self._anonymous = PhraseMatcher({k: string_list(anonymous, k, where) for k in anonymous})
        self._anonymity = tuple(
            phrase.lower() for phrase in string_list(anonymous, "anonymity", where)
        )
        first = _table(data, "first_person")
        self._first = PhraseMatcher(
            {k: string_list(first, k, where) for k in ("singular", "plural")},
            exclude=string_list(first, "exclude", where),
            inflect=False,
        )

    def quotes(self, sentences: Sequence[TokenizedSentence]) -> tuple[Quote, ...]:
        """Every direct quotation longer than a label, with its speaker, in document order."""
        return tuple(quote for quote, _ in self._attributed(sentences))

    def scare_quotes(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Short quoted labels with no speaker ("a 'special operation'"), category
        "scare_quote": the writer marking words as someone else's, or as doubtful."""
        context = _Context(self, sentences)
        found = []
        for pieces in context.quotations:
            if len(pieces) > 1 or _words(context.piece_text(pieces[0])) > SCARE_QUOTE_WORDS:
                continue
            if context.attribute(pieces, None) is not None:
                continue
            piece = pieces[0]
            sentence = sentences[piece.index]
            start, end = _trimmed(sentence.text, piece.start, piece.end)
            while end > start and sentence.text[end - 1] in ".;:!?":
                end -= 1
            text = sentence.text[start:end]
            found.append(Match(sentence.id, start, end, text, text.lower(), "scare_quote"))
        return tuple(found)

    def anonymous(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Anonymous or vague sourcing: anonymity phrases ("speaking on condition of
        anonymity"), vague sources ("according to foreign sources"), and unnamed speakers of a
        reporting verb ("an Israeli diplomat said"). Words inside quotations are the speaker's,
        not sourcing, and are skipped."""
        context = _Context(self, sentences)
        found: list[tuple[int, Match]] = []
        for index, sentence in enumerate(sentences):
            for match in self._anonymous.find(sentence.tokens, sentence.text, sentence.id):
                if not context.quoted(index, match.start):
                    found.append((index, match))
            found.extend((index, m) for m in context.unnamed_speakers(index))
        return _without_overlaps(found)

    def first_person(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """The author's own voice ("I", "my", "this author", authorial "we"), category
        "singular" or "plural"; a quoted speaker's "we" and the country "US" do not count."""
        context = _Context(self, sentences)
        found = []
        for index, sentence in enumerate(sentences):
            for match in self._first.find(sentence.tokens, sentence.text, sentence.id):
                if match.text == "US" or context.quoted(index, match.start):
                    continue
                found.append(match)
        return tuple(found)

    def _attributed(self, sentences: Sequence[TokenizedSentence]) -> list[tuple[Quote, _Speaker]]:
        context = _Context(self, sentences)
        found: list[tuple[Quote, _Speaker]] = []
        previous: tuple[tuple[Piece, ...], _Speaker] | None = None
        for pieces in context.quotations:
            speaker = context.attribute(pieces, previous)
            words = _words(" ".join(context.piece_text(p) for p in pieces))
            if speaker is None and (len(pieces) > 1 or words > SCARE_QUOTE_WORDS):
                speaker = _Speaker("", "unattributed", "", None)
            if speaker is None:
                continue
            if speaker.text.lower() in ("he", "she"):
                speaker = _last_speaker(speaker, pieces[0], previous)
            found.append((context.quote(pieces, speaker), speaker))
            previous = (pieces, speaker) if speaker.text else None
        return found

    def speaker_kind(self, phrase: str) -> str:
        """ "person", "organisation" or "anonymous" for a speaker phrase, from its head word:
        a capitalised name is a person; an institution word or name an organisation, and so is
        an unnamed spokesperson (the institution speaks); any other unnamed speaker is
        anonymous ("an Israeli diplomat", "officials", "sources")."""
        lowered = phrase.lower()
        if lowered in _PRONOUNS:
            return _PRONOUNS[lowered]
        words = [w.lower() for w in re.findall(r"[\w'’\-]+", phrase)]
        if "source" in words or "sources" in words or any(a in lowered for a in self._anonymity):
            return "anonymous"
        core = _strip_article(phrase)
        if core in self._org_names:
            return "organisation"
        head = _head(phrase)
        if head.lower() in _SPOKESPEOPLE or (len(head) > 1 and head.isupper()):
            return "organisation"
        if head in self._titles and phrase.split()[0].lower() == "the":
            return "person"  # "the prime minister": a known person, named elsewhere
        if head[:1].isupper() and head.lower() not in self._people_nouns | self._org_words:
            return "organisation" if head in self._org_names else "person"
        if head.lower() in self._org_words:
            return "organisation"
        return "anonymous"

    def unnamed_source(self, phrase: str) -> bool:
        """Whether a speaker phrase is an unnamed source: "an Israeli diplomat", "officials",
        "sources", not "the prime minister" (someone named before) nor "critics"."""
        if self.speaker_kind(phrase) != "anonymous":
            return False
        if any(word in phrase.lower().split() for word in ("source", "sources")):
            return True
        head = _head(phrase).lower()
        first = phrase.split()[0].lower()
        return head in self._roles and (first in _INDEFINITE or head.endswith("s"))


class _Context:
    """One article as the quote reader needs it: quotations, verbs, and person mentions."""

    def __init__(self, sourcing: Sourcing, sentences: Sequence[TokenizedSentence]) -> None:
        self.sourcing = sourcing
        self.sentences = sentences
        self.quotations = quotations(sentences)
        self.pieces: dict[int, list[Piece]] = {}
        for pieces in self.quotations:
            for piece in pieces:
                self.pieces.setdefault(piece.index, []).append(piece)
        self.verbs = [self._verbs_outside_quotes(i) for i in range(len(sentences))]
        self.named_speakers = [self._named_speakers(i) for i in range(len(sentences))]
        self.people = self._people()

    def quoted(self, index: int, position: int) -> bool:
        """Whether a character of sentence `index` lies inside a quotation (marks included)."""
        return any(p.start - 1 <= position <= p.end for p in self.pieces.get(index, ()))

    def piece_text(self, piece: Piece) -> str:
        text = self.sentences[piece.index].text
        start, end = _trimmed(text, piece.start, piece.end)
        return text[start:end]

    def quote(self, pieces: tuple[Piece, ...], speaker: _Speaker) -> Quote:
        first = pieces[0]
        sentence = self.sentences[first.index]
        start, end = _trimmed(sentence.text, first.start, first.end)
        text = " ".join(self.piece_text(p) for p in pieces).rstrip(",")
        if len(pieces) == 1:
            end = start + len(text)
        verb_type = speaker.verb_match.category if speaker.verb_match is not None else ""
        name = self._person(speaker.text) if speaker.kind == "person" else ""
        return Quote(
            text,
            name or speaker.text,
            speaker.kind,
            speaker.verb,
            sentence.id,
            start,
            end,
            verb_type,
        )

    def _person(self, phrase: str) -> str:
        """A person speaker by name alone, at its fullest in the article: "Defense Minister
        Israel Katz" and "Katz" are both "Israel Katz", so quotes group by who spoke."""
        name = self._bare_name(phrase)
        return self.people.get(name.rpartition(" ")[2], name) if name else ""

    def _verbs_outside_quotes(self, index: int) -> list[Match]:
        sentence = self.sentences[index]
        found = self.sourcing._verbs.find(sentence.tokens, sentence.text, sentence.id)
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
        short = len(pieces) == 1 and _words(self.piece_text(first)) <= SCARE_QUOTE_WORDS
        if short and _words(self.piece_text(first)) < FRAGMENT_WORDS:
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
            if last.end < verb.start < limit:
                if _words(text[last.end : verb.start]) > distance:
                    return None
                return self._speaker(last.index, verb, last.end + 1)
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
        speaker = self._speaker(first.index, verb, 0)
        if speaker is None and len(verbs) > 1 and _shares_subject(text, verb):
            earlier = self._speaker(first.index, verbs[-2], 0)
            return None if earlier is None else _with_verb(earlier, verb, text)
        return speaker

    def _colon_before(self, first: Piece) -> _Speaker | None:
        if first.index == 0:
            return None
        before = self.sentences[first.index - 1].text.rstrip()
        if not before.endswith(":") or not self.verbs[first.index - 1]:
            return None
        return self._speaker(first.index - 1, self.verbs[first.index - 1][-1], 0)

    def _opens_sentence(self, first: Piece) -> bool:
        text = self.sentences[first.index].text
        return not text[: max(first.start - 1, 0)].strip()

    def _span(self, index: int, verb: Match, region_start: int = 0) -> tuple[int, int] | None:
        """Where the speaker of `verb` is written in sentence `index`."""
        text = self.sentences[index].text
        return _speaker_span(text, region_start, verb, lambda at: self.quoted(index, at))

    def _speaker(self, index: int, verb: Match, region_start: int) -> _Speaker | None:
        """The subject of `verb` (or, inverted, the phrase after it), typed and resolved."""
        text = self.sentences[index].text
        span = self._span(index, verb, region_start)
        if span is None:
            return None
        start, end = span
        phrase = text[start:end]
        kind = self.sourcing.speaker_kind(phrase)
        if phrase.lower() in ("he", "she"):
            phrase = self.resolve(index, start) or phrase
        return _Speaker(phrase, kind, _verb_text(text, verb), verb, index, start, end)

    def unnamed_speakers(self, index: int) -> list[Match]:
        """Unnamed sources of this sentence's reporting verbs ("an Israeli diplomat said")."""
        sentence = self.sentences[index]
        found = []
        for verb in self.verbs[index]:
            span = self._span(index, verb)
            phrase = sentence.text[span[0] : span[1]] if span else ""
            if span is None or not self.sourcing.unnamed_source(phrase):
                continue
            found.append(
                Match(sentence.id, span[0], span[1], phrase, "unnamed speaker", "unnamed_source")
            )
        return found

    def _named_speakers(self, index: int) -> list[tuple[int, str]]:
        """(position, name) of each person named as the subject of a reporting verb."""
        text = self.sentences[index].text
        found = []
        for verb in self.verbs[index]:
            span = self._span(index, verb)
            phrase = text[span[0] : span[1]] if span else ""
            if phrase.lower() not in _PRONOUNS and self.sourcing.speaker_kind(phrase) == "person":
                name = self._bare_name(phrase)
                if name:
                    found.append((span[0] if span else 0, name))
        return found

    def _bare_name(self, phrase: str) -> str:
        """The capitalised words ending a phrase, titles left out ("Rep. Darrell Issa")."""
        words: list[str] = []
        for word in reversed(phrase.split()):
            if not word[:1].isupper() or word in self.sourcing._titles:
                break
            words.insert(0, word)
        return " ".join(words)

    def _people(self) -> dict[str, str]:
        """Surname -> fullest name, for every person named after a title ("President
        Vladimir Putin", "spokesperson Maria Zakharova") or as a speaker ("Trump said")."""
        names = [name for speakers in self.named_speakers for _, name in speakers]
        for index, sentence in enumerate(self.sentences):
            for match in _NAME.finditer(sentence.text):
                if not self.quoted(index, match.start()):
                    names.append(self._titled_name(sentence.text, match))
        people: dict[str, str] = {}
        for name in names:
            surname = name.rpartition(" ")[2]
            if name and len(name) > len(people.get(surname, "")):
                people[surname] = name
        return people

    def _titled_name(self, text: str, match: re.Match[str]) -> str:
        """The name in a capitalised run after its title words, or "" without a title."""
        words = match.group().split()
        titled = [i for i, word in enumerate(words) if word in self.sourcing._titles]
        before = text[: match.start()].split()
        if titled:
            words = words[titled[-1] + 1 :]
        elif not before or before[-1].rstrip(",") not in self.sourcing._titles:
            return ""
        name = " ".join(words)
        return "" if name in self.sourcing._org_names else name

    def resolve(self, index: int, position: int) -> str:
        """The person "he" or "she" at (`index`, `position`) most likely is, or "": going
        back sentence by sentence, the last named speaker, else the one person named."""
        for back in range(index, max(index - PRONOUN_WINDOW, 0) - 1, -1):
            limit = position if back == index else len(self.sentences[back].text)
            speakers = [name for at, name in self.named_speakers[back] if at < limit]
            if speakers:
                return self.people.get(speakers[-1].rpartition(" ")[2], speakers[-1])
            named = self._mentions(back, limit)
            if named:
                return named.pop() if len(named) == 1 else ""
        return ""

    def _mentions(self, index: int, limit: int) -> set[str]:
        """The known people named in a sentence before `limit`, outside quotations."""
        return {
            self.people[match.group()]
            for match in re.finditer(r"[\w\-]+", self.sentences[index].text[:limit])
            if match.group() in self.people and not self.quoted(index, match.start())
        }


def _continued(
    first: Piece, previous: tuple[tuple[Piece, ...], _Speaker] | None
) -> _Speaker | None:
    """The previous quotation's speaker, if it ended in this or the sentence before."""
    if previous is None or previous[0][-1].index < first.index - 1:
        return None
    speaker = previous[1]
    return _Speaker(speaker.text, speaker.kind, "", None)


def _fragment_follows(between: str) -> bool:
    """Whether a short quoted fragment is the verb's own complement: close after it ("called
    it 'a disaster'") or in its that-clause ("told me that Israel 'will cease to exist'")."""
    if any(mark in between for mark in QUOTE_MARKS):
        return False
    words = between.split()
    if words and (words[0].lower() in _PREPOSITIONS or re.search(r"['’]s?$", words[-1])):
        return False  # 'said on NBC's "Meet the Press"' names a show
    return len(words) <= 3 or (len(words) <= FRAGMENT_DISTANCE and "that" in words)


def _has_object(between: str) -> bool:
    """Whether words other than adverbs stand between a verb and a quotation."""
    return any(not _adverb(w.strip(",")) for w in between.split() if w.strip(","))


def _shares_subject(text: str, verb: Match) -> bool:
    """Whether a verb's subject is the earlier verb's: after "and" ("X called … and told …")
    or as a participle ("X accused Y, saying …")."""
    words = [w for w in text[: verb.start].split() if w not in _SKIPPED and not _adverb(w)]
    return verb.text.endswith("ing") or (bool(words) and words[-1] == "and")


def _passive(text: str, verb: Match) -> bool:
    """A passive ("described by the White House", "was announced") attributes nothing to its
    subject; after an article the word is no verb ("a written statement")."""
    before = text[: verb.start].split()
    after = text[verb.end :].lstrip()
    return after.startswith("by ") or (bool(before) and before[-1].lower() in _BE | _ARTICLES)


def _last_speaker(
    speaker: _Speaker, first: Piece, previous: tuple[tuple[Piece, ...], _Speaker] | None
) -> _Speaker:
    """An unresolved "he" or "she" right after a named person's quote is that person: news
    writing names a speaker, then keeps quoting them as "he said"."""
    if (
        previous is None
        or previous[1].kind != "person"
        or previous[1].text.lower()
        in (
            "he",
            "she",
        )
    ):
        return speaker
    if previous[0][-1].index < first.index - 1:
        return speaker
    return _Speaker(previous[1].text, "person", speaker.verb, speaker.verb_match)


def _with_verb(speaker: _Speaker, verb: Match, text: str) -> _Speaker:
    """A coordinated verb's speaker ("X called … and told …") with the nearer verb."""
    return _Speaker(speaker.text, speaker.kind, _verb_text(text, verb), verb)


def _speaker_span(
    text: str, region_start: int, verb: Match, quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """Character span of the speaker of `verb`: its subject, or the phrase after it when the
    verb is "according to" or follows a comma or quotation ("…," said X)."""
    items = list(_ITEM.finditer(text, region_start, verb.start))
    if verb.text.endswith("ing"):
        return None
    if verb.term != "according to":
        subject = _subject(text, items, quoted)
        if subject is not None:
            return subject
        before = text[region_start : verb.start].rstrip()
        if before and before[-1] not in ",:" and before[-1] not in QUOTE_MARKS:
            return None
        if verb.term in ("tell", "told reporters"):
            return None
    return _after_verb(text, verb.end)


def _subject(
    text: str, items: list[re.Match[str]], quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The noun phrase right before a verb, skipping auxiliaries and adverbs. After
    "X, appositive," the verb's subject is X."""
    i = len(items) - 1
    while i >= 0 and (items[i].group() in _SKIPPED or _adverb(items[i].group())):
        i -= 1
    if i >= 0 and items[i].group() == ",":
        start = items[0].start()
        return _apposition(text, start, items[i].start(), quoted) or _before_comma(
            text, [item for item in items if item.start() < items[i].start()], quoted
        )
    return _noun_phrase(items, i)


def _before_comma(
    text: str, items: list[re.Match[str]], quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The first noun phrase standing alone between commas: "An Israeli official, speaking
    on condition of anonymity, said"; "On Tuesday, the minister, who …, said"."""
    for i, item in enumerate(items):
        if item.group() != "," or quoted(item.start()):
            continue
        span = _noun_phrase(items, i - 1)
        if span is None:
            continue
        before = [w.group() for w in items if w.end() <= span[0]]
        first = text[span[0] : span[1]].split()[0].lower()
        if (not before or before[-1] == ",") and first not in _LEADING_ADVERBS | _PREPOSITIONS:
            return span
    return None


def _noun_phrase(items: list[re.Match[str]], end: int) -> tuple[int, int] | None:
    """The noun phrase ending with item `end`, read backwards to a boundary."""
    i = end
    while i >= 0 and _np_word(items[i].group()) and end - i < MAX_SPEAKER_WORDS:
        i -= 1
    words = items[i + 1 : end + 1]
    if not words:
        return None
    if words[0].group().lower() in _PREPOSITIONS:
        words = _trailing_name(words)
    while len(words) > 1 and words[0].group().lower() in _LEADING_ADVERBS:
        words = words[1:]
    cut = [n for n, word in enumerate(words) if n > 0 and word.group() in _CIRCUMSTANCE]
    words = words[: cut[0]] if cut else words
    if not words or all(word.group().lower() in _DETERMINERS for word in words):
        return None
    return words[0].start(), words[-1].end()


def _apposition(
    text: str, start: int, comma: int, quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The first name followed by a comma, not after a preposition, of two words or more
    unless it opens a clause: the subject of "Robert F. Bauer, the White House counsel,
    said" or "Asked about it, Trump, who placed second, said"."""
    for match in _NAME.finditer(text, start, comma):
        words = match.group().split()
        before = re.findall(r"\w[\w'’\-]*", text[start : match.start()])
        if before and before[-1].lower() in _PREPOSITIONS:
            continue
        if quoted(match.start()):
            continue
        opens_clause = not before or text[start : match.start()].rstrip().endswith(",")
        if words[0].lower() in _LEADING_FUNCTION or (len(words) < 2 and not opens_clause):
            continue
        if re.match(rf"(?:\s+of\s+{_CAP})?,", text[match.end() :]):
            return match.start(), match.end()
    return None


def _trailing_name(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The capitalised words ending a phrase that began with a preposition."""
    tail: list[re.Match[str]] = []
    for word in reversed(words):
        if not word.group()[:1].isupper():
            break
        tail.insert(0, word)
    return tail


def _after_verb(text: str, position: int) -> tuple[int, int] | None:
    """The phrase after an inverted verb: "said a former Israeli diplomat, …"."""
    words: list[re.Match[str]] = []
    for item in _ITEM.finditer(text, position):
        word = item.group()
        if word in QUOTE_MARKS:
            return None  # 'said Mr. Scotto was "not man enough"': a clause, not a speaker
        if not _np_word(word.rstrip(".")) or word in _FORWARD_STOPS:
            break
        words.append(item)
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", word):
            break
        if len(words) >= MAX_SPEAKER_WORDS:
            return None
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    while end > start and text[end - 1] == "." and not re.search(r"[A-Z]\.$", text[start:end]):
        end -= 1
    named = _NAME.match(text, end + 2) if text[end : end + 2] == ", " else None
    if named and not _head(text[start:end])[:1].isupper() and len(named.group().split()) > 1:
        return named.start(), named.end()
    return start, end


def _np_word(word: str) -> bool:
    return bool(word) and (word[0].isalnum()) and word.lower() not in _BOUNDARY_WORDS


def _adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4


def _head(phrase: str) -> str:
    """The phrase's head word: the last before a preposition or relative ("spokesperson" in
    "a spokesperson for the ministry"), possessive "'s" removed."""
    words = phrase.split()
    for i, word in enumerate(words):
        if i > 0 and word in _HEAD_ENDS:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return re.sub(r"['’]s?$", "", head).rstrip(",.")


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", phrase.strip())


def _verb_text(text: str, verb: Match) -> str:
    """The verb as written, with the author as its object when it names them ("told this
    author")."""
    rest = text[verb.end :].lstrip()
    for obj in _AUTHOR_OBJECTS:
        if re.match(rf"{obj}\b", rest, re.IGNORECASE):
            return f"{verb.text} {rest[: len(obj)]}"
    return verb.text


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`/`end` without surrounding spaces and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(text.split())


def _without_overlaps(found: Iterable[tuple[int, Match]]) -> tuple[Match, ...]:
    """Matches in document order, a longer one winning over any it overlaps."""
    ordered = sorted(found, key=lambda f: (f[0], f[1].start, -(f[1].end - f[1].start)))
    kept: list[tuple[int, Match]] = []
    for index, match in ordered:
        if kept and kept[-1][0] == index and match.start < kept[-1][1].end:
            continue
        kept.append((index, match))
    return tuple(match for _, match in kept)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, dict) else {}


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)
