"""Who a prescription addresses: the noun phrase before its modal, or after "it is time for"."""

from __future__ import annotations

from functools import cache

from framing.analyse.stance_tokens import breaks
from framing.analyse.words import lemmas
from framing.lexicon import TokenizedSentence

CLAUSE_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "because",
        "if",
        "when",
        "whenever",
        "while",
        "although",
        "though",
        "but",
        "so",
        "since",
        "unless",
        "whether",
        "where",
        "why",
        "how",
        "what",
        "as",
        "than",
        "then",
        "until",
        "after",
        "before",
        "once",
        "yet",
        "nor",
    ]
)
"""Words that open a clause, so a subject noun phrase never reaches back past them."""

SKIPPED = frozenset(
    [
        "also",
        "now",
        "therefore",
        "thus",
        "still",
        "instead",
        "too",
        "first",
        "then",
        "rather",
        "not",
        "will",
        "would",
        "shall",
        "may",
        "might",
        "can",
        "could",
        "ll",
        "d",
        "'",
        "going",
        "to",
        "is",
        "are",
    ]
)
"""Adverbs and auxiliaries that stand between a subject and its modal ("Israel must now")."""

PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "one"])
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "any"])
MAX_SUBJECT_WORDS = 8


@cache
def _verb_only(word: str) -> bool:
    """True for words that can only be verbs ("agree", "is"): they end a subject phrase."""
    tags = set(lemmas(word))
    return bool(tags) and tags <= {"VERB", "AUX"}


@cache
def _maybe_verb(word: str) -> bool:
    return "VERB" in lemmas(word) or "AUX" in lemmas(word)


def subject_before(sentence: TokenizedSentence, i: int, verbs: frozenset[str]) -> str:
    """The noun phrase before token `i`: "Now that …, Israel should" -> "Israel". It stops
    at punctuation, a clause word, an auxiliary, or a verb (`verbs`: "I think Israel")."""
    tokens = sentence.tokens
    stops = (CLAUSE_WORDS | SKIPPED | verbs) - {"'"}
    k = i - 1
    while k >= 0 and (tokens[k].lower in SKIPPED or tokens[k].lower.endswith("ly")):
        k -= 1
    if k < 0:
        return ""
    if tokens[k].lower in PRONOUNS:
        return tokens[k].text
    first = k
    while first > 0 and k - first < MAX_SUBJECT_WORDS - 1:
        prev = tokens[first - 1].lower
        if breaks(sentence, first - 1) or prev in stops or _verb_only(prev):
            break
        first -= 1
    while first <= k and tokens[first].lower in ("and", "or", "of", "'"):
        first += 1
    return _phrase(sentence, first, k)


def addressee_after(sentence: TokenizedSentence, term: str, after: int) -> tuple[str, int]:
    """Who an impersonal prescription names: "it is time for Europe to" -> "Europe"; none in
    "it is time to act"."""
    tokens = sentence.tokens
    last = term.rsplit(" ", 1)[-1]
    if last not in ("that", "for", "on", "upon"):
        if after < len(tokens) and tokens[after].lower in ("that", "for"):
            last, after = tokens[after].lower, after + 1
        else:
            return "", after
    phrase, end = _subject_after(sentence, after)
    if last == "for" and not (end < len(tokens) and tokens[end].lower == "to"):
        return "", end  # "it is time for a change": a thing wanted, nobody told
    return phrase, end


def _subject_after(sentence: TokenizedSentence, j: int) -> tuple[str, int]:
    """The noun phrase from token `j` ("that the West acts" -> "the West") and the index
    after it. It ends at "to", punctuation, a clause word, or a verb once a noun is seen."""
    tokens = sentence.tokens
    last, head = j - 1, False
    while last + 1 < len(tokens) and last + 1 - j < MAX_SUBJECT_WORDS:
        word = tokens[last + 1]
        if word.lower in ("to", "must", "should") or word.lower in CLAUSE_WORDS:
            break
        if last >= j and breaks(sentence, last):
            break
        if head and word.text.islower() and _maybe_verb(word.lower):
            break
        head = head or word.lower not in DETERMINERS
        last += 1
    return (_phrase(sentence, j, last) if last >= j else ""), last + 1


def _phrase(sentence: TokenizedSentence, first: int, last: int) -> str:
    """The text from token `first` to token `last`, keeping an abbreviation's dot ("U.S.")."""
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    word = sentence.tokens[last].text
    if sentence.text[end : end + 1] == "." and word.isupper() and len(word) <= 2:
        end += 1
    return sentence.text[start:end]
