"""Turn a Briefing JSON into the template context: plain JSON data, arranged for display.

Templates only read this context (documented in docs/briefing.md); they never compute.
It is built from the JSON, not from the dataclasses, so `framing render briefing.json`
gives the same report as `framing brief`.
"""

from __future__ import annotations

import re
from typing import Any

Json = dict[str, Any]


def report_context(briefing: Json) -> Json:
    """Everything the built-in templates show, derived from `briefing`."""
    articles = briefing["articles"]
    topics = briefing["topics"]
    dates = sorted(a["date"] for a in articles if a["date"])
    return {
        "title": briefing["title"],
        "framing_version": briefing["framing_version"],
        "schema_version": briefing["schema_version"],
        "articles": articles,
        "topics": topics,
        "excluded": briefing["excluded"],
        "duplicates": briefing["duplicates"],
        "outlet_count": len({a["label"] for a in articles}),
        "date_range": {"first": dates[0], "last": dates[-1]}
        if dates
        else {"first": "", "last": ""},
        "shared_topics": [_section(t, articles) for t in topics if t["shared"]],
        "unshared_topics": [t["name"] for t in topics if not t["shared"]],
        "coverage": _coverage(topics, articles),
        "removed_count": sum(len(a["removed"]) for a in articles),
    }


def anchor(name: str) -> str:
    """A stable HTML id for a topic name."""
    return "topic-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")


def _section(topic: Json, articles: list[Json]) -> Json:
    """One shared topic with a column per article that mentions it, in article order."""
    coverage = {c["article_id"]: c for c in topic["articles"]}
    section_anchor = anchor(topic["name"])
    columns = []
    for article in articles:
        if article["id"] not in coverage:
            continue
        wanted = set(coverage[article["id"]]["sentence_ids"])
        columns.append(
            {
                "article_id": article["id"],
                "label": article["label"],
                "title": article["title"],
                "sentence_count": len(wanted),
                "share": coverage[article["id"]]["share"],
                "sentences": [
                    {
                        "id": s["id"],
                        "anchor": f"{section_anchor}--{article['id']}-{s['id']}",
                        "text": s["text"],
                    }
                    for s in article["sentences"]
                    if s["id"] in wanted
                ],
            }
        )
    return {
        "name": topic["name"],
        "anchor": section_anchor,
        "outlet_count": len(topic["outlets"]),
        "columns": columns,
        "silent": [a["label"] for a in articles if a["id"] not in coverage],
    }


def _coverage(topics: list[Json], articles: list[Json]) -> Json:
    """The topic x outlet matrix: sentence count and share per cell, None where silent."""
    rows = []
    for topic in topics:
        coverage = {c["article_id"]: c for c in topic["articles"]}
        cells = [
            {
                "article_id": a["id"],
                "count": len(coverage[a["id"]]["sentence_ids"]) if a["id"] in coverage else 0,
                "share": coverage[a["id"]]["share"] if a["id"] in coverage else 0.0,
            }
            for a in articles
        ]
        rows.append(
            {
                "topic": topic["name"],
                "anchor": anchor(topic["name"]),
                "shared": topic["shared"],
                "cells": cells,
            }
        )
    return {
        "columns": [{"article_id": a["id"], "label": a["label"]} for a in articles],
        "rows": rows,
    }
