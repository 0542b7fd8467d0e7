"""The aligner's claims on BASIL events, written out for reading, and the reading scored.

Precision of shared claims is what a reader says of them. `--write` briefs each event of one
half on its own (as a user briefs one story; `tuning`: the sorted events at even places,
`held_out`: the odd ones) and writes every shared claim with its members, for a reader to
label (`right = true/false`: is it the same claim, or for "related" the same fact or actors?),
and per event the claims most outlets carry, for the reader to say whether the story's lead
fact is among them as a claim of every outlet that reports it (`lead_found`); with `--labels
EARLIER` the claims read before keep their labels. `--score` tallies a labelled file. Usage:

    cd benchmarks
    python claim_reading.py --write held_out --out data/claim_reading_held_out.toml
    python claim_reading.py --score data/claim_reading_held_out.toml
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from claim_sample import events, marked

from framing.analyse.topics import default_topics
from framing.pipeline import build_briefing
from framing.shared_claims import Alignment, Member

OUTLETS = ("fox", "nyt", "hpo")


def _shown(member: Member, outlet: str) -> str:
    return f"[{outlet}] {marked(member.text, member.claim_start, member.claim_end)}"


def _claim_lines(
    event: str, n: int, alignment: Alignment, outlet_of: dict[str, str], known: dict[Any, Any]
) -> list[str]:
    members = [_shown(m, outlet_of[m.article_id]) for m in alignment.members]
    read = known.get((event, alignment.kind, tuple(members)), {})
    right = json.dumps(read["right"]) if "right" in read else '""  # true or false'
    return [
        "[[claim]]",
        f'id = "{event}-{n}"',
        f'event = "{event}"',
        f'kind = "{alignment.kind}"',
        f'relation = "{alignment.relation}"',
        "members = [",
        *(f"  {json.dumps(m, ensure_ascii=False)}," for m in members),
        "]",
        f"right = {right}",
        *([f"note = {json.dumps(read['note'], ensure_ascii=False)}"] if "note" in read else []),
        "",
    ]


def _known(path: Path | None) -> dict[tuple[str, str, tuple[str, ...]], Any]:
    """Labels of an earlier reading, by event, kind and members: a claim read before is not
    read again (a claim whose kind changed is, since the kinds are judged differently)."""
    if path is None:
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {(c["event"], c["kind"], tuple(c["members"])): c for c in data["claim"]}


def _leads(path: Path | None) -> dict[str, str]:
    """The lead facts an earlier reading wrote (whether a claim carries one is read again)."""
    if path is None:
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {e["event"]: e["lead"] for e in data["event"]}


def write(half: str, out: Path, earlier: Path | None = None) -> None:
    lines = [
        "# Shared claims of BASIL events, each event briefed on its own, for reading.",
        '# Per claim: right = true when the members report the same claim (for kind = "related":',
        "# the same fact or actors), false otherwise. Per event: lead = the story's lead fact in",
        "# your words (read the three articles' openings), lead_found = true when a claim below",
        "# carries it with every outlet that reports it. Drawn by benchmarks/claim_reading.py.",
        "",
    ]
    known = _known(earlier)
    leads = _leads(earlier)
    for folder in events(half):
        briefing = build_briefing([folder / f"{o}.txt" for o in OUTLETS], default_topics())
        outlet_of = {a.id: Path(a.source_path).stem for a in briefing.articles}
        lead = json.dumps(leads.get(folder.name, ""), ensure_ascii=False)
        lines += ["[[event]]", f'event = "{folder.name}"', f"lead = {lead}", 'lead_found = ""', ""]
        for n, alignment in enumerate(briefing.alignments):
            lines += _claim_lines(folder.name, n, alignment, outlet_of, known)
    out.write_text("\n".join(lines), encoding="utf-8")


def score(path: Path) -> dict[str, Any]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    claims = data.get("claim", [])
    by_kind: dict[str, Counter[str]] = {}
    for claim in claims:
        by_kind.setdefault(claim["kind"], Counter())[
            "right" if claim["right"] is True else "wrong"
        ] += 1
    read = sum(sum(c.values()) for c in by_kind.values())
    right = sum(c["right"] for c in by_kind.values())
    three = sum(len(c["members"]) == 3 for c in claims)
    leads = [e for e in data.get("event", []) if isinstance(e["lead_found"], bool)]
    return {
        "claims_read": read,
        "right": right,
        "precision": round(right / max(1, read), 3),
        "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "claims_of_all_three_outlets": three,
        "events": len(data.get("event", [])),
        "lead_found": sum(e["lead_found"] for e in leads),
        "lead_read": len(leads),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", choices=("tuning", "held_out"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--labels", type=Path, help="an earlier read file to take labels from")
    parser.add_argument("--score", type=Path)
    args = parser.parse_args()
    if args.write:
        write(args.write, args.out, args.labels)
    if args.score:
        print(json.dumps(score(args.score), indent=2))


if __name__ == "__main__":
    main()
