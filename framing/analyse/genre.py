"""Tell news from analysis from opinion, from what the text does, and say why.

The label is a reading aid, not a verdict, so the reasons come with it: a source's own label
(a manifest, a section label such as "Analysis |") is reported and wins; otherwise the
author's own voice decides. Words in someone else's mouth are never the author's: quotations
of any length or layout, block quotations and embedded posts (`borrowed_spans`), and the "I"
of "F.B.I." or "(I-Vt.)" is no word at all. Opinion speaks in the first person with loaded or
emphatic words, or argues for what ought to be done; news attributes what it reports and
keeps the author out and says who says so ("officials said"); analysis explains and weighs,
without sources to carry it.

The thresholds (`RULE`) were chosen on the tuning half of labelled articles and checked on the
held-apart half (`benchmarks/genre.py`; figures in docs/measures.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.analyse.quotation import Span, borrowed_spans
from framing.lexicon import TokenizedSentence
from framing.models import Genre, Match, Prescription, Quote

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


@dataclass(frozen=True)
class GenreRule:
    """The thresholds of the genre rule, per 1,000 words of the author's own voice unless a
    count; chosen on the tuning half of `benchmarks/genre.py`'s labelled articles."""

    first_person: float = 1.0
    """First-person phrases per 1,000 words from which the author writes as themself…"""
    first_person_min: int = 3
    """…and at least this many: one or two "I"s are a reporter's aside or a misread, three are
    a voice."""
    prescribing: float = 1.0
    """Author prescriptions per 1,000 words that, with that voice, argue for a course."""
    arguing: float = 2.0
    """Prescriptions per 1,000 words from which a text argues for a course of action…"""
    arguments: int = 3
    """…and at least this many: one or two "should"s are a remark, three are an argument."""
    loaded: float = 5.0
    """Loaded terms in the author's voice per 1,000 words: about one sentence in eight."""
    boosting: float = 2.0
    """Boosters per 1,000 words ("clearly", "of course") that mark a commentator's certainty."""
    evaluations_min: int = 4
    """Loaded terms, boosters or prescriptions, at least, behind a rate that says the author
    evaluates: in a 200-word brief one word is five per 1,000, and still one word."""
    sourced: float = 8.0
    """Direct quotes and anonymous-source phrases per 1,000 words that carry a piece as reporting
    even where its author speaks or evaluates…"""
    reported: float = 6.0
    """…as do attributions per 1,000 words ("officials said", "according to"): a news report
    tells who says so in nearly every paragraph, a column seldom (median 13 against 3 on the
    tuning half)."""


RULE = GenreRule()


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
    attributions: int = 0  # "said", "according to" … in the author's own voice


def author_voice(
    sentences: Sequence[TokenizedSentence], first_person: Sequence[Match]
) -> tuple[Match, ...]:
    """The first-person matches that are the author's: not in someone else's words, not a
    letter of an abbreviation ("F.B.I.", "D-R.I.", "I-Vt."), not part of a name ("Our Lady",
    "AUGUSTA, Me."), not the verb "mine"."""
    texts = {s.id: s.text for s in sentences}
    borrowed = borrowed_spans(sentences)
    return tuple(
        m
        for m in first_person
        if not _inside(m, borrowed.get(m.sentence_id, ()))
        and _is_pronoun(texts.get(m.sentence_id, ""), m)
    )


def genre_signals(
    sentences: Sequence[TokenizedSentence],
    words: int,
    *,
    quotes: Sequence[Quote],
    anonymous: Sequence[Match],
    first_person: Sequence[Match],
    prescriptions: Sequence[Prescription],
    hedges: Sequence[Match],
    boosters: Sequence[Match],
    loaded: Sequence[Match],
) -> GenreSignals:
    """The signals of one article from its measures' evidence, keeping of the author's words
    only those outside anything borrowed (quotations, block quotations, embedded posts)."""
    borrowed = borrowed_spans(sentences)

    def own(found: Sequence[Match] | Sequence[Prescription]) -> int:
        return sum(not _inside(m, borrowed.get(m.sentence_id, ())) for m in found)

    return GenreSignals(
        words=words,
        named_quotes=sum(q.speaker_type in ("person", "organisation") for q in quotes),
        anonymous_sources=len(anonymous),
        first_person=own(first_person),
        prescriptions=own(prescriptions),
        hedges=own(hedges),
        boosters=own(boosters),
        loaded=own(loaded),
        attributions=_attributions(sentences, borrowed),
    )


def _attributions(
    sentences: Sequence[TokenizedSentence], borrowed: dict[str, tuple[Span, ...]]
) -> int:
    """The attributions in the author's own prose: a "said" inside a quotation is the speaker's."""
    return sum(
        not any(start <= m.start() < end for start, end in borrowed.get(s.id, ()))
        for s in sentences
        if not s.heading
        for m in _ATTRIBUTION.finditer(s.text)
    )


_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|reported|reports|asked|added|explained|noted|wrote)\b",
    re.IGNORECASE,
)
"""The attributions of reporting: the commonest neutral reporting verbs of
framing/data/sourcing.toml in the forms news writes them, and "according to"."""


def classify_genre(declared: str, signals: GenreSignals) -> Genre:
    """The genre and the observations behind it; the source's own label first if it has one."""
    label = DECLARED.get(declared.strip().lower(), "")
    observed = _observations(signals)
    if label:
        return Genre(label, (f"labelled “{declared}” by its source", *observed))
    hint = [f"published as “{declared}”"] if declared else []
    return Genre(judge(signals), (*hint, *observed))


def judge(s: GenreSignals, rule: GenreRule = RULE) -> str:
    """The genre `rule` reads from the signals alone. Opinion: the author speaks as themself
    and evaluates, or argues for a course, or writes loaded words with little sourcing.
    Analysis: the author speaks or evaluates, with little sourcing to carry it. News
    otherwise: a reporter's "I" in a well-sourced story, a "should" reported in passing, or a
    short brief with no quotes is still news."""
    rate = 1000 / s.words if s.words else 0.0

    def often(count: int, per_thousand: float) -> bool:
        return count * rate >= per_thousand and count >= rule.evaluations_min

    voiced = s.first_person * rate >= rule.first_person and s.first_person >= rule.first_person_min
    loaded = often(s.loaded, rule.loaded)
    evaluates = (
        loaded or often(s.boosters, rule.boosting) or often(s.prescriptions, rule.prescribing)
    )
    argues = s.prescriptions * rate >= rule.arguing and s.prescriptions >= rule.arguments
    sourced = (s.named_quotes + s.anonymous_sources) * rate >= rule.sourced or (
        s.attributions * rate >= rule.reported
    )
    if (voiced and evaluates) or argues or (loaded and not sourced):
        return "opinion"
    return "analysis" if (voiced or evaluates) and not sourced else "news"


def _inside(match: Match | Prescription, spans: Sequence[Span]) -> bool:
    return any(start <= match.start < end for start, end in spans)


def _is_pronoun(text: str, match: Match) -> bool:
    """False for a first-person word that is a letter of an abbreviation, part of a name, or
    the verb "mine"."""
    before, after = text[match.start - 1 : match.start], text[match.end : match.end + 2]
    if before in (".", "-") or after[:1] == "-" or (after[:1] == "." and after[1:].isalpha()):
        return False
    if match.text[:1].isupper() and match.text != "I" and not _starts_clause(text, match.start):
        return False
    return match.text.lower() != "mine" or not _is_verb(text, match)


def _starts_clause(text: str, start: int) -> bool:
    """Whether a word at `start` begins its sentence or a clause after a colon or a dash."""
    lead = text[:start].rstrip(" “”\"'‘’([«»")
    return not lead or lead[-1] in ".!?:;—–"


def _is_verb(text: str, match: Match) -> bool:
    """Whether "mine" is the verb ("to mine data"): a possessive "mine" ends its phrase ("a
    friend of mine,") or is a subject ("mine is"); the verb has an object after it."""
    rest = text[match.end :].split(maxsplit=1)
    return bool(rest) and rest[0][:1].isalpha() and rest[0] not in _BE


_BE = frozenset(("is", "was", "are", "were", "has", "had"))


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
