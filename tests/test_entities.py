"""Names found in the text: one article's names (sentences written as US political news is,
and a BASIL event nobody wrote a lexicon for), and which of them the corpus keeps as actors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.analyse.entities import FoundName, NameRules, find_names, name_rules
from framing.analyse.topics import default_topics
from framing.lexicon import load_lexicons, tokenized
from framing.pipeline import build_briefing

BASIL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "basil_dev"


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return name_rules(load_lexicons()["entities"])


def names(rules: NameRules, *texts: str) -> dict[str, FoundName]:
    sentences = tokenized((f"s{i}", text, False) for i, text in enumerate(texts))
    return {found.name: found for found in find_names(sentences, rules)}


def test_titles_party_tags_and_possessives_are_not_part_of_a_name(rules: NameRules) -> None:
    found = names(
        rules,
        "Sen. John McCain (R-Ariz.) said Steele's comments were wrong.",
        "Republican National Committee Chairman Michael Steele apologized on Friday.",
    )
    assert found["John McCain"].kind == "person"
    assert "Michael Steele" in found and found["Michael Steele"].kind == "person"
    assert not any(name.startswith(("Sen", "R-", "Friday")) for name in found)


def test_a_surname_and_an_acronym_join_the_full_name(rules: NameRules) -> None:
    found = names(
        rules,
        "The National Rifle Association hired Asa Hutchinson to lead the review.",
        "Hutchinson said the N.R.A. would publish it, and the NRA agreed.",
    )
    assert set(found["Asa Hutchinson"].forms) == {"Asa Hutchinson", "Hutchinson"}
    assert set(found["National Rifle Association"].forms) >= {"N.R.A.", "NRA"}
    assert found["National Rifle Association"].kind == "organisation"


def test_sentence_openers_demonyms_and_headlines_are_not_names(rules: NameRules) -> None:
    found = names(
        rules,
        "But officials said Israeli officials and Russian forces had left.",
        "Former aides disagreed.",
        "Obama Signs Sweeping Bill on Wall Street Reform After Long Fight",
    )
    assert found == {}


def test_of_joins_an_organisation_never_two_names(rules: NameRules) -> None:
    found = names(rules, "Julian Assange of WikiLeaks met officials of the Bank of America.")
    assert {"Julian Assange", "WikiLeaks", "Bank of America"} <= set(found)


def test_places_come_from_the_gazetteer(rules: NameRules) -> None:
    found = names(rules, "Voters in Iowa and Alabama listened to Roy Moore in Montgomery.")
    assert found["Iowa"].kind == "place" and found["Alabama"].kind == "place"
    assert found["Roy Moore"].kind == "person"


@pytest.mark.skipif(not BASIL.is_dir(), reason="the shared BASIL development data is not here")
def test_an_unseen_event_gets_its_own_actors_and_title() -> None:
    """BASIL event 050 (Eric Cantor loses his primary to Dave Brat), three outlets: the two
    men are actors in every article and lead the title; no outlet is its own actor."""
    briefing = build_briefing([BASIL / "event_050"], default_topics())
    assert "Eric Cantor" in briefing.title and "Dave Brat" in briefing.title
    for article in briefing.articles:
        found = {a.name for a in article.framing.actors if a.found}
        assert {"Eric Cantor", "Dave Brat"} <= found, article.label
        assert not found & {"Fox News", "New York Times", "HuffPost"}
    topics = {t.name for t in briefing.topics}
    assert {"Eric Cantor", "Dave Brat"} <= topics


def test_found_actors_are_in_the_json_with_their_evidence(tmp_path: Path) -> None:
    """Two outlets name Michael Steele (one by surname only): both articles carry him, under
    the one full name, with every mention; a name only one outlet writes is left out."""
    (tmp_path / "a.txt").write_text(
        "Steele apologizes\n\nMichael Steele, the party chairman, apologized on Friday for "
        "remarks about the war that angered members of his own party in Congress. Steele said "
        "he regretted the remark and would not step down. Jim Ziegler defended him, saying the "
        "chairman had been misquoted by reporters who did not attend the fundraiser.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Party chief under fire\n\nCritics said Steele should resign after his remarks about "
        "the war, which several members of his party called reckless. Steele declined to "
        "comment on Thursday, and his aides said he would stay in the job through the "
        "elections in November, when the party hopes to win back the House and the Senate.\n",
        encoding="utf-8",
    )
    (tmp_path / "manifest.json").write_text(
        json.dumps(
            {
                "articles": [
                    {"file": "a.txt", "outlet": "Fox News"},
                    {"file": "b.txt", "outlet": "HuffPost"},
                ]
            }
        ),
        encoding="utf-8",
    )
    briefing = build_briefing([tmp_path], default_topics())
    for article in briefing.articles:
        steele = next(a for a in article.framing.actors if a.found)
        assert steele.name == "Michael Steele" and steele.kind == "person"
        assert all(m.text in ("Michael Steele", "Steele") for m in steele.mentions_evidence)
        assert "Jim Ziegler" not in {a.name for a in article.framing.actors}
    assert briefing.excluded == () and [len(a.framing.actors) for a in briefing.articles] == [1, 1]
