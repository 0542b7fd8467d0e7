"""The cache of article analyses: a re-run reads every analysis back and writes the same
bytes; editing one article re-analyses that one; a title or a template re-analyses nothing,
a lexicon everything; a corrupt or foreign entry is ignored and rewritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from framing.analyse.topics import default_topics
from framing.cache import AnalysisCache
from framing.cli import cli
from framing.pipeline import Execution, build_briefing
from framing.serialise import to_json


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def _brief(corpus: Path, cache: AnalysisCache, title: str = "") -> str:
    execution = Execution(jobs=1, cache=cache)
    return to_json(build_briefing([corpus], default_topics(), title, execution=execution))


def _entries(cache: AnalysisCache) -> list[Path]:
    return sorted(cache.folder.glob("*/*.analysis"))


def test_a_re_run_reads_every_analysis_back_and_writes_the_same_bytes(
    corpus: Path, tmp_path: Path
) -> None:
    cold = AnalysisCache(tmp_path / "cache")
    first = _brief(corpus, cold)
    assert cold.hits == 0 and len(_entries(cold)) == 5
    warm = AnalysisCache(tmp_path / "cache")
    assert _brief(corpus, warm) == first and warm.hits == 5
    retitled = AnalysisCache(tmp_path / "cache")
    assert json.loads(_brief(corpus, retitled, "Russia and Israel"))["title"] == "Russia and Israel"
    assert retitled.hits == 5


def test_editing_one_article_re_analyses_that_one(corpus: Path, tmp_path: Path) -> None:
    _brief(corpus, AnalysisCache(tmp_path / "cache"))
    edited = corpus / "the-buzz-russia-big-plans-israel-hamas-war.txt"
    edited.write_text(edited.read_text().replace("Russia", "Moscow", 1))
    again = AnalysisCache(tmp_path / "cache")
    _brief(corpus, again)
    assert again.hits == 4 and len(_entries(again)) == 6


def test_other_topics_miss_the_cache(corpus: Path, tmp_path: Path) -> None:
    _brief(corpus, AnalysisCache(tmp_path / "cache"))
    other = AnalysisCache(tmp_path / "cache")
    topics = default_topics()[:3]
    build_briefing([corpus], topics, execution=Execution(cache=other))
    assert other.hits == 0


def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(corpus: Path, tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path / "cache")
    first = _brief(corpus, cache)
    broken, foreign, *_ = _entries(cache)
    broken.write_bytes(broken.read_bytes()[:-100])  # truncated
    data = foreign.read_bytes()
    foreign.write_bytes(data[:40] + bytes([data[40] ^ 1]) + data[41:])  # a forged seal
    again = AnalysisCache(tmp_path / "cache")
    assert _brief(corpus, again) == first and again.hits == 3
    final = AnalysisCache(tmp_path / "cache")
    _brief(corpus, final)
    assert final.hits == 5


def test_an_unwritable_cache_does_not_stop_the_run(corpus: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert _brief(corpus, AnalysisCache(blocked / "cache")) == _brief(
        corpus, AnalysisCache(tmp_path / "ok")
    )


def test_cache_commands_and_the_closing_line(corpus: Path, tmp_path: Path) -> None:
    folder = str(tmp_path / "cache")
    runner = CliRunner()
    out = str(tmp_path / "b.json")
    cold = runner.invoke(cli, ["analyze", str(corpus), "-o", out, "--cache-dir", folder, "-j", "1"])
    assert cold.exit_code == 0
    assert cold.stderr.splitlines()[-1].startswith("5 articles: 5 analysed, ")
    warm = runner.invoke(cli, ["analyze", str(corpus), "-o", out, "--cache-dir", folder])
    assert warm.stderr.splitlines()[-1].startswith("5 articles: 5 analysed (5 from the cache), ")
    info = runner.invoke(cli, ["cache", "info", "--cache-dir", folder])
    assert info.exit_code == 0 and info.stdout.startswith(f"{folder}: 5 analyses, ")
    cleared = runner.invoke(cli, ["cache", "clear", "--cache-dir", folder])
    assert cleared.stdout == f"Removed 5 analyses from {folder}\n"
    assert runner.invoke(cli, ["cache", "info", "--cache-dir", folder]).stdout.startswith(
        f"{folder}: 0 analyses"
    )
    skipped = runner.invoke(cli, ["analyze", str(corpus), "-o", out, "--no-cache", "-q"])
    assert skipped.exit_code == 0 and skipped.stderr == ""
