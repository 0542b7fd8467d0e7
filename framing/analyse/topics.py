"""Decide which sentences speak of which topic, from aliases and metonyms in TOML."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from framing.errors import FramingError
from framing.models import Topic

_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_QUOTES = (("‘", "'"), ("’", "'"), ("‛", "'"), ("“", '"'), ("”", '"'), ("„", '"'))
"""Curly quotes match straight ones: the text "Hay’at" mentions the alias "Hay'at"."""


def matchable(text: str) -> str:
    """`text` as topics are matched in it: straight quotes, web addresses blanked out.

    Done once per sentence, not once per topic (chained replace: str.translate with a dict
    table is some 30 times slower on a large corpus).
    """
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    return _URL.sub(" ", text)


def default_topics() -> tuple[Topic, ...]:
    """The topics shipped in `framing/data/topics.toml`."""
    text = resources.files("framing").joinpath("data/topics.toml").read_text(encoding="utf-8")
    return parse_topics(text, "framing/data/topics.toml")


def load_topics(path: Path) -> tuple[Topic, ...]:
    """A user's topic file, in the same format as the default one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FramingError(f"cannot read topics file: {error}", str(path)) from None
    return parse_topics(text, str(path))


def parse_topics(text: str, where: str) -> tuple[Topic, ...]:
    """Read `[[topic]]` tables of `name`, `aliases` and optional `exclude`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FramingError(f"broken topics file: {error}", where, "fix the TOML syntax") from None
    topics = []
    for number, table in enumerate(data.get("topic", []), start=1):
        name, aliases = table.get("name"), table.get("aliases")
        if not isinstance(name, str) or not name.strip():
            raise FramingError(f"[[topic]] #{number} has no name", where, 'add name = "…"')
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise FramingError(f"topic {name!r} needs aliases", where, 'add aliases = ["…"]')
        topics.append(Topic(name.strip(), tuple(aliases), tuple(table.get("exclude", []))))
    if not topics:
        raise FramingError("no [[topic]] tables", where, "see framing/data/topics.toml")
    return tuple(topics)


def parse_topic_option(option: str) -> Topic:
    """`--topic "Name=alias1,alias2"`; the name itself counts as an alias."""
    name, sep, aliases = option.partition("=")
    if not sep or not name.strip():
        raise FramingError(
            f"--topic {option!r} is not NAME=ALIAS,ALIAS",
            fix='e.g. --topic "Lebanon=Lebanon,Beirut"',
        )
    terms = [a.strip() for a in aliases.split(",") if a.strip()]
    return Topic(name.strip(), tuple(dict.fromkeys([name.strip(), *terms])))


def merge_topics(base: Sequence[Topic], extra: Sequence[Topic]) -> tuple[Topic, ...]:
    """`extra` topics replace base topics of the same name and add the rest."""
    names = {topic.name for topic in extra}
    return (*[t for t in base if t.name not in names], *extra)


@dataclass(frozen=True)
class TopicMatcher:
    """Compiled word-boundary patterns for one topic."""

    topic: Topic

    @cached_property
    def _aliases(self) -> tuple[tuple[str | None, re.Pattern[str]], ...]:
        """Each alias's pattern, with the word a text must hold for it to match (its first
        word; None for a lower-case alias, which matches in any case). A text mentions the
        topic when one of these patterns matches, exactly as when the alternation of all of
        them does; trying only the aliases whose word is there costs a fraction of that."""
        return tuple(
            (None if alias == alias.lower() else _first_word(alias), _alternation([alias]))
            for alias in dict.fromkeys(self.topic.aliases)
        )

    @cached_property
    def _needles(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Aliases as plain substrings (exact case, lower case): a sentence containing none of
        them cannot mention the topic, and `in` is far cheaper than the regex."""
        first = {alias: _first_word(alias) for alias in self.topic.aliases}
        exact = tuple(word for alias, word in first.items() if alias != alias.lower())
        lower = tuple(word for alias, word in first.items() if alias == alias.lower())
        return exact, lower

    @cached_property
    def _exclude(self) -> re.Pattern[str] | None:
        return _alternation(self.topic.exclude) if self.topic.exclude else None

    def mentions(self, text: str) -> bool:
        """True when `text` names the topic outside URLs and excluded phrases."""
        return self.mentions_matchable(matchable(text))

    def mentions_matchable(self, text: str) -> bool:
        """`mentions` for a text already passed through `matchable`."""
        exact, lower = self._needles
        if not any(n in text for n in exact) and not (
            lower and any(n in text.lower() for n in lower)
        ):
            return False
        kept = text if self._exclude is None else self._exclude.sub(" ", text)
        return any(
            pattern.search(kept) for word, pattern in self._aliases if word is None or word in text
        )


def _first_word(alias: str) -> str:
    """The alias's first word as `matchable` writes it: a text without it cannot match the
    alias written with capitals (and blanking out excluded phrases never makes it appear)."""
    return (matchable(alias).split() or [""])[0]


def _alternation(terms: Sequence[str]) -> re.Pattern[str]:
    """One regex for all terms, longest first, whole words only, smart case per term."""
    parts = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        escaped = re.escape(matchable(term)).replace(r"\ ", r"\s+")
        if term[:1].isalnum():
            escaped = rf"(?<![\w@/]){escaped}"
        if term[-1:].isalnum():
            escaped = rf"{escaped}(?![\w@])"
        parts.append(escaped if term != term.lower() else f"(?i:{escaped})")
    return re.compile("|".join(parts))
