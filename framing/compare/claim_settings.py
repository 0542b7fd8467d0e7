"""The aligner's thresholds and word lists, read from `framing/data/align.toml`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from framing.analyse.words import WordReader
from framing.compare.claim_units import ClauseRules
from framing.errors import FramingError


@dataclass(frozen=True)
class Settings:
    """Thresholds and word lists, from `framing/data/align.toml` (documented there)."""

    verbatim: float
    verbatim_min_words: int
    paraphrase: float
    paraphrase_overlap: float
    paraphrase_overlap_without_act: float
    paraphrase_window: float
    related: float
    min_shared: int
    min_content: int
    anchor_postings: int
    anchor_share: float
    anchor_bonus: float
    anchor_count: int
    act_bonus: float
    act_actors: int
    act_acts: int
    act_acts_anchored: int
    max_postings: int
    meaning_weight: float
    meaning_candidate: float
    block_pairs: int
    block_neighbours: int
    background: int
    exclusives_per_outlet: int
    reader: WordReader  # stopwords and the words read as one (`same`)
    framing_words: frozenset[str]
    numbers: frozenset[str]
    leaders: Mapping[str, str]
    acts: Mapping[str, str]
    nominals: Mapping[str, str]
    not_nominal: frozenset[str]  # nouns no suffix rule may read as a verb ("government")
    common_verbs: frozenset[str]
    not_actors: frozenset[str]
    clauses: ClauseRules


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path`, or the built-in `framing/data/align.toml`."""
    if path is None:
        text = resources.files("framing").joinpath("data/align.toml").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return parse_settings(tomllib.loads(text), str(path or "framing/data/align.toml"))


def parse_settings(data: Mapping[str, Any], where: str) -> Settings:
    """Settings from align.toml's tables (as `load_lexicons()["align"]` holds them, a user's
    `--lexicon-dir` file merged in); a missing or mistyped value is a one-line error."""
    try:
        return _settings(data)
    except (KeyError, TypeError, ValueError) as error:
        raise FramingError(
            f"align settings: bad or missing value {error}", where, "see framing/data/align.toml"
        ) from None


def _settings(data: Mapping[str, Any]) -> Settings:
    limits = data["thresholds"]
    return Settings(
        verbatim=float(limits["verbatim"]),
        verbatim_min_words=int(limits["verbatim_min_words"]),
        paraphrase=float(limits["paraphrase"]),
        paraphrase_overlap=float(limits["paraphrase_overlap"]),
        paraphrase_overlap_without_act=float(limits["paraphrase_overlap_without_act"]),
        paraphrase_window=float(limits["paraphrase_window"]),
        related=float(limits["related"]),
        min_shared=int(limits["min_shared"]),
        min_content=int(limits["min_content"]),
        anchor_postings=int(limits["anchor_postings"]),
        anchor_share=float(limits["anchor_share"]),
        anchor_bonus=float(limits["anchor_bonus"]),
        anchor_count=int(limits["anchor_count"]),
        act_bonus=float(limits["act_bonus"]),
        act_actors=int(limits["act_actors"]),
        act_acts=int(limits["act_acts"]),
        act_acts_anchored=int(limits["act_acts_anchored"]),
        max_postings=int(limits["max_postings"]),
        meaning_weight=float(limits["meaning_weight"]),
        meaning_candidate=float(limits["meaning_candidate"]),
        block_pairs=int(limits["block_pairs"]),
        block_neighbours=int(limits["block_neighbours"]),
        background=int(limits["background"]),
        exclusives_per_outlet=int(limits["exclusives_per_outlet"]),
        reader=WordReader(frozenset(data["words"]["stopwords"]), _table(data["same"])),
        framing_words=frozenset(data["words"]["framing"]),
        numbers=frozenset(data["words"]["numbers"]),
        leaders=_table(data["actors"]["leaders"]),
        acts=_table(data["acts"]["same"], keep=True),
        nominals=_table(data["acts"]["nominal"]),
        not_nominal=frozenset(data["acts"]["not_nominal"]),
        common_verbs=frozenset(data["acts"]["common"]),
        not_actors=frozenset(data["actors"]["not_actors"]),
        clauses=ClauseRules(
            int(limits["min_content"]),
            frozenset(data["clauses"]["verbs"]),
            frozenset(data["clauses"]["adverbs"]),
        ),
    )


def _table(groups: Mapping[str, Sequence[str]], keep: bool = False) -> dict[str, str]:
    """Word -> its canonical form, from a table of canonical form -> the words it stands for;
    with `keep`, each canonical form maps to itself too (it is listed as well)."""
    table = {canon: canon for canon in groups} if keep else {}
    return table | {word: canon for canon, words in groups.items() for word in words}


@cache
def default_settings() -> Settings:
    return load_settings()
