"""Shared claims measured: cost at growing corpus sizes, against naive all-pairs difflib and
against embedding the same sentences alone; a precision proxy; claims per story; and the
recall of the seeds' hand-marked claims.

Prints JSON with three parts:
- `scale`: for the first 1k, 2k, 5k and 10k articles of the AllSides scale corpus, wall and CPU
  seconds, the CPU seconds of embedding the same sentences alone (the baseline, measured in
  the same child) and the ratio, candidate pairs, scored pairs, alignments and peak memory
  (each size runs in a forked child so that its peak resident memory is its own), and the
  growth in wall and CPU time per doubling of the corpus (goal: at most 2.3);
- `naive`: all-pairs `SequenceMatcher` over every cross-outlet sentence pair on the sizes where
  it ends in seconds, against our time on the same articles, as a ratio, and the extrapolation
  of its quadratic cost to 1k articles;
- `precision`: on `allsides_stories/` (247 same-story groups) and `basil_dev/` (30 triplets),
  each aligned as one corpus, how many member pairs of the alignments, by kind, join two
  articles of one story (a pair across stories is almost surely wrong).

Sentences are split with a cheap regex here, not the project's pysbd pipeline, so that the
figures time the aligner alone. Other modes print one part: `--precision`; `--calibrate` (per
band of the combined score, the scored pairs and the share within one story); `--stories`
(each story aligned on its own: claims per story and the share of verbatim and paraphrase
claims every outlet of the story carries); `--seeds` (of the groups a reader marked in the
seeds, benchmarks/data/seed_claims.toml, how many the briefing aligns). Usage:

    python benchmarks/align.py [--sizes 1000,2000,5000,10000]
    python benchmarks/align.py --precision | --calibrate | --stories | --seeds
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import multiprocessing
import re
import resource
import time
import tomllib
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import partial
from pathlib import Path
from typing import Any

from framing.analyse.topics import default_topics
from framing.compare.align import align
from framing.compare.claim_candidates import candidates
from framing.compare.claim_scores import corpus_weights, score_pair
from framing.compare.claim_sentences import AlignArticle, AlignSentence, merge_spellings, prepare
from framing.compare.claim_settings import load_settings
from framing.compare.meaning import embed
from framing.pipeline import build_briefing

EVAL = Path(__file__).resolve().parent.parent.parent / "shared/eval"
SIZES = (1_000, 2_000, 5_000, 10_000)
NAIVE_SIZES = (10, 20, 40)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")
Labelled = tuple[list[AlignArticle], dict[str, str]]


def sentences(text: str) -> tuple[AlignSentence, ...]:
    """A cheap split at end punctuation before a capital, and at line breaks."""
    parts = (part.strip() for part in SENTENCE_END.split(text) if part)
    return tuple(AlignSentence(f"s{n}", part) for n, part in enumerate(p for p in parts if p))


def load_scale(path: Path) -> list[AlignArticle]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [AlignArticle(row["id"], row["outlet"], sentences(row["text"])) for row in rows]


def load_stories() -> Labelled:
    """AllSides same-story groups: articles and, for each article id, its story."""
    manifest = json.loads((EVAL / "allsides_stories/manifest.json").read_text(encoding="utf-8"))
    articles, story = [], {}
    for entry in manifest["articles"]:
        text = (EVAL / "allsides_stories" / entry["file"]).read_text(encoding="utf-8")
        articles.append(AlignArticle(entry["id"], entry["outlet"], sentences(text)))
        story[entry["id"]] = entry["story_id"]
    return articles, story


def load_basil() -> Labelled:
    """BASIL triplets: three outlets' reports of one event per folder."""
    articles, story = [], {}
    for folder in sorted(p for p in (EVAL / "basil_dev").iterdir() if p.is_dir()):
        for outlet in ("fox", "nyt", "hpo"):
            text = (folder / f"{outlet}.txt").read_text(encoding="utf-8")
            article_id = f"{folder.name}/{outlet}"
            articles.append(AlignArticle(article_id, outlet, sentences(text)))
            story[article_id] = folder.name
    return articles, story


def _measure(articles: Sequence[AlignArticle]) -> dict[str, Any]:
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    vectors = embed([s.text for a in articles for s in a.sentences])  # the baseline, same run
    embedding = time.process_time() - cpu
    cpu = time.process_time()
    result = align(articles)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(articles),
        "sentences": sum(len(a.sentences) for a in articles),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "embedding_alone_cpu_seconds": round(embedding, 2),
        "cpu_vs_embedding_alone": round(cpu / max(embedding, 1e-9), 1),
        "embedded_sentences": len(vectors),
        "candidate_pairs": result.candidate_pairs,
        "scored_pairs": result.scored_pairs,
        "alignments": len(result.alignments),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_growth_mb": round((peak - start_rss) / 1024, 1),
    }


def in_child(function: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run in a forked process, so that its peak memory is measured apart from the others."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(function()))
    child.start()
    result: dict[str, Any] = receiver.recv()
    child.join()
    return result


def scale(articles: Sequence[AlignArticle], sizes: Sequence[int]) -> dict[str, Any]:
    runs = [in_child(partial(_measure, articles[:n])) for n in sizes if n <= len(articles)]
    growth = {
        key: [
            round((b[key] / a[key]) ** (1 / math.log2(b["articles"] / a["articles"])), 2)
            for a, b in itertools.pairwise(runs)
        ]
        for key in ("seconds", "cpu_seconds")
    }
    return {"runs": runs, "cost_per_doubling": growth, "goal_per_doubling": 2.3}


def naive(articles: Sequence[AlignArticle]) -> dict[str, Any]:
    """Every cross-outlet sentence pair through SequenceMatcher, as a baseline."""
    runs = []
    for n in NAIVE_SIZES:
        chosen = articles[:n]
        words = [(a.outlet, s.text.lower().split()) for a in chosen for s in a.sentences]
        start = time.perf_counter()
        pairs = 0
        for i, (outlet, first) in enumerate(words):
            for other, second in words[i + 1 :]:
                if other != outlet:
                    SequenceMatcher(None, first, second, autojunk=False).ratio()
                    pairs += 1
        seconds = time.perf_counter() - start
        ours = _measure(chosen)["seconds"]
        runs.append(
            {
                "articles": n,
                "pairs": pairs,
                "seconds": round(seconds, 2),
                "ours_seconds": ours,
                "ratio": round(seconds / max(ours, 1e-3), 1),
            }
        )
    last = runs[-1]
    per_pair = last["seconds"] / max(last["pairs"], 1)
    return {
        "runs": runs,
        "extrapolated_1k_seconds": round(per_pair * last["pairs"] * (1000 / last["articles"]) ** 2),
    }


def precision(labelled: Labelled) -> dict[str, Any]:
    """Member pairs of the alignments that join two articles of one story, by kind."""
    articles, story = labelled
    result = align(articles)
    counts: dict[str, dict[str, int]] = {}
    for alignment in result.alignments:
        members = alignment.members
        tally = counts.setdefault(alignment.kind, {"within": 0, "across": 0})
        for n, first in enumerate(members):
            for second in members[n + 1 :]:
                same = story[first.article_id] == story[second.article_id]
                tally["within" if same else "across"] += 1
    for tally in counts.values():
        tally["within_share"] = round(
            tally["within"] / max(1, tally["within"] + tally["across"]), 3
        )  # type: ignore[assignment]
    groups = sum(len(a.members) >= 3 for a in result.alignments)
    return {"alignments": len(result.alignments), "groups_of_3_plus": groups, "pairs": counts}


def seed_recall(key: Path = Path(__file__).parent / "data/seed_claims.toml") -> dict[str, Any]:
    """Of the hand-marked groups of shared claims in the seeds (benchmarks/data/seed_claims.toml,
    marked blind to the aligner), how many the briefing aligns: a group is found when one
    alignment holds at least two of its members' sentences, whole when it holds all; a member
    pair is found when one alignment holds both. Counted for the sure groups and for all."""
    briefing = build_briefing([Path(__file__).parent.parent / "seeds"], default_topics())
    held = [
        {(m.article_id, sid) for m in a.members for sid in m.sentence_ids}
        for a in briefing.alignments
    ]
    groups = tomllib.loads(key.read_text(encoding="utf-8"))["group"]
    report: dict[str, Any] = {"alignments": len(briefing.alignments)}
    for name, chosen in (
        ("sure", [g for g in groups if g["certainty"] == "sure"]),
        ("all", groups),
    ):
        tally = {"groups": len(chosen), "found": 0, "whole": 0, "pairs": 0, "pairs_found": 0}
        for group in chosen:
            members = [{(m["article"], sid) for sid in m["sentences"]} for m in group["members"]]
            covered = [sum(bool(m & h) for m in members) for h in held]
            tally["found"] += max(covered, default=0) >= 2
            tally["whole"] += max(covered, default=0) == len(members)
            pairs = list(itertools.combinations(members, 2))
            tally["pairs"] += len(pairs)
            tally["pairs_found"] += sum(any(a & h and b & h for h in held) for a, b in pairs)
        report[name] = tally
    return report


def calibrate(labelled: Labelled) -> list[dict[str, Any]]:
    """Scored pairs per band of the combined score, and the share within one story."""
    articles, story = labelled
    settings = load_settings()
    units = merge_spellings(prepare(articles, settings))
    vectors = embed([u.sentence.text for u in units])
    weights = corpus_weights(units, settings)
    bands: dict[float, list[int]] = {}
    for i, j in candidates(units, vectors, settings):
        cosine = float(vectors[i] @ vectors[j])
        score = score_pair(units[i], units[j], cosine, weights, settings)
        if score is None:
            continue
        band = math.floor(score.similarity * 20) / 20
        same = story[units[i].article.article_id] == story[units[j].article.article_id]
        bands.setdefault(band, [0, 0])[0 if same else 1] += 1
    return [
        {"from": band, "pairs": w + a, "within_share": round(w / (w + a), 3)}
        for band, (w, a) in sorted(bands.items())
    ]


def per_story(labelled: Labelled) -> dict[str, Any]:
    """Each story aligned on its own, as a user briefs one story: claims per story, and the
    share of its verbatim and paraphrase claims that every outlet of the story carries."""
    articles, story = labelled
    stories: dict[str, list[AlignArticle]] = {}
    for article in articles:
        stories.setdefault(story[article.article_id], []).append(article)
    claims = strong = everyone = 0
    for members in stories.values():
        outlets = {a.outlet for a in members}
        for alignment in align(members).alignments:
            claims += 1
            if alignment.kind != "related":
                strong += 1
                everyone += {m.outlet for m in alignment.members} == outlets
    return {
        "stories": len(stories),
        "claims_per_story": round(claims / len(stories), 2),
        "strong_claims_per_story": round(strong / len(stories), 2),
        "strong_claims_of_every_outlet": everyone,
        "share_of_every_outlet": round(everyone / max(1, strong), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=EVAL / "allsides_scale.jsonl.gz")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--precision", action="store_true")
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("--stories", action="store_true")
    options = parser.parse_args()
    if options.seeds:
        report: dict[str, Any] = {"seeds": seed_recall()}
    elif options.stories:
        report = {
            "allsides_stories": per_story(load_stories()),
            "basil_dev": per_story(load_basil()),
        }
    elif options.precision:
        report = {
            "precision": {
                "allsides_stories": precision(load_stories()),
                "basil_dev": precision(load_basil()),
            }
        }
    elif options.calibrate:
        report = {
            "allsides_stories": calibrate(load_stories()),
            "basil_dev": calibrate(load_basil()),
        }
    else:
        articles = load_scale(options.corpus)
        report = {
            "sentence_split": "regex (end punctuation before a capital, line breaks)",
            "scale": scale(articles, [int(n) for n in options.sizes.split(",")]),
            "naive": naive(articles),
            "precision": {
                "allsides_stories": precision(load_stories()),
                "basil_dev": precision(load_basil()),
            },
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
