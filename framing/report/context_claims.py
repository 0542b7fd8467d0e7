"""What the outlets say, for the report context: key findings, shared and exclusive claims."""

from __future__ import annotations

from framing.report.context_profiles import Json
from framing.report.context_topics import anchor

CLAIMS_SHOWN = 12
"""Shared claims shown per topic and kind group (strongest first); the JSON keeps them all.
"Related" pairs (the same fact or actors, 61% within one story on AllSides) come apart from
verbatim and paraphrase ones (82-98%), folded in the HTML."""
KIND_ORDER = {"verbatim": 0, "paraphrase": 1, "related": 2}
LEAD_SHOWN = 5
"""Lead facts shown first: the claims most outlets carry."""
RELATIONS = {
    "agree": "The outlets agree.",
    "adds_detail": "They agree; some give detail the others do not.",
    "contradict": "The outlets contradict each other.",
}
"""How the wordings of a shared claim differ, as the report says it."""


def shared_claims(briefing: Json, articles: list[Json]) -> list[Json]:
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
        ranked = sorted(
            found, key=lambda a: (KIND_ORDER[a["kind"]], -len(a["members"]), -a["similarity"])
        )
        if not ranked and not omissions.get(topic):
            continue
        strong = [a for a in ranked if a["kind"] != "related"]
        related = [a for a in ranked if a["kind"] == "related"]
        sections.append(
            {
                "topic": topic or "Other claims",
                "anchor": "claims-" + (anchor(topic) if topic else "other"),
                "count": len(ranked),
                "alignments": [claim_row(a, by_id) for a in strong[:CLAIMS_SHOWN]],
                "related": [claim_row(a, by_id) for a in related[:CLAIMS_SHOWN]],
                "more": max(0, len(strong) - CLAIMS_SHOWN) + max(0, len(related) - CLAIMS_SHOWN),
                "omissions": [omission_row(o) for o in omissions.get(topic, [])],
            }
        )
    return sections


def lead_claims(briefing: Json, articles: list[Json]) -> list[Json]:
    """The story's lead facts: the first verbatim or paraphrase claims of the briefing's
    list, which puts the claims most outlets carry first, each with who left it out."""
    by_id = {a["id"]: a for a in articles}
    strong = [a for a in briefing["alignments"] if a["kind"] != "related"]
    return [claim_row(a, by_id) for a in strong[:LEAD_SHOWN]]


def omission_row(omission: Json) -> Json:
    """One omission as the report lists it: who leaves out whose claim, who carries it."""
    return {
        "label": omission["outlet"],
        "claim": omission["claim"]["text"],
        "claim_label": omission["claim"]["outlet"],
        "carried_by": omission["carried_by"],
    }


def claim_row(alignment: Json, articles: Json) -> Json:
    """One shared claim: each member's claim cut into runs, the words that differ from the
    first member marked (the first member's marks are against the second), how the wordings
    differ, and, for three or more outlets, the variant table."""
    members = alignment["members"]
    first_diff = alignment["diffs"][0]
    shown = [
        _member(members[0], [(seg["a"], seg) for seg in first_diff], articles),
        *(
            _member(member, [(seg["b"], seg) for seg in diff], articles)
            for member, diff in zip(members[1:], alignment["diffs"], strict=True)
        ),
    ]
    labels = [m["outlet"] for m in members]
    return {
        "kind": alignment["kind"],
        "similarity": alignment["similarity"],
        "topics": alignment["topics"],
        "members": shown,
        "outlets": labels,
        "left_out": alignment["left_out"],
        "relation": alignment["relation"],
        "relation_text": RELATIONS[alignment["relation"]],
        "differences": [_difference(d, labels) for d in alignment["differences"]],
        "variants": [{"same": v["same"], "readings": v["readings"]} for v in alignment["variants"]],
    }


def _difference(difference: Json, labels: list[str]) -> Json:
    """One difference as a line: who says what, and against what when it conflicts."""
    label = labels[difference["member"]]
    words = " … ".join(difference["words"])
    against = " … ".join(difference["against"])
    if against:
        text = f"{label}: “{words}”, where the others say “{against}”"
    else:
        text = f"{label} adds “{words}”"
    return {"kind": difference["kind"], "label": label, "text": text}


def _member(member: Json, runs: list[tuple[str, Json]], articles: Json) -> Json:
    """One member of a shared claim: where it comes from, and its claim as marked runs, with
    the rest of its sentence (when the claim is one clause of it) before and after."""
    text, start, end = member["text"], member["claim_start"], member["claim_end"]
    return {
        "label": member["outlet"],
        "article_id": member["article_id"],
        "sentence_id": member["sentence_id"],
        "title": articles[member["article_id"]]["title"],
        "before": text[:start],
        "segments": [
            {"text": run, "mark": seg["op"] != "equal", "framing": seg["framing"]}
            for run, seg in runs
            if run
        ],
        "after": text[end:],
    }


def exclusive_claims(exclusives: list[Json], articles: list[Json]) -> list[Json]:
    """Per outlet, in article order, the specific claims no other outlet carries."""
    by_outlet: dict[str, list[Json]] = {}
    for item in exclusives:
        by_outlet.setdefault(item["outlet"], []).append(
            {"text": item["claim"]["text"], "topics": item["topics"]}
        )
    labels = list(dict.fromkeys(a["label"] for a in articles))
    return [{"label": label, "claims": by_outlet[label]} for label in labels if label in by_outlet]


def key_findings(findings: list[Json], articles: list[Json], indexes: Json) -> list[Json]:
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
