"""Epistemic stance (hedges, boosters) and prescriptions, in the author's own voice."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from lemminflect import getAllLemmas, getInflection

from framing.analyse.quotation import Span, quoted_spans
from framing.lexicon import Lexicon, PhraseMatcher, Token, TokenizedSentence, string_list
from framing.models import Match, Prescription

BOUNDARY_MARKS = frozenset(',;:()[]—–"“”«»?!')
"""Punctuation between two words that ends a noun phrase (a "." does not: "U.S.")."""

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

CONDITIONAL = frozenset(["if", "lest", "unless", "whether", "what", "how", "why"])
"""Words that put a modal in a condition or an embedded question ("whether Trump should")."""
NEGATION = frozenset(["not", "t", "never", "no"])  # "t" is what "n't" leaves after the split
CLAUSE_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "because",
        "if",
        "when",
        "whenever",
        "while",
        "although",
        "though",
        "but",
        "so",
        "since",
        "unless",
        "whether",
        "where",
        "why",
        "how",
        "what",
        "as",
        "than",
        "then",
        "until",
        "after",
        "before",
        "once",
        "yet",
        "nor",
    ]
)
"""Words that open a clause, so a subject noun phrase never reaches back past them."""

ADVERBS = frozenset(["also", "now", "not", "still", "then", "first", "therefore", "thus", "too"])
"""Adverbs that may stand between a modal and its verb ("must also be", "should now be")."""

SKIPPED = frozenset(
    [
        "also",
        "now",
        "therefore",
        "thus",
        "still",
        "instead",
        "too",
        "first",
        "then",
        "rather",
        "not",
        "will",
        "would",
        "shall",
        "may",
        "might",
        "can",
        "could",
        "ll",
        "d",
        "'",
        "going",
        "to",
        "is",
        "are",
    ]
)
"""Adverbs and auxiliaries that stand between a subject and its modal ("Israel must now")."""

PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "one"])
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "any"])
BE = frozenset(["be", "is", "are", "was", "were", "been", "being", "get", "gets"])
FIRST_PERSON = frozenset(("I", "we", "We"))
POSSESSIVES = frozenset(["its", "their", "his", "her", "our", "my", "your"])
MAX_SUBJECT_WORDS = 8


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
        kinds = {k: string_list(rules, k, where) for k in ("modal", "impersonal", "call_for")}
        self._prescriptions = PhraseMatcher(
            kinds, string_list(rules, "exclude", where), inflect=False
        )
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
        quoted = quoted_spans(sentences)
        found: list[Prescription] = []
        for sentence in sentences:
            spans = quoted[sentence.id]
            if _is_question(sentence.text) or self._reported(sentence, spans):
                continue
            for match in self._prescriptions.find(sentence.tokens, sentence.text, sentence.id):
                if not _inside(match.start, spans) and _unbroken(match):
                    found.extend(self._prescription(sentence, match))
        return tuple(found)

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
            if not _inside(match.start, quoted[sentence.id])
            and _unbroken(match)
            and keep(sentence, match)
        )

    def _prescription(self, sentence: TokenizedSentence, match: Match) -> list[Prescription]:
        """The prescription `match` makes, or nothing when the words are used otherwise."""
        tokens = sentence.tokens
        first, after = _token_at(tokens, match.start), _token_at(tokens, match.end - 1) + 1
        if match.category == "modal":
            if not self._modal_prescribes(sentence, match, first, after) or self._states_rule(
                sentence, match.start
            ):
                return []
            addressee = _subject_before(sentence, first, self._reporting_words)
            passive_from = after
        else:
            if match.category == "call_for" and not self._situation_calls(tokens, first):
                return []
            addressee, passive_from = _addressee_after(sentence, match.term, after)
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
            if not _inside(match.start, spans) and not _author_reports(sentence, match.start):
                return True
        return False


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, Mapping) else {}


def _unbroken(match: Match) -> bool:
    """False for a phrase matched across punctuation ("for \u201ccertain transfers\u201d")."""
    return not any(c in BOUNDARY_MARKS for c in match.text)


def _inside(offset: int, spans: Sequence[Span]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _token_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the token covering character `offset` (matches start and end on tokens)."""
    return next(i for i, t in enumerate(tokens) if t.start <= offset < t.end)


def _author_reports(sentence: TokenizedSentence, offset: int) -> bool:
    """True when "I" or "we" says or thinks the words at `offset` ("I believe"); the "I" of
    "R.I." is not the author."""
    i = _token_at(sentence.tokens, offset)
    if i == 0:
        return False
    before = sentence.tokens[i - 1]
    return before.text in FIRST_PERSON and sentence.text[before.end : before.end + 1] == " "


def _is_hedge(sentence: TokenizedSentence, match: Match) -> bool:
    """False for "May" the month and "might" the noun."""
    tokens = sentence.tokens
    i = _token_at(tokens, match.start)
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
    return _participle_follows(sentence.tokens, _token_at(sentence.tokens, match.end - 1) + 1)


@cache
def _participle(word: str) -> bool:
    """True when `word` is the past participle of a verb ("given", "challenged", "been")."""
    return any(
        word in (form.lower() for form in getInflection(lemma, tag="VBN"))
        for lemma in getAllLemmas(word).get("VERB", ())
    )


@cache
def _verb_only(word: str) -> bool:
    """True for words that can only be verbs ("agree", "is"): they end a subject phrase."""
    tags = set(getAllLemmas(word))
    return bool(tags) and tags <= {"VERB", "AUX"}


@cache
def _maybe_verb(word: str) -> bool:
    return "VERB" in getAllLemmas(word) or "AUX" in getAllLemmas(word)


def _participle_follows(tokens: Sequence[Token], j: int) -> bool:
    while j < len(tokens) and (tokens[j].lower in ADVERBS or tokens[j].lower.endswith("ly")):
        j += 1
    return j < len(tokens) and _participle(tokens[j].lower)


def _perfect(tokens: Sequence[Token], after: int) -> bool:
    """Modal + "have" + participle ("should not have been"): a judgement of the past."""
    j = after
    while j < len(tokens) and tokens[j].lower in ("not", "t"):
        j += 1
    return j < len(tokens) and tokens[j].lower == "have" and _participle_follows(tokens, j + 1)


def _passive(tokens: Sequence[Token], j: int) -> bool:
    """Be + participle next ("must be held", "are challenged"): the subject is the one acted
    on, so the addressee is unstated."""
    while j < len(tokens) and (tokens[j].lower in ADVERBS or tokens[j].lower.endswith("ly")):
        j += 1
    return j < len(tokens) and tokens[j].lower in BE and _participle_follows(tokens, j + 1)


def _is_question(text: str) -> bool:
    return text.rstrip(" \"'”’»)").endswith("?")


def _breaks(sentence: TokenizedSentence, left: int) -> bool:
    """True when punctuation separates token `left` from the next one, a phrase boundary;
    the comma of "1,000" is not one."""
    one, two = sentence.tokens[left], sentence.tokens[left + 1]
    gap = sentence.text[one.end : two.start]
    if gap == "," and one.text.isdigit() and two.text.isdigit():
        return False
    return any(c in BOUNDARY_MARKS for c in gap)


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
    return before in ("and", "but", "or") or _breaks(sentence, i - 1)


def _conditional(sentence: TokenizedSentence, i: int) -> bool:
    """True when the modal sits in an "if" clause ("if talks should fail") or an embedded
    question ("what role the government should play")."""
    for k in range(i - 1, -1, -1):
        if _breaks(sentence, k):
            return False
        if sentence.tokens[k].lower in CONDITIONAL:
            return True
    return False


def _subject_before(sentence: TokenizedSentence, i: int, verbs: frozenset[str]) -> str:
    """The noun phrase before token `i`: "Now that …, Israel should" -> "Israel". It stops
    at punctuation, a clause word, an auxiliary, or a verb (`verbs`: "I think Israel")."""
    tokens = sentence.tokens
    stops = (CLAUSE_WORDS | SKIPPED | verbs) - {"'"}
    k = i - 1
    while k >= 0 and (tokens[k].lower in SKIPPED or tokens[k].lower.endswith("ly")):
        k -= 1
    if k < 0:
        return ""
    if tokens[k].lower in PRONOUNS:
        return tokens[k].text
    first = k
    while first > 0 and k - first < MAX_SUBJECT_WORDS - 1:
        prev = tokens[first - 1].lower
        if _breaks(sentence, first - 1) or prev in stops or _verb_only(prev):
            break
        first -= 1
    while first <= k and tokens[first].lower in ("and", "or", "of", "'"):
        first += 1
    return _phrase(sentence, first, k)


def _addressee_after(sentence: TokenizedSentence, term: str, after: int) -> tuple[str, int]:
    """Who an impersonal prescription names: "it is time for Europe to" -> "Europe"; none in
    "it is time to act"."""
    tokens = sentence.tokens
    last = term.rsplit(" ", 1)[-1]
    if last not in ("that", "for", "on", "upon"):
        if after < len(tokens) and tokens[after].lower in ("that", "for"):
            last, after = tokens[after].lower, after + 1
        else:
            return "", after
    phrase, end = _subject_after(sentence, after)
    if last == "for" and not (end < len(tokens) and tokens[end].lower == "to"):
        return "", end  # "it is time for a change": a thing wanted, nobody told
    return phrase, end


def _subject_after(sentence: TokenizedSentence, j: int) -> tuple[str, int]:
    """The noun phrase from token `j` ("that the West acts" -> "the West") and the index
    after it. It ends at "to", punctuation, a clause word, or a verb once a noun is seen."""
    tokens = sentence.tokens
    last, head = j - 1, False
    while last + 1 < len(tokens) and last + 1 - j < MAX_SUBJECT_WORDS:
        word = tokens[last + 1]
        if word.lower in ("to", "must", "should") or word.lower in CLAUSE_WORDS:
            break
        if last >= j and _breaks(sentence, last):
            break
        if head and word.text.islower() and _maybe_verb(word.lower):
            break
        head = head or word.lower not in DETERMINERS
        last += 1
    return (_phrase(sentence, j, last) if last >= j else ""), last + 1


def _phrase(sentence: TokenizedSentence, first: int, last: int) -> str:
    """The text from token `first` to token `last`, keeping an abbreviation's dot ("U.S.")."""
    start, end = sentence.tokens[first].start, sentence.tokens[last].end
    word = sentence.tokens[last].text
    if sentence.text[end : end + 1] == "." and word.isupper() and len(word) <= 2:
        end += 1
    return sentence.text[start:end]
