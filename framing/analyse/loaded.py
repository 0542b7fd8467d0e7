"""Loaded language: emotive, intensifying, derogatory and partisan words, with evidence.

The words come from `framing/data/loaded.toml`, a list per class of loaded word; every match
is kept (sentence id, offsets, term, class) so a reader sees exactly what was counted. A
sentence-level verdict, `is_loaded`, adds the matches' weights (from the same file) and
compares the sum with the file's threshold: it is what benchmarks/validity.py scores against
human bias labels (BABE, BASIL), so the stated accuracy is the accuracy of this rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from framing.errors import FramingError
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, string_list
from framing.models import Match

DEFAULT_WEIGHT = 1.0
"""Weight of a list the file gives none, e.g. a category a user added."""


class LoadedLanguage:
    """Finds loaded words in an article's sentences and judges whether a sentence is loaded."""

    def __init__(self, lexicon: Lexicon) -> None:
        where = f"{lexicon.source} ({lexicon.name})"
        lists = _table(lexicon.data, "lists", where)
        categories = {name: string_list(lists, name, where) for name in lists}
        self._matcher = PhraseMatcher(
            categories, exclude=string_list(lexicon.data, "exclude", where)
        )
        weights = _table(lexicon.data, "weights", where)
        self.weights = {name: _number(weights, name, where, DEFAULT_WEIGHT) for name in lists}
        self.threshold = _number(lexicon.data, "threshold", where, DEFAULT_WEIGHT)

    def find(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Every loaded word of the sentences, in document order; category = the list name."""
        return tuple(
            match
            for sentence in sentences
            for match in self._matcher.find(sentence.tokens, sentence.text, sentence.id)
        )

    def score(self, sentence: TokenizedSentence) -> float:
        """The summed weights of the sentence's loaded words."""
        return sum(self.weights[match.category] for match in self.find([sentence]))

    def is_loaded(self, sentence: TokenizedSentence) -> bool:
        """True when the sentence's loaded words weigh at least the lexicon's threshold: one
        emotive, derogatory, partisan or dramatic word, or two half-weight intensifiers or
        doubt markers (with the built-in weights)."""
        return self.score(sentence) >= self.threshold


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise FramingError(f"{key!r} must be a table", where, f"write [{key}] on its own line")
    return value


def _number(data: Mapping[str, Any], key: str, where: str, default: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FramingError(f"{key!r} must be a number", where, f"write {key} = 1.0")
    return float(value)
