"""The plain data types that flow through the pipeline, one stage to the next."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from framing.shared_claims import Alignment, Exclusive, Omission

SCHEMA_VERSION = "1.7"
"""Version of the Briefing JSON. Adding keys is a minor bump; renaming or removing one is major."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article. An empty string means unknown, never a guess."""

    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD)
    url: str = ""
    genre: str = ""
    dek: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """One input article as read: its text, and the metadata its container declares."""

    id: str
    path: str  # relative to the folder the user named; "corpus.jsonl#12" for a record
    text: str
    declared: Metadata
    declared_keys: frozenset[str] = frozenset()  # fields stated, even as unknown ("")
    provenance: Mapping[str, str] = field(default_factory=dict)  # field -> where it was stated
    encoding: str = "utf-8"
    format: str = "text"  # "text" | "markdown" | "html" | "jsonl" | "csv"
    extra: Mapping[str, str] = field(default_factory=dict)  # a record's other columns


@dataclass(frozen=True, slots=True)
class Excluded:
    """An input that could not be used, and what the user can do about it."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """The ingest stage's output: usable sources and the inputs set aside."""

    sources: tuple[Source, ...]
    excluded: tuple[Excluded, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of article body: prose (`text`) or a section `heading`."""

    kind: str  # "text" | "heading"
    text: str
    line: int = 0  # 1-based line of the source text where it starts


@dataclass(frozen=True, slots=True)
class Removal:
    """A raw line the cleaner dropped, with its 1-based line number and the reason."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """The clean stage's output: body paragraphs, final metadata, and what was removed."""

    id: str
    path: str
    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    provenance: Mapping[str, str] = field(default_factory=dict)  # field -> where it came from


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned body; `start`/`end` index into `Article.body`."""

    id: str  # "p<paragraph>-s<index>", 1-based, stable for the same text
    paragraph: int
    index: int
    start: int
    end: int
    text: str
    heading: bool


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic definition: a name and the aliases (metonyms included) that mention it."""

    name: str
    aliases: tuple[str, ...]
    exclude: tuple[str, ...] = ()  # phrases that contain an alias but are not a mention


@dataclass(frozen=True, slots=True)
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
    scored: bool  # False: the article's language has no formulas here; they read 0.0


@dataclass(frozen=True, slots=True)
class SentenceTopics:
    """A sentence as it appears in the briefing: its text and the topics it mentions."""

    id: str
    paragraph: int
    start: int
    end: int
    text: str
    heading: bool
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon term found in a sentence: the evidence behind a count.

    `start`/`end` index into the sentence's text, so a report can highlight the words."""

    sentence_id: str
    start: int
    end: int
    text: str  # the words as written in the article
    term: str  # the lexicon entry that matched (its base form)
    category: str  # the list it belongs to: a frame key, "hedge", "emotive", …


@dataclass(frozen=True, slots=True)
class FrameScore:
    """One Media Frames Corpus dimension in one text: its cue matches and their rate."""

    key: str  # e.g. "security_defense"
    label: str  # e.g. "Security and defense"
    count: int
    per_1000: float  # cue matches per 1,000 words
    present: bool  # count reaches the frame threshold (frames.toml)
    matches: tuple[Match, ...]


@dataclass(frozen=True, slots=True)
class Tone:
    """Lexicon tone (VADER compound, -1..1) of a set of sentences. Low validity for news:
    most news sentences score 0, so it is reported with its n and its split, never alone."""

    mean: float
    n: int  # sentences scored
    positive: int  # compound >= 0.05
    negative: int  # compound <= -0.05
    neutral: int
    sentence_ids: tuple[str, ...] = ()  # the sentences scored
    scores: tuple[float, ...] = ()  # their compound scores, in the same order


@dataclass(frozen=True, slots=True)
class ActorLabel:
    """A noun phrase the text uses for an actor ("the militant group"), where and how."""

    text: str
    sentence_id: str
    start: int
    end: int
    kind: str  # "apposition" | "predicate" | "premodifier" | "epithet"
    quoted: bool = False  # inside a direct quotation: a speaker's words the outlet carries


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """How one text treats one actor: how often named, what it is called, in what tone."""

    name: str
    mentions: int
    mentions_evidence: tuple[Match, ...]  # every alias or metonym found
    labels: tuple[ActorLabel, ...]
    evaluative: tuple[Match, ...]  # loaded or evaluative words in the actor's clause
    tone: Tone
    kind: str = ""  # lexicon actors: "state" | "group"; found in the text: see FoundName.kind
    found: bool = False  # named in the text, not in the actors lexicon


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker: quoted, reported ("X said that …") or "according to X"."""

    text: str  # the quoted words, or the reported clause
    speaker: str  # as named in the text; "" when unattributed
    speaker_type: str  # "person" | "organisation" | "anonymous" | "unattributed"
    verb: str  # the reporting verb as written ("said", "told this author"); "" if none
    sentence_id: str
    start: int  # of the quoted words (or the reported clause) in the sentence text
    end: int
    verb_type: str = ""  # "neutral" | "emphatic" | "distancing" | "concession" | "emotive"
    form: str = "direct"  # "direct" | "indirect" | "according_to"
    role: str = ""  # official|expert|ordinary|anonymous|organisation|other; "" unattributed
    side: str = ""  # the party or actor the speaker speaks for ("Republican", "Israel"), or ""


@dataclass(frozen=True, slots=True)
class Prescription:
    """A sentence telling someone what should be done ("Israel must …")."""

    sentence_id: str
    start: int
    end: int
    text: str  # the prescriptive words as written ("must", "it is critical that")
    term: str
    addressee: str  # who is told (the clause subject), "" when impersonal


@dataclass(frozen=True, slots=True)
class Genre:
    """News, analysis or opinion, with the observations that decided it."""

    label: str  # "news" | "analysis" | "opinion"
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Framing:
    """Every framing measure of one text (an article, or its sentences on one topic)."""

    words: int  # prose words measured: the denominator of every rate
    frames: tuple[FrameScore, ...]  # all 15 dimensions, in codebook order
    dominant_frames: tuple[str, ...]  # keys of the present frames, strongest first (<= 3)
    actors: tuple[ActorProfile, ...]  # actors named at least once, most mentioned first
    quotes: tuple[Quote, ...]
    anonymous_sources: tuple[Match, ...]
    scare_quotes: tuple[Match, ...]  # short quoted labels with no speaker ("a 'truce'")
    first_person: tuple[Match, ...]  # the author's own voice ("I", "this author", "we")
    hedges: tuple[Match, ...]
    boosters: tuple[Match, ...]
    prescriptions: tuple[Prescription, ...]
    loaded: tuple[Match, ...]
    tone: Tone
    genre: Genre


@dataclass(frozen=True, slots=True)
class LexiconInfo:
    """Which lexicon file a briefing was measured with: for the methodology and reruns."""

    name: str  # "frames", "actors", …
    version: str
    source: str  # "built-in", or the user file that extended or replaced it


@dataclass(frozen=True, slots=True)
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
    format: str
    encoding: str
    language: str
    provenance: Mapping[str, str]
    extra: Mapping[str, str]
    word_count: int
    readability: Readability
    body: str
    sentences: tuple[SentenceTopics, ...]
    removed: tuple[Removal, ...]
    framing: Framing


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """One article analysed from its own text alone: what a worker process, a cache or a
    cluster node hands back to the corpus stage. `article.label` is still "": naming unknown
    outlets ("Unknown outlet 2") takes the whole corpus."""

    article: Article
    sentence_words: tuple[frozenset[str], ...]  # content words of each of `article.sentences`


@dataclass(frozen=True, slots=True)
class KeyPassage:
    """A sentence chosen to show how an outlet treats a topic (see framing/analyse/passages.py)."""

    sentence_id: str
    centrality: float  # cosine to the outlet's sentences on the topic (0-1): how typical
    signals: tuple[str, ...]  # kinds of framing evidence it carries ("label", "quote", …)


@dataclass(frozen=True, slots=True)
class TopicCoverage:
    """Where one article speaks of one topic."""

    article_id: str
    sentence_ids: tuple[str, ...]
    share: float  # of the article's body sentences
    first_mention: int  # 1-based position of the first sentence on the topic
    framing: Framing  # the article's measures, restricted to these sentences
    key_passages: tuple[KeyPassage, ...]  # the sentences that best show the treatment, best first


@dataclass(frozen=True, slots=True)
class TopicReport:
    """One topic across the corpus: shared when two or more outlets mention it."""

    name: str
    aliases: tuple[str, ...]
    shared: bool
    outlets: tuple[str, ...]
    articles: tuple[TopicCoverage, ...]


@dataclass(frozen=True, slots=True)
class DuplicateArticle:
    """An input that repeats an earlier article: reported, and left out of the counts."""

    path: str
    article_id: str
    original_id: str
    similarity: float
    kind: str  # "identical" | "near-identical"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence behind a finding: an id of the article's sentences, or "title" / "dek"."""

    article_id: str
    sentence_id: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One plain sentence with its numbers, and the sentences behind it (at most six).

    `evidence` is never empty, except for the "readability" finding: its grades are computed
    from whole articles, so no single sentence stands behind them."""

    kind: str  # "labels" | "blindspot" | "anonymous" | "prescription" | "genre" | "tone" | …
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """The articles that report one event (framing/compare/stories.py): claims, omissions and
    exclusives are compared only within a story, so one outlet's report of Monday's strike is
    never set against another's of an unrelated summit. A story may hold one article."""

    id: str  # "story-001": numbered most outlets first, the same for any input order
    title: str  # the members' most representative headline
    dates: tuple[str, ...]  # first and last known date (one when they agree; none unknown)
    topics: tuple[str, ...]  # the topics its articles mention, most articles first
    outlets: tuple[str, ...]  # labels of the outlets that carry it, in report order
    article_ids: tuple[str, ...]  # in report order


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything the renderers need, and nothing they must compute."""

    schema_version: str
    framing_version: str
    title: str
    articles: tuple[Article, ...]
    topics: tuple[TopicReport, ...]
    excluded: tuple[Excluded, ...]
    duplicates: tuple[DuplicateArticle, ...]
    lexicons: tuple[LexiconInfo, ...]
    alignments: tuple[Alignment, ...]
    omissions: tuple[Omission, ...]
    exclusives: tuple[Exclusive, ...]
    stories: tuple[Story, ...] = ()  # every article in exactly one, most outlets first
    findings: tuple[Finding, ...] = ()  # written last, from everything above
