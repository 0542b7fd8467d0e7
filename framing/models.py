"""The plain data types that flow through the pipeline, one stage to the next."""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = "1.0"
"""Version of the Briefing JSON. Adding keys is a minor bump; renaming or removing one is major."""


@dataclass(frozen=True)
class Metadata:
    """What is known about an article. An empty string means unknown, never a guess."""

    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD)
    url: str = ""
    genre: str = ""
    dek: str = ""


@dataclass(frozen=True)
class Source:
    """One input article exactly as read: raw text plus what the manifest declares."""

    id: str
    path: str  # as the user named it, relative to the corpus root where there is one
    text: str
    declared: Metadata
    declared_keys: frozenset[str] = frozenset()  # fields the manifest states, even as unknown ("")


@dataclass(frozen=True)
class Excluded:
    """An input that could not be used, and what the user can do about it."""

    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """The ingest stage's output: usable sources and the inputs set aside."""

    sources: tuple[Source, ...]
    excluded: tuple[Excluded, ...]


@dataclass(frozen=True)
class Paragraph:
    """A block of article body: prose (`text`) or a section `heading`."""

    kind: str  # "text" | "heading"
    text: str


@dataclass(frozen=True)
class Removal:
    """A raw line the cleaner dropped, with its 1-based line number and the reason."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    """The clean stage's output: body paragraphs, final metadata, and what was removed."""

    id: str
    path: str
    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned body; `start`/`end` index into `Article.body`."""

    id: str  # "p<paragraph>-s<index>", 1-based, stable for the same text
    paragraph: int
    index: int
    start: int
    end: int
    text: str
    heading: bool


@dataclass(frozen=True)
class Topic:
    """A topic definition: a name and the aliases (metonyms included) that mention it."""

    name: str
    aliases: tuple[str, ...]
    exclude: tuple[str, ...] = ()  # phrases that contain an alias but are not a mention


@dataclass(frozen=True)
class Readability:
    """textstat scores of one article's body prose (headings excluded)."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall: float
    words: int
    sentences: int
    words_per_sentence: float
    reading_time_minutes: float
    too_short: bool


@dataclass(frozen=True)
class SentenceTopics:
    """A sentence as it appears in the briefing: its text and the topics it mentions."""

    id: str
    paragraph: int
    start: int
    end: int
    text: str
    heading: bool
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    """One analysed article in the briefing."""

    id: str
    label: str  # short display name: the outlet, or "Unknown outlet N"
    outlet: str
    title: str
    author: str
    date: str
    genre: str
    dek: str
    url: str
    source_path: str
    word_count: int
    readability: Readability
    body: str
    sentences: tuple[SentenceTopics, ...]
    removed: tuple[Removal, ...]


@dataclass(frozen=True)
class TopicCoverage:
    """Where one article speaks of one topic."""

    article_id: str
    sentence_ids: tuple[str, ...]
    share: float  # of the article's body sentences
    first_mention: int  # 1-based position of the first sentence on the topic


@dataclass(frozen=True)
class TopicReport:
    """One topic across the corpus: shared when two or more outlets mention it."""

    name: str
    aliases: tuple[str, ...]
    shared: bool
    outlets: tuple[str, ...]
    articles: tuple[TopicCoverage, ...]


@dataclass(frozen=True)
class Briefing:
    """Everything the renderers need, and nothing they must compute."""

    schema_version: str
    framing_version: str
    title: str
    articles: tuple[Article, ...]
    topics: tuple[TopicReport, ...]
    excluded: tuple[Excluded, ...]
