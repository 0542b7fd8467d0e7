"""Page-wide line rules: boilerplate patterns, the footer after the article, other scripts."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from framing.ingest.lines import Line, is_prose, words

TAIL_MAX_WORDS = 40
"""After an end-of-article marker, a line this long is body: the marker was inline, not a footer."""

_NOT_LETTER = re.compile(r"[\W\d_]+")
_NON_LATIN_LETTER = re.compile(
    r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
)


@dataclass(frozen=True)
class Rule:
    """One `[[rule]]` of `data/boilerplate.toml`: a kind of line that is not body."""

    reason: str
    patterns: tuple[re.Pattern[str], ...]
    max_words: int
    ends_article: bool

    def matches(self, line: str) -> bool:
        return words(line) <= self.max_words and any(p.search(line) for p in self.patterns)


@cache
def boilerplate_rules() -> tuple[Rule, ...]:
    """The line rules of `data/boilerplate.toml`, compiled once."""
    data = tomllib.loads(resources.files("framing").joinpath("data/boilerplate.toml").read_text())
    return tuple(
        Rule(
            reason=rule["reason"],
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in rule["patterns"]),
            max_words=rule["max_words"],
            ends_article=rule.get("ends_article", False),
        )
        for rule in data["rule"]
    )


def mark_rules(lines: list[Line]) -> None:
    """Mark each kept line that a boilerplate rule matches with that rule's reason."""
    for line in lines:
        if line.kept:
            rule = next((r for r in boilerplate_rules() if r.matches(line.text)), None)
            if rule:
                line.reason = rule.reason


def mark_tail(lines: list[Line]) -> None:
    """Everything after an end-of-article marker goes, unless it reads like body.

    A footer is teaser titles, names and prompts; when a long paragraph follows the marker, or
    most of what follows is prose, the marker sat inside the article and only it goes.
    """
    for position, line in enumerate(lines):
        if not _is_end_marker(line.text):
            continue
        rest = lines[position + 1 :]
        prose = sum(is_prose(later.text) for later in rest)
        if any(words(later.text) > TAIL_MAX_WORDS for later in rest) or prose * 2 > len(rest):
            continue
        for later in rest:
            if later.kept:
                later.reason = _tail_reason(later.text)
        return


def _is_end_marker(text: str) -> bool:
    return any(rule.ends_article and rule.matches(text) for rule in boilerplate_rules())


def _tail_reason(text: str) -> str:
    if _is_other_script(text):
        return "line in another script"
    rule = next((r for r in boilerplate_rules() if r.matches(text)), None)
    return rule.reason if rule else "after the article's end (related links, site footer)"


def mark_other_script(lines: list[Line]) -> None:
    """In an article mostly in Latin script, drop lines written mostly in another script."""
    body = " ".join(line.text for line in lines)
    if _latin_share(body) < 0.5:
        return
    for line in lines:
        if line.kept and _is_other_script(line.text):
            line.reason = "line in another script"


def _is_other_script(text: str) -> bool:
    return _latin_share(text) < 0.5


def _latin_share(text: str) -> float:
    """Share of the letters in `text` that are Latin (ASCII text needs no counting)."""
    if text.isascii():
        return 1.0
    letters = len(_NOT_LETTER.sub("", text))
    return 1 - len(_NON_LATIN_LETTER.findall(text)) / letters if letters else 1.0
