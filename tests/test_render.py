"""The HTML report parsed as a tree, the PDF read back with pypdf, and the offline fetcher."""

from __future__ import annotations

import copy
import io
import logging
import re
import socket
from typing import Any

import pypdf
import pytest
from bs4 import BeautifulSoup, Tag

from framing.report.render import render_html, render_pdf


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_one_column_per_outlet_per_shared_topic(
    seeds_html: str, seeds_json: dict[str, Any]
) -> None:
    soup = _soup(seeds_html)
    labels = {a["id"]: a["label"] for a in seeds_json["articles"]}
    for topic in (t for t in seeds_json["topics"] if t["shared"]):
        slug = re.sub(r"[^a-z0-9]+", "-", topic["name"].lower())
        section = soup.find("section", id=f"topic-{slug}")
        assert isinstance(section, Tag), topic["name"]
        columns = section.select("article.column")
        assert [c.h4.get_text(strip=True) for c in columns if c.h4] == [
            labels[c["article_id"]] for c in topic["articles"]
        ]
        for column, coverage in zip(columns, topic["articles"], strict=True):
            passages = column.select("ol.passages > li")
            assert len(passages) == len(coverage["key_passages"])
            listed = column.select("details.all-sentences ol.sentences > li")
            more = len(coverage["sentence_ids"]) - len(passages)
            assert len(listed) == (len(coverage["sentence_ids"]) if more else 0)


def test_key_passages_mark_their_framing_words(seeds_html: str) -> None:
    """The Buzz on Russia: the key passage calling Putin a mediator marks the label."""
    section = _soup(seeds_html).find("section", id="topic-russia")
    assert isinstance(section, Tag)
    buzz = next(c for c in section.select("article.column") if c["data-outlet"] == "The Buzz")
    passage = next(li for li in buzz.select("ol.passages > li") if "mediator" in li.get_text())
    assert "a mediator in the Middle East" in [m.get_text() for m in passage.find_all("mark")]
    assert "label" in passage.select_one("small.signals").get_text()


def test_filters_find_every_outlet_and_topic(seeds_html: str, seeds_json: dict[str, Any]) -> None:
    """filters.js builds its form from data-outlet and data-topic: each outlet's rows and
    columns carry its label, each topic section and claim group its topic."""
    soup = _soup(seeds_html)
    labels = {a["label"] for a in seeds_json["articles"]}
    assert {tr["data-outlet"] for tr in soup.select("#sources tr[data-outlet]")} == labels
    assert {th["data-outlet"] for th in soup.select("#coverage thead th[data-outlet]")} == labels
    shared = {t["name"] for t in seeds_json["topics"] if t["shared"]}
    assert {s["data-topic"] for s in soup.select("section.topic[data-topic]")} == shared
    assert {s["data-topic"] for s in soup.select("section.claims[data-topic]")} <= shared | {
        "Other claims"
    }


def test_charts_are_inline_svg_with_text_alternatives(seeds_html: str) -> None:
    section = _soup(seeds_html).find("section", id="profiles")
    assert isinstance(section, Tag)
    charts = section.select("svg.chart")
    assert len(charts) >= 5 + 8 + 1  # a panel per outlet (frames), per measure, and tone
    for svg in charts:
        assert svg["role"] == "img" and svg.find("title") and svg.find("desc")


def test_more_than_four_outlets_are_rows(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    layouts = {s["id"]: s.select_one("div.columns")["class"] for s in soup.select("section.topic")}
    assert "rows" in layouts["topic-russia"]  # 5 outlets
    assert "columns" in layouts["topic-gaza"]  # 3 outlets


def test_syria_hamas_ukraine_show_three_outlets_or_more(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    for slug in ("syria", "hamas", "ukraine"):
        section = soup.find("section", id=f"topic-{slug}")
        assert isinstance(section, Tag)
        filled = [c for c in section.select("article.column") if c.select("ol.sentences > li")]
        assert len(filled) >= 3


def test_tables_have_headers(seeds_html: str, seeds_json: dict[str, Any]) -> None:
    soup = _soup(seeds_html)
    for table_id in ("sources", "coverage", "readability"):
        section = soup.find("section", id=table_id)
        assert isinstance(section, Tag)
        table = section.find("table")
        assert isinstance(table, Tag) and table.thead and table.tbody
        assert len(table.tbody.find_all("tr")) == (
            len(seeds_json["topics"]) if table_id == "coverage" else len(seeds_json["articles"])
        )


def test_self_contained_and_ids_unique(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    assert not soup.find_all("link")
    (script,) = soup.find_all("script")  # the filters, inline, and nothing it could fetch
    assert "filter the report" in script.string
    assert not re.search(r"fetch|XMLHttpRequest|https?:|import\(|src", script.string)
    for tag in soup.find_all(href=True):
        assert str(tag["href"]).startswith("#"), tag
    assert not soup.find_all(src=True)
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for tag in soup.find_all(href=True):
        assert str(tag["href"])[1:] in ids


def test_article_text_is_escaped(seeds_json: dict[str, Any]) -> None:
    hostile = copy.deepcopy(seeds_json)
    hostile["articles"][0]["title"] = "<script>alert('x')</script> & <b>bold</b>"
    hostile["topics"][0]["name"] = "{{ 7 * 7 }}"
    soup = _soup(render_html(hostile))
    assert len(soup.find_all("script")) == 1 and not soup.find_all("b", string="bold")
    assert "<script>alert('x')</script> & <b>bold</b>" in soup.get_text()
    assert "{{ 7 * 7 }}" in soup.get_text()  # shown as written, never evaluated


def test_pdf_pages_text_and_bookmarks(seeds_pdf: bytes, seeds_json: dict[str, Any]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seeds_pdf))
    assert len(reader.pages) >= 2
    text = "".join(page.extract_text() for page in reader.pages).replace("\u2010", "-")
    text = re.sub(r"\s+", " ", text)
    for article in seeds_json["articles"]:
        assert article["label"] in text
    assert reader.metadata.title == seeds_json["title"]
    assert reader.metadata.author == f"framing {seeds_json['framing_version']}"
    assert reader.metadata.subject.startswith("How 5 outlets frame Russia, Israel")
    assert "Hamas" in reader.metadata["/Keywords"] and "JFeed" in reader.metadata["/Keywords"]
    outline = [item.title for item in _flatten(reader.outline)]
    for heading in (
        "Key findings",
        "Sources",
        "Who covers what",
        "What each outlet calls each actor",
        "Framing profiles",
        "Shared claims, word by word",
        "Readability",
        "What was removed",
        "Evidence for the key findings",  # the PDF's appendix: the HTML opens them in place
    ):
        assert heading in outline
    for topic in ("Syria", "Hamas", "Ukraine"):
        assert any(title.startswith(topic) for title in outline)


def _flatten(outline: list[Any]) -> list[Any]:
    return [x for item in outline for x in (_flatten(item) if isinstance(item, list) else [item])]


def test_pdf_renders_without_warnings(seeds_html: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(seeds_html)
    assert not caplog.records


def test_same_html_same_pdf_bytes(
    seeds_html: str, seeds_pdf: bytes, seeds_json: dict[str, Any]
) -> None:
    assert render_html(seeds_json) == seeds_html
    assert render_pdf(seeds_html) == seeds_pdf


def test_pdf_fetches_nothing_remote(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    attempts: list[Any] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: attempts.append(address))
    html = """<html><head><link rel="stylesheet" href="https://example.com/x.css"></head><body>
    <p>Body</p><img src="http://example.com/tracker.png"><img src="file:///etc/hostname">
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p style="background: url(https://example.com/bg.png)">x</p></body></html>"""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        assert render_pdf(html).startswith(b"%PDF")
    assert attempts == []
    blocked = " ".join(r.getMessage() for r in caplog.records)
    for url in (
        "https://example.com/x.css",
        "http://example.com/tracker.png",
        "file:///etc/hostname",
    ):
        assert url in blocked


def test_label_table_has_an_actor_row_and_an_outlet_column_each(
    seeds_html: str, seeds_json: dict[str, Any]
) -> None:
    table = _soup(seeds_html).select_one("#labels table.label-table")
    assert isinstance(table, Tag)
    outlets = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert outlets == [a["label"] for a in seeds_json["articles"]]
    rows = {tr.th.get_text(strip=True): tr for tr in table.select("tbody tr") if tr.th}
    assert {"Russia", "Israel", "Hamas", "Iran", "Syria"} <= set(rows)
    buzz = outlets.index("The Buzz")
    cell = rows["Hamas"].find_all("td")[buzz]
    labels = [s.get_text(" ", strip=True) for s in cell.select("ul.labels summary")]
    assert "“a founder and political leader of the militant group”" in labels
    assert "“Hamas terrorists” (quoted)" in labels


def test_numbers_open_their_sentences_with_the_words_marked(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    profiles = soup.select_one("#profiles table.profiles")
    assert isinstance(profiles, Tag)
    opened = profiles.select("details.ev")
    assert opened
    for details in opened:
        summary = details.summary.get_text(strip=True) if details.summary else ""
        items = details.select("ol.evidence > li")
        if summary.isdigit():  # a count: as many marked sentences as it says, or fewer
            assert 0 < len(items) <= int(summary)
            assert all(li.find("mark") for li in items)


def test_each_topic_section_compares_the_measures_per_outlet(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    section = soup.select_one("section#topic-hamas")
    assert isinstance(section, Tag)
    table = section.select_one("table.measures")
    assert isinstance(table, Tag)
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert len(header) - 1 == len(section.select("article.column"))
    rows = [tr.th.get_text(" ", strip=True) for tr in table.select("tbody tr")]
    for name in (
        "Quotes and attributions",
        "Anonymous sourcing",
        "Hedges",
        "Prescriptions",
        "Loaded terms",
    ):
        assert name in rows
    assert "Hamas called" in rows


def test_method_states_the_measured_validity_and_lexicon_versions(seeds_html: str) -> None:
    method = _soup(seeds_html).select_one("#method")
    assert isinstance(method, Tag)
    validity = method.select_one("table.validity")
    assert isinstance(validity, Tag)
    text = validity.get_text(" ", strip=True)
    assert "BABE" in text and "BASIL" in text and "macro-F1" in text
    from framing.report.context_validity import validity as rows

    shown = [
        [cell.get_text(strip=True) for cell in tr.select("th, td")]
        for tr in validity.select("tbody tr")
    ]
    expected = [
        [r["measure"], r["data"], r["metric"], str(r["value"]), str(r["baseline"] or "—")]
        for r in rows()
    ]
    assert shown == expected  # the measured figures, as recorded, none copied into the template
    measures = {row[0] for row in shown}
    for measure in ("Genre: news", "Genre: opinion", "Actors found", "Saved pages: article body"):
        assert measure in measures
    assert "trafilatura" in text and "not used for tuning" in text
    lexicons = [tr.th.get_text(strip=True) for tr in method.select("table.lexicons tbody tr")]
    assert lexicons == [
        "frames", "actors", "entities", "sourcing", "stance", "loaded", "align", "variants",
        "stories",
    ]  # fmt: skip


def test_key_findings_open_the_sentences_they_cite(
    seeds_html: str, seeds_json: dict[str, Any]
) -> None:
    section = _soup(seeds_html).select_one("section#findings")
    assert isinstance(section, Tag)
    items = section.select("ol.findings > li")
    assert len(items) == len(seeds_json["findings"]) >= 5
    texts = {s["text"] for a in seeds_json["articles"] for s in a["sentences"]}
    texts |= {a[key] for a in seeds_json["articles"] for key in ("title", "dek")}  # measured too
    for item, finding in zip(items, seeds_json["findings"], strict=True):
        assert item.get_text(" ", strip=True).startswith(finding["text"][:40])
        cited = [li.get_text(" ", strip=True) for li in item.select("ol.evidence > li")]
        assert len(cited) == len(finding["evidence"])
        for line in cited:
            assert line.split(": ", 1)[1] in texts


def _many_outlets(seeds_json: dict[str, Any], copies: int) -> dict[str, Any]:
    """The seeds repeated under other outlet names: a corpus of 5 x `copies` articles."""
    big = copy.deepcopy(seeds_json)
    big["articles"], big["findings"] = [], []
    for n in range(copies):
        for article in seeds_json["articles"]:
            big["articles"].append(
                article | {"id": f"{article['id']}-{n}", "label": f"{article['label']} {n}"}
            )
    for topic in big["topics"]:
        topic["articles"] = [
            c | {"article_id": f"{c['article_id']}-{n}"}
            for n in range(copies)
            for c in topic["articles"]
        ]
        topic["outlets"] = [f"{o} {n}" for n in range(copies) for o in topic["outlets"]]
    big["alignments"], big["omissions"], big["exclusives"] = [], [], []
    return big


def test_a_large_corpus_gives_a_bounded_report(seeds_json: dict[str, Any]) -> None:
    """20 articles: per-article sections show 12 and say where the rest are; each topic
    shows at most 12 outlets, as rows, and names the others."""
    soup = _soup(render_html(_many_outlets(seeds_json, 4)))
    assert len(soup.select("#sources tbody tr")) == 12
    assert len(soup.select("#coverage thead th[data-outlet]")) == 12
    assert len(soup.select("#profiles table.profiles tbody tr")) == 12
    assert len(soup.select("#readability tbody tr")) == 12
    note = soup.select_one("#sources p.hidden-articles")
    assert note is not None and "8 more articles are in the JSON" in note.get_text()
    russia = soup.find("section", id="topic-russia")
    assert isinstance(russia, Tag)
    assert len(russia.select("article.column")) == 12
    assert "rows" in russia.select_one("div.columns")["class"]
    assert "Also mentioned by" in russia.get_text()


def test_evidence_appendix_is_for_print(seeds_html: str, seeds_json: dict[str, Any]) -> None:
    """Each finding's cited sentences, in a section only the PDF shows."""
    appendix = _soup(seeds_html).find("section", id="evidence")
    assert isinstance(appendix, Tag) and "print-only" in appendix["class"]
    blocks = appendix.select("div.finding-evidence")
    assert len(blocks) == len(seeds_json["findings"])
    for block, finding in zip(blocks, seeds_json["findings"], strict=True):
        assert len(block.select("ol.evidence > li")) == len(finding["evidence"])


def test_a_small_corpus_shows_every_article(seeds_html: str) -> None:
    soup = _soup(seeds_html)
    assert not soup.select("p.hidden-articles")


def test_every_table_sits_in_its_own_scroll_box(seeds_html: str) -> None:
    """A table wider than the screen scrolls inside its box, never the page: each one is the
    only child of a `.table-wrap`, which scrolls sideways on screen."""
    soup = _soup(seeds_html)
    tables = soup.find_all("table")
    assert len(tables) > 20
    for table in tables:
        wrap = table.parent
        assert isinstance(wrap, Tag) and "table-wrap" in wrap.get("class", []), table.get("class")
        assert wrap.find_all("table", recursive=False) == [table]
    css = soup.style.get_text() if soup.style else ""
    assert re.search(r"@media screen \{ \.table-wrap \{[^}]*overflow-x: auto", css)


def test_context_version_is_1_3() -> None:
    from framing.report.context import CONTEXT_VERSION

    assert CONTEXT_VERSION == "1.3"
