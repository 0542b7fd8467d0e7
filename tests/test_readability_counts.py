"""The readability formulas over counts taken once give textstat's own values, to the bit.

textstat stays the source of truth: every expected value below comes from its backend's metric
functions over the whole text, as `measure_readability` called them before it counted once.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator

import pytest
from conftest import DATA, SEEDS
from textstat.backend import counts, metrics

from framing.analyse import readability
from framing.analyse.readability import (
    TEXTSTAT_LOCALES,
    TOO_SHORT_WORDS,
    WORDS_PER_MINUTE,
    fog_threshold,
    measure_readability,
)
from framing.analyse.readability_counts import ProseCounts, count_prose, count_sentences
from framing.ingest.clean import body_text
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.ingest.language import READABILITY_LANGUAGES, detect_language
from framing.models import Readability

EDGE_CASES = {
    "empty": "",
    "spaces": "  \n\t ",
    "one word": "Ceasefire",
    "one word, full stop": "Ceasefire.",
    "no sentence end": "the talks in Cairo went on through the night without any agreement",
    "numbers": "In 2024, 3.5% of 1,000 voters paid $12.50 on 11/05 at 9:30 a.m. for 2 items.",
    "hyphens": "A well-known, state-of-the-art co-operation - mid-2020s -- re-elected -ish.",
    "apostrophes": (
        "Don't you think it's the dogs' bowl? 'Quoted' words, rock'n'roll and O'Neill's "
        "ministers' talks; they'd've gone, y'all. ’Tis the officials’ view, isn’t it?"
    ),
    "punctuation only": "... !!! ?? — ,; ( ) \" ' - ... ?!",
    "abbreviations": "U.S. officials met the U.N. envoy at 5 p.m. on Jan. 3. They left.",
    "dotted capital": "İstanbul and İzmir sent ÉLAN delegations. İ. ΣΊΣΥΦΟΣ wrote back.",
    "german": (
        "Die Bundesregierung hat am Montag in Berlin neue Hilfen für die Ukraine angekündigt. "
        "Nach Angaben des Verteidigungsministeriums sollen weitere Luftabwehrsysteme "
        "geliefert werden. Kritiker forderten dagegen mehr diplomatische Initiativen!"
    ),
    "spanish": (
        "El ministro de Asuntos Exteriores viajó el martes a El Cairo para participar en las "
        "negociaciones. ¿Continuarán las conversaciones? Según fuentes diplomáticas, sí."
    ),
}
FORMULAS: dict[str, Callable[[str, str], float]] = {
    "flesch_reading_ease": metrics.flesch_reading_ease,
    "flesch_kincaid_grade": metrics.flesch_kincaid_grade,
    "gunning_fog": metrics.gunning_fog,
    "smog_index": metrics.smog_index,
    "coleman_liau_index": lambda text, _locale: metrics.coleman_liau_index(text),
    "automated_readability_index": lambda text, _locale: metrics.automated_readability_index(text),
    "dale_chall": metrics.dale_chall_readability_score,
}
ENGLISH_ONLY = {"gunning_fog", "dale_chall"}


def textstat_readability(prose: str, sentence_count: int, language: str) -> Readability:
    """`measure_readability` as it was: each of textstat's metric functions over the text."""
    locale = TEXTSTAT_LOCALES.get(language, language)
    scored = language in READABILITY_LANGUAGES
    scores = {
        name: round(float(formula(prose, locale)), 2)
        if scored and (language == "en" or name not in ENGLISH_ONLY)
        else 0.0
        for name, formula in FORMULAS.items()
    }
    words = counts.count_words(prose)
    return Readability(
        **scores,
        words=words,
        sentences=sentence_count,
        words_per_sentence=round(words / sentence_count, 2) if sentence_count else 0.0,
        reading_time_minutes=round(words / WORDS_PER_MINUTE, 2),
        too_short=words < TOO_SHORT_WORDS,
        scored=scored,
    )


def fast_formulas(prose: str, language: str) -> dict[str, float]:
    """The unrounded formulas over the counts, as `measure_readability` computes them."""
    locale = TEXTSTAT_LOCALES.get(language, language)
    english = language == "en"
    counted = count_prose(prose, locale, fog_threshold(locale) if english else None)
    values = {
        "flesch_reading_ease": readability.flesch_reading_ease(counted, locale),
        "flesch_kincaid_grade": readability.flesch_kincaid_grade(counted),
        "smog_index": readability.smog_index(counted),
        "coleman_liau_index": readability.coleman_liau_index(counted),
        "automated_readability_index": readability.automated_readability_index(counted),
    }
    if english:
        values["gunning_fog"] = readability.gunning_fog(counted)
        values["dale_chall"] = readability.dale_chall(counted)
    return values


def textstat_counts(prose: str, locale: str, english: bool) -> ProseCounts:
    """The counts by textstat's own count functions, each over the whole text."""
    return ProseCounts(
        words=counts.count_words(prose),
        sentences=counts.count_sentences(prose),
        syllables=counts.count_syllables(prose, locale),
        polysyllables=counts.count_polysyllable_words(prose, locale),
        letters=counts.count_letters(prose),
        characters=counts.count_chars(prose, ignore_spaces=True),
        tokens=counts.count_words(prose, rm_punctuation=False),
        fog_difficult=counts.count_difficult_words(prose, locale, 3) if english else 0,
        unfamiliar=counts.count_difficult_words(prose, locale, 0) if english else 0,
    )


def assert_textstats(text: str, language: str) -> None:
    """Every count, and every formula unrounded, equal to textstat's."""
    locale = TEXTSTAT_LOCALES.get(language, language)
    english = language == "en"
    counted = count_prose(text, locale, fog_threshold(locale) if english else None)
    assert counted == textstat_counts(text, locale, english), text
    for name, value in fast_formulas(text, language).items():
        assert value == FORMULAS[name](text, locale), (name, text)


def corpus_prose() -> list[tuple[str, str]]:
    """The body prose and language of every article in the seeds and the test fixtures, joined
    as `analyse_article` joins it."""
    folders = [SEEDS, *sorted(path for path in DATA.iterdir() if path.is_dir())]
    prose = []
    for folder in folders:
        for _, document in usable_documents(load_corpus([folder])).kept:
            text = " ".join(p.text for p in document.paragraphs if p.kind == "text")
            prose.append((text, detect_language(body_text(document))))
    return prose


def random_texts(count: int) -> list[str]:
    """Strings drawn from letters, apostrophes, hyphens, sentence ends and spaces: where
    textstat's punctuation removal and sentence regex have their corner cases."""
    rng = random.Random(19)
    alphabet = "aeiou tnsrdlvy TSIİÉ'’-.!?,\"()09 \n"
    return ["".join(rng.choices(alphabet, k=rng.randint(0, 80))) for _ in range(count)]


CORPUS = corpus_prose()


def test_corpus_is_real_prose() -> None:
    assert len(CORPUS) >= 20
    assert sum(counts.count_words(text) for text, _ in CORPUS) > 5_000


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_real_prose_counts_and_formulas_are_textstats(index: int) -> None:
    assert_textstats(*CORPUS[index])


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_real_prose_readability_is_textstats(index: int) -> None:
    text, language = CORPUS[index]
    assert measure_readability(text, 12, language) == textstat_readability(text, 12, language)


@pytest.mark.parametrize("language", sorted(READABILITY_LANGUAGES - {"en"}))
def test_real_prose_in_other_languages_is_textstats(language: str) -> None:
    """The syllables of Pyphen's dictionaries and each language's reading-ease constants."""
    for text, _ in CORPUS[:3]:
        assert_textstats(text, language)
        assert measure_readability(text, 9, language) == textstat_readability(text, 9, language)


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
@pytest.mark.parametrize("language", [*sorted(READABILITY_LANGUAGES), "he", ""])
def test_edge_cases_are_textstats(name: str, language: str) -> None:
    text = EDGE_CASES[name]
    for sentences in (0, 3):
        expected = textstat_readability(text, sentences, language)
        assert measure_readability(text, sentences, language) == expected
    if language in READABILITY_LANGUAGES:
        assert_textstats(text, language)


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_random_strings_are_textstats(language: str) -> None:
    for text in random_texts(300):
        assert_textstats(text, language)


def test_sentences_are_textstats() -> None:
    for text in [*random_texts(1000), *EDGE_CASES.values(), *(text for text, _ in CORPUS)]:
        assert count_sentences(text) == counts.count_sentences(text), text


def test_lowercasing_never_adds_or_removes_a_space() -> None:
    """Why a word's syllables can be counted from textstat's word list before lowercasing."""
    for character in every_character():
        lowered = character.lower()
        assert lowered.split() == ([] if character.isspace() else [lowered])


def test_regex_spaces_are_the_spaces_split_splits_at() -> None:
    """Why the characters and letters can be counted from split words, not `re.sub(r"\\s")`."""
    space, word = re.compile(r"\s"), re.compile(r"\w")
    for character in every_character():
        assert bool(space.match(character)) == character.isspace(), hex(ord(character))
        assert not (space.match(character) and word.match(character)), hex(ord(character))


def every_character() -> Iterator[str]:
    """Every code point but the surrogates."""
    for point in range(sys.maxunicode + 1):
        if not 0xD800 <= point <= 0xDFFF:
            yield chr(point)
