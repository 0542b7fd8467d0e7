"""The sourcing lexicon (`sourcing.toml`), read once into the word lists its readers share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from framing.lexicon import Lexicon, PhraseMatcher, string_list


@dataclass(frozen=True)
class SourcingLexicon:
    """The words that say who speaks: the quote reader, the speaker types and the sourcing
    measures all read these, so the lexicon is parsed (and checked) in one place."""

    verbs: PhraseMatcher  # reporting verbs, by verb type
    org_words: frozenset[str]  # lower case
    org_names: frozenset[str]  # as written
    roles: frozenset[str]  # lower case
    people_nouns: frozenset[str]  # lower case, the roles included
    titles: frozenset[str]  # as written
    anonymous: PhraseMatcher
    anonymity: tuple[str, ...]  # lower case
    first_person: PhraseMatcher  # "singular" or "plural"
    bare_clause: frozenset[str]  # verb terms reporting a clause without "that"
    no_clause: frozenset[str]  # verb terms that report no clause


def read_sourcing_lexicon(lexicon: Lexicon) -> SourcingLexicon:
    """The word lists of `lexicon`, raising on a malformed entry in file order."""
    where = f"sourcing lexicon ({lexicon.source})"
    data = lexicon.data
    verbs = _table(data, "reporting_verbs")
    verb_matcher = PhraseMatcher({k: string_list(verbs, k, where) for k in verbs})
    speakers = _table(data, "speakers")
    org_words = _lower_set(string_list(speakers, "organisation_words", where))
    org_names = frozenset(string_list(speakers, "organisation_names", where))
    roles = _lower_set(string_list(speakers, "role_nouns", where))
    people_nouns = roles | _lower_set(string_list(speakers, "people_nouns", where))
    titles = frozenset(string_list(speakers, "person_titles", where))
    anonymous = _table(data, "anonymous")
    anonymous_matcher = PhraseMatcher({k: string_list(anonymous, k, where) for k in anonymous})
    anonymity = tuple(phrase.lower() for phrase in string_list(anonymous, "anonymity", where))
    first = _table(data, "first_person")
    first_person = PhraseMatcher(
        {k: string_list(first, k, where) for k in ("singular", "plural")},
        exclude=string_list(first, "exclude", where),
        inflect=False,
    )
    reported = _table(data, "reported_speech")
    return SourcingLexicon(
        verb_matcher,
        org_words,
        org_names,
        roles,
        people_nouns,
        titles,
        anonymous_matcher,
        anonymity,
        first_person,
        frozenset(string_list(reported, "bare_clause", where)),
        frozenset(string_list(reported, "no_clause", where)),
    )


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, dict) else {}


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)
