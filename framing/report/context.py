"""Turn a Briefing JSON into the template context: plain JSON data, arranged for display.

Templates only read this context (documented in docs/briefing.md); they never compute.
It is built from the JSON, not from the dataclasses, so `framing render briefing.json`
gives the same report as `framing brief`. The profile, topic and claim sections are built in
the `context_*` modules beside this one; this one joins them and adds the validity rows.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources

from framing.report.charts import profile_charts
from framing.report.context_claims import exclusive_claims, key_findings, shared_claims
from framing.report.context_profiles import Json, framing_profile, label_table, sentence_index
from framing.report.context_topics import coverage_matrix, topic_section

CONTEXT_VERSION = "1.0"
"""The template context's version (docs/templates.md): new keys bump the minor number;
renaming or removing a key, or changing its meaning, bumps the major one."""


def report_context(briefing: Json) -> Json:
    """Everything the built-in templates show, derived from `briefing`."""
    articles = briefing["articles"]
    topics = briefing["topics"]
    dates = sorted(a["date"] for a in articles if a["date"])
    indexes = {a["id"]: sentence_index(a) for a in articles}  # built once, read everywhere
    shared = [t["name"] for t in topics if t["shared"]]
    shown = _shown_articles(articles, topics)
    profiles = [framing_profile(a["framing"], a, indexes[a["id"]]) for a in shown]
    outlets = sorted({a["label"] for a in articles}, key=str.casefold)
    return {
        "context_version": CONTEXT_VERSION,
        "title": briefing["title"],
        "author": f"framing {briefing['framing_version']}",
        "subject": _subject(len(articles), len(outlets), shared),
        "keywords": shared + outlets,
        "framing_version": briefing["framing_version"],
        "schema_version": briefing["schema_version"],
        "articles": articles,
        "shown_articles": shown,
        "hidden_articles": len(articles) - len(shown),
        "topics": topics,
        "excluded": briefing["excluded"],
        "duplicates": briefing["duplicates"],
        "outlet_count": len(outlets),
        "date_range": {"first": dates[0], "last": dates[-1]}
        if dates
        else {"first": "", "last": ""},
        "shared_topics": [topic_section(t, articles, indexes) for t in topics if t["shared"]],
        "unshared_topics": [t["name"] for t in topics if len(t["outlets"]) == 1],
        "coverage": coverage_matrix(topics, shown),
        "removed_count": sum(len(a["removed"]) for a in articles),
        "profiles": profiles,
        "charts": profile_charts(profiles),
        "label_table": label_table(shown, indexes),
        "lexicons": briefing["lexicons"],
        "validity": validity(),
        "findings": key_findings(briefing["findings"], articles, indexes),
        "claims": shared_claims(briefing, articles),
        "exclusives": exclusive_claims(briefing["exclusives"], shown),
    }


REPORT_ARTICLES = 12
"""Articles the per-article sections show (sources, coverage, labels, profiles, readability,
what was removed). A larger corpus shows those with the most sentences on shared topics, so
a 10,000-article briefing stays readable; the JSON keeps every article."""


def _shown_articles(articles: list[Json], topics: list[Json]) -> list[Json]:
    """The articles the per-article sections show, in report order."""
    if len(articles) <= REPORT_ARTICLES:
        return articles
    on_shared: dict[str, int] = {}
    for topic in (t for t in topics if t["shared"]):
        for c in topic["articles"]:
            on_shared[c["article_id"]] = on_shared.get(c["article_id"], 0) + len(c["sentence_ids"])
    ranked = sorted(articles, key=lambda a: -on_shared.get(a["id"], 0))  # stable: ties in order
    keep = {a["id"] for a in ranked[:REPORT_ARTICLES]}
    return [a for a in articles if a["id"] in keep]


def _subject(articles: int, outlets: int, shared: list[str]) -> str:
    """The PDF's subject line: what is compared, across how many outlets."""
    topics = ", ".join(shared[:5]) or "no shared topic"
    who = f"{outlets} outlet frames" if outlets == 1 else f"{outlets} outlets frame"
    return f"How {who} {topics}: {articles} article{'' if articles == 1 else 's'} compared"


@cache
def validity() -> list[Json]:
    """The measured accuracy of the loaded-language detector, as `benchmarks/validity.py
    --record` wrote it into the package (ours beside the VADER baseline), then the measures
    checked by hand: one row per figure."""
    text = resources.files("framing").joinpath("data/validity.json").read_text(encoding="utf-8")
    record = json.loads(text)
    babe, basil = record["babe"], record["basil"]
    held_out, baseline = babe["loaded"]["held_out"], babe["vader"]["held_out"]
    basil_all = basil["all"]
    return [
        {
            "measure": "Loaded language: sentence is biased",
            "data": f"BABE, {held_out['n']} sentences not used for tuning",
            "metric": "macro-F1",
            "value": held_out["macro_f1"],
            "baseline": baseline["macro_f1"],
        },
        {
            "measure": "Loaded language: sentence is biased",
            "data": f"BABE, {held_out['n']} sentences not used for tuning",
            "metric": "precision / recall (biased)",
            "value": f"{held_out['precision']:.2f} / {held_out['recall']:.2f}",
            "baseline": f"{baseline['precision']:.2f} / {baseline['recall']:.2f}",
        },
        {
            "measure": "Loaded language: words",
            "data": f"BABE, {held_out['n']} sentences not used for tuning",
            "metric": "recall of the biased words experts marked",
            "value": held_out["biased_word_recall"],
            "baseline": "",
        },
        {
            "measure": "Loaded language: words",
            "data": f"BASIL, {basil['articles']} articles, {basil_all['lexical_spans']} spans",
            "metric": "recall of the lexical-bias spans experts marked",
            "value": basil_all["loaded"]["span_recall"],
            "baseline": "",
        },
        {
            "measure": "Loaded language: sentence is biased",
            "data": f"BASIL, {basil['articles']} articles, {basil_all['lexical_spans']} spans",
            "metric": "spans in flagged sentences / flagged sentences holding a span",
            "value": _pair(basil_all["loaded"]),
            "baseline": _pair(basil_all["vader"]),
        },
        *_hand_checks(),
    ]


def _hand_checks() -> list[Json]:
    """Rows checked by reading output, from `framing/data/hand_checks.toml`; no baseline."""
    text = resources.files("framing").joinpath("data/hand_checks.toml").read_text("utf-8")
    return [check | {"baseline": ""} for check in tomllib.loads(text)["check"]]


def _pair(scores: Json) -> str:
    """BASIL's two sentence-level figures in one cell, as the precision / recall row reads."""
    return f"{scores['sentence_span_recall']:.2f} / {scores['sentence_precision_proxy']:.2f}"
