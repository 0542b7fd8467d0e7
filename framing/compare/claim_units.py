"""What a claim can be: a sentence, one clause of it, or two adjacent sentences.

News packs several facts into one sentence ("The Kremlin refrained from condemning Hamas,
while Putin waited ten days to call Netanyahu") and spreads one fact over two ("Putin called
Netanyahu on Monday. It was their first call since the attack."). Another outlet may report
one clause alone, or the fact in one sentence; a sentence-to-sentence score dilutes both. So
each sentence is also offered as its clauses, when it joins full clauses, and with the next
sentence of its article, and the aligner scores whichever pair of units fits best.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from framing.analyse.words import WORD, verb_lemma

CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:while|but|whereas|and)\s)|\s+(?=and\s)")
"""Where a sentence may join two clauses: a semicolon, ", while", ", but", ", whereas",
", and", " and". A break counts only when both sides are full clauses (see `_is_clause`);
after a bare " and" the next clause must open with its verb ("… and has instead blamed
Israel", "… and refused to send weapons"), since "Israel and Hamas" joins names."""


@dataclass(frozen=True)
class ClauseRules:
    """What makes a stretch of a sentence a clause (`[clauses]` in align.toml)."""

    min_words: int  # words each part of a clause or a window needs ("He added:" has none)
    verbs: frozenset[str]  # words that make a stretch a clause ("… and Russia has …")
    adverbs: frozenset[str]  # may stand between "and" and its clause's verb ("and then")


@dataclass(frozen=True)
class ClaimUnit:
    """A stretch of one article that may carry a claim: `sentence_ids` are its sentences (two
    when it spans adjacent ones), `text` their text joined by a space, and `start`/`end` the
    claim's characters within `text` (all of it, unless the unit is one clause)."""

    sentence_ids: tuple[str, ...]
    text: str
    start: int
    end: int
    coverage: tuple[tuple[str, int, int], ...]  # (sentence id, start, end) in that sentence

    @property
    def claim(self) -> str:
        return self.text[self.start : self.end]

    @property
    def is_clause(self) -> bool:
        return self.start > 0 or self.end < len(self.text)


def claim_units(
    ids: Sequence[str], texts: Sequence[str], rules: ClauseRules
) -> Iterator[ClaimUnit]:
    """Every unit of an article's sentences (`ids[i]` names `texts[i]`), in reading order:
    each sentence, then its clauses, then it with the next sentence. Clauses and windows
    need `rules.min_words` words in each part."""
    min_words = rules.min_words
    counts = [_words(text) for text in texts]
    for n, (sentence_id, text) in enumerate(zip(ids, texts, strict=True)):
        yield ClaimUnit((sentence_id,), text, 0, len(text), ((sentence_id, 0, len(text)),))
        yield from _clauses(sentence_id, text, rules)
        if n + 1 < len(texts) and counts[n + 1] >= min_words <= counts[n]:
            joined, following = f"{text} {texts[n + 1]}", texts[n + 1]
            coverage = ((sentence_id, 0, len(text)), (ids[n + 1], 0, len(following)))
            yield ClaimUnit((sentence_id, ids[n + 1]), joined, 0, len(joined), coverage)


def _clauses(sentence_id: str, text: str, rules: ClauseRules) -> Iterator[ClaimUnit]:
    spans = _clause_spans(text, rules)
    if len(spans) > 1:
        for start, end in spans:
            yield ClaimUnit((sentence_id,), text, start, end, ((sentence_id, start, end),))


def _clause_spans(text: str, rules: ClauseRules) -> list[tuple[int, int]]:
    """The sentence's full clauses as character spans, breaks left out. A break whose either
    side is not a full clause is no break: "Israel and Russia" joins two names, not clauses."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in CLAUSE_BREAK.finditer(text):
        left, right = text[start : found.start()], _next_part(text[found.end() :])
        bare = not found.group().strip()
        if _is_clause(left, rules, reach=len(left)) and _is_clause(right, rules, bare):
            spans.append((start, found.start()))
            start = found.end()
    spans.append((start, len(text.rstrip(' .!?"”’'))))
    return spans if len(spans) > 1 else []


def _next_part(text: str) -> str:
    """`text` up to its next possible break: the clause a break would start."""
    found = CLAUSE_BREAK.search(text, 1)
    return text[: found.start()] if found else text


def _is_clause(text: str, rules: ClauseRules, opens: bool = False, reach: int = 6) -> bool:
    """Enough words, and a verb (an inflected one or a listed one) among its first `reach`
    words after the first, or, with `opens`, right after its conjunction or one adverb
    ("and has", "and then refused")."""
    words = WORD.findall(text.lower())
    head = words[1:3] if opens else words[1 : reach + 1]
    if opens and len(head) == 2 and not head[0].endswith("ly") and head[0] not in rules.adverbs:
        head = head[:1]
    return len(words) >= rules.min_words and any(_is_verb(word, rules) for word in head)


def _is_verb(word: str, rules: ClauseRules) -> bool:
    if word in rules.verbs:
        return True
    return word.endswith("ed") and verb_lemma(word) is not None


def _words(text: str) -> int:
    return len(WORD.findall(text))
