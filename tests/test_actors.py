"""Actors, their labels, evaluative words and tone: on the seed articles (hand-checked) and on
small sentences written for each label pattern and each trap."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from framing.analyse.actors import Actors
from framing.analyse.tone import sentence_tone
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import ActorProfile, Match


@pytest.fixture(scope="module")
def actors() -> Actors:
    return Actors(load_lexicons()["actors"])


@pytest.fixture(scope="module")
def seeds(
    seed_sentences: dict[str, tuple[TokenizedSentence, ...]],
) -> dict[str, tuple[TokenizedSentence, ...]]:
    return seed_sentences


@pytest.fixture(scope="module")
def seed_profiles(
    actors: Actors, seeds: dict[str, tuple[TokenizedSentence, ...]]
) -> dict[str, dict[str, ActorProfile]]:
    result = {}
    for article, sentences in seeds.items():
        scores = {s.id: sentence_tone(s.text) for s in sentences}
        result[article] = {p.name: p for p in actors.profiles(sentences, scores, [])}
    return result


def profiles(actors: Actors, *texts: str, loaded: Sequence[Match] = ()) -> dict[str, ActorProfile]:
    sentences = tokenized((f"p1-s{i}", text, False) for i, text in enumerate(texts, 1))
    return {p.name: p for p in actors.profiles(sentences, {}, loaded)}


def labels(profile: ActorProfile, kind: str = "") -> list[str]:
    return [label.text for label in profile.labels if not kind or label.kind == kind]


# --- the seeds, read in full and checked by hand ---------------------------------------------


def test_the_buzz_labels_hamas_as_terrorists_and_a_militant_group(
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    buzz = seed_profiles["the-buzz-russia-big-plans-israel-hamas-war"]
    hamas = buzz["Hamas"]
    terrorists = [label for label in hamas.labels if label.kind == "premodifier"]
    assert [label.text for label in terrorists] == ["Hamas terrorists"]
    assert terrorists[0].quoted  # the Israeli foreign ministry's words, inside its quotation
    # one phrase, counted once: not also "the militant group" read from the same words
    assert labels(hamas, "apposition")[0] == "a founder and political leader of the militant group"
    assert labels(hamas, "epithet") == []
    for name in ("Hamas", "Iran", "Syria", "Hezbollah"):  # "many of Israel's antagonists: …"
        assert "Israel’s antagonists" in labels(buzz[name])
    # "the USSR supported many of Israel's mortal enemies" names no actor: nothing to label
    assert not any("mortal" in text for p in buzz.values() for text in labels(p))
    # "the Russian president, Vladimir Putin" is a title; the predicates are labels
    assert labels(buzz["Russia"]) == [
        "the subject of an arrest warrant",  # "Putin is the subject of an arrest warrant …"
        "a mediator in the Middle East",  # "Putin is … trying to set himself up as a mediator"
        "the actor which they trust to mediate",  # "Russia is only the actor which …"
    ]
    assert not any(label.quoted for label in buzz["Russia"].labels)


def test_jfeed_labels_hts_and_the_assad_regime(
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    jfeed = seed_profiles["jfeed-netanyahu-secret-moscow-mission"]
    hts = jfeed["Hayat Tahrir al-Sham"]
    assert "the jihadist rebel group Hay'at Tahrir al-Sham" in labels(hts, "premodifier")
    assert "Syria’s new leader" in labels(hts, "apposition")  # of Abu Mohammad al-Julani
    assert labels(jfeed["Syria"]) == ["Bashar al-Assad’s regime", "Syria’s new regime"]
    # "Israel … prefers Russia over Turkey as the dominant force in Syria"
    assert labels(jfeed["Russia"]) == ["the dominant force in Syria"]
    assert labels(jfeed["Turkey"]) == []
    assert labels(jfeed["Hamas"]) == []
    israel = [m.text for m in jfeed["Israel"].mentions_evidence]
    assert "Jerusalem" in israel and not any("Katz" in m for m in israel)  # Israel Katz


def test_washington_institute_calls_hamas_an_iranian_proxy(
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    wi = seed_profiles["washington-institute-putin-alignment-middle-east"]
    assert labels(wi["Hamas"]) == ["their proxies", "Iranian proxies"]
    assert labels(wi["Hezbollah"]) == ["their proxies"]
    # "Israel is contained …, but as a member of a family of liberal democracies, it can …"
    assert labels(wi["Israel"]) == [
        "U.S. ally Israel",
        "a member of a family of liberal democracies",
    ]
    assert labels(wi["Houthis"]) == ["the Iranian-backed Houthi militia"]
    assert [m.text for m in wi["Hamas"].evaluative][:1] == ["gruesome"]  # the gruesome Hamas attack
    assert list(wi)[:2] == ["Russia", "Israel"]  # most mentioned first


def test_mortal_enemies_piece_labels(seed_profiles: dict[str, dict[str, ActorProfile]]) -> None:
    piece = seed_profiles["russia-sides-with-israels-mortal-enemies"]
    russia = piece["Russia"]
    assert labels(russia) == ["the authoritarian axis", "the authoritarian Putin", "philo-Semite"]
    assert [label.quoted for label in russia.labels] == [False, False, True]  # a “philo-Semite”
    # "Putin also called Zelensky “the shame of the Jewish people.”"
    assert labels(piece["Ukraine"], "predicate") == ["the shame of the Jewish people"]
    assert "the authoritarian axis" in labels(piece["Iran"])  # "axis of Russia, China, Iran"
    assert labels(piece["Hamas"]) == ["an offshoot of the Muslim Brotherhood"]
    assert labels(piece["Israel"]) == [
        "the Jewish state",
        "the nascent Jewish state",
        "pro-Western, pro-American Israel",  # both adjectives, joined by a comma
    ]
    assert labels(piece["Iran"], "epithet") == ["the Islamic Republic", "the Ayatollahs"]
    assert labels(piece["Syria"]) == ["Ba’athist Syria"]


def test_analysis_piece_gives_no_title_labels(
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    analysis = seed_profiles["analysis-israels-hushed-military-ties-with-russia"]
    assert labels(analysis["Israel"]) == ["the Jewish state"]
    assert all(labels(p) == [] for name, p in analysis.items() if name != "Israel")
    israel = [m.text for m in analysis["Israel"].mentions_evidence]
    assert "Israeli officials" in israel and "Israeli Air Force" in israel
    russia = [m.text for m in analysis["Russia"].mentions_evidence]
    assert "Russian military" in russia
    assert "Russian President" not in russia  # one mention: "Vladimir Putin"


def test_seed_labels_point_at_their_words(
    seeds: dict[str, tuple[TokenizedSentence, ...]],
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    for article, found in seed_profiles.items():
        text = {s.id: s.text for s in seeds[article]}
        for profile in found.values():
            assert profile.mentions == len(profile.mentions_evidence)
            for label in profile.labels:
                assert text[label.sentence_id][label.start : label.end] == label.text
            for match in profile.mentions_evidence:
                assert match.category == profile.name
                assert text[match.sentence_id][match.start : match.end] == match.text
            named = {m.sentence_id for m in profile.mentions_evidence}
            assert profile.tone.n == len(named)


def test_demonyms_name_the_state_only_before_an_institution(
    seed_profiles: dict[str, dict[str, ActorProfile]],
) -> None:
    piece = seed_profiles["russia-sides-with-israels-mortal-enemies"]
    russia = [m.text for m in piece["Russia"].mentions_evidence]
    assert "Russian military" in russia and "Russian invasion" in russia
    assert not any(m.startswith("Russian") and "Jews" in m for m in russia)
    ukraine = [m.text for m in piece["Ukraine"].mentions_evidence]
    assert "Ukrainian Armed Forces" in ukraine
    assert not any("rabbis" in m for m in ukraine)


# --- the label patterns, one sentence each ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "label", "kind"),
    [
        (
            "Hamas, the militant group that rules Gaza, said the talks had failed.",
            "Hamas",
            "the militant group that rules Gaza",
            "apposition",
        ),
        (
            "Ismail Haniyeh, a founder and political leader of the militant group, was killed.",
            "Hamas",
            "a founder and political leader of the militant group",
            "apposition",
        ),
        (
            "Iran, the largest state sponsor of terrorism, denied it.",
            "Iran",
            "the largest state sponsor of terrorism",
            "apposition",
        ),
        (
            "The talks included Hamas and its main backer, Iran, on Monday.",
            "Iran",
            "its main backer",
            "apposition",
        ),
        (
            "The coalition has support from longtime allies including Russia.",
            "Russia",
            "longtime allies",
            "apposition",
        ),
        ("Hamas is a terrorist organization.", "Hamas", "a terrorist organization", "predicate"),
        ("Russia is Israel's mortal enemy.", "Russia", "Israel's mortal enemy", "predicate"),
        (
            "Hamas, which is designated a terrorist organization by the US, denied it.",
            "Hamas",
            "a terrorist organization",
            "predicate",
        ),
        (
            "Erdogan is clearly a threat to Turkish democracy and secularism.",
            "Turkey",
            "a threat to Turkish democracy and secularism",
            "predicate",
        ),
        (
            "Turkey will host the jihadist rebel group Hayat Tahrir al-Sham.",
            "Hayat Tahrir al-Sham",
            "the jihadist rebel group Hayat Tahrir al-Sham",
            "premodifier",
        ),
        (
            "Palestinian militant group Hamas fired rockets.",
            "Hamas",
            "Palestinian militant group Hamas",
            "premodifier",
        ),
        (
            "Israel struck the Iran-backed Hezbollah overnight.",
            "Hezbollah",
            "the Iran-backed Hezbollah",
            "premodifier",
        ),
        ("The IDF killed five Hamas terrorists.", "Hamas", "Hamas terrorists", "premodifier"),
        (
            "The brutal Assad regime fell in December.",
            "Syria",
            "The brutal Assad regime",
            "premodifier",
        ),
        ("The Syrian regime bombed Idlib.", "Syria", "The Syrian regime", "premodifier"),
        ("Putin's Russia is an aggressor.", "Russia", "Putin's Russia", "premodifier"),
        ("We stand with our NATO ally Turkey.", "Turkey", "our NATO ally Turkey", "premodifier"),
        ("Israel denies it, the Jewish state said.", "Israel", "the Jewish state", "epithet"),
        # "as" complements: of the object of a verb of regarding, of a subject that serves or
        # casts itself, of a possessive's role, fronted or between commas
        ("The West regards Russia as an aggressor.", "Russia", "an aggressor", "predicate"),
        (
            "Many Western nations see Hamas as the aggressor.",
            "Hamas",
            "the aggressor",
            "predicate",
        ),
        (
            "Israel prefers Russia over Turkey as the dominant force in Syria.",
            "Russia",
            "the dominant force in Syria",
            "predicate",
        ),
        (
            "Russia has emerged as a power broker in the region.",
            "Russia",
            "a power broker in the region",
            "predicate",
        ),
        (
            "Turkey could act as a guarantor of the truce.",
            "Turkey",
            "a guarantor of the truce",
            "predicate",
        ),
        (
            "Erdogan presents himself as the champion of the Palestinians.",
            "Turkey",
            "the champion of the Palestinians",
            "predicate",
        ),
        ("Russia's role as a mediator is in doubt.", "Russia", "a mediator", "predicate"),
        (
            "As the occupying power, Israel is responsible for Gaza.",
            "Israel",
            "the occupying power",
            "predicate",
        ),
        (
            "Iran, as the regional rival to Saudi Arabia, would gain.",
            "Iran",
            "the regional rival to Saudi Arabia",
            "predicate",
        ),
        ("Hamas is widely seen as a terrorist group.", "Hamas", "a terrorist group", "predicate"),
        # object complements of naming verbs, quoted or not
        (
            "The US designated Hamas a terrorist organization.",
            "Hamas",
            "a terrorist organization",
            "predicate",
        ),
        (
            "Washington branded Hezbollah a terror group.",
            "Hezbollah",
            "a terror group",
            "predicate",
        ),
        (
            "Israel considers Iran the greatest threat to its existence.",
            "Iran",
            "the greatest threat to its existence",
            "predicate",
        ),
        ('Netanyahu called Hamas "the new ISIS" on Monday.', "Hamas", "the new ISIS", "predicate"),
        ("Trump called Assad an “animal” on Sunday.", "Syria", "animal", "predicate"),
        (
            "The Kremlin, long dubbed “the puppet master,” denied it.",
            "Russia",
            "the puppet master",
            "predicate",
        ),
        # an adverb before the determiner, and the heads news gives actors
        (
            "Russia is now the main power broker in Syria.",
            "Russia",
            "the main power broker in Syria",
            "predicate",
        ),
        ("Turkey is a member of NATO.", "Turkey", "a member of NATO", "predicate"),
        ("NATO member Turkey bought the missiles.", "Turkey", "NATO member Turkey", "premodifier"),
        (
            "The brutal, authoritarian Putin won again.",
            "Russia",
            "The brutal, authoritarian Putin",
            "premodifier",
        ),
    ],
)
def test_label_patterns(actors: Actors, text: str, actor: str, label: str, kind: str) -> None:
    assert label in labels(profiles(actors, text)[actor], kind)


def test_labels_inside_a_quotation_are_marked_quoted(actors: Actors) -> None:
    found = profiles(
        actors,
        "“Iran is a bad actor,” the senator said, “and Hezbollah is its proxy.",
        "Hamas is a terrorist group.”",  # the quotation runs on through the paragraph
        "Israel, a close ally, agreed.",
    )
    assert [(label.text, label.quoted) for label in found["Iran"].labels] == [("a bad actor", True)]
    assert [label.quoted for label in found["Hezbollah"].labels] == [True]
    assert [label.quoted for label in found["Hamas"].labels] == [True]
    assert [(label.text, label.quoted) for label in found["Israel"].labels] == [
        ("a close ally", False)
    ]


def test_a_label_inside_a_longer_one_counts_once(actors: Actors) -> None:
    found = profiles(
        actors,
        "Hamas rejected the plan.",
        "Ismail Haniyeh, a founder and political leader of the militant group, was killed.",
    )
    assert labels(found["Hamas"]) == ["a founder and political leader of the militant group"]


def test_it_after_a_fronted_as_phrase_is_the_sentence_subject(actors: Actors) -> None:
    text = (
        "Israel is contained on Ukraine, but as a member of NATO's circle of friends, it can act."
    )
    assert labels(profiles(actors, text)["Israel"]) == ["a member of NATO's circle of friends"]
    other = "Israel backs Hamas's rivals, but as a member of the axis, it can act."
    assert labels(profiles(actors, other)["Israel"]) == []  # two actors could be "it"


def test_epithet_reads_the_one_group_named_just_before(actors: Actors) -> None:
    found = profiles(
        actors, "The Hamas attack killed 1,200 people.", "The terror group also took hostages."
    )
    assert labels(found["Hamas"], "epithet") == ["The terror group"]
    two = profiles(actors, "Hamas and Hezbollah met.", "The militant group then left.")
    assert labels(two["Hamas"]) == labels(two["Hezbollah"]) == []  # which one? say nothing


@pytest.mark.parametrize(
    "text",
    [
        "Russia is not an ally of Israel.",  # negation
        "The war in Ukraine is a disaster for Europe.",  # the subject is the war
        "Moscow now champions Hamas and Hezbollah.",  # a verb, not a head noun
        "Iran sponsors Hezbollah and Hamas.",
        "Russia is targeting rebel groups in Syria.",
        "In Syria, the regime has lost control.",  # an opening phrase, not an apposition
        "The U.S. State Department issued a warning.",  # a name, not an adjective
        "U.S. fighter jets bombed the convoy.",  # US fighters are not the US called fighters
        "The gruesome Hamas attack shocked the world.",  # "gruesome" describes the attack
        "Missiles could reach the mainland United States.",
        "He met Russian President Vladimir Putin and Prime Minister Benjamin Netanyahu.",
        "France, the Gulf states, Turkey, Israel and Iran are involved.",  # a list
        "The threat to the U.S., our allies and partners, and the world is growing.",
        # "as" as a conjunction, a negated "as", an adverbial "as" whose noun is the subject's
        "As the militant group was regrouping, Israel struck.",
        "Israel struck Hamas as the group was regrouping in Rafah.",
        "Israel does not regard Russia as a partner.",
        "Russia cannot serve as a mediator.",
        "Russia entered Syria as an ally of Assad.",
        "U.S. Senate candidate Roy Moore cast himself as a staunch ally of the president.",
        # a quoted verdict or purpose is not a noun phrase; "called" can mean phoned
        'Senator Toomey said Trump was "wrong" and should apologise.',
        'Biden called Netanyahu "to discuss the hostages," officials said.',
        "Putin called Netanyahu the next day.",
        "Officials called Hamas leaders in Doha.",  # no determiner: not a complement
        # the subject is the contacts, not the Kremlin; "the penalties target Turkey's army"
        "Contacts with the Kremlin are the subject of an inquiry.",
        "The penalties force Turkey to retreat.",
        "Turkey is already striking Kurdish targets.",
        "The war was brutal, authoritarian Russia said.",  # commas join adjectives only after "the"
    ],
)
def test_no_label_where_there_is_none(actors: Actors, text: str) -> None:
    assert all(labels(p) == [] for p in profiles(actors, text).values())


# --- mentions: metonyms and traps ------------------------------------------------------------


def test_named_institutions_and_lowercase_us_are_not_the_us(actors: Actors) -> None:
    assert profiles(actors, "Experts at the Washington Institute disagree.") == {}
    assert profiles(actors, "The Washington Post reported it first.") == {}
    assert profiles(actors, "Let us be clear about this.") == {}
    found = profiles(actors, "The US sent US$5 billion to Kyiv.")
    assert [m.text for m in found["United States"].mentions_evidence] == ["US"]
    assert profiles(actors, "Donald Trump Jr. met lawyers.") == {}


def test_a_capital_as_a_place_is_a_mention_but_its_clock_is_not(actors: Actors) -> None:
    found = profiles(actors, "Officials in Moscow said talks resume at 10 a.m. Moscow time.")
    assert [m.text for m in found["Russia"].mentions_evidence] == ["Moscow"]


def test_order_is_most_mentioned_first_then_lexicon_order(actors: Actors) -> None:
    found = profiles(actors, "Israel and Hamas talked.", "Hamas left; Iran and Syria stayed.")
    assert list(found) == ["Hamas", "Israel", "Iran", "Syria"]


# --- evaluative words ------------------------------------------------------------------------


def test_evaluative_words_go_to_the_nearest_name_in_the_clause(actors: Actors) -> None:
    found = profiles(actors, "The IDF killed five Hamas terrorists, officials said.")
    assert [m.text for m in found["Hamas"].evaluative] == ["terrorists"]
    assert found["Israel"].evaluative == ()


def test_loaded_matches_join_the_evaluative_words(actors: Actors) -> None:
    text = "Russia waged a vicious campaign, while Ukraine held on."
    start = text.index("vicious")
    loaded = [Match("p1-s1", start, start + 7, "vicious", "vicious", "emotive")]
    found = profiles(actors, text, loaded=loaded)
    assert found["Russia"].evaluative == tuple(loaded)
    assert found["Ukraine"].evaluative == ()  # another clause (after "while")


def test_capitalised_evaluative_words_in_names_are_skipped(actors: Actors) -> None:
    found = profiles(actors, "Putin is wanted by the International Criminal Court.")
    assert found["Russia"].evaluative == ()


# --- extending the list ----------------------------------------------------------------------


def test_user_file_adds_aliases_and_actors(tmp_path: Path) -> None:
    (tmp_path / "actors.toml").write_text(
        '[actors.Hamas]\naliases = ["Mohammed Deif"]\n\n'
        '[actors."Palestinian Islamic Jihad"]\nkind = "group"\naliases = ["Islamic Jihad"]\n',
        encoding="utf-8",
    )
    mine = Actors(load_lexicons(tmp_path)["actors"])
    found = profiles(mine, "Mohammed Deif and Islamic Jihad met Hamas in Doha.")
    assert found["Hamas"].mentions == 2
    assert found["Palestinian Islamic Jihad"].mentions == 1


@pytest.mark.parametrize(
    "text",
    [
        # AllSides traps: a relative clause after "a state", bland adjectives before a place
        "Trump’s campaign manager tried to frame the results in a state Trump won by 30 points.",
        "They could appeal to the national Washington, D.C.-based board.",
        "Senators called the top U.S. general to testify.",
    ],
)
def test_no_label_from_a_relative_clause_or_a_bland_adjective(text: str) -> None:
    actors = Actors(load_lexicons()["actors"])
    profiles = actors.profiles(tokenized([("p1-s1", text, False)]), {}, [])
    assert [label.text for p in profiles for label in p.labels] == []
