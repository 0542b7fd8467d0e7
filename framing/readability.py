"""Readability scores of an article's body, the only module that imports textstat."""

from __future__ import annotations

import textstat

from framing.models import Readability

TOO_SHORT_WORDS = 100
"""Below this, the formulas' sentence and syllable averages rest on too few items to compare."""
WORDS_PER_MINUTE = 238
"""Average silent reading speed of adult non-fiction (Brysbaert 2019)."""


def measure_readability(prose: str, sentence_count: int) -> Readability:
    """Scores of `prose` (body paragraphs, no headings); `sentence_count` from our segmenter.

    textstat counts sentences with its own regex, which splits "U.S." in two; the formulas
    keep that (they are textstat's), but the sentence and words-per-sentence figures we report
    use our segmenter's count.
    """
    words = textstat.lexicon_count(prose, removepunct=True)
    return Readability(
        flesch_reading_ease=_round(textstat.flesch_reading_ease(prose)),
        flesch_kincaid_grade=_round(textstat.flesch_kincaid_grade(prose)),
        gunning_fog=_round(textstat.gunning_fog(prose)),
        smog_index=_round(textstat.smog_index(prose)),
        coleman_liau_index=_round(textstat.coleman_liau_index(prose)),
        automated_readability_index=_round(textstat.automated_readability_index(prose)),
        dale_chall=_round(textstat.dale_chall_readability_score(prose)),
        words=words,
        sentences=sentence_count,
        words_per_sentence=_round(words / sentence_count) if sentence_count else 0.0,
        reading_time_minutes=_round(words / WORDS_PER_MINUTE),
        too_short=words < TOO_SHORT_WORDS,
    )


def _round(value: float) -> float:
    """Two decimals: more would be noise, and fewer digits keep the JSON stable across platforms."""
    return round(float(value), 2)
