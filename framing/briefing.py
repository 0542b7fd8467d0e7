"""Run the pipeline (ingest, clean, segment, topics, readability) into one `Briefing`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from framing import __version__
from framing.clean import clean
from framing.errors import FramingError
from framing.ingest import load_corpus
from framing.models import (
    SCHEMA_VERSION,
    Article,
    Briefing,
    Document,
    Excluded,
    SentenceTopics,
    Topic,
    TopicCoverage,
    TopicReport,
)
from framing.readability import measure_readability
from framing.segment import body_text, split_sentences
from framing.topics import TopicMatcher

SHARED_MIN_OUTLETS = 2
NO_BODY = "nothing but page boilerplate (check that the file holds the article text)"


def build_briefing(paths: Sequence[Path], topics: Sequence[Topic], title: str = "") -> Briefing:
    """Analyse every article under `paths`; unreadable ones are listed in `excluded`."""
    corpus = load_corpus(paths)
    excluded = list(corpus.excluded)
    documents = []
    for document in (clean(source) for source in corpus.sources):
        if any(p.kind == "text" for p in document.paragraphs):
            documents.append(document)
        else:
            excluded.append(Excluded(document.path, NO_BODY))
    matchers = [TopicMatcher(topic) for topic in topics]
    labels = _labels(documents)
    articles = sorted(
        (_article(doc, labels[doc.id], matchers) for doc in documents),
        key=lambda a: (a.outlet == "", a.label.casefold(), a.id),
    )
    reports = tuple(_topic_report(topic, articles) for topic in topics)
    return Briefing(
        schema_version=SCHEMA_VERSION,
        framing_version=__version__,
        title=title or _default_title(reports),
        articles=tuple(articles),
        topics=reports,
        excluded=tuple(sorted(excluded, key=lambda e: e.path)),
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


def _article(document: Document, label: str, matchers: Sequence[TopicMatcher]) -> Article:
    sentences = split_sentences(document)
    prose = [s for s in sentences if not s.heading]
    readability = measure_readability(
        " ".join(p.text for p in document.paragraphs if p.kind == "text"), len(prose)
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
        word_count=readability.words,
        readability=readability,
        body=body_text(document),
        sentences=tuple(
            SentenceTopics(
                id=s.id,
                paragraph=s.paragraph,
                start=s.start,
                end=s.end,
                text=s.text,
                heading=s.heading,
                topics=tuple(m.topic.name for m in matchers if m.mentions(s.text)),
            )
            for s in sentences
        ),
        removed=document.removed,
    )


def _topic_report(topic: Topic, articles: Sequence[Article]) -> TopicReport:
    coverage = []
    for article in articles:
        prose = [s for s in article.sentences if not s.heading]
        hits = [s.id for s in article.sentences if topic.name in s.topics]
        if hits:
            first = next((i for i, s in enumerate(prose, 1) if topic.name in s.topics), 0)
            share = sum(topic.name in s.topics for s in prose) / len(prose) if prose else 0.0
            coverage.append(TopicCoverage(article.id, tuple(hits), round(share, 4), first))
    labels = {a.id: a.label for a in articles}
    outlets = tuple(sorted({labels[c.article_id] for c in coverage}, key=str.casefold))
    return TopicReport(
        name=topic.name,
        aliases=topic.aliases,
        shared=len(outlets) >= SHARED_MIN_OUTLETS,
        outlets=outlets,
        articles=tuple(coverage),
    )


def _default_title(reports: Sequence[TopicReport]) -> str:
    shared = sorted(
        (r for r in reports if r.shared),
        key=lambda r: (-len(r.outlets), -sum(len(c.sentence_ids) for c in r.articles)),
    )
    names = [r.name for r in shared[:3]]
    return f"Framing briefing: {', '.join(names)}" if names else "Framing briefing"
