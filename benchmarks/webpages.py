"""Saved web pages: must-keep strings kept and must-drop strings dropped, ours against trafilatura.

For every page listed in tests/data/html/expectations.toml, "ours" is the body `framing` analyses
(the page read by `load_corpus`, then `clean`) and "trafilatura" is `trafilatura.extract(html)`
with its defaults. Prints one line per page and the totals per split (tuning / held-apart) as
JSON. A page that holds an article and is skipped counts as keeping nothing. Usage:

    python benchmarks/webpages.py
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import trafilatura

from framing.ingest.clean import body_text, clean
from framing.ingest.corpus import load_corpus

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
SPLITS = ("tuning", "held-apart")


def comparable(text: str) -> str:
    """Straight quotes and single spaces, so that a string matches however the page typed it."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def our_body(path: Path) -> str | None:
    """The body `framing` analyses, or None when the page is skipped."""
    corpus = load_corpus([path])
    if not corpus.sources:
        return None
    return body_text(clean(corpus.sources[0]))


def trafilatura_body(path: Path) -> str | None:
    return trafilatura.extract(path.read_text(encoding="utf-8"))


def score(body: str | None, page: dict[str, Any]) -> dict[str, Any]:
    """Must-keep strings kept and must-drop strings dropped by one reader, and which failed."""
    text = comparable(body or "")
    lost = [s for s in page["keep"] if comparable(s) not in text]
    leaked = [s for s in page["drop"] if body is not None and comparable(s) in text]
    return {
        "skipped": body is None,
        "kept": len(page["keep"]) - len(lost),
        "dropped": len(page["drop"]) - len(leaked),
        "lost": lost,
        "leaked": leaked,
    }


def measure(page: dict[str, Any]) -> dict[str, Any]:
    path = PAGES / page["file"]
    row: dict[str, Any] = {key: page[key] for key in ("file", "origin", "split")}
    row["article"] = page.get("article", True)
    row["keep"], row["drop"] = len(page["keep"]), len(page["drop"])
    row["ours"] = score(our_body(path), page)
    row["trafilatura"] = score(trafilatura_body(path), page)
    return row


def totals(rows: list[dict[str, Any]], split: str) -> dict[str, Any]:
    """Sums per reader over the pages of one split; `wrongly_skipped` counts article pages."""
    chosen = [row for row in rows if row["split"] == split]
    out: dict[str, Any] = {"pages": len(chosen)}
    out["keep"] = sum(row["keep"] for row in chosen)
    out["drop"] = sum(row["drop"] for row in chosen)
    for reader in ("ours", "trafilatura"):
        out[reader] = {
            "kept": sum(row[reader]["kept"] for row in chosen),
            "dropped": sum(row[reader]["dropped"] for row in chosen),
            "wrongly_skipped": sum(row["article"] and row[reader]["skipped"] for row in chosen),
        }
    return out


def measure_pages() -> list[dict[str, Any]]:
    """One row per page of expectations.toml, both readers scored."""
    expectations = tomllib.loads((PAGES / "expectations.toml").read_text(encoding="utf-8"))
    return [measure(page) for page in expectations["page"]]


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The totals of each split: what `main` prints last and `benchmarks/validity.py` records."""
    return {split: totals(rows, split) for split in SPLITS}


def main() -> None:
    rows = measure_pages()
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(figures(rows), indent=1))


if __name__ == "__main__":
    main()
