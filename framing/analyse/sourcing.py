"""Who an article lets speak: direct quotes and their speakers, anonymous sourcing, scare
quotes, and the author's own voice.

Sourcing is framing evidence: whose words a text quotes, whether they are named, and the verb
that introduces them ("said" reports, "claimed" distances, "admitted" concedes).

How quotes are found and attributed is `framing.analyse.attribution`'s part; this module adds
the measures that read the same quotations: scare quotes, anonymous sources, the author's voice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.analyse.attribution import (
    SCARE_QUOTE_WORDS,
    Attribution,
    count_words,
    trimmed,
    unnamed_speakers,
)
from framing.analyse.scare_quotes import is_scare_quote
from framing.analyse.sourcing_lexicon import read_sourcing_lexicon
from framing.lexicon import Lexicon, TokenizedSentence
from framing.models import Match, Quote


class Sourcing:
    """Quotes, anonymous sources, scare quotes and first-person presence, from `sourcing.toml`."""

    def __init__(self, lexicon: Lexicon, actors: Lexicon | None = None) -> None:
        """`actors` (actors.toml) lets a speaker's side be a state or group; without it,
        only the party words of `[sides]` name one."""
        self._lexicon = read_sourcing_lexicon(lexicon, actors)

    def read(self, sentences: Sequence[TokenizedSentence]) -> Attribution:
        """The article as every sourcing measure reads it (quotations, reporting verbs,
        people): read once and passed to each measure as `context`, since reading is most of
        their work and its result never changes."""
        return Attribution(self._lexicon, sentences)

    def quotes(
        self, sentences: Sequence[TokenizedSentence], context: Attribution | None = None
    ) -> tuple[Quote, ...]:
        """Every direct quotation longer than a label, with its speaker, in document order;
        `context` is `read(sentences)`, if the caller has it."""
        return (self.read(sentences) if context is None else context).quotes()

    def scare_quotes(
        self, sentences: Sequence[TokenizedSentence], context: Attribution | None = None
    ) -> tuple[Match, ...]:
        """Short quoted labels with no speaker ("a 'special operation'"), category
        "scare_quote": the writer marking words as someone else's, or as doubtful."""
        context = self.read(sentences) if context is None else context
        found = []
        for pieces in context.quotations:
            if len(pieces) > 1 or count_words(context.piece_text(pieces[0])) > SCARE_QUOTE_WORDS:
                continue
            if context.attribute(pieces, None) is not None or not is_scare_quote(
                context, pieces[0]
            ):
                continue
            piece = pieces[0]
            sentence = sentences[piece.index]
            start, end = trimmed(sentence.text, piece.start, piece.end)
            while end > start and sentence.text[end - 1] in ".;:!?":
                end -= 1
            text = sentence.text[start:end]
            found.append(Match(sentence.id, start, end, text, text.lower(), "scare_quote"))
        return tuple(found)

    def anonymous(
        self, sentences: Sequence[TokenizedSentence], context: Attribution | None = None
    ) -> tuple[Match, ...]:
        """Anonymous or vague sourcing: anonymity phrases ("speaking on condition of
        anonymity"), vague sources ("according to foreign sources"), and unnamed speakers of a
        reporting verb ("an Israeli diplomat said"). Words inside quotations are the speaker's,
        not sourcing, and are skipped."""
        context = self.read(sentences) if context is None else context
        found: list[tuple[int, Match]] = []
        for index, sentence in enumerate(sentences):
            for match in self._lexicon.anonymous.find(sentence.tokens, sentence.text, sentence.id):
                if not context.quoted(index, match.start):
                    found.append((index, match))
            found.extend((index, m) for m in unnamed_speakers(context, index))
        return _without_overlaps(found)

    def first_person(
        self, sentences: Sequence[TokenizedSentence], context: Attribution | None = None
    ) -> tuple[Match, ...]:
        """The author's own voice ("I", "my", "this author", authorial "we"), category
        "singular" or "plural"; a quoted speaker's "we" and the country "US" do not count."""
        context = self.read(sentences) if context is None else context
        first, found = self._lexicon.first_person, []
        for index, sentence in enumerate(sentences):
            for match in first.find(sentence.tokens, sentence.text, sentence.id):
                if match.text == "US" or context.quoted(index, match.start):
                    continue
                found.append(match)
        return tuple(found)


def _without_overlaps(found: Iterable[tuple[int, Match]]) -> tuple[Match, ...]:
    """Matches in document order, a longer one winning over any it overlaps."""
    ordered = sorted(found, key=lambda f: (f[0], f[1].start, -(f[1].end - f[1].start)))
    kept: list[tuple[int, Match]] = []
    for index, match in ordered:
        if kept and kept[-1][0] == index and match.start < kept[-1][1].end:
            continue
        kept.append((index, match))
    return tuple(match for _, match in kept)
