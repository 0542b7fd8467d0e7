"""Candidate claim pairs of BASIL events, drawn for reading by hand.

The aligner's precision is what a reader says of its pairs, and its score is fitted to what
a reader said of pairs it did not choose. This script draws such pairs: for one half of the
BASIL events (`tuning`: the sorted events at even places; `held_out`: the odd ones), every
pair of claim units (sentences, clauses, two-sentence windows: framing.compare.claim_units)
of two outlets of one event that is near in meaning (embedding cosine) or in words (idf
overlap), sampled evenly over bands of both, with a fixed seed. It writes the pairs for the
reader without any score (`--out`, TOML: fill each `label`) and, beside them, the features
(`--features`, JSON). Usage:

    python benchmarks/claim_sample.py --half tuning --per-band 14 \
        --out benchmarks/data/claim_pairs_tuning.toml --features /tmp/tuning_features.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from framing.analyse.topics import default_topics
from framing.compare.claim_settings import default_settings
from framing.compare.claim_units import ClaimUnit, claim_units
from framing.compare.meaning import embed
from framing.pipeline import build_briefing

EVAL = Path(__file__).resolve().parent.parent.parent / "shared/eval"
COSINE_BANDS = (0.5, 0.6, 0.7, 0.8, 1.01)
OVERLAP_BANDS = (0.0, 0.15, 0.3, 1.01)
Unit = tuple[str, str, ClaimUnit]  # event, outlet, unit


def events(half: str) -> list[Path]:
    folders = sorted(p for p in (EVAL / "basil_dev").iterdir() if p.is_dir())
    return folders[0::2] if half == "tuning" else folders[1::2]


def event_units(folder: Path) -> list[Unit]:
    """The event's claim units, as the product splits its three articles into sentences."""
    briefing = build_briefing(
        [folder / f"{o}.txt" for o in ("fox", "nyt", "hpo")], default_topics()
    )
    found: list[Unit] = []
    for article in briefing.articles:
        ids = [s.id for s in article.sentences]
        texts = [s.text for s in article.sentences]
        outlet = Path(article.source_path).stem
        rules = default_settings().clauses
        found += [(folder.name, outlet, u) for u in claim_units(ids, texts, rules)]
    return found


def overlaps(units: list[Unit]) -> dict[tuple[int, int], float]:
    """Idf-weighted cosine of content words, for every cross-outlet pair in one event."""
    reader = default_settings().reader
    words = [reader.sentence_content(u.claim) for _, _, u in units]
    counts = Counter(w for ws in words for w in ws)
    idf = {w: math.log((len(words) + 200) / n) for w, n in counts.items()}
    result = {}
    for i, j in _pairs(units):
        shared = sum(idf[w] for w in words[i] & words[j])
        norm = math.sqrt(sum(idf[w] for w in words[i]) * sum(idf[w] for w in words[j]))
        result[(i, j)] = shared / norm if norm else 0.0
    return result


def _pairs(units: list[Unit]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i in range(len(units))
        for j in range(i + 1, len(units))
        if units[i][0] == units[j][0] and units[i][1] != units[j][1]
        and not (len(units[i][2].sentence_ids) == 2 and len(units[j][2].sentence_ids) == 2)
    ]  # fmt: skip


def _band(value: float, bands: tuple[float, ...]) -> int:
    return next(n for n, top in enumerate(bands[1:]) if value < top)


def sample(half: str, per_band: int) -> tuple[list[Unit], list[dict[str, Any]]]:
    units = [u for folder in events(half) for u in event_units(folder)]
    vectors = embed([u.claim for _, _, u in units])
    words = overlaps(units)
    cells: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for (i, j), overlap in words.items():
        cosine = float(vectors[i] @ vectors[j])
        if cosine >= COSINE_BANDS[0] or overlap >= 0.15:
            cell = (_band(max(cosine, 0.5), COSINE_BANDS), _band(overlap, OVERLAP_BANDS))
            cells[cell].append({"a": i, "b": j, "cosine": round(cosine, 4), "overlap": overlap})
    chooser = random.Random(17)
    chosen = [
        p
        for key in sorted(cells)
        for p in chooser.sample(cells[key], min(per_band, len(cells[key])))
    ]
    return units, chosen


def write(units: list[Unit], chosen: list[dict[str, Any]], out: Path, features: Path) -> None:
    lines = [
        '# Claim pairs to read by hand: is it the same claim? label = "same" (both report',
        '# this fact), "related" (same event or actors, not the same claim, or one is much',
        '# broader), "different". Drawn by benchmarks/claim_sample.py; no score shown.',
        "",
    ]
    for n, pair in enumerate(chosen):
        (event, outlet_a, a), (_, outlet_b, b) = units[pair["a"]], units[pair["b"]]
        pair["id"] = n
        lines += [
            "[[pair]]",
            f"id = {n}",
            f'event = "{event}"',
            f"a = {json.dumps(f'[{outlet_a}] {_shown(a)}', ensure_ascii=False)}",
            f"b = {json.dumps(f'[{outlet_b}] {_shown(b)}', ensure_ascii=False)}",
            'label = ""',
            "",
        ]
    out.write_text("\n".join(lines), encoding="utf-8")
    features.write_text(json.dumps(chosen, indent=1), encoding="utf-8")


def marked(text: str, start: int, end: int) -> str:
    """`text` with its claim `text[start:end]` between ⟦ ⟧, unless the claim is all of it:
    how every file for reading shows a clause."""
    if (start, end) == (0, len(text)):
        return text
    return f"{text[:start]}⟦{text[start:end]}⟧{text[end:]}"


def _shown(unit: ClaimUnit) -> str:
    return marked(unit.text, unit.start, unit.end)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tuning", "held_out"), required=True)
    parser.add_argument("--per-band", type=int, default=14)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--features", type=Path, required=True)
    args = parser.parse_args()
    units, chosen = sample(args.half, args.per_band)
    write(units, chosen, args.out, args.features)
    print(f"{len(chosen)} pairs from {len(units)} units")


if __name__ == "__main__":
    main()
