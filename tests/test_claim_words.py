"""Numbers in one form and event nouns read as their verb (issue 17 item 3), on news sentences:
two outlets reporting one fact must read the same amount and the same act, and ordinary words
must come through as the word pattern reads them."""

from __future__ import annotations

import pytest

from framing.analyse.words import WORD
from framing.compare.claim_sentences import AlignArticle, AlignSentence, prepare
from framing.compare.claim_settings import default_settings
from framing.compare.claim_words import base_act, claim_tokens, claim_words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The foundation paid $750,000 to settle the claims, the filing shows.",
            "The foundation paid 750,000 dollars to settle the claims, the filing shows.",
        ),
        (
            "The EU pledged €2bn in aid to Ukraine on Thursday.",
            "The EU pledged 2 billion euros in aid to Ukraine on Thursday.",
        ),
        (
            "Putin waited ten days before calling Netanyahu.",
            "Putin waited 10 days before calling Netanyahu.",
        ),
        (
            "About 40% of voters said the economy was their top issue.",
            "About 40 percent of voters said the economy was their top issue.",
        ),
        (
            "About 40 per cent of voters said the economy was their top issue.",
            "About forty percent of voters said the economy was their top issue.",
        ),
        (
            "Officials said a dozen soldiers were wounded in the attack.",
            "Officials said 12 soldiers were wounded in the attack.",
        ),
        (
            "The bill would provide $5.7 billion for a border wall.",
            "The bill would provide $5,700,000,000 for a border wall.",
        ),
        (
            "Manafort faces a maximum of 5 years in prison.",
            "Manafort faces a maximum of five years in prison.",
        ),
        (
            "The summit will take place in Singapore on June 12th.",
            "The summit will take place in Singapore on June 12.",
        ),
    ],
)
def test_one_amount_written_two_ways_reads_the_same(first: str, second: str) -> None:
    assert claim_words(first) == claim_words(second)


def test_amounts_read_as_digits_then_unit_in_word_order() -> None:
    """difflib reads the words as a sequence: the amount stays where it was written."""
    words = claim_words("Iran paid $1.5 million to Hezbollah, and 2.5 million people fled.")
    assert words == (
        "iran", "paid", "1500000", "dollar", "to", "hezbollah", "and", "2500000", "people",
        "fled",
    )  # fmt: skip
    assert claim_words("Twenty-five people and two hundred and fifty more") == (
        "25", "people", "and", "250", "more",
    )  # fmt: skip
    assert claim_words("Losses reached £300m and US$4bn.") == (
        "losses", "reached", "300000000", "pound", "and", "4000000000", "dollar",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Russia is one of the largest suppliers of arms to the region.",
        "No one has claimed responsibility for the second-largest attack since 2015.",
        "Hamas attacked Israel on October 7, killing hundreds of people.",
        "Ukraine asked for F-16 jets as COVID-19 spread in the 1990s-era barracks.",
        "The 5G network, built by 3M and Huawei, went live at 10.30am.",
        "Dozens were hurt; thousands fled the city.",
    ],
)
def test_ordinary_words_read_as_the_word_pattern_reads_them(text: str) -> None:
    assert claim_words(text) == tuple(WORD.findall(text.lower()))


def test_two_numbers_side_by_side_stay_two() -> None:
    """A comma ends a number: "five, six people" are two numbers, not eleven."""
    assert claim_words("In 2015, 300 people died; five, six or seven more were hurt.") == (
        "in", "2015", "300", "people", "died", "five", "6", "or", "7", "more", "were", "hurt",
    )  # fmt: skip


def test_tokens_keep_capitals_one_for_each_word() -> None:
    text = "Ten days later, Israel's Prime Minister paid $750,000."
    tokens = claim_tokens(text)
    assert tuple(t.lower() for t in tokens) == claim_words(text)
    assert [t for t in tokens if t[0].isupper()] == ["Israel", "Prime", "Minister"]


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("distraction", "distract"),
        ("transfer", "transfer"),
        ("deployment", "deploy"),
        ("deployments", "deploy"),
        ("intervention", "intervene"),
        ("refusal", "refuse"),
        ("approval", "approve"),
        ("withdrawal", "withdraw"),
        ("invasion", "invade"),
        ("diversion", "divert"),
        ("detention", "detain"),
        ("prevention", "prevent"),
        ("denial", "deny"),
        ("delivery", "deliver"),
        ("seizure", "seize"),
        ("condemnation", "condemn"),
        ("escalation", "escalate"),
        ("acquittal", "acquit"),
        ("revelation", "reveal"),  # the exceptions table: no "revel"
        ("injury", "injure"),  # ... and a noun no suffix rule derives
    ],
)
def test_a_noun_made_from_a_verb_reads_as_the_verb(noun: str, verb: str) -> None:
    assert base_act(noun, default_settings()) == verb


@pytest.mark.parametrize(
    "noun", ["government", "administration", "station", "mission", "final", "notion", "million"]
)
def test_nouns_that_only_look_derived_name_no_act(noun: str) -> None:
    assert base_act(noun, default_settings()) is None


def _prepared(*texts: str) -> list[frozenset[str]]:
    articles = [
        AlignArticle(f"a{n}", f"outlet{n}", (AlignSentence("s1", text),))
        for n, text in enumerate(texts)
    ]
    return [s.acts for s in prepare(articles, default_settings())]


def test_paraphrases_share_their_act_class() -> None:
    """One outlet's verb is another's noun or synonym: the act is the same."""
    distract, divert = _prepared(
        "Moscow hopes the war in Gaza will distract Western capitals from Ukraine.",
        "For Moscow, the war in Gaza is a welcome diversion of Western attention from Ukraine.",
    )
    assert "distract" in distract & divert
    deployed, deployment = _prepared(
        "Russia deployed warplanes to Syria in September 2015 to prop up Bashar al-Assad.",
        "Russia's deployment of warplanes to Syria in September 2015 propped up Assad.",
    )
    assert "intervene" in deployed & deployment
    massacred, killed = _prepared(
        "Gunmen massacred dozens of villagers near the border on Sunday, officials said.",
        "Gunmen killed dozens of villagers near the border on Sunday, officials said.",
    )
    assert "kill" in massacred & killed


def test_an_attack_named_as_a_noun_is_still_no_act() -> None:
    """A noun of the verb's own form counts only where it reads as an act."""
    (acts,) = _prepared("The Hamas attack on southern Israel shocked officials in Moscow.")
    assert "attack" not in acts
