"""The example templates in report_templates/ render against the seeds' briefing: the executive
summary prints on exactly one A4 page, the Markdown digest is well-formed Markdown."""

from __future__ import annotations

import copy
import io
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pypdf
import pytest
from bs4 import BeautifulSoup, Tag
from jinja2 import UndefinedError

from framing.report.context import report_context
from framing.report.render import make_environment, render_pdf

EXAMPLES = Path(__file__).resolve().parent.parent / "report_templates"
SUMMARY = EXAMPLES / "executive-summary"
DIGEST = EXAMPLES / "markdown-digest"
A4_POINTS = (595, 842)


def manifest(folder: Path) -> dict[str, Any]:
    return tomllib.loads((folder / "template.toml").read_text(encoding="utf-8"))


def render(folder: Path, context: dict[str, Any]) -> str:
    """The folder's entry template rendered with the package's environment."""
    entry = manifest(folder)["entry"]
    return make_environment(folder).get_template(entry).render(context)


def pdf_pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def words(text: str) -> str:
    """Text with every run of whitespace as one space: PDF lines wrap anywhere."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def context(seeds_json: dict[str, Any]) -> dict[str, Any]:
    return report_context(seeds_json)


@pytest.fixture(scope="module")
def summary_html(context: dict[str, Any]) -> str:
    return render(SUMMARY, context)


@pytest.fixture(scope="module")
def summary_pdf(summary_html: str) -> bytes:
    return render_pdf(summary_html)


@pytest.fixture(scope="module")
def digest(context: dict[str, Any]) -> str:
    return render(DIGEST, context)


# ---- template.toml ---------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [SUMMARY, DIGEST], ids=lambda f: f.name)
def test_template_toml_names_an_entry_that_exists(folder: Path) -> None:
    meta = manifest(folder)
    assert meta["name"] and "\n" not in meta["description"]
    assert (folder / meta["entry"]).is_file()
    assert meta["formats"] and set(meta["formats"]) <= {"html", "pdf", "md"}


def test_summary_toml_declares_the_page_its_css_prints() -> None:
    meta = manifest(SUMMARY)
    assert (meta["page_size"], meta["orientation"]) == ("A4", "portrait")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4 portrait", (SUMMARY / "style.css").read_text())


# ---- executive summary -----------------------------------------------------------------------


def test_summary_prints_on_exactly_one_a4_page(summary_pdf: bytes) -> None:
    pages = pdf_pages(summary_pdf)
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS


def test_summary_page_shows_the_title_and_every_finding(
    summary_pdf: bytes, context: dict[str, Any]
) -> None:
    text = words(pdf_pages(summary_pdf)[0].extract_text())
    assert context["title"] in text
    assert len(context["findings"]) == 8  # the seeds reach the bound: the page holds them all
    for finding in context["findings"]:
        assert " ".join(finding["text"].split()[:5]) in text


def test_summary_matrix_has_a_row_per_shared_topic_and_a_column_per_outlet(
    summary_html: str, context: dict[str, Any]
) -> None:
    """The nine most shared topics, one row each, and a line that says how many more the
    full report has (the page holds no more)."""
    table = BeautifulSoup(summary_html, "html.parser").find("table", class_="coverage")
    assert isinstance(table, Tag)
    heads = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert heads == [c["label"] for c in context["coverage"]["columns"]]
    every = [row for row in context["coverage"]["rows"] if row["shared"]]
    shared = every[:9]
    rows = table.select("tbody tr")
    assert [tr.th.get_text(strip=True) for tr in rows if tr.th] == [r["topic"] for r in shared]
    if len(every) > 9:
        more = rows.pop().get_text(strip=True)
        assert more.startswith(f"… and {len(every) - 9} more shared topics")
    for tr, row in zip(rows, shared, strict=True):
        cells = [td.get_text(strip=True) for td in tr.find_all("td")]
        assert cells == [str(c["count"]) if c["count"] else "—" for c in row["cells"]]
        blind = [td for td in tr.find_all("td") if "blind" in (td.get("class") or [])]
        assert len(blind) == sum(1 for c in row["cells"] if c["count"] == 0)


def test_summary_is_self_contained(summary_html: str) -> None:
    soup = BeautifulSoup(summary_html, "html.parser")
    assert not soup.find_all(["script", "link", "iframe", "object", "embed", "img"])
    assert not re.search(r"(?:https?:|ftp:)?//[\w.-]+\.\w", summary_html)
    style = soup.find("style")
    assert style is not None and "@page" in style.get_text()
    assert "url(" not in style.get_text() and "@import" not in style.get_text()


def test_summary_stays_one_page_at_its_limits(context: dict[str, Any]) -> None:
    """12 outlets (the most the matrix shows), every topic shared and 8 findings (the most
    there are) each as long as the seeds' longest: the worst page the summary must hold."""
    crowded = copy.deepcopy(context)
    longest = max(crowded["findings"], key=lambda f: len(f["text"]))
    crowded["findings"] = [longest] * 8
    columns = crowded["coverage"]["columns"]
    crowded["coverage"]["columns"] = [
        dict(c, label=f"{c['label']} {n}") for n in (1, 2, 3) for c in columns
    ][:12]
    for row in crowded["coverage"]["rows"]:
        row.update(shared=True, cells=(row["cells"] * 3)[:12])
    assert len(pdf_pages(render_pdf(render(SUMMARY, crowded)))) == 1


# ---- Markdown digest -------------------------------------------------------------------------

PIPE = re.compile(r"(?<!\\)\|")
ESCAPE_OR_BOLD = re.compile(r"\\([\\`*_~\[<|])|\*\*")


def unescape(line: str) -> str:
    """A Markdown line as the reader sees it: backslash escapes resolved, bold markers gone."""
    return ESCAPE_OR_BOLD.sub(lambda m: m.group(1) or "", line)


def tables(markdown: str) -> list[list[list[str]]]:
    """Each GitHub table (consecutive lines starting with "|") as rows of cell texts."""
    found: list[list[list[str]]] = []
    previous = False
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous:
                found.append([])
            found[-1].append([c.strip() for c in PIPE.split(line.strip())[1:-1]])
        previous = line.startswith("|")
    return found


def quotes(markdown: str) -> list[str]:
    return [unescape(line[2:]) for line in markdown.splitlines() if line.startswith("> ")]


def test_digest_has_no_html_escapes(digest: str) -> None:
    assert not re.search(r"&(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);", digest, re.IGNORECASE)


def test_digest_tables_are_well_formed(digest: str) -> None:
    found = tables(digest)
    assert found
    for table in found:
        header, delimiter, *rows = table
        assert all(re.fullmatch(r":?-{3,}:?", cell) for cell in delimiter)
        assert all(len(row) == len(header) for row in [delimiter, *rows])


def test_digest_coverage_table_matches_the_context(digest: str, context: dict[str, Any]) -> None:
    header, _, *rows = tables(digest)[0]
    assert header[1:] == [c["label"] for c in context["coverage"]["columns"]]
    assert [r[0] for r in rows] == [r["topic"] for r in context["coverage"]["rows"]]
    for cells, row in zip(rows, context["coverage"]["rows"], strict=True):
        for text, cell in zip(cells[1:], row["cells"], strict=True):
            assert text.split(" ")[0] == (str(cell["count"]) if cell["count"] else "—")


def test_digest_has_a_heading_per_shared_topic(digest: str, context: dict[str, Any]) -> None:
    headings = [line[4:] for line in digest.splitlines() if line.startswith("### ")]
    names = [t["name"] for t in context["shared_topics"]]
    assert headings[: len(names)] == names
    assert len(set(re.findall(r"^# .+$", digest, re.MULTILINE))) == 1


def test_digest_quotes_every_key_passage(digest: str, context: dict[str, Any]) -> None:
    quoted = quotes(digest)
    passages = [
        "".join(s["text"] for s in passage["segments"])
        for topic in context["shared_topics"]
        for column in topic["columns"]
        for passage in column["key_passages"]
    ]
    assert passages
    for passage in passages:
        assert any(q.startswith(passage) for q in quoted), passage


def test_digest_bolds_each_framing_run_as_valid_emphasis(
    digest: str, context: dict[str, Any]
) -> None:
    """Every marked run of a key passage is bold, and CommonMark reads it as bold: **x** with
    x neither starting nor ending with a space."""
    runs = [
        run
        for line in digest.splitlines()
        if line.startswith("> ")
        for run in re.findall(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*", line)
    ]
    assert all(run == run.strip() for run in runs)
    marked = [
        segment["text"]
        for topic in context["shared_topics"]
        for column in topic["columns"]
        for passage in column["key_passages"]
        for segment in passage["segments"]
        if segment["mark"]
    ]
    assert [unescape(run) for run in runs] == marked


def test_article_text_cannot_break_the_digest(context: dict[str, Any]) -> None:
    """An outlet named with a pipe and a passage holding HTML and asterisks stay plain text."""
    hostile = copy.deepcopy(context)
    hostile["coverage"]["columns"][0]["label"] = "Left | Right Media"
    segment = hostile["shared_topics"][0]["columns"][0]["key_passages"][0]["segments"][0]
    segment["text"] = "<script>alert(1)</script> *not emphasis* " + segment["text"]
    digest = render(DIGEST, hostile)
    header, _, *rows = tables(digest)[0]
    assert header[1] == r"Left \| Right Media"
    assert all(len(row) == len(header) for row in rows)
    assert r"\<script>alert(1)\</script>" in digest
    assert not re.search(r"(?<!\\)<(?!https?://)", digest)  # no raw HTML, only autolinks
    assert r"\*not emphasis\*" in digest


# ---- strict undefined ------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [SUMMARY, DIGEST], ids=lambda f: f.name)
def test_a_typo_in_a_key_fails_the_render(
    folder: Path, tmp_path: Path, context: dict[str, Any]
) -> None:
    copied = tmp_path / folder.name
    shutil.copytree(folder, copied)
    entry = copied / manifest(copied)["entry"]
    source, typos = re.subn(r"(\{\{ (?:md\()?)title\b", r"\1titel", entry.read_text(), count=1)
    assert typos == 1
    entry.write_text(source, encoding="utf-8")
    with pytest.raises(UndefinedError, match="titel"):
        render(copied, context)
