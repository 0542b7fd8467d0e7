"""Shared claims in the Briefing and the report, on a small realistic corpus: two outlets
report the same grain-corridor facts in other words, a third covers Ukraine without them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import DATA

from framing.analyse.topics import default_topics
from framing.errors import FramingError
from framing.pipeline import build_briefing
from framing.report.render import render_html
from framing.serialise import to_json


@pytest.fixture(scope="module")
def claims_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(build_briefing([DATA / "claims"], default_topics())))
    return data


def test_the_same_facts_in_other_words_pair_across_outlets(claims_json: dict[str, Any]) -> None:
    paraphrases = [a for a in claims_json["alignments"] if a["kind"] == "paraphrase"]
    assert paraphrases
    for alignment in paraphrases:
        assert {m["outlet"] for m in alignment["members"]} <= {
            "The Daily",
            "The Ledger",
            "Wire Service",
        }
    texts = {m["text"] for a in paraphrases for m in a["members"]}
    assert any("600,000 tonnes" in text for text in texts)


def test_each_diff_gives_both_sentences_back(claims_json: dict[str, Any]) -> None:
    for alignment in claims_json["alignments"]:
        first = alignment["members"][0]["text"]
        for member, diff in zip(alignment["members"][1:], alignment["diffs"], strict=True):
            assert "".join(seg["a"] for seg in diff) == first
            assert "".join(seg["b"] for seg in diff) == member["text"]


def test_the_outlet_that_leaves_the_claim_out_is_named(claims_json: dict[str, Any]) -> None:
    omissions = claims_json["omissions"]
    assert {(o["topic"], o["outlet"]) for o in omissions} == {("Ukraine", "The Ledger")}
    assert set(omissions[0]["carried_by"]) == {"The Daily", "Wire Service"}


def test_a_report_of_another_event_is_never_compared(claims_json: dict[str, Any]) -> None:
    """The Weekly covers Ukraine too, but Zelensky's visit to the front, not the corridor:
    it is a story of its own, so it neither carries nor leaves out the corridor's claims."""
    stories = {tuple(s["outlets"]): s for s in claims_json["stories"]}
    assert set(stories) == {("The Daily", "The Ledger", "Wire Service"), ("The Weekly",)}
    corridor = stories[("The Daily", "The Ledger", "Wire Service")]["id"]
    outlets = {m["outlet"] for a in claims_json["alignments"] for m in a["members"]}
    assert "The Weekly" not in outlets | {o["outlet"] for o in claims_json["omissions"]}
    assert all("The Weekly" not in a["left_out"] for a in claims_json["alignments"])
    assert {a["story"] for a in claims_json["alignments"]} == {corridor}


def test_report_sets_the_claims_side_by_side_with_differences_marked(
    claims_json: dict[str, Any],
) -> None:
    """Two events: the corridor's claims are shown in its story's section, side by side."""
    soup = BeautifulSoup(render_html(claims_json), "html.parser")
    assert soup.select_one("section#claims") is None  # no claim groups across stories
    section = soup.select_one("section.story#story-001")
    assert isinstance(section, Tag)
    claim = section.select_one("div.claim")
    assert isinstance(claim, Tag)
    outlets = [th.get_text(strip=True) for th in claim.select("table.claim-members thead th")]
    cells = claim.select("table.claim-members tbody td")
    assert len(outlets) == len(cells) >= 2
    assert all(cell.find("mark") for cell in cells)  # the wording differs somewhere
    omitted = section.select_one("ul.omissions li")
    assert isinstance(omitted, Tag)
    assert omitted.get_text(" ", strip=True).startswith("The Ledger does not carry")


def test_a_users_align_toml_changes_the_thresholds(tmp_path: Any) -> None:
    from framing.lexicon import load_lexicons

    (tmp_path / "align.toml").write_text('version = "strict"\n[thresholds]\nparaphrase = 1.01\n')
    lexicons = load_lexicons(tmp_path)
    briefing = build_briefing([DATA / "claims"], default_topics(), lexicons=lexicons)
    assert "paraphrase" not in {a.kind for a in briefing.alignments}
    assert ("align", "strict") in {(lex.name, lex.version) for lex in briefing.lexicons}
    (tmp_path / "align.toml").write_text("[thresholds]\nrelated = 'high'\n")
    with pytest.raises(FramingError, match="align settings"):
        build_briefing([DATA / "claims"], default_topics(), lexicons=load_lexicons(tmp_path))


def test_the_report_leads_with_the_claims_most_outlets_carry(
    seeds_html: str, seeds_json: dict[str, Any]
) -> None:
    """The lead facts come first, each naming the outlets that left it out, how the wordings
    differ, and, for three outlets, a variant table whose rows hold one reading per outlet."""
    soup = BeautifulSoup(seeds_html, "html.parser")
    lead = soup.select_one("section#claims-lead")
    assert isinstance(lead, Tag)
    claims = lead.select("div.claim")
    assert 1 <= len(claims) <= 5
    widths = [len(c.select("table.claim-members thead th")) for c in claims]
    assert widths == sorted(widths, reverse=True)  # most outlets first
    first = seeds_json["alignments"][0]
    kind_line = claims[0].select_one("p.claim-kind")
    assert isinstance(kind_line, Tag)
    assert all(outlet in kind_line.get_text() for outlet in first["left_out"])
    relation = claims[0].select_one("p.relation")
    assert isinstance(relation, Tag) and relation.get_text(strip=True)
    tables = soup.select("section#claims table.variants")
    three = [a for a in seeds_json["alignments"] if len(a["members"]) == 3]
    assert three and tables
    for row in tables[0].select("tbody tr.differs"):
        assert len(row.find_all("td")) == 3


def test_a_clause_claim_shows_the_rest_of_its_sentence_in_grey(seeds_html: str) -> None:
    soup = BeautifulSoup(seeds_html, "html.parser")
    context = soup.select("section#claims table.claim-members td span.context")
    assert context  # the seeds hold claims that are one clause of a longer sentence
    cell = context[0].parent
    assert isinstance(cell, Tag) and len(cell.get_text()) > len(context[0].get_text())


def test_findings_compare_the_reports_of_one_story(claims_json: dict[str, Any]) -> None:
    """Each key finding names its story and cites only that story's articles: The Weekly's
    front-line visit is never set against the corridor reports."""
    corridor = next(s for s in claims_json["stories"] if len(s["outlets"]) == 3)
    assert claims_json["findings"]
    for finding in claims_json["findings"]:
        assert finding["text"].startswith(f"In “{corridor['title']}” ({corridor['id']}): ")
        assert {e["article_id"] for e in finding["evidence"]} <= set(corridor["article_ids"])
        assert "The Weekly" not in finding["text"]
