"""How well the genre rule tells news from analysis from opinion, on labelled articles nobody
tuned the quotation or voice readers for, on a tuning half and a held-apart half.

Labels come from outside the text:
- news: every BASIL article (`--basil`, 30 events told by Fox News, The New York Times and
  HuffPost; BASIL's annotators read them all as news reports), and AllSides articles
  (`--allsides`, the scale file) from straight-news desks (wires, the news desks of papers and
  broadcasters) whose address and title name no opinion or analysis section, blog, column,
  explainer, video or transcript;
- opinion: AllSides articles whose address names an opinion section ("/opinion/",
  "/columnists/", "/commentary/", …) or whose AllSides title starts "OPINION:";
- analysis: AllSides articles titled "Analysis:" or filed under "/analysis".
AllSides' "OPINION:" prefix is removed before the text is analysed (it is AllSides' label, not
the outlet's), and no address is passed, so the rule sees only what a user's article holds.

Halves: BASIL events alternate (sorted, even = tuning), AllSides rows alternate by line
number. Prints, per half, precision and recall per label, news called news on BASIL, and the
BASIL events whose three articles are not all given one genre (a false "the articles differ
in genre" finding). `--tune` instead searches the rule's thresholds on the tuning half and
prints the best few, held-apart figures beside them; `--show` lists the tuning half's
misses with their signals (the held-apart half's are not shown: it is only scored). Usage:

    python benchmarks/genre.py --basil ../shared/eval/basil_dev \
        --allsides ../shared/eval/allsides_scale.jsonl.gz [--news 500] [--tune | --show]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.analyse.article import AnalysisSettings, analyse_article, analysis_settings
from framing.analyse.genre import RULE, GenreRule, GenreSignals, author_voice, genre_signals, judge
from framing.analyse.topics import default_topics
from framing.compare.claim_settings import parse_settings
from framing.ingest.corpus import load_corpus
from framing.ingest.documents import usable_documents
from framing.lexicon import load_lexicons, tokenized
from framing.models import Article

LABELS = ("news", "analysis", "opinion")
STRAIGHT_NEWS = frozenset(
    (
        "Reuters",
        "Associated Press",
        "BBC News",
        "New York Times - News",
        "Wall Street Journal - News",
        "CBS News",
        "ABC News",
        "NPR Online News",
    )
)
OPINION_ADDRESS = re.compile(
    r"/(opinions?|commentary|columnists?|columns?|op-?eds?|editorials?)(/|$)", re.IGNORECASE
)
ANALYSIS_ADDRESS = re.compile(r"/(news-)?analysis(/|-|$)", re.IGNORECASE)
NOT_STRAIGHT_NEWS = re.compile(
    r"blog|/upshot/|/interactive/|livecoverage|/video/|/magazine/|transcript", re.IGNORECASE
)
"""Addresses of a news desk's blogs, columns, explainers, videos and transcripts: not labelled
news, since the desk does not present them as straight reports."""
ALLSIDES_PREFIX = re.compile(r"^\s*(opinion|analysis)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Case:
    """One labelled article, read: where it is from, its half, label and genre signals."""

    name: str
    event: str  # the BASIL event, "" for AllSides
    half: str  # "tuning" | "held"
    label: str
    declared: str  # the genre the text itself declares (a section label), if any
    signals: GenreSignals


def allsides_label(url: str, title: str) -> str:
    """The genre the article's address or AllSides' title gives it, "" if neither does."""
    if OPINION_ADDRESS.search(url) or title.upper().startswith("OPINION:"):
        return "opinion"
    if ANALYSIS_ADDRESS.search(url) or title.upper().startswith("ANALYSIS:"):
        return "analysis"
    return ""


def allsides_rows(path: Path, news_cap: int) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(half, label, record) for the labelled rows, at most `news_cap` news rows per half."""
    news = {"tuning": 0, "held": 0}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            row = json.loads(line)
            half = "tuning" if number % 2 == 0 else "held"
            label = allsides_label(row.get("url") or "", row["title"])
            if not label and _straight_news(row) and news[half] < news_cap:
                label, news[half] = "news", news[half] + 1
            if label:
                title = ALLSIDES_PREFIX.sub("", row["title"])
                yield half, label, {"id": row["id"], "title": title, "text": row["text"]}


def _straight_news(row: dict[str, str]) -> bool:
    url = row.get("url") or ""
    return row["outlet"] in STRAIGHT_NEWS and not NOT_STRAIGHT_NEWS.search(url)


def read_cases(basil: Path, allsides: Path, news_cap: int) -> list[Case]:
    """Every labelled article analysed as the pipeline analyses it."""
    settings = _settings()
    cases = []
    events = sorted(p for p in basil.iterdir() if p.is_dir())
    for number, event in enumerate(events):
        half = "tuning" if number % 2 == 0 else "held"
        for path in sorted(event.glob("*.txt")):
            for article in _analysed([path], settings):
                cases.append(_case(f"{event.name}/{path.name}", event.name, half, "news", article))
    with tempfile.TemporaryDirectory() as folder:
        for half, label, record in allsides_rows(allsides, news_cap):
            path = Path(folder) / "article.jsonl"
            path.write_text(json.dumps(record) + "\n", encoding="utf-8")
            for article in _analysed([path], settings):
                cases.append(_case(record["id"], "", half, label, article))
    return cases


def _settings() -> AnalysisSettings:
    lexicons = load_lexicons()
    reader = parse_settings(lexicons["align"].data, lexicons["align"].source).reader
    return analysis_settings(default_topics(), lexicons, reader)


def _analysed(paths: Sequence[Path], settings: AnalysisSettings) -> Iterator[Article]:
    for source, document in usable_documents(load_corpus(paths)).kept:
        yield analyse_article(source, document, settings).article


def _case(name: str, event: str, half: str, label: str, article: Article) -> Case:
    """The genre signals as `Measures.measure` builds them, from the article's evidence."""
    top = [(key, text, True) for key, text in (("title", article.title), ("dek", article.dek))]
    rest = [(s.id, s.text, s.heading) for s in article.sentences]
    sentences = tokenized([t for t in top if t[1]] + rest)
    f = article.framing
    signals = genre_signals(
        sentences,
        f.words,
        quotes=f.quotes,
        anonymous=f.anonymous_sources,
        first_person=author_voice(sentences, f.first_person),
        prescriptions=f.prescriptions,
        hedges=f.hedges,
        boosters=f.boosters,
        loaded=f.loaded,
    )
    return Case(name, event, half, label, article.genre, signals)


def predict(case: Case, rule: GenreRule) -> str:
    """The label the product gives: the text's own section label, else the rule's."""
    declared = {"analysis": "analysis", "opinion": "opinion"}.get(case.declared.lower(), "")
    return declared or judge(case.signals, rule)


def scores(cases: Sequence[Case], rule: GenreRule) -> dict[str, object]:
    """Precision and recall per label, news called news on BASIL, and false findings."""
    pairs = [(predict(c, rule), c.label) for c in cases]
    result: dict[str, object] = {"n": len(cases)}
    for label in LABELS:
        tp = sum(p == t == label for p, t in pairs)
        predicted, actual = sum(p == label for p, _ in pairs), sum(t == label for _, t in pairs)
        result[label] = {
            "n": actual,
            "precision": round(tp / predicted, 3) if predicted else None,
            "recall": round(tp / actual, 3) if actual else None,
        }
    views = [c for c in cases if c.label != "news"]
    result["opinion_or_analysis_not_news"] = _share(
        sum(predict(c, rule) != "news" for c in views), len(views)
    )
    basil = [c for c in cases if c.event]
    result["basil_news_called_news"] = _share(
        sum(predict(c, rule) == "news" for c in basil), len(basil)
    )
    result["basil_false_genre_findings"] = _false_findings(basil, rule)
    return result


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.3f})" if total else "0/0"


def _false_findings(basil: Sequence[Case], rule: GenreRule) -> list[str]:
    """The events whose articles (all news) are not all given one genre."""
    events: dict[str, set[str]] = {}
    for case in basil:
        events.setdefault(case.event, set()).add(predict(case, rule))
    return sorted(event for event, labels in events.items() if len(labels) > 1)


def figures(cases: Sequence[Case]) -> dict[str, object]:
    """The product's rule (`RULE`) scored on each half: what `main` prints and
    `benchmarks/validity.py` records."""
    halves = {
        half: scores([c for c in cases if c.half == half], RULE) for half in ("tuning", "held")
    }
    return {"rule": dataclasses.asdict(RULE), **halves}


def tune(cases: Sequence[Case]) -> list[dict[str, object]]:
    """The best threshold sets on the tuning half: most news kept as news, then most opinion
    recognised, among the sets that keep every BASIL article news and opinion recognised
    (precision >= 0.90, recall >= 0.60): news called news is the goal, opinion the guard."""
    tuning = [c for c in cases if c.half == "tuning"]
    held = [c for c in cases if c.half == "held"]
    ranked = []
    for rule in _grid():
        result = scores(tuning, rule)
        news, opinion = result["news"], result["opinion"]
        assert isinstance(news, dict) and isinstance(opinion, dict)
        basil = str(result["basil_news_called_news"]).split()[0].split("/")
        if basil[0] != basil[1] or opinion["recall"] < 0.6 or (opinion["precision"] or 0) < 0.9:
            continue
        ranked.append((news["recall"], opinion["recall"], rule))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    return [
        {
            "rule": dataclasses.asdict(rule),
            "tuning": scores(tuning, rule),
            "held": scores(held, rule),
        }
        for _, _, rule in ranked[:3]
    ]


def _grid() -> Iterator[GenreRule]:
    """The thresholds searched; `RULE` holds the set chosen on the tuning half."""
    grid: dict[str, tuple[Any, ...]] = {
        "first_person": (1.0, 2.0),
        "first_person_min": (2, 3),
        "loaded": (5.0, 6.0, 8.0, 10.0),
        "boosting": (2.0, 3.0),
        "prescribing": (1.0, 2.0),
        "arguing": (2.0, 3.0),
        "arguments": (3, 4),
        "sourced": (8.0, 10.0, 14.0),
        "reported": (6.0, 8.0, 10.0, 12.0, 1000.0),
        "evaluations_min": (3, 4),
    }
    for values in itertools.product(*grid.values()):
        yield dataclasses.replace(RULE, **dict(zip(grid, values, strict=True)))


def misses(cases: Sequence[Case], half: str = "tuning") -> list[dict[str, object]]:
    """The articles of one half that `RULE` labels wrongly, with their signals: what the rule
    is improved from (only ever the tuning half's)."""
    return [
        {
            "name": c.name,
            "label": c.label,
            "called": predict(c, RULE),
            **dataclasses.asdict(c.signals),
        }
        for c in cases
        if c.half == half and predict(c, RULE) != c.label
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", type=Path, default=Path("../shared/eval/basil_dev"))
    parser.add_argument(
        "--allsides", type=Path, default=Path("../shared/eval/allsides_scale.jsonl.gz")
    )
    parser.add_argument("--news", type=int, default=300, help="AllSides news rows per half")
    parser.add_argument("--tune", action="store_true", help="search the rule's thresholds")
    parser.add_argument("--show", action="store_true", help="list the tuning half's misses")
    args = parser.parse_args(argv)
    cases = read_cases(args.basil, args.allsides, args.news)
    if args.show:
        print(json.dumps(misses(cases), indent=2))
        return
    if args.tune:
        print(json.dumps(tune(cases), indent=2))
        return
    print(json.dumps(figures(cases), indent=2))


if __name__ == "__main__":
    main()
