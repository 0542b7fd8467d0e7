"""Key passages: the few sentences that best show how one outlet treats one topic.

A reader cannot take in every sentence of five outlets on ten topics, and the first sentences
are not the telling ones. A key passage is a sentence that is typical of the outlet's
treatment (its words are close to the centroid of the outlet's sentences on the topic) and
that carries framing evidence (a label, a quote, an anonymous source, a prescription, a
loaded term, a hedge or booster, a scare quote, the author's own voice). Passages are picked
greedily, each one penalised by its likeness to those already picked, so three key passages
say three different things (maximal marginal relevance, Carbonell & Goldstein 1998).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from framing.analyse.words import WordReader
from framing.models import Framing, KeyPassage

KEY_PASSAGES = 3
"""Key passages per outlet and topic: enough to see a treatment, few enough to compare."""
SIGNAL_WEIGHT = 0.1
"""Score added per kind of framing evidence in a sentence (at most three kinds count), so a
typical sentence that also frames beats an equally typical one that does not."""
MAX_SIGNALS = 3
REPEAT_PENALTY = 0.5
"""How much a candidate's likeness to an already chosen passage lowers its score."""

Vector = dict[str, float]


def sentence_words(texts: Iterable[str], reader: WordReader) -> list[frozenset[str]]:
    """Each text's content words, as the aligner reads them (base forms, demonyms merged)."""
    return [reader.sentence_content(text) for text in texts]


def document_frequency(sentences: Iterable[frozenset[str]]) -> Counter[str]:
    """In how many sentences of the corpus each content word occurs: the idf's counts."""
    counts: Counter[str] = Counter()
    for words in sentences:
        counts.update(words)
    return counts


def key_passages(
    sentences: Sequence[tuple[str, frozenset[str]]],
    framing: Framing,
    frequency: Mapping[str, int],
    total: int,
) -> tuple[KeyPassage, ...]:
    """The key passages among one outlet's `sentences` on a topic (id, content words), best
    first. `framing` is the outlet's measures on those sentences; `frequency` and `total`
    are the corpus's sentence counts for the idf."""
    vectors = {sid: _vector(words, frequency, total) for sid, words in sentences}
    centroid = _normalised(_sum(vectors.values()))
    signals = evidence_kinds(framing)
    candidates = [
        KeyPassage(
            sentence_id=sid,
            centrality=round(_cosine(vectors[sid], centroid), 4),
            signals=signals.get(sid, ()),
        )
        for sid, _ in sentences
    ]
    return _diverse(candidates, vectors)


def evidence_kinds(framing: Framing) -> dict[str, tuple[str, ...]]:
    """Per sentence id, the kinds of framing evidence it carries, in a fixed order."""
    kinds: dict[str, list[str]] = {}
    found: list[tuple[str, Iterable[str]]] = [
        ("label", (label.sentence_id for a in framing.actors for label in a.labels)),
        ("quote", (q.sentence_id for q in framing.quotes if q.form == "direct")),
        ("anonymous source", (m.sentence_id for m in framing.anonymous_sources)),
        ("prescription", (p.sentence_id for p in framing.prescriptions)),
        ("loaded term", (m.sentence_id for m in framing.loaded)),
        ("scare quote", (m.sentence_id for m in framing.scare_quotes)),
        ("author's voice", (m.sentence_id for m in framing.first_person)),
        ("hedge", (m.sentence_id for m in framing.hedges)),
        ("booster", (m.sentence_id for m in framing.boosters)),
    ]
    for kind, sentence_ids in found:
        for sid in sentence_ids:
            if kind not in kinds.setdefault(sid, []):
                kinds[sid].append(kind)
    return {sid: tuple(found_kinds) for sid, found_kinds in kinds.items()}


def _score(passage: KeyPassage) -> float:
    return passage.centrality + SIGNAL_WEIGHT * min(len(passage.signals), MAX_SIGNALS)


def _diverse(candidates: list[KeyPassage], vectors: Mapping[str, Vector]) -> tuple[KeyPassage, ...]:
    """Greedy maximal marginal relevance; ties go to the earlier sentence (stable order)."""
    chosen: list[KeyPassage] = []
    left = list(candidates)
    while left and len(chosen) < KEY_PASSAGES:
        best = max(left, key=lambda c: _score(c) - REPEAT_PENALTY * _likeness(c, chosen, vectors))
        chosen.append(best)
        left.remove(best)
    return tuple(chosen)


def _likeness(
    candidate: KeyPassage, chosen: Sequence[KeyPassage], vectors: Mapping[str, Vector]
) -> float:
    """How close a candidate is to the most similar passage already chosen (0 if none)."""
    mine = vectors[candidate.sentence_id]
    return max((_cosine(mine, vectors[p.sentence_id]) for p in chosen), default=0.0)


def _vector(words: frozenset[str], frequency: Mapping[str, int], total: int) -> Vector:
    """A unit tf-idf vector (each word once: sentences are short)."""
    return _normalised({w: math.log((1 + total) / (1 + frequency.get(w, 0))) + 1 for w in words})


def _sum(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight
    return total


def _normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {word: w / norm for word, w in vector.items()} if norm else {}


def _cosine(a: Vector, b: Vector) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(word, 0.0) for word, w in a.items())
