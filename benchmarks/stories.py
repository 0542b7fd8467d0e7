"""Stories measured: how well `find_stories` recovers same-event groups a person made, and
what it costs as the corpus doubles.

On `allsides_stories/` (1,000 AllSides articles in 247 stories, the story of each in its
manifest) and on `basil_dev/` (30 events of three outlets each, mixed in one corpus), read and
analysed by framing's own ingest and per-article stages, it prints JSON with, per corpus:
- `ari` (adjusted Rand index against the stories of the manifest; goal 0.9) and `purity`
  (the share of articles in a found story whose majority they share), the stories found and
  in the key, and how many found stories mix two key stories;
- `undated`: the same with every date removed (what the date window contributes);
- `cost` (AllSides): CPU and wall seconds of `find_stories` on the first 1/8, 1/4, 1/2 and all
  of the stories, against scoring every pair of the same articles' profiles (the quadratic
  baseline, in the same run), and the growth per doubling of the corpus.

The key's stories were derived (same topic, dates within 3 days, similar wording), so a few
may be loose: a "mixed" story is worth reading before it is called wrong. Usage:

    python benchmarks/stories.py [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from framing.analyse.article import analyse_article, analysis_settings
from framing.analyse.topics import default_topics
from framing.compare import stories
from framing.compare.claim_settings import default_settings
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.lexicon import load_lexicons
from framing.models import Article, ArticleAnalysis

EVAL = Path(__file__).resolve().parent.parent.parent / "shared/eval"
Key = dict[str, str]  # article id -> the key's story


def analysed(folder: Path) -> list[ArticleAnalysis]:
    """Every article of `folder`, through framing's ingest and per-article analysis."""
    usable = usable_documents(load_corpus([folder]))
    with ProcessPoolExecutor() as pool:
        return list(pool.map(_analyse, usable.kept, chunksize=8))


def _analyse(item: Any) -> ArticleAnalysis:
    lexicons = load_lexicons()
    settings = analysis_settings(default_topics(), lexicons, default_settings().reader)
    return analyse_article(item[0], item[1], settings)


def allsides_key(folder: Path, found: Sequence[ArticleAnalysis]) -> Key:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    story = {entry["file"]: entry["story_id"] for entry in manifest["articles"]}
    return {a.article.id: story[a.article.source_path] for a in found}


def basil_key(found: Sequence[ArticleAnalysis]) -> Key:
    return {a.article.id: a.article.source_path.split("/")[0] for a in found}


def grouped(found: Sequence[ArticleAnalysis], undated: bool = False) -> Key:
    """The stories framing finds, as article id -> story id."""
    articles = [_labelled(a.article, undated) for a in found]
    words = {a.article.id: a.sentence_words for a in found}
    rules = stories.default_story_rules()
    result = stories.find_stories(articles, words, default_settings().reader, rules)
    return {article_id: s.id for s in result for article_id in s.article_ids}


def _labelled(article: Article, undated: bool) -> Article:
    return replace(
        article, label=article.outlet or article.id, date="" if undated else article.date
    )


def agreement(key: Key, found: Key) -> dict[str, Any]:
    """ARI, purity and counts of `found` against `key` (same article ids)."""
    by_found: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, story in found.items():
        by_found[story][key[article_id]] += 1
    majority = sum(c.most_common(1)[0][1] for c in by_found.values())
    return {
        "articles": len(key),
        "ari": round(adjusted_rand(key, found), 3),
        "purity": round(majority / len(key), 3),
        "stories_found": len(by_found),
        "stories_in_key": len(set(key.values())),
        "found_stories_mixing_key_stories": sum(len(c) > 1 for c in by_found.values()),
    }


def adjusted_rand(key: Key, found: Key) -> float:
    """Hubert and Arabie's adjusted Rand index of two partitions of the same ids."""
    pairs = Counter((key[i], found[i]) for i in key)
    same_both = sum(math.comb(n, 2) for n in pairs.values())
    same_key = sum(math.comb(n, 2) for n in Counter(key.values()).values())
    same_found = sum(math.comb(n, 2) for n in Counter(found.values()).values())
    expected = same_key * same_found / math.comb(len(key), 2)
    best = (same_key + same_found) / 2
    return 1.0 if best == expected else (same_both - expected) / (best - expected)


def cost(found: Sequence[ArticleAnalysis], key: Key) -> dict[str, Any]:
    """`find_stories` on growing shares of the stories, against all-pairs cosine."""
    order = sorted(set(key.values()))
    runs = []
    for share in (8, 4, 2, 1):
        kept = set(order[: len(order) // share])
        subset = [a for a in found if key[a.article.id] in kept]
        runs.append(_timed(subset))
    growth = {
        k: [
            round((b[k] / a[k]) ** (1 / math.log2(b["articles"] / a["articles"])), 2)
            for a, b in itertools.pairwise(runs)
        ]
        for k in ("cpu_seconds", "all_pairs_cpu_seconds")
    }
    return {"runs": runs, "cost_per_doubling": growth}


def _timed(subset: Sequence[ArticleAnalysis]) -> dict[str, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    grouped(subset)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    baseline = _all_pairs(subset)
    return {
        "articles": len(subset),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "all_pairs_cpu_seconds": round(baseline, 3),
        "cpu_vs_all_pairs": round(cpu / max(baseline, 1e-9), 2),
    }


def _all_pairs(subset: Sequence[ArticleAnalysis]) -> float:
    """CPU seconds to build the same profiles and score every pair (the naive method)."""
    cpu = time.process_time()
    articles = sorted((_labelled(a.article, False) for a in subset), key=lambda a: a.id)
    words = {a.article.id: a.sentence_words for a in subset}
    reader, rules = default_settings().reader, stories.default_story_rules()
    counts = {a.id: stories._counts(a, words[a.id], reader, rules.title_weight) for a in articles}
    frequency = Counter(word for bag in counts.values() for word in bag)
    profiles = stories._profiles(counts, frequency, rules.background)
    for a, b in itertools.combinations(sorted(profiles), 2):
        stories._cosine(profiles[a], profiles[b])
    return time.process_time() - cpu


def measure(found: Sequence[ArticleAnalysis], key: Mapping[str, str]) -> dict[str, Any]:
    return {
        **agreement(dict(key), grouped(found)),
        "undated": agreement(dict(key), grouped(found, undated=True)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    args = parser.parse_args()
    allsides = analysed(args.eval / "allsides_stories")
    basil = analysed(args.eval / "basil_dev")
    allsides_truth = allsides_key(args.eval / "allsides_stories", allsides)
    report = {
        "allsides_stories": measure(allsides, allsides_truth),
        "basil_dev_mixed": measure(basil, basil_key(basil)),
        "cost": cost(allsides, allsides_truth),
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
