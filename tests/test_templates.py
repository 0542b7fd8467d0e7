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


HOSTILE = '{% set _ = lipsum.__globals__["os"].system("id > PWNED") %}<p>own</p>\n'


def test_a_folder_in_the_working_directory_runs_only_when_named(project: Path) -> None:
    """A cloned folder's report_templates/briefing/ does not replace the built-in report;
    named, it runs sandboxed, and the run says which template it used and from where."""
    _template(project / "report_templates" / "briefing", HOSTILE)
    code, _, err = run("render", "reports/briefing.json", "--html", "a.html")
    assert code == 0 and err == ""
    html = Path("a.html").read_text()
    assert 'id="topic-syria"' in html and "<p>own</p>" not in html
    code, _, err = run("render", "reports/briefing.json", "--template", "briefing", "--html", "b")
    assert code == 1 and "Using template 'briefing' from report_templates/briefing/t.html" in err
    assert "__globals__" in err and "unsafe" in err and "templates run sandboxed" in err
    assert not (project / "PWNED").exists() and not Path("b").exists()


def test_a_template_dir_given_by_the_user_sets_the_default(project: Path) -> None:
    _template(project / "mine" / "briefing", STANDALONE.replace("{{ layer }}", "mine"))
    code, _, err = run("render", "reports/briefing.json", "--template-dir", "mine", "--html", "a")
    assert code == 0 and "Using template 'briefing' from mine/briefing/t.html" in err
    assert "<p>mine</p>" in Path("a").read_text()
    code, out, _ = run("templates", "list", "--template-dir", "mine")
    assert "Without --template: briefing (--template-dir, mine/briefing/t.html)" in out


@pytest.mark.parametrize(
    "payload",
    [
        '{{ lipsum.__globals__["os"].system("touch PWNED") }}',
        '{{ cycler.__init__.__globals__.os.popen("touch PWNED").read() }}',
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ (title|attr('__class__')).__mro__ }}",
        "{{ '{0.__class__.__init__.__globals__}'.format(title) }}",
        "{{ self._TemplateReference__context }}",
        "{{ namespace.__init__.__globals__ }}",
        "{% for x in range.__self__.__dict__ %}{% endfor %}",
    ],
)
def test_templates_run_sandboxed(project: Path, payload: str) -> None:
    _template(project / "report_templates" / "evil", f"<p>{{{{ title }}}}</p>\n{payload}\n")
    code, _, err = run("render", "reports/briefing.json", "--template", "evil", "--html", "o")
    assert code == 1 and "t.html, line 2: template error" in err, err
    assert len(err.strip().splitlines()) == 2  # which template, then the one-line error
    assert not (project / "PWNED").exists() and not Path("o").exists()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("/etc/passwd", "/etc/passwd: a file: --template takes a template name or a template"),
        ("./nowhere", "./nowhere: no such folder"),
        ("report_templates/x/t.html", "a file"),
    ],
)
def test_template_takes_a_name_or_a_folder_never_a_file(
    project: Path, spec: str, message: str
) -> None:
    _template(project / "report_templates" / "x", STANDALONE.replace("{{ layer }}", "x"))
    code, _, err = run("render", "reports/briefing.json", "--template", spec, "--html", "o")
    assert code == 1 and message in err and not Path("o").exists()
    code, _, err = run("render", "reports/briefing.json", "--template", "report_templates/x/",
                       "--html", "o")  # fmt: skip
    assert code == 0 and "(path; sandboxed)" in err


def test_a_broken_template_in_the_working_directory_does_not_stop_the_default(
    project: Path,
) -> None:
    (project / "report_templates" / "broken").mkdir(parents=True)
    (project / "report_templates" / "broken" / "template.toml").write_text("entry = [")
    code, _, err = run("render", "reports/briefing.json", "--html", "a.html")
    assert code == 0 and err == ""


def test_a_folder_in_the_working_directory_does_not_answer_to_a_name(project: Path) -> None:
    _template(project / "briefing", HOSTILE)  # ./briefing/, not in a layer
    assert run("render", "reports/briefing.json", "--template", "briefing", "--html", "a")[0] == 0
    assert "<p>own</p>" not in Path("a").read_text()


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
        ('<p>{{ title }}</p>\n<img src="&#104;ttp://example.com/a.png">', "",
         "t.html, line 2: the template loads a remote URL, http://example.com/a.png"),
        ("<p>{{ title }}</p>\n<script>fetch('/x')</script>", "",
         "t.html, line 2: the template has a script of its own: a report runs only framing's"),
        ('<meta http-equiv="refresh" content="0; url=https://example.com/">', "",
         "t.html, line 1: the template refreshes or redirects the page"),
    ],
)  # fmt: skip
def test_broken_template_is_one_line_and_writes_nothing(
    project: Path, text: str, css: str, message: str
) -> None:
    folder = _template(project / "report_templates" / "bad", text)
    if css:
        (folder / "style.css").write_text(css)
    code, _, err = run(
        "render", "reports/briefing.json", "--template", "bad", "--html", "o.html",
        "--pdf", "o.pdf", "-q",
    )  # fmt: skip
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert "(" in err  # the hint
    assert not list(project.glob("o.*")) and not list(project.glob(".o.*"))


def test_a_custom_template_may_include_the_builtin_filters(project: Path) -> None:
    text = STANDALONE.replace("{{ layer }}", "x") + '<script>{% include "builtin:filters.js" %}'
    _template(project / "report_templates" / "lively", text + "</script>\n")
    code, _, err = run("render", "reports/briefing.json", "--template", "lively", "--html", "o")
    assert code == 0, err
    assert "Content-Security-Policy" in Path("o").read_text()


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
    from framing.report.render import escape_markdown

    assert escape_markdown(text) == literal
