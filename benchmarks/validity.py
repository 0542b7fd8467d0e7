"""Every measured figure of the report's method section, on the development data, each for a
tuning half and a held-apart half.

Loaded language. BABE (`--babe CSV`, columns sentence, label, biased_words): a sentence is
predicted biased when `LoadedLanguage.is_loaded` says so; we report precision, recall and F1 of
the "biased" class, macro-F1 over both classes, and the share of annotated biased words that a
detected term overlaps. The baseline calls a sentence biased when VADER's |compound| reaches a
threshold, chosen (for the baseline's benefit) as the best macro-F1 on the development half.
BASIL (`--basil DIR`, folders event_NNN with fox/nyt/hpo.txt and annotations.json): recall of
the human *lexical* bias spans (a span is found when a detected term overlaps it), a precision
proxy (share of our terms inside a lexical span: annotators mark few spans, so this is a
floor), the share of our terms inside any marked bias span (lexical or informational, the
issue's "flagged words inside a marked span"), and for both classifiers the same at sentence
level (span found when its sentence is flagged; share of flagged sentences that hold a span).

With `--eval DIR` (the folder of babe_dev.csv, basil_dev and allsides_scale.jsonl.gz), also,
by the functions of the benchmarks that own them: genre (`genre.py`: precision and recall per
label on BASIL and AllSides), main entities found among the actors and topics (scored as
`../shared/tools/basil-check` does, the pipeline run here on each BASIL event), attributions
(`attribution.py`, the hand-labelled sentences of tests/data/attributions) and saved pages
(`webpages.py`, tests/data/html, ours beside trafilatura). About two minutes on two cores,
most of it genre; each part's time goes to stderr.

Every figure is given for two halves (`HALVES`): `dev`, the half that was tuned on, and
`held_out`, only measured, so that figures not fitted on the data can be stated. Usage:

    python benchmarks/validity.py --eval ../shared/eval [--record framing/data/validity.json]
    python benchmarks/validity.py --babe ../shared/eval/babe_dev.csv \
        --basil ../shared/eval/basil_dev          # loaded language only

`--record` writes the figures the report's method section and docs/measures.md quote.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attribution  # benchmarks/ is on sys.path when a script in it runs
import genre
import webpages

from framing.analyse.loaded import LoadedLanguage
from framing.analyse.segment import split_sentences
from framing.analyse.tone import sentence_tone
from framing.analyse.topics import default_topics
from framing.lexicon import Lexicon, TokenizedSentence, load_lexicons, tokenized
from framing.models import Document, Metadata, Paragraph
from framing.pipeline import build_briefing
from framing.serialise import briefing_data

HALVES = (
    "dev = even rows or events, where the lexicons and rules were tuned; held_out = odd ones, "
    "only measured (BABE: rows; BASIL loaded language: articles; genre, entities, attributions: "
    "sorted events; pages: the split in tests/data/html/expectations.toml)"
)
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
    """Span recall over every flagged word; the shares inside marked spans over the body's
    flagged words only: BASIL's annotators left the headline (line 0) unmarked (1 of 502
    spans), so a headline's word would count as a miss for want of a reading."""
    found = total = inside = in_marked = matches = 0
    for article in articles:
        terms = [
            (offset + m.start, offset + m.end, sentence.id.startswith("0-"))
            for sentence, offset in zip(article.sentences, article.offsets, strict=True)
            for m in detector.find([sentence])
        ]
        body = [(s, e) for s, e, headline in terms if not headline]
        total += len(article.spans)
        found += sum(_overlaps(s, e, [(a, b) for a, b, _ in terms]) for s, e in article.spans)
        matches += len(body)
        inside += sum(_overlaps(s, e, article.spans) for s, e in body)
        in_marked += sum(_overlaps(s, e, article.marked) for s, e in body)
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


NOT_WORD = re.compile(r"[^0-9a-z]+")


def entities(folder: Path, lexicons: Mapping[str, Lexicon]) -> dict[str, Any]:
    """Main entities found, scored as `../shared/tools/basil-check` scores them, but with the
    pipeline run in-process: each event briefed on its own (`build_briefing` with the default
    topics), an article's named main entity (`manifest.json`; last word capitalised) found when
    its last word is a word of the article's actors (names and mentions) or of the briefing's
    topics (names and aliases). Halves: sorted events alternate, even ones `dev`."""
    events = sorted(p for p in folder.iterdir() if p.is_dir())
    topics = default_topics()
    halves: dict[str, dict[str, int]] = {
        name: dict(events=0, articles=0, entities=0, found=0) for name in ("dev", "held_out")
    }
    for number, event in enumerate(events):
        tally = halves["dev" if number % 2 == 0 else "held_out"]
        briefing = briefing_data(build_briefing([event], topics, lexicons=lexicons))
        tally["events"] += 1
        _score_entities(briefing, event, tally)
    shares = {name: t | {"share": _share(t["found"], t["entities"])} for name, t in halves.items()}
    return {"folder": str(folder), **shares}


def _score_entities(briefing: dict[str, Any], event: Path, tally: dict[str, int]) -> None:
    manifest = json.loads((event / "manifest.json").read_text(encoding="utf-8"))
    topics = _words(t["name"] + " " + " ".join(t["aliases"]) for t in briefing["topics"])
    for entry in manifest["articles"]:
        article = next((a for a in briefing["articles"] if a["outlet"] == entry["outlet"]), None)
        if article is None:
            continue  # as basil-check: an article not briefed has no entities to find
        tally["articles"] += 1
        names = topics | _words(
            a["name"] + " " + " ".join(m["text"] for m in a["mentions_evidence"])
            for a in article["framing"]["actors"]
        )
        for entity in entry.get("main_entities", []):
            if entity.split() and entity.split()[-1][:1].isupper():  # names, not "police"
                words = _norm(entity).split()
                tally["entities"] += 1
                tally["found"] += bool(words) and words[-1] in names


def _norm(text: str) -> str:
    return NOT_WORD.sub(" ", text.lower()).strip()


def _words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in _norm(text).split()}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def genre_figures(basil: Path, allsides: Path, news_cap: int) -> dict[str, Any]:
    """`benchmarks/genre.py`'s figures for the product's rule, halves renamed as here."""
    scored = genre.figures(genre.read_cases(basil, allsides, news_cap))
    return {
        "basil": str(basil),
        "allsides": str(allsides),
        "news_per_half": news_cap,
        "rule": scored["rule"],
        "dev": scored["tuning"],
        "held_out": scored["held"],
    }


def attribution_figures(basil: Path) -> dict[str, Any]:
    """`benchmarks/attribution.py`'s tallies on tests/data/attributions, with recall and
    precision."""
    tallies = attribution.measure(basil)
    return {"labels": "tests/data/attributions", "texts": str(basil)} | {
        name: t
        | {
            "recall": _share(t["matched_labels"], t["labels"]),
            "precision": _share(t["matched_found"], t["found"]),
        }
        for name, t in (("dev", tallies["tuning"]), ("held_out", tallies["held apart"]))
    }


def page_figures() -> dict[str, Any]:
    """`benchmarks/webpages.py`'s totals on tests/data/html, ours beside trafilatura's."""
    totals = webpages.figures(webpages.measure_pages())
    return {"pages": "tests/data/html", "dev": totals["tuning"], "held_out": totals["held-apart"]}


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, help="every figure, on this folder's data sets")
    parser.add_argument("--babe", type=Path, help="CSV with sentence, label, biased_words")
    parser.add_argument("--basil", type=Path, help="folder of BASIL event folders")
    parser.add_argument("--news", type=int, default=300, help="AllSides news rows per half")
    parser.add_argument("--lexicon-dir", type=Path, help="extend the built-in lexicons")
    parser.add_argument(
        "--record",
        type=Path,
        help="also write the figures here (framing/data/validity.json: the report's method)",
    )
    parser.set_defaults(allsides=None)
    args = parser.parse_args(argv)
    if args.eval is not None:
        args.babe = args.babe or args.eval / "babe_dev.csv"
        args.basil = args.basil or args.eval / "basil_dev"
        args.allsides = args.eval / "allsides_scale.jsonl.gz"
    elif args.babe is None and args.basil is None:
        parser.error("give --eval DIR, or --babe CSV, --basil DIR or both")
    return args


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Every figure the arguments ask for; the time each took goes to stderr."""
    lexicons = load_lexicons(args.lexicon_dir)
    detector = LoadedLanguage(lexicons["loaded"])
    report: dict[str, Any] = {
        "lexicon": {"version": lexicons["loaded"].version, "source": lexicons["loaded"].source},
        "halves": HALVES,
    }
    if args.babe is not None:
        report["babe"] = _timed("babe", lambda: babe(args.babe, detector))
    threshold = report["babe"]["vader"]["threshold"] if "babe" in report else 0.5
    if args.basil is not None:
        report["basil"] = _timed("basil", lambda: basil(args.basil, detector, threshold))
    if args.eval is not None:
        report["genre"] = _timed(
            "genre", lambda: genre_figures(args.basil, args.allsides, args.news)
        )
        report["entities"] = _timed("entities", lambda: entities(args.basil, lexicons))
        report["attributions"] = _timed("attributions", lambda: attribution_figures(args.basil))
        report["pages"] = _timed("pages", page_figures)
    return report


def _timed(name: str, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    start = time.perf_counter()
    result = run()
    print(f"{name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    args = _arguments(argv)
    text = json.dumps(measure(args), indent=2)
    print(text)
    if args.record is not None:
        args.record.write_text(_portable(text, args) + "\n", encoding="utf-8")


def _portable(text: str, args: argparse.Namespace) -> str:
    """The report with the data sets named by file name: the same bytes on every machine."""
    for path in (args.babe, args.basil, args.allsides):
        if path is not None:
            text = text.replace(json.dumps(str(path)), json.dumps(path.name))
    return text


if __name__ == "__main__":
    main()
