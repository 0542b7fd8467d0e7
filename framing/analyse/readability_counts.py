"""The counts textstat's readability formulas read, with each word's syllables counted once.

textstat 0.7.8's formulas each take the whole text and count it again: its syllable counter
runs over every word for the reading ease and grade, again word by word for SMOG's
polysyllables, and twice more in the difficult-word checks of the fog and Dale–Chall, and its
own caches (128 entries) are far smaller than an article's vocabulary. Here the prose is split
into textstat's word list once (`list_words`), each distinct word goes through textstat's own
`count_syllables` and `is_difficult_word` once (cached across articles), and the formulas in
`readability` read the totals.

The other counts are textstat's definitions over that one word list, without its further
passes over the text: in Python's regular expressions `\\s` is exactly the characters
`str.split` splits at, and no character is both a space and a word character (`\\w`).
`tests/test_readability_counts.py` checks both over every code point, and each count against
textstat's own function.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from textstat.backend import counts, selections, validations

WORD_CACHE = 1 << 16
"""Distinct words (with their language) kept, about 30 MB when full: an article has a few
hundred, 2,000 news articles 61,000, and an evicted word, rare by then, costs only its recount."""
EASY_ONLY = 0
"""Dale–Chall's syllable threshold in textstat: any word off its easy-word list is difficult."""
POLYSYLLABLE = 3
"""SMOG's polysyllables in textstat: three syllables or more."""
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
"""textstat's sentence regex (`count_sentences`): a run up to and through its end marks."""
WORD_CHARACTER = re.compile(r"\w", re.UNICODE)
"""What survives textstat's punctuation removal, besides the apostrophes of contractions."""


@dataclass(frozen=True, slots=True)
class ProseCounts:
    """What the formulas need of one text, as textstat counts it."""

    words: int  # count_words: punctuation removed, contractions and hyphenations one word
    sentences: int  # count_sentences: fragments of two words or fewer are not counted
    syllables: int  # count_syllables over the whole text
    polysyllables: int  # count_polysyllable_words
    letters: int  # count_letters: no spaces, no punctuation, no apostrophes
    characters: int  # count_chars(ignore_spaces=True): punctuation included
    tokens: int  # count_words(rm_punctuation=False): what ARI divides the characters by
    fog_difficult: int  # count_difficult_words at the fog's threshold (0 outside English)
    unfamiliar: int  # count_difficult_words at threshold 0, Dale–Chall's (0 outside English)


class WordCounts(NamedTuple):
    """One word's share of the counts; summed over the words, the text's."""

    syllables: int
    polysyllables: int  # 1 if the word has three syllables or more
    letters: int
    fog_difficult: int
    unfamiliar: int


def count_prose(prose: str, locale: str, fog_threshold: int | None) -> ProseCounts:
    """The counts of `prose` in textstat's `locale`; the difficult words only given the fog's
    `fog_threshold`, which textstat has for English alone."""
    words = selections.list_words(prose)
    tokens = prose.split()
    totals = _word_totals(Counter(words), locale, fog_threshold)
    return ProseCounts(
        words=len(words),
        sentences=count_sentences(prose),
        syllables=totals.syllables,
        polysyllables=totals.polysyllables,
        letters=totals.letters,
        characters=sum(map(len, tokens)),
        tokens=len(tokens),
        fog_difficult=totals.fog_difficult,
        unfamiliar=totals.unfamiliar,
    )


def _word_totals(words: Counter[str], locale: str, fog_threshold: int | None) -> WordCounts:
    """Each distinct word's counts, times the times it occurs."""
    syllables = polysyllables = letters = fog_difficult = unfamiliar = 0
    for word, times in words.items():
        each = word_counts(word, locale, fog_threshold)
        syllables += each.syllables * times
        polysyllables += each.polysyllables * times
        letters += each.letters * times
        fog_difficult += each.fog_difficult * times
        unfamiliar += each.unfamiliar * times
    return WordCounts(syllables, polysyllables, letters, fog_difficult, unfamiliar)


@lru_cache(maxsize=WORD_CACHE)
def word_counts(word: str, locale: str, fog_threshold: int | None) -> WordCounts:
    """The counts of one word of textstat's word list.

    Its syllables, summed, are textstat's count over the whole text: the text's punctuation is
    already gone, so textstat removes none again, and lowercasing never adds or removes a
    space. Its letters are its characters but the apostrophes textstat kept in contractions.
    The difficult-word checks are textstat's own: it lowercases the word before counting its
    syllables, which for a few letters ("İ") changes what it counts."""
    syllables = int(counts.count_syllables(word, locale))
    fog_difficult = fog_threshold is not None and _difficult(word, fog_threshold, locale)
    unfamiliar = fog_threshold is not None and _difficult(word, EASY_ONLY, locale)
    return WordCounts(
        syllables=syllables,
        polysyllables=int(syllables >= POLYSYLLABLE),
        letters=len(word) - word.count("'"),
        fog_difficult=int(fog_difficult),
        unfamiliar=int(unfamiliar),
    )


def _difficult(word: str, threshold: int, locale: str) -> bool:
    """textstat's `is_difficult_word`."""
    return bool(validations.is_difficult_word(word, threshold, locale))


def count_sentences(prose: str) -> int:
    """textstat's `count_sentences`: the regex's fragments, less those of two words or fewer,
    and at least one for any text but the empty one."""
    if not prose:
        return 0
    fragments = SENTENCE.findall(prose)
    short = sum(1 for fragment in fragments if not _more_than_two_words(fragment))
    return max(1, len(fragments) - short)


def _more_than_two_words(fragment: str) -> bool:
    """Whether textstat's `count_words(fragment)` is over two: its punctuation removal keeps
    a token exactly when the token has a word character (an apostrophe it keeps is followed by
    one), and never splits a token."""
    found = 0
    for token in fragment.split():
        if WORD_CHARACTER.search(token):
            found += 1
            if found > 2:
                return True
    return False
