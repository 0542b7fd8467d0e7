"""Readability in the article's language (0.0 if not scored); the only module importing textstat."""

from __future__ import annotations

from collections.abc import Callable

from textstat.backend import counts, metrics

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
    would change a process-wide setting that every other caller of textstat sees.
    """
    words = counts.count_words(prose)
    scored = readability_supported(language)
    locale = TEXTSTAT_LOCALES.get(language, language)
    return Readability(
        flesch_reading_ease=_score(scored, metrics.flesch_reading_ease, prose, locale),
        flesch_kincaid_grade=_score(scored, metrics.flesch_kincaid_grade, prose, locale),
        gunning_fog=_score(language == "en", metrics.gunning_fog, prose, locale),
        smog_index=_score(scored, metrics.smog_index, prose, locale),
        coleman_liau_index=_score(scored, metrics.coleman_liau_index, prose),
        automated_readability_index=_score(scored, metrics.automated_readability_index, prose),
        dale_chall=_score(language == "en", metrics.dale_chall_readability_score, prose, locale),
        words=words,
        sentences=sentence_count,
        words_per_sentence=_round(words / sentence_count) if sentence_count else 0.0,
        reading_time_minutes=_round(words / WORDS_PER_MINUTE),
        too_short=words < TOO_SHORT_WORDS,
        scored=scored,
    )


def _score(applies: bool, formula: Callable[..., float], *arguments: str) -> float:
    """The formula's value, or 0.0 without calling it where it does not apply to the language."""
    return _round(formula(*arguments)) if applies else 0.0


def _round(value: float) -> float:
    """Two decimals: more would be noise, and fewer digits keep the JSON stable across platforms."""
    return round(float(value), 2)
