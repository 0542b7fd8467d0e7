"""Score the loaded-language detector against human bias labels, beside a VADER baseline.

BABE (`--babe CSV`, columns sentence, label, biased_words): a sentence is predicted biased when
`LoadedLanguage.is_loaded` says so; we report precision, recall and F1 of the "biased" class,
macro-F1 over both classes, and the share of annotated biased words that a detected term
overlaps. The baseline calls a sentence biased when VADER's |compound| reaches a threshold,
chosen (for the baseline's benefit) as the best macro-F1 on the development half.

BASIL (`--basil DIR`, folders event_NNN with fox/nyt/hpo.txt and annotations.json): recall of
the human *lexical* bias spans (a span is found when a detected term overlaps it), a precision
proxy (share of our terms inside a lexical span: annotators mark few spans, so this is a
floor), the share of our terms inside any marked bias span (lexical or informational, the
issue's "flagged words inside a marked span"), and for both classifiers the same at sentence
level (span found when its sentence is flagged; share of flagged sentences that hold a span).

Every figure is given for all rows and for two halves: `dev` (even-numbered BABE rows and
BASIL articles, the half the lexicon was tuned on) and `held_out` (odd-numbered ones), so that
figures not fitted on the data can be stated. Usage:

    python benchmarks/validity.py --babe ../shared/eval/babe_dev.csv \
        --basil ../shared/eval/basil_dev [--record framing/data/validity.json]

`--record` writes the figures the report's method section and docs/measures.md quote.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.analyse.loaded import LoadedLanguage
from framing.analyse.segment import split_sentences
from framing.analyse.tone import sentence_tone
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import Document, Metadata, Paragraph

VADER_GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))
Classifier = Callable[[TokenizedSentence], bool]


@dataclass(frozen=True)
class Row:
    sentence: TokenizedSentence
    biased: bool
    words: tuple[str, ...]


def read_babe(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    sentences = tokenized((str(i), r["sentence"], False) for i, r in enumerate(records))
    return [
        Row(s, r["label"].strip().lower() == "biased", tuple(json.loads(r["biased_words"] or "[]")))
        for s, r in zip(sentences, records, strict=True)
    ]


def halves(items: Sequence[Any]) -> dict[str, Sequence[Any]]:
    return {"all": items, "dev": items[0::2], "held_out": items[1::2]}


def classify(rows: Sequence[Row], predict: Classifier) -> dict[str, float]:
    """Precision/recall/F1 of the biased class and macro-F1 over biased and non-biased."""
    pairs = [(predict(r.sentence), r.biased) for r in rows]
    f1s = []
    scores: dict[str, float] = {"n": len(rows)}
    for positive in (True, False):
        tp = sum(p == positive and t == positive for p, t in pairs)
        predicted = sum(p == positive for p, _ in pairs)
        actual = sum(t == positive for _, t in pairs)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        if positive:
            scores |= {"precision": precision, "recall": recall, "f1": f1}
    scores["macro_f1"] = sum(f1s) / 2
    scores["accuracy"] = sum(p == t for p, t in pairs) / len(pairs) if pairs else 0.0
    return {k: round(v, 3) for k, v in scores.items()}


def word_recall(rows: Sequence[Row], detector: LoadedLanguage) -> float:
    """Share of annotated biased words (first occurrence in their sentence) that a detected
    term overlaps."""
    found = total = 0
    for row in rows:
        spans = [(m.start, m.end) for m in detector.find([row.sentence])]
        for word in row.words:
            hit = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", row.sentence.text, re.IGNORECASE)
            if hit is None:
                continue
            total += 1
            found += any(s < hit.end() and hit.start() < e for s, e in spans)
    return round(found / total, 3) if total else 0.0


def vader(threshold: float) -> Classifier:
    return lambda sentence: abs(sentence_tone(sentence.text)) >= threshold


def babe(path: Path, detector: LoadedLanguage) -> dict[str, Any]:
    rows = read_babe(path)
    dev = halves(rows)["dev"]
    best = max(VADER_GRID, key=lambda t: classify(dev, vader(t))["macro_f1"])
    ours = {
        name: classify(part, detector.is_loaded)
        | {"biased_word_recall": word_recall(part, detector)}
        for name, part in halves(rows).items()
    }
    baseline = {name: classify(part, vader(best)) for name, part in halves(rows).items()}
    return {"file": str(path), "loaded": ours, "vader": {"threshold": best} | baseline}


@dataclass(frozen=True)
class Article:
    sentences: tuple[TokenizedSentence, ...]
    offsets: tuple[int, ...]  # of each sentence in the file
    spans: tuple[tuple[int, int], ...]  # human lexical-bias spans, file offsets
    marked: tuple[tuple[int, int], ...] = ()  # every human bias span, informational too


def read_basil(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*/annotations.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data["articles"]:
            text = (path.parent / entry["file"]).read_text(encoding="utf-8")
            spans = [(s["char_start"], s["char_end"]) for s in entry["spans"]]
            lexical = [
                (s["char_start"], s["char_end"])
                for s in entry["spans"]
                if s["bias_type"] == "lexical"
            ]
            articles.append(_article(text, lexical, spans))
    return articles


def _article(
    text: str, spans: list[tuple[int, int]], marked: list[tuple[int, int]] | None = None
) -> Article:
    """The file's lines split into sentences, each with its offset in the file."""
    triples, offsets, position = [], [], 0
    for number, line in enumerate(text.split("\n")):
        if line.strip():
            document = Document("basil", "", Metadata(), (Paragraph("text", line),), ())
            for sentence in split_sentences(document):
                triples.append((f"{number}-{sentence.id}", sentence.text, False))
                offsets.append(position + sentence.start)
        position += len(line) + 1
    return Article(tokenized(triples), tuple(offsets), tuple(spans), tuple(marked or spans))


def basil(folder: Path, detector: LoadedLanguage, vader_threshold: float) -> dict[str, Any]:
    articles = read_basil(folder)
    result: dict[str, Any] = {"folder": str(folder), "articles": len(articles)}
    for name, part in halves(articles).items():
        spans = sum(len(a.spans) for a in part)
        result[name] = {
            "lexical_spans": spans,
            "loaded": _term_scores(part, detector) | _sentence_scores(part, detector.is_loaded),
            "vader": _sentence_scores(part, vader(vader_threshold)),
        }
    return result


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _term_scores(articles: Sequence[Article], detector: LoadedLanguage) -> dict[str, float]:
    found = total = inside = in_marked = matches = 0
    for article in articles:
        terms = [
            (offset + m.start, offset + m.end)
            for sentence, offset in zip(article.sentences, article.offsets, strict=True)
            for m in detector.find([sentence])
        ]
        total += len(article.spans)
        found += sum(_overlaps(s, e, terms) for s, e in article.spans)
        matches += len(terms)
        inside += sum(_overlaps(s, e, article.spans) for s, e in terms)
        in_marked += sum(_overlaps(s, e, article.marked) for s, e in terms)
    return {
        "span_recall": round(found / total, 3) if total else 0.0,
        "precision_proxy": round(inside / matches, 3) if matches else 0.0,
        "inside_any_marked_span": round(in_marked / matches, 3) if matches else 0.0,
        "matches": matches,
    }


def _sentence_scores(articles: Sequence[Article], predict: Classifier) -> dict[str, float]:
    """Span recall and precision proxy when a whole flagged sentence counts as detection."""
    found = total = flagged = holding = 0
    for article in articles:
        ends = [o + len(s.text) for s, o in zip(article.sentences, article.offsets, strict=True)]
        marked = [predict(s) for s in article.sentences]
        bounds = list(zip(article.offsets, ends, strict=True))
        total += len(article.spans)
        found += sum(
            any(m and s < e2 and s2 < e for m, (s2, e2) in zip(marked, bounds, strict=True))
            for s, e in article.spans
        )
        flagged += sum(marked)
        holding += sum(
            m and _overlaps(s, e, article.spans) for m, (s, e) in zip(marked, bounds, strict=True)
        )
    return {
        "sentence_span_recall": round(found / total, 3) if total else 0.0,
        "sentence_precision_proxy": round(holding / flagged, 3) if flagged else 0.0,
        "flagged_sentences": flagged,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--babe", type=Path, help="CSV with sentence, label, biased_words")
    parser.add_argument("--basil", type=Path, help="folder of BASIL event folders")
    parser.add_argument("--lexicon-dir", type=Path, help="extend the built-in lexicons")
    parser.add_argument(
        "--record",
        type=Path,
        help="also write the figures here (framing/data/validity.json: the report's method)",
    )
    args = parser.parse_args(argv)
    if args.babe is None and args.basil is None:
        parser.error("give --babe CSV, --basil DIR or both")
    lexicon = load_lexicons(args.lexicon_dir)["loaded"]
    detector = LoadedLanguage(lexicon)
    report: dict[str, Any] = {
        "lexicon": {"version": lexicon.version, "source": lexicon.source},
        "halves": "dev = even rows (lexicon tuned there), held_out = odd rows",
    }
    threshold = 0.5
    if args.babe is not None:
        report["babe"] = babe(args.babe, detector)
        threshold = report["babe"]["vader"]["threshold"]
    if args.basil is not None:
        report["basil"] = basil(args.basil, detector, threshold)
    text = json.dumps(report, indent=2)
    print(text)
    if args.record is not None:
        args.record.write_text(_portable(text, args) + "\n", encoding="utf-8")


def _portable(text: str, args: argparse.Namespace) -> str:
    """The report with the data sets named by file name: the same bytes on every machine."""
    for path in (args.babe, args.basil):
        if path is not None:
            text = text.replace(json.dumps(str(path)), json.dumps(path.name))
    return text


if __name__ == "__main__":
    main()
