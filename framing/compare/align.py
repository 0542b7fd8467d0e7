"""Shared claims across outlets: the units (sentences, clauses, two-sentence windows) that
report the same fact, with word-level diffs and how the outlets' wordings differ.

The most telling framing is in how two outlets word the same fact ("refused to send lethal
weapons" against "refrained from officially supporting"), and in what one outlet leaves out
that the others report. This module finds such claims in four steps, each cheap enough for
tens of thousands of articles:

1. Units. Each sentence is offered whole, as its full clauses, and with the next sentence
   (framing.compare.claim_units), reduced to its content words (base forms, numbers
   normalised, demonyms read as their country) and embedded (framing.compare.meaning).
2. Candidates (framing.compare.claim_candidates): pairs of units of different outlets that
   share an indexed word, or that are near in meaning within two articles plainly on one
   story; the work grows near-linearly with the corpus.
3. Scores (framing.compare.claim_scores): word overlap, embedding cosine, difflib's ratio and
   bonuses for the same rare names and the same acts, fitted to pairs a reader judged; the
   thresholds in `framing/data/align.toml` sort pairs into verbatim copy, paraphrase of the
   same claim, and related.
4. Groups (framing.compare.claim_groups): a unit joins a claim when it matches a member
   strongly and no member weakly contradicts it; one unit per outlet.

The claims carried by the most outlets come first: a story's lead fact leads. Omissions follow
from the groups: a claim carried by most outlets that cover a topic is the blindspot of a
covering outlet that does not carry it. Exclusives are the specific claims (names, numbers)
only one outlet makes.

Everything here is pure: plain data in, plain data out, same input same output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from framing.compare.claim_candidates import candidates
from framing.compare.claim_diff import word_diff
from framing.compare.claim_groups import claim_groups
from framing.compare.claim_scores import (
    KINDS,
    PairScore,
    Weights,
    corpus_weights,
    kind_rank,
    score_pair,
)
from framing.compare.claim_sentences import AlignArticle, ClaimSentence, merge_spellings, prepare
from framing.compare.claim_settings import Settings, default_settings
from framing.compare.claim_variants import relation as claim_relation
from framing.compare.claim_variants import variant_table
from framing.compare.meaning import Vectors, embed
from framing.compare.omissions import exclusives, omissions, reach
from framing.compare.variant_rules import VariantRules, default_variant_rules
from framing.shared_claims import Alignment, Exclusive, Omission


@dataclass(frozen=True)
class AlignmentResult:
    """What `align` found, and how much work it took (for the benchmark)."""

    alignments: tuple[Alignment, ...]
    omissions: tuple[Omission, ...]
    exclusives: tuple[Exclusive, ...]
    candidate_pairs: int
    scored_pairs: int


def align(
    articles: Sequence[AlignArticle],
    settings: Settings | None = None,
    variants: VariantRules | None = None,
) -> AlignmentResult:
    """Shared claims, omissions and exclusive claims of `articles` (see the module doc);
    `variants` read how their wordings differ (default: the built-in rules)."""
    settings = settings or default_settings()
    variants = variants or default_variant_rules()
    units = merge_spellings(prepare(articles, settings))
    vectors = embed([u.sentence.text for u in units])
    weights = corpus_weights(units, settings)
    pairs = candidates(units, vectors, settings)
    scorer = _Scorer(units, vectors, weights, settings)
    scores = {pair: found for pair in pairs if (found := scorer(*pair)) is not None}
    groups = claim_groups(scores, units, scorer, settings.related)
    reached = reach(units, scores)
    claims = [(_alignment(g, units, scorer, reached.coverage, settings), g) for g in groups]
    claims = [(_with_variants(a, variants), g) for a, g in claims]
    claims.sort(key=lambda claim: _lead_first(claim[0], claim[1]))
    alignments = tuple(alignment for alignment, _ in claims)
    return AlignmentResult(
        alignments=alignments,
        omissions=omissions(claims, reached),
        exclusives=exclusives(units, reached, weights.idf, settings),
        candidate_pairs=len(pairs),
        scored_pairs=len(scores),
    )


class _Scorer:
    """Scores of unit pairs, computed once each: the groups ask for pairs the candidate nets
    did not bring, to check that no member of a claim is unrelated to a newcomer. Nothing
    here reads a pair's `ratio` but through its similarity and kind, so difflib's is worked
    out only where it may decide them (`score_pair`'s `exact_ratio`)."""

    def __init__(
        self,
        units: Sequence[ClaimSentence],
        vectors: Vectors,
        weights: Weights,
        settings: Settings,
    ) -> None:
        self.units, self.vectors, self.weights, self.settings = units, vectors, weights, settings
        self.known: dict[tuple[int, int], PairScore | None] = {}

    def __call__(self, i: int, j: int) -> PairScore | None:
        if (i, j) not in self.known:
            cosine = float(self.vectors[i] @ self.vectors[j])
            self.known[(i, j)] = score_pair(
                self.units[i], self.units[j], cosine, self.weights, self.settings, exact_ratio=False
            )
        return self.known[(i, j)]


def _alignment(
    group: Sequence[int],
    units: Sequence[ClaimSentence],
    scorer: _Scorer,
    coverage: Mapping[tuple[str, str], Mapping[str, str]],
    settings: Settings,
) -> Alignment:
    """The claim of a group: its kind is the weakest of each member's best link (so a claim
    is a paraphrase when every member paraphrases some other), its similarity the weakest
    score between any two members."""
    members = [units[i] for i in group]
    pairs = {(i, j): scorer(i, j) for n, i in enumerate(group) for j in group[n + 1 :]}
    best = [
        min(kind_rank(s.kind) for (a, b), s in pairs.items() if s is not None and m in (a, b))
        for m in group
    ]
    first, topics = members[0], _shared_topics(members)
    carriers = {m.outlet for m in members}
    story = first.article.story
    covering = {outlet for topic in topics for outlet in coverage.get((story, topic), {})}
    return Alignment(
        kind=KINDS[min(max(best), len(KINDS) - 1)],
        similarity=min(s.similarity if s else 0.0 for s in pairs.values()),
        topics=topics,
        members=tuple(m.member for m in members),
        diffs=tuple(word_diff(first.sentence, other.sentence, settings) for other in members[1:]),
        left_out=tuple(sorted(covering - carriers, key=str.casefold)),
        story=story,
    )


def _with_variants(alignment: Alignment, rules: VariantRules) -> Alignment:
    """The claim with how its wordings differ, and, for three or more, its variant table."""
    texts = [member.claim for member in alignment.members]
    relation, differences = claim_relation(texts, rules)
    table = variant_table(texts) if len(texts) >= 3 else ()
    return replace(alignment, relation=relation, differences=differences, variants=table)


def _lead_first(alignment: Alignment, group: Sequence[int]) -> tuple[int, int, float, int]:
    """The claims most outlets carry first, then the closest wordings, then reading order."""
    return (-len(alignment.members), kind_rank(alignment.kind), -alignment.similarity, group[0])


def _shared_topics(members: Sequence[ClaimSentence]) -> tuple[str, ...]:
    counts = Counter(t for m in members for t in dict.fromkeys(m.sentence.topics))
    shared = tuple(t for t, n in counts.items() if n >= 2)
    return shared or tuple(counts)
