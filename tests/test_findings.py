"""Key findings written from the seed briefing: their numbers, wording and evidence."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import SEEDS, article

from framing.analyse.topics import default_topics
from framing.compare.findings import Finding, _quoted_labels, key_findings
from framing.models import Briefing
from framing.pipeline import build_briefing

CROSS_OUTLET = {"labels", "blindspot", "anonymous", "who_is_quoted", "genre", "tone", "frames"}


@pytest.fixture(scope="module")
def findings(seeds_briefing: Briefing) -> dict[str, Finding]:
    return {finding.kind: finding for finding in key_findings(seeds_briefing, limit=9)}


@pytest.fixture(scope="module")
def single_briefing(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    folder = tmp_path_factory.mktemp("one")
    shutil.copy(SEEDS / "the-buzz-russia-big-plans-israel-hamas-war.txt", folder)
    return build_briefing([folder], default_topics())


def test_every_finding_cites_sentences_of_its_articles(seeds_briefing: Briefing) -> None:
    for finding in key_findings(seeds_briefing):
        assert re.search(r"\d", finding.text), finding.text
        assert len(finding.evidence) <= 6
        assert finding.evidence or finding.kind == "readability"
        for evidence in finding.evidence:
            cited = next(a for a in seeds_briefing.articles if a.id == evidence.article_id)
            ids = {s.id for s in cited.sentences} | {"title", "dek"}
            assert evidence.sentence_id in ids


def test_order_and_determinism(seeds_briefing: Briefing) -> None:
    kinds = [finding.kind for finding in key_findings(seeds_briefing)]
    assert kinds == [
        "labels",
        "blindspot",
        "anonymous",
        "who_is_quoted",
        "prescription",
        "genre",
        "tone",
        "frames",
    ]  # the eight most telling; readability is the ninth
    assert key_findings(seeds_briefing) == key_findings(seeds_briefing)
    assert key_findings(seeds_briefing, limit=3) == key_findings(seeds_briefing)[:3]


def test_labels_quote_what_each_outlet_calls_the_most_named_actor(
    findings: dict[str, Finding], seeds_briefing: Briefing
) -> None:
    text = findings["labels"].text
    total = sum(
        actor.mentions
        for a in seeds_briefing.articles
        for actor in a.framing.actors
        if actor.name == "Russia"
    )
    assert text.startswith(f"3 of 5 outlets label Russia ({total} mentions in all)")
    assert "JFeed uses “the dominant force in the region”" in text
    assert "“the subject of an arrest warrant”" in text
    assert "The Washington Institute and Unknown outlet 1 use no label in 49 and 30" in text
    cited = {(e.article_id[:5], e.sentence_id) for e in findings["labels"].evidence}
    assert ("jfeed", "dek") in cited and ("the-b", "p9-s1") in cited


def test_blindspot_names_the_outlet_silent_on_a_shared_topic(
    findings: dict[str, Finding], seeds_briefing: Briefing
) -> None:
    finding = findings["blindspot"]
    assert finding.text.startswith("Unknown outlet 1 never mentions Hamas")
    assert "the other 4 outlets cover (4 to 14 sentences" in finding.text
    silent = article(seeds_briefing, "analysis-")
    assert all(e.article_id != silent.id for e in finding.evidence)
    for evidence in finding.evidence:
        cited = next(a for a in seeds_briefing.articles if a.id == evidence.article_id)
        sentence = next(s for s in cited.sentences if s.id == evidence.sentence_id)
        assert "Hamas" in sentence.topics


def test_anonymous_sourcing_singles_out_the_outlet_that_relies_on_it(
    findings: dict[str, Finding], seeds_briefing: Briefing
) -> None:
    finding = findings["anonymous"]
    assert finding.text.startswith("Unknown outlet 2 leans most on anonymous sources: 11 ")
    assert "(7.3 per 1,000 words)" in finding.text
    assert "10 of its 13 attributions are to unnamed speakers" in finding.text
    cited = article(seeds_briefing, "russia-sides")
    assert {e.article_id for e in finding.evidence} == {cited.id}
    assert finding.evidence[0].sentence_id == "p3-s2"  # "an Israeli ambassador … on condition"


def test_prescription_counts_and_addressees(findings: dict[str, Finding]) -> None:
    text = findings["prescription"].text
    assert text.startswith("2 of 5 outlets prescribe action: The Washington Institute with 8")
    assert "(3 addressed to Israel)" in text
    assert "The Buzz with 3 (1 addressed to United States)" in text
    assert {e.article_id[:4] for e in findings["prescription"].evidence} == {"wash", "the-"}


def test_who_is_quoted_singles_out_the_outlet_that_leans_on_officials(
    findings: dict[str, Finding],
) -> None:
    assert findings["who_is_quoted"].text.startswith("JFeed quotes officials in 7 of its 7")


def test_genre_tone_frames_and_readability(findings: dict[str, Finding]) -> None:
    assert "3 articles read as opinion" in findings["genre"].text
    assert "1 as news (JFeed)" in findings["genre"].text
    tone = findings["tone"].text
    assert "from -0.08 in JFeed" in tone and "0.09 in Unknown outlet 1" in tone
    assert "low validity" in tone
    assert "cultural identity" in findings["frames"].text
    assert "Unknown outlet 1 and Unknown outlet 2 only" in findings["frames"].text
    readability = findings["readability"]
    assert "grade 12.6 (The Washington Institute) to 15.1 (Unknown outlet 1)" in readability.text
    assert readability.evidence == ()


def test_tone_cites_the_most_extreme_sentences(
    findings: dict[str, Finding], seeds_briefing: Briefing
) -> None:
    low = article(seeds_briefing, "jfeed").framing.tone
    lowest = min(zip(low.scores, low.sentence_ids, strict=True))[1]
    assert findings["tone"].evidence[0].sentence_id == lowest


def test_one_article_gives_no_cross_outlet_finding(single_briefing: Briefing) -> None:
    found = key_findings(single_briefing)
    assert not {f.kind for f in found} & CROSS_OUTLET
    texts = {f.kind: f.text for f in found}
    expected = "Unknown outlet 1 prescribes action with 3 prescriptive phrases"
    assert texts["prescription"].startswith(expected)
    assert "reads at US school grade" in texts["readability"]


def test_a_label_in_a_quote_is_marked(seeds_briefing: Briefing) -> None:
    """The Buzz's only label for Hamas in its first sentences is a spokesperson's words."""
    buzz = article(seeds_briefing, "the-buzz")
    hamas = next(actor for actor in buzz.framing.actors if actor.name == "Hamas")
    assert _quoted_labels(hamas).startswith("“Hamas terrorists” (in a quote), “a founder")
