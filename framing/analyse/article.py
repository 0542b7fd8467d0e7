"""One article in, everything measured about it out: `analyse_article`, the pure function a
process pool, a cache or a Dask worker can run, since it reads nothing but its arguments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from framing.analyse.measure import Measures
from framing.analyse.passages import sentence_words
from framing.analyse.readability import measure_readability
from framing.analyse.segment import split_sentences
from framing.analyse.topics import TopicMatcher, matchable
from framing.analyse.words import WordReader
from framing.ingest.clean import body_text
from framing.ingest.language import detect_language
from framing.lexicon import Lexicon, tokenized
from framing.models import (
    Article,
    ArticleAnalysis,
    Document,
    Sentence,
    SentenceTopics,
    Source,
    Topic,
)


@dataclass(frozen=True)
class AnalysisSettings:
    """All an article's analysis depends on besides the article: the topics, the lexicons
    compiled into measures, and the word reader. Built once per run; it pickles."""

    topics: tuple[TopicMatcher, ...]
    measures: Measures
    reader: WordReader


def analysis_settings(
    topics: Sequence[Topic], lexicons: Mapping[str, Lexicon], reader: WordReader
) -> AnalysisSettings:
    """The settings of a run: topic matchers and measures compiled once, not per article."""
    return AnalysisSettings(tuple(TopicMatcher(t) for t in topics), Measures(lexicons), reader)


def analyse_article(
    source: Source, document: Document, settings: AnalysisSettings
) -> ArticleAnalysis:
    """`document` (cleaned from `source`) analysed on its own: language, sentences, topics,
    readability, every framing measure, and the content words key passages compare."""
    body = body_text(document)
    language = detect_language(body)
    sentences = split_sentences(document, language)
    article = _article(source, document, body, language, sentences, settings)
    words = sentence_words((s.text for s in sentences), settings.reader)
    return ArticleAnalysis(article, tuple(words))


def _article(
    source: Source,
    document: Document,
    body: str,
    language: str,
    sentences: Sequence[Sentence],
    settings: AnalysisSettings,
) -> Article:
    prose = [s for s in sentences if not s.heading]
    readability = measure_readability(
        " ".join(p.text for p in document.paragraphs if p.kind == "text"), len(prose), language
    )
    meta = document.meta
    measured = tokenized(_measured(meta.title, meta.dek, sentences))
    return Article(
        id=document.id,
        label="",
        outlet=meta.outlet,
        title=meta.title,
        author=meta.author,
        date=meta.date,
        genre=meta.genre,
        dek=meta.dek,
        url=meta.url,
        source_path=document.path,
        format=source.format,
        encoding=source.encoding,
        language=language,
        provenance=document.provenance,
        extra=source.extra,
        word_count=readability.words,
        readability=readability,
        body=body,
        sentences=tuple(_with_topics(s, settings.topics) for s in sentences),
        removed=document.removed,
        framing=settings.measures.measure(measured, meta.genre),
    )


def _with_topics(sentence: Sentence, matchers: Sequence[TopicMatcher]) -> SentenceTopics:
    prepared = matchable(sentence.text)
    return SentenceTopics(
        id=sentence.id,
        paragraph=sentence.paragraph,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        heading=sentence.heading,
        topics=tuple(m.topic.name for m in matchers if m.mentions_matchable(prepared)),
    )


def _measured(title: str, dek: str, sentences: Sequence[Sentence]) -> list[tuple[str, str, bool]]:
    """What the framing measures read: the body's sentences, after the headline and the dek,
    which frame a story more than any sentence. They read as headings (ids "title", "dek"):
    counted as evidence, but not in the word counts that rates are per."""
    top = [(key, text, True) for key, text in (("title", title), ("dek", dek)) if text]
    return [*top, *((s.id, s.text, s.heading) for s in sentences)]
