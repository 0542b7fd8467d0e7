"""Fit the claim score to pairs a reader judged, and show how the kinds hold on them.

Reads a file of read pairs (benchmarks/claim_sample.py draws them; a reader labels each
"same", "related" or "different"), scores each pair exactly as the aligner does when the
pair's event is briefed on its own (framing.compare.claim_scores), and prints, for a grid of
`meaning_weight` values and thresholds, the precision and recall of "paraphrase" (the pair
is the same claim) over the read pairs. With `--show` it lists each pair with its scores.
Usage:

    python benchmarks/claim_fit.py benchmarks/data/claim_pairs_tuning.toml [--show]
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from claim_sample import EVAL, _shown

from framing.analyse.topics import default_topics
from framing.compare.claim_scores import corpus_weights, score_pair
from framing.compare.claim_sentences import ClaimSentence, merge_spellings, prepare
from framing.compare.claim_settings import Settings, default_settings
from framing.compare.comparison import claims_input
from framing.compare.meaning import embed
from framing.pipeline import build_briefing

Row = dict[str, Any]


def event_scores(event: str, pairs: list[Row], settings: Settings) -> list[Row]:
    """The read pairs of one event with the aligner's components of their score."""
    folder = EVAL / "basil_dev" / event
    briefing = build_briefing(
        [folder / f"{o}.txt" for o in ("fox", "nyt", "hpo")], default_topics()
    )
    articles = [
        replace(claims_input(a), outlet=Path(a.source_path).stem) for a in briefing.articles
    ]
    units = merge_spellings(prepare(articles, settings))
    vectors = embed([u.sentence.text for u in units])
    weights = corpus_weights(units, settings)
    by_text = {f"[{u.outlet}] {_shown(u.unit)}": u for u in units}
    rows = []
    for pair in pairs:
        a, b = by_text.get(pair["a"]), by_text.get(pair["b"])
        if a is None or b is None:
            continue
        rows.append(
            pair | components(a, b, float(vectors[a.order] @ vectors[b.order]), weights, settings)
        )
    return rows


def components(
    a: ClaimSentence, b: ClaimSentence, cosine: float, weights: Any, settings: Settings
) -> Row:
    loose = replace(settings, min_shared=0, related=0.0, meaning_candidate=0.0)
    found = score_pair(a, b, cosine, weights, loose)
    overlap = found.overlap if found else 0.0
    plain = score_pair(a, b, cosine, weights, replace(loose, anchor_bonus=0.0, act_bonus=0.0))
    bonus = (found.similarity - plain.similarity) if found and plain else 0.0
    return {
        "cosine": round(cosine, 3),
        "overlap": overlap,
        "ratio": found.ratio if found else 0.0,
        "bonus": round(bonus, 3),
        "shared": len(a.content & b.content),
        "acts": len(a.acts & b.acts),
        "plain_words": len((a.content & b.content) - a.names - b.names),
        "names_apart": bool(a.actors and b.actors and not a.actors & b.actors),
        "scored": score_pair(a, b, cosine, weights, settings) is not None,
    }


def grid(rows: list[Row]) -> list[Row]:
    """Precision and recall of "same" for each weight and threshold."""
    same = sum(r["label"] == "same" for r in rows)
    found = []
    for weight in (0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6):
        for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55):
            chosen = [r for r in rows if _score(r, weight) >= threshold and not r["names_apart"]]
            right = sum(r["label"] == "same" for r in chosen)
            found.append({
                "weight": weight, "threshold": threshold, "chosen": len(chosen),
                "precision": round(right / max(1, len(chosen)), 3),
                "recall": round(right / same, 3),
            })  # fmt: skip
    return found


def _score(row: Row, weight: float) -> float:
    meaning = weight * row["cosine"] + (1 - weight) * row["overlap"] + row["bonus"]
    return float(max(row["ratio"], meaning))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    by_event: dict[str, list[Row]] = defaultdict(list)
    for pair in tomllib.loads(args.pairs.read_text(encoding="utf-8"))["pair"]:
        by_event[pair["event"]].append(pair)
    settings = default_settings()
    rows = [r for event in sorted(by_event) for r in event_scores(event, by_event[event], settings)]
    if args.show:
        for r in rows:
            print(
                json.dumps(
                    {
                        k: r[k]
                        for k in (
                            "id",
                            "label",
                            "cosine",
                            "overlap",
                            "ratio",
                            "bonus",
                            "shared",
                            "acts",
                            "plain_words",
                        )
                    }
                )
            )
    print(json.dumps({"pairs": len(rows), "grid": grid(rows)}, indent=1))


if __name__ == "__main__":
    main()
