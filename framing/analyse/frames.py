"""Frames: the 15 Media Frames Corpus dimensions, found from cue words and scored per text.

A frame is the angle a text takes on an issue (Boydstun et al. 2014; Card et al. 2015). We find
it the transparent way: each dimension has a list of cue words and phrases in
`framing/data/frames.toml`, every cue found is kept as evidence, and a frame counts as present
when a text holds at least `threshold` of its cues (Field et al. 2018 used 3 per document).

Section headings are skipped: they restate the prose below them, and the rate's denominator
(the prose words the caller passes) leaves them out too, so counting their cues would inflate
every rate of a text with many headings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from framing.errors import FramingError
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, string_list
from framing.models import FrameScore, Match


@dataclass(frozen=True)
class FrameDefinition:
    """One frame dimension as the lexicon defines it: for scoring and the methodology."""

    key: str  # e.g. "security_defense"
    label: str  # e.g. "Security and defense"
    definition: str  # the codebook's idea, paraphrased
    cues: tuple[str, ...]


class FrameCues:
    """Finds frame cues in an article's sentences and scores any subset of the matches.

    Finding and scoring are separate so that one `find` per article serves both the whole
    article and each topic's sentences: the caller filters the matches by sentence id and
    calls `score` again with that subset's word count.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        where = _where(lexicon)
        self.frames = _definitions(lexicon.data, where)
        self.threshold = _positive_int(lexicon.data, "threshold", where)
        self.dominant = _positive_int(lexicon.data, "dominant", where)
        self._labels = {frame.key: frame.label for frame in self.frames}
        self._matcher = PhraseMatcher(
            {frame.key: frame.cues for frame in self.frames},
            exclude=string_list(lexicon.data, "exclude", where),
        )

    def find(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Every cue in the prose sentences, in document order; `category` is the frame key.

        A cue listed under two frames gives one match for each."""
        return tuple(
            match
            for sentence in sentences
            if not sentence.heading
            for match in self._matcher.find(sentence.tokens, sentence.text, sentence.id)
        )

    def score(
        self, matches: Sequence[Match], words: int
    ) -> tuple[tuple[FrameScore, ...], tuple[str, ...]]:
        """All frames in codebook order, and the keys of the dominant ones, strongest first.

        Args:
            matches: cue matches from `find`, all of a text's or a subset (one topic's).
            words: prose words of the same text or subset: the rate's denominator.

        Returns:
            One `FrameScore` per frame (matches of unknown frames are ignored), and the keys of
            at most `dominant` present frames, by count; ties go to the earlier frame.
        """
        grouped: dict[str, list[Match]] = {frame.key: [] for frame in self.frames}
        for match in matches:
            if match.category in grouped:
                grouped[match.category].append(match)
        scores = tuple(self._score(key, tuple(found), words) for key, found in grouped.items())
        ranked = sorted((s for s in scores if s.present), key=lambda s: -s.count)  # stable
        return scores, tuple(s.key for s in ranked[: self.dominant])

    def _score(self, key: str, matches: tuple[Match, ...], words: int) -> FrameScore:
        count = len(matches)
        return FrameScore(
            key=key,
            label=self._labels[key],
            count=count,
            per_1000=round(count * 1000 / words, 2) if words > 0 else 0.0,
            present=count >= self.threshold,
            matches=matches,
        )


def _where(lexicon: Lexicon) -> str:
    return "framing/data/frames.toml" if lexicon.source == "built-in" else lexicon.source


def _definitions(data: Mapping[str, Any], where: str) -> tuple[FrameDefinition, ...]:
    """The `[frame.<key>]` tables in file order, which is the codebook's order."""
    tables = data.get("frame")
    if not isinstance(tables, dict) or not tables:
        raise FramingError("no [frame.<key>] tables", where, "see framing/data/frames.toml")
    return tuple(_definition(key, table, where) for key, table in tables.items())


def _definition(key: str, table: Any, where: str) -> FrameDefinition:
    if not isinstance(table, dict):
        raise FramingError(f"frame.{key} must be a table", where, f"write [frame.{key}]")
    label, definition = table.get("label"), table.get("definition", "")
    if not isinstance(label, str) or not label.strip():
        raise FramingError(f"frame {key!r} has no label", where, 'add label = "…"')
    if not isinstance(definition, str):
        raise FramingError(f"frame {key!r}: definition must be text", where, 'definition = "…"')
    cues = string_list(table, "cues", f"{where} [frame.{key}]")
    return FrameDefinition(key, label.strip(), definition.strip(), cues)


def _positive_int(data: Mapping[str, Any], name: str, where: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FramingError(f"{name} must be a whole number of 1 or more", where, f"{name} = 3")
    return value
