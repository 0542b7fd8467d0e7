"""Labels predicated of a name: appositions, predicate nouns after a copula or a verb of
naming, and "as" phrases ("regards Russia as an aggressor", "As the occupying power, Israel")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.analyse.actor_words import (
    ATTRIBUTIONS,
    AUXILIARIES,
    CLAUSE_WORDS,
    COMPARED,
    CONTINUATIONS,
    DETERMINERS,
    LEADING_ADVERBS,
    NEGATIONS,
    REFLEXIVES,
    RELATIVES,
    ROLE_NOUNS,
    STOP,
    Mention,
    SentenceWords,
)
from framing.analyse.label_lexicon import (
    LabelLexicon,
    phrase,
    start_back,
)
from framing.analyse.noun_phrases import (
    actor_label,
    after_preposition,
    clause_start,
    continues_list,
    core_end,
    describes,
    in_opening_phrase,
    negation,
    quoted_phrase,
    skip_attribution,
    skip_copula,
    starts_phrase,
    subject_at,
    verb_before,
    whole,
)
from framing.analyse.words import lemmas
from framing.models import ActorLabel


def apposition(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "Hamas, the militant group that rules Gaza," -> the phrase after the comma."""
    start = mention.last + 1
    if not whole(sentence, mention) or start >= len(sentence.words):
        return None
    if sentence.gap(start).strip() != "," or in_opening_phrase(sentence, mention.first):
        return None
    if not starts_phrase(sentence.words[start]):
        return None
    span = phrase(lex, sentence, start, closing=True)
    if span is None or continues_list(sentence, span[1] + 1):
        return None  # a list: "the U.S., our allies and partners, and the world"
    return span


def reverse_apposition(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "its main backer, Iran," -> the phrase before the comma (closed by punctuation)."""
    head = mention.first - 1
    if head < 0 or sentence.gap(mention.first).strip() != "," or not whole(sentence, mention):
        return None
    if not sentence.punct(mention.last + 1):
        return None
    word = sentence.words[head]
    if word.possessive or not word.lowercase or word.lower not in lex.heads:
        return None
    start = start_back(lex, sentence, head)
    if start == head or not starts_phrase(sentence.words[start]):
        return None
    if start > 0 and sentence.gap(start).strip() == "," and not sentence.words[start - 1].lowercase:
        return None  # a list: "France, the Gulf states, Turkey, Israel"
    return start, head


def predicate(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "Hamas is a terrorist organization", "Hamas, which is …", "Putin, long considered a
    'philo-Semite'," -> the predicate noun (or the quoted words)."""
    if not whole(sentence, mention) or after_preposition(sentence, mention.first):
        return None
    i = mention.last + 1
    words = sentence.words
    if i < len(words) and sentence.gap(i).strip() == ",":
        after = skip_attribution(sentence, i)
        if after is None and words[i].lower in ("which", "who"):
            after = skip_copula(sentence, i + 1)
    elif sentence.punct(i):
        return None
    else:
        after = skip_copula(sentence, i)
    return None if after is None else complement(lex, sentence, after)


def complement(lex: LabelLexicon, sentence: SentenceWords, i: int) -> tuple[int, int] | None:
    """The noun phrase from word `i` that a verb predicates of a name; quoted words only
    after a verb of naming ("long considered a “philo-Semite”"): after a bare "is" they
    are mostly a speaker's verdict, not a noun phrase ("Trump was “wrong”")."""
    words = sentence.words
    if i >= len(words) or words[i].lower in NEGATIONS:
        return None
    named = i > 0 and words[i - 1].lower in ATTRIBUTIONS
    named |= i > 1 and words[i - 1].lower == "as" and words[i - 2].lower in ATTRIBUTIONS
    quoted = quoted_phrase(sentence, i) if named else None
    if quoted is not None or sentence.punct(i):
        return quoted
    first = words[i]
    if first.lower not in DETERMINERS and not first.possessive and not describes(first):
        return None  # "Russia is targeting rebel groups": a verb, not a noun phrase
    if first.lower.endswith("ing") and "VERB" in lemmas(first.lower):
        return None  # "Turkey is already striking Kurdish targets"
    return phrase(lex, sentence, i, closing=False)


def object_complement(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "the US designated Hamas a terrorist organization", "Putin called Zelensky 'the
    shame of the Jewish people'": a naming verb, the name, then a determined noun phrase
    with a label head, or quoted words."""
    verb = verb_before(sentence, mention, lex.naming)
    i = mention.last + 1
    if verb is None or i >= len(sentence.words):
        return None
    quoted = quoted_phrase(sentence, i)
    if quoted is not None or sentence.punct(i):
        return quoted
    first = sentence.words[i]
    if first.lower not in DETERMINERS and not first.possessive:
        return None  # "called Hamas leaders": a compound, not a complement
    return phrase(lex, sentence, i, closing=False)


def as_phrase(
    lex: LabelLexicon, sentence: SentenceWords, i: int, preposition: bool = False
) -> tuple[int, int] | None:
    """The noun phrase after "as" (word `i` is the one after it), if its head is a label
    head and, unless "as" can only be a preposition, no verb follows its core: "as the
    dominant force in Syria", not the conjunction of "as the group was regrouping"."""
    words = sentence.words
    if i >= len(words):
        return None
    quoted = quoted_phrase(sentence, i)
    if quoted is not None or sentence.punct(i):
        return quoted
    first = words[i]
    if first.lower not in DETERMINERS and not first.possessive and not describes(first):
        return None
    end = core_end(sentence, i)
    if not (preposition or sentence.punct(end) or words[end].lower in CONTINUATIONS):
        return None
    return phrase(lex, sentence, i, closing=False)


def as_object_label(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention, found: Sequence[Mention]
) -> tuple[int, int] | None:
    """ "regards Russia as an aggressor", "prefers Russia over Turkey as the dominant
    force": the object of a verb of regarding, then "as"."""
    if verb_before(sentence, mention, lex.as_object) is None:
        return None
    words = sentence.words
    j = mention.last + 1
    if j < len(words) and not sentence.punct(j) and words[j].lower in COMPARED:
        other = next((m for m in found if m.name and m.first in (j + 1, j + 2)), None)
        if other is None or (other.first == j + 2 and words[j + 1].lower != "the"):
            return None
        j = other.last + 1
    if j >= len(words) or sentence.punct(j) or words[j].lower != "as":
        return None
    return as_phrase(lex, sentence, j + 1)


def as_subject_label(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention, found: Sequence[Mention]
) -> tuple[int, int] | None:
    """ "Russia has emerged as a power broker", "Putin is trying to set himself up as a
    mediator": the subject of a verb of serving, or of a reflexive before "as"."""
    words = sentence.words
    if not whole(sentence, mention) or words[mention.last].possessive:
        return None
    if after_preposition(sentence, mention.first):
        return None
    starts = {m.first for m in found}
    auxiliaries_only = True  # so far only "has", "could", "now" …: a verb of serving may come
    k = mention.last + 1
    while k < len(words) and k - mention.last <= 8 and not sentence.punct(k):
        word = words[k]
        if k in starts or word.lower in RELATIVES or word.lower in CLAUSE_WORDS:
            return None
        if not word.lowercase:
            return None  # "U.S. Senate candidate Roy Moore cast himself as …": another name
        if negation(word):
            return None
        if word.lower in REFLEXIVES:
            k += 1 if k + 1 < len(words) and words[k + 1].lower in ("up", "out") else 0
            return as_after(lex, sentence, k + 1)
        if auxiliaries_only and word.lower in lex.as_subject:
            return as_after(lex, sentence, k + 1)
        auxiliaries_only &= word.lower in AUXILIARIES or word.lower in LEADING_ADVERBS
        k += 1
    return None


def as_after(
    lex: LabelLexicon, sentence: SentenceWords, k: int, preposition: bool = False
) -> tuple[int, int] | None:
    """The "as" phrase when word `k` is "as" (no punctuation before it)."""
    words = sentence.words
    if k >= len(words) or sentence.punct(k) or words[k].lower != "as":
        return None
    return as_phrase(lex, sentence, k + 1, preposition)


def role_as(lex: LabelLexicon, sentence: SentenceWords, mention: Mention) -> tuple[int, int] | None:
    """ "Russia's role as a mediator", "Iran's growing status as a regional power"."""
    words = sentence.words
    if not words[mention.last].possessive:
        return None
    for k in range(mention.last + 1, min(mention.last + 4, len(words))):
        if sentence.punct(k) or words[k].lower in STOP or words[k].possessive:
            return None
        if words[k].lower in ROLE_NOUNS:
            return as_after(lex, sentence, k + 1, preposition=True)
    return None


def parenthetical_as(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "Israel, as the occupying power, is responsible": an "as" phrase between commas."""
    j = mention.last + 1
    words = sentence.words
    if not whole(sentence, mention) or j >= len(words) or words[j].lower != "as":
        return None
    if sentence.gap(j).strip() != "," or in_opening_phrase(sentence, mention.first):
        return None
    span = as_phrase(lex, sentence, j + 1)
    return span if span is not None and sentence.punct(span[1] + 1) else None


def fronted_as(
    lex: LabelLexicon, sentence: SentenceWords, found: Sequence[Mention]
) -> Iterable[tuple[str, ActorLabel]]:
    """ "As the occupying power, Israel …", and "…, but as a member of a family of liberal
    democracies, it can …" when the sentence opened on that actor as its subject."""
    if not any(mention.name for mention in found):
        return  # the subject is a named actor or stands for one: no need to look
    words = sentence.words
    for k, word in enumerate(words):
        if word.lower != "as" or not clause_start(sentence, k):
            continue
        span = as_phrase(lex, sentence, k + 1)
        if span is None or sentence.gap(span[1] + 1).strip() != ",":
            continue
        actor = subject_at(sentence, span[1] + 1, found, k)
        if actor is not None:
            yield actor, actor_label(sentence, span, "predicate")
