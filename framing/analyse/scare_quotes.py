"""Which short quoted spans are scare quotes: not titles, not attributed partial quotes.

A short quoted span with no speaker close by is read as a scare quote, the writer marking
words as someone else's or as doubtful ("a 'special operation'"). News writing puts two other
things in the same marks: the titles of shows, books and films ("on NBC's 'Meet the Press'",
AP style for composition titles) and partial quotes whose speaker stands in the sentence ("The
ministry said the strikes were 'precise'"). Counting those made a briefing report the outlet's
own show names, and its sources' words, as the writer's distance. The cue words are in
`framing/data/scare_quotes.toml`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from framing.analyse.attribution import FRAGMENT_DISTANCE, Attribution, count_words, trimmed
from framing.analyse.quotation import Piece
from framing.analyse.speaker_phrases import speaker_span
from framing.errors import FramingError
from framing.lexicon import string_list
from framing.models import Match

_WORD = re.compile(r"[^\W_][\w'’-]*")
_DATA = "framing/data/scare_quotes.toml"


@dataclass(frozen=True)
class TitleCues:
    """The word lists of `scare_quotes.toml`, lower case."""

    small_words: frozenset[str]
    show_nouns: frozenset[str]
    title_openers: frozenset[str]
    show_noun_window: int


@cache
def title_cues() -> TitleCues:
    """The built-in cue lists, read once."""
    text = resources.files("framing").joinpath("data/scare_quotes.toml").read_text("utf-8")
    data = tomllib.loads(text)
    window = data.get("show_noun_window")
    if not isinstance(window, int):
        raise FramingError("'show_noun_window' must be a number", _DATA, "write it as 6")
    return TitleCues(
        _words(data, "small_words"),
        _words(data, "show_nouns"),
        _words(data, "title_openers"),
        window,
    )


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in string_list(data, key, _DATA))


def is_scare_quote(context: Attribution, piece: Piece) -> bool:
    """False for a title, an attributed partial quote or a whole quoted sentence ("“I'm
    hopeful.”", a speaker's line continued); True for any other short quoted span, which the
    caller has found to have no speaker close by."""
    text = context.sentences[piece.index].text
    start, end = trimmed(text, piece.start, piece.end)
    if not _WORD.search(text[:start] + text[end:]):
        return False  # the whole sentence is quoted
    return not (is_title(text, start, end, title_cues()) or attributed(context, piece))


def is_title(text: str, start: int, end: int, cues: TitleCues) -> bool:
    """Whether `text[start:end]`, a quoted span, is a composition title: title-cased and
    several words long ("Fox News Sunday"), or title-cased right after "on"/"in"/"titled"
    ("on 'Today'"), or capitalised a few words after a show noun ("the film 'Vice'")."""
    words = _WORD.findall(text[start:end])
    if not words or not words[0][0].isupper():
        return False
    before = [w.lower() for w in _WORD.findall(text[: max(start - 1, 0)])]
    opener = _opener(before, text[: max(start - 1, 0)])
    near = cues.show_nouns.intersection(before[-cues.show_noun_window :])
    title_cased = all(w[0].isupper() or w.lower() in cues.small_words for w in words)
    if opener in cues.title_openers - {"on", "in"} or near:
        return True
    return title_cased and (len(words) > 1 or opener in cues.title_openers)


def _opener(before: list[str], text: str) -> str:
    """The word right before the quote, skipping a possessive owner ("on NBC's 'Today'")."""
    if len(before) > 1 and text.rstrip().endswith(("'s", "’s")):
        return before[-2]
    return before[-1] if before else ""


def attributed(context: Attribution, piece: Piece) -> bool:
    """Whether a reporting verb with a speaker stands shortly before the quoted span, in the
    same clause, so the span is that speaker's word: "Trump said he would 'seize' the chance",
    "Trump called the case 'very unfair'". Near means at most FRAGMENT_DISTANCE words and no
    comma or semicolon between ("Russia maintains an alliance with Iran, including support for
    its 'civilian' program" stays a scare quote). A verb in its -ing form ("voted no, calling
    the deal 'fiscally irresponsible'") is a participle whose subject is the main clause's."""
    text = context.sentences[piece.index].text
    for verb in context.verbs[piece.index]:
        between = text[verb.end : max(piece.start - 1, verb.end)]
        if verb.start >= piece.start or _not_a_verb(text, verb):
            continue
        if count_words(between) > FRAGMENT_DISTANCE or any(c in between for c in ",;"):
            continue
        if verb.text.lower().endswith("ing") or _has_speaker(context, piece.index, verb):
            return True
    return False


def _not_a_verb(text: str, verb: Match) -> bool:
    """A reporting verb's word used otherwise: inside a hyphenated word ("so-called") or as an
    adjective after an article or preposition ("about alleged 'neo-Nazis'")."""
    before = _WORD.findall(text[: verb.start])
    small = title_cues().small_words
    return text[verb.start - 1 : verb.start] == "-" or bool(before and before[-1].lower() in small)


def _has_speaker(context: Attribution, index: int, verb: Match) -> bool:
    text = context.sentences[index].text
    return speaker_span(text, 0, verb, lambda at: context.quoted(index, at)) is not None
