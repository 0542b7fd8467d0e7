"""Can a trained sentence model or pruned word lists beat the loaded-language rule on unseen news?

Issue 16 asks for BABE macro-F1 >= 0.75 and >= 55% of flagged words inside a marked BASIL span.
This script runs the three ways of getting there that keep every flagged word a lexicon match,
fitted on the tuning half only (even BABE rows, even BASIL articles, as benchmarks/validity.py
splits them) and scored on both halves, so that what does not generalise shows:

- `rule`: the shipped rule, `LoadedLanguage.is_loaded` (matches' weights >= threshold);
- `model_lexicon`, `model_words`, `model_meaning`: logistic regression (pure Python, L2, fixed
  step) over the lexicon's matches per class plus their summed weight, and, for `model_words`,
  every word seen in >= MIN_DF tuning sentences, for `model_meaning` the sentence's WordLlama
  embedding: the model decides, the lexicon's matches stay the evidence;
- `without_claim`: the lists without "claim", which BASIL's annotators never mark;
- `pruned`: the lists without the terms that miss on the tuning half of both data sets (>= 2
  BASIL matches, none inside a marked span, and BABE's experts never naming them).

Nothing here is shipped: the held-out figures (docs/measures.md) showed none of these beats the
rule on both data sets. Re-run after a lexicon change to see whether that still holds. Usage:

    python benchmarks/train_loaded.py --babe ../shared/eval/babe_dev.csv \
        --basil ../shared/eval/basil_dev
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from validity import Article, Row, classify, halves, read_babe, read_basil

from framing.analyse.loaded import LoadedLanguage
from framing.compare.meaning import embed
from framing.lexicon import Lexicon, TokenizedSentence, load_lexicons

MIN_DF = 5
"""A word is a feature when it occurs in at least this many tuning sentences."""
L2, STEP, ROUNDS = 0.01, 0.5, 400
"""Tried by 5-fold cross-validation on the tuning half: the settings tried were within 0.02."""
Features = dict[str, float]
EMBEDDING_SCALE = 16.0


def features(detector: LoadedLanguage, sentence: TokenizedSentence, words: bool) -> Features:
    """Per class, how many matches; their summed weight; with `words`, each word present."""
    found: Features = {"score": detector.score(sentence)}
    for match in detector.find([sentence]):
        found[f"class:{match.category}"] = found.get(f"class:{match.category}", 0.0) + 1.0
    if words:
        found |= {f"word:{token.lower}": 1.0 for token in sentence.tokens}
    return found


def train(rows: Sequence[tuple[Features, bool]]) -> tuple[dict[str, float], float]:
    """Logistic regression weights and bias by full-batch gradient descent: deterministic."""
    weights: dict[str, float] = {}
    bias = 0.0
    for _ in range(ROUNDS):
        gradient: dict[str, float] = {}
        bias_gradient = 0.0
        for found, label in rows:
            error = _probability(found, weights, bias) - label
            bias_gradient += error
            for key, value in found.items():
                gradient[key] = gradient.get(key, 0.0) + error * value
        for key in sorted(gradient.keys() | weights.keys()):
            old = weights.get(key, 0.0)
            weights[key] = old - STEP * (gradient.get(key, 0.0) / len(rows) + L2 * old)
        bias -= STEP * bias_gradient / len(rows)
    return weights, bias


def _probability(found: Features, weights: Mapping[str, float], bias: float) -> float:
    z = bias + sum(weights.get(key, 0.0) * value for key, value in found.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model(
    detector: LoadedLanguage, tuning: Sequence[Row], words: bool, meaning: bool = False
) -> Callable[..., bool]:
    """A sentence classifier trained on the tuning rows, its word features pruned to MIN_DF;
    with `meaning`, the sentence's embedding (framing.compare.meaning) joins the features."""
    seen = Counter(word for row in tuning for word in {t.lower for t in row.sentence.tokens})
    keep = {f"word:{w}" for w, n in seen.items() if n >= MIN_DF}

    def kept(sentence: TokenizedSentence) -> Features:
        found = features(detector, sentence, words)
        if meaning:
            found |= _embedding(sentence.text)
        return {k: v for k, v in found.items() if not k.startswith("word:") or k in keep}

    weights, bias = train([(kept(row.sentence), row.biased) for row in tuning])
    return lambda sentence: _probability(kept(sentence), weights, bias) >= 0.5


def _embedding(text: str) -> Features:
    """The sentence's 256 embedding values, scaled to about unit spread (each is ~0.06)."""
    return {f"dim:{n}": float(v) * EMBEDDING_SCALE for n, v in enumerate(embed([text])[0])}


def flagged_inside(articles: Iterable[Article], detector: LoadedLanguage) -> dict[str, float]:
    """Share of flagged words inside any marked BASIL span, and of lexical spans flagged."""
    inside = flagged = found = spans = 0
    for article in articles:
        terms = [
            (offset + m.start, offset + m.end)
            for sentence, offset in zip(article.sentences, article.offsets, strict=True)
            for m in detector.find([sentence])
        ]
        flagged += len(terms)
        inside += sum(_overlaps(term, article.marked) for term in terms)
        spans += len(article.spans)
        found += sum(_overlaps(span, terms) for span in article.spans)
    return {
        "inside_any_marked_span": round(inside / flagged, 3) if flagged else 0.0,
        "span_recall": round(found / spans, 3) if spans else 0.0,
    }


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


def missing_terms(
    detector: LoadedLanguage, babe: Sequence[Row], basil: Sequence[Article]
) -> list[str]:
    """Terms that miss on both tuning sets: >= 2 BASIL matches, none inside a marked span,
    and never among the words BABE's experts named in a sentence holding them."""
    matches, inside, named = Counter[str](), Counter[str](), Counter[str]()
    for article in basil:
        for sentence, offset in zip(article.sentences, article.offsets, strict=True):
            for m in detector.find([sentence]):
                matches[m.term] += 1
                inside[m.term] += _overlaps((offset + m.start, offset + m.end), article.marked)
    for row in babe:
        words = {w.lower() for w in row.words}
        named.update(m.term for m in detector.find([row.sentence]) if m.text.lower() in words)
    return sorted(t for t, n in matches.items() if n >= 2 and not inside[t] and not named[t])


def without(lexicon: Lexicon, terms: Iterable[str]) -> LoadedLanguage:
    """The detector with `terms` taken out of every list."""
    drop = set(terms)
    lists = {name: [t for t in v if t not in drop] for name, v in lexicon.data["lists"].items()}
    data = dict(lexicon.data) | {"lists": lists}
    return LoadedLanguage(Lexicon(lexicon.name, lexicon.version, lexicon.source, data))


def scores(
    predict: Callable[..., bool], detector: LoadedLanguage, babe: Any, basil: Any
) -> dict[str, Any]:
    """Per half: BABE macro-F1, BABE sentences called loaded with no flagged word to show
    for it, and the BASIL word figures."""
    return {
        half: {
            "babe_macro_f1": classify(babe[half], predict)["macro_f1"],
            "loaded_without_evidence": sum(
                predict(r.sentence) and not detector.find([r.sentence]) for r in babe[half]
            ),
        }
        | flagged_inside(basil[half], detector)
        for half in ("dev", "held_out")
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--babe", type=Path, required=True)
    parser.add_argument("--basil", type=Path, required=True)
    args = parser.parse_args(argv)
    babe, basil = halves(read_babe(args.babe)), halves(read_basil(args.basil))
    lexicon = load_lexicons()["loaded"]
    rule = LoadedLanguage(lexicon)
    pruned_terms = missing_terms(rule, babe["dev"], basil["dev"])
    no_claim, pruned = without(lexicon, ["claim"]), without(lexicon, pruned_terms)
    variants = {
        "rule": (rule.is_loaded, rule),
        "model_lexicon": (model(rule, babe["dev"], words=False), rule),
        "model_words": (model(rule, babe["dev"], words=True), rule),
        "model_meaning": (model(rule, babe["dev"], words=False, meaning=True), rule),
        "without_claim": (no_claim.is_loaded, no_claim),
        "pruned": (pruned.is_loaded, pruned),
    }
    report = {name: scores(p, d, babe, basil) for name, (p, d) in variants.items()}
    print(json.dumps(report | {"pruned_terms": pruned_terms}, indent=2))


if __name__ == "__main__":
    main()
