"""Indirect speech: the clause a reporting verb reports when no quotation marks hold it.

News reports speech indirectly at least as often as it quotes ("Sestak said Clinton had
offered him a post", "…, police officials said", "according to Reuters, …"), so who an article
lets speak is read from these clauses too. The reading is by position, in English news
convention, without a parser:
- forward: the verb, then within a few words "that" or a question word ("announced Sunday
  that …", "questioned why …"); or, for verbs that report a bare clause ("said", "argued"),
  a finite verb close after it ("said Mr. Clinton had conveyed …");
- back: `…, X said.` or `…, said X.`: the clause before the comma, when nothing but
  circumstance follows the speaker;
- "according to X": the clause before it, or after it and its comma.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from framing.analyse.quotation import QUOTE_MARKS
from framing.analyse.sourcing_lexicon import SourcingLexicon
from framing.analyse.speaker_phrases import wordset
from framing.models import Match

CLAUSE_WINDOW = 8
"""Words after a verb within which its clause must open: "told Fox News on Wednesday that"."""
MIN_CLAUSE_WORDS = 3
"""A reported clause this short is no report ("said so", "she said, too")."""
TAIL_WORDS = 6
"""Words after a post-posed speaker that are still circumstance ("…, he said on Tuesday.")."""
FINITE = wordset(
    "is are was were will would has have had can could should may might must did does do am "
    "isn't aren't wasn't weren't won't wouldn't hasn't haven't hadn't can't couldn't "
    "shouldn't didn't doesn't don't"
)
"""Finite verbs that show a clause has begun; past forms in -ed are recognised apart."""
_QUESTIONS = wordset("whether why how what if")
QUESTION_DISTANCE = 2
"""A question word opens a reported question only this close: "asked reporters whether";
further on, "if" is a condition ("threatened to strip it of its funding if …")."""
_BOUNDARIES = wordset("as when while and but because after before although though since until")
_WORD = re.compile(r"[\w'’\-]+|[^\w\s]")

Span = tuple[int, int]


def reported_clause(
    text: str,
    verb: Match,
    speaker: Span,
    lexicon: SourcingLexicon,
    quoted: Callable[[int], bool],
) -> tuple[int, int, str] | None:
    """(start, end, form) of the clause `verb` reports in `text`, or None; `speaker` is
    where its speaker is written."""
    if verb.term == "according to":
        found = _according_to(text, verb, speaker)
        return None if found is None else (*found, "according_to")
    if verb.term in lexicon.no_clause or _is_clause(text[speaker[0] : speaker[1]]):
        return None  # naming, not saying; or "That Putin has chosen a side suggests …"
    forward = _forward(text, verb, speaker, lexicon.bare_clause, quoted)
    found = forward or _preceding(text, verb, speaker, quoted)
    return None if found is None else (*found, "indirect")


def is_finite(word: str, position: int) -> bool:
    """Whether a word shows a clause: an auxiliary or modal, or a past form in -ed after the
    clause's first word ("Mr. Clinton had conveyed", "LePage threatened")."""
    lowered = word.lower().replace("’", "'")
    return lowered in FINITE or (position > 0 and word.islower() and lowered.endswith("ed"))


def _forward(
    text: str,
    verb: Match,
    speaker: Span,
    bare_verbs: frozenset[str],
    quoted: Callable[[int], bool],
) -> Span | None:
    """The clause after the verb, opened by "that", a question word close after it, or a
    finite verb; an infinitive ("threatened to file", "told him to leave") is no clause.
    Quoted words are passed over: they may be a fragment inside the clause."""
    start = max(verb.end, speaker[1]) if speaker[0] > verb.start else verb.end
    bare = verb.term in bare_verbs
    words = [w for w in _WORD.finditer(text, start) if not quoted(w.start())]
    for n, item in enumerate(words[:CLAUSE_WINDOW]):
        word = item.group().lower()
        if word == ";" or (word == "to" and not any(w.group().endswith("ing") for w in words[:n])):
            return None
        if word == "that" or (word in _QUESTIONS and n <= QUESTION_DISTANCE):
            return _to_end(text, item.end() if word == "that" else item.start())
        if word == "," or word in _BOUNDARIES:
            bare = False
        if bare and is_finite(item.group(), n):
            return _to_end(text, words[0].start())
    return None


def _preceding(text: str, verb: Match, speaker: Span, quoted: Callable[[int], bool]) -> Span | None:
    """`…, X said.` / `…, said X.`: the clause before the comma, when only circumstance
    follows the speaker and verb; a quotation there is direct speech, not this."""
    head = min(verb.start, speaker[0])
    before = text[:head].rstrip()
    if not before.endswith(",") or len(before) < 2 or before[-2] in QUOTE_MARKS:
        return None
    if quoted(len(before) - 2):
        return None
    tail = text[max(verb.end, speaker[1]) :].strip().rstrip(".!?")
    tail_words = [] if tail.startswith(",") else tail.split()  # ", the counsel": apposition
    if len(tail_words) > TAIL_WORDS or any(is_finite(w, 1) for w in tail_words):
        return None
    words = before.split()
    if not any(is_finite(word, n) for n, word in enumerate(words)):
        return None  # "In March 2022, the Assembly demanded …": a circumstance, no clause
    return _clause(text, 0, len(before) - 1)


def _is_clause(phrase: str) -> bool:
    return any(word.lower() in FINITE for word in phrase.split())


def _according_to(text: str, verb: Match, speaker: Span) -> Span | None:
    """The clause "according to X" sources: before it ("…, according to X") or after it
    ("According to X, …")."""
    before = text[: verb.start].rstrip()
    if before.endswith(","):
        found = _clause(text, 0, len(before) - 1)
        if found is not None:
            return found
    after = text[speaker[1] :]
    if not after.lstrip().startswith(","):
        return None
    return _to_end(text, speaker[1] + after.index(",") + 1)


def _to_end(text: str, start: int) -> Span | None:
    end = len(text.rstrip())
    while end > start and text[end - 1] in ".!?":
        end -= 1
    return _clause(text, start, end)


def _clause(text: str, start: int, end: int) -> Span | None:
    """(start, end) trimmed of spaces, or None when too short to report anything."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if len(text[start:end].split()) >= MIN_CLAUSE_WORDS else None
