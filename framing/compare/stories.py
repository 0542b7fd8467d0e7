"""Stories: the articles that report one event, found before anything is compared.

A real corpus mixes many events. Comparing every outlet's article on a topic with every
other's sets one outlet's report of Monday's strike against another's of an unrelated summit;
so the corpus stage first groups the articles into stories, and the shared claims, omissions
and exclusives are read within a story only.

Each article is a tf-idf bag of its content words (the headline's weighing more); an inverted
index over each article's heaviest words brings the candidate pairs, so the work grows
near-linearly; pairs whose known dates lie too far apart are never linked; and groups merge
strongest link first while their mean similarity (average linkage) holds. Articles are taken
in id order and ties broken by id, so the stories do not depend on the input's order. The
settings, and how they were chosen, are in `framing/data/stories.toml`.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import combinations
from typing import Any

from framing.analyse.words import WordReader
from framing.errors import FramingError
from framing.models import Article, Story

Profile = dict[str, float]
Pair = tuple[str, str]


@dataclass(frozen=True)
class StoryRules:
    """The settings of `framing/data/stories.toml` (documented there)."""

    threshold: float
    date_window_days: int
    strong: float
    far_days: int
    title_weight: int
    index_terms: int
    background: int
    common_share: float
    common_floor: int


@cache
def default_story_rules() -> StoryRules:
    """The built-in `framing/data/stories.toml`."""
    text = resources.files("framing").joinpath("data/stories.toml").read_text(encoding="utf-8")
    return parse_story_rules(tomllib.loads(text), "framing/data/stories.toml")


def parse_story_rules(data: Mapping[str, Any], where: str) -> StoryRules:
    """The rules in stories.toml; a missing or mistyped value is a one-line error."""
    try:
        return StoryRules(
            threshold=float(data["threshold"]),
            date_window_days=int(data["date_window_days"]),
            strong=float(data["strong"]),
            far_days=int(data["far_days"]),
            title_weight=int(data["title_weight"]),
            index_terms=int(data["index_terms"]),
            background=int(data["background"]),
            common_share=float(data["common_share"]),
            common_floor=int(data["common_floor"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise FramingError(f"story settings: bad or missing value {error}", where) from None


def find_stories(
    articles: Sequence[Article],
    words: Mapping[str, Sequence[frozenset[str]]],
    reader: WordReader,
    rules: StoryRules,
) -> tuple[Story, ...]:
    """The stories of `articles` (in report order; `words[id]` are the content words of each
    of its sentences), most outlets first; every article in exactly one."""
    ordered = sorted(articles, key=lambda a: a.id)
    counts = {a.id: _counts(a, words[a.id], reader, rules.title_weight) for a in ordered}
    frequency = Counter(word for bag in counts.values() for word in bag)
    profiles = _profiles(counts, frequency, rules.background)
    days = {a.id: _day(a.date) for a in ordered}
    links = _links(profiles, frequency, days, rules)
    groups = _groups([a.id for a in ordered], links, days, rules)
    position = {a.id: n for n, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    stories = [[by_id[i] for i in sorted(group, key=position.__getitem__)] for group in groups]
    stories.sort(key=lambda members: _reach(members, position))
    width = max(3, len(str(len(stories))))
    return tuple(
        _story(f"story-{n:0{width}d}", members, reader)
        for n, members in enumerate(stories, start=1)
    )


def _profiles(
    counts: Mapping[str, Counter[str]], frequency: Counter[str], background: int
) -> dict[str, Profile]:
    """Each article's tf-idf vector (sublinear term counts), of unit length; `frequency`:
    in how many articles each word is."""
    total = len(counts) + background
    profiles = {}
    for article_id, bag in counts.items():
        weights = {w: (1 + math.log(n)) * math.log(total / frequency[w]) for w, n in bag.items()}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        profiles[article_id] = {w: x / norm for w, x in weights.items()}
    return profiles


def _counts(
    article: Article, words: Sequence[frozenset[str]], reader: WordReader, title_weight: int
) -> Counter[str]:
    """How many of the article's body sentences hold each content word, plus the headline's
    words `title_weight` times: what the article is about."""
    bag: Counter[str] = Counter()
    for sentence, content in zip(article.sentences, words, strict=True):
        if not sentence.heading:
            bag.update(content)
    for word in reader.sentence_content(article.title):
        bag[word] += title_weight
    return bag


def _links(
    profiles: Mapping[str, Profile],
    frequency: Counter[str],
    days: Mapping[str, date | None],
    rules: StoryRules,
) -> dict[Pair, float]:
    """Cosine of the candidate pairs (sharing an indexed word, dates close enough), id-ordered."""
    common = max(rules.common_floor, rules.common_share * len(profiles))
    postings: dict[str, list[str]] = defaultdict(list)
    for article_id, profile in profiles.items():
        heaviest = sorted(profile, key=lambda w: (-profile[w], w))[: rules.index_terms]
        for word in heaviest:
            if frequency[word] <= common:
                postings[word].append(article_id)
    pairs = {pair for ids in postings.values() for pair in combinations(sorted(ids), 2)}
    near = (pair for pair in pairs if _span([days[pair[0]], days[pair[1]]]) <= rules.far_days)
    return {pair: _cosine(profiles[pair[0]], profiles[pair[1]]) for pair in near}


def _cosine(a: Profile, b: Profile) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(x * large.get(word, 0.0) for word, x in small.items())


def _groups(
    ids: Sequence[str],
    links: Mapping[Pair, float],
    days: Mapping[str, date | None],
    rules: StoryRules,
) -> list[list[str]]:
    """Average linkage over the links, strongest first (ties by ids): two groups merge when
    the mean cosine over all their cross pairs (an unlinked pair counts 0) reaches the
    threshold and their known dates stay within the window; a lone article linked strongly
    may join from further away (a later analysis of the event)."""
    group = {i: i for i in ids}
    members = {i: [i] for i in ids}
    for (a, b), score in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        if score < rules.threshold:
            break
        first, second = group[a], group[b]
        if first == second or not _may_merge(members[first], members[second], links, days, rules):
            continue
        for article_id in members[second]:
            group[article_id] = first
        members[first] += members.pop(second)
    return [sorted(found) for found in members.values()]


def _may_merge(
    left: Sequence[str],
    right: Sequence[str],
    links: Mapping[Pair, float],
    days: Mapping[str, date | None],
    rules: StoryRules,
) -> bool:
    total = sum(links.get((a, b) if a < b else (b, a), 0.0) for a in left for b in right)
    mean = total / (len(left) * len(right))
    if mean < rules.threshold:
        return False
    span = _span([days[i] for i in (*left, *right)])
    if span <= rules.date_window_days or not _dated(left, days) or not _dated(right, days):
        return True  # an undated side adds no date, so the span is one already accepted
    lone = min(len(left), len(right)) == 1
    return lone and mean >= rules.strong and span <= rules.far_days


def _dated(members: Sequence[str], days: Mapping[str, date | None]) -> bool:
    return any(days[i] is not None for i in members)


def _day(text: str) -> date | None:
    """An article's date, or None when unknown or unreadable (then it gates nothing)."""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _span(days: Sequence[date | None]) -> int:
    """Days between the earliest and the latest known date; 0 with fewer than two known."""
    known = [d for d in days if d is not None]
    return (max(known) - min(known)).days if known else 0


def _reach(members: Sequence[Article], position: Mapping[str, int]) -> tuple[int, int, str, int]:
    """Stories most outlets carry first, then the most articles, the earliest, report order."""
    dates = sorted(a.date for a in members if a.date)
    outlets = {a.label for a in members}
    return (-len(outlets), -len(members), dates[0] if dates else "~", position[members[0].id])


def _story(story_id: str, members: Sequence[Article], reader: WordReader) -> Story:
    dates = sorted({a.date for a in members if a.date})
    topics = Counter(
        t for a in members for t in dict.fromkeys(t for s in a.sentences for t in s.topics)
    )
    return Story(
        id=story_id,
        title=_title(members, reader),
        dates=tuple(dict.fromkeys([dates[0], dates[-1]])) if dates else (),
        topics=tuple(t for t, _ in sorted(topics.items(), key=lambda item: -item[1])),
        outlets=tuple(dict.fromkeys(a.label for a in members)),
        article_ids=tuple(a.id for a in members),
    )


def _title(members: Sequence[Article], reader: WordReader) -> str:
    """The headline sharing most words with the other members' headlines (the first by
    article id on a tie): the story's most representative wording of itself."""
    titled = [a for a in members if a.title.strip()]
    if not titled:
        return "Untitled story"
    words = {a.id: reader.sentence_content(a.title) for a in titled}
    shared = {i: sum(len(w & other) for other in words.values()) - len(w) for i, w in words.items()}
    best = min(titled, key=lambda a: (-shared[a.id], a.id))
    return best.title.strip()
