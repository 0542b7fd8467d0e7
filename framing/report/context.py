"""Turn a Briefing JSON into the template context: plain JSON data, arranged for display.

Templates only read this context (documented in docs/briefing.md); they never compute.
It is built from the JSON, not from the dataclasses, so `framing render briefing.json`
gives the same report as `framing brief`.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from framing.report.charts import profile_charts

Json = dict[str, Any]

CONTEXT_VERSION = "1.0"
"""The template context's version (docs/templates.md): new keys bump the minor number;
renaming or removing a key, or changing its meaning, bumps the major one."""


def report_context(briefing: Json) -> Json:
    """Everything the built-in templates show, derived from `briefing`."""
    articles = briefing["articles"]
    topics = briefing["topics"]
    dates = sorted(a["date"] for a in articles if a["date"])
    indexes = {a["id"]: _sentence_index(a) for a in articles}  # built once, read everywhere
    shared = [t["name"] for t in topics if t["shared"]]
    shown = _shown_articles(articles, topics)
    profiles = [_profile(a["framing"], a, indexes[a["id"]]) for a in shown]
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
        "shared_topics": [_section(t, articles, indexes) for t in topics if t["shared"]],
        "unshared_topics": [t["name"] for t in topics if len(t["outlets"]) == 1],
        "coverage": _coverage(topics, shown),
        "removed_count": sum(len(a["removed"]) for a in articles),
        "profiles": profiles,
        "charts": profile_charts(profiles),
        "label_table": _label_table(shown, indexes),
        "lexicons": briefing["lexicons"],
        "validity": validity(),
        "findings": _findings(briefing["findings"], articles, indexes),
        "claims": _claims(briefing, articles),
        "exclusives": _exclusives(briefing["exclusives"], shown),
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


def anchor(name: str) -> str:
    """A stable HTML id for a topic name."""
    return "topic-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")


SIDE_BY_SIDE = 4
"""Outlets shown as columns side by side; more than this and each outlet becomes a row."""
TOPIC_COLUMNS = 12
"""Outlets shown per topic: those with the most sentences on it. The rest are named, and
the JSON keeps all of them, so a 10,000-article corpus still gives a readable briefing."""


def _section(topic: Json, articles: list[Json], indexes: Json) -> Json:
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
        "label_rows": _label_rows([c["profile"] for c in columns], topic["name"]),
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
                "segments": _segments(
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
        "profile": _profile(coverage["framing"], article, sentences),
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


def _coverage(topics: list[Json], articles: list[Json]) -> Json:
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


MEASURES = (
    ("quotes", "Direct quotes"),
    ("anonymous_sources", "Anonymous sourcing"),
    ("scare_quotes", "Scare quotes"),
    ("first_person", "Author’s own voice"),
    ("hedges", "Hedges"),
    ("boosters", "Boosters"),
    ("prescriptions", "Prescriptions"),
    ("loaded", "Loaded terms"),
)
"""The counted measures a profile shows, in reading order, with their display names."""


def _profile(framing: Json, article: Json, sentences: Json) -> Json:
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
                "evidence": _evidence(sentences, f["matches"], article["id"]),
            }
            for f in framing["frames"]
        ],
        "measures": [
            {
                "key": key,
                "label": label,
                "count": len(framing[key]),
                "per_1000": round(len(framing[key]) * per_1000, 2),
                "evidence": _evidence(sentences, _noted(key, framing[key]), article["id"]),
            }
            for key, label in MEASURES
        ],
        "tone": _tone(tone, sentences, article["id"]),
        "actors": [
            {
                "name": actor["name"],
                "mentions": actor["mentions"],
                "labels": _labels(actor["labels"], sentences, article["id"]),
                "evaluative": _evidence(sentences, actor["evaluative"], article["id"]),
                "tone": _tone(actor["tone"], sentences, article["id"]),
            }
            for actor in framing["actors"]
        ],
    }


def _noted(key: str, items: list[Json]) -> list[Json]:
    """Evidence spans with what the sentence alone does not show: who spoke, who is told."""
    if key == "quotes":
        return [
            q
            | {"note": f"— {q['speaker'] or 'unattributed'}{', ' + q['verb'] if q['verb'] else ''}"}
            for q in items
        ]
    if key == "prescriptions":
        return [p | {"note": f"→ {p['addressee']}" if p["addressee"] else ""} for p in items]
    return items


def _tone(tone: Json, sentences: Json, article_id: str) -> Json:
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
        "evidence": _evidence(sentences, spans, article_id),
    }


def _labels(labels: list[Json], sentences: Json, article_id: str) -> list[Json]:
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
            "evidence": _evidence(sentences, group, article_id),
        }
        for group in ordered
    ]


LABEL_ROWS = 3
"""Actors whose labels a topic section shows: the topic's own actor first, then the most
mentioned; the label table and the JSON have the rest."""


def _label_rows(profiles: list[Json], topic: str) -> list[Json]:
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


def _label_table(articles: list[Json], indexes: Json) -> Json:
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
        "mention_evidence": _evidence(sentences, actor["mentions_evidence"], article_id),
        "labels": _labels(actor["labels"], sentences, article_id),
        "evaluative_count": len(actor["evaluative"]),
        "evaluative": _evidence(sentences, actor["evaluative"], article_id),
        "tone": _tone(actor["tone"], sentences, article_id),
    }


def _sentence_index(article: Json) -> Json:
    """Sentence id -> (position, text); the headline and dek, measured too, come first."""
    top = {"title": (-2, article["title"]), "dek": (-1, article["dek"])}
    return top | {s["id"]: (i, s["text"]) for i, s in enumerate(article["sentences"])}


def _evidence(sentences: Json, spans: list[Json], article_id: str) -> list[Json]:
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
            "segments": _segments(sentences[sid][1], marks[sid]),
            "note": " ".join(notes.get(sid, [])),
        }
        for sid in ordered
    ]


def _segments(text: str, marks: list[tuple[int, int]]) -> list[Json]:
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
    return f"{scores['sentence_span_recall']:.2f} / {scores['sentence_precision_proxy']:.2f}"


CLAIMS_SHOWN = 12
"""Shared claims shown per topic and kind group (strongest first); the JSON keeps them all.
"Related" pairs (the same fact or actors, 61% within one story on AllSides) come apart from
verbatim and paraphrase ones (82-98%), folded in the HTML."""
KIND_ORDER = {"verbatim": 0, "paraphrase": 1, "related": 2}


def _claims(briefing: Json, articles: list[Json]) -> list[Json]:
    """Shared claims grouped under the first shared topic (in report order) they concern,
    then "Other claims"; each topic's omissions beside them."""
    order = [t["name"] for t in briefing["topics"] if t["shared"]]
    by_id = {a["id"]: a for a in articles}
    groups: dict[str, list[Json]] = {name: [] for name in [*order, ""]}
    for alignment in briefing["alignments"]:
        topic = next((name for name in order if name in alignment["topics"]), "")
        groups[topic].append(alignment)
    omissions: dict[str, list[Json]] = {}
    for omission in briefing["omissions"]:
        omissions.setdefault(omission["topic"], []).append(omission)
    sections = []
    for topic, found in groups.items():
        ranked = sorted(found, key=lambda a: (KIND_ORDER[a["kind"]], -a["similarity"]))
        if not ranked and not omissions.get(topic):
            continue
        strong = [a for a in ranked if a["kind"] != "related"]
        related = [a for a in ranked if a["kind"] == "related"]
        sections.append(
            {
                "topic": topic or "Other claims",
                "anchor": "claims-" + (anchor(topic) if topic else "other"),
                "count": len(ranked),
                "alignments": [_alignment(a, by_id) for a in strong[:CLAIMS_SHOWN]],
                "related": [_alignment(a, by_id) for a in related[:CLAIMS_SHOWN]],
                "more": max(0, len(strong) - CLAIMS_SHOWN) + max(0, len(related) - CLAIMS_SHOWN),
                "omissions": [
                    {
                        "label": o["outlet"],
                        "claim": o["claim"]["text"],
                        "claim_label": o["claim"]["outlet"],
                        "carried_by": o["carried_by"],
                    }
                    for o in omissions.get(topic, [])
                ],
            }
        )
    return sections


def _alignment(alignment: Json, articles: Json) -> Json:
    """One shared claim: each member's sentence cut into runs, the words that differ from
    the first member marked (the first member's marks are against the second)."""
    members = alignment["members"]
    first_diff = alignment["diffs"][0]
    shown = [
        _member(members[0], [(seg["a"], seg) for seg in first_diff], articles),
        *(
            _member(member, [(seg["b"], seg) for seg in diff], articles)
            for member, diff in zip(members[1:], alignment["diffs"], strict=True)
        ),
    ]
    return {
        "kind": alignment["kind"],
        "similarity": alignment["similarity"],
        "topics": alignment["topics"],
        "members": shown,
    }


def _member(member: Json, runs: list[tuple[str, Json]], articles: Json) -> Json:
    return {
        "label": member["outlet"],
        "article_id": member["article_id"],
        "sentence_id": member["sentence_id"],
        "title": articles[member["article_id"]]["title"],
        "segments": [
            {"text": text, "mark": seg["op"] != "equal", "framing": seg["framing"]}
            for text, seg in runs
            if text
        ],
    }


def _exclusives(exclusives: list[Json], articles: list[Json]) -> list[Json]:
    """Per outlet, in article order, the specific claims no other outlet carries."""
    by_outlet: dict[str, list[Json]] = {}
    for item in exclusives:
        by_outlet.setdefault(item["outlet"], []).append(
            {"text": item["claim"]["text"], "topics": item["topics"]}
        )
    labels = list(dict.fromkeys(a["label"] for a in articles))
    return [{"label": label, "claims": by_outlet[label]} for label in labels if label in by_outlet]


def _findings(findings: list[Json], articles: list[Json], indexes: Json) -> list[Json]:
    """Each key finding with the sentences it cites, by outlet label, in the order cited."""
    by_id = {a["id"]: a for a in articles}
    return [
        {
            "kind": finding["kind"],
            "text": finding["text"],
            "evidence": [
                {
                    "label": by_id[e["article_id"]]["label"],
                    "sentence_id": e["sentence_id"],
                    "text": indexes[e["article_id"]][e["sentence_id"]][1],
                }
                for e in finding["evidence"]
            ],
        }
        for finding in findings
    ]
