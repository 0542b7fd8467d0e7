"""How outlets' wordings of one shared claim differ (they agree, one adds detail, or they
contradict each other), and a CollateX-style variant table of three or more wordings.

A wrong conflict misleads a reader most, so conflicts are read narrowly: numbers of the same
thing whose ranges do not meet; a denial or an opposite verb with a neighbouring word in common
("refused to condemn" reads as "did not condemn"). Added detail is a name, number or qualifier
one member alone gives. Word lists: `framing/data/variants.toml`. Same texts, same answer."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import partial

from lemminflect import getAllLemmas

from framing.analyse.words import WORD, lemma
from framing.compare.variant_rules import Phrase, VariantRules
from framing.shared_claims import Difference, Variant

_BOUNDARY = re.compile(r"[,;:.!?()\"“”—–]|--")
"""Punctuation between two words that ends a clause: neighbours and counted nouns stop there."""
_START = re.compile(r"[.!?:;]|[“\"]$")
"""Punctuation before a word that starts a sentence, or an opening quote right before it."""
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_APOSTROPHES = ("'", "’")
Pieces = Sequence[tuple[str, str]]  # a text's words with what follows each, and lower case
Result = tuple[tuple[str, ...], bool]  # another member's words against one's, and if it agrees


@dataclass(frozen=True)
class _Word:
    lower: str
    base: str  # its base form read through `same`; "" for a function word
    start: int
    end: int
    name: bool  # capitalised, and not a function word, a title or a time word
    before: str  # the text between the previous word and this one
    manner: bool  # a manner adverb: an -ly word read only as an adverb ("sharply", "publicly")
    starts: bool  # first in its sentence, where a capital says nothing of a name


class _Reading:
    """One member's text as the checks read it: words, numbers, what it denies and asserts (not
    what it reports beside a denial: "X said no, Y said yes"), names, qualifiers, vocabulary."""

    def __init__(self, text: str, rules: VariantRules) -> None:
        self.text, self.rules, self.words = text, rules, _words(text, rules)
        lowers = [w.lower for w in self.words]
        self.grams = {tuple(lowers[k : k + n]) for n in range(1, 5) for k in range(len(lowers))}
        self.amounts = _amounts(self)
        denied, asserted = _polarity(self)
        self.denied = {k: c for k, c in denied.items() if k not in asserted}  # only denied
        contested = {k for k, c in asserted.items() if any(c.near(d) for d in denied.values())}
        self.asserted = {k: c for k, c in asserted.items() if k not in denied.keys() | contested}
        self.names, self.qualifiers = _names(self), _qualifiers(self)
        known = {key for _, keys in self.names for key in keys} | {w.base for w in self.words}
        self.vocabulary = known | {rules.same.get(w.lower, w.lower) for w in self.words if w.base}

    def span(self, first: int, last: int) -> str:
        """The text of words first..last, as written."""
        return self.text[self.words[first].start : self.words[last].end]

    def at(self, k: int, phrases: Collection[Phrase]) -> Phrase:
        """The longest of `phrases` that starts at word k, or ()."""
        lowers = tuple(w.lower for w in self.words[k : k + 4])
        return max((p for p in phrases if lowers[: len(p)] == p), key=len, default=())

    def path(self, k: int, step: int, reach: int) -> list[int]:
        """Up to `reach` words on from word k (`step` 1) or back (-1), not past its clause."""
        found, j = list[int](), k
        while 0 <= j + step < len(self.words) and len(found) < reach:
            if _BOUNDARY.search(self.words[max(j, j + step)].before):
                break
            j += step
            found.append(j)
        return found


def _words(text: str, rules: VariantRules) -> list[_Word]:
    """The words: "n't" reads "not"; "U.S." is a name; "Mr." ends no sentence, a dateline does."""
    found, words = list(WORD.finditer(text)), list[_Word]()
    for k, match in enumerate(found):
        before, ahead = text[found[k - 1].end() if k else 0 : match.start()], text[match.end() :]
        lower = "not" if match[0] == "t" and before in _APOSTROPHES else match[0].lower()
        aux = ahead[:1] in _APOSTROPHES and ahead[1:2] == "t" and not ahead[2:3].isalpha()
        function = aux or lower in rules.function_words or lower in rules.negations
        base = "" if function else rules.same.get(lemma(lower), rules.same.get(lower, lemma(lower)))
        short = k > 0 and (len(words[-1].lower) == 1 or words[-1].lower in rules.titles)
        dateline = k == 1 and found[0][0].isupper() and bool(re.search(r"[—–-]", before))
        starts = k == 0 or dateline or (bool(_START.search(before)) and not short)
        initial = len(lower) == 1 and match[0].isupper() and ahead.startswith(".")
        name = match[0][0].isupper() and (initial or not function)
        name = name and lower not in rules.titles and (lower,) not in rules.qualifiers
        manner = lower.endswith("ly") and set(getAllLemmas(lower)) == {"ADV"}
        words.append(_Word(lower, base, match.start(), match.end(), name, before, manner, starts))
    return words


@dataclass(frozen=True)
class _Amount:
    """A number the text gives, the range it allows, and the words of what it counts."""

    text: str
    value: float
    low: float
    high: float
    counts: frozenset[str]  # the words around it ("killed 12 people": "kill", "people") ...
    nouns: frozenset[str]  # ... of them, its unit or the words after it ("people")

    def counts_same(self, other: _Amount) -> bool:
        """Both count one thing: the same noun after them, or a word around ("killed 12")."""
        nouns = self.nouns and other.nouns
        return bool(self.nouns & other.nouns if nouns else self.counts & other.counts)


def _amounts(t: _Reading) -> list[_Amount]:
    """The text's numbers, each with the bound or approximation before it ("at least 12")."""
    found, k = [], 0
    while k < len(t.words):
        bound = t.at(k, t.rules.bounds)
        value, end = _number_at(t, k + len(bound))
        if end > k + len(bound):
            found.append(_amount(t, (k, k + len(bound), end), value))
        k = max(end, k + 1)
    return found


def _number_at(t: _Reading, k: int) -> tuple[float, int]:
    """The number at word k ("750,000", "1.5 million", "a dozen"), and the index after it."""
    words, values, scales = t.words, t.rules.values, t.rules.scales
    current, j, digits = 0.0, k, k < len(words) and words[k].lower.isdigit()
    if digits and (match := _NUMBER.match(t.text, words[k].start)):
        current, j = float(match[0].replace(",", "")), k + len(WORD.findall(match[0]))
    elif (
        len(words[k : k + 2]) == 2
        and words[k].lower in ("a", "an")
        and words[k + 1].lower in scales
    ):
        current, j = 1.0, k + 1
    known = scales.keys() | (set() if digits else values.keys())
    while j < len(words) and words[j].lower in known:
        word, j = words[j].lower, j + 1
        current = max(current, 1.0) * scales[word] if word in scales else current + values[word]
    return current, j


def _amount(t: _Reading, span: tuple[int, int, int], value: float) -> _Amount:
    """Words `span` (bound, first, after) as a number: unit ("$", "%"), range, what it counts."""
    (first, k, end), units, unit = span, t.rules.units, ""
    start, stop, before = t.words[k].start, t.words[end - 1].end, t.words[k].before.rstrip()
    symbol = next((p[0] for p in units if not p[0].isalnum() and before.endswith(p[0])), "")
    spelled = t.at(end, units)
    if symbol:
        unit, start = units[(symbol,)], start - len(symbol)
    if t.text[stop:].lstrip().startswith("%"):
        unit, stop = "percent", t.text.index("%", stop) + 1
    elif spelled:
        unit, stop = units[spelled], t.words[end + len(spelled) - 1].end
    bound = t.rules.bounds.get(tuple(w.lower for w in t.words[first:k]), "")
    about = (value * (1 - t.rules.tolerance), value * (1 + t.rules.tolerance))
    ranges = {"min": (value, math.inf), "max": (0.0, value), "about": about}
    low, high = ranges.get(bound, (value, value))
    nouns, counts = ({unit}, {unit}) if unit else _counted(t, first, end)
    return _Amount(t.text[start:stop], value, low, high, frozenset(counts), frozenset(nouns))


def _counted(t: _Reading, first: int, end: int) -> tuple[set[str], set[str]]:
    """What a number counts: two content words after it in its clause, and the word just before
    it ("killed 12 people": "people", "kill"), unless a preposition ("in 1979") or reporting."""
    numbers = t.rules.values.keys() | t.rules.scales.keys()
    bases = [t.words[j].base for j in t.path(end - 1, 1, 3)]
    after = [b for b in bases if b and not b.isdigit() and b not in numbers][:2]
    back = [j for j in t.path(first, -1, 2) if t.words[j].lower not in ("a", "an", "the")]
    previous = {t.words[j].base for j in back[:1]} - t.rules.not_counted - {""}
    return set(after), set(after) | previous


@dataclass(frozen=True)
class _Claim:
    """A content word a member asserts or denies, the words that say so, its neighbours."""

    key: str
    text: str
    left: frozenset[str]  # its neighbours before it (who did it) ...
    right: frozenset[str]  # ... and after it (to whom, what)
    index: int  # of the word

    def near(self, other: _Claim) -> bool:
        """A neighbour in common on the same side (doer, object): one act, not two verbs."""
        return bool(self.left & other.left or self.right & other.right)


def _polarity(t: _Reading) -> tuple[dict[str, _Claim], dict[str, _Claim]]:
    """What the text denies ("did not condemn", "refused to condemn") and asserts (the rest)."""
    words, rules, denied = t.words, t.rules, dict[str, _Claim]()
    for k, word in enumerate(words):
        linked = word.base in rules.negative_verbs and t.at(k + 1, [(w,) for w in rules.links])
        negation = word.lower in rules.negations and not t.at(k, rules.idioms)
        ahead = t.path(k + bool(linked), 1, rules.window)
        target = next((j for j in ahead if words[j].base and not words[j].manner), None)
        if (linked or negation) and target is not None:
            aux = k > 0 and "AUX" in getAllLemmas(words[k - 1].lower) and not words[k - 1].base
            first = k - 1 if aux or word.before in _APOSTROPHES else k  # "did not", "didn't"
            denied.setdefault(words[target].base, _claim(t, target, t.span(first, target)))
    targets, asserted = {c.index for c in denied.values()}, dict[str, _Claim]()
    for k, w in enumerate(words):
        if w.base and k not in targets:
            asserted.setdefault(w.base, _claim(t, k, t.span(k, k)))
    return denied, asserted


def _claim(t: _Reading, k: int, text: str) -> _Claim:
    """Word k as a claim, with the content words within `window` of it each side, in its clause."""
    sides = [{t.words[j].base for j in t.path(k, step, t.rules.window)} for step in (-1, 1)]
    left, right = (frozenset(side - {"", t.words[k].base}) for side in sides)
    return _Claim(t.words[k].base, text, left, right, k)


def _names(t: _Reading) -> list[tuple[str, frozenset[str]]]:
    """Runs of capitalised words ("Gaza City"), known by their words and initials ("U.S.")."""
    runs: list[list[int]] = []
    for k, word in enumerate(t.words):
        if word.name and k and t.words[k - 1].name and word.before.strip() in ("", ".", "-"):
            runs[-1].append(k)
        elif word.name:
            runs.append([k])
    found = []
    for run in (r for r in runs if len(r) > 1 or not t.words[r[0]].starts):  # "White House"
        lowers = [t.words[k].lower for k in run]
        keys = {t.rules.same.get(w, w) for w in lowers if len(w) > 1}
        keys |= {"".join(w[0] for w in lowers)} if len(run) > 1 or not keys else set()
        found.append((t.span(run[0], run[-1]), frozenset(keys)))
    return found


def _qualifiers(t: _Reading) -> list[tuple[Phrase, str]]:
    """Hedges, intensifiers, times, vague amounts, manner adverbs and bounds ("at least 12")."""
    found = []
    for k, word in enumerate(t.words):
        phrase = t.at(k, t.rules.qualifiers) or ((word.lower,) if word.manner else ())
        bound = t.at(k, t.rules.bounds)
        phrase = bound if bound and _number_at(t, k + len(bound))[1] > k + len(bound) else phrase
        if phrase:
            found.append((phrase, t.span(k, k + len(phrase) - 1)))
    return found


def relation(texts: Sequence[str], rules: VariantRules) -> tuple[str, tuple[Difference, ...]]:
    """Whether the members' texts of a claim (in member order) "contradict", one "adds_detail",
    or they "agree"; with every difference, conflicts first (they outrank added detail)."""
    readings = [_Reading(text, rules) for text in texts]
    conflicts = [d for i in range(len(readings)) for d in _conflicts(i, readings, rules)]
    details = [d for i in range(len(readings)) for d in _details(i, readings)]
    label = "contradict" if conflicts else "adds_detail" if details else "agree"
    return label, tuple(conflicts + details)


def _conflicts(i: int, readings: Sequence[_Reading], rules: VariantRules) -> list[Difference]:
    """Member i's numbers, denials and opposite verbs that other members contradict."""
    reading = readings[i]
    checks = [("number", a.text, partial(_number, a)) for a in reading.amounts]
    for denied, claims in ((True, reading.denied), (False, reading.asserted)):
        checks += [("negation", c.text, partial(_negation, c, denied)) for c in claims.values()]
    for claim in reading.asserted.values():
        opposites = rules.opposites.get(claim.key, frozenset())
        if opposites and not opposites & reading.asserted.keys():
            checks.append(("opposite", claim.text, partial(_opposite, claim, opposites)))
    others = [(j, other) for j, other in enumerate(readings) if j != i]
    found = [_clash(kind, i, text, {j: f(o) for j, o in others}) for kind, text, f in checks]
    return [d for d in found if d is not None]


def _clash(kind: str, i: int, text: str, results: Mapping[int, Result]) -> Difference | None:
    """Member i's words, if others contradict them and i's side is the weaker (fewer members,
    or as many without the first): of "12", "a dozen", "15" only "15" is marked."""
    agree = {i} | {j for j, (_, agrees) in results.items() if agrees}
    against = {j: words for j, (words, _) in results.items() if words and j not in agree}
    if not against or (len(agree), -min(agree)) >= (len(against), -min(against)):
        return None
    return Difference(kind, i, (text,), tuple(w for j in sorted(against) for w in against[j]))


def _number(a: _Amount, other: _Reading) -> Result:
    """The other's numbers of the same thing, when none of them allows this one's value."""
    related = [b for b in other.amounts if a.counts_same(b)]
    meets = any(a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9 for b in related)
    return ((), True) if meets else (tuple(b.text for b in related), False)


def _negation(claim: _Claim, denied: bool, other: _Reading) -> Result:
    """The other's assertion of what this claim denies (or the reverse), near the same words."""
    if claim.key in (other.denied if denied else other.asserted):
        return (), True
    found = (other.asserted if denied else other.denied).get(claim.key)
    return ((found.text,), False) if found and found.near(claim) else ((), False)


def _opposite(claim: _Claim, opposites: frozenset[str], other: _Reading) -> Result:
    """The other's opposite verbs ("fell" for "rose"), near the same words."""
    found = [other.asserted[o] for o in sorted(opposites) if o in other.asserted]
    near = tuple(c.text for c in found if c.near(claim))
    return ((), True) if claim.key in other.asserted else (near, False)


def _details(i: int, readings: Sequence[_Reading]) -> list[Difference]:
    """The names, numbers, qualifiers member i alone gives (not what the others give, i lacks)."""
    reading, others = readings[i], [o for j, o in enumerate(readings) if j != i]
    known = frozenset[str]().union(*(o.vocabulary for o in others))
    theirs = [b for o in others for b in o.amounts]
    alone = [a for a in reading.amounts if not any(a.counts_same(b) for b in theirs)]
    kinds = {
        "name": [text for text, keys in reading.names if not keys & known],
        "number": [
            a.text for a in alone if not any(math.isclose(a.value, b.value) for b in theirs)
        ],
        "qualifier": [q for p, q in reading.qualifiers if not any(p in o.grams for o in others)],
    }
    return [Difference(kind, i, tuple(dict.fromkeys(ws))) for kind, ws in kinds.items() if ws]


def variant_table(texts: Sequence[str]) -> tuple[Variant, ...]:
    """Columns of each member's words at one place ("" for none; spaces and punctuation kept,
    so a member's readings joined give its text back). Each text is aligned by lower-case words
    to the first longest with difflib; adjacent columns where the members agree or differ alike
    merge into a phrase. Same texts in the same order, same table."""
    pieces = [_pieces(text) for text in texts]
    base = max(range(len(texts)), key=lambda m: (len(pieces[m]), -m), default=0)
    size = 2 * len(pieces[base]) + 1 if texts else 0  # slots: odd at a base word, even between
    slots, joined = [[""] * size for _ in texts], [False] * size  # joined: to the slot before
    for m, member in enumerate(pieces):
        _place(pieces[base], member, slots[m], joined)
    columns = [(tuple(row[s] for row in slots), join) for s, join in enumerate(joined)]
    return _merge([(column, join) for column, join in columns if join or any(column)])


def _pieces(text: str) -> list[tuple[str, str]]:
    """Each word with the text up to the next (and lower case): joined, they give the text."""
    found = list(WORD.finditer(text))
    cuts = [0, *(m.start() for m in found[1:]), len(text)]
    pieces = [(text[cuts[k] : cuts[k + 1]], m[0].lower()) for k, m in enumerate(found)]
    return pieces or ([(text, "")] if text else [])


def _place(base: Pieces, member: Pieces, slots: list[str], joined: list[bool]) -> None:
    """A member's pieces in the base's slots; a stretch replacing base words joins their slots."""
    matcher = SequenceMatcher(None, [w for _, w in base], [w for _, w in member], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for t in range(i2 - i1):
                slots[2 * (i1 + t) + 1] += member[j1 + t][0]
        elif tag != "delete":
            slots[2 * i1 + (tag == "replace")] += "".join(piece for piece, _ in member[j1:j2])
            joined[2 * i1 + 2 : 2 * i2] = [True] * max(0, 2 * (i2 - i1) - 2)


def _merge(columns: Sequence[tuple[tuple[str, ...], bool]]) -> tuple[Variant, ...]:
    """Joined columns, and neighbours where members agree or differ alike, merge into a phrase."""
    merged: list[tuple[str, ...]] = []
    for column, join in columns:
        if merged and (join or _pattern(merged[-1]) == _pattern(column)):
            merged[-1] = tuple(a + b for a, b in zip(merged[-1], column, strict=True))
        else:
            merged.append(column)
    return tuple(Variant(c, len(set(_pattern(c))) == 1) for c in merged)


def _pattern(readings: Sequence[str]) -> tuple[int, ...]:
    """Which members read alike (lower-case words): for each, the first member reading so."""
    words = [tuple(WORD.findall(r.lower())) for r in readings]
    return tuple(words.index(w) for w in words)
