"""Who is quoted, outlet by outlet: the report's table of speaker roles and sides.

Built from each quote's `role` and `side` in the Briefing JSON (docs/briefing.md); quotes
with no speaker (`role` "") are counted apart, as unattributed.
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

ROLES = (
    ("official", "Officials"),
    ("expert", "Experts"),
    ("ordinary", "Ordinary people"),
    ("anonymous", "Anonymous"),
    ("organisation", "Organisations"),
    ("other", "Other named"),
)
"""The speaker roles in table order, with their column names."""


def who_is_quoted(articles: list[Json]) -> Json:
    """Outlet x role: how many attributions each outlet gives each kind of speaker, the
    share that is anonymous, and the sides its speakers speak for."""
    outlets: dict[str, list[Json]] = {}
    for article in articles:
        outlets.setdefault(article["label"], []).extend(article["framing"]["quotes"])
    return {
        "roles": [{"key": key, "label": label} for key, label in ROLES],
        "rows": [_row(label, quotes) for label, quotes in outlets.items()],
    }


def _row(outlet: str, quotes: list[Json]) -> Json:
    attributed = [q for q in quotes if q.get("role")]
    counts = {key: sum(q["role"] == key for q in attributed) for key, _ in ROLES}
    sides: dict[str, int] = {}
    for quote in attributed:
        if quote.get("side"):
            sides[quote["side"]] = sides.get(quote["side"], 0) + 1
    share = counts["anonymous"] / len(attributed) if attributed else 0.0
    return {
        "outlet": outlet,
        "attributed": len(attributed),
        "unattributed": len(quotes) - len(attributed),
        "counts": [counts[key] for key, _ in ROLES],
        "anonymous_share": round(share, 3),
        "anonymous_percent": f"{round(100 * share)}%" if attributed else "—",
        "sides": [
            {"side": side, "count": n}
            for side, n in sorted(sides.items(), key=lambda item: (-item[1], item[0]))
        ],
    }
