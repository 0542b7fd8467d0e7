"""The stories of the report context: the story index (story x outlet), its blindspots, a
section per story two or more outlets covered, and the corpus-wide outlet profiles.

A corpus of many stories must never set articles of different stories side by side, so a
multi-story report compares within these sections and profiles outlets over the whole
corpus; every list is capped for reading, says how much it leaves out, and the JSON keeps
all of it (docs/templates.md, `stories` and `corpus`).
"""

from __future__ import annotations

import re

from framing.report.context_claims import claim_row, omission_row
from framing.report.context_profiles import Json

STORY_ROWS = 40
"""Stories the index lists, in briefing order (most outlets first)."""
OUTLET_COLUMNS = 12
"""Outlets given a column in the index and the corpus profiles: those covering most stories;
the others are counted together."""
BLINDSPOTS = 10
"""Blindspot stories listed: those at least half of the column outlets covered, not all."""
STORY_SECTIONS = 10
"""Stories given a section of their own: the first that two or more outlets covered."""
STORY_ARTICLES = 12
"""Articles a story section sets side by side (in report order)."""
STORY_CLAIMS = 3
"""Shared claims a story section shows: its lead claims, those most outlets carry."""
STORY_OMISSIONS = 5
"""Omissions a story section lists."""
STORY_EXCLUSIVES = 3
"""Claims only one outlet carries that a story section lists."""


def story_anchor(story_id: str) -> str:
    """A stable HTML id for a story: `story-001` stays itself."""
    slug = re.sub(r"[^a-z0-9]+", "-", story_id.lower()).strip("-") or "x"
    return slug if slug.startswith("story-") else "story-" + slug


def stories_context(briefing: Json) -> Json:
    """The `stories` key: the index, blindspots and story sections; empty lists for a
    briefing of one story (or none), whose report compares its articles directly."""
    stories = briefing.get("stories", [])
    multi = len(stories) > 1
    by_id = {a["id"]: a for a in briefing["articles"]}
    columns = _column_outlets(stories) if multi else []
    covered = [s for s in stories if len(s["outlets"]) >= 2]
    with_section = covered[:STORY_SECTIONS] if multi else []
    anchors = {s["id"]: story_anchor(s["id"]) for s in with_section}
    blind = _blindspots(stories, columns, anchors) if multi else []
    return {
        "count": len(stories),
        "multi": multi,
        "columns": [{"label": label, "stories": n} for label, n in columns],
        "other_outlets": max(0, len({o for s in stories for o in s["outlets"]}) - len(columns)),
        "rows": [_index_row(s, columns, anchors, by_id) for s in stories[:STORY_ROWS]]
        if multi
        else [],
        "covered_count": len(covered),
        "single_outlet": sum(len(s["outlets"]) == 1 for s in stories),
        "blindspots": blind[:BLINDSPOTS],
        "blindspot_count": len(blind),
        "blindspot_threshold": (len(columns) + 1) // 2,
        "sections": _sections(briefing, with_section, anchors, by_id),
    }


def _column_outlets(stories: list[Json]) -> list[tuple[str, int]]:
    """The outlets covering most stories, ties by name, with their story counts."""
    counts: dict[str, int] = {}
    for story in stories:
        for label in story["outlets"]:
            counts[label] = counts.get(label, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return ranked[:OUTLET_COLUMNS]


def _index_row(
    story: Json, columns: list[tuple[str, int]], anchors: dict[str, str], by_id: Json
) -> Json:
    """One story of the index: its articles per column outlet, and the other outlets."""
    per_outlet: dict[str, int] = {}
    for article_id in story["article_ids"]:
        label = by_id[article_id]["label"]
        per_outlet[label] = per_outlet.get(label, 0) + 1
    shown = {label for label, _ in columns}
    return {
        "id": story["id"],
        "anchor": anchors.get(story["id"], ""),
        "title": story["title"],
        "dates": _dates(story),
        "outlet_count": len(story["outlets"]),
        "article_count": len(story["article_ids"]),
        "cells": [{"label": label, "articles": per_outlet.get(label, 0)} for label, _ in columns],
        "other": sum(label not in shown for label in story["outlets"]),
    }


def _dates(story: Json) -> Json:
    """The story's first and last date, `""` when unknown (one date: first == last)."""
    dates = story["dates"]
    return {"first": dates[0], "last": dates[-1]} if dates else {"first": "", "last": ""}


def _blindspots(
    stories: list[Json], columns: list[tuple[str, int]], anchors: dict[str, str]
) -> list[Json]:
    """Stories at least half of the column outlets covered but some did not, in briefing
    order, naming the column outlets that did not."""
    labels = [label for label, _ in columns]
    need = (len(labels) + 1) // 2
    found = []
    for story in stories:
        carried = set(story["outlets"])
        missing = [label for label in labels if label not in carried]
        if missing and len(labels) - len(missing) >= max(need, 1):
            found.append(
                {
                    "id": story["id"],
                    "anchor": anchors.get(story["id"], ""),
                    "title": story["title"],
                    "covered": [label for label in labels if label in carried],
                    "missing": missing,
                }
            )
    return found


def _sections(
    briefing: Json, stories: list[Json], anchors: dict[str, str], by_id: Json
) -> list[Json]:
    """The story sections, each with its own claims, omissions and exclusives only."""
    wanted = {s["id"] for s in stories}
    grouped: dict[str, dict[str, list[Json]]] = {sid: {} for sid in wanted}
    for key in ("alignments", "omissions", "exclusives"):
        for item in briefing[key]:
            if item.get("story") in wanted:
                grouped[item["story"]].setdefault(key, []).append(item)
    return [_section(s, anchors[s["id"]], grouped[s["id"]], by_id) for s in stories]


def _section(story: Json, anchor: str, found: dict[str, list[Json]], by_id: Json) -> Json:
    """One story: its articles side by side, lead claims, omissions and exclusives."""
    articles = [by_id[i] for i in story["article_ids"]]
    alignments = found.get("alignments", [])
    strong = [a for a in alignments if a["kind"] != "related"]
    omissions = found.get("omissions", [])
    exclusives = found.get("exclusives", [])
    return {
        "id": story["id"],
        "anchor": anchor,
        "title": story["title"],
        "dates": _dates(story),
        "topics": story["topics"],
        "outlets": story["outlets"],
        "articles": [_article_row(a) for a in _spread(articles)],
        "article_count": len(articles),
        "claims": [claim_row(a, by_id) for a in strong[:STORY_CLAIMS]],
        "claim_count": len(alignments),
        "more_claims": len(alignments) - min(len(strong), STORY_CLAIMS),
        "omissions": [omission_row(o) for o in omissions[:STORY_OMISSIONS]],
        "omission_count": len(omissions),
        "exclusives": [
            {"label": e["outlet"], "text": e["claim"]["text"], "topics": e["topics"]}
            for e in exclusives[:STORY_EXCLUSIVES]
        ],
        "exclusive_count": len(exclusives),
    }


def _spread(articles: list[Json]) -> list[Json]:
    """Up to STORY_ARTICLES of a story's articles, in report order: each outlet's first
    article before any outlet's second, so a capped story still shows every outlet it can."""
    seen: dict[str, int] = {}
    rank = []
    for position, article in enumerate(articles):
        seen[article["label"]] = seen.get(article["label"], 0) + 1
        rank.append((seen[article["label"]], position))
    keep = sorted(p for _, p in sorted(rank)[:STORY_ARTICLES])
    return [articles[p] for p in keep]


def _article_row(article: Json) -> Json:
    """One article of a story, compact: what it is and how it frames, read from the JSON."""
    framing = article["framing"]
    labels = {f["key"]: f["label"] for f in framing["frames"]}
    tone = framing["tone"]
    return {
        "article_id": article["id"],
        "label": article["label"],
        "title": article["title"],
        "date": article["date"],
        "genre": framing["genre"]["label"],
        "dominant_frames": [labels[key] for key in framing["dominant_frames"] if key in labels],
        "quotes": len(framing["quotes"]),
        "loaded": len(framing["loaded"]),
        "words": framing["words"],
        "tone": {k: tone[k] for k in ("mean", "n", "negative", "neutral", "positive")},
    }


def corpus_context(briefing: Json, columns: list[Json]) -> Json:
    """The `corpus` key: outlet x topic (share of each outlet's articles mentioning each
    topic) and outlet x frame (share where the frame is present), for the index's column
    outlets; the other outlets are counted."""
    articles = briefing["articles"]
    labels = [c["label"] for c in columns]
    own: dict[str, list[Json]] = {label: [] for label in labels}
    for article in articles:
        if article["label"] in own:
            own[article["label"]].append(article)
    outlets = list(dict.fromkeys(a["label"] for a in articles))
    return {
        "columns": [{"label": label, "articles": len(own[label])} for label in labels],
        "other_outlets": len(outlets) - len(labels),
        "topics": _topic_rows(briefing["topics"], own),
        "frames": _frame_rows(articles, own),
    }


def _topic_rows(topics: list[Json], own: dict[str, list[Json]]) -> list[Json]:
    """Per topic anyone mentions: per column outlet, its articles mentioning it."""
    rows = []
    for topic in (t for t in topics if t["articles"]):
        mentioning = {c["article_id"] for c in topic["articles"]}
        cells = [
            _share(sum(a["id"] in mentioning for a in mine), len(mine)) for mine in own.values()
        ]
        rows.append({"label": topic["name"], "shared": topic["shared"], "cells": cells})
    return rows


def _frame_rows(articles: list[Json], own: dict[str, list[Json]]) -> list[Json]:
    """Per frame (codebook order): per column outlet, its articles where it is present."""
    if not articles:
        return []
    frames = [(f["key"], f["label"]) for f in articles[0]["framing"]["frames"]]
    present = {
        a["id"]: {f["key"] for f in a["framing"]["frames"] if f["present"]} for a in articles
    }
    return [
        {
            "key": key,
            "label": label,
            "cells": [
                _share(sum(key in present[a["id"]] for a in mine), len(mine))
                for mine in own.values()
            ],
        }
        for key, label in frames
    ]


def _share(count: int, of: int) -> Json:
    """A cell of a corpus profile: `count` of `of` articles, and the share."""
    return {"count": count, "of": of, "share": round(count / of, 4) if of else 0.0}
