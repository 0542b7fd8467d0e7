"""Lexicons (commented TOML word lists) and the matcher that finds their terms in sentences.

Every framing measure that counts words reads its terms from a file in `framing/data/`, so a
reader can see, and a user can extend, exactly what is counted. A term is written in its base
form ("attack", "call for"); the matcher also finds its inflections ("attacked", "calls for"),
from lemminflect's tables, which ship inside its wheel. A term with a capital letter
("US", "Kremlin") matches only as written; others match in any case.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from lemminflect import getAllInflections

from framing.errors import FramingError
from framing.models import LexiconInfo, Match

LEXICON_NAMES = (
    "frames",
    "actors",
    "entities",
    "sourcing",
    "stance",
    "loaded",
    "align",
    "variants",
    "stories",
)
"""The lexicon files, `framing/data/<name>.toml`; a user's `--lexicon-dir` may hold any."""

_TOKEN = re.compile(r"[^\W_]+|['’]")
"""Words (letters and digits) and apostrophes, so "Israel's" is "israel", "'", "s"."""


class Token(NamedTuple):
    """A word of a sentence: lower-cased for lookup, with its place and written form.

    A named tuple rather than a frozen dataclass: an article has tens of thousands of tokens
    and a tuple is built several times faster; its fields read and compare as before."""

    lower: str
    start: int
    end: int
    text: str


def tokenize(text: str) -> tuple[Token, ...]:
    """The words of `text` with character offsets; curly apostrophes read as straight."""
    return tuple(
        Token(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(text)
    )


@cache
def inflections(word: str) -> frozenset[str]:
    """`word` and every inflection lemminflect knows for it (lower case)."""
    forms = {word}
    for group in getAllInflections(word).values():
        forms.update(form.lower() for form in group)
    return frozenset(forms)


@dataclass(frozen=True)
class _Entry:
    category: str
    term: str
    exact: tuple[str, ...] | None  # written form to require, for terms with capitals


class PhraseMatcher:
    """Finds the terms of named lists in tokenised sentences: longest match first, left to
    right, never overlapping; a match inside an `exclude` phrase does not count."""

    def __init__(
        self, lists: Mapping[str, Iterable[str]], exclude: Iterable[str] = (), inflect: bool = True
    ) -> None:
        self._index: dict[tuple[str, ...], list[_Entry]] = {}
        for category, terms in lists.items():
            for term in terms:
                self._add(category, term, inflect)
        self._exclude: dict[tuple[str, ...], list[_Entry]] = {}
        for phrase in exclude:
            choices = [inflections(t.lower) if inflect else {t.lower} for t in tokenize(phrase)]
            for words in _product(choices):
                self._exclude.setdefault(words, [_Entry("", phrase, None)])
        self._trie = _trie((*self._index, *self._exclude))

    def _add(self, category: str, term: str, inflect: bool) -> None:
        tokens = tokenize(term)
        if not tokens:
            return
        exact = tuple(t.text for t in tokens) if term != term.lower() else None
        choices = [inflections(t.lower) if inflect and exact is None else {t.lower} for t in tokens]
        for words in _product(choices):
            entries = self._index.setdefault(words, [])
            if not any(e.category == category for e in entries):
                entries.append(_Entry(category, term, exact))

    def find(self, tokens: Sequence[Token], text: str, sentence_id: str) -> list[Match]:
        """Every match in one sentence; `text` is the sentence the tokens came from."""
        matches: list[Match] = []
        trie, free = self._trie, 0  # free: the first token a match may start at
        for i in [i for i, token in enumerate(tokens) if token.lower in trie]:
            found = self._longest_at(tokens, i) if i >= free else None
            if found is None:
                continue
            length, entries = found
            start, end = tokens[i].start, tokens[i + length - 1].end
            matches.extend(
                Match(sentence_id, start, end, text[start:end], e.term, e.category)
                for e in entries
                if e.category
            )
            free = i + length
        return matches

    def _longest_at(self, tokens: Sequence[Token], i: int) -> tuple[int, list[_Entry]] | None:
        """The longest phrase at token `i` whose written form fits, if any."""
        for length in reversed(self._lengths_at(tokens, i)):
            window = tokens[i : i + length]
            key = tuple(t.lower for t in window)
            entries = self._exclude.get(key) or [
                e
                for e in self._index.get(key, ())
                if e.exact is None or e.exact == tuple(t.text for t in window)
            ]
            if entries:
                return length, entries
        return None

    def _lengths_at(self, tokens: Sequence[Token], i: int) -> list[int]:
        """The lengths of the phrases (terms or excluded) that the tokens from `i` spell,
        shortest first, read along the trie: most words that start a phrase are followed by
        none of its next words, and are passed over at the cost of one lookup."""
        lengths = []
        node = self._trie.get(tokens[i].lower)
        j = i + 1
        while node is not None:
            if _END in node:
                lengths.append(j - i)
            node = node.get(tokens[j].lower) if j < len(tokens) else None
            j += 1
        return lengths


_Trie = dict[str, "_Trie"]
_END = ""
"""The trie's mark of a whole phrase: no token is empty, so no word is this key."""


def _trie(keys: Iterable[tuple[str, ...]]) -> _Trie:
    """The phrases as a trie of words, each whole phrase marked with `_END`."""
    root: _Trie = {}
    for key in keys:
        node = root
        for word in key:
            node = node.setdefault(word, {})
        node[_END] = {}
    return root


def _product(choices: Sequence[Iterable[str]]) -> list[tuple[str, ...]]:
    combos: list[tuple[str, ...]] = [()]
    for options in choices:
        combos = [(*combo, option) for combo in combos for option in sorted(options)]
    return combos


@dataclass(frozen=True)
class Lexicon:
    """One lexicon file's tables, after a user's file has extended or replaced it."""

    name: str
    version: str
    source: str  # "built-in", or the user's file
    data: Mapping[str, Any]

    @property
    def info(self) -> LexiconInfo:
        return LexiconInfo(self.name, self.version, self.source)


def load_lexicons(user_dir: Path | None = None) -> dict[str, Lexicon]:
    """The built-in lexicons, each extended (or, with `replace = true`, replaced) by a file of
    the same name in `user_dir`: lists gain the user's terms, tables merge, values override."""
    if user_dir is not None and not user_dir.is_dir():
        raise FramingError(
            "lexicon folder not found", str(user_dir), "give a folder holding e.g. loaded.toml"
        )
    lexicons = {}
    for name in LEXICON_NAMES:
        builtin = resources.files("framing").joinpath(f"data/{name}.toml")
        data = _parse(builtin.read_text(encoding="utf-8"), f"framing/data/{name}.toml")
        version, source = str(data.get("version", "")), "built-in"
        user = user_dir / f"{name}.toml" if user_dir is not None else None
        if user is not None and user.is_file():
            extra = _parse(_read(user), str(user))
            data = extra if extra.get("replace") is True else _merge(data, extra)
            version = str(extra.get("version", f"{version}+{user.name}"))
            source = str(user)
        lexicons[name] = Lexicon(name, version, source, data)
    return lexicons


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FramingError(f"cannot read lexicon: {error}", str(path)) from None


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FramingError(f"broken lexicon file: {error}", where, "fix the TOML syntax") from None


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = [*old, *(v for v in value if v not in old)]
        else:
            merged[key] = value
    return merged


def string_list(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """`data[key]` as a tuple of strings, or a one-line error naming the lexicon and key."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FramingError(f"{key!r} must be a list of strings", where, f'write {key} = ["…"]')
    return tuple(value)


@dataclass(frozen=True)
class TokenizedSentence:
    """A sentence as the measures read it: id, text and its words, tokenised once."""

    id: str
    text: str
    tokens: tuple[Token, ...]
    heading: bool = False


def tokenized(sentences: Iterable[tuple[str, str, bool]]) -> tuple[TokenizedSentence, ...]:
    """(id, text, heading) triples, tokenised for every measure to share."""
    return tuple(
        TokenizedSentence(i, text, tokenize(text), heading) for i, text, heading in sentences
    )
