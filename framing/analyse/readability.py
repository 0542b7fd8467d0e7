"""Readability in the article's language (0.0 if not scored); the only module importing textstat
(with `readability_counts`, which counts what its formulas read)."""

from __future__ import annotations

from typing import NamedTuple

from textstat.backend import counts, utils

from framing.analyse.readability_counts import ProseCounts, count_prose
from framing.ingest.language import READABILITY_LANGUAGES
from framing.models import Readability

TOO_SHORT_WORDS = 100
"""Below this, the formulas' sentence and syllable averages rest on too few items to compare."""
WORDS_PER_MINUTE = 238
"""Average silent reading speed of adult non-fiction (Brysbaert 2019), measured in English."""
TEXTSTAT_LOCALES = {"en": "en_US", "de": "de_DE"}
"""textstat's language where the bare code would change the syllable counts: textstat's own
default for English (Pyphen takes "en" as British), and Germany's rules (Pyphen takes "de" as
Austria's)."""


class Scores(NamedTuple):
    """The seven formulas' values, rounded; 0.0 where a formula does not apply."""

    flesch_reading_ease: float = 0.0
    flesch_kincaid_grade: float = 0.0
    gunning_fog: float = 0.0
    smog_index: float = 0.0
    coleman_liau_index: float = 0.0
    automated_readability_index: float = 0.0
    dale_chall: float = 0.0


UNSCORED = Scores()


def readability_supported(language: str) -> bool:
    """Whether `measure_readability` computes the formulas for `language` (ISO 639-1), so that a
    0.0 score can be told apart from a language that was not scored."""
    return language in READABILITY_LANGUAGES


def measure_readability(prose: str, sentence_count: int, language: str = "en") -> Readability:
    """Scores of `prose` (body paragraphs, no headings) in `language` (ISO 639-1, "" for
    unknown); `sentence_count` from our segmenter.

    textstat counts sentences with its own regex, which splits "U.S." in two; the formulas
    keep that (they are textstat's), but the sentence and words-per-sentence figures we report
    use our segmenter's count.

    English formulas applied to another language would look like scores and mean nothing, so
    outside READABILITY_LANGUAGES every formula field is 0.0 (see `readability_supported`).
    Inside, Flesch reading ease uses the language's own constants; Flesch–Kincaid, SMOG,
    Coleman–Liau and ARI keep their English constants over the language's own syllables and
    letters, as textstat computes them, so compare those only within one language. Gunning fog
    and Dale–Chall are English only: textstat 0.7.8 has the fog's long-word threshold for English
    alone (it raises for the others), and its one other easy-word list, Spanish, holds 20,000
    frequent words rather than Dale–Chall's familiar ones (a Spanish news paragraph scored 1.3).
    Words, sentences and reading time are counted for every language.

    textstat's backend functions take the language as an argument: `textstat.set_lang()`
    would change a process-wide setting that every other caller of textstat sees. Its metric
    functions would each count the text again, so the counts are taken once
    (`readability_counts`) and the formulas below are textstat's, term for term, over them.
    """
    words = counts.count_words(prose)
    scored = readability_supported(language)
    scores = _scores(prose, language) if scored else UNSCORED
    return Readability(
        flesch_reading_ease=scores.flesch_reading_ease,
        flesch_kincaid_grade=scores.flesch_kincaid_grade,
        gunning_fog=scores.gunning_fog,
        smog_index=scores.smog_index,
        coleman_liau_index=scores.coleman_liau_index,
        automated_readability_index=scores.automated_readability_index,
        dale_chall=scores.dale_chall,
        words=words,
        sentences=sentence_count,
        words_per_sentence=_round(words / sentence_count) if sentence_count else 0.0,
        reading_time_minutes=_round(words / WORDS_PER_MINUTE),
        too_short=words < TOO_SHORT_WORDS,
        scored=scored,
    )


def _scores(prose: str, language: str) -> Scores:
    """The formulas for a scored `language`; the fog and Dale–Chall for English alone."""
    locale = TEXTSTAT_LOCALES.get(language, language)
    english = language == "en"
    counted = count_prose(prose, locale, fog_threshold(locale) if english else None)
    return Scores(
        flesch_reading_ease=_round(flesch_reading_ease(counted, locale)),
        flesch_kincaid_grade=_round(flesch_kincaid_grade(counted)),
        gunning_fog=_round(gunning_fog(counted)) if english else 0.0,
        smog_index=_round(smog_index(counted)),
        coleman_liau_index=_round(coleman_liau_index(counted)),
        automated_readability_index=_round(automated_readability_index(counted)),
        dale_chall=_round(dale_chall(counted)) if english else 0.0,
    )


def fog_threshold(locale: str) -> int:
    """The syllables that make a word difficult in the fog, as textstat's `gunning_fog` reads
    them (the other languages have none)."""
    return int(utils.get_lang_cfg(locale, "syllable_threshold"))


def flesch_reading_ease(counted: ProseCounts, locale: str) -> float:
    """textstat's `flesch_reading_ease`, with the constants of the locale's language."""
    lang_root = utils.get_lang_root(locale)
    sentence_length = _per(counted.words, counted.sentences)
    syllables = _per(counted.syllables, counted.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    base: float = utils.get_lang_cfg(lang_root, "fre_base")
    per_length: float = utils.get_lang_cfg(lang_root, "fre_sentence_length")
    per_syllable: float = utils.get_lang_cfg(lang_root, "fre_syll_per_word")
    return base - per_length * sentence_length - per_syllable * syllables


def flesch_kincaid_grade(counted: ProseCounts) -> float:
    """textstat's `flesch_kincaid_grade`."""
    sentence_length = _per(counted.words, counted.sentences)
    syllables = _per(counted.syllables, counted.words)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def gunning_fog(counted: ProseCounts) -> float:
    """textstat's `gunning_fog`."""
    if counted.words == 0:
        return 0.0
    per_diff_words = 100 * counted.fog_difficult / counted.words
    return 0.4 * (_per(counted.words, counted.sentences) + per_diff_words)


def smog_index(counted: ProseCounts) -> float:
    """textstat's `smog_index` (0.7.8 has no minimum of sentences)."""
    if counted.sentences == 0:
        return 0.0
    root: float = (30 * (counted.polysyllables / counted.sentences)) ** 0.5
    return (1.043 * root) + 3.1291


def coleman_liau_index(counted: ProseCounts) -> float:
    """textstat's `coleman_liau_index`: letters and sentences per 100 words."""
    letters = _per(counted.letters, counted.words) * 100
    sentences = _per(counted.sentences, counted.words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(counted: ProseCounts) -> float:
    """textstat's `automated_readability_index`: characters per token, punctuation included."""
    per_word = _per(counted.characters, counted.tokens)
    sentence_length = _per(counted.words, counted.sentences)
    if per_word == 0 or sentence_length == 0:
        return 0.0
    return (4.71 * per_word) + (0.5 * sentence_length) - 21.43


def dale_chall(counted: ProseCounts) -> float:
    """textstat's `dale_chall_readability_score`, with its adjustment above 5% unfamiliar."""
    if counted.words == 0:
        return 0.0
    per_difficult_words = 100 * counted.unfamiliar / counted.words
    score = (0.1579 * per_difficult_words) + (0.0496 * _per(counted.words, counted.sentences))
    if per_difficult_words > 5:
        score += 3.6365
    return score


def _per(amount: int, items: int) -> float:
    """`amount / items`, 0.0 for no items: textstat's guard against dividing by zero."""
    return amount / items if items else 0.0


def _round(value: float) -> float:
    """Two decimals: more would be noise, and fewer digits keep the JSON stable across platforms."""
    return round(float(value), 2)
