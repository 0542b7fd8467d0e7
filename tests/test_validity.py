"""The method table's accuracy rows are the figures `benchmarks/validity.py --record` measured:
every figure there, each read from framing/data/validity.json, and the fast ones re-measured
here so that a stale record fails."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ROOT

from framing.report import context_validity
from framing.report.context_validity import validity

RECORD = ROOT / "framing" / "data" / "validity.json"
BASIL = ROOT.parent / "shared" / "eval" / "basil_dev"
RERECORD = "re-run: python benchmarks/validity.py --eval ../shared/eval --record " + str(RECORD)
PAIR = re.compile(r"^[01]\.\d\d / [01]\.\d\d$")


def _record() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def _measured() -> list[dict[str, Any]]:
    """The rows of the record, without the hand checks that follow them."""
    text = (ROOT / "framing" / "data" / "hand_checks.toml").read_text(encoding="utf-8")
    return validity()[: -len(tomllib.loads(text)["check"])]


def _row(measure: str, metric: str) -> dict[str, Any]:
    rows = [r for r in _measured() if r["measure"] == measure and r["metric"].startswith(metric)]
    assert len(rows) == 1, (measure, metric, [(r["measure"], r["metric"]) for r in _measured()])
    return rows[0]


def test_every_figure_is_recorded_for_both_halves() -> None:
    record = _record()
    record["babe"] = record["babe"]["loaded"] | record["babe"]["vader"]
    for section in ("babe", "basil", "genre", "entities", "attributions", "pages"):
        assert {"dev", "held_out"} <= set(record[section]), section


def test_loaded_language_rows_read_the_held_apart_half() -> None:
    babe, basil = _record()["babe"], _record()["basil"]["held_out"]
    ours, vader = babe["loaded"]["held_out"], babe["vader"]["held_out"]
    macro = _row("Loaded language: sentence is biased", "macro-F1")
    assert (macro["value"], macro["baseline"]) == (ours["macro_f1"], vader["macro_f1"])
    assert macro["data"] == f"BABE, {ours['n']} sentences not used for tuning"
    spans = _row("Loaded language: words", "recall of the lexical-bias spans")
    assert spans["value"] == basil["loaded"]["span_recall"]
    assert f"{basil['lexical_spans']} lexical-bias spans" in spans["data"]
    inside = _row("Loaded language: words", "share inside a bias span")
    assert inside["value"] == basil["loaded"]["inside_any_marked_span"]
    assert f"{basil['loaded']['matches']} flagged words" in inside["data"]


def test_genre_attribution_and_actor_rows_read_the_held_apart_half() -> None:
    record = _record()
    genre = record["genre"]["held_out"]
    news = _row("Genre: news", "recall")
    assert news["value"] == genre["news"]["recall"]
    assert f"{genre['news']['n']} news reports" in news["data"]
    opinion = _row("Genre: opinion", "precision / recall")
    assert (
        opinion["value"]
        == f"{genre['opinion']['precision']:.2f} / {genre['opinion']['recall']:.2f}"
    )
    quotes = record["attributions"]["held_out"]
    found = _row("Attributions (direct, reported, “according to”)", "recall / precision")
    recall, precision = (
        quotes[k] / quotes[n] for k, n in (("matched_labels", "labels"), ("matched_found", "found"))
    )
    assert found["value"] == f"{recall:.2f} / {precision:.2f}"
    assert f"{quotes['labels']} attributions in {quotes['sentences']}" in found["data"]
    entities = record["entities"]["held_out"]
    actors = _row("Actors found", "main entities")
    assert actors["value"] == round(entities["found"] / entities["entities"], 3)
    assert (
        f"{entities['entities']} named main entities of {entities['events']} events"
        in actors["data"]
    )


def test_saved_page_rows_compare_with_trafilatura() -> None:
    pages = _record()["pages"]
    half = pages["held_out"] if pages["held_out"]["pages"] else pages["dev"]
    kept = _row("Saved pages: article body", "must-keep strings kept")
    assert kept["value"] == round(half["ours"]["kept"] / half["keep"], 3)
    assert kept["baseline"] == round(half["trafilatura"]["kept"] / half["keep"], 3)
    dropped = _row("Saved pages: article body", "must-drop strings dropped")
    assert dropped["value"] == round(half["ours"]["dropped"] / half["drop"], 3)
    assert (
        "trafilatura" in dropped["metric"] and f"{half['pages']} saved web pages" in dropped["data"]
    )


def test_each_measured_value_is_a_number_with_its_count() -> None:
    rows = _measured()
    assert len(rows) == 12  # 6 loaded language, 2 genre, attributions, actors, 2 pages
    for row in rows:
        for cell in (row["value"], row["baseline"]):
            assert cell == "" or PAIR.match(str(cell)) or 0.0 <= float(cell) <= 1.0, row
        assert isinstance(row["value"], float) or PAIR.match(row["value"]), row
        assert re.search(r"\b\d+\b", row["data"]), row  # how many items it counts


def test_a_section_missing_from_the_record_gives_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    only_babe = json.dumps({"babe": _record()["babe"]})
    read = context_validity._read
    monkeypatch.setattr(
        context_validity, "_read", lambda name: only_babe if name.endswith(".json") else read(name)
    )
    validity.cache_clear()
    try:
        measures = {row["measure"] for row in validity()}
    finally:
        validity.cache_clear()
    assert "Genre: news" not in measures and "Saved pages: article body" not in measures
    assert {"Loaded language: sentence is biased", "Quote speakers"} <= measures


@pytest.fixture
def benchmarks() -> Iterator[None]:
    """benchmarks/ on sys.path, as when one of its scripts runs."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    yield
    sys.path.remove(str(ROOT / "benchmarks"))


@pytest.mark.usefixtures("benchmarks")
def test_recorded_page_figures_are_current() -> None:
    import validity as bench

    assert bench.page_figures() == _record()["pages"], RERECORD


@pytest.mark.skipif(not BASIL.is_dir(), reason="needs ../shared/eval/basil_dev")
@pytest.mark.usefixtures("benchmarks")
def test_recorded_attribution_figures_are_current() -> None:
    import validity as bench

    figures = bench.attribution_figures(BASIL)
    recorded = _record()["attributions"]
    assert {k: figures[k] for k in ("dev", "held_out")} == {
        k: recorded[k] for k in ("dev", "held_out")
    }, RERECORD
