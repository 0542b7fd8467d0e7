"""Where noun phrases, clauses and lists begin and end in a sentence read as words: the
surface tests the label patterns share (there is no parser: see actors.py)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from framing.analyse.actor_words import (
    ADVERBS,
    ATTRIBUTIONS,
    BLAND,
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    COPULA_LEADS,
    COPULAS,
    DETERMINERS,
    LEADING_ADVERBS,
    MAX_WORDS,
    NEGATIONS,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    STOP,
    Mention,
    SentenceWords,
    Word,
)
from framing.analyse.words import lemmas
from framing.models import ActorLabel, Match


def word_range(sentence: SentenceWords, match: Match) -> tuple[int, int]:
    """The first and last words a match overlaps (it holds a letter or digit, so some word),
    found by bisection: the words run left to right without overlapping."""
    first = bisect_right(sentence.ends, match.start)
    last = bisect_left(sentence.starts, match.end) - 1
    return first, last


def whole(sentence: SentenceWords, mention: Mention) -> bool:
    """Whether the mention is whole words, not part of "Iran-backed" or "Israel's"."""
    first, last = sentence.words[mention.first], sentence.words[mention.last]
    return first.start == mention.match.start and last.end == mention.match.end


def joined_after(sentence: SentenceWords, mention: Mention) -> bool:
    """Whether the name runs on into a hyphen compound ("Israel-Hamas war")."""
    return (
        sentence.words[mention.last].end != mention.match.end
        and not sentence.words[mention.last].possessive
    )


def starts_phrase(word: Word) -> bool:
    """A determiner or a possessive ("the", "its", "Israel's") opens an appositive."""
    return word.lower in DETERMINERS or word.possessive


def describes(word: Word) -> bool:
    """Whether a word can modify a noun: an adjective or noun, a name, a hyphen compound."""
    lower = word.lower
    if lower in STOP or lower in BLAND or lower in ADVERBS or word.possessive:
        return False
    if lower.isdigit():
        return False
    if not word.lowercase or ideological(word):
        return True
    pos = lemmas(lower)
    return not pos or "ADJ" in pos or ("NOUN" in pos and "VERB" not in pos)


IDEOLOGY_PREFIXES = ("pro-", "anti-")
IDEOLOGY_SUFFIXES = ("-backed", "-led", "-funded", "-supported", "-sponsored", "-aligned")


def ideological(word: Word) -> bool:
    """Words of allegiance: "pro-American", "anti-Israel", "Iran-backed", "Ba'athist",
    "Shi'ite", "jihadist" (an -ist/-ite word that is a name or cannot be a verb: not
    "despite", "insist")."""
    lower = word.base
    if lower.startswith(IDEOLOGY_PREFIXES) or lower.endswith(IDEOLOGY_SUFFIXES):
        return True
    if not lower.endswith(("ist", "ite")):
        return False
    if not word.lowercase:
        return True
    return lower.endswith("ist") and len(lower) > 6 and "VERB" not in lemmas(lower)


def epithet_adjective(word: Word) -> bool:
    """An adjective that characterises a name it precedes: "the authoritarian Putin", "the
    Iran-backed Hezbollah", "Shi'ite Iran"; not a name ("the U.S. State Department") nor a
    noun ("the Hotel Ukraine") nor a bland word ("the outgoing Obama administration")."""
    if ideological(word):
        return True
    if not word.lowercase or word.lower in BLAND or word.lower in STOP or word.possessive:
        return False
    return "ADJ" in lemmas(word.lower)


def joins_adjectives(sentence: SentenceWords, i: int, name: int) -> bool:
    """Whether word `i - 1` may join the adjectives before the name at word `name`: no
    punctuation between, or a comma between two adjectives ("pro-Western, pro-American
    Israel"), never between the last adjective and the name."""
    if not sentence.punct(i):
        return True
    return i < name and sentence.gap(i).strip() == ","


def plural_noun(word: Word) -> bool:
    """ "penalties", "sanctions": a plural noun, which a head noun does not follow."""
    nouns = lemmas(word.lower).get("NOUN", ())
    return word.lowercase and bool(nouns) and word.lower not in nouns


def abbreviation(word: Word) -> bool:
    """ "U.S.", "US", "NATO": a name that reads as a modifier before a noun."""
    return "." in word.text or (word.text.isupper() and len(word.text) > 1)


def name_is_head(sentence: SentenceWords, last: int) -> bool:
    """Whether a name ends its noun phrase: no noun follows ("the gruesome Hamas attack")."""
    nxt = last + 1
    if sentence.punct(nxt):
        return True
    word = sentence.words[nxt]
    if word.lower in STOP or not word.lowercase:
        return True
    pos = lemmas(word.lower)
    if "NOUN" not in pos or "ADV" in pos or "ADP" in pos:
        return True
    inflected = any(lemma != word.lower for lemma in pos.get("VERB", ()))
    past = inflected and word.lower in pos["NOUN"]
    return past or ("VERB" in pos and word.lower.endswith("ed"))  # "fell", "felt", "said"


def core_end(sentence: SentenceWords, start: int) -> int:
    """End (exclusive) of a noun phrase's core from `start`: up to a function word or
    punctuation; "and"/"or" join two nouns ("a founder and political leader")."""
    words = sentence.words
    end = start + 1
    while end < len(words) and end - start < 6 and not sentence.punct(end):
        lower = words[end].lower
        if lower in ("and", "or") and end + 1 < len(words):
            nxt = words[end + 1]
            if nxt.lower in STOP or not nxt.lowercase or sentence.punct(end + 1):
                break
        elif lower in STOP or (words[end - 1].possessive and end - 1 > start):
            break
        end += 1
    return end


def skip_copula(sentence: SentenceWords, i: int) -> int | None:
    """The word after "is", "has become", "is seen as", "remains still" …, or None."""
    words = sentence.words
    if i < len(words) and words[i].lower in COPULA_LEADS:
        i += 1
        if i >= len(words) or words[i].lower not in ("become", "been") or sentence.punct(i):
            return None
    elif i >= len(words) or words[i].lower not in COPULAS:
        return None
    i += 1
    while i < len(words) and not sentence.punct(i) and words[i].lower in LEADING_ADVERBS:
        i += 1
    if i < len(words) and not sentence.punct(i) and words[i].lower in ATTRIBUTIONS:
        i += 1
        if i < len(words) and words[i].lower == "as":
            i += 1
    return i


def skip_attribution(sentence: SentenceWords, i: int) -> int | None:
    """The word after ", long considered", ", dubbed", ", widely seen as" (word `i` follows the
    comma after a name), or None."""
    words = sentence.words
    start = i
    while (
        i < len(words)
        and words[i].lower in LEADING_ADVERBS
        and (i == start or not sentence.punct(i))
    ):
        i += 1
    if i >= len(words) or words[i].lower not in ATTRIBUTIONS or (i > start and sentence.punct(i)):
        return None
    i += 1
    if i < len(words) and words[i].lower == "as" and not sentence.punct(i):
        i += 1
    return i


def quoted_phrase(sentence: SentenceWords, i: int) -> tuple[int, int] | None:
    """The words inside quotation marks that open right before word `i`, or after "a"/"the"
    at `i`: "called Zelensky “the shame of the Jewish people”", "a “philo-Semite”"; at most
    `MAX_WORDS` words, not a purpose or a sentence ("“to discuss the matter”")."""
    words = sentence.words
    if i >= len(words):
        return None
    start = i
    if sentence.gap(i).strip() not in QUOTE_OPEN:
        if words[i].lower not in ("a", "an", "the") or sentence.punct(i):
            return None
        i += 1
        if i >= len(words) or sentence.gap(i).strip() not in QUOTE_OPEN:
            return None
    end = next((k for k in range(i + 1, len(words) + 1) if closes_quote(sentence, k)), None)
    if end is None or end - i > MAX_WORDS:
        return None
    return (i, end - 1) if noun_phrase(words[start], words[i], words[end - 1]) else None


def closes_quote(sentence: SentenceWords, k: int) -> bool:
    """Whether a closing quotation mark stands before word `k` (or in the tail)."""
    gap = sentence.gap(k)
    if any(c in gap for c in QUOTE_CLOSE):
        return True
    return '"' in gap and (k == len(sentence.words) or not gap.endswith('"'))


def noun_phrase(opener: Word, first: Word, last: Word) -> bool:
    """Whether quoted words read as a noun phrase: after "a"/"the" ("a “dotard”"), opening
    on a determiner, or ending on a name ("“Policeman of the Middle East”") — not a verdict
    ("“wrong”") or a verb phrase ("“standing down”")."""
    if opener.lower in DETERMINERS or first.lower in DETERMINERS or first.possessive:
        return True
    return not last.lowercase


def verb_before(sentence: SentenceWords, mention: Mention, verbs: frozenset[str]) -> int | None:
    """Index of a verb of `verbs` right before the name (or before "the" and the name) when
    the whole name is its object and no negation comes shortly before the verb."""
    words = sentence.words
    if not whole(sentence, mention) or words[mention.last].possessive:
        return None
    v = mention.first - 1
    if v > 0 and words[v].lower == "the" and not sentence.punct(v + 1):
        v -= 1
    if v < 0 or sentence.punct(v + 1) or not words[v].lowercase or words[v].lower not in verbs:
        return None
    if v > 0 and not sentence.punct(v) and words[v - 1].lower in DETERMINERS:
        return None  # "the label Hamas …": a noun, not a verb
    if any(negation(word) for word in words[max(0, v - 3) : v]):
        return None  # "does not regard Russia as a partner"
    return v


def negation(word: Word) -> bool:
    return word.lower in NEGATIONS or word.lower.endswith(("n't", "n’t"))


def clause_start(sentence: SentenceWords, k: int) -> bool:
    """Whether word `k` opens a clause: the sentence start, after punctuation or after a
    clause-initial "but"/"and"/"yet"/"so"."""
    if k == 0 or clause_break(sentence, k):
        return True
    joins = sentence.words[k - 1].lower in ("but", "and", "yet", "so")
    return joins and (k == 1 or clause_break(sentence, k - 1))


def subject_at(
    sentence: SentenceWords, i: int, found: Sequence[Mention], before: int
) -> str | None:
    """The actor a clause starting at word `i` is about: a name there ("Russia", "the
    Kremlin"), or "it" when the sentence opened on one actor as its subject and names no
    other actor before word `before` outside a prepositional phrase."""
    words = sentence.words
    if i < len(words) and words[i].lower == "the":
        i += 1
    named = next((m for m in found if m.first == i and m.name), None)
    if named is not None:
        return None if words[named.last].possessive else named.actor
    if i >= len(words) or words[i].lower != "it":
        return None
    earlier = [
        m for m in found if m.name and m.last < before and not after_preposition(sentence, m.first)
    ]
    if not earlier or len({m.actor for m in earlier}) != 1:
        return None
    first = earlier[0]
    opens = first.first == 0 or (first.first <= 2 and sentence.gap(first.first).strip() == ",")
    if not opens or words[first.last].possessive or sentence.punct(first.last + 1):
        return None
    return first.actor


def after_preposition(sentence: SentenceWords, first: int) -> bool:
    """Whether the name is the object of a preposition ("the war in Ukraine is …", "contacts
    with the Kremlin are …")."""
    words = sentence.words
    if first > 1 and words[first - 1].lower == "the" and not sentence.punct(first):
        first -= 1
    return first > 0 and not sentence.punct(first) and words[first - 1].lower in PREPOSITIONS


def in_opening_phrase(sentence: SentenceWords, first: int) -> bool:
    """Whether the name sits in a sentence-opening phrase ("In Syria, the regime …")."""
    words = sentence.words
    return (
        bool(words)
        and words[0].lower in PREPOSITIONS
        and not any(sentence.punct(i) for i in range(1, first + 1))
    )


def continues_list(sentence: SentenceWords, i: int) -> bool:
    """Whether ", and …" follows at word `i`: the phrase before was a list item."""
    words = sentence.words
    return i < len(words) and sentence.gap(i).strip() == "," and words[i].lower in ("and", "or")


def list_items(sentence: SentenceWords, k: int) -> set[int]:
    """First words of the items of a list starting at word `k` (commas, "and", "or");
    the list ends at other punctuation or at an item longer than four words."""
    words = sentence.words
    starts: set[int] = set()
    item = k
    i = k
    while i < len(words):
        if i > item and (sentence.gap(i).strip() == "," or words[i].lower in ("and", "or")):
            item = i + 1 if words[i].lower in ("and", "or") else i
            i = item
            continue
        if i > item and sentence.punct(i):
            break
        if i - item >= 4:
            break
        if i == item:
            starts.add(i + 1 if words[i].lower == "the" else i)
            starts.add(i)
        i += 1
    return starts


def clause_span(sentence: SentenceWords, mention: Mention) -> tuple[int, int]:
    """Character span of the clause around a mention (see the module docstring)."""
    words = sentence.words
    left = mention.first
    while (
        left > 0 and not clause_break(sentence, left) and words[left - 1].lower not in CLAUSE_WORDS
    ):
        left -= 1
    right = mention.last
    while right + 1 < len(words) and not clause_break(sentence, right + 1):
        if words[right + 1].lower in CLAUSE_WORDS:
            break
        right += 1
    return words[left].start, words[right].end


def clause_break(sentence: SentenceWords, i: int) -> bool:
    return bool(CLAUSE_PUNCT.search(sentence.gap(i)))


def actor_label(sentence: SentenceWords, span: tuple[int, int], kind: str) -> ActorLabel:
    """The label of words `span` (first, last), without a final possessive ending."""
    start, end, _ = sentence.span(*span)
    last = sentence.words[span[1]]
    if last.possessive:
        end -= len(last.lower) - len(last.base)
    return ActorLabel(sentence.text[start:end], sentence.id, start, end, kind)
