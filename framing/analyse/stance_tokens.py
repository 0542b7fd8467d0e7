"""Token tests that stance and prescriptions share: where a match sits, and what follows it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lemminflect import getInflection

from framing.analyse.quotation import Span
from framing.analyse.words import lemmas
from framing.lexicon import Token, TokenizedSentence
from framing.models import Match

BOUNDARY_MARKS = frozenset(',;:()[]—–"“”«»?!')
"""Punctuation between two words that ends a noun phrase (a "." does not: "U.S.")."""

ADVERBS = frozenset(["also", "now", "not", "still", "then", "first", "therefore", "thus", "too"])
"""Adverbs that may stand between a modal and its verb ("must also be", "should now be")."""


def unbroken(match: Match) -> bool:
    """False for a phrase matched across punctuation ("for \u201ccertain transfers\u201d")."""
    return not any(c in BOUNDARY_MARKS for c in match.text)


def inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(start <= offset < end for start, end in spans)


def token_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the token covering character `offset` (matches start and end on tokens)."""
    return next(i for i, t in enumerate(tokens) if t.start <= offset < t.end)


@cache
def _participle(word: str) -> bool:
    """True when `word` is the past participle of a verb ("given", "challenged", "been")."""
    return any(
        word in (form.lower() for form in getInflection(lemma, tag="VBN"))
        for lemma in lemmas(word).get("VERB", ())
    )


def participle_follows(tokens: Sequence[Token], j: int) -> bool:
    while j < len(tokens) and (tokens[j].lower in ADVERBS or tokens[j].lower.endswith("ly")):
        j += 1
    return j < len(tokens) and _participle(tokens[j].lower)


def breaks(sentence: TokenizedSentence, left: int) -> bool:
    """True when punctuation separates token `left` from the next one, a phrase boundary;
    the comma of "1,000" is not one."""
    one, two = sentence.tokens[left], sentence.tokens[left + 1]
    gap = sentence.text[one.end : two.start]
    if gap == "," and one.text.isdigit() and two.text.isdigit():
        return False
    return any(c in BOUNDARY_MARKS for c in gap)
