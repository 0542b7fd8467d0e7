"""Tell news from analysis from opinion, from what the text does, and say why.

The label is a reading aid, not a verdict, so the reasons come with it: a source's own label
(a manifest, a section label such as "Analysis |") is reported and wins; otherwise the
author's own voice decides (words inside quotations are the speakers', not the author's).
Opinion speaks in the first person with loaded or emphatic words, or argues for what ought
to be done (three prescriptions or more, at least two per 1,000 words); news attributes
what it reports to sources and keeps the author out; analysis explains and weighs, without
the one or the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.models import Genre

DECLARED = {
    "news": "news",
    "report": "news",
    "analysis": "analysis",
    "explainer": "analysis",
    "opinion": "opinion",
    "op-ed": "opinion",
    "oped": "opinion",
    "editorial": "opinion",
    "commentary": "opinion",
    "column": "opinion",
    "comment": "opinion",
}
"""Source labels that name a genre; others ("blog", "feature") are reported as hints only."""

FIRST_PERSON = 1.0
"""First-person phrases per 1,000 words from which the author writes as themself."""
PRESCRIBING = 1.0
"""Author prescriptions per 1,000 words from which a text argues for a course of action."""
ARGUING = 2.0
"""Prescriptions per 1,000 words from which a text argues for a course of action."""
ARGUMENTS = 3
"""…and at least this many: one or two "should"s are a remark, three are an argument."""
LOADED = 5.0
"""Loaded terms in the author's voice per 1,000 words: about one sentence in eight."""
BOOSTING = 2.0
"""Boosters per 1,000 words ("clearly", "of course") that mark a commentator's certainty."""
SOURCED = 2
"""Direct quotes and anonymous-source phrases, at least, in a piece that reads as reporting."""


@dataclass(frozen=True)
class GenreSignals:
    """What the genre is read from: counts in the author's own voice, and the sourcing."""

    words: int
    named_quotes: int
    anonymous_sources: int
    first_person: int
    prescriptions: int
    hedges: int
    boosters: int
    loaded: int  # outside quotations


def classify_genre(declared: str, signals: GenreSignals) -> Genre:
    """The genre and the observations behind it; the source's own label first if it has one."""
    label = DECLARED.get(declared.strip().lower(), "")
    observed = _observations(signals)
    if label:
        return Genre(label, (f"labelled “{declared}” by its source", *observed))
    hint = [f"published as “{declared}”"] if declared else []
    return Genre(_judge(signals), (*hint, *observed))


def _judge(s: GenreSignals) -> str:
    rate = 1000 / s.words if s.words else 0.0
    first, prescribes = s.first_person * rate, s.prescriptions * rate
    loaded, boosts = s.loaded * rate, s.boosters * rate
    if first >= FIRST_PERSON and (
        loaded >= LOADED or prescribes >= PRESCRIBING or boosts >= BOOSTING
    ):
        return "opinion"
    if prescribes >= ARGUING and s.prescriptions >= ARGUMENTS:
        return "opinion"
    if (
        not s.prescriptions
        and not s.first_person
        and s.named_quotes + s.anonymous_sources >= SOURCED
    ):
        return "news"
    return "analysis"


def _observations(s: GenreSignals) -> list[str]:
    rate = 1000 / s.words if s.words else 0.0

    def count(n: int, noun: str) -> str:
        per = f" ({n * rate:.1f} per 1,000 words)" if n else ""
        return f"{n} {noun}{'' if n == 1 else 's'}{per}"

    return [
        count(s.prescriptions, "prescription") + " by the author",
        count(s.first_person, "first-person phrase") + " (the author’s own voice)",
        count(s.named_quotes, "direct quote")
        + " from named sources, "
        + count(s.anonymous_sources, "anonymous-source phrase"),
        count(s.loaded, "loaded term") + " outside quotations",
        count(s.hedges, "hedge") + ", " + count(s.boosters, "booster"),
    ]
