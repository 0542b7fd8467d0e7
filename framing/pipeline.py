"""Run the pipeline (ingest, clean, segment, topics, readability, framing measures) into one
`Briefing`."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from framing import __version__
from framing.analyse.measure import Measures
from framing.analyse.passages import document_frequency, key_passages, sentence_words
from framing.analyse.readability import measure_readability
from framing.analyse.segment import split_sentences
from framing.analyse.topics import TopicMatcher, matchable
from framing.compare.align import AlignArticle, AlignSentence, Settings, align, parse_settings
from framing.compare.findings import key_findings
from framing.errors import FramingError
from framing.ingest.clean import body_text, clean, prose_words
from framing.ingest.corpus import load_corpus
from framing.ingest.duplicates import find_duplicates
from framing.ingest.language import detect_language
from framing.ingest.records import DEFAULT_COLUMNS
from framing.lexicon import Lexicon, load_lexicons, tokenized
from framing.models import (
    SCHEMA_VERSION,
    ActorLabel,
    Article,
    Briefing,
    Document,
    DuplicateArticle,
    Excluded,
    Framing,
    KeyPassage,
    Match,
    Sentence,
    SentenceTopics,
    Source,
    Topic,
    TopicCoverage,
    TopicReport,
)

SHARED_MIN_OUTLETS = 2
MIN_WORDS = 50
"""Fewer words than this is a fragment (a teaser, a caption, a failed save), not an article."""
NO_BODY = "nothing but page boilerplate (check that the file holds the article text)"


def build_briefing(
    paths: Sequence[Path],
    topics: Sequence[Topic],
    title: str = "",
    columns: Mapping[str, str] = DEFAULT_COLUMNS,
    progress: Callable[[int, int], None] | None = None,
    lexicons: Mapping[str, Lexicon] | None = None,
) -> Briefing:
    """Analyse every article under `paths`; unusable inputs are listed in `excluded`,
    repeated articles in `duplicates` (each counted once, as its first copy).
    `progress(done, total)` is called after each article is analysed, for long runs.
    `lexicons` default to the built-in ones (`load_lexicons()`)."""
    lexicons = lexicons if lexicons is not None else load_lexicons()
    measures = Measures(lexicons)
    alignment = parse_settings(lexicons["align"].data, lexicons["align"].source)
    corpus = load_corpus(paths, columns)
    excluded = list(corpus.excluded)
    kept: list[tuple[Source, Document]] = []
    for source in corpus.sources:
        document = clean(source)
        words = prose_words(document)
        if words < MIN_WORDS:
            excluded.append(Excluded(document.path, _too_short(words)))
        else:
            kept.append((source, document))
    duplicates = _duplicates(kept)
    repeated = {d.article_id for d in duplicates}
    kept = [(s, d) for s, d in kept if d.id not in repeated]
    matchers = [TopicMatcher(topic) for topic in topics]
    labels = _labels([d for _, d in kept])
    analysed = []
    for done, (source, doc) in enumerate(kept, start=1):
        analysed.append(_article(source, doc, labels[doc.id], matchers, measures))
        if progress is not None:
            progress(done, len(kept))
    articles = sorted(analysed, key=lambda a: (a.outlet == "", a.label.casefold(), a.id))
    passages = _PassageIndex(articles, alignment)
    reports = _by_reach([_topic_report(topic, articles, measures, passages) for topic in topics])
    claims = align([_claims_input(article) for article in articles], alignment)
    briefing = Briefing(
        schema_version=SCHEMA_VERSION,
        framing_version=__version__,
        title=title or _default_title(reports),
        articles=tuple(articles),
        topics=reports,
        excluded=tuple(sorted(excluded, key=lambda e: e.path)),
        duplicates=duplicates,
        lexicons=tuple(lexicon.info for lexicon in lexicons.values()),
        alignments=claims.alignments,
        omissions=claims.omissions,
        exclusives=claims.exclusives,
    )
    return replace(briefing, findings=key_findings(briefing))


def _too_short(words: int) -> str:
    if words == 0:
        return NO_BODY
    return (
        f"only {words} words of article text after cleaning "
        f"(an article needs at least {MIN_WORDS}; check the file holds the whole article)"
    )


def _duplicates(kept: Sequence[tuple[Source, Document]]) -> tuple[DuplicateArticle, ...]:
    """Repeated articles (syndication, a page saved twice), in input order."""
    paths = {document.id: document.path for _, document in kept}
    found = find_duplicates([(document.id, body_text(document)) for _, document in kept])
    return tuple(
        DuplicateArticle(paths[d.article_id], d.article_id, d.original_id, d.similarity, d.kind)
        for d in found
    )


def to_json(briefing: Briefing) -> str:
    """The Briefing as JSON text: stable key order, so the same input gives the same bytes."""
    return json.dumps(asdict(briefing), ensure_ascii=False, indent=2) + "\n"


def load_briefing_json(path: Path) -> dict[str, Any]:
    """Read a Briefing JSON written by `framing analyze`, checking its schema version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FramingError(
            f"not a readable briefing JSON: {error}", str(path), "run framing analyze"
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise FramingError(
            "no schema_version: not a briefing JSON", str(path), "run framing analyze"
        )
    major = str(data["schema_version"]).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise FramingError(
            f"schema {data['schema_version']} is not {SCHEMA_VERSION}",
            str(path),
            "re-run framing analyze with this version",
        )
    return data


def _labels(documents: Sequence[Document]) -> dict[str, str]:
    """Column names: the outlet, or "Unknown outlet N" numbered in id order."""
    unknown = sorted(doc.id for doc in documents if not doc.meta.outlet)
    numbers = {doc_id: number for number, doc_id in enumerate(unknown, start=1)}
    return {doc.id: doc.meta.outlet or f"Unknown outlet {numbers[doc.id]}" for doc in documents}


def _article(
    source: Source,
    document: Document,
    label: str,
    matchers: Sequence[TopicMatcher],
    measures: Measures,
) -> Article:
    body = body_text(document)
    language = detect_language(body)
    sentences = split_sentences(document, language)
    prose = [s for s in sentences if not s.heading]
    readability = measure_readability(
        " ".join(p.text for p in document.paragraphs if p.kind == "text"), len(prose), language
    )
    meta = document.meta
    return Article(
        id=document.id,
        label=label,
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
        sentences=tuple(
            SentenceTopics(
                id=s.id,
                paragraph=s.paragraph,
                start=s.start,
                end=s.end,
                text=s.text,
                heading=s.heading,
                topics=_topics_of(s.text, matchers),
            )
            for s in sentences
        ),
        removed=document.removed,
        framing=measures.measure(tokenized(_measured(meta.title, meta.dek, sentences)), meta.genre),
    )


def _claims_input(article: Article) -> AlignArticle:
    """An article as the aligner reads it: body sentences (one outlet per label), each with
    the spans of its framing words (labels, loaded terms, hedges, boosters) for the diffs."""
    framing = article.framing
    spans: dict[str, list[tuple[int, int]]] = {}
    evidence: list[Match | ActorLabel] = [*framing.loaded, *framing.hedges, *framing.boosters]
    evidence += [label for actor in framing.actors for label in actor.labels]
    for item in evidence:
        spans.setdefault(item.sentence_id, []).append((item.start, item.end))
    return AlignArticle(
        article.id,
        article.label,
        tuple(
            AlignSentence(s.id, s.text, s.topics, tuple(sorted(spans.get(s.id, ()))))
            for s in article.sentences
            if not s.heading
        ),
    )


def _measured(title: str, dek: str, sentences: Sequence[Sentence]) -> list[tuple[str, str, bool]]:
    """What the framing measures read: the body's sentences, after the headline and the dek,
    which frame a story more than any sentence. They read as headings (ids "title", "dek"):
    counted as evidence, but not in the word counts that rates are per."""
    top = [(key, text, True) for key, text in (("title", title), ("dek", dek)) if text]
    return [*top, *((s.id, s.text, s.heading) for s in sentences)]


def _topics_of(text: str, matchers: Sequence[TopicMatcher]) -> tuple[str, ...]:
    prepared = matchable(text)
    return tuple(m.topic.name for m in matchers if m.mentions_matchable(prepared))


class _PassageIndex:
    """Every body sentence's content words and the corpus's sentence frequencies, computed
    once per briefing for the key passages of every topic."""

    def __init__(self, articles: Sequence[Article], settings: Settings) -> None:
        self.words = {
            article.id: dict(
                zip(
                    (s.id for s in article.sentences),
                    sentence_words((s.text for s in article.sentences), settings),
                    strict=True,
                )
            )
            for article in articles
        }
        body = [
            self.words[article.id][s.id]
            for article in articles
            for s in article.sentences
            if not s.heading
        ]
        self.frequency = document_frequency(body)
        self.total = len(body)

    def key_passages(
        self, article_id: str, sentence_ids: Sequence[str], framing: Framing
    ) -> tuple[KeyPassage, ...]:
        words = self.words[article_id]
        return key_passages(
            [(sid, words[sid]) for sid in sentence_ids], framing, self.frequency, self.total
        )


def _topic_report(
    topic: Topic, articles: Sequence[Article], measures: Measures, passages: _PassageIndex
) -> TopicReport:
    coverage = []
    for article in articles:
        prose = [s for s in article.sentences if not s.heading]
        hits = [s.id for s in article.sentences if topic.name in s.topics]
        if hits:
            on_topic = [s for s in prose if topic.name in s.topics]
            first = next((i for i, s in enumerate(prose, 1) if topic.name in s.topics), 0)
            share = len(on_topic) / len(prose) if prose else 0.0
            words = sum(len(s.text.split()) for s in on_topic)
            framing = measures.restrict(article.framing, hits, words)
            key = passages.key_passages(article.id, [s.id for s in on_topic], framing)
            coverage.append(
                TopicCoverage(article.id, tuple(hits), round(share, 4), first, framing, key)
            )
    labels = {a.id: a.label for a in articles}
    outlets = tuple(sorted({labels[c.article_id] for c in coverage}, key=str.casefold))
    return TopicReport(
        name=topic.name,
        aliases=topic.aliases,
        shared=len(outlets) >= SHARED_MIN_OUTLETS,
        outlets=outlets,
        articles=tuple(coverage),
    )


def _by_reach(reports: Sequence[TopicReport]) -> tuple[TopicReport, ...]:
    """Topics most outlets mention first; ties by sentences filled, then topic-file order.

    The report, its title and any template read topics in this order; nobody re-sorts them.
    """
    return tuple(
        sorted(
            reports, key=lambda r: (-len(r.outlets), -sum(len(c.sentence_ids) for c in r.articles))
        )
    )


def _default_title(reports: Sequence[TopicReport]) -> str:
    names = [r.name for r in reports if r.shared][:3]
    return f"Framing briefing: {', '.join(names)}" if names else "Framing briefing"
