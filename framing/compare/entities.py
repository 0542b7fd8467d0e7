"""Which names found in the text become the briefing's actors and topics.

Each article brings the names it writes (`ActorProfile.found`); one article cannot tell the
story's actors from a passing name, the corpus can: a name is kept when two or more outlets
write it (in a one-outlet corpus, two articles, or three mentions in a single article). Across
articles a surname joins the one full name that ends in it ("Moore" in one outlet, "Roy
Moore" in another), and an outlet's own name is never its actor. The people and
organisations most outlets name also become topics, unless the user fixed the topics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from framing.models import ActorProfile, Article, SentenceTopics, Topic

MIN_OUTLETS = 2
"""Outlets that must write a name for it to be the story's actor."""
MIN_MENTIONS_ALONE = 3
"""Mentions that keep a name when the corpus has a single article."""
MAX_FOUND_ACTORS = 16
"""Found names kept as actors, most widely named first: the label table stays readable."""
MAX_FOUND_TOPICS = 4
"""Found people and organisations that also become topics (side-by-side sections)."""
MIN_TOPIC_MENTIONS = 3
"""Mentions across the corpus that a found name needs to be a topic of its own."""
KIND_ORDER = {"person": 0, "organisation": 1, "name": 2, "place": 3}
"""Among names as widely written, people and organisations lead: places are mostly setting."""


@dataclass(frozen=True)
class SharedName:
    """A found name kept for the briefing, with how widely the corpus writes it."""

    name: str
    kind: str
    forms: tuple[str, ...]
    outlets: int
    mentions: int
    written: tuple[str, ...]  # the articles' own names for it ("Moore", "Roy Moore")


def shared_names(articles: Sequence[Article]) -> tuple[SharedName, ...]:
    """The found names the corpus shares, ranked: most outlets, people first, most mentions."""
    found = [(a, p) for a in articles for p in a.framing.actors if p.found]
    corpus = _corpus_names([p.name for _, p in found])
    outlets: dict[str, set[str]] = {}
    articles_of: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    written: dict[str, set[str]] = {}
    for article, profile in found:
        name = corpus[profile.name]
        written.setdefault(name, set()).add(profile.name)
        outlets.setdefault(name, set()).add(article.label)
        articles_of.setdefault(name, set()).add(article.id)
        mentions[name] += profile.mentions
        forms.setdefault(name, set()).update(m.text for m in profile.mentions_evidence)
        kinds.setdefault(name, Counter())[profile.kind] += profile.mentions
    own = {_squeeze(a.outlet) for a in articles} | {_squeeze(a.label) for a in articles}
    many = len({a.label for a in articles}) >= MIN_OUTLETS
    kept = [
        SharedName(
            name,
            _kind(kinds[name]),
            tuple(sorted(forms[name])),
            len(outlets[name]),
            mentions[name],
            tuple(sorted(written[name])),
        )
        for name in outlets
        if _squeeze(name) not in own
        and _widely_named(len(outlets[name]), len(articles_of[name]), mentions[name], many)
    ]
    kept.sort(key=lambda s: (-s.outlets, KIND_ORDER.get(s.kind, 2), -s.mentions, s.name))
    return tuple(kept[:MAX_FOUND_ACTORS])


def _widely_named(outlets: int, articles: int, mentions: int, many_outlets: bool) -> bool:
    if many_outlets:
        return outlets >= MIN_OUTLETS
    return articles >= 2 or mentions >= MIN_MENTIONS_ALONE


def _corpus_names(names: Sequence[str]) -> dict[str, str]:
    """Each article's name for a thing -> the corpus's name: spelling variants of case and
    apostrophes joined, full names of one surname and first syllable joined ("Dave Brat",
    "David Brat", "Hillary Rodham Clinton" and "Hillary Clinton": the one more articles
    write), and a surname or an acronym to the one full name it stands for ("Moore" -> "Roy
    Moore", "NRA" -> "National Rifle Association")."""
    written = Counter(names)
    by_key: dict[str, str] = {}
    for name in sorted(written, key=lambda n: (-written[n], -len(n), n)):
        by_key.setdefault(_person_key(name), name)
    surnames, acronyms = _short_forms(n for n in by_key.values() if " " in n)
    result = {}
    for name in written:
        corpus = by_key[_person_key(name)]
        if " " not in corpus:
            key = _key(corpus)
            longer = surnames.get(key, set()) | acronyms.get(key.replace(".", ""), set())
            corpus = longer.pop() if len(longer) == 1 else corpus
        result[name] = corpus
    return result


def _short_forms(full_names: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The full names by surname ("moore" -> "Roy Moore") and by acronym ("nra" -> "National
    Rifle Association"; "N.R.A." is read as "nra"): looked up once per name, where scanning
    every full name for every name grew with the square of the corpus."""
    surnames: dict[str, set[str]] = {}
    acronyms: dict[str, set[str]] = {}
    for full in full_names:
        words = _key(full).split()
        initials = "".join(w[0] for w in words if w not in ("of", "for", "and", "the"))
        surnames.setdefault(words[-1], set()).add(full)
        acronyms.setdefault(initials, set()).add(full)
    return surnames, acronyms


def _person_key(name: str) -> str:
    """A name of two or three words by its first three letters and its last word: "dav
    brat" ("Dave Brat", "David Brat"), "hil clinton"; longer names as written."""
    words = _key(name).split()
    return f"{words[0][:3]} {words[-1]}" if len(words) in (2, 3) else " ".join(words)


def _key(name: str) -> str:
    return name.replace("’", "'").casefold()


def _squeeze(name: str) -> str:
    """A name without "The", spaces and a web suffix: "FoxNews.com" and "Fox News" meet."""
    squeezed = re.sub(r"^the\s+|\.com$|[\s.'’-]", "", name.casefold())
    return squeezed or name.casefold()


def _kind(kinds: Counter[str]) -> str:
    """The kind most mentions were read as; a named kind wins over "name"."""
    named = Counter({k: n for k, n in kinds.items() if k != "name"})
    return (named or kinds).most_common(1)[0][0]


def keep_shared(articles: Sequence[Article], shared: Sequence[SharedName]) -> list[Article]:
    """Every article with only the found actors the corpus shares, under the corpus's name."""
    corpus = {written: s.name for s in shared for written in s.written}
    kinds = {s.name: s.kind for s in shared}
    return [_with_actors(article, corpus, kinds) for article in articles]


def _with_actors(article: Article, corpus: Mapping[str, str], kinds: Mapping[str, str]) -> Article:
    """The article's actors: the lexicon's, and the found ones the corpus keeps, named and
    kinded as the corpus reads them (a surname alone is the person its full name is)."""
    actors: list[ActorProfile] = []
    names: set[str] = set()
    for profile in article.framing.actors:
        name = corpus.get(profile.name, "") if profile.found else profile.name
        if not name or name in names:
            continue
        names.add(name)
        kind = kinds[name] if profile.found else profile.kind
        actors.append(replace(profile, name=name, kind=kind))
    return replace(article, framing=replace(article.framing, actors=tuple(actors)))


def found_topics(shared: Sequence[SharedName]) -> tuple[Topic, ...]:
    """The people (by full name) and organisations most outlets name, as topics of their own."""
    actors = [
        s
        for s in shared
        if (s.kind == "organisation" or (s.kind == "person" and " " in s.name))
        and s.mentions >= MIN_TOPIC_MENTIONS
    ]
    return tuple(Topic(s.name, s.forms) for s in actors[:MAX_FOUND_TOPICS])


def with_topics(articles: Sequence[Article], topics: Sequence[Topic]) -> list[Article]:
    """Articles whose sentences also carry the found `topics` they mention (by the actor's
    mentions, so a surname counts)."""
    names = {t.name for t in topics}
    return [_tagged(article, names) for article in articles]


def _tagged(article: Article, names: set[str]) -> Article:
    by_sentence: dict[str, list[str]] = {}
    for profile in article.framing.actors:
        if profile.name in names:
            for match in profile.mentions_evidence:
                by_sentence.setdefault(match.sentence_id, []).append(profile.name)
    sentences = tuple(_tag(s, by_sentence.get(s.id, ())) for s in article.sentences)
    return replace(article, sentences=sentences)


def _tag(sentence: SentenceTopics, names: Sequence[str]) -> SentenceTopics:
    extra = [n for n in dict.fromkeys(names) if n not in sentence.topics]
    return replace(sentence, topics=(*sentence.topics, *extra)) if extra else sentence
