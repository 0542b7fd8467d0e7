"""A sentence's words as the aligner reads them, numbers in one form, and event nouns read as
the verb they name.

Two outlets reporting one fact write its numbers their own way: "$750,000" and "750,000
dollars", "ten days" and "10 days", "€2bn" and "2 billion euros", "40%" and "40 per cent".
`claim_words` writes each amount as its digits, then its unit ("750000", "dollar"; "40",
"percent"), in the sentence's word order, so that the content words and difflib's sequence
ratio both see one number. What is not plainly an amount keeps the reading of the word pattern
(`framing.analyse.words.WORD`): "one of the", "F-16", "COVID-19", "2015", "October 7".

They also name one act by its verb or by its noun ("Iran sought to distract" and "a
distraction"; "Russia deployed" and "Russia's deployment"). `base_act` reads a noun derived
from a verb as that verb, by suffix rules checked against lemminflect's verb tables, with the
exceptions of `[acts]` in `framing/data/align.toml`.

The number words, scales and currency signs below are English grammar, a closed set like the
month names of `framing.ingest.dates`, not a list to tune; the exceptions are data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from lemminflect import getAllLemmas

from framing.analyse.words import WORD, lemma, verb_lemma
from framing.compare.claim_settings import Settings

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SMALL = {value: word for word, value in _UNITS.items() if value <= 5}
"""Numbers read as words when bare (see `_amount`)."""
_LARGE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Scale words after a number, in digits or words ("1.5 million", "two billion")."""

_SUFFIXES = {"bn": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12, "trn": 10**12}
"""Scales written onto the digits ("2bn"); with a currency sign also "m", "b" and "k"."""
_MONEY_SUFFIXES = _SUFFIXES | {"m": 10**6, "b": 10**9, "k": 10**3}
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
"""Written onto digits, read as the number: "October 7th" is "October 7"."""

_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_CURRENCIES = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "yen": "yen", "yuan": "yuan", "ruble": "ruble", "rubles": "ruble",
    "rouble": "ruble", "roubles": "ruble", "rupee": "rupee", "rupees": "rupee",
    "shekel": "shekel", "shekels": "shekel", "peso": "peso", "pesos": "peso",
}  # fmt: skip
"""Currency names after an amount, in the singular a sign is read as ("$5" ~ "5 dollars")."""
_PERCENT = frozenset(("percent", "pct"))

_TOKEN = re.compile(
    r"(?P<gap>(?:[^\w$€£¥%]|_)*)"  # what stands between the last token and this one
    r"(?:(?P<sign>(?:[A-Z]{1,2})?[$€£¥])"  # "$", "US$", "HK$"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?P<tail>[^\W_]*)"
    r"|(?P<percent>%)"
    r"|(?P<word>[^\W_]+))"
)
"""A text's tokens, each with the gap before it: the gap holds what no token can begin with,
so tokens follow one another as a search for the token alone finds them."""

_NUMERIC = re.compile(r"[\d$€£¥%]")
_TOKEN_END = re.compile(r"[^\W_]|[$€£¥%]")
"""A character some token of `_TOKEN` holds: where one ends or begins, an amount may run on."""
_NUMBER_WORDS = frozenset((*_UNITS, *_TENS, "dozen", *_LARGE))
"""Whether a text may hold an amount at all (a digit, sign or number word): most sentences
hold none, and read as the word pattern reads them."""
_STARTS = frozenset((*_UNITS, *_TENS, "a", "an"))
"""The words an amount may begin with."""
_AMOUNT_WORDS = _NUMBER_WORDS | {"hundred"}
"""The words an amount written in words holds one of: a number word, or "hundred" after "a"
("a hundred", which `_NUMBER_WORDS` lets pass as words)."""


class _Token(NamedTuple):
    """A named tuple, not a frozen dataclass: a corpus has millions of tokens, and a tuple is
    built several times faster."""

    text: str  # as written
    low: str  # lower case; a sign's currency name ("dollar"); "%"
    kind: str  # "sign", "number", "percent" or "word"
    tail: str  # letters written onto a number ("bn", "th", "s"), lower case
    gap: str  # the text between the token before and this one


def claim_words(text: str) -> tuple[str, ...]:
    """The lower-case words of `text` as the aligner reads them (see the module doc)."""
    return tuple(word.lower() for word in claim_tokens(text))


def claim_tokens(text: str) -> tuple[str, ...]:
    """`claim_words` before lower-casing, so a word's capital can still be read (amounts and
    units come out in lower case): one entry per entry of `claim_words`."""
    plain = _plain_words(text)
    return _amount_tokens(text) if plain is None else plain


def joined_tokens(first: str, second: str) -> tuple[str, ...]:
    """`claim_tokens(f"{first} {second}")`, the words of two adjacent sentences read as one
    unit, from each sentence's own reading where that gives the same words: where no amount
    can run across the space (see `_apart`). Each sentence is then read once for all the
    units that hold it."""
    if not _apart(first, second):
        return claim_tokens(f"{first} {second}")
    plain, following = _plain_words(first), _plain_words(second)
    if plain is not None and following is not None:
        return plain + following
    return _amount_tokens(first) + _amount_tokens(second)


def _apart(first: str, second: str) -> bool:
    """Whether no amount can run from `first` into `second` joined by a space: it would need
    a token right before and right after the space ("… paid 5" "million …"), or "per" last
    and "cent" first, which `_unit` reads whatever stands between ("5 per." "Cent …")."""
    if not first or not second or (_TOKEN_END.match(first[-1]) and _TOKEN_END.match(second[0])):
        return False
    following = written_words(second)
    return not (following and following[0].lower() == "cent")


@lru_cache(maxsize=4096)
def written_words(text: str) -> tuple[str, ...]:
    """The text's words as the word pattern reads them, as written. Kept for the last few
    thousand texts: the aligner reads each sentence whole, in its clauses and in two
    windows (`joined_tokens`), and reads its words for its amounts and for its names."""
    return tuple(WORD.findall(text))


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> tuple[str, ...] | None:
    """The words of a text that can hold no amount (see `_NUMBER_WORDS`), as the word
    pattern reads them; None for a text that may hold one."""
    words = written_words(text)
    if _NUMERIC.search(text) or not _NUMBER_WORDS.isdisjoint(map(str.lower, words)):
        return None
    return words


@lru_cache(maxsize=4096)
def _amount_tokens(text: str) -> tuple[str, ...]:
    """The words of a text that may hold amounts, each amount read as its digits and unit.
    Kept, like `written_words`. A text with no digit, sign or number word (`_AMOUNT_WORDS`)
    has none: its words are the pattern's, as in the sentence of a window whose other
    sentence holds an amount."""
    if not _NUMERIC.search(text) and _AMOUNT_WORDS.isdisjoint(map(str.lower, written_words(text))):
        return written_words(text)
    tokens = _tokens(text)
    words: list[str] = []
    n = 0
    while n < len(tokens):
        token = tokens[n]
        starts = token.kind != "word" or token.low in _STARTS
        amount = _amount(tokens, n) if starts else None
        if amount is None:
            # a word is one match of the word pattern; a sign or number may be none or two
            words.extend((token.text,) if token.kind == "word" else WORD.findall(token.text))
            n += 1
        else:
            words.extend(amount[0])
            n = amount[1]
    return tuple(words)


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for gap, sign, number, tail, percent, word in _TOKEN.findall(text):
        if word:
            tokens.append(_Token(word, word.lower(), "word", "", gap))
        elif number:
            tokens.append(_Token(number + tail, number, "number", tail.lower(), gap))
        elif sign:
            tokens.append(_Token(sign, _SIGNS[sign[-1]], "sign", "", gap))
        else:
            tokens.append(_Token(percent, percent, "percent", "", gap))
    return tokens


@dataclass(frozen=True)
class _Number:
    value: Decimal
    end: int  # the index of the token after it
    written: tuple[str, ...] | None  # a bare number's digits as written ("2015", "3", "5")


def _amount(tokens: Sequence[_Token], n: int) -> tuple[list[str], int] | None:
    """The words an amount starting at `tokens[n]` is read as, and the index after it; None
    when no amount starts there. An amount is an optional currency sign, a number in digits
    or words with its scale words, then maybe a currency name or a percent sign or word.
    Bare numbers below six read as words ("5 years" as "five years"): news style spells them
    out, and the aligner's stopwords hold "one" to "five", too common to anchor a claim."""
    sign = tokens[n].low if tokens[n].kind == "sign" else None
    start = n + 1 if sign is not None else n
    if sign is not None and not (start < len(tokens) and _joined(tokens, start, " ")):
        return None
    number = _number(tokens, start, money=sign is not None)
    if number is None:
        return None
    unit, end = _unit(tokens, number.end)
    if sign is not None and unit != "percent":
        unit = None  # "$5 million dollars" names its currency once
    units = [u for u in (sign, unit) if u is not None]
    if not units and number.value in _SMALL:
        return [_SMALL[int(number.value)]], end
    if not units and number.written is not None:
        return list(number.written), end
    return _digits(number.value) + units, end


def _number(tokens: Sequence[_Token], n: int, money: bool) -> _Number | None:
    """A number at `tokens[n]` in digits or words, with its scale ("1.5 million", "€2bn",
    "a dozen"), or None. Digits with letters written onto them are a number only if the
    letters are an ordinal ending or a scale ("7th", "2bn"; "$5m"): "1990s", "4x4", "5G" and
    "3M" stay words."""
    token = tokens[n]
    if token.kind == "word":
        words = _number_words(tokens, n)
        return None if words is None else _Number(Decimal(words[0]), words[1], None)
    if token.kind != "number":
        return None
    digits = token.low.replace(",", "")
    value = Decimal(digits)
    if token.tail in _ORDINALS and "." not in digits:
        return _Number(value, n + 1, (digits,))
    suffixes = _MONEY_SUFFIXES if money else _SUFFIXES
    if token.tail:
        scale = suffixes.get(token.tail)
        return None if scale is None else _Number(value * scale, n + 1, None)
    scale, end = _scales(tokens, n + 1)
    bare = scale == 1 and "," not in token.low
    return _Number(value * scale, end, tuple(WORD.findall(digits)) if bare else None)


def _scales(tokens: Sequence[_Token], n: int) -> tuple[int, int]:
    """The product of the scale words from `tokens[n]` on ("million", "thousand million"),
    and the index after them."""
    scale = 1
    while n < len(tokens) and tokens[n].low in _LARGE and _joined(tokens, n, " -"):
        scale *= _LARGE[tokens[n].low]
        n += 1
    return scale, n


def _number_words(tokens: Sequence[_Token], n: int) -> tuple[int, int] | None:
    """A number written in words from `tokens[n]` ("ten", "twenty-five", "two hundred and
    fifty", "a million", "a dozen"), and the index after it; None when none starts there.
    A lone "one" is left a word ("one of the", "no one"), as are "hundreds" and "dozens"."""
    total, group, last, start = 0, 0, "", n
    found: tuple[int, int] | None = None
    while n < len(tokens) and (n == start or _joined(tokens, n, " -")):
        word = tokens[n].low
        kind = _word_kind(word, tokens[n + 1].low if n + 1 < len(tokens) else "")
        if kind not in _FOLLOWS[last]:
            break
        if kind in ("unit", "teen", "tens"):
            group += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif kind in ("hundred", "dozen"):
            group = (group or 1) * (100 if kind == "hundred" else 12)
        elif kind == "large":
            total, group = total + (group or 1) * _LARGE[word], 0
        last, n = kind, n + 1
        if kind not in ("a", "and"):
            found = total + group, n
    if found is None or (found[1] - start == 1 and tokens[start].low == "one"):
        return None
    return found


def _word_kind(word: str, following: str) -> str:
    """What a word is to a number written in words: "unit" (one to nine), "teen" (ten to
    nineteen), "tens", "hundred", "dozen", "large" (thousand and up), "a" before a scale,
    "and" inside a number ("two hundred and fifty"), or "" (no number word)."""
    if word in _UNITS:
        return "unit" if _UNITS[word] < 10 else "teen"
    if word in _TENS:
        return "tens"
    if word in ("hundred", "dozen"):
        return word
    if word in _LARGE:
        return "large"
    if word in ("a", "an") and following in ("hundred", "dozen", *_LARGE):
        return "a"
    if word == "and" and (following in _UNITS or following in _TENS):
        return "and"
    return ""


_FOLLOWS: dict[str, tuple[str, ...]] = {
    "": ("unit", "teen", "tens", "a"),
    "a": ("hundred", "dozen", "large"),
    "unit": ("hundred", "dozen", "large"),
    "teen": ("hundred", "large"),
    "tens": ("unit", "large"),
    "hundred": ("unit", "teen", "tens", "large", "and"),
    "large": ("unit", "teen", "tens", "and"),
    "and": ("unit", "teen", "tens"),
    "dozen": (),
}
"""Which kind of number word may follow which: "twenty five", "two hundred and fifty",
"three million"; not "five six" or "twenty nineteen" (two numbers, not one)."""


def _unit(tokens: Sequence[_Token], n: int) -> tuple[str | None, int]:
    """The unit after an amount ("dollars", "%", "percent", "per cent") read as one word, and
    the index after it."""
    if n >= len(tokens) or not _joined(tokens, n, " -"):
        return None, n
    low = tokens[n].low
    if low in _CURRENCIES:
        return _CURRENCIES[low], n + 1
    if low in _PERCENT or tokens[n].kind == "percent":
        return "percent", n + 1
    if low == "per" and n + 1 < len(tokens) and tokens[n + 1].low == "cent":
        return "percent", n + 2
    return None, n


def _joined(tokens: Sequence[_Token], n: int, gaps: str) -> bool:
    """Whether `tokens[n]` follows the token before it with nothing between but at most one
    of `gaps` ("1.5 million", "twenty-five"): a comma or full stop ends an amount."""
    gap = tokens[n].gap
    return gap == "" or (len(gap) == 1 and gap in gaps)


def _digits(value: Decimal) -> list[str]:
    """An amount's digits: whole numbers as one word ("750000"), others as the word pattern
    reads them ("3.5" -> "3", "5")."""
    if value == value.to_integral_value():
        return [str(int(value))]
    return WORD.findall(format(value.normalize(), "f"))


def base_act(word: str, settings: Settings) -> str | None:
    """The verb a noun names as an act, or None: a noun listed in `[acts] nominal` as its
    verb; no verb for one listed in `not_nominal` ("government" is not "govern"); a noun of the
    verb's own form is that verb ("transfer"); else the verb a suffix rule derives and the
    verb tables know ("distraction" -> "distract", "refusal" -> "refuse", "deployments" ->
    "deploy"). Only nouns the tables know as nouns and not as adjectives are derived: a
    "final" is not a "fine"."""
    noun = lemma(word)
    listed = settings.nominals.get(word) or settings.nominals.get(noun)
    if listed is not None:
        return listed
    if noun in settings.not_nominal or word in settings.not_nominal:
        return None
    return _verb_of(noun)


@cache
def _verb_of(noun: str) -> str | None:
    if _is_verb(noun):
        return noun
    readings = getAllLemmas(noun)
    if "NOUN" not in readings or "ADJ" in readings:
        return None
    for suffix, endings in _DERIVATIONS:
        stem = noun[: -len(suffix)]
        if not noun.endswith(suffix):
            continue
        if len(stem) < _SHORTEST_STEM.get(suffix, 3):
            return None  # "station", "mission": a root, not a suffix ("state", "miss")
        for verb in _verbs(stem, endings):
            if _is_verb(verb):
                return verb
    return None


def _verbs(stem: str, endings: Sequence[str]) -> list[str]:
    """The verbs a stem may come from, a doubled final consonant also single ("referral",
    "occurrence", "acquittal")."""
    verbs = [stem + ending for ending in endings]
    if "" in endings and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        verbs.append(stem[:-1])
    return verbs


def _is_verb(word: str) -> bool:
    return verb_lemma(word) == word


_DERIVATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ication", ("icate", "y")),  # complication, notification
    ("isation", ("ise", "ize")),  # mobilisation
    ("ization", ("ize", "ise")),  # authorization
    ("ation", ("ate", "", "e", "y")),  # escalation, condemnation, declaration, occupation
    ("ention", ("end", "ene", "ain")),  # contention, intervention, detention
    ("ution", ("ute",)),  # prosecution, execution
    ("ssion", ("ss", "t", "de")),  # discussion, admission, concession
    ("nsion", ("nd",)),  # expansion, suspension
    ("rsion", ("rt",)),  # diversion, conversion
    ("sion", ("de",)),  # invasion, decision, explosion
    ("ition", ("", "e", "ish")),  # prohibition, competition, abolition
    ("uction", ("uce",)),  # reduction, production
    ("ion", ("", "e")),  # distraction, protection, completion
    ("ment", ("", "e")),  # deployment, argument
    ("ial", ("y",)),  # denial, burial
    ("al", ("", "e")),  # withdrawal, refusal, approval
    ("iance", ("y",)),  # defiance, compliance
    ("ance", ("", "e")),  # assistance, guidance
    ("ence", ("", "e", "end")),  # existence, interference, defence
    ("ure", ("", "e")),  # failure, seizure
    ("ery", ("er",)),  # delivery, recovery
)
"""Suffixes of nouns made from verbs, tried in order, with the verb endings each may replace;
a rule applies only where the verb tables know the verb it gives."""

_SHORTEST_STEM = {"al": 4, "ion": 4}
"""The shortest stem each suffix leaves (3 by default): "trial" is not "try", "total" not
"tot", "notion" not "note". A noun ending in a suffix with a shorter stem is no derived noun
("station" leaves "st"): the later, shorter suffixes are not tried ("stat-ion" is no "state")."""
