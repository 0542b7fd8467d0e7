"""Score the quote and attribution reader against hand-labelled BASIL sentences.

`tests/data/attributions/*.jsonl` holds sentences drawn at random (seeded) from BASIL
development articles, one half from the even-numbered events (`tuning.jsonl`, the half the
rules were tuned on) and one from the odd-numbered ones (`held_apart.jsonl`, read only to
measure). Each line is a sentence with every attribution a reader finds in it: who speaks
(`speaker`, with `aliases` naming who a pronoun is), the `verb`, and the `form` (`direct`,
`indirect`, `according_to`). Sentences with none are there for precision.

Each article is analysed whole, as the pipeline does (speakers resolve across sentences); a
labelled sentence's attributions are the `Quote`s of the sentences it overlaps. A label is
found when a quote there names the same speaker (its last word, or a pronoun as written);
precision counts every attributed quote there. Usage:

    python benchmarks/attribution.py [--eval ../shared/eval/basil_dev] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from framing.analyse.segment import split_sentences
from framing.analyse.sourcing import Sourcing
from framing.analyse.speaker_phrases import head_word
from framing.ingest.clean import PARAGRAPH_SEPARATOR
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import Document, Metadata, Paragraph, Quote

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "attributions"
HALVES = (("tuning", "tuning.jsonl"), ("held apart", "held_apart.jsonl"))
PRONOUNS = {"he", "she", "they", "it"}

Label = dict[str, Any]


def read_article(path: Path) -> tuple[str, tuple[TokenizedSentence, ...], list[int]]:
    """The body, its sentences, and each sentence's offset in the body (title left out)."""
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n")[1:] if p.strip()]
    document = Document(
        "d", path.name, Metadata(), tuple(Paragraph("text", p) for p in paragraphs), ()
    )
    sentences = split_sentences(document)
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    return (
        body,
        tokenized((s.id, s.text, s.heading) for s in sentences),
        [s.start for s in sentences],
    )


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'\-]+", text.lower())


def same_speaker(label: Label, quote: Quote) -> bool:
    """Whether `quote` names the labelled speaker: by its head word ("Chuck Schumer" by
    "Schumer", "police officials in New York City" by "officials"), a pronoun as written."""
    found = words(quote.speaker)
    for name in [label["speaker"], *label.get("aliases", [])]:
        head = head_word(name).lower()
        if head in PRONOUNS and found == [head]:
            return True
        if head not in PRONOUNS and head in found:
            return True
    return False


def attributions(quotes: Sequence[Quote]) -> list[Quote]:
    """One quote per speaker and verb: two quoted fragments of one "X said" are one
    attribution."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for quote in quotes:
        if (quote.speaker, quote.verb) not in seen:
            seen.add((quote.speaker, quote.verb))
            kept.append(quote)
    return kept


def sentence_quotes(
    record: Label,
    article: tuple[str, tuple[TokenizedSentence, ...], list[int]],
    quotes: Sequence[Quote],
) -> list[Quote]:
    """The attributed quotes of the analysed sentences the labelled sentence overlaps."""
    body, sentences, starts = article
    at = body.find(record["sentence"])
    if at < 0:
        raise SystemExit(f"not in {record['event']}/{record['outlet']}: {record['sentence'][:60]}")
    end = at + len(record["sentence"])
    ids = {
        s.id
        for s, start in zip(sentences, starts, strict=True)
        if start < end and start + len(s.text) > at
    }
    return attributions(
        [q for q in quotes if q.sentence_id in ids and q.speaker_type != "unattributed"]
    )


def labelled_quotes(
    records: Sequence[Any], eval_dir: Path, sourcing: Sourcing
) -> Iterator[tuple[Any, Any, Any]]:
    """Each labelled record with its article and the article's quotes, each article read and
    its quotes found once however many of its sentences are labelled."""
    cache: dict[tuple[str, str], Any] = {}
    for record in records:
        key = (record["event"], record["outlet"])
        if key not in cache:
            article = read_article(eval_dir / key[0] / f"{key[1]}.txt")
            cache[key] = (article, sourcing.quotes(article[1]))
        yield (record, *cache[key])


def score(records: list[Label], eval_dir: Path, sourcing: Sourcing, show: bool) -> dict[str, int]:
    tally = dict(
        labels=0,
        found=0,
        matched_labels=0,
        matched_found=0,
        form_right=0,
        indirect=0,
        indirect_found=0,
    )
    for record, article, quotes in labelled_quotes(records, eval_dir, sourcing):
        found = sentence_quotes(record, article, quotes)
        labels = record["attributions"]
        unmatched = list(found)
        for label in labels:
            hit = next((q for q in unmatched if same_speaker(label, q)), None)
            indirect = label["form"] != "direct"
            tally["indirect"] += indirect
            if hit is not None:
                unmatched.remove(hit)
                tally["matched_labels"] += 1
                tally["indirect_found"] += indirect
                tally["form_right"] += form_of(hit) == label["form"]
            elif show:
                print(
                    f"  missed {label['speaker']!r} {label['verb']!r} ({label['form']}): "
                    f"{record['sentence'][:80]}"
                )
        tally["labels"] += len(labels)
        tally["found"] += len(found)
        tally["matched_found"] += len(found) - len(unmatched)
        if show:
            for quote in unmatched:
                print(
                    f"  extra {quote.speaker!r} {quote.verb!r} ({form_of(quote)}): "
                    f"{record['sentence'][:80]}"
                )
    return tally


def form_of(quote: Quote) -> str:
    return str(getattr(quote, "form", "direct"))


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else "n/a"


def read_labels(filename: str) -> list[Label]:
    lines = (LABELS / filename).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def measure(eval_dir: Path, show: bool = False) -> dict[str, dict[str, int]]:
    """The tallies of each half (`HALVES`), with its number of `sentences`: what `main` prints
    and `benchmarks/validity.py` records."""
    sourcing = Sourcing(load_lexicons()["sourcing"])
    result = {}
    for name, filename in HALVES:
        records = read_labels(filename)
        if show:
            print(f"{name}: misses and extras")
        result[name] = {"sentences": len(records)} | score(records, eval_dir, sourcing, show)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "basil_dev")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    for name, t in measure(args.eval, args.show).items():
        print(f"{name}: {t['sentences']} sentences")
        print(
            f"  recall {ratio(t['matched_labels'], t['labels'])}; "
            f"precision {ratio(t['matched_found'], t['found'])}; "
            f"indirect and according-to recall {ratio(t['indirect_found'], t['indirect'])}; "
            f"form right when found {ratio(t['form_right'], t['matched_labels'])}"
        )


if __name__ == "__main__":
    main()
