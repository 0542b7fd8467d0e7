"""Split a document's paragraphs into sentences with stable ids and character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pysbd
from pysbd.lang.english import English

from framing.analyse.pysbd_english import PROVED_FOR, EnglishProcessor
from framing.ingest.clean import PARAGRAPH_SEPARATOR
from framing.ingest.language import SEGMENTER_LANGUAGES
from framing.models import Document, Sentence

CHUNK_CHARS = 5_000
"""pysbd slows down with the square of paragraph length, so longer runs are cut first at a
likely boundary (". " before a capital): an article paragraph is rarely a tenth of this."""
ENGLISH_CUT = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z“\"])")
"""A likely sentence end in English: end punctuation, a space, then a capital or a quote."""
ANY_CUT = re.compile(r"(?:[.!?؟][\"”’»]?\s+|[。！？][」”]?)(?=[\"“„«「]|[^\W\d_])")
"""The same in any script, CJK's unspaced full stops included; a letter after it must not be
lowercase (checked apart: `re` has no class for it), and uncased scripts (Hebrew, Arabic) pass."""
CONTINUATION = frozenset(",;:)]")
"""Marks that go on a sentence, never open one."""
POSSESSIVE = re.compile(r"['’]s\b")
OPEN_COMMA = re.compile(r",[\s'’\"”]*[\"”]$")
"""A comma, then only closing quote marks: the quotation's sentence goes on after it."""


def split_sentences(document: Document, language: str = "en") -> tuple[Sentence, ...]:
    """Sentences of every paragraph, numbered `p<paragraph>-s<index>` from 1.

    `language` (ISO 639-1) selects pysbd's rules for it, which know its abbreviations ("z. B."
    stays inside a German sentence). A language pysbd lacks, or "" for unknown, gets the English
    rules: they still end sentences at . ! ? but know only English abbreviations.
    """
    sentences: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(document.paragraphs, start=1):
        spans = [(0, len(paragraph.text))] if paragraph.kind == "heading" else None
        for index, (start, end) in enumerate(spans or _spans(paragraph.text, language), start=1):
            sentences.append(
                Sentence(
                    id=f"p{number}-s{index}",
                    paragraph=number,
                    index=index,
                    start=offset + start,
                    end=offset + end,
                    text=paragraph.text[start:end],
                    heading=paragraph.kind == "heading",
                )
            )
        offset += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return tuple(sentences)


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    """One per language, built once; English rules for a language pysbd lacks."""
    rules = language if language in SEGMENTER_LANGUAGES else "en"
    return pysbd.Segmenter(language=rules, clean=False, char_span=False)


def _processed(chunk: str, language: str) -> list[str] | str:
    """pysbd's sentences of `chunk` (its Processor's, unstripped; "" for an empty chunk): for
    the English rules, by `EnglishProcessor`, the same sentences with much less work."""
    segmenter = _segmenter(language)
    if segmenter.language_module is English and pysbd.__version__ == PROVED_FOR:
        return EnglishProcessor(chunk, English).process()
    return segmenter.processor(chunk).process()  # type: ignore[no-any-return]


def _spans(text: str, language: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`, whitespace trimmed; a piece that cannot open a
    sentence joins the one before it."""
    pending: tuple[int, int] | None = None
    for start, end in _pieces(text, language):
        if pending is not None and _continues(text[pending[0] : pending[1]], text[start:end]):
            pending = (pending[0], end)
            continue
        if pending is not None:
            yield pending
        pending = (start, end)
    if pending is not None:
        yield pending


def _continues(previous: str, piece: str) -> bool:
    """Whether a piece pysbd cut off is the end of the sentence before: no sentence opens
    with a comma, a possessive or a lower-case word, and none ends with a comma inside its
    closing quote. pysbd ends sentences at a state's abbreviation ("Sen. Jeff Flake, R-Ariz.,
    said …"), at "Jr." ("Trump Jr.’s attorney") and after `,’ ”` ("…,’ ” Mr. Weich wrote.")."""
    return (
        piece[0] in CONTINUATION
        or piece[0].islower()
        or POSSESSIVE.match(piece) is not None
        or OPEN_COMMA.search(previous) is not None
    )


def _pieces(text: str, language: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence pysbd finds in `text`, whitespace trimmed."""
    for chunk_start, chunk in _chunks(text, language):
        position = 0
        # Segmenter.segment() would also locate each sentence with a fresh regex over the whole
        # chunk (40% of the time, quadratic); the processor's sentences suffice, we find() them.
        for piece in _processed(chunk, language):
            stripped = piece.strip()
            if not stripped:
                continue
            start = chunk.find(stripped, position)
            position = start + len(stripped)
            yield chunk_start + start, chunk_start + position


def _chunks(text: str, language: str) -> Iterator[tuple[int, str]]:
    start = 0
    while len(text) - start > CHUNK_CHARS:
        window = text[start : start + CHUNK_CHARS]
        cuts = _cuts(window, language)
        cut = cuts[-1] if cuts else CHUNK_CHARS
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def _cuts(window: str, language: str) -> list[int]:
    """Offsets in `window` where a sentence likely ends, so that a cut there splits no sentence."""
    if language == "en":
        return [m.end() for m in ENGLISH_CUT.finditer(window)]
    return [m.end() for m in ANY_CUT.finditer(window) if not window[m.end()].islower()]
