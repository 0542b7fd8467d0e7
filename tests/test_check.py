"""`framing check`: a team's labelled sentences in, each measure's agreement out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.analyse.agreement import agreement_json, check, usable_rows
from framing.analyse.measure import Measures
from framing.cli import cli
from framing.ingest.labelled import read_labelled
from framing.lexicon import load_lexicons

DATA = Path(__file__).parent / "data" / "check"
GOLD = Path(__file__).parent / "gold" / "check-agreement.json"


@pytest.fixture(scope="module")
def measures() -> Measures:
    return Measures(load_lexicons())


def test_rows_with_an_unknown_measure_or_label_are_set_aside(measures: Measures) -> None:
    rows, skipped = usable_rows(read_labelled(DATA / "labelled.csv"), measures)
    assert [r.label for r in rows][:2] == ["yes", "no"]  # "biased" and "non-biased"
    assert [(row, reason.split(" (")[0]) for row, reason in skipped] == [
        (11, "label 'maybe' is not one booster gives"),
        (12, "unknown measure 'sentiment'"),
    ]


def test_each_measure_reads_its_sentence(measures: Measures) -> None:
    rows, _ = usable_rows(read_labelled(DATA / "labelled.csv"), measures)
    agreement = check(rows, measures)
    wrong = {(d.row, d.measure) for d in agreement.disagreements}
    assert wrong == set(), agreement.disagreements
    assert agreement.macro_f1("loaded") == 1.0 and agreement.rows == 9


def test_agreement_json_matches_golden(measures: Measures) -> None:
    rows, _ = usable_rows(read_labelled(DATA / "labelled.csv"), measures)
    text = agreement_json(check(rows, measures))
    if os.environ.get("FRAMING_UPDATE_GOLD") == "1":
        GOLD.write_text(text, encoding="utf-8")
    assert text == GOLD.read_text(encoding="utf-8")


def test_check_prints_figures_and_exits_1_for_skipped_rows(tmp_path: Path) -> None:
    out = tmp_path / "agreement.json"
    result = CliRunner().invoke(cli, ["check", str(DATA / "labelled.csv"), "--json", str(out)])
    assert result.exit_code == 1
    assert "Skipped " in result.stderr and "labelled.csv:12: unknown measure" in result.stderr
    assert "Agreement with 9 labelled sentences of labelled.csv" in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["rows"] == 9
    assert "Traceback" not in result.output


def test_a_file_without_the_columns_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "babe.csv"
    path.write_text("sentence,label\nThe vote was rigged.,biased\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"Error: {path}: no measure column")
    ok = CliRunner().invoke(cli, ["check", str(path), "--measure", "loaded"])
    assert ok.exit_code == 0 and "macro-F1" in ok.stdout
