"""The Briefing's model of the claims outlets share: aligned sentences, their word diffs,
and what one outlet leaves out or alone reports. Part of the foundation every stage reads;
kept apart from `framing.models` so that each holds in one head."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Member:
    """One outlet's sentence in an alignment."""

    article_id: str
    outlet: str
    sentence_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a word diff. `a` and `b` are the text of each side, spaces and
    punctuation included, so the `a`s of a diff joined give sentence A back exactly (and the
    `b`s sentence B). `framing` marks a changed or one-sided stretch holding a framing word."""

    op: str  # "equal" | "changed" | "only_a" | "only_b"
    a: str
    b: str
    framing: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    """Sentences of two or more outlets that report the same claim (or, for "related", the
    same fact or actors). `members` are in input order, one per outlet; `diffs[i]` compares
    `members[0]` with `members[i + 1]`. `similarity` is the weakest score between any two
    members; `topics` are those at least two members mention (else any member's)."""

    kind: str  # "verbatim" | "paraphrase" | "related"
    similarity: float
    topics: tuple[str, ...]
    members: tuple[Member, ...]
    diffs: tuple[tuple[Segment, ...], ...]

    @property
    def diff(self) -> tuple[Segment, ...]:
        """The diff of the first two members."""
        return self.diffs[0]


@dataclass(frozen=True, slots=True)
class Omission:
    """A claim most outlets covering `topic` carry and `outlet` (which covers the topic in
    `article_id`) does not: no sentence of it even scores "related" with the claim."""

    topic: str
    outlet: str
    article_id: str
    claim: Member
    carried_by: tuple[str, ...]  # the outlets that carry it


@dataclass(frozen=True, slots=True)
class Exclusive:
    """A specific claim (it names people, places or numbers) that no other outlet carries,
    on a topic at least one other outlet covers."""

    outlet: str
    claim: Member
    topics: tuple[str, ...]
