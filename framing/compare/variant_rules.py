"""The word lists that read how outlets' wordings of a shared claim differ, from
`framing/data/variants.toml` (extended like the lexicons by a user's `--lexicon-dir`), with
align.toml's names read as one, so that "Putin" and "the Kremlin" are one actor here too."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.analyse.words import WORD
from framing.compare.claim_settings import Settings, parse_settings
from framing.errors import FramingError
from framing.lexicon import load_lexicons

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class VariantRules:
    """The lists of `framing/data/variants.toml`, and align.toml's names read as one (`same`)."""

    function_words: frozenset[str]
    titles: frozenset[str]
    negations: frozenset[str]
    idioms: frozenset[Phrase]  # negations that deny nothing ("not only")
    negative_verbs: frozenset[str]  # "refuse" (to), "refrain" (from): "did not"
    links: frozenset[str]
    opposites: Mapping[str, frozenset[str]]
    window: int
    qualifiers: frozenset[Phrase]  # hedges, intensifiers, time words, vague amounts
    values: Mapping[str, int]  # "ten" -> 10; scales multiply: "dozen" -> 12
    scales: Mapping[str, int]
    units: Mapping[Phrase, str]  # ("$",) before a number, ("dollars",) after it -> "dollar"
    bounds: Mapping[Phrase, str]  # "at least" -> "min", "up to" -> "max", "about" -> "about"
    tolerance: float
    not_counted: frozenset[str]
    same: Mapping[str, str]


def load_variant_rules(directory: Path | None = None) -> VariantRules:
    """The built-in rules, extended by a `variants.toml` in a user's `--lexicon-dir` (as the
    lexicons are); names are read as the aligner reads them, with that folder's align.toml."""
    lexicons = load_lexicons(directory)
    align = parse_settings(lexicons["align"].data, lexicons["align"].source)
    return parse_variant_rules(lexicons["variants"].data, lexicons["variants"].source, align)


@cache
def default_variant_rules() -> VariantRules:
    return load_variant_rules()


def parse_variant_rules(data: Mapping[str, Any], where: str, align: Settings) -> VariantRules:
    """The rules in variants.toml's tables; a missing or mistyped value is a one-line error."""
    try:
        return _rules(data, align)
    except (KeyError, TypeError, ValueError) as error:
        raise FramingError(f"variant rules: bad or missing value {error}", where) from None


def _rules(data: Mapping[str, Any], align: Settings) -> VariantRules:
    words, negation, numbers = data["words"], data["negation"], data["numbers"]
    same = {**align.reader.same, **align.leaders}
    pairs = [(same.get(a, a), same.get(b, b)) for a, b in data["opposites"]["pairs"]]
    pairs += [(b, a) for a, b in pairs]
    qualifiers = [*numbers["vague"], *(p for ps in data["qualifiers"].values() for p in ps)]
    return VariantRules(
        function_words=frozenset(words["function"]),
        titles=frozenset(words["titles"]),
        negations=frozenset(negation["words"]),
        idioms=frozenset(map(phrase, negation["idioms"])),
        negative_verbs=frozenset(same.get(v, v) for v in negation["verbs"]),
        links=frozenset(negation["links"]),
        opposites={a: frozenset(y for x, y in pairs if x == a) for a, _ in pairs},
        window=int(data["words"]["window"]),
        qualifiers=frozenset(map(phrase, qualifiers)),
        values={word: int(value) for word, value in numbers["values"].items()},
        scales={word: int(value) for word, value in numbers["scales"].items()},
        units={phrase(s) or (s,): unit for unit, ss in numbers["units"].items() for s in ss},
        bounds={phrase(p): kind for kind in ("min", "max", "about") for p in numbers[kind]},
        tolerance=float(numbers["tolerance"]),
        not_counted=frozenset(numbers["not_counted"]),
        same=same,
    )


def phrase(text: str) -> Phrase:
    """A phrase as the lower-case words it matches."""
    return tuple(WORD.findall(text.lower()))
