"""Framing profiles for the report context: measures, tone, actor labels, their evidence."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

MEASURES = (
    ("quotes", "Quotes and attributions"),
    ("anonymous_sources", "Anonymous sourcing"),
    ("scare_quotes", "Scare quotes"),
    ("first_person", "Author’s own voice"),
    ("hedges", "Hedges"),
    ("boosters", "Boosters"),
    ("prescriptions", "Prescriptions"),
    ("loaded", "Loaded terms"),
)
"""The counted measures a profile shows, in reading order, with their display names."""


def framing_profile(framing: Json, article: Json, sentences: Json) -> Json:
    """One text's framing measures, each count with the sentences behind it."""
    per_1000 = 1000 / framing["words"] if framing["words"] else 0.0
    tone = framing["tone"]
    return {
        "article_id": article["id"],
        "label": article["label"],
        "words": framing["words"],
        "genre": framing["genre"],
        "dominant_frames": [
            f["label"]
            for key in framing["dominant_frames"]
            for f in framing["frames"]
            if f["key"] == key
        ],
        "frames": [
            {
                "key": f["key"],
                "label": f["label"],
                "count": f["count"],
                "per_1000": f["per_1000"],
                "present": f["present"],
                "evidence": evidence(sentences, f["matches"], article["id"]),
            }
            for f in framing["frames"]
        ],
        "measures": [
            {
                "key": key,
                "label": label,
                "count": len(framing[key]),
                "per_1000": round(len(framing[key]) * per_1000, 2),
                "evidence": evidence(sentences, _noted(key, framing[key]), article["id"]),
            }
            for key, label in MEASURES
        ],
        "tone": tone_summary(tone, sentences, article["id"]),
        "actors": [
            {
                "name": actor["name"],
                "mentions": actor["mentions"],
                "labels": label_groups(actor["labels"], sentences, article["id"]),
                "evaluative": evidence(sentences, actor["evaluative"], article["id"]),
                "tone": tone_summary(actor["tone"], sentences, article["id"]),
            }
            for actor in framing["actors"]
        ],
    }


def _noted(key: str, items: list[Json]) -> list[Json]:
    """Evidence spans with what the sentence alone does not show: who spoke, who is told."""
    if key == "quotes":
        return [q | {"note": _attribution(q)} for q in items]
    if key == "prescriptions":
        return [p | {"note": f"→ {p['addressee']}" if p["addressee"] else ""} for p in items]
    return items


FORM_NOTES = {"direct": "", "indirect": " (reported)", "according_to": " (according to)"}
"""How a quote's note says it was not quoted word for word."""


def _attribution(quote: Json) -> str:
    """ "— Steele, said (reported)": who spoke, with which verb, in which form."""
    verb = f", {quote['verb']}" if quote["verb"] else ""
    form = FORM_NOTES.get(quote.get("form", "direct"), "")
    return f"— {quote['speaker'] or 'unattributed'}{verb}{form}"


def tone_summary(tone: Json, sentences: Json, article_id: str) -> Json:
    """A tone summary whose evidence is every scored sentence that is not neutral."""
    spans = [
        {"sentence_id": sid, "start": 0, "end": 0, "note": f"{score:+.2f}"}
        for sid, score in zip(tone["sentence_ids"], tone["scores"], strict=True)
        if abs(score) >= 0.05
    ]
    return {
        "mean": tone["mean"],
        "n": tone["n"],
        "positive": tone["positive"],
        "negative": tone["negative"],
        "neutral": tone["neutral"],
        "evidence": evidence(sentences, spans, article_id),
    }


def label_groups(labels: list[Json], sentences: Json, article_id: str) -> list[Json]:
    """Distinct labels (case-insensitive), most used first, each with its sentences."""
    groups: dict[str, list[Json]] = {}
    for label in labels:
        groups.setdefault(label["text"].casefold(), []).append(label)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]["text"].casefold()))
    return [
        {
            "text": group[0]["text"],
            "count": len(group),
            "kinds": sorted({label["kind"] for label in group}),
            "quoted": all(label["quoted"] for label in group),
            "evidence": evidence(sentences, group, article_id),
        }
        for group in ordered
    ]


LABEL_ROWS = 3
"""Actors whose labels a topic section shows: the topic's own actor first, then the most
mentioned; the label table and the JSON have the rest."""


def label_rows(profiles: list[Json], topic: str) -> list[Json]:
    """For a topic's columns: the actors labelled in any of them, with each column's labels."""
    names: dict[str, int] = {}
    for profile in profiles:
        for actor in profile["actors"]:
            if actor["labels"]:
                names[actor["name"]] = names.get(actor["name"], 0) + actor["mentions"]
    ranked = sorted(names, key=lambda n: (n != topic, -names[n], n))[:LABEL_ROWS]
    return [
        {
            "actor": name,
            "cells": [
                next((a["labels"] for a in p["actors"] if a["name"] == name), []) for p in profiles
            ],
        }
        for name in ranked
    ]


def label_table(articles: list[Json], indexes: Json) -> Json:
    """Actor x outlet: the labels each article uses for each actor it names."""
    names: dict[str, int] = {}
    for article in articles:
        for actor in article["framing"]["actors"]:
            names[actor["name"]] = names.get(actor["name"], 0) + actor["mentions"]
    actors = {
        (article["id"], actor["name"]): actor
        for article in articles
        for actor in article["framing"]["actors"]
    }
    rows = [
        {
            "actor": name,
            "cells": [
                _actor_cell(a["id"], actors.get((a["id"], name)), indexes[a["id"]])
                for a in articles
            ],
        }
        for name in sorted(names, key=lambda n: (-names[n], n))
    ]
    return {
        "columns": [{"article_id": a["id"], "label": a["label"]} for a in articles],
        "rows": rows,
    }


def _actor_cell(article_id: str, actor: Json | None, sentences: Json) -> Json:
    """One article's treatment of one actor: mentions, labels, evaluative words, tone."""
    if actor is None:
        return {
            "article_id": article_id,
            "mentions": 0,
            "labels": [],
            "evaluative": [],
            "evaluative_count": 0,
            "tone": None,
            "mention_evidence": [],
        }
    return {
        "article_id": article_id,
        "mentions": actor["mentions"],
        "mention_evidence": evidence(sentences, actor["mentions_evidence"], article_id),
        "labels": label_groups(actor["labels"], sentences, article_id),
        "evaluative_count": len(actor["evaluative"]),
        "evaluative": evidence(sentences, actor["evaluative"], article_id),
        "tone": tone_summary(actor["tone"], sentences, article_id),
    }


def sentence_index(article: Json) -> Json:
    """Sentence id -> (position, text); the headline and dek, measured too, come first."""
    top = {"title": (-2, article["title"]), "dek": (-1, article["dek"])}
    return top | {s["id"]: (i, s["text"]) for i, s in enumerate(article["sentences"])}


def evidence(sentences: Json, spans: list[Json], article_id: str) -> list[Json]:
    """The sentences behind a count, in article order, their matched words marked.

    Each span is a piece of evidence from the JSON (a match, a quote, a label) with
    `sentence_id` and `start`/`end` into that sentence's text (0/0 marks nothing)."""
    marks: dict[str, list[tuple[int, int]]] = {}
    notes: dict[str, list[str]] = {}
    for span in spans:
        marks.setdefault(span["sentence_id"], []).append((span["start"], span["end"]))
        if span.get("note"):
            notes.setdefault(span["sentence_id"], []).append(span["note"])
    ordered = sorted((sid for sid in marks if sid in sentences), key=lambda i: sentences[i][0])
    return [
        {
            "sentence_id": sid,
            "anchor": f"s-{article_id}-{sid}",
            "segments": marked_segments(sentences[sid][1], marks[sid]),
            "note": " ".join(notes.get(sid, [])),
        }
        for sid in ordered
    ]


def marked_segments(text: str, marks: list[tuple[int, int]]) -> list[Json]:
    """`text` cut into plain and marked runs; overlapping marks merge."""
    merged: list[list[int]] = []
    for start, end in sorted(m for m in marks if m[1] > m[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    segments, cursor = [], 0
    for start, end in merged:
        if start > cursor:
            segments.append({"text": text[cursor:start], "mark": False})
        segments.append({"text": text[start:end], "mark": True})
        cursor = end
    if cursor < len(text):
        segments.append({"text": text[cursor:], "mark": False})
    return segments
