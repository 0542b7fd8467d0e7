"""Where a reporting verb's speaker is written: its subject, or the words after it inverted."""

from __future__ import annotations

import re
from collections.abc import Callable

from framing.analyse.quotation import QUOTE_MARKS
from framing.models import Match

MAX_SPEAKER_WORDS = 12
"""Words a speaker phrase may span: a longer run after an inverted verb is a clause."""


def wordset(words: str) -> frozenset[str]:
    """The words of a space-separated list: long grammar-word lists read best as prose."""
    return frozenset(words.split())


_ITEM = re.compile(r"[^\W_][\w'’\-]*\.?|[^\w\s]")
"""Words (with an abbreviation's dot: "Mr.", "U.") and single punctuation marks."""
_CAP = r"[A-Z][\w'’\-]*[a-z][\w'’\-]*"
NAME = re.compile(
    rf"(?:[A-Z][a-z]{{0,3}}\.|{_CAP})"
    rf"(?:\s+(?:{_CAP}|[A-Z]\.|(?:al|el|bin|ibn|van|von|de|da|Abu)\b-?))*(?<=[a-z])"
)
"""A run of capitalised words ending in one with lower-case letters, after any abbreviated
title ("Mr. Sestak", "Rep. Darrell Issa"): a candidate name."""
_COMMA_AFTER_NAME = re.compile(rf"(?:\s+of\s+{_CAP}(?:\s+{_CAP})*)?,")
"""What closes a name in apposition: a comma, after any "of" phrase ("X of Y, …")."""
_WORD_BEFORE = re.compile(r"\w[\w'’\-]*")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")
"""A word whose dot does not end the phrase: initials ("U.S.") or a title ("Mr.")."""
_INITIAL_DOT = re.compile(r"[A-Z]\.$")
POSSESSIVE_END = re.compile(r"['’]s?$")
"""A possessive ending ("'s", "’") at the end of a word."""

_BOUNDARY_WORDS = wordset(
    "that which who whom whose and but or nor while when as after before because if although "
    "though since where so than to not whether once until"
)
SKIPPED = wordset(
    "has have had was were is are also further later then once again would will did does do "
    "even instead first had never often always still just has"
)
PREPOSITIONS = wordset(
    "in on at during after before with from by under over for following amid since of"
)
_CIRCUMSTANCE = wordset(
    "on in at during last this yesterday today tonight earlier later again over with into "
    "about under through against like"
)
"""Words that end a speaker phrase: "Mr. Obama on Thursday said" is spoken by Mr. Obama."""
_RELATIVES = wordset("who that which")
_APPOSITION_ENDS = frozenset(",—–-")
"""What closes an apposition before its verb: "X, a retired profiler …, told" or "— told"."""
_DETERMINERS = wordset("the a an this that these those his her its their our my")
_HEAD_ENDS = wordset("of for to at in from with among on by who which that")
_LEADING_FUNCTION = wordset(
    "on in at during after before the a an but and as since when while for with from by last "
    "this that one some many earlier later meanwhile however still yet according speaking "
    "then thus indeed yesterday today now instead moreover also separately first finally "
    "asked"
)
_LEADING_ADVERBS = wordset(
    "then however meanwhile still yet thus indeed now instead also and but so later earlier"
)
_FORWARD_STOPS = wordset(
    "who which that speaking in on at during adding as when while after before because told "
    "according by"
)


def speaker_span(
    text: str, region_start: int, verb: Match, quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """Character span of the speaker of `verb`: its subject, or the phrase after it when the
    verb is "according to" or follows a comma or quotation ("…," said X)."""
    items = list(_ITEM.finditer(text, region_start, verb.start))
    if verb.text.endswith("ing"):
        return None
    if verb.term != "according to":
        subject = _subject(text, items, quoted)
        if subject is not None:
            return subject
        before = text[region_start : verb.start].rstrip()
        if before and before[-1] not in ",:" and before[-1] not in QUOTE_MARKS:
            return None
        if verb.term in ("tell", "told reporters"):
            return None
    return _after_verb(text, verb.end)


def _subject(
    text: str, items: list[re.Match[str]], quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The noun phrase right before a verb, skipping auxiliaries and adverbs. After
    "X, appositive," the verb's subject is X."""
    i = len(items) - 1
    while i >= 0 and (items[i].group() in SKIPPED or is_adverb(items[i].group())):
        i -= 1
    if i > 0 and items[i].group() in _RELATIVES:
        i -= 1  # "groups that argue": the relative's antecedent speaks
    if i >= 0 and items[i].group() in _APPOSITION_ENDS:
        start = items[0].start()
        return _apposition(text, start, items[i].start(), quoted) or _before_comma(
            text, [item for item in items if item.start() < items[i].start()], quoted
        )
    return _noun_phrase(items, i)


def _before_comma(
    text: str, items: list[re.Match[str]], quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The first noun phrase standing alone between commas: "An Israeli official, speaking
    on condition of anonymity, said"; "On Tuesday, the minister, who …, said"."""
    for i, item in enumerate(items):
        if item.group() != "," or quoted(item.start()):
            continue
        span = _noun_phrase(items, i - 1)
        if span is None:
            continue
        before = [w.group() for w in items if w.end() <= span[0]]
        first = text[span[0] : span[1]].split()[0].lower()
        if (not before or before[-1] == ",") and first not in _LEADING_ADVERBS | PREPOSITIONS:
            return span
    return None


def _noun_phrase(items: list[re.Match[str]], end: int) -> tuple[int, int] | None:
    """The noun phrase ending with item `end`, read backwards to a boundary."""
    i = end
    while i >= 0 and _np_word(items[i].group()) and end - i < MAX_SPEAKER_WORDS:
        i -= 1
    words = items[i + 1 : end + 1]
    if not words:
        return None
    if words[0].group().lower() in PREPOSITIONS:
        words = _trailing_name(words)
    while len(words) > 1 and words[0].group().lower() in _LEADING_ADVERBS:
        words = words[1:]
    cut = [n for n, word in enumerate(words) if n > 0 and word.group() in _CIRCUMSTANCE]
    words = words[: cut[0]] if cut else words
    if not words or all(word.group().lower() in _DETERMINERS for word in words):
        return None
    return words[0].start(), words[-1].end()


def _apposition(
    text: str, start: int, comma: int, quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The first name followed by a comma, not after a preposition, of two words or more
    unless it opens a clause: the subject of "Robert F. Bauer, the White House counsel,
    said" or "Asked about it, Trump, who placed second, said"."""
    for match in NAME.finditer(text, start, comma):
        words = match.group().split()
        before = _WORD_BEFORE.findall(text[start : match.start()])
        if before and before[-1].lower() in PREPOSITIONS:
            continue
        if quoted(match.start()):
            continue
        opens_clause = not before or text[start : match.start()].rstrip().endswith(",")
        if words[0].lower() in _LEADING_FUNCTION or (len(words) < 2 and not opens_clause):
            continue
        if _COMMA_AFTER_NAME.match(text[match.end() :]):
            return match.start(), match.end()
    return None


def _trailing_name(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The capitalised words ending a phrase that began with a preposition."""
    tail: list[re.Match[str]] = []
    for word in reversed(words):
        if not word.group()[:1].isupper():
            break
        tail.insert(0, word)
    return tail


def _after_verb(text: str, position: int) -> tuple[int, int] | None:
    """The phrase after an inverted verb: "said a former Israeli diplomat, …"."""
    words: list[re.Match[str]] = []
    for item in _ITEM.finditer(text, position):
        word = item.group()
        if word in QUOTE_MARKS:
            return None  # 'said Mr. Scotto was "not man enough"': a clause, not a speaker
        if not _np_word(word.rstrip(".")) or word in _FORWARD_STOPS:
            break
        words.append(item)
        if word.endswith(".") and not _ABBREVIATION.fullmatch(word):
            break
        if len(words) >= MAX_SPEAKER_WORDS:
            return None
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    while end > start and text[end - 1] == "." and not _INITIAL_DOT.search(text[start:end]):
        end -= 1
    named = NAME.match(text, end + 2) if text[end : end + 2] == ", " else None
    if named and not head_word(text[start:end])[:1].isupper() and len(named.group().split()) > 1:
        return named.start(), named.end()
    return start, end


def _np_word(word: str) -> bool:
    return bool(word) and (word[0].isalnum()) and word.lower() not in _BOUNDARY_WORDS


def is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4


def head_word(phrase: str) -> str:
    """The phrase's head word: the last before a preposition or relative ("spokesperson" in
    "a spokesperson for the ministry"), possessive "'s" removed."""
    words = phrase.split()
    for i, word in enumerate(words):
        if i > 0 and word in _HEAD_ENDS:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return POSSESSIVE_END.sub("", head).rstrip(",.")
