"""Prescriptions: where the author says what someone should do, and to whom."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from framing.analyse.addressees import DETERMINERS, PRONOUNS, addressee_after, subject_before
from framing.analyse.quotation import Span, quoted_spans
from framing.analyse.stance_tokens import (
    ADVERBS,
    breaks,
    inside,
    participle_follows,
    token_at,
    unbroken,
)
from framing.lexicon import PhraseMatcher, Token, TokenizedSentence, string_list
from framing.models import Match, Prescription

CONDITIONAL = frozenset(["if", "lest", "unless", "whether", "what", "how", "why"])
"""Words that put a modal in a condition or an embedded question ("whether Trump should")."""
NEGATION = frozenset(["not", "t", "never", "no"])  # "t" is what "n't" leaves after the split
BE = frozenset(["be", "is", "are", "was", "were", "been", "being", "get", "gets"])
FIRST_PERSON = frozenset(("I", "we", "We"))
POSSESSIVES = frozenset(["its", "their", "his", "her", "our", "my", "your"])


class Prescriptions:
    """The prescriptions of one article, from the stance lexicon's `[prescriptions]` table."""

    def __init__(self, rules: Mapping[str, Any], where: str) -> None:
        kinds = {k: string_list(rules, k, where) for k in ("modal", "impersonal", "call_for")}
        self._phrases = PhraseMatcher(kinds, string_list(rules, "exclude", where), inflect=False)
        self._reporting = PhraseMatcher(
            {"reporting": string_list(rules, "reporting", where)}, inflect=False
        )
        self._expectations = PhraseMatcher(
            {"expectation": string_list(rules, "expectation_markers", where)}, inflect=False
        )
        self._rules = PhraseMatcher(
            {"rule": string_list(rules, "rule_markers", where)}, inflect=False
        )
        self._reporting_words = frozenset(
            w for w in string_list(rules, "reporting", where) if " " not in w
        )
        self._passive_terms = frozenset(string_list(rules, "passive_terms", where))
        self._not_after = frozenset(string_list(rules, "not_after", where))
        self._call_for_subjects = frozenset(string_list(rules, "call_for_subjects", where))

    def find(self, sentences: Sequence[TokenizedSentence]) -> tuple[Prescription, ...]:
        """Where the author says what someone should do, and to whom: one per prescriptive
        phrase outside quotations, questions and reported speech, in document order."""
        quoted = quoted_spans(sentences)
        found: list[Prescription] = []
        for sentence in sentences:
            spans = quoted[sentence.id]
            if _is_question(sentence.text):
                continue
            phrases = self._phrases.find(sentence.tokens, sentence.text, sentence.id)
            if not phrases or self._reported(sentence, spans):
                continue  # (a sentence without phrases need not be read for reporting)
            for match in phrases:
                if not inside(match.start, spans) and unbroken(match):
                    found.extend(self._prescription(sentence, match))
        return tuple(found)

    def _prescription(self, sentence: TokenizedSentence, match: Match) -> list[Prescription]:
        """The prescription `match` makes, or nothing when the words are used otherwise."""
        tokens = sentence.tokens
        first, after = token_at(tokens, match.start), token_at(tokens, match.end - 1) + 1
        if match.category == "modal":
            if not self._modal_prescribes(sentence, match, first, after) or self._states_rule(
                sentence, match.start
            ):
                return []
            addressee = subject_before(sentence, first, self._reporting_words)
            passive_from = after
        else:
            if match.category == "call_for" and not self._situation_calls(tokens, first):
                return []
            addressee, passive_from = addressee_after(sentence, match.term, after)
        if _passive(tokens, passive_from):
            if match.category == "modal" and match.term not in self._passive_terms:
                return []
            addressee = ""
        return [
            Prescription(sentence.id, match.start, match.end, match.text, match.term, addressee)
        ]

    def _modal_prescribes(
        self, sentence: TokenizedSentence, match: Match, first: int, after: int
    ) -> bool:
        """False for the modal's other uses: compounds ("must-see"), "a must", conditional
        inversion ("Should he win"), negated need ("doesn't need to"), perfect modals,
        formulas ("it must be said") and expectations ("should arrive next week")."""
        tokens, text = sentence.tokens, sentence.text
        before = tokens[first - 1].lower if first > 0 else ""
        if text[match.end : match.end + 1] == "-" or before in DETERMINERS | POSSESSIVES:
            return False
        if _headline_attribution(sentence, first):
            return False
        if match.term == "should" and (
            _inverted(sentence, first, after) or self._expects(sentence, after)
        ):
            return False
        if match.term in ("need to", "needs to", "has to", "have to") and before in NEGATION:
            return False
        if _perfect(tokens, after) or _conditional(sentence, first):
            return False
        return not any(t.lower in self._not_after for t in tokens[after : after + 4])

    def _expects(self, sentence: TokenizedSentence, after: int) -> bool:
        window = sentence.tokens[after : after + 6]
        return bool(self._expectations.find(window, sentence.text, sentence.id))

    def _states_rule(self, sentence: TokenizedSentence, start: int) -> bool:
        """True when a law or rule is named before the modal ("Under Missouri law, Akin would
        need to …"): the duty is the rule's content, not the author's advice."""
        found = self._rules.find(sentence.tokens, sentence.text, sentence.id)
        return any(match.start < start for match in found)

    def _situation_calls(self, tokens: Sequence[Token], first: int) -> bool:
        return first > 0 and tokens[first - 1].lower in self._call_for_subjects

    def _reported(self, sentence: TokenizedSentence, spans: Sequence[Span]) -> bool:
        """True when the sentence reports someone's words or view outside quotation marks
        ("analysts say Israel should …"); "I think" and "we believe" are the author's own."""
        for match in self._reporting.find(sentence.tokens, sentence.text, sentence.id):
            if not inside(match.start, spans) and not _author_reports(sentence, match.start):
                return True
        return False


def _author_reports(sentence: TokenizedSentence, offset: int) -> bool:
    """True when "I" or "we" says or thinks the words at `offset` ("I believe"); the "I" of
    "R.I." is not the author."""
    i = token_at(sentence.tokens, offset)
    if i == 0:
        return False
    before = sentence.tokens[i - 1]
    return before.text in FIRST_PERSON and sentence.text[before.end : before.end + 1] == " "


def _perfect(tokens: Sequence[Token], after: int) -> bool:
    """Modal + "have" + participle ("should not have been"): a judgement of the past."""
    j = after
    while j < len(tokens) and tokens[j].lower in ("not", "t"):
        j += 1
    return j < len(tokens) and tokens[j].lower == "have" and participle_follows(tokens, j + 1)


def _passive(tokens: Sequence[Token], j: int) -> bool:
    """Be + participle next ("must be held", "are challenged"): the subject is the one acted
    on, so the addressee is unstated."""
    while j < len(tokens) and (tokens[j].lower in ADVERBS or tokens[j].lower.endswith("ly")):
        j += 1
    return j < len(tokens) and tokens[j].lower in BE and participle_follows(tokens, j + 1)


def _is_question(text: str) -> bool:
    return text.rstrip(" \"'”’»)").endswith("?")


def _headline_attribution(sentence: TokenizedSentence, i: int) -> bool:
    """True for a video or headline caption naming its speaker before a colon ("Obama: IRS
    problem must be fixed"): the words before the colon are all capitalised."""
    for k in range(min(i, 4)):
        if ":" in sentence.text[sentence.tokens[k].end : sentence.tokens[k + 1].start]:
            return all(t.text[:1].isupper() for t in sentence.tokens[: k + 1])
    return False


def _inverted(sentence: TokenizedSentence, i: int, after: int) -> bool:
    """True when "should" at token `i` comes before its subject: a condition ("Should he
    win, …", "could pardon him should he be convicted") or a question. A prescriptive
    "should" is followed by a verb, never by a pronoun, a determiner or a name."""
    tokens = sentence.tokens
    if i == 0 or after >= len(tokens):
        return True
    following = tokens[after]
    named = following.text[:1].isupper() and not sentence.heading
    return following.lower in PRONOUNS | DETERMINERS or named or _clause_start(sentence, i)


def _clause_start(sentence: TokenizedSentence, i: int) -> bool:
    """True when token `i` opens its clause ("…, and should talks fail")."""
    before = sentence.tokens[i - 1].lower
    return before in ("and", "but", "or") or breaks(sentence, i - 1)


def _conditional(sentence: TokenizedSentence, i: int) -> bool:
    """True when the modal sits in an "if" clause ("if talks should fail") or an embedded
    question ("what role the government should play")."""
    for k in range(i - 1, -1, -1):
        if breaks(sentence, k):
            return False
        if sentence.tokens[k].lower in CONDITIONAL:
            return True
    return False
