"""The one reading of where quotations are, shared by sourcing, stance, genre and labels."""

from __future__ import annotations

from framing.analyse.quotation import quotations, quoted_spans
from framing.lexicon import tokenized


def test_a_quotation_runs_on_through_its_paragraph_and_reopens_in_the_next() -> None:
    sentences = tokenized(
        [
            ("p1-s1", "“We will not allow it. ", False),
            ("p1-s2", "We mean it,” Katz said.", False),
            ("p2-s1", "“Never,” he added, “not once.”", False),
        ]
    )
    found = quotations(sentences)
    assert [[(p.index, p.start, p.end) for p in q] for q in found] == [
        [(0, 1, 23), (1, 0, 11)],
        [(2, 1, 7)],
        [(2, 20, 29)],
    ]
    spans = quoted_spans(sentences)
    assert spans["p1-s2"] == ((0, 12),)  # up to and including the closing mark
    assert sentences[2].text[slice(*spans["p2-s1"][1])] == "“not once.”"


def test_a_mark_never_closed_in_its_paragraph_quotes_nothing() -> None:
    sentences = tokenized(
        [("p1-s1", "He called it “a disaster.", False), ("p2-s1", "Then.", False)]
    )
    assert quotations(sentences) == ()
    assert quoted_spans(sentences) == {"p1-s1": (), "p2-s1": ()}


def test_guillemets_and_straight_quotes_count() -> None:
    sentences = tokenized([("p1-s1", 'He spoke of «resistance» and "martyrs".', False)])
    text = sentences[0].text
    assert [text[a:b] for a, b in quoted_spans(sentences)["p1-s1"]] == ["«resistance»", '"martyrs"']
