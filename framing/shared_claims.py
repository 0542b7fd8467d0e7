"""The Briefing's model of the claims outlets share: aligned sentences, their word diffs,
and what one outlet leaves out or alone reports. Part of the foundation every stage reads;
kept apart from `framing.models` so that each holds in one head."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Member:
    """One outlet's wording of a claim: `text` is its sentence, or two adjacent sentences
    joined by a space (`sentence_ids`, the first also `sentence_id`), and the claim is
    `text[claim_start:claim_end]`: all of it, or one clause of a sentence that joins two."""

    article_id: str
    outlet: str
    sentence_id: str
    text: str
    sentence_ids: tuple[str, ...]
    claim_start: int
    claim_end: int

    @property
    def claim(self) -> str:
        return self.text[self.claim_start : self.claim_end]


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
class Difference:
    """Where one member's wording of a shared claim departs from the others': detail only it
    gives (a name, a number, a qualifier), or words that conflict with theirs (another number,
    a negation, an opposite verb). `against` holds the others' conflicting words (empty for
    added detail), so a reader sees both sides."""

    kind: str  # "number" | "negation" | "opposite" | "name" | "qualifier"
    member: int  # index into the alignment's members
    words: tuple[str, ...]
    against: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Variant:
    """One column of a variant table (as CollateX prints one): what each member says at this
    place of the claim, "" where it says nothing; `same` when all readings agree."""

    readings: tuple[str, ...]  # one per member, in member order
    same: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    """The wordings of two or more outlets that report the same claim (or, for "related",
    the same fact or actors), one per outlet, in input order; the briefing lists the claims
    most outlets carry first. `diffs[i]` compares the claim of `members[0]` with that of
    `members[i + 1]`. `similarity` is the weakest score between any two members; `topics`
    are those at least two members mention (else any member's). `relation` says how the
    wordings differ (`differences` names the words); `variants` sets the wordings of three
    or more outlets side by side, place by place."""

    kind: str  # "verbatim" | "paraphrase" | "related"
    similarity: float
    topics: tuple[str, ...]
    members: tuple[Member, ...]
    diffs: tuple[tuple[Segment, ...], ...]
    left_out: tuple[str, ...] = ()  # outlets that cover its topics and carry none of it
    relation: str = "agree"  # "agree" | "adds_detail" | "contradict"
    differences: tuple[Difference, ...] = ()
    variants: tuple[Variant, ...] = ()  # a variant table, for claims of three or more outlets
    story: str = ""  # the story whose articles carry it: claims are compared within a story

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
    story: str = ""  # the story both the claim and the outlet's article belong to


@dataclass(frozen=True, slots=True)
class Exclusive:
    """A specific claim (it names people, places or numbers) that no other outlet carries,
    on a topic at least one other outlet covers."""

    outlet: str
    claim: Member
    topics: tuple[str, ...]
    story: str = ""  # no other outlet's article in this story carries it
