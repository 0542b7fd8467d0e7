"""Scare quotes: show, book and film titles, attributed partial quotes and whole quoted
sentences are not the writer's distancing marks; unattributed quoted labels are. Sentences
are from BASIL news reports (Fox News, The New York Times, HuffPost) or written like them."""

from __future__ import annotations

from functools import cache

import pytest

from framing.analyse.attribution import SCARE_QUOTE_WORDS, Attribution, count_words
from framing.analyse.scare_quotes import is_scare_quote, is_title, title_cues
from framing.analyse.sourcing_lexicon import SourcingLexicon, read_sourcing_lexicon
from framing.lexicon import load_lexicons, tokenized


@cache
def lexicon() -> SourcingLexicon:
    return read_sourcing_lexicon(load_lexicons()["sourcing"])


def scare_quotes(*texts: str) -> list[str]:
    """The short unattributed quoted spans judged scare quotes, as `Sourcing.scare_quotes`
    reads them (one piece, a label's length, no speaker close by)."""
    sentences = tokenized((f"p1-s{i}", text, False) for i, text in enumerate(texts, 1))
    context = Attribution(lexicon(), sentences)
    found = []
    for pieces in context.quotations:
        if len(pieces) > 1 or count_words(context.piece_text(pieces[0])) > SCARE_QUOTE_WORDS:
            continue
        if context.attribute(pieces, None) is None and is_scare_quote(context, pieces[0]):
            found.append(context.piece_text(pieces[0]).rstrip(".,"))
    return found


@pytest.mark.parametrize(
    "text",
    [
        'Netanyahu also made an appearance on NBC\'s "Meet the Press" last Sunday.',
        'Trump told NBC\'s "Today" show on Thursday that he had doubts.',
        "In an interview shown Thursday on the “Today” show, Mr. Trump spoke at length.",
        'The Republican chairman appeared on "Fox News Sunday" to defend the plan.',
        'The "Celebrity Apprentice" star has shot up in the polls.',
        'It portrayed Mitt Romney as one of the stars of the Broadway show "The Book of Mormon."',
        "A soundtrack fit for an episodic drama like “Homeland” plays as the video opens.",
        "The memoir, titled “Hard Choices,” went on sale in June.",
    ],
)
def test_titles_are_not_scare_quotes(text: str) -> None:
    assert scare_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mrs. Clinton said she hoped Mr. Obama would “seize” the chance to work with Democrats.",
        "Trump called the case against Michael Flynn “very unfair,” and left the room.",
        "Holder said he understood the desire of residents for an “independent” inquiry.",
        "Representative Peter Welch voted no, calling the tax deal “fiscally irresponsible.”",
        "The ministry said the strikes were “precise” and “limited.”",
    ],
)
def test_attributed_partial_quotes_are_not_scare_quotes(text: str) -> None:
    assert scare_quotes(text) == []


def test_a_whole_quoted_sentence_continues_a_speaker() -> None:
    said = "“We are starting a good dialogue,” the mayor said on Monday."
    assert scare_quotes(said, "“I’m hopeful.”") == []


def test_unattributed_labels_are_scare_quotes() -> None:
    assert scare_quotes(
        "The trip became known as a so-called “apology tour” at home.",
        "The legislation would give the president “fast-track” authority to approve deals.",
        'It allowed businesses to refuse service on "religious freedom" grounds.',
        'But "birthers" have demanded additional proof.',
        # seed article: "alleged" is an adjective here, and the label is Russia's, not theirs
        "Israeli diplomats have pointed out that Russia has made much ado about alleged "
        "Ukrainian “neo-Nazis,” including President Zelensky.",
        # a comma ends the clause of "maintains": the label is the writer's mark
        "Russia maintains an alliance with Iran, including support for its “civilian” program.",
    ) == ["apology tour", "fast-track", "religious freedom", "birthers", "neo-Nazis", "civilian"]


def test_title_shape() -> None:
    cues = title_cues()

    def title(text: str, quoted: str) -> bool:
        start = text.index(quoted)
        return is_title(text, start, start + len(quoted), cues)

    assert title("He spoke on CBS’s “Face the Nation” on Sunday.", "Face the Nation")
    assert title("a segment on “Today”", "Today")
    assert not title("a “terrorist International” of sorts", "terrorist International")
    assert not title("with “limited” exemptions", "limited")
    assert not title("what she calls “Obamacare” in speeches", "Obamacare")
