"""Epistemic stance (hedges, boosters) and prescriptions, in the author's own voice."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from framing.analyse.prescriptions import Prescriptions
from framing.analyse.quotation import quoted_spans
from framing.analyse.stance_tokens import (
    BOUNDARY_MARKS,
    inside,
    participle_follows,
    token_at,
    unbroken,
)
from framing.lexicon import Lexicon, PhraseMatcher, TokenizedSentence, string_list
from framing.models import Match, Prescription

MONTH_CONTEXT = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
    ]
)
"""Words before a capitalised "May" that make it the month ("in May", "since May")."""

NOUN_MIGHT_BEFORE = frozenset(
    ["the", "its", "their", "his", "her", "our", "my", "your", "whose", "of"]
)
NOUN_MIGHT_AFTER = frozenset(["of", "and", "or", "is", "was", "has", "had", "behind", "against"])
"""Neighbours that make "might" the noun ("its might", "military might is waning")."""


class Stance:
    """Hedges, boosters and prescriptions of one article, from the stance lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        where = f"stance lexicon ({lexicon.source})"
        hedges = _table(lexicon.data, "hedges")
        boosters = _table(lexicon.data, "boosters")
        rules = _table(lexicon.data, "prescriptions")
        self._hedges = PhraseMatcher(
            {"hedge": string_list(hedges, "terms", where)}, string_list(hedges, "exclude", where)
        )
        self._boosters = PhraseMatcher(
            {"booster": string_list(boosters, "terms", where)},
            string_list(boosters, "exclude", where),
        )
        self._prescriptions = Prescriptions(rules, where)

    def hedges(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Words by which the author presents a claim as possible, reported or uncertain;
        outside direct quotations, in document order."""
        return self._stance(self._hedges, sentences, _is_hedge)

    def boosters(self, sentences: Sequence[TokenizedSentence]) -> tuple[Match, ...]:
        """Words by which the author presents a claim as certain or beyond dispute;
        outside direct quotations, in document order."""
        return self._stance(self._boosters, sentences, _is_booster)

    def prescriptions(self, sentences: Sequence[TokenizedSentence]) -> tuple[Prescription, ...]:
        """Where the author says what someone should do, and to whom: one per prescriptive
        phrase outside quotations, questions and reported speech, in document order."""
        return self._prescriptions.find(sentences)

    def _stance(
        self,
        matcher: PhraseMatcher,
        sentences: Sequence[TokenizedSentence],
        keep: Callable[[TokenizedSentence, Match], bool],
    ) -> tuple[Match, ...]:
        quoted = quoted_spans(sentences)
        return tuple(
            match
            for sentence in sentences
            for match in matcher.find(sentence.tokens, sentence.text, sentence.id)
            if not inside(match.start, quoted[sentence.id])
            and unbroken(match)
            and keep(sentence, match)
        )


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, Mapping) else {}


def _is_hedge(sentence: TokenizedSentence, match: Match) -> bool:
    """False for "May" the month and "might" the noun."""
    tokens = sentence.tokens
    i = token_at(tokens, match.start)
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i].text == "May":
        return not (
            (before is not None and (before.lower in MONTH_CONTEXT or before.text.isdigit()))
            or (after is not None and after.text.isdigit())
        )
    if match.term == "might" and tokens[i].lower == "might":
        follows = sentence.text[match.end : match.end + 1]
        return not (
            (before is not None and before.lower in NOUN_MIGHT_BEFORE)
            or after is None
            or (follows != "" and follows in BOUNDARY_MARKS | {"."})
            or after.lower in NOUN_MIGHT_AFTER
        )
    return True


def _is_booster(sentence: TokenizedSentence, match: Match) -> bool:
    """False for "must have" of possession ("must have a say"): only "must have known" is a
    confident inference."""
    if match.term != "must have":
        return True
    return participle_follows(sentence.tokens, token_at(sentence.tokens, match.end - 1) + 1)
