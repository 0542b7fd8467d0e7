"""The "who is quoted" finding: an outlet whose attributions lean on one kind of speaker, or
one side, far more than the other outlets' do.

Who speaks is framing (officials set the terms, ordinary people give the human cost, experts
lend authority), so a gap is written only when it is large and rests on enough quotes: the
outlet gives the role (or side) at least `MIN_SHARE` of its attributions, at least
`MIN_QUOTES` of them, and at least `ROLE_RATIO` times the highest share among the others,
each of which has `MIN_ATTRIBUTIONS` attributions or more.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.models import Article, Briefing, Evidence, Finding, Quote

MIN_ATTRIBUTIONS = 5  # attributed quotes an outlet needs to be compared at all
MIN_QUOTES = 4  # quotes of the role the leaning outlet needs
MIN_SHARE = 0.4  # share of its attributions
ROLE_RATIO = 1.5  # …and this many times the largest share among the others
MAX_EVIDENCE = 6
ROLE_NAMES = {
    "official": "officials",
    "expert": "experts",
    "ordinary": "ordinary people",
    "anonymous": "unnamed sources",
    "organisation": "organisations",
}
"""The roles a finding may name ("other" says nothing about who speaks), as written."""

_Outlet = tuple[str, list[Article], list[Quote]]
_Lean = tuple[float, str, str, _Outlet]  # ratio, "role" | "side", value, outlet


def who_is_quoted(briefing: Briefing) -> Finding | None:
    """The outlet whose attributions lean most on one role or side, when that stands out."""
    outlets = _outlets(briefing)
    if len(outlets) < 2:
        return None
    leans = [
        lean
        for field, values in (("role", ROLE_NAMES), ("side", _sides(outlets)))
        for value in values
        if (lean := _lean(outlets, field, value)) is not None
    ]
    if not leans:
        return None
    _, field, value, top = max(leans, key=lambda lean: (lean[0], lean[1], lean[2]))
    return _write(outlets, field, value, top)


def _outlets(briefing: Briefing) -> list[_Outlet]:
    """Each outlet (by article label) with its articles and attributed quotes, those with
    enough attributions to compare."""
    grouped: dict[str, list[Article]] = {}
    for article in briefing.articles:
        grouped.setdefault(article.label, []).append(article)
    outlets = [
        (label, articles, [q for a in articles for q in a.framing.quotes if q.role])
        for label, articles in grouped.items()
    ]
    return [o for o in outlets if len(o[2]) >= MIN_ATTRIBUTIONS]


def _sides(outlets: Sequence[_Outlet]) -> list[str]:
    return sorted({q.side for _, _, quotes in outlets for q in quotes if q.side})


def _count(quotes: Sequence[Quote], field: str, value: str) -> int:
    return sum(getattr(q, field) == value for q in quotes)


def _lean(outlets: Sequence[_Outlet], field: str, value: str) -> _Lean | None:
    """How far the outlet with the largest share of `value` stands above the rest."""
    shares = [(_count(o[2], field, value) / len(o[2]), o) for o in outlets]
    ranked = sorted(shares, key=lambda pair: -pair[0])
    (top_share, top), rest = ranked[0], ranked[1:]
    highest_other = max(share for share, _ in rest)
    if _count(top[2], field, value) < MIN_QUOTES or top_share < MIN_SHARE:
        return None
    if top_share < ROLE_RATIO * highest_other:
        return None
    return top_share / max(highest_other, 0.01), field, value, top


def _write(outlets: Sequence[_Outlet], field: str, value: str, top: _Outlet) -> Finding:
    """'Fox News quotes officials in 9 of 12 attributions; the others 2 of 10 and 4 of 10.'"""
    label, articles, quotes = top
    others = [o for o in outlets if o[0] != label]
    what = ROLE_NAMES[value] if field == "role" else f"speakers for {value}"
    parts = [f"{_count(q, field, value)} of {len(q)} ({name})" for name, _, q in others]
    text = (
        f"{label} quotes {what} in {_count(quotes, field, value)} of its {len(quotes)} "
        f"attributions; the other outlets in {_join(parts)}."
    )
    evidence = tuple(
        dict.fromkeys(
            Evidence(a.id, q.sentence_id)
            for a in articles
            for q in a.framing.quotes
            if q.role and getattr(q, field) == value
        )
    )
    return Finding("who_is_quoted", text, evidence[:MAX_EVIDENCE])


def _join(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
