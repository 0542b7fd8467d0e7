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
_MARK = re.compile(f"[{OPENERS}{CLOSERS}{STRAIGHT}]")
"""A quotation mark, as a pattern: finding the marks is most of reading the quotations."""
MAX_QUOTE_SENTENCES = 8
"""A quotation still open after this many sentences is a stray mark: it is dropped."""
_PARAGRAPH = re.compile(r"p(\d+)-s\d+")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…'’" + CLOSERS)
"""What may follow a closing straight mark: a space, the end, punctuation, another closer."""
_BEFORE_OPEN = frozenset("([{—–-/'‘" + OPENERS)
"""What may precede an opening straight mark, besides a space or the start."""

Span = tuple[int, int]
_Since = tuple[int, int | None]
"""Where a quotation seen only by its closing mark began: the sentence holding the last mark
before it and the position after that mark, or a paragraph's first sentence and None."""


@dataclass(frozen=True)
class Piece:
    """The quoted words of one quotation inside one sentence (marks excluded)."""

    index: int  # the sentence's position in the article
    start: int
    end: int


def quotations(sentences: Sequence[TokenizedSentence]) -> tuple[tuple[Piece, ...], ...]:
    """Every quotation as its pieces, one per sentence it spans, in document order.

    A straight mark opens or closes by what surrounds it (`"Yes," he said`), so one missed
    mark does not turn every later quotation inside out. A quotation left open runs on
    through its paragraph, and into the next paragraph if that one opens with a quotation
    mark (news style reopens a long quotation at each paragraph) or if its first mark closes
    (a quotation running on without reopening); otherwise the mark was stray and nothing is
    quoted. A closing mark with no opening one quotes back to the mark before it, or to the
    start of its paragraph (sloppy transcripts: `…said. Yes, I will.”`). Doubled single
    marks (‘‘…’’) count as double marks. Every measure asks for the same article's
    quotations, so the last few articles' are kept."""
    return _quotations(tuple((s.id, _doubled(s.text)) for s in sentences))


@lru_cache(maxsize=4)
def _quotations(sentences: tuple[tuple[str, str], ...]) -> tuple[tuple[Piece, ...], ...]:
    found: list[tuple[Piece, ...]] = []
    carried: list[Piece] = []
    since: _Since = (0, None)
    for index, (_, text) in enumerate(sentences):
        continues = index > 0 and _same_paragraph(sentences, index)
        since = since if continues else (index, None)
        open_at: int | None = None
        if carried:
            open_at, carried = _carry(sentences, index, carried)
        lead = sentences[index - 1][1][-1:] if continues else ""
        for mark in _MARK.finditer(text):  # other characters neither open nor close
            position = mark.start()
            role = _role(text, position, lead)
            if role in ("open", "either") and open_at is None:
                open_at = position + 1
            elif role in ("close", "either") and open_at is not None:
                found.append((*carried, Piece(index, open_at, position)))
                carried, open_at = [], None
            elif role == "close":
                found.append(_unopened(sentences, since, index, position))
            since = (index, position + 1)
        if open_at is not None:
            carried.append(Piece(index, open_at, len(text)))
            if len(carried) >= MAX_QUOTE_SENTENCES:
                carried = []
    return tuple(pieces for pieces in found if any(p.end > p.start for p in pieces))


def _doubled(text: str) -> str:
    """`text` with doubled single marks (‘‘So it is,’’ in some house styles) read as the double
    marks they stand for, offsets kept: "‘‘" as a space and "“", "’’" as "”" and a space."""
    return text.replace("‘‘", " “").replace("’’", "” ")


def _role(text: str, position: int, lead: str = "") -> str:
    """Whether the quotation mark at `position` opens, closes, or (a straight mark that its
    neighbours do not decide) either; `lead` is the last character of the sentence before in
    the same paragraph, which a mark split off at a sentence's start follows."""
    char = text[position]
    if char in OPENERS:
        return "open"
    if char in CLOSERS:
        return "close"
    before = text[position - 1] if position else lead or " "
    after = text[position + 1] if position + 1 < len(text) else " "
    opens = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    return "open" if opens and not closes else "close" if closes and not opens else "either"


def _unopened(
    sentences: Sequence[tuple[str, str]], since: _Since, index: int, position: int
) -> tuple[Piece, ...]:
    """The pieces of a quotation that only its closing mark shows: from the mark before it in
    the same sentence, else from the sentence after the last mark, else from the paragraph's
    start, as whole sentences up to the closing mark."""
    first, after_mark = since
    if first == index and after_mark is not None:
        return (Piece(index, after_mark, position),)
    first += after_mark is not None
    whole = [Piece(i, 0, len(sentences[i][1])) for i in range(first, index)]
    return (*whole, Piece(index, 0, position))


def quoted_spans(sentences: Sequence[TokenizedSentence]) -> dict[str, tuple[Span, ...]]:
    """Per sentence id, the character spans of its quoted words, marks included."""
    spans: dict[str, list[Span]] = {s.id: [] for s in sentences}
    for pieces in quotations(sentences):
        for piece in pieces:
            text = _doubled(sentences[piece.index].text)
            start = piece.start - 1 if text[piece.start - 1 : piece.start] in QUOTE_MARKS else 0
            closed = text[piece.end : piece.end + 1] in QUOTE_MARKS
            spans[sentences[piece.index].id].append((start, piece.end + closed))
    return {sentence_id: tuple(found) for sentence_id, found in spans.items()}


def _carry(
    sentences: Sequence[tuple[str, str]], index: int, carried: list[Piece]
) -> tuple[int | None, list[Piece]]:
    """Where a quotation left open continues in sentence `index`: from its start in the same
    paragraph or in a new paragraph whose first mark closes it, after the opening mark of a
    new paragraph, or nowhere (the mark was stray)."""
    text = sentences[index][1]
    if _same_paragraph(sentences, index):
        return 0, carried
    stripped = text.lstrip()
    if stripped[:1] in (*OPENERS, STRAIGHT):
        return len(text) - len(stripped) + 1, carried
    if _first_role(sentences, index) == "close":
        return 0, carried
    return None, []


def _first_role(sentences: Sequence[tuple[str, str]], index: int) -> str:
    """The role of the first quotation mark in the paragraph that starts at sentence `index`."""
    paragraph = _paragraph(sentences[index][0])
    for sentence_id, text in sentences[index:]:
        if _paragraph(sentence_id) != paragraph:
            break
        mark = _MARK.search(text)
        if mark is not None:
            return _role(text, mark.start())
    return ""


def _same_paragraph(sentences: Sequence[tuple[str, str]], index: int) -> bool:
    """Whether sentence `index` continues the paragraph of the sentence before it."""
    return _paragraph(sentences[index][0]) == _paragraph(sentences[index - 1][0])


def _paragraph(sentence_id: str) -> str:
    match = _PARAGRAPH.fullmatch(sentence_id)
    return match.group(1) if match else sentence_id


_SINGLE = re.compile(r"(?<![^\s(\[—–-])['‘](?=\S)([^'‘’]*?[^\s'‘’])['’](?![^\W_])")
"""A single-quoted passage: its mark after a space or the start, before a word, and closed by
a mark that no letter follows (so "don't" and "Trump's" are not quotation marks)."""
_SPEAKER_LABEL = re.compile(r"(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}(?:, [A-Z ]+)?|Q|A): ")
"""A transcript's speaker label at a paragraph's start: "ARI SHAPIRO, HOST: ", "Q: "."""
_NAMED_TURN = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}(?:, [A-Z][\w.'’-]*){0,2}: ")
"""A turn's label in plain case ("Stephen, Australia: "): a speaker's only where the layout
repeats it (`_TURNS` paragraphs or more), since one alone may be a lead-in ("Update: ")."""
_TURNS = 2
_EMBED = re.compile(r"pic\.twitter\.com/|\(@\w+\)|\bhttps?://t\.co/")
"""An embedded social-media post: its picture link, its "(@handle)" signature, a short link."""
_SINGLE_WORDS = 3
"""A single-quoted passage of fewer words is a label or a title ('fake news'), not speech."""


def borrowed_spans(sentences: Sequence[TokenizedSentence]) -> dict[str, tuple[Span, ...]]:
    """Per sentence id, every span in someone else's words, quoted or not: the quotations,
    single-quoted speech ("says 'I feel badly for him.'"), block quotations (the paragraph
    after one that ends in a colon: "Trump tweeted:"), embedded posts, and a transcript's
    turns ("SHAPIRO: I think…"). The author's own voice is what is left: quoted speech of any
    length and layout is never the author's."""
    spans = {key: list(found) for key, found in quoted_spans(sentences).items()}
    for sentence in sentences:
        spans[sentence.id].extend(_single_quoted(sentence.text))
    for paragraph in _borrowed_paragraphs(sentences):
        for index in paragraph:
            spans[sentences[index].id].append((0, len(sentences[index].text)))
    return {key: tuple(sorted(found)) for key, found in spans.items()}


def _borrowed_paragraphs(sentences: Sequence[TokenizedSentence]) -> list[list[int]]:
    """The paragraphs wholly in someone else's words: `_borrowed_paragraph`'s, and the turns
    of a transcript or an interview. Where two or more paragraphs open with a speaker's label,
    the text is laid out as turns and each labelled paragraph is its speaker's; in a
    transcript (labels in capitals: "INSKEEP, HOST:") so are the unlabelled paragraphs after
    one, up to a heading, since a turn runs on over paragraphs and the reporter speaks only
    in turns of their own."""
    paragraphs = _paragraphs(sentences)
    labels = [_label(sentences[p[0]].text) for p in paragraphs]
    turns = sum(bool(label) for label in labels) >= _TURNS
    transcript = sum(label == "transcript" for label in labels) >= _TURNS
    borrowed, in_turn = [], False
    for paragraph, label in zip(paragraphs, labels, strict=True):
        heading = sentences[paragraph[0]].heading
        in_turn = transcript and (label == "transcript" or in_turn) and not heading
        if in_turn or (turns and label) or _borrowed_paragraph(paragraph, sentences):
            borrowed.append(paragraph)
    return borrowed


def _label(text: str) -> str:
    """Which speaker's label opens a paragraph: "transcript" (capitals), "named" (plain case),
    or none."""
    if _SPEAKER_LABEL.match(text):
        return "transcript"
    return "named" if _NAMED_TURN.match(text) else ""


def _single_quoted(text: str) -> list[Span]:
    return [
        (m.start(), m.end())
        for m in _SINGLE.finditer(text)
        if len(m.group(1).split()) >= _SINGLE_WORDS
    ]


def _paragraphs(sentences: Sequence[TokenizedSentence]) -> list[list[int]]:
    """The sentence indexes of each paragraph, in order (the title and dek stand alone)."""
    groups: list[list[int]] = []
    for index, sentence in enumerate(sentences):
        if groups and _paragraph(sentence.id) == _paragraph(sentences[groups[-1][-1]].id):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _borrowed_paragraph(paragraph: list[int], sentences: Sequence[TokenizedSentence]) -> bool:
    """Whether a whole paragraph is someone else's: an embedded post, a transcript's turn, or
    a block quotation that the paragraph before introduces with a colon."""
    if any(_EMBED.search(sentences[i].text) for i in paragraph):
        return True
    if _SPEAKER_LABEL.match(sentences[paragraph[0]].text):
        return True
    before = paragraph[0] - 1
    return (
        before >= 0
        and not sentences[before].heading
        and sentences[before].text.rstrip().endswith(":")
    )
