"""Hedges, boosters and prescriptions: hand-checked on the five seeds, and the usual traps."""

from __future__ import annotations

import pytest

from framing.analyse.stance import Stance
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import Match

ANALYSIS = "analysis-israels-hushed-military-ties-with-russia"
JFEED = "jfeed-netanyahu-secret-moscow-mission"
MORTAL = "russia-sides-with-israels-mortal-enemies"
BUZZ = "the-buzz-russia-big-plans-israel-hamas-war"
INSTITUTE = "washington-institute-putin-alignment-middle-east"


@pytest.fixture(scope="module")
def stance() -> Stance:
    return Stance(load_lexicons()["stance"])


Seeds = dict[str, tuple[TokenizedSentence, ...]]


@pytest.fixture(scope="module")
def seeds(seed_sentences: Seeds) -> Seeds:
    return seed_sentences


def sentences(*texts: str) -> tuple[TokenizedSentence, ...]:
    """One paragraph of sentences, ids as the segmenter writes them."""
    return tokenized((f"p1-s{i}", text, False) for i, text in enumerate(texts, 1))


def said(found: tuple[Match, ...]) -> list[str]:
    return [m.text for m in found]


# The seeds, read in full. Only two pieces tell anyone what to do: The Conversation's
# ("neither should use excessive force", "the crisis calls for the US to …", "it should be
# given a chance") and the Washington Institute's closing section ("Israel Should Take New
# Stance", "Israel should reevaluate", "Israel could start by inviting", "It is critical that
# these narratives are challenged", "one it should support"). The Haaretz analysis's "should
# not come as a surprise" is not a prescription; JFeed's demands are all Netanyahu's, quoted.


def test_seed_prescriptions_name_their_addressee(stance: Stance, seeds: Seeds) -> None:
    found = {
        aid: [(p.sentence_id, p.term, p.addressee) for p in stance.prescriptions(sents)]
        for aid, sents in seeds.items()
    }
    assert found[BUZZ] == [
        ("p20-s2", "should", "neither"),
        ("p22-s2", "calls for", "the US"),
        ("p23-s1", "should", ""),  # passive: "it should be given a chance"
    ]
    assert found[INSTITUTE] == [
        ("p15-s1", "should", "Israel"),  # the heading "Israel Should Take New Stance"
        ("p16-s1", "should", "Israel"),
        ("p16-s2", "could start by", "Israel"),
        ("p16-s6", "it is critical that", ""),  # passive: "these narratives are challenged"
        ("p17-s3", "should", "it"),
    ]
    assert found[ANALYSIS] == found[JFEED] == found[MORTAL] == []


def test_seed_prescription_offsets_point_at_the_words(stance: Stance, seeds: Seeds) -> None:
    texts = {s.id: s.text for s in seeds[INSTITUTE]}
    for p in stance.prescriptions(seeds[INSTITUTE]):
        assert texts[p.sentence_id][p.start : p.end] == p.text


def test_seed_hedges(stance: Stance, seeds: Seeds) -> None:
    hedges = {aid: stance.hedges(sents) for aid, sents in seeds.items()}
    assert said(hedges[ANALYSIS]) == ["seem", "it seems", "may"]
    assert said(hedges[JFEED]) == []
    assert said(hedges[MORTAL]) == ["reportedly", "alleged", "could", "reportedly"]
    buzz = said(hedges[BUZZ])
    for words in ("It appears", "suggesting", "might", "it has been reported", "arguably"):
        assert words in buzz
    assert [m.term for m in hedges[INSTITUTE]].count("likely") == 5
    # "a peacemaker who could talk to all major players": past ability, not a hedge.
    assert "p1-s2" not in [m.sentence_id for m in hedges[INSTITUTE]]
    # "Israel could start by inviting …" is advice, counted as a prescription instead.
    assert "p16-s2" not in [m.sentence_id for m in hedges[INSTITUTE]]


def test_seed_boosters(stance: Stance, seeds: Seeds) -> None:
    boosters = {aid: said(stance.boosters(sents)) for aid, sents in seeds.items()}
    assert boosters[ANALYSIS] == ["of course", "without doubt"]
    assert boosters[JFEED] == ["clearly"]  # "The message is clear" is Katz's, in quotes
    assert boosters[MORTAL] == ["clearly", "certainly", "it is evident"]
    assert boosters[BUZZ] == ["clearly"]
    assert boosters[INSTITUTE] == ["state the obvious", "Indeed"]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Israel must rethink its ties with Moscow.", "Israel"),
        ("Washington should stop pretending otherwise.", "Washington"),
        ("It is critical that the West acts now.", "the West"),
        ("It is time for Europe to take its own defence seriously.", "Europe"),
        ("It's Time for a Change of Allegiance", ""),  # a thing wanted, nobody told
        ("The U.S. and its allies ought to respond.", "The U.S. and its allies"),
        ("Now that the talks have failed, Jerusalem needs to choose.", "Jerusalem"),
        ("Israel's leaders would do well to listen.", "Israel's leaders"),
        ("The Kremlin cannot afford to lose Syria.", "The Kremlin"),
        ("I think Israel should walk away.", "Israel"),
        ("If Russia can help, it should be given a chance.", ""),
    ],
)
def test_prescriptions_find_the_addressee(stance: Stance, text: str, addressee: str) -> None:
    assert [p.addressee for p in stance.prescriptions(sentences(text))] == [addressee]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting should not come as a surprise.",
        "It should come as no surprise that Moscow refused.",
        "It must be said that the talks went well.",
        "It should be noted that Israel abstained.",
        "He must have known about the transfer.",
        "If it is surprising, it should not have been.",
        "Should he win, the policy would change.",
        "Russia could veto the resolution should the West push ahead.",
        "The film is a must-see for anyone in Moscow.",
        "Should Israel strike Iran?",
        "What should Washington do now?",
        "He said Israel should withdraw from the buffer zone.",
        "Israel should withdraw, the minister said.",
        "Analysts believe Washington must act.",
        '"Israel must act now," the minister told reporters.',
        "Israel doesn't need to choose between them.",
        "This has to do with the war in Ukraine.",
        "The vote should take place next week.",
        "The resolution called for an immediate ceasefire.",
        "Zakharova has called for the quartet to be revived.",
        "Under the new law, companies must disclose their donors.",
        # A passive "must" mostly states a rule in news; dropped (documented in stance.toml).
        "Congress must be consulted before any deployment.",
        "Republicans debated whether Trump should cancel the summit.",
        "MUST WATCH Obama: IRS problem must be fixed",
        "The need to act was obvious.",
    ],
)
def test_non_prescriptive_uses_are_not_counted(stance: Stance, text: str) -> None:
    assert stance.prescriptions(sentences(text)) == ()


def test_a_quotation_running_over_sentences_is_the_speaker_s(stance: Stance) -> None:
    paragraph = sentences(
        "“This is a fast-moving theater.",
        "Israel must respond,” an Israeli diplomatic source said.",
        "Israel must respond.",
    )
    assert [p.sentence_id for p in stance.prescriptions(paragraph)] == ["p1-s3"]


def test_a_situation_calling_for_action_is_a_prescription(stance: Stance) -> None:
    found = stance.prescriptions(sentences("This crisis calls for Europe to lead."))
    assert [(p.term, p.addressee) for p in found] == [("calls for", "Europe")]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The deal was signed in May 2023.", []),
        ("Talks resumed on May 5 in Cairo.", []),
        ("Putin may visit Tehran in May.", ["may"]),
        ("Russia's military might is waning.", []),
        ("He used all his might.", []),
        ("The military might intervene.", ["might"]),
        ("Israel could not reach Moscow on the phone.", []),
        ("Those who could afford it left.", []),
        ("The strike could trigger a regional war.", ["could"]),
        ("Hamas claims the hospital was hit.", []),
        ("The ceasefire is likely to hold.", ["likely"]),
        ("The drones reportedly came from Iran.", ["reportedly"]),
        ("Russia appears to have moved the systems.", ["appears to"]),
        ("It is unclear whether Moscow knew.", ["unclear"]),
        ("Theresa May said the talks failed.", []),
        ("McCain alleged that the White House leaked it.", []),
        ("The alleged war crimes are under investigation.", ["alleged"]),
        ('"We may have to act," he said.', []),
    ],
)
def test_hedges_and_their_traps(stance: Stance, text: str, hedges: list[str]) -> None:
    assert said(stance.hedges(sentences(text))) == hedges


@pytest.mark.parametrize(
    ("text", "boosters"),
    [
        ("Of course, Moscow denied it.", ["Of course"]),
        ("Israel certainly was not happy.", ["certainly"]),
        ("In fact, the talks never began.", ["In fact"]),
        ("The plan marked a change of course for Moscow.", []),
        ("The officers spoke clearly into the radio.", []),
        ("It is not clear that Russia knew.", []),
        ("He must have known about the transfer.", ["must have"]),
        ("Israel must have a say in Syria.", []),
        ('"The message is clear," Katz said.', []),
        ('Exemptions for "certain transfers" apply.', []),
    ],
)
def test_boosters_and_their_traps(stance: Stance, text: str, boosters: list[str]) -> None:
    assert said(stance.boosters(sentences(text))) == boosters


def test_matches_are_categorised_and_located(stance: Stance) -> None:
    (match,) = stance.hedges(sentences("Moscow, it seems, was not told."))
    assert (match.category, match.term, match.sentence_id) == ("hedge", "it seems", "p1-s1")
    assert "Moscow, it seems, was not told."[match.start : match.end] == "it seems"
