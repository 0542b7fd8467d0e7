"""Sentence tone from VADER's lexicon: a baseline, reported with its n, never as a verdict.

VADER was built for social media; most news sentences score 0 (TRAPS.md), so the report
shows how many sentences were scored and how they split, and calls the figure low-validity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.models import Tone

THRESHOLD = 0.05
"""VADER's own cut-off: compound >= 0.05 is positive, <= -0.05 negative (Hutto & Gilbert)."""


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def sentence_tone(text: str) -> float:
    """VADER compound score of one sentence, -1 (negative) to 1 (positive), 4 decimals."""
    return round(float(_analyzer().polarity_scores(text)["compound"]), 4)


def summarise_tone(scores: Mapping[str, float], sentence_ids: Iterable[str]) -> Tone:
    """The tone of the named sentences, from their precomputed scores."""
    ids = tuple(dict.fromkeys(i for i in sentence_ids if i in scores))
    values = [scores[i] for i in ids]
    return Tone(
        mean=round(sum(values) / len(values), 4) if values else 0.0,
        n=len(values),
        positive=sum(v >= THRESHOLD for v in values),
        negative=sum(v <= -THRESHOLD for v in values),
        neutral=sum(-THRESHOLD < v < THRESHOLD for v in values),
        sentence_ids=ids,
        scores=tuple(scores[i] for i in ids),
    )
