"""The topic sections of the report context: one per shared topic, and the coverage matrix."""

from __future__ import annotations

import re

from framing.report.context_profiles import Json, framing_profile, label_rows, marked_segments


def anchor(name: str) -> str:
    """A stable HTML id for a topic name."""
    return "topic-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")


SIDE_BY_SIDE = 4
"""Outlets shown as columns side by side; more than this and each outlet becomes a row."""
TOPIC_COLUMNS = 12
"""Outlets shown per topic: those with the most sentences on it. The rest are named, and
the JSON keeps all of them, so a 10,000-article corpus still gives a readable briefing."""


def topic_section(topic: Json, articles: list[Json], indexes: Json) -> Json:
    """One shared topic with a column per article that mentions it, in article order; when
    more than TOPIC_COLUMNS do, the ones that say most about it."""
    coverage = {c["article_id"]: c for c in topic["articles"]}
    ranked = sorted(coverage.values(), key=lambda c: -len(c["sentence_ids"]))
    shown = {c["article_id"] for c in ranked[:TOPIC_COLUMNS]}
    section_anchor = anchor(topic["name"])
    columns = [
        _column(article, coverage[article["id"]], section_anchor, indexes[article["id"]])
        for article in articles
        if article["id"] in shown
    ]
    return {
        "name": topic["name"],
        "anchor": section_anchor,
        "outlet_count": len(topic["outlets"]),
        "layout": "columns" if len(columns) <= SIDE_BY_SIDE else "rows",
        "columns": columns,
        "hidden": [a["label"] for a in articles if a["id"] in coverage and a["id"] not in shown],
        "label_rows": label_rows([c["profile"] for c in columns], topic["name"]),
        "silent": [a["label"] for a in articles if a["id"] not in coverage],
    }


def _column(article: Json, coverage: Json, section_anchor: str, sentences: Json) -> Json:
    """One article on one topic: its measures there, its key passages with their framing
    words marked, and every sentence on the topic (the full list, one click away)."""
    wanted = set(coverage["sentence_ids"])
    marks = _framing_marks(coverage["framing"])
    return {
        "article_id": article["id"],
        "label": article["label"],
        "title": article["title"],
        "sentence_count": len(wanted),
        "share": coverage["share"],
        "key_passages": [
            {
                "id": k["sentence_id"],
                "segments": marked_segments(
                    sentences[k["sentence_id"]][1], marks.get(k["sentence_id"], [])
                ),
                "signals": k["signals"],
            }
            for k in coverage["key_passages"]
        ],
        "more": len(wanted) - len(coverage["key_passages"]),
        "sentences": [
            {
                "id": s["id"],
                "anchor": f"{section_anchor}--{article['id']}-{s['id']}",
                "text": s["text"],
            }
            for s in article["sentences"]
            if s["id"] in wanted
        ],
        "profile": framing_profile(coverage["framing"], article, sentences),
    }


MARKED = (
    "loaded",
    "anonymous_sources",
    "scare_quotes",
    "first_person",
    "hedges",
    "boosters",
    "prescriptions",
)
"""The framing measures whose words a key passage marks (besides actor labels)."""


def _framing_marks(framing: Json) -> dict[str, list[tuple[int, int]]]:
    """Per sentence, the spans of its framing words: labels, loaded terms, anonymous
    sources, scare quotes, the author's voice, hedges, boosters and prescriptions."""
    spans = [label for actor in framing["actors"] for label in actor["labels"]]
    for key in MARKED:
        spans += framing[key]
    marks: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        marks.setdefault(span["sentence_id"], []).append((span["start"], span["end"]))
    return marks


def coverage_matrix(topics: list[Json], articles: list[Json]) -> Json:
    """The topic x outlet matrix: sentence count and share per cell, None where silent."""
    rows = []
    for topic in (t for t in topics if t["articles"]):  # a topic nobody mentions says nothing
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
