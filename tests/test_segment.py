"""Sentence boundaries and offsets on the seeds' hard cases."""

from __future__ import annotations

import pytest
from conftest import article

from framing.analyse.segment import split_sentences
from framing.ingest.clean import body_text
from framing.models import Briefing, Document, Metadata, Paragraph


def _sentences(*paragraphs: str, language: str = "en") -> list[str]:
    document = Document(
        "d", "d.txt", Metadata(), tuple(Paragraph("text", p) for p in paragraphs), ()
    )
    return [s.text for s in split_sentences(document, language)]


def test_abbreviations_and_titles_stay_intact() -> None:
    assert _sentences(
        "Netanyahu sent his military secretary, Maj. Gen. Roman Gofman, to Moscow. "
        "U.S. President Donald Trump said nothing."
    ) == [
        "Netanyahu sent his military secretary, Maj. Gen. Roman Gofman, to Moscow.",
        "U.S. President Donald Trump said nothing.",
    ]


def test_quote_ending_in_period_inside_quotes() -> None:
    assert _sentences(
        "It would make do with just “technical details.” At the same time, talks went on."
    ) == ["It would make do with just “technical details.”", "At the same time, talks went on."]


def test_offsets_index_into_the_body(seeds_briefing: Briefing) -> None:
    for found in seeds_briefing.articles:
        for sentence in found.sentences:
            assert found.body[sentence.start : sentence.end] == sentence.text


def test_ids_are_paragraph_and_index(seeds_briefing: Briefing) -> None:
    found = article(seeds_briefing, "jfeed")
    assert [s.id for s in found.sentences[:4]] == ["p1-s1", "p2-s1", "p2-s2", "p3-s1"]
    assert len({s.id for s in found.sentences}) == len(found.sentences)


def test_seed_sentences_with_abbreviations(seeds_briefing: Briefing) -> None:
    texts = [s.text for a in seeds_briefing.articles for s in a.sentences]
    assert any(
        t.startswith("Amid the escalating crisis between U.S. President Donald Trump")
        for t in texts
    )
    assert "“technical details.”" in next(
        t for t in texts if t.startswith("The Pentagon announced")
    )


def test_long_paragraph_is_cut_before_segmenting() -> None:
    sentence = "Russia and Israel kept talking about Syria for many long hours. "
    document = Document("d", "d.txt", Metadata(), (Paragraph("text", sentence * 400),), ())
    sentences = split_sentences(document)
    assert len(sentences) == 400
    assert all(body_text(document)[s.start : s.end] == s.text for s in sentences)


GERMAN = (
    "Kritiker aus der Opposition, z. B. aus der Linken, forderten mehr Diplomatie. "
    "Dr. Sabine Keller vom Verteidigungsministerium widersprach am 3. Oktober in Berlin. "
    "Die Debatte geht weiter."
)
HEBREW = (
    "ראש הממשלה נפגש הערב בירושלים עם שר החוץ של ארצות הברית. בפגישה דנו השניים "
    "במאמצים להשגת הפסקת אש ובשחרור החטופים המוחזקים ברצועת עזה. לפי גורמים מדיניים, "
    "ישראל הציגה עמדה נוקשה בנוגע לדרישות חמאס."
)


def test_german_abbreviations_with_german_rules() -> None:
    assert _sentences(GERMAN, language="de") == [
        "Kritiker aus der Opposition, z. B. aus der Linken, forderten mehr Diplomatie.",
        "Dr. Sabine Keller vom Verteidigungsministerium widersprach am 3. Oktober in Berlin.",
        "Die Debatte geht weiter.",
    ]


def test_english_rules_would_break_german() -> None:
    """The language argument matters: English rules end a sentence at "z." and "3."."""
    assert "Kritiker aus der Opposition, z." in _sentences(GERMAN)


def test_language_without_rules_gets_english_ones() -> None:
    assert _sentences(HEBREW, language="he") == [
        "ראש הממשלה נפגש הערב בירושלים עם שר החוץ של ארצות הברית.",
        "בפגישה דנו השניים במאמצים להשגת הפסקת אש ובשחרור החטופים המוחזקים ברצועת עזה.",
        "לפי גורמים מדיניים, ישראל הציגה עמדה נוקשה בנוגע לדרישות חמאס.",
    ]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Переговоры в Каире продолжались до глубокой ночи в среду. "),
        ("he", "השיחות בקהיר נמשכו עד שעות הלילה המאוחרות. "),
        ("ar", "استمرت المحادثات في القاهرة حتى وقت متأخر من الليل. "),
    ],
)
def test_long_paragraph_in_another_script_is_cut_between_sentences(
    language: str, sentence: str
) -> None:
    """No capital letters to look for (Hebrew, Arabic) or none in A-Z (Russian): the cut still
    falls after a full stop, never inside a sentence."""
    document = Document("d", "d.txt", Metadata(), (Paragraph("text", sentence * 400),), ())
    sentences = split_sentences(document, language)
    assert [s.text for s in sentences] == [sentence.strip()] * 400
    assert all(body_text(document)[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "paragraph",
    [
        # BASIL: a party-state abbreviation after a name, then the verb
        "“We had no defense at all,” Sen. Rand Paul, R-Ky., said on “Fox & Friends.”",
        "Sen. Dianne Feinstein, D-Calif., the top Democrat on the Senate Judiciary Committee, "
        "said on Sunday that the bill would fail.",
        "Sen. Jeff Flake, R-Ariz., said Steele's comments were wrong.",
        "Sen. John McCain (R-Ariz.) and Chuck Schumer (D-N.Y.) called on Trump to cancel it.",
        "Senate Minority Leader Chuck Schumer, D-N.Y., said the F.B.I. should investigate.",
        "The U.S. government and the F.B.I. declined to comment.",
    ],
)
def test_abbreviations_inside_a_sentence_do_not_end_it(paragraph: str) -> None:
    assert _sentences(paragraph) == [paragraph]


def test_abbreviation_at_a_real_sentence_end_still_ends_it() -> None:
    assert _sentences(
        "The bill was backed by Rep. Zoe Lofgren, D-Calif. Republicans opposed it. "
        "It happened in the U.S. The next day he left."
    ) == [
        "The bill was backed by Rep. Zoe Lofgren, D-Calif.",
        "Republicans opposed it.",
        "It happened in the U.S.",
        "The next day he left.",
    ]


def test_merged_sentence_offsets_index_into_the_body() -> None:
    text = "“No,” said Rep. Mike Doyle, D-Pa., the team’s manager. He left."
    document = Document("d", "d.txt", Metadata(), (Paragraph("text", text),), ())
    sentences = split_sentences(document)
    assert [s.text for s in sentences] == [text[:-9], "He left."]
    assert all(body_text(document)[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "paragraph",
    [
        # BASIL: pysbd cut after "Jr." and after a nested closing quote
        "In a statement to The Atlantic, Trump Jr.’s attorney, Alan Futerfas, said no.",
        "“We do not operate by ‘secret opinions of the Department of Justice,’ ” Mr. Weich wrote.",
    ],
)
def test_possessive_and_quoted_comma_do_not_end_a_sentence(paragraph: str) -> None:
    assert _sentences(paragraph) == [paragraph]
