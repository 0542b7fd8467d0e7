"""Turn a Briefing JSON into the template context: plain JSON data, arranged for display.

Templates only read this context (documented in docs/briefing.md); they never compute.
It is built from the JSON, not from the dataclasses, so `framing render briefing.json`
gives the same report as `framing brief`. The profile, topic and claim sections are built in
the `context_*` modules beside this one (the method's accuracy rows in `context_validity`,
the story index and sections of a many-story corpus in `context_stories`); this one joins them.
"""

from __future__ import annotations

from framing.report.charts import profile_charts
from framing.report.context_claims import (
    exclusive_claims,
    key_findings,
    lead_claims,
    shared_claims,
)
from framing.report.context_profiles import Json, framing_profile, label_table, sentence_index
from framing.report.context_sources import who_is_quoted
from framing.report.context_stories import corpus_context, stories_context
from framing.report.context_topics import coverage_matrix, topic_section
from framing.report.context_validity import validity

CONTEXT_VERSION = "1.3"
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
    stories = stories_context(briefing)
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
        "lead_claims": lead_claims(briefing, articles),
        "exclusives": exclusive_claims(briefing["exclusives"], shown),
        "who_is_quoted": who_is_quoted(articles),
        "stories": stories,
        "corpus": corpus_context(briefing, stories["columns"]),
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
