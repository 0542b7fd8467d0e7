"""Labels in the noun phrase around a name: premodifiers ("the jihadist rebel group HTS",
"Hamas terrorists", "Putin's Russia"), lists after a labelling noun, and group epithets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.analyse.actor_words import (
    COLLECTIVES,
    STOP,
    Mention,
    SentenceWords,
)
from framing.analyse.label_lexicon import (
    LabelLexicon,
    start_back,
)
from framing.analyse.noun_phrases import (
    abbreviation,
    actor_label,
    epithet_adjective,
    ideological,
    joined_after,
    joins_adjectives,
    list_items,
    name_is_head,
    plural_noun,
    starts_phrase,
    whole,
)
from framing.analyse.words import lemmas
from framing.models import ActorLabel


def head_before(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention, found: Sequence[Mention]
) -> tuple[int, int] | None:
    """ "the jihadist rebel group Hay'at Tahrir al-Sham", "U.S. ally Israel"; not
    "Moscow champions Hamas" (an inflected head) nor "Iran sponsor Hamas" (a name before
    a head that can be a verb)."""
    head = mention.first - 1
    if head < 0 or sentence.punct(mention.first) or joined_after(sentence, mention):
        return None
    word = sentence.words[head]
    if not word.lowercase or word.lower not in lex.head_bases:
        return None
    start = start_back(lex, sentence, head)
    if start == head:
        return None
    opener = sentence.words[start]
    if opener.lower in ("a", "an"):
        return None  # "a state Trump won": a relative clause, not "the group Hamas"
    if "VERB" in lemmas(word.lower) and plural_noun(sentence.words[head - 1]):
        return None  # "the penalties force Turkey to …": a subject and its verb
    if not starts_phrase(opener) and "VERB" in lemmas(word.lower):
        names = [m for m in found if m.name and start <= m.first < head]
        if any(not abbreviation(sentence.words[m.first]) for m in names):
            return None
    return start, mention.last


def adjectives_before(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "the authoritarian Putin", "the Iran-backed Hezbollah", "pro-American Israel"."""
    if not whole(sentence, mention) or not name_is_head(sentence, mention.last):
        return None
    i = mention.first
    while i > 0 and mention.first - i < 3 and joins_adjectives(sentence, i, mention.first):
        if not epithet_adjective(sentence.words[i - 1]):
            break
        i -= 1
    if i == mention.first:
        return None
    if i > 0 and not sentence.punct(i) and sentence.words[i - 1].lower == "the":
        return i - 1, mention.last
    allegiance = all(ideological(w) for w in sentence.words[i : mention.first])
    before_ok = i == 0 or sentence.punct(i) or sentence.words[i - 1].lower in STOP
    return (i, mention.last) if allegiance and before_ok else None


def head_after(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "Hamas terrorists", "the Assad regime", "the Iranian-backed Houthi militia"."""
    nxt = mention.last + 1
    if not whole(sentence, mention) or sentence.punct(nxt):
        return None
    word = sentence.words[nxt]
    nouns = lex.after_name if mention.actor in lex.groups else lex.after_adjective
    if not word.lowercase or word.base not in nouns:
        return None  # "US fighters" are not the US called fighters; "Hamas fighters" are
    end = nxt
    while end + 1 < len(sentence.words) and not sentence.punct(end + 1):
        following = sentence.words[end + 1]
        if following.lower in lex.institution_words:
            return None  # "Assad regime forces": the head names an institution
        if not following.lowercase or following.base not in lex.heads:
            break
        end += 1
    if not name_is_head(sentence, end):
        return None  # "U.S. fighter jets"
    return start_back(lex, sentence, mention.first), end


def adjective_head(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "the Syrian regime": a demonym before a word of `after_adjective`."""
    word = sentence.words[mention.last]
    if word.base not in lex.after_adjective or sentence.punct(mention.first):
        return None
    start = start_back(lex, sentence, mention.first)
    return start, mention.last


def possessive_head(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention
) -> tuple[int, int] | None:
    """ "Bashar al-Assad's regime", "Syria's new regime"."""
    words = sentence.words
    if not words[mention.last].possessive:
        return None
    for end in range(mention.last + 1, min(mention.last + 4, len(words))):
        if sentence.punct(end):
            return None
        if words[end].base in lex.after_adjective and words[end].lowercase:
            return mention.first, end
        if words[end].lower in STOP or words[end].possessive:
            return None
    return None


def owner_before(
    lex: LabelLexicon, sentence: SentenceWords, mention: Mention, found: Sequence[Mention]
) -> tuple[int, int] | None:
    """ "Putin's Russia": a leader's possessive before the state's own name."""
    if mention.match.term != lex.canonical.get(mention.actor):
        return None
    owner = next((m for m in found if m.last == mention.first - 1 and m.name), None)
    if owner is None or owner.actor != mention.actor or sentence.punct(mention.first):
        return None
    if not sentence.words[owner.last].possessive:
        return None
    return owner.first, mention.last


def list_labels(
    lex: LabelLexicon, sentence: SentenceWords, found: Sequence[Mention]
) -> Iterable[tuple[str, ActorLabel]]:
    """ "Israel's antagonists: Iran, Syria, … Hamas and Hezbollah" -> each named actor."""
    if not any(mention.name for mention in found):
        return  # only a named actor is labelled: no need to look for lists
    words = sentence.words
    for k in range(1, len(words)):
        if words[k - 1].lower not in LIST_LEADS and ":" not in sentence.gap(k):
            continue  # no list starts here (see `list_head`): a quick test for most words
        head = list_head(lex, sentence, k)
        if head is None:
            continue
        start = start_back(lex, sentence, head)
        label = actor_label(sentence, (start, head), "apposition")
        items = list_items(sentence, k)
        for mention in found:
            if mention.name and mention.first in items:
                yield mention.actor, label


LIST_LEADS = frozenset(["including", "as", "of"])
"""The words a list may follow ("including Hamas", "such as", "the axis of"); else a colon."""


def list_head(lex: LabelLexicon, sentence: SentenceWords, k: int) -> int | None:
    """The head of a labelling noun before a list starting at word `k`, if any."""
    words = sentence.words
    lower = words[k - 1].lower
    if sentence.gap(k).strip() == ":":
        head = k - 1
    elif lower == "including" and not sentence.punct(k):
        head = k - 2
    elif lower == "as" and k >= 2 and words[k - 2].lower == "such" and not sentence.punct(k):
        head = k - 3
    elif lower == "of" and not sentence.punct(k) and k >= 2 and words[k - 2].lower in COLLECTIVES:
        head = k - 2
    else:
        return None
    if head < 0 or (sentence.punct(head + 1) and sentence.gap(head + 1).strip() not in (",", ":")):
        return None
    word = words[head]
    if word.possessive or not word.lowercase or word.lower not in lex.heads:
        return None
    return head


def group_epithets(
    lex: LabelLexicon,
    sentence: SentenceWords,
    found: Sequence[Mention],
    previous: Sequence[Mention],
) -> Iterable[tuple[str, ActorLabel]]:
    """ "the militant group", read as the one group named in this or the last sentence."""
    words = sentence.words
    for head, word in enumerate(words):
        if word.lower not in lex.epithet_heads or not word.lowercase:
            continue
        start = start_back(lex, sentence, head)
        if words[start].lower != "the" or start > head - 2:
            continue
        if not name_is_head(sentence, head):
            continue  # "the militant group Hamas", "the group leader": not an epithet
        if any(m.first <= head and m.last >= start for m in found):
            continue
        before = [m for m in found if m.last < start and m.name] + [m for m in previous if m.name]
        groups = {m.actor for m in before if m.actor in lex.groups}
        if len(groups) == 1:
            yield groups.pop(), actor_label(sentence, (start, head), "epithet")
