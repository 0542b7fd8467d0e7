"""Every command and its error paths, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, SEEDS

from framing import __version__
from framing.cli import cli

ARTICLE = (SEEDS / "the-buzz-russia-big-plans-israel-hamas-war.txt").read_text()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_version_and_help() -> None:
    assert run("--version") == (0, f"framing, version {__version__}\n", "")
    for command in ([], ["brief"], ["analyze"], ["render"]):
        code, out, _ = run(*command, "--help")
        assert code == 0 and "Usage:" in out


def test_brief_writes_three_files(tmp_path: Path) -> None:
    code, out, err = run("brief", str(SEEDS), "-o", str(tmp_path / "reports"))
    assert code == 0, err
    for name in ("briefing.html", "briefing.pdf", "briefing.json"):
        assert (tmp_path / "reports" / name).stat().st_size > 1000
        assert f"Wrote {tmp_path / 'reports' / name}" in out
    assert not list((tmp_path / "reports").glob(".*.tmp"))


def test_analyze_then_render(tmp_path: Path) -> None:
    data = tmp_path / "b.json"
    assert run("analyze", str(SEEDS), "-o", str(data), "--title", "Israel and Russia")[0] == 0
    assert json.loads(data.read_text())["title"] == "Israel and Russia"
    code, _, err = run("render", str(data), "--html", str(tmp_path / "b.html"))
    assert code == 0, err
    assert "Israel and Russia" in (tmp_path / "b.html").read_text()
    assert not (tmp_path / "b.pdf").exists()


def test_topic_options(tmp_path: Path) -> None:
    data = tmp_path / "b.json"
    code, _, err = run(
        "analyze", str(SEEDS), "-o", str(data), "--topic", "Lebanon=Lebanon,Beirut,Lebanese"
    )
    assert code == 0, err
    lebanon = next(t for t in json.loads(data.read_text())["topics"] if t["name"] == "Lebanon")
    assert lebanon["shared"]


def test_bad_file_is_skipped_and_the_rest_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    other = SEEDS / "russia-sides-with-israels-mortal-enemies.txt"
    (corpus / "b.txt").write_text(other.read_text())
    (corpus / "empty.txt").write_text("")
    code, _, err = run("brief", str(corpus), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "Skipped empty.txt: file is empty" in err
    assert err.strip().splitlines()[-1].startswith("Error: 1 input skipped")
    data = json.loads((tmp_path / "out" / "briefing.json").read_text())
    assert [e["path"] for e in data["excluded"]] == ["empty.txt"]
    assert len(data["articles"]) == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["analyze", "no-such-folder"], 1, "no-such-folder: no such file or folder"),
        (["render", "missing.json", "--html", "x.html"], 1, "not a readable briefing JSON"),
        (["render", "b.json"], 2, "nothing to write"),
        (["brief"], 2, "Missing argument"),
        (["analyze", ".", "--topic", "Lebanon"], 1, "is not NAME=ALIAS"),
        (["frame"], 2, "No such command"),
    ],
)
def test_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE)
    got, _, err = run(*args)
    assert got == code
    assert message in err
    if code == 1:
        assert len(err.strip().splitlines()) == 1 and err.startswith("Error: ")


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "framing", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"framing, version {__version__}"


def test_house_style_template_extends_the_builtin(tmp_path: Path) -> None:
    data = tmp_path / "b.json"
    assert run("analyze", str(SEEDS), "-o", str(data))[0] == 0
    templates = SEEDS.parent / "report_templates"
    code, _, err = run(
        "render", str(data), "--template-dir", str(templates), "--template", "house-style",
        "--html", str(tmp_path / "h.html"),
    )  # fmt: skip
    assert code == 0, err
    html = (tmp_path / "h.html").read_text()
    assert "The Example Institute" in html and "#8c1f28" in html
    assert 'id="topic-syria"' in html  # inherited blocks are still there


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% extends 'builtin:briefing.html' %}{% block cover %}{% if %}{% endblock %}", "line 1"),
        ("<h1>{{ title }}</h1>\n<p>{{ no_such_key }}</p>", "line 2"),
        ("{% extends 'builtin:no-such.html' %}", "not found"),
    ],
)
def test_broken_template_is_one_line_and_writes_nothing(
    tmp_path: Path, template: str, message: str
) -> None:
    data = tmp_path / "b.json"
    assert run("analyze", str(SEEDS), "-o", str(data))[0] == 0
    (tmp_path / "mine.html").write_text(template)
    out = tmp_path / "out.html"
    code, _, err = run(
        "render", str(data), "--template-dir", str(tmp_path), "--template", "mine",
        "--html", str(out), "-q",
    )  # fmt: skip
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_one_article_still_gets_a_report(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text(ARTICLE)
    code, _, err = run("brief", str(tmp_path / "only.txt"), "-o", str(tmp_path / "out"))
    assert code == 0, err
    html = (tmp_path / "out" / "briefing.html").read_text()
    assert "No topic is mentioned by two or more outlets" in html
    assert "Only one outlet in this corpus: no comparison is possible." in html


def test_open_launches_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    (tmp_path / "only.txt").write_text(ARTICLE)
    assert run("brief", str(tmp_path / "only.txt"), "-o", str(tmp_path / "out"), "--open")[0] == 0
    assert opened == [(tmp_path / "out" / "briefing.html").resolve().as_uri()]


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where a folder should be")
    code, _, err = run("analyze", str(SEEDS), "-o", str(tmp_path / "taken" / "b.json"))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert str(tmp_path / "taken") in err


def test_inspect_shows_kept_and_removed_lines_and_provenance() -> None:
    code, out, err = run("inspect", str(SEEDS / "jfeed-netanyahu-secret-moscow-mission.txt"))
    assert code == 0, err
    assert "outlet  JFeed  (manifest)" in out
    assert "dek     Amid the crisis between Trump and Zelensky" in out
    assert "(subtitle under the title)" in out
    assert "- Join our newsletter to receive updates" in out
    assert "[newsletter or subscription prompt]" in out
    assert "    4 + Amid the escalating crisis between U.S. President Donald Trump" in out


def test_inspect_json() -> None:
    path = SEEDS / "washington-institute-putin-alignment-middle-east.txt"
    code, out, _ = run("inspect", str(path), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["metadata"]["author"] == {"value": "Anna Borshchevskaya", "source": "manifest"}
    statuses = {line["text"][:20]: line["status"] for line in report["lines"]}
    assert statuses["RECOMMENDED"] == "removed"
    assert statuses["In the ongoing Israe"] == "kept"
    headings = [line["text"] for line in report["lines"] if line["kind"] == "heading"]
    assert headings[0] == "Middle Ground in the Middle East—With Bias"
    assert [line["line"] for line in report["lines"]] == sorted(
        line["line"] for line in report["lines"]
    )


def test_progress_bar_only_for_long_runs_on_a_terminal() -> None:
    from framing.cli import ProgressBar

    quiet, short, long = (
        ProgressBar(enabled=False),
        ProgressBar(enabled=True),
        ProgressBar(enabled=True),
    )
    quiet.stage("Analysing", 1000)
    short.stage("Analysing", 10)
    long.stage("Analysing", 1000)
    for bar in (quiet, short, long):
        bar.advance()
    assert quiet.bar is None and short.bar is None and long.bar is not None
    assert long.bar.pos == 1
    long.close()


def test_lexicon_dir_extends_the_measures_and_bad_ones_are_one_line(tmp_path: Path) -> None:
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "loaded.toml").write_text('version = "desk-1"\n[lists]\nemotive = ["grim"]\n')
    out = tmp_path / "b.json"
    code, _, _ = run("analyze", str(SEEDS), "--lexicon-dir", str(lexicons), "-o", str(out), "-q")
    assert code == 0
    data = json.loads(out.read_text())
    assert {"name": "loaded", "version": "desk-1", "source": str(lexicons / "loaded.toml")} in (
        data["lexicons"]
    )
    (lexicons / "stance.toml").write_text("hedges = [\n")
    broken = tmp_path / "broken.json"
    code, _, err = run("analyze", str(SEEDS), "--lexicon-dir", str(lexicons), "-o", str(broken))
    assert code == 1 and not broken.exists()
    assert err.startswith("Error: ") and "stance.toml" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("analyze", str(SEEDS), "--lexicon-dir", str(tmp_path / "nope"))
    assert code == 1 and "lexicon folder not found" in err


def test_stories_are_listed_and_one_can_be_briefed_alone(tmp_path: Path) -> None:
    """The claims fixture holds two events: the grain corridor (three outlets) and a
    front-line visit (one); `--story` briefs one, under the id the whole corpus gave it."""
    assert run("analyze", str(DATA / "claims"), "-q", "-o", str(tmp_path / "all.json"))[0] == 0
    code, out, _ = run("stories", str(tmp_path / "all.json"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("story-001  2024-03-02  3 outlets  ")
    assert lines[1] == "    The Daily, The Ledger, Wire Service"
    assert lines[2] == "story-002  2024-03-03  1 outlet  Zelensky visits front-line troops"
    code, _, _ = run(
        "brief", str(DATA / "claims"), "--story", "story-002", "-q", "-o", str(tmp_path / "one")
    )
    briefing = json.loads((tmp_path / "one" / "briefing.json").read_text())
    assert code == 0 and [s["id"] for s in briefing["stories"]] == ["story-002"]
    assert [a["label"] for a in briefing["articles"]] == ["The Weekly"]
    assert briefing["alignments"] == [] and briefing["omissions"] == []


def test_an_unknown_story_is_a_one_line_error_and_writes_nothing(tmp_path: Path) -> None:
    code, _, err = run(
        "brief", str(DATA / "claims"), "--story", "story-009", "-o", str(tmp_path / "x")
    )
    assert code == 1 and not (tmp_path / "x").exists()
    assert err.strip().splitlines() == [
        "Error: no story story-009 in this corpus (it has story-001 to story-002)"
        " (list the stories with `framing stories BRIEFING.json`)"
    ]
