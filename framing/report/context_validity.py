"""The method section's accuracy rows: the figures `benchmarks/validity.py --eval … --record`
measured into `framing/data/validity.json`, then the checks made by hand.

Each row states the held-apart half (the figures nothing was tuned on) with how many items it
counts; a section with no held-apart items yet (saved pages) states its tuning half and says
so. A section missing from the record gives no row: the table shows only what was measured.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from framing.report.context_profiles import Json


@cache
def validity() -> list[Json]:
    """One row per recorded figure (`measure`, `data`, `metric`, `value`, `baseline`), in the
    order loaded language, genre, attributions, actors, saved pages; then the hand checks."""
    record = json.loads(_read("data/validity.json"))
    sections: list[tuple[str, Callable[[Json], list[Json]]]] = [
        ("babe", _babe_rows),
        ("basil", _basil_rows),
        ("genre", _genre_rows),
        ("attributions", _attribution_rows),
        ("entities", _entity_rows),
        ("pages", _page_rows),
    ]
    rows = [row for key, build in sections if key in record for row in build(record[key])]
    return rows + _hand_checks()


def _read(name: str) -> str:
    return resources.files("framing").joinpath(name).read_text(encoding="utf-8")


def _row(measure: str, data: str, metric: str, value: object, baseline: object = "") -> Json:
    return {
        "measure": measure,
        "data": data,
        "metric": metric,
        "value": value,
        "baseline": baseline,
    }


def _half(section: Json, size: Callable[[Json], int]) -> tuple[str, str]:
    """The held-apart half's key and how to name it, or the tuning half's when nothing is held
    apart."""
    if size(section["held_out"]):
        return "held_out", "not used for tuning"
    return "dev", "used for tuning (none held apart yet)"


def _babe_rows(babe: Json) -> list[Json]:
    key, which = _half(babe["loaded"], lambda h: int(h["n"]))
    ours, vader = babe["loaded"][key], babe["vader"][key]
    data = f"BABE, {ours['n']} sentences {which}"
    sentence, words = "Loaded language: sentence is biased", "Loaded language: words"
    return [
        _row(sentence, data, "macro-F1", ours["macro_f1"], vader["macro_f1"]),
        _row(sentence, data, "precision / recall (biased)", _pair(ours), _pair(vader)),
        _row(words, data, "recall of the biased words experts marked", ours["biased_word_recall"]),
    ]


def _basil_rows(basil: Json) -> list[Json]:
    key, which = _half(basil, lambda h: int(h["lexical_spans"]))
    half = basil[key]
    ours, vader = half["loaded"], half["vader"]
    spans = f"BASIL, {half['lexical_spans']} lexical-bias spans in articles {which}"
    flagged = f"BASIL, {ours['matches']} flagged words in articles {which}"
    return [
        _row(
            "Loaded language: words",
            spans,
            "recall of the lexical-bias spans experts marked",
            ours["span_recall"],
        ),
        _row(
            "Loaded language: words",
            flagged,
            "share inside a bias span experts marked (lexical or informational)",
            ours["inside_any_marked_span"],
        ),
        _row(
            "Loaded language: sentence is biased",
            spans,
            "spans in flagged sentences / flagged sentences holding a span",
            _sentences(ours),
            _sentences(vader),
        ),
    ]


def _genre_rows(genre: Json) -> list[Json]:
    key, which = _half(genre, lambda h: int(h["n"]))
    half = genre[key]
    news, opinion = half["news"], half["opinion"]
    return [
        _row(
            "Genre: news",
            f"BASIL and AllSides, {news['n']} news reports {which}",
            "recall (news called news)",
            news["recall"],
        ),
        _row(
            "Genre: opinion",
            f"AllSides, {opinion['n']} opinion pieces {which}",
            "precision / recall",
            _pair(opinion),
        ),
    ]


def _attribution_rows(attributions: Json) -> list[Json]:
    key, which = _half(attributions, lambda h: int(h["labels"]))
    half = attributions[key]
    data = (
        f"{half['labels']} attributions in {half['sentences']} hand-labelled BASIL sentences "
        f"{which}"
    )
    recall = half["matched_labels"] / half["labels"]
    precision = half["matched_found"] / half["found"] if half["found"] else 0.0
    figure = f"{recall:.2f} / {precision:.2f}"  # from the counts: no rounding twice
    return [
        _row("Attributions (direct, reported, “according to”)", data, "recall / precision", figure)
    ]


def _entity_rows(entities: Json) -> list[Json]:
    key, which = _half(entities, lambda h: int(h["entities"]))
    half = entities[key]
    data = f"BASIL, {half['entities']} named main entities of {half['events']} events {which}"
    return [_row("Actors found", data, "main entities among the actors or topics", half["share"])]


def _page_rows(pages: Json) -> list[Json]:
    key, which = _half(pages, lambda h: int(h["pages"]))
    half = pages[key]
    ours, baseline = half["ours"], half["trafilatura"]
    rows = []
    for kind, count in (("keep", "kept"), ("drop", "dropped")):
        data = f"{half['pages']} saved web pages {which}, {half[kind]} must-{kind} strings"
        metric = f"must-{kind} strings {count} (baseline: trafilatura)"
        rows.append(
            _row(
                "Saved pages: article body",
                data,
                metric,
                _share(ours[count], half[kind]),
                _share(baseline[count], half[kind]),
            )
        )
    return rows


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _pair(scores: Json) -> str:
    """Precision and recall in one cell."""
    return f"{scores['precision']:.2f} / {scores['recall']:.2f}"


def _sentences(scores: Json) -> str:
    """BASIL's two sentence-level figures in one cell, as the precision / recall row reads."""
    return f"{scores['sentence_span_recall']:.2f} / {scores['sentence_precision_proxy']:.2f}"


def _hand_checks() -> list[Json]:
    """Rows checked by reading output, from `framing/data/hand_checks.toml`; no baseline."""
    return [
        check | {"baseline": ""} for check in tomllib.loads(_read("data/hand_checks.toml"))["check"]
    ]
