"""Check the hand-made shared-claims key (`seed_claims.toml`) against the seeds briefing.

The key is marked by reading, so typos creep in: a sentence id that does not exist, `words` that
are no longer a verbatim substring after a re-split, two members from one article. Any such slip
would silently change the recall measured against the key, so every member is checked against
the sentences as the tool splits them, and the counts the recall is computed over are printed.

Usage: python benchmarks/data/check_seed_claims.py [KEY.toml] [BRIEFING.json]
Exits 1 and lists the problems when the key does not match the briefing.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KEY = ROOT / "benchmarks" / "data" / "seed_claims.toml"
BRIEFING = ROOT / "tests" / "gold" / "seeds-briefing.json"
CERTAINTIES = ("sure", "likely")

# article id -> sentence ids in reading order, and sentence id -> text
Sentences = dict[str, tuple[list[str], dict[str, str]]]


def load_sentences(path: Path) -> Sentences:
    """Only the `articles` key is read: the key must stay blind to the tool's alignments."""
    articles: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["articles"]
    table: Sentences = {}
    for article in articles:
        ids = [str(s["id"]) for s in article["sentences"]]
        texts = {str(s["id"]): str(s["text"]) for s in article["sentences"]}
        table[str(article["id"])] = (ids, texts)
    return table


def member_problems(member: dict[str, Any], sentences: Sentences) -> list[str]:
    """A member's sentences must exist, be one or two adjacent ones, and hold its words."""
    article, ids, words = member["article"], member["sentences"], member["words"]
    if article not in sentences:
        return [f"unknown article {article!r}"]
    order, texts = sentences[article]
    missing = [sid for sid in ids if sid not in texts]
    if missing or not 1 <= len(ids) <= 2:
        return [f"{article}: bad sentence ids {ids}"]
    if len(ids) == 2 and order.index(ids[1]) != order.index(ids[0]) + 1:
        return [f"{article}: {ids} are not adjacent"]
    if words not in texts[ids[0]]:
        return [f"{article} {ids[0]}: words not in sentence: {words!r}"]
    return []


def group_problems(index: int, group: dict[str, Any], sentences: Sentences) -> list[str]:
    """A group needs two or more distinct articles and a known certainty."""
    label = f"group {index} ({group.get('claim', '?')})"
    members: list[dict[str, Any]] = group["members"]
    problems = [f"{label}: {p}" for m in members for p in member_problems(m, sentences)]
    articles = [m["article"] for m in members]
    if len(set(articles)) != len(articles) or len(articles) < 2:
        problems.append(f"{label}: needs two or more members from distinct articles")
    if group.get("certainty") not in CERTAINTIES:
        problems.append(f"{label}: certainty must be one of {CERTAINTIES}")
    return problems


def pair_count(group: dict[str, Any]) -> int:
    """Recall is counted over member pairs: n members give n(n-1)/2 pairs."""
    n = len(group["members"])
    return n * (n - 1) // 2


def main(argv: list[str]) -> int:
    key = Path(argv[0]) if argv else KEY
    briefing = Path(argv[1]) if len(argv) > 1 else BRIEFING
    groups: list[dict[str, Any]] = tomllib.loads(key.read_text(encoding="utf-8"))["group"]
    sentences = load_sentences(briefing)
    problems = [p for i, g in enumerate(groups, 1) for p in group_problems(i, g, sentences)]
    for problem in problems:
        print(problem, file=sys.stderr)
    sure = [g for g in groups if g.get("certainty") == "sure"]
    print(f"groups: {len(groups)}  sure: {len(sure)}  likely: {len(groups) - len(sure)}")
    pairs, sure_pairs = sum(map(pair_count, groups)), sum(map(pair_count, sure))
    print(f"member pairs: {pairs}  in sure groups: {sure_pairs}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
