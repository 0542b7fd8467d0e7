"""Custom templates: the lookup chain, template.toml, `framing templates`, and broken templates
reported with file, line and a hint, writing nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
from click.testing import CliRunner

from framing.cli import cli

STANDALONE = "<!doctype html><title>{{ title }}</title><h1>{{ title }}</h1><p>{{ layer }}</p>\n"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_json: dict[str, Any]) -> Path:
    """A working directory with the seeds' briefing at reports/briefing.json."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "briefing.json").write_text(json.dumps(seeds_json))
    return tmp_path


def _template(folder: Path, text: str, toml: str = "", entry: str = "t.html") -> Path:
    folder.mkdir(parents=True)
    (folder / entry).write_text(text)
    (folder / "template.toml").write_text(f'entry = "{entry}"\n{toml}')
    return folder


def test_names_are_found_layer_by_layer(project: Path) -> None:
    """--template-dir beats ./report_templates/, which beats the built-in briefing."""
    _template(project / "report_templates" / "memo", STANDALONE.replace("{{ layer }}", "project"))
    _template(project / "mine" / "memo", STANDALONE.replace("{{ layer }}", "mine"))
    code, _, err = run("render", "reports/briefing.json", "--template", "memo", "--html", "a.html")
    assert code == 0, err
    assert "<p>project</p>" in Path("a.html").read_text()
    code, _, err = run(
        "render", "reports/briefing.json", "--template", "memo", "--html", "b.html",
        env={"FRAMING_TEMPLATE_DIR": str(project / "mine")},
    )  # fmt: skip
    assert code == 0, err
    assert "<p>mine</p>" in Path("b.html").read_text()
    code, out, _ = run("templates", "list", "--template-dir", "mine")
    lines = [line for line in out.splitlines() if line.startswith("memo")]
    assert "--template-dir" in lines[0] and "hidden by the one above" in lines[1]
    assert any(line.startswith("briefing") and "built-in" in line for line in out.splitlines())


def test_a_project_briefing_replaces_the_builtin_by_name(project: Path) -> None:
    _template(project / "report_templates" / "briefing", STANDALONE.replace("{{ layer }}", "own"))
    assert run("render", "reports/briefing.json", "--html", "a.html")[0] == 0
    assert "<p>own</p>" in Path("a.html").read_text()


def test_init_then_check_then_render(project: Path) -> None:
    code, out, err = run("templates", "init", "house")
    assert code == 0, err
    folder = project / "report_templates" / "house"
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "style.css", "template.toml"]
    assert 'name = "house"' in (folder / "template.toml").read_text()
    code, out, err = run("templates", "check", "house")
    assert code == 0, err
    assert "house: html renders" in out and "house: pdf renders" in out and "OK" in out
    assert not list(project.glob("check.*"))  # check writes nothing
    code, _, err = run("render", "reports/briefing.json", "--template", "house", "--html", "h.html")
    assert code == 0, err
    html = Path("h.html").read_text()
    assert "Your organisation" in html and "#7a1f5c" in html and 'id="topic-syria"' in html
    assert run("templates", "init", "house")[0] == 1  # never overwrites
    assert run("templates", "init", "Bad Name")[0] == 1
    code, _, err = run("templates", "init", "copy", "--from", "house")
    assert code == 0, err
    assert (project / "report_templates" / "copy" / "style.css").is_file()


def test_markdown_template(project: Path) -> None:
    _template(
        project / "report_templates" / "digest",
        "# {{ title }}\n{% for f in findings %}- {{ f.text }}\n{% endfor %}",
        'formats = ["md"]\n',
        entry="digest.md",
    )
    code, _, err = run("render", "reports/briefing.json", "--template", "digest", "--md", "d.md")
    assert code == 0, err
    text = Path("d.md").read_text()
    assert text.startswith("# Framing briefing") and "“" in text and "&" not in text
    code, _, err = run("render", "reports/briefing.json", "--template", "digest", "--pdf", "d.pdf")
    assert code == 2 and "makes md, not pdf" in err and not Path("d.pdf").exists()


def test_page_size_from_template_toml(project: Path) -> None:
    _template(
        project / "report_templates" / "wide",
        STANDALONE.replace("{{ layer }}", ""),
        'orientation = "landscape"\n',
    )
    code, _, err = run("render", "reports/briefing.json", "--template", "wide", "--pdf", "w.pdf")
    assert code == 0, err
    box = pypdf.PdfReader(io.BytesIO(Path("w.pdf").read_bytes())).pages[0].mediabox
    assert box.width > box.height


@pytest.mark.parametrize(
    ("text", "css", "message"),
    [
        ("{% extends 'builtin:briefing.html' %}\n{% block cover %}{% if %}{% endblock %}", "",
         "t.html, line 2: template error"),
        ("<h1>{{ title }}</h1>\n<p>{{ organisation }}</p>", "", "t.html, line 2"),
        ("{% extends 'builtin:nope.html' %}", "", "'builtin:nope.html' not found"),
        ("<style>\n{% include 'house.css' %}\n</style>", "", "line 2: template 'house.css'"),
        ("<style>{% include 'style.css' %}</style>", "p {}\n@import url('https://x.org/f.css');",
         "style.css, line 2: the template loads a remote URL, https://x.org/f.css"),
        ('<img src="http://example.com/logo.png">', "", "t.html, line 1"),
    ],
)  # fmt: skip
def test_broken_template_is_one_line_and_writes_nothing(
    project: Path, text: str, css: str, message: str
) -> None:
    folder = _template(project / "report_templates" / "bad", text)
    if css:
        (folder / "style.css").write_text(css)
    code, _, err = run(
        "render", "reports/briefing.json", "--template", "bad", "--html", "o.html", "--pdf", "o.pdf"
    )
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert "(" in err  # the hint
    assert not list(project.glob("o.*")) and not list(project.glob(".o.*"))


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('formats = ["docx"]\n', "formats must be a list of html, pdf, md"),
        ('formats = ["md", "pdf"]\n', "Markdown or HTML/PDF, not both"),
        ('orientation = "sideways"\n', "orientation must be portrait or landscape"),
    ],
)
def test_bad_template_toml(project: Path, toml: str, message: str) -> None:
    _template(project / "report_templates" / "bad", STANDALONE.replace("{{ layer }}", ""), toml)
    code, _, err = run("render", "reports/briefing.json", "--template", "bad", "--html", "o.html")
    assert code == 1 and "template.toml" in err and message in err


def test_unknown_name_lists_what_there_is(project: Path) -> None:
    code, _, err = run("render", "reports/briefing.json", "--template", "nosuch", "--html", "o")
    assert code == 1 and "no template named 'nosuch' (have: briefing)" in err


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("the *brutal* regime", "the \\*brutal\\* regime"),
        ("<script>x</script>", "\\<script>x\\</script>"),
        (" two\nlines ", " two lines "),  # edge spaces kept: runs of a sentence join up
    ],
)
def test_md_filter_makes_text_literal(text: str, literal: str) -> None:
    from framing.render import escape_markdown

    assert escape_markdown(text) == literal
