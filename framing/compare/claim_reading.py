"""Each claim unit's content words, names, the actors it names and the acts it reports, read
word by word, each distinct word once.

A corpus's units repeat its words: each sentence is read whole, as its clauses and in the two
two-sentence windows that hold it, so a thousand long articles hold some 2.5 million word
places but only tens of thousands of distinct words. What a word reads as (its content word,
whether it is a name, the actor and the act it may name) depends on the word alone, so
`UnitReader` works it out once per distinct word and keeps it for the corpus (one `prepare`);
what depends on the word's place is read per place, as before: a sentence's first word, a
capital after it, and a verb after "to" or before "of".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from framing.analyse.words import is_known, lemma, verb_lemma
from framing.compare.claim_settings import Settings
from framing.compare.claim_words import base_act


@dataclass(frozen=True)
class _Act:
    """The act a word may report, read as its class (`[acts] same`)."""

    act: str
    anywhere: bool  # an act wherever it stands: an event noun, an inflected verb
    listed: bool  # a listed class of act, so also an act before "of" ("the transfer of")


_Reading = TypeVar("_Reading")


class UnitReader:
    """Content words, names, actors and acts of units, from their words' readings, kept."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._content = _Kept(self._content_word)  # lower-case word -> content word or ""
        self._actors = _Kept(partial(_actor, settings=settings))  # word as written -> actor or ""
        self._acts = _Kept(partial(_word_act, settings=settings))  # lower-case word -> its act
        self._names = _Kept(_name)  # token as written -> the name or number, or ""
        self._lowered = _Kept(str.lower)  # token as written -> lower case, one string each

    def lowered(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """The tokens in lower case, each distinct word one string for the whole corpus:
        a word per place would be 3 million strings for 1,000 articles (177 MB)."""
        return tuple(map(self._lowered.__getitem__, tokens))

    def content(self, words: Sequence[str]) -> frozenset[str]:
        """`settings.reader.content_words(words)`, which reads each word on its own: so each
        distinct word is read once, alone."""
        return _found(map(self._content.__getitem__, words))

    def actors(self, words: Sequence[str]) -> frozenset[str]:
        """Who a unit of these words (as written, `written_words`) names: capitalised words
        (the first word only when no dictionary knows it: "Israel, however" but not
        "Since"), demonyms and capitals read as their country and well-known leaders as their
        state, so "Putin" and "the Kremlin" are one actor."""
        named = words if words and not is_known(words[0].lower()) else words[1:]
        return _found(map(self._actors.__getitem__, named))

    def names(self, tokens: Sequence[str]) -> frozenset[str]:
        """Lower-cased names and numbers of a unit's `claim_tokens`: words written with a
        capital or a digit, its first word aside (capitalised only because it comes first);
        numbers as `claim_words` reads them ("$750,000" as "750000", like the content
        words)."""
        return _found(map(self._names.__getitem__, tokens[1:]))

    def acts(self, words: Sequence[str], capitalised: Sequence[bool]) -> frozenset[str]:
        """What the unit says was done (see `_word_act`): the acts its words report where
        they stand. A capitalised word after the first is part of a name ("the United
        States", "The Associated Press"), not an act."""
        found = set()
        for n, act in enumerate(map(self._acts.__getitem__, words)):
            if act is None or (n > 0 and capitalised[n]):
                continue
            before = n > 0 and words[n - 1] in _BEFORE_VERB
            after = act.listed and n + 1 < len(words) and words[n + 1] == "of"
            if act.anywhere or before or after:
                found.add(act.act)
        return frozenset(found)

    def _content_word(self, word: str) -> str:
        return next(iter(self.settings.reader.content_words((word,))), "")


class _Kept(dict[str, _Reading]):
    """Each word's reading, worked out the first time the word is looked up, then kept."""

    def __init__(self, read: Callable[[str], _Reading]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, word: str) -> _Reading:
        reading = self[word] = self.read(word)
        return reading


def _found(readings: Iterable[str]) -> frozenset[str]:
    """The readings less the empty one, which stands for none; no reading is one shared
    empty set."""
    return frozenset(readings) - _NONE or _EMPTY


_EMPTY: frozenset[str] = frozenset()


_NONE = frozenset(("",))


def _name(token: str) -> str:
    return token.lower() if token[0].isupper() or token[0].isdigit() else ""


def _actor(word: str, settings: Settings) -> str:
    """The actor a word as written names (see `UnitReader.actors`), or ""."""
    low = word.lower()
    if not word[0].isupper():
        return ""
    base = lemma(low)
    actor = settings.leaders.get(low) or settings.reader.same.get(
        base, settings.reader.same.get(low, base)
    )
    skip = actor in settings.not_actors or actor in settings.reader.stopwords
    return actor if len(actor) > 2 and not actor.isdigit() and not skip else ""


def _word_act(word: str, settings: Settings) -> _Act | None:
    """The act a word may report, read as its class of act (`[acts] same`: "supplied",
    "delivered" and "backing" read "support"), very common verbs left out: the event nouns
    that name an act ("the intervention", "the supply of drones"; see `_noun_act`) wherever
    they stand, and the verbs used as verbs. Without a tagger, a word is taken as a verb when
    inflected as one ("refused", "condemning") or after "to" or an auxiliary ("to condemn",
    "did not send"), and a listed act also before "of" ("the transfer of drones"): "the
    Hamas attack" is a noun, not an act. A verb says something of the act unless it is a
    very common verb or a stopword, or its class is listed."""
    noun = _noun_act(word, settings)
    if noun:
        return _Act(settings.acts.get(noun, noun), anywhere=True, listed=False)
    verb = verb_lemma(word)
    if verb is None:
        return None
    base = settings.reader.same.get(verb, verb)
    listed = base in settings.acts
    if not listed and (base in settings.common_verbs or base in settings.reader.stopwords):
        return None
    inflected = word.endswith(("ed", "ing")) or (word != base and not word.endswith("s"))
    return _Act(settings.acts.get(base, base), anywhere=inflected, listed=listed)


def _noun_act(word: str, settings: Settings) -> str | None:
    """The act an event noun names, read as its verb (`base_act`: "distraction" ->
    "distract", "deployments" -> "deploy", "injury" -> "injure"), if that verb is in a class
    of `[acts] same`. A noun says less of who did what than a verb, so only the acts news
    reports swap count: every derived noun ("decision", "agreement") found more pairs across
    stories than within (figures at `nominal` in align.toml). A noun of the verb's own form
    ("the attack", "a transfer") is left to the verb reading unless `[acts] nominal` lists
    it."""
    verb = base_act(word, settings)
    if verb is None:
        return None
    noun = lemma(word)
    listed = word in settings.nominals or noun in settings.nominals
    own_form = verb == noun or verb_lemma(word) is not None
    act = settings.reader.same.get(verb, verb)
    return act if act in settings.acts and (listed or not own_form) else None


_BEFORE_VERB = frozenset(
    (
        "to",
        "not",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
    )
)
"""Words after which a verb's base form is used as a verb ("to send", "did not condemn")."""
