"""The corpus stage: the articles analysed one by one in, the `Briefing` out. Everything that
needs more than one article happens here: naming unknown outlets, each topic's coverage and
key passages (idf over the corpus), the shared claims, and the key findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from framing import __version__
from framing.analyse.measure import Measures
from framing.analyse.passages import document_frequency, key_passages
from framing.compare.align import align
from framing.compare.claim_sentences import AlignArticle, AlignSentence
from framing.compare.claim_settings import Settings
from framing.compare.entities import found_topics, keep_shared, shared_names, with_topics
from framing.compare.findings import key_findings
from framing.compare.stories import StoryRules, default_story_rules, find_stories
from framing.compare.variant_rules import VariantRules
from framing.errors import FramingError
from framing.models import (
    SCHEMA_VERSION,
    ActorLabel,
    Article,
    ArticleAnalysis,
    Briefing,
    DuplicateArticle,
    Excluded,
    Finding,
    Framing,
    KeyPassage,
    LexiconInfo,
    Match,
    Story,
    Topic,
    TopicCoverage,
    TopicReport,
)

SHARED_MIN_OUTLETS = 2


def compare_articles(
    analyses: Sequence[ArticleAnalysis],
    topics: Sequence[Topic],
    measures: Measures,
    claims: Settings,
    *,
    excluded: Sequence[Excluded] = (),
    duplicates: Sequence[DuplicateArticle] = (),
    lexicons: Sequence[LexiconInfo] = (),
    title: str = "",
    find_topics: bool = True,
    variants: VariantRules | None = None,
    story_rules: StoryRules | None = None,
    only_stories: Collection[str] = (),
) -> Briefing:
    """The briefing of `analyses` (in any order), listing the inputs `excluded` and the
    `duplicates` left out; `lexicons` say which word lists the measures used. The names the
    outlets share become actors and, with `find_topics` (no topics file), topics too.
    `variants` read how the wordings of a shared claim differ, `story_rules` which articles
    report one event (default: the built-in rules); claims are compared within a story.
    `only_stories` (ids): the briefing of just those stories, found in the whole corpus."""
    articles, topics, extra = _named_articles(analyses, topics, find_topics)
    words = {a.article.id: a.sentence_words for a in analyses}
    stories = find_stories(articles, words, claims.reader, story_rules or default_story_rules())
    stories, articles = _chosen(stories, articles, only_stories)
    by_id = {analysis.article.id: analysis for analysis in analyses}
    passages = PassageIndex([by_id[article.id] for article in articles])
    reports = _by_reach([_topic_report(topic, articles, measures, passages) for topic in topics])
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    inputs = [claims_input(article, story_of[article.id]) for article in articles]
    shared = align(inputs, claims, variants)
    briefing = Briefing(
        schema_version=SCHEMA_VERSION,
        framing_version=__version__,
        title=title or _default_title(reports, {t.name for t in extra}),
        articles=tuple(articles),
        topics=reports,
        excluded=tuple(sorted(excluded, key=lambda e: e.path)),
        duplicates=tuple(duplicates),
        lexicons=tuple(lexicons),
        alignments=shared.alignments,
        omissions=shared.omissions,
        exclusives=shared.exclusives,
        stories=stories,
    )
    return replace(briefing, findings=_findings(briefing))


STORIES_WITH_FINDINGS = 3
FINDINGS_PER_STORY = 3


def _findings(briefing: Briefing) -> tuple[Finding, ...]:
    """The key findings: of the whole briefing when it is one story; else of each of the
    stories most outlets carry, within that story alone (a finding that set one event's
    reports against another's would compare coverage of different news), each naming it."""
    if len(briefing.stories) <= 1:
        return key_findings(briefing)
    shared = [story for story in briefing.stories if len(story.outlets) >= SHARED_MIN_OUTLETS]
    return tuple(
        replace(finding, text=f"In “{story.title}” ({story.id}): {finding.text}")
        for story in shared[:STORIES_WITH_FINDINGS]
        for finding in key_findings(_within(briefing, story), FINDINGS_PER_STORY)
    )


def _within(briefing: Briefing, story: Story) -> Briefing:
    """The briefing of one story's articles: its topics' coverage and its claims only."""
    ids = set(story.article_ids)
    articles = tuple(a for a in briefing.articles if a.id in ids)
    labels = {a.id: a.label for a in articles}
    topics = []
    for topic in briefing.topics:
        coverage = tuple(c for c in topic.articles if c.article_id in ids)
        outlets = _outlets(coverage, labels)
        shared = len(outlets) >= SHARED_MIN_OUTLETS
        topics.append(replace(topic, articles=coverage, outlets=outlets, shared=shared))
    return replace(
        briefing,
        articles=articles,
        topics=tuple(topics),
        alignments=tuple(a for a in briefing.alignments if a.story == story.id),
        omissions=tuple(o for o in briefing.omissions if o.story == story.id),
        exclusives=tuple(e for e in briefing.exclusives if e.story == story.id),
        stories=(story,),
    )


def _named_articles(
    analyses: Sequence[ArticleAnalysis], topics: Sequence[Topic], find_topics: bool
) -> tuple[list[Article], list[Topic], list[Topic]]:
    """The articles in report order with their labels and the names the outlets share; the
    topics, with those names (`find_topics`) added; and the names added."""
    labels = _labels([analysis.article for analysis in analyses])
    articles = sorted(
        (replace(a.article, label=labels[a.article.id]) for a in analyses),
        key=lambda a: (a.outlet == "", a.label.casefold(), a.id),
    )
    names = shared_names(articles)
    known = {topic.name for topic in topics}
    extra = [t for t in found_topics(names) if find_topics and t.name not in known]
    return with_topics(keep_shared(articles, names), extra), [*topics, *extra], extra


def _chosen(
    stories: Sequence[Story], articles: Sequence[Article], wanted: Collection[str]
) -> tuple[tuple[Story, ...], list[Article]]:
    """The stories `wanted` (all when none is) and their articles; an id the corpus does not
    have is a one-line error naming the ids it does."""
    if not wanted:
        return tuple(stories), list(articles)
    unknown = sorted(set(wanted) - {story.id for story in stories})
    if unknown:
        have = f"{stories[0].id} to {stories[-1].id}" if len(stories) > 1 else stories[0].id
        raise FramingError(
            f"no story {', '.join(unknown)} in this corpus (it has {have})",
            fix="list the stories with `framing stories BRIEFING.json`",
        )
    kept = tuple(story for story in stories if story.id in wanted)
    members = {article_id for story in kept for article_id in story.article_ids}
    return kept, [article for article in articles if article.id in members]


def _labels(articles: Sequence[Article]) -> dict[str, str]:
    """Column names: the outlet, or "Unknown outlet N" numbered in id order."""
    unknown = sorted(article.id for article in articles if not article.outlet)
    numbers = {article_id: number for number, article_id in enumerate(unknown, start=1)}
    return {a.id: a.outlet or f"Unknown outlet {numbers[a.id]}" for a in articles}


class PassageIndex:
    """Every sentence's content words and the corpus's sentence frequencies, gathered once
    per briefing (from `analyses` in report order) for the key passages of every topic."""

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.words = {
            a.article.id: dict(
                zip((s.id for s in a.article.sentences), a.sentence_words, strict=True)
            )
            for a in analyses
        }
        body = [
            self.words[a.article.id][s.id]
            for a in analyses
            for s in a.article.sentences
            if not s.heading
        ]
        self.frequency: Counter[str] = document_frequency(body)
        self.total = len(body)

    def key_passages(
        self, article_id: str, sentence_ids: Sequence[str], framing: Framing
    ) -> tuple[KeyPassage, ...]:
        words = self.words[article_id]
        return key_passages(
            [(sid, words[sid]) for sid in sentence_ids], framing, self.frequency, self.total
        )


def _topic_report(
    topic: Topic, articles: Sequence[Article], measures: Measures, passages: PassageIndex
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
    outlets = _outlets(coverage, {a.id: a.label for a in articles})
    return TopicReport(
        name=topic.name,
        aliases=topic.aliases,
        shared=len(outlets) >= SHARED_MIN_OUTLETS,
        outlets=outlets,
        articles=tuple(coverage),
    )


def _outlets(coverage: Sequence[TopicCoverage], labels: Mapping[str, str]) -> tuple[str, ...]:
    """The outlets of the articles covering a topic, by name."""
    return tuple(sorted({labels[c.article_id] for c in coverage}, key=str.casefold))


def _by_reach(reports: Sequence[TopicReport]) -> tuple[TopicReport, ...]:
    """Topics most outlets mention first; ties by sentences filled, then topic-file order.

    The report, its title and any template read topics in this order; nobody re-sorts them.
    """
    return tuple(
        sorted(
            reports, key=lambda r: (-len(r.outlets), -sum(len(c.sentence_ids) for c in r.articles))
        )
    )


def claims_input(article: Article, story: str = "") -> AlignArticle:
    """An article as the aligner reads it: body sentences (one outlet per label), each with
    the spans of its framing words (labels, loaded terms, hedges, boosters) for the diffs;
    only articles of one `story` are compared."""
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
        story,
    )


def _default_title(reports: Sequence[TopicReport], found: Collection[str]) -> str:
    """The three topics most outlets share; of as many outlets, the names found in the text
    first: they are the story's own actors, the topic file's are the usual ones."""
    shared = [r for r in reports if r.shared]
    ranked = sorted(shared, key=lambda r: (-len(r.outlets), r.name not in found))
    names = [r.name for r in ranked[:3]]
    return f"Framing briefing: {', '.join(names)}" if names else "Framing briefing"
