"""How a sentence reads as content words: base forms, synonyms and demonyms merged.

Key passages (one article) and shared claims (across outlets) read sentences the same way, so
the reader lives here, in the earlier stage, where both can use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from lemminflect import getAllLemmas

WORD = re.compile(r"[^\W_]+")
"""Words for the index and the scores: letters and digits; apostrophes split ("israel", "s")."""


@dataclass(frozen=True)
class WordReader:
    """The word lists of `framing/data/align.toml` that decide what a content word is."""

    stopwords: frozenset[str]
    same: Mapping[str, str]  # a word -> the word it is read as ("russian" -> "russia")

    def content_words(self, words: Iterable[str]) -> frozenset[str]:
        """The words that carry a claim, as base forms with synonyms and demonyms merged."""
        found = set()
        for word in words:
            base = lemma(word)
            base = self.same.get(base, self.same.get(word, base))
            if base not in self.stopwords and (len(base) > 2 or base.isdigit()):
                found.add(base)
        return frozenset(found)

    def sentence_content(self, text: str) -> frozenset[str]:
        """A sentence's content words exactly as the aligner reads them."""
        return self.content_words(WORD.findall(text.lower()))


@lru_cache(maxsize=65536)
def lemmas(word: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's readings of `word`: part of speech -> base forms (`getAllLemmas`). Kept,
    as lemminflect deep-copies its tables on every call and the label and name patterns ask
    about the same words over and over. Safe to keep: the answer depends on the word alone,
    and callers only read it."""
    readings: Mapping[str, tuple[str, ...]] = getAllLemmas(word)
    return readings


@cache
def lemma(word: str) -> str:
    """A lower-case word's base form: the verb reading first ("leaves" -> "leave"), then the
    noun; other readings are ignored ("better" stays, not "good"); unknown words stay."""
    readings = lemmas(word)
    for pos in ("VERB", "NOUN"):
        if pos in readings:
            return str(readings[pos][0])
    return word


@cache
def verb_lemma(word: str) -> str | None:
    """The base form of a lower-case word's verb reading, if it has one."""
    verbs = lemmas(word).get("VERB")
    return str(verbs[0]) if verbs else None


@cache
def is_known(word: str) -> bool:
    """Whether a dictionary knows the lower-case word (names it does not: "israel")."""
    return bool(lemmas(word))
