"""Where the direct quotations are: one reading, shared by every measure, of which words are
a speaker's and which are the author's own voice.

Sourcing attributes the quotations; stance, genre and the author's voice skip their words;
actor labels inside them are flagged. Reading them once keeps the measures consistent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from framing.lexicon import TokenizedSentence

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'
QUOTE_MARKS = frozenset(f"{OPENERS}{CLOSERS}{STRAIGHT}")
MAX_QUOTE_SENTENCES = 8
"""A quotation still open after this many sentences is a stray mark: it is dropped."""
_PARAGRAPH = re.compile(r"p(\d+)-s\d+")

Span = tuple[int, int]


@dataclass(frozen=True)
class Piece:
    """The quoted words of one quotation inside one sentence (marks excluded)."""

    index: int  # the sentence's position in the article
    start: int
    end: int


def quotations(sentences: Sequence[TokenizedSentence]) -> tuple[tuple[Piece, ...], ...]:
    """Every quotation as its pieces, one per sentence it spans, in document order.

    A quotation left open runs on through its paragraph, and into the next paragraph only if
    that one opens with a quotation mark (news style reopens a long quotation at each
    paragraph); otherwise the mark was stray and nothing is quoted. Every measure asks for
    the same article's quotations, so the last few articles' are kept."""
    return _quotations(tuple((s.id, s.text) for s in sentences))


@lru_cache(maxsize=4)
def _quotations(sentences: tuple[tuple[str, str], ...]) -> tuple[tuple[Piece, ...], ...]:
    found: list[tuple[Piece, ...]] = []
    carried: list[Piece] = []
    for index, (_, text) in enumerate(sentences):
        open_at: int | None = None
        if carried:
            open_at, carried = _carry(sentences, index, carried)
        for position, char in enumerate(text):
            if char in OPENERS or (char == STRAIGHT and open_at is None):
                open_at = position + 1 if open_at is None else open_at
            elif (char in CLOSERS or char == STRAIGHT) and open_at is not None:
                found.append((*carried, Piece(index, open_at, position)))
                carried, open_at = [], None
        if open_at is not None:
            carried.append(Piece(index, open_at, len(text)))
            if len(carried) >= MAX_QUOTE_SENTENCES:
                carried = []
    return tuple(pieces for pieces in found if any(p.end > p.start for p in pieces))


def quoted_spans(sentences: Sequence[TokenizedSentence]) -> dict[str, tuple[Span, ...]]:
    """Per sentence id, the character spans of its quoted words, marks included."""
    spans: dict[str, list[Span]] = {s.id: [] for s in sentences}
    for pieces in quotations(sentences):
        for piece in pieces:
            text = sentences[piece.index].text
            start = piece.start - 1 if text[piece.start - 1 : piece.start] in QUOTE_MARKS else 0
            closed = text[piece.end : piece.end + 1] in QUOTE_MARKS
            spans[sentences[piece.index].id].append((start, piece.end + closed))
    return {sentence_id: tuple(found) for sentence_id, found in spans.items()}


def _carry(
    sentences: Sequence[tuple[str, str]], index: int, carried: list[Piece]
) -> tuple[int | None, list[Piece]]:
    """Where a quotation left open continues in sentence `index`: from its start in the same
    paragraph, after the opening mark of a new paragraph, or nowhere (the mark was stray)."""
    sentence_id, text = sentences[index]
    if _paragraph(sentence_id) == _paragraph(sentences[index - 1][0]):
        return 0, carried
    stripped = text.lstrip()
    if stripped[:1] in (*OPENERS, STRAIGHT):
        return len(text) - len(stripped) + 1, carried
    return None, []


def _paragraph(sentence_id: str) -> str:
    match = _PARAGRAPH.fullmatch(sentence_id)
    return match.group(1) if match else sentence_id
