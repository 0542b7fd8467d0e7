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
    role_words: PhraseMatcher  # "official" | "expert" | "ordinary"
    sides: PhraseMatcher  # by side: party words, and actors' aliases and demonyms
    party_initials: Mapping[str, str]  # "R" -> "Republican", written "(R-Ariz.)"
    states: frozenset[str]  # actors of kind "state": their speakers speak as officials


def read_sourcing_lexicon(lexicon: Lexicon, actors: Lexicon | None = None) -> SourcingLexicon:
    """The word lists of `lexicon`, raising on a malformed entry in file order; `actors`
    (actors.toml) names the states and groups a speaker can speak for."""
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
    role_table = _table(data, "roles")
    role_words = PhraseMatcher({k: string_list(role_table, k, where) for k in role_table})
    parties = {k: string_list(_table(data, "sides"), k, where) for k in _table(data, "sides")}
    initials = {t: side for side, terms in parties.items() for t in terms if len(t) == 1}
    sides, states = _actor_sides(actors)
    sides |= {side: [t for t in terms if len(t) > 1] for side, terms in parties.items()}
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
        role_words,
        PhraseMatcher(sides, exclude=_actor_excludes(actors), inflect=False),
        initials,
        states,
    )


def _actor_sides(actors: Lexicon | None) -> tuple[dict[str, list[str]], frozenset[str]]:
    """Each actor's aliases and demonyms by actor name, and the names of the states."""
    if actors is None:
        return {}, frozenset()
    where = f"actors lexicon ({actors.source})"
    table = _table(actors.data, "actors")
    sides = {
        name: [*string_list(entry, "aliases", where), *string_list(entry, "adjectives", where)]
        for name, entry in table.items()
        if isinstance(entry, dict)
    }
    states = frozenset(
        n for n, e in table.items() if isinstance(e, dict) and e.get("kind") == "state"
    )
    return sides, states


def _actor_excludes(actors: Lexicon | None) -> list[str]:
    """Names that hold an alias but are something else ("Washington Post")."""
    if actors is None:
        return []
    where = f"actors lexicon ({actors.source})"
    entries = _table(actors.data, "actors").values()
    return [t for e in entries if isinstance(e, dict) for t in string_list(e, "exclude", where)]


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, dict) else {}


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.lower() for word in words)
