"""Measure how a text frames what it reports: every framing measure, each with its evidence.

`Measures` is built once per run from the lexicons (compiling their matchers) and measures an
article's sentences into one `Framing`; `restrict` cuts an article's `Framing` down to the
sentences on one topic, so per-topic figures are the article's own evidence, not a re-run.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from framing.analyse.actors import Actors
from framing.analyse.entities import FoundName, find_names, name_rules
from framing.analyse.frames import FrameCues
from framing.analyse.genre import author_voice, classify_genre, genre_signals
from framing.analyse.loaded import LoadedLanguage
from framing.analyse.sourcing import Sourcing
from framing.analyse.stance import Stance
from framing.analyse.tone import sentence_tone, summarise_tone
from framing.lexicon import Lexicon, TokenizedSentence
from framing.models import ActorProfile, Framing, Match


class Measures:
    """The framing measures of one run, with their lexicons loaded and compiled."""

    def __init__(self, lexicons: Mapping[str, Lexicon]) -> None:
        self.frames = FrameCues(lexicons["frames"])
        self.actors = Actors(lexicons["actors"])
        self.names = name_rules(lexicons["entities"])
        self.sourcing = Sourcing(lexicons["sourcing"], lexicons["actors"])
        self.stance = Stance(lexicons["stance"])
        self.loaded = LoadedLanguage(lexicons["loaded"])

    def measure(self, sentences: Sequence[TokenizedSentence], declared_genre: str) -> Framing:
        """Every measure of one article; `declared_genre` is what its source says, if anything."""
        prose = [s for s in sentences if not s.heading]
        words = sum(len(s.text.split()) for s in prose)
        tone_scores = {s.id: sentence_tone(s.text) for s in prose}
        loaded = self.loaded.find(sentences)
        frame_matches = self.frames.find(sentences)
        frames, dominant = self.frames.score(frame_matches, words)
        sourced = self.sourcing.read(sentences)
        quotes = self.sourcing.quotes(sentences, sourced)
        anonymous = self.sourcing.anonymous(sentences, sourced)
        first_person = author_voice(sentences, self.sourcing.first_person(sentences, sourced))
        hedges = self.stance.hedges(sentences)
        boosters = self.stance.boosters(sentences)
        prescriptions = self.stance.prescriptions(sentences)
        signals = genre_signals(
            sentences,
            words,
            quotes=quotes,
            anonymous=anonymous,
            first_person=first_person,
            prescriptions=prescriptions,
            hedges=hedges,
            boosters=boosters,
            loaded=loaded,
        )
        return Framing(
            words=words,
            frames=frames,
            dominant_frames=dominant,
            actors=self.actors.profiles(sentences, tone_scores, loaded, self._names(sentences)),
            quotes=quotes,
            anonymous_sources=anonymous,
            scare_quotes=self.sourcing.scare_quotes(sentences, sourced),
            first_person=first_person,
            hedges=hedges,
            boosters=boosters,
            prescriptions=prescriptions,
            loaded=loaded,
            tone=summarise_tone(tone_scores, tone_scores),
            genre=classify_genre(declared_genre, signals),
        )

    def _names(self, sentences: Sequence[TokenizedSentence]) -> list[FoundName]:
        """The names found in the text that may be actors: places are the story's setting
        (the lexicon's states and capitals are actors of their own)."""
        return [name for name in find_names(sentences, self.names) if name.kind != "place"]

    def restrict(self, framing: Framing, sentence_ids: Collection[str], words: int) -> Framing:
        """`framing` as measured on `sentence_ids` alone (`words` long): evidence outside them
        is dropped and rates recomputed. The genre stays the article's."""
        ids = set(sentence_ids)
        scores = dict(zip(framing.tone.sentence_ids, framing.tone.scores, strict=True))
        frames, dominant = self.frames.score(
            [m for f in framing.frames for m in f.matches if m.sentence_id in ids], words
        )
        actors = [_restrict_actor(a, ids, scores) for a in framing.actors]
        return Framing(
            words=words,
            frames=frames,
            dominant_frames=dominant,
            actors=tuple(a for a in actors if a.mentions),
            quotes=tuple(q for q in framing.quotes if q.sentence_id in ids),
            anonymous_sources=_within(framing.anonymous_sources, ids),
            scare_quotes=_within(framing.scare_quotes, ids),
            first_person=_within(framing.first_person, ids),
            hedges=_within(framing.hedges, ids),
            boosters=_within(framing.boosters, ids),
            prescriptions=tuple(p for p in framing.prescriptions if p.sentence_id in ids),
            loaded=_within(framing.loaded, ids),
            tone=summarise_tone(scores, (i for i in framing.tone.sentence_ids if i in ids)),
            genre=framing.genre,
        )


def _within(matches: Sequence[Match], ids: Collection[str]) -> tuple[Match, ...]:
    return tuple(m for m in matches if m.sentence_id in ids)


def _restrict_actor(
    actor: ActorProfile, ids: Collection[str], scores: Mapping[str, float]
) -> ActorProfile:
    mentions = _within(actor.mentions_evidence, ids)
    return ActorProfile(
        name=actor.name,
        mentions=len(mentions),
        mentions_evidence=mentions,
        labels=tuple(label for label in actor.labels if label.sentence_id in ids),
        evaluative=_within(actor.evaluative, ids),
        tone=summarise_tone(scores, (i for i in actor.tone.sentence_ids if i in ids)),
    )
