"""Genre on real text: quoted words are never the author's, abbreviations are not words, and
the calibrated rule tells a news report from a column."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.analyse.genre import (
    GenreSignals,
    author_voice,
    classify_genre,
    genre_signals,
    judge,
)
from framing.analyse.quotation import borrowed_spans, quotations, quoted_spans
from framing.lexicon import TokenizedSentence, tokenized
from framing.models import Article, Match
from framing.pipeline import analyse_file

GENRE = Path(__file__).resolve().parent / "data" / "genre"


def measured(article: Article) -> tuple[TokenizedSentence, ...]:
    """The sentences the measures read: the headline, then the body."""
    return tokenized(
        [("title", article.title, True)] + [(s.id, s.text, s.heading) for s in article.sentences]
    )


def read(name: str) -> tuple[tuple[TokenizedSentence, ...], tuple[Match, ...], GenreSignals]:
    """A fixture analysed as the pipeline does: its sentences, the author's voice, signals."""
    article = analyse_file(GENRE / name).article
    sentences, f = measured(article), article.framing
    voice = author_voice(sentences, f.first_person)
    signals = genre_signals(
        sentences,
        f.words,
        quotes=f.quotes,
        anonymous=f.anonymous_sources,
        first_person=voice,
        prescriptions=f.prescriptions,
        hedges=f.hedges,
        boosters=f.boosters,
        loaded=f.loaded,
    )
    return sentences, voice, signals


def test_the_i_of_an_abbreviation_is_not_the_author() -> None:
    _, voice, signals = read("news-abbreviations.txt")
    assert voice == ()
    assert judge(signals) == "news"


def test_abbreviations_and_names_are_not_first_person() -> None:
    sentences = tokenized(
        [
            ("p1-s1", "Sen. Jack Reed, D-R.I., and Sen. Bernie Sanders (I-Vt.) spoke.", False),
            (
                "p2-s1",
                "AUGUSTA, Me. — The priest of Our Lady of Guadalupe came to mine data.",
                False,
            ),
            ("p3-s1", "I was there, and the choice was mine.", False),
        ]
    )
    texts = {s.id: s.text for s in sentences}
    words = ["I", "I", "Me", "Our", "mine", "I", "mine"]
    found, start = [], {s.id: 0 for s in sentences}
    for sentence in sentences:
        for word in words:
            at = texts[sentence.id].find(word, start[sentence.id])
            if at >= 0 and (at == 0 or not texts[sentence.id][at - 1].isalpha()):
                end = at + len(word)
                if end == len(texts[sentence.id]) or not texts[sentence.id][end].isalpha():
                    found.append(Match(sentence.id, at, end, word, word.lower(), "singular"))
                    start[sentence.id] = end
    kept = [(m.sentence_id, m.text) for m in author_voice(sentences, found)]
    assert kept == [("p3-s1", "I"), ("p3-s1", "mine")]


def test_tweets_quoted_across_paragraphs_are_not_the_author() -> None:
    sentences, voice, signals = read("news-tweets.txt")
    assert voice == ()
    spans = quoted_spans(sentences)
    by_text = {s.text[:20]: spans[s.id] for s in sentences}
    # opened in one paragraph, closed in the next without reopening
    assert by_text['"Brett McGurk, who I'] == (
        (0, len('"Brett McGurk, who I do not know, was appointed by President Obama in 2015.')),
    )
    assert by_text["Was supposed to leav"][0][0] == 0
    assert judge(signals) == "news"


def test_a_quotation_seen_only_by_its_closing_mark() -> None:
    _, voice, signals = read("news-unopened-quote.txt")
    assert voice == ()
    assert judge(signals) == "news"


def test_straight_marks_open_and_close_by_their_neighbours() -> None:
    sentences = tokenized(
        [
            ("p1-s1", '"We are done," he said, "and I mean it."', False),
            ("p2-s1", 'She wrote: "It is 5 p.m.," then left.', False),
        ]
    )
    texts = [[sentences[p.index].text[p.start : p.end] for p in q] for q in quotations(sentences)]
    assert texts == [["We are done,"], ["and I mean it."], ["It is 5 p.m.,"]]


def test_doubled_single_marks_and_single_quoted_speech() -> None:
    sentences = tokenized(
        [
            ("p1-s1", "‘‘I do focus groups,’’ he said.", False),
            ("p2-s1", "The president says 'I feel badly for General Flynn.' on air.", False),
            ("p3-s1", "Trump's 'fake news' line, and I agree.", False),
        ]
    )
    spans = borrowed_spans(sentences)
    assert sentences[0].text[slice(*quoted_spans(sentences)["p1-s1"][0])] == "‘I do focus groups,’"
    assert [sentences[1].text[a:b] for a, b in spans["p2-s1"]] == [
        "'I feel badly for General Flynn.'"
    ]
    assert spans["p3-s1"] == ()  # a two-word label, and apostrophes, are not speech


def test_block_quotations_embedded_posts_and_transcripts_are_borrowed() -> None:
    sentences = tokenized(
        [
            ("p1-s1", "The senator posted a statement:", False),
            ("p2-s1", "I will not vote for this bill.", False),
            ("p3-s1", "The vote is on Tuesday.", False),
            ("p4-s1", "We did it! pic.twitter.com/abc123 — Jane Doe (@janedoe) May 2, 2019", False),
            ("p5-s1", "ARI SHAPIRO, HOST: I asked him why.", False),
        ]
    )
    spans = borrowed_spans(sentences)
    assert [s.id for s in sentences if spans[s.id]] == ["p2-s1", "p4-s1", "p5-s1"]


def test_a_transcripts_turns_run_on_over_paragraphs() -> None:
    """An NPR transcript (AllSides, NPR news): the host's "we" and "our" are in his turn."""
    sentences = tokenized(
        [
            ("p1-s1", "President Obama met with allied defense chiefs.", False),
            ("p2-s1", "STEVE INSKEEP, HOST: The United States has assembled a coalition.", False),
            ("p3-s1", "The trouble, as we'll report this morning, is that not all agree.", False),
            ("p3-s2", "Our coverage starts with NPR's Scott Horsley.", False),
            ("p4-s1", "SCOTT HORSLEY, BYLINE: It's been just over a month.", False),
        ]
    )
    spans = borrowed_spans(sentences)
    assert [s.id for s in sentences if spans[s.id]] == ["p2-s1", "p3-s1", "p3-s2", "p4-s1"]


def test_repeated_plain_labels_are_turns_and_one_is_not() -> None:
    """Readers' comments under a BBC news poll story: "Name, Place:" opens each one."""
    comments = [
        ("p1-s1", "So - do BBC readers agree?", False),
        ("p2-s1", "Stephen, Australia: I totally agree with Mike Pence.", False),
        ("p3-s1", "Sarah, US: I'm a 52-year-old married woman.", False),
    ]
    spans = borrowed_spans(tokenized(comments))
    assert [key for key, found in spans.items() if found] == ["p2-s1", "p3-s1"]
    assert not any(borrowed_spans(tokenized(comments[:2])).values())


def test_attributions_are_counted_in_the_authors_voice_only() -> None:
    sentences = tokenized(
        [
            ("p1-s1", "The threat has increased, officials said on Friday.", False),
            ("p2-s1", "According to Europol, arrests rose to 216.", False),
            ("p3-s1", "“Nobody told us,” she said.", False),
        ]
    )
    signals = genre_signals(
        sentences,
        20,
        quotes=(),
        anonymous=(),
        first_person=(),
        prescriptions=(),
        hedges=(),
        boosters=(),
        loaded=(),
    )
    assert signals.attributions == 3  # "said", "According to", "said"; not the quoted "told"


def test_a_column_reads_as_opinion() -> None:
    _, voice, signals = read("opinion-column.txt")
    assert {m.text.lower() for m in voice} >= {"our", "we"}
    assert judge(signals) == "opinion"


@pytest.mark.parametrize(
    ("counts", "label"),
    [
        ({"named_quotes": 12}, "news"),
        ({"named_quotes": 12, "prescriptions": 1}, "news"),  # a "should" in passing
        ({"hedges": 8}, "news"),  # a short brief with no quotes
        ({"named_quotes": 12, "first_person": 3}, "news"),  # a reporter's "I"
        ({"first_person": 3, "loaded": 9}, "opinion"),
        ({"prescriptions": 3}, "opinion"),
        ({"loaded": 9}, "opinion"),  # loaded and unsourced
        ({"loaded": 9, "named_quotes": 12}, "news"),  # loaded words of a sourced report
        ({"loaded": 9, "attributions": 12}, "news"),  # … or one that says who says so
        ({"first_person": 2, "loaded": 9, "named_quotes": 12}, "news"),  # a reporter's aside
        ({"first_person": 3, "named_quotes": 2}, "analysis"),
    ],
)
def test_the_rule_on_counts(counts: dict[str, int], label: str) -> None:
    base = dict.fromkeys(
        ("named_quotes", "anonymous_sources", "first_person", "prescriptions", "hedges"), 0
    ) | {"boosters": 0, "loaded": 0}
    signals = GenreSignals(words=1000, **(base | counts))
    assert judge(signals) == label
    assert classify_genre("", signals).label == label


def test_a_source_label_wins() -> None:
    signals = GenreSignals(1000, 12, 0, 0, 0, 0, 0, 0)
    genre = classify_genre("Op-Ed", signals)
    assert (genre.label, genre.reasons[0]) == ("opinion", "labelled “Op-Ed” by its source")
