"""The label patterns' word lists, and the noun phrase every pattern reads: where it
starts and where it ends."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from framing.analyse.actor_words import (
    BLAND,
    CONNECTORS,
    DETERMINERS,
    MAX_WORDS,
    SentenceWords,
)
from framing.analyse.noun_phrases import (
    core_end,
    describes,
)


@dataclass(frozen=True)
class LabelLexicon:
    """The lexicon's word lists that the label patterns test, every inflection included."""

    heads: frozenset[str]  # label head nouns, inflected: "group", "groups"
    head_bases: frozenset[str]  # the same as written, for a head before a name
    after_name: frozenset[str]  # "Hamas terrorists"
    after_adjective: frozenset[str]  # "the Syrian regime"
    epithet_heads: frozenset[str]  # "the militant group"
    naming: frozenset[str]  # verbs of naming: "designated Hamas a terrorist organization"
    as_object: frozenset[str]  # "regards Russia as an aggressor"
    as_subject: frozenset[str]  # "Russia has emerged as a power broker"
    institution_words: frozenset[str]  # "Assad regime forces" names an institution
    groups: frozenset[str]  # actors of kind "group"
    canonical: Mapping[str, str]  # actor -> its first alias ("Putin's Russia")


def phrase(
    lex: LabelLexicon, sentence: SentenceWords, start: int, closing: bool
) -> tuple[int, int] | None:
    """The noun phrase from word `start` if its head is a label head, trimmed to length;
    `closing`: it must end at punctuation (an apposition), not run into a verb."""
    end = core_end(sentence, start)
    head = sentence.words[end - 1]
    if head.possessive or not head.lowercase or head.lower not in lex.heads:
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
        of_end = core_end(sentence, end + 1)
        if of_end - start <= MAX_WORDS:
            return start, of_end - 1
    return start, end - 1


def start_back(lex: LabelLexicon, sentence: SentenceWords, j: int) -> int:
    """The first word of the noun phrase whose word `j` is the head: back over words that
    can modify a noun ("jihadist", "rebel", "Iran-backed"), at most four, to a determiner
    or possessive (included) if one comes first."""
    i = j
    while i > 0 and j - i < 4 and not sentence.punct(i):
        word = sentence.words[i - 1]
        if word.lower in DETERMINERS or word.possessive:
            return i - 1
        known = word.lower in BLAND or word.base in lex.heads or word.base in lex.after_name
        if not (describes(word) or known):
            break
        i -= 1
    return i
