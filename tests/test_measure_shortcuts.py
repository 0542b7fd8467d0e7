"""The measures' shortcuts read exactly as the plain readings they replace.

The phrase matcher walks a trie, sentences are read into words once with their gaps cut
once, topics try only the aliases whose first word is there, and the sourcing measures share
one reading of the article. Each is checked here against the plain reading on the seeds."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from framing.analyse.actor_words import SentenceWords, read_words
from framing.analyse.measure import Measures
from framing.analyse.noun_phrases import word_range
from framing.analyse.topics import TopicMatcher, _alternation, default_topics, matchable
from framing.lexicon import PhraseMatcher, Token, TokenizedSentence, load_lexicons
from framing.models import Match

Sentences = dict[str, tuple[TokenizedSentence, ...]]


@pytest.fixture(scope="module")
def measures() -> Measures:
    return Measures(load_lexicons())


def _sentences(seeds: Sentences) -> list[TokenizedSentence]:
    return [sentence for article in seeds.values() for sentence in article]


def _plain_find(matcher: PhraseMatcher, tokens: Sequence[Token], text: str) -> list[Match]:
    """Longest match first, trying every length at every token: the matcher's definition."""
    phrases = {**matcher._index, **matcher._exclude}
    longest = max(map(len, phrases), default=0)
    found, i = [], 0
    while i < len(tokens):
        for length in range(min(longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            key = tuple(t.lower for t in window)
            entries = matcher._exclude.get(key) or [
                e
                for e in matcher._index.get(key, ())
                if e.exact is None or e.exact == tuple(t.text for t in window)
            ]
            if entries:
                start, end = window[0].start, window[-1].end
                found += [
                    Match("s", start, end, text[start:end], e.term, e.category)
                    for e in entries
                    if e.category
                ]
                i += length
                break
        else:
            i += 1
    return found


def test_the_trie_finds_what_trying_every_length_finds(
    seed_sentences: Sentences, measures: Measures
) -> None:
    lexicon = measures.sourcing._lexicon
    matchers = [
        measures.frames._matcher,
        measures.loaded._matcher,
        measures.stance._hedges,
        measures.stance._boosters,
        measures.actors._names,
        measures.actors._adjectives,
        lexicon.verbs,
        lexicon.anonymous,
        lexicon.first_person,
        lexicon.sides,
    ]
    for sentence in _sentences(seed_sentences):
        for matcher in matchers:
            expected = _plain_find(matcher, sentence.tokens, sentence.text)
            assert matcher.find(sentence.tokens, sentence.text, "s") == expected


def test_gaps_and_word_ranges_read_as_the_words_say(seed_sentences: Sentences) -> None:
    for sentence in _sentences(seed_sentences):
        words = read_words(sentence)
        assert read_words(sentence) is words  # read once, kept for the next measure
        for i in range(len(words.words) + 1):
            before = words.words[i - 1].end if i > 0 else 0
            after = words.words[i].start if i < len(words.words) else len(sentence.text)
            assert words.gap(i) == sentence.text[before:after]
        for token in sentence.tokens:
            match = Match(sentence.id, token.start, token.end, token.text, "", "")
            if token.text[:1].isalnum():
                assert word_range(words, match) == _plain_range(words, match)


def _plain_range(words: SentenceWords, match: Match) -> tuple[int, int]:
    first = next(i for i, w in enumerate(words.words) if w.end > match.start)
    last = max(i for i, w in enumerate(words.words) if w.start < match.end)
    return first, last


def test_topics_match_as_one_pattern_of_all_aliases_does(seed_sentences: Sentences) -> None:
    for topic in default_topics():
        matcher, pattern = TopicMatcher(topic), _alternation(topic.aliases)
        exclude = _alternation(topic.exclude) if topic.exclude else None
        for sentence in _sentences(seed_sentences):
            text = matchable(sentence.text)
            kept = exclude.sub(" ", text) if exclude is not None else text
            assert matcher.mentions_matchable(text) == (pattern.search(kept) is not None)


def test_the_sourcing_measures_read_the_same_with_one_shared_reading(
    seed_sentences: Sentences, measures: Measures
) -> None:
    sourcing = measures.sourcing
    for sentences in seed_sentences.values():
        shared = sourcing.read(sentences)
        assert sourcing.quotes(sentences, shared) == sourcing.quotes(sentences)
        assert sourcing.anonymous(sentences, shared) == sourcing.anonymous(sentences)
        assert sourcing.scare_quotes(sentences, shared) == sourcing.scare_quotes(sentences)
        assert sourcing.first_person(sentences, shared) == sourcing.first_person(sentences)
