"""Score the speaker roles and sides against hand-labelled BASIL attributions.

`tests/data/roles/*.jsonl` holds attributed quotes drawn at random (seeded) from the quotes
the reader finds in BASIL development articles: `tuning.jsonl` from the even-numbered events
(the half the `[roles]` words were tuned on), `held_apart.jsonl` from the odd-numbered ones
(read only to measure). Each line names the sentence, its true speaker, and the speaker's
`role` and `side` as a reader of the article would give them:
- official: holds or seeks office in government or a party, police, military; speaks for
  them (spokespeople, a government report); side: the party the article ties them to, else
  the state they serve ("United States" for the White House or the FBI);
- expert (academics, analysts, think tanks), ordinary (people for themselves), anonymous
  (unnamed sources), organisation (a group, company, outlet or document, or a named person
  speaking for a non-government group), other (a named person with no such role).

A label counts when a quote of its sentence names the same speaker (as `attribution.py`
matches them); role and side accuracy are over those. Usage:

    python benchmarks/roles.py [--eval ../shared/eval/basil_dev] [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from attribution import ROOT, labelled_quotes, same_speaker, sentence_quotes

from framing.analyse.sourcing import Sourcing
from framing.lexicon import load_lexicons

LABELS = ROOT / "tests" / "data" / "roles"
HALVES = (("tuning", "tuning.jsonl"), ("held apart", "held_apart.jsonl"))


def score(records: list[dict[str, Any]], eval_dir: Path, sourcing: Sourcing, show: bool) -> str:
    """'found a/b; role right c/a; side right d/a' for one half."""
    found = role_right = side_right = 0
    for record, article, quotes in labelled_quotes(records, eval_dir, sourcing):
        hit = next(
            (q for q in sentence_quotes(record, article, quotes) if same_speaker(record, q)), None
        )
        if hit is None:
            continue
        found += 1
        role_right += hit.role == record["role"]
        side_right += hit.side == record["side"]
        if show and (hit.role, hit.side) != (record["role"], record["side"]):
            print(
                f"  {record['speaker']!r}: {hit.role}/{hit.side or '-'}, labelled "
                f"{record['role']}/{record['side'] or '-'}"
            )
    return (
        f"speaker found {found}/{len(records)}; role right {_ratio(role_right, found)}; "
        f"side right {_ratio(side_right, found)}"
    )


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "basil_dev")
    parser.add_argument("--show", action="store_true", help="list the wrong roles and sides")
    args = parser.parse_args()
    lexicons = load_lexicons()
    sourcing = Sourcing(lexicons["sourcing"], lexicons["actors"])
    for name, filename in HALVES:
        lines = (LABELS / filename).read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        print(f"{name}: {len(records)} labelled attributions")
        print("  " + score(records, args.eval, sourcing, args.show))


if __name__ == "__main__":
    main()
