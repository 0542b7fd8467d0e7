"""Loaded language: emotive, intensifying, derogatory and partisan words, with evidence.

The words come from `framing/data/loaded.toml`, a list per class of loaded word; every match
is kept (sentence id, offsets, term, class) so a reader sees exactly what was counted. A
sentence-level verdict, `is_loaded`, adds the matches' weights (from the same file) and
compares the sum with the file's threshold: it is what benchmarks/validity.py scores against
human bias labels (BABE, BASIL), so the stated accuracy is the accuracy of this rule.

Some listed words are loaded in one sense only: "X claimed" casts doubt, but "the women's
claims" and "the lawsuit claims" are the plain nouns of legal and news writing. The file's
`[senses]` table says, per term, which neighbouring words mark the neutral sense; a match in
that sense is not counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from framing.errors import FramingError
from framing.lexicon import (
    Lexicon,
    PhraseMatcher,
    Token,
    TokenizedSentence,
    inflections,
    string_list,
)
from framing.models import Match

DEFAULT_WEIGHT = 1.0
"""Weight of a list the file gives none, e.g. a category a user added."""


@dataclass(frozen=True)
class Sense:
    """The neutral sense of one term: the word just before or just after it that marks it."""

    after: frozenset[str]  # previous word, e.g. "the", "lawsuit": "the claims" is a noun
    before: frozenset[str]  # next word, e.g. "of", "by": "claims of fraud" is a noun

    def neutral(self, previous: str, following: str) -> bool:
        return previous in self.after or following in self.before


class LoadedLanguage:
    """Finds loaded words in an article's sentences and judges whether a sentence is loaded."""

    def __init__(self, lexicon: Lexicon) -> None:
        where = f"{lexicon.source} ({lexicon.name})"
        lists = _table(lexicon.data, "lists", where)
        categories = {name: string_list(lists, name, where) for name in lists}
        self._base = {form: term for terms in categories.values() for term, form in _forms(terms)}
        self._matcher = PhraseMatcher(
            {name: [form for _, form in _forms(terms)] for name, terms in categories.items()},
            exclude=string_list(lexicon.data, "exclude", where),
        )
        self.senses = _senses(lexicon.data, where)
        weights = _table(lexicon.data, "weights", where)
        self.weights = {name: _number(weights, name, where, DEFAULT_WEIGHT) for name in lists}
        self.threshold = _number(lexicon.data, "threshold", where, DEFAULT_WEIGHT)

    def find(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Every loaded word of the sentences, in document order; category = the list name."""
        return tuple(match for sentence in sentences for match in self._in(sentence))

    def _in(self, sentence: TokenizedSentence) -> list[Match]:
        found = self._matcher.find(sentence.tokens, sentence.text, sentence.id)
        return [
            replace(m, term=self._base.get(m.term, m.term))
            for m in found
            if not self._neutral(m, sentence.tokens)
        ]

    def _neutral(self, match: Match, tokens: Sequence[Token]) -> bool:
        """True when the match's neighbours mark the neutral sense of its term."""
        sense = self.senses.get(self._base.get(match.term, match.term))
        if sense is None:
            return False
        first = next(i for i, t in enumerate(tokens) if t.start == match.start)
        last = next(i for i, t in enumerate(tokens) if t.end == match.end)
        previous = tokens[first - 1].lower if first > 0 else ""
        following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        return sense.neutral(previous, following)

    def score(self, sentence: TokenizedSentence) -> float:
        """The summed weights of the sentence's loaded words."""
        return sum(self.weights[match.category] for match in self.find([sentence]))

    def is_loaded(self, sentence: TokenizedSentence) -> bool:
        """True when the sentence's loaded words weigh at least the lexicon's threshold: one
        emotive, derogatory, partisan, dramatic or doubt word, or two half-weight
        intensifiers (with the built-in weights)."""
        return self.score(sentence) >= self.threshold


def _forms(terms: Sequence[str]) -> list[tuple[str, str]]:
    """(term, form) pairs: each term, plus regular English inflections of a one-word term
    that lemminflect's tables do not know ("lapdog" -> "lapdogs", "weaponize" ->
    "weaponized"), which would otherwise never match."""
    pairs = [(term, term) for term in terms]
    for term in terms:
        if term.isalpha() and term.islower() and inflections(term) == {term}:
            pairs.extend((term, form) for form in _regular(term))
    return pairs


def _regular(word: str) -> list[str]:
    """Plural, and for a long word ending in -e ("inflame") its -d and -ing forms; short -e
    words ("woke") are left alone, as their forms are other words ("Woking")."""
    plural = word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")
    verb = [word + "d", word[:-1] + "ing"] if word.endswith("e") and len(word) >= 6 else []
    return [plural, *verb]


def _senses(data: Mapping[str, Any], where: str) -> dict[str, Sense]:
    """The `[senses.TERM]` tables; `after_determiner = true` adds the file's `determiners`."""
    determiners = frozenset(string_list(data, "determiners", where))
    senses = {}
    for term, table in _table(data, "senses", where).items():
        place = f"{where} [senses.{term}]"
        if not isinstance(table, Mapping):
            raise FramingError("a sense must be a table", place, f"write [senses.{term}]")
        after = frozenset(w.lower() for w in string_list(table, "after", place))
        extra = determiners if table.get("after_determiner", False) is True else frozenset()
        before = frozenset(w.lower() for w in string_list(table, "before", place))
        senses[term] = Sense(after | extra, before)
    return senses


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
