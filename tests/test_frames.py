"""Frame cues on the seed articles and on small sentences written for each frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.analyse.frames import FrameCues
from framing.analyse.segment import split_sentences
from framing.errors import FramingError
from framing.ingest.clean import clean, prose_words
from framing.ingest.corpus import load_corpus
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import FrameScore, Match

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

CODEBOOK = (
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_reputation",
    "other",
)


@pytest.fixture(scope="module")
def cues() -> FrameCues:
    return FrameCues(load_lexicons()["frames"])


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[tuple[TokenizedSentence, ...], int]]:
    """Each seed article's sentences and prose word count, by article id."""
    articles = {}
    for source in load_corpus([SEEDS]).sources:
        document = clean(source)
        sentences = tokenized((s.id, s.text, s.heading) for s in split_sentences(document))
        articles[document.id] = (sentences, prose_words(document))
    return articles


def sentences(*texts: str) -> tuple[TokenizedSentence, ...]:
    return tokenized((f"p1-s{i}", text, False) for i, text in enumerate(texts, start=1))


def found(cues: FrameCues, text: str) -> set[tuple[str, str]]:
    """(frame, words as written) for every cue in one sentence."""
    return {(m.category, m.text) for m in cues.find(sentences(text))}


def by_key(scores: tuple[FrameScore, ...]) -> dict[str, FrameScore]:
    return {score.key: score for score in scores}


# --- the seeds ------------------------------------------------------------------------------


def test_the_seeds_are_framed_as_security_and_external_relations(
    cues: FrameCues, seeds: dict[str, tuple[tuple[TokenizedSentence, ...], int]]
) -> None:
    # All five pieces are about Russia, Israel and their wars and alliances: read in full, each
    # is first about armed force and threats, then about relations between states.
    assert len(seeds) == 5
    for article_id, (text, words) in seeds.items():
        scores, dominant = cues.score(cues.find(text), words)
        assert dominant[0] in {"security_defense", "external_reputation"}, article_id
        assert {"security_defense", "external_reputation"} <= set(dominant), article_id
        assert by_key(scores)["security_defense"].count >= 20, article_id


def test_seed_evidence_is_the_words_each_piece_uses(
    cues: FrameCues, seeds: dict[str, tuple[tuple[TokenizedSentence, ...], int]]
) -> None:
    def terms(article_id: str, frame: str) -> set[str]:
        text, words = seeds[article_id]
        return {m.term for m in by_key(cues.score(cues.find(text), words)[0])[frame].matches}

    # "The Air Force struck ... as part of our newly defined demilitarization policy"
    assert "demilitarization" in terms("jfeed-netanyahu-secret-moscow-mission", "security_defense")
    # "an 'obscene step that gives support to terrorism and legitimizes the atrocities'"
    buzz = "the-buzz-russia-big-plans-israel-hamas-war"
    assert {"obscene", "atrocity"} <= terms(buzz, "morality")
    # the UN "Security Council" is diplomacy, not a security cue
    assert "Security Council" in terms(buzz, "external_reputation")
    # "how Putin actually feels about Jews": the first analysis weighs Jewish identity
    hushed = "analysis-israels-hushed-military-ties-with-russia"
    assert "Jews" in terms(hushed, "cultural_identity")
    # "Public opinion in Israel has been drifting away from Russia"
    assert "public opinion" in terms("russia-sides-with-israels-mortal-enemies", "public_opinion")


def test_no_seed_match_is_an_excluded_sense(
    cues: FrameCues, seeds: dict[str, tuple[tuple[TokenizedSentence, ...], int]]
) -> None:
    # "according to foreign sources" (twice in the first analysis) is sourcing, not an accord
    matched = {m.text.lower() for text, _ in seeds.values() for m in cues.find(text)}
    assert "according" not in matched
    assert "jewish state" not in matched


def test_section_headings_are_not_counted(
    cues: FrameCues, seeds: dict[str, tuple[tuple[TokenizedSentence, ...], int]]
) -> None:
    text, _ = seeds["washington-institute-putin-alignment-middle-east"]
    headings = {s.id for s in text if s.heading}
    assert headings  # "Israel Should Take New Stance", …
    assert not {m.sentence_id for m in cues.find(text)} & headings


def test_a_topic_subset_is_rescored_with_its_own_word_count(
    cues: FrameCues, seeds: dict[str, tuple[tuple[TokenizedSentence, ...], int]]
) -> None:
    text, words = seeds["jfeed-netanyahu-secret-moscow-mission"]
    matches = cues.find(text)
    on_syria = [s for s in text if "Syria" in s.text and not s.heading]
    ids = {s.id for s in on_syria}
    subset_words = sum(len(s.text.split()) for s in on_syria)
    subset = [m for m in matches if m.sentence_id in ids]

    whole = by_key(cues.score(matches, words)[0])
    part, dominant = cues.score(subset, subset_words)
    for score in part:
        assert score.matches == tuple(m for m in subset if m.category == score.key)
        assert score.count <= whole[score.key].count
        assert score.per_1000 == round(score.count * 1000 / subset_words, 2)
    assert dominant[0] == "security_defense"
    # "Israel is also reassessing its relations with Russia" does not mention Syria
    assert whole["policy_prescription"].present
    assert not by_key(part)["policy_prescription"].present


# --- one realistic sentence per frame ---------------------------------------------------------

PER_FRAME = [
    ("economic", "New sanctions have cost Russia's economy billions.", "economy"),
    ("capacity_resources", "Kyiv faces a shortage of shells as supplies dwindle.", "shortage"),
    ("morality", "The bishop called the bombing a moral outrage.", "moral"),
    ("fairness_equality", "Arab citizens say they face discrimination.", "discrimination"),
    ("legality", "The court ruled that the annexation violated international law.", "violated"),
    ("policy_prescription", "The cabinet will reassess its policy on arms exports.", "reassess"),
    ("crime_punishment", "Police arrested two men suspected of smuggling rifles.", "arrested"),
    ("security_defense", "Israeli airstrikes hit Hezbollah rocket launchers.", "rocket"),
    ("health_safety", "Hospitals in Gaza warn that the death toll keeps rising.", "death toll"),
    ("quality_of_life", "Thousands fled their homes and now live in poverty.", "poverty"),
    ("cultural_identity", "The synagogue has served the Jewish community since 1890.", "Jewish"),
    ("public_opinion", "A new poll shows most Israelis back a hostage deal.", "poll"),
    ("political", "Netanyahu's coalition faces a no-confidence vote in the Knesset.", "Knesset"),
    ("external_reputation", "The foreign minister met his Russian counterpart.", "counterpart"),
]


@pytest.mark.parametrize(("frame", "text", "words"), PER_FRAME)
def test_each_frame_has_cues_for_its_own_news(
    cues: FrameCues, frame: str, text: str, words: str
) -> None:
    assert (frame, words) in found(cues, text)


def test_inflections_and_multi_word_cues(cues: FrameCues) -> None:
    hits = found(cues, "Russia was sanctioned after troops attacked the capital and seized it.")
    assert {("external_reputation", "sanctioned"), ("security_defense", "attacked")} <= hits
    # hyphens read as spaces; the longest cue wins
    hits = found(cues, "The Security Council demanded a cease-fire in Gaza.")
    assert ("external_reputation", "Security Council") in hits
    assert ("security_defense", "cease-fire") in hits
    assert not any(text == "Security" for _, text in hits)


def test_a_cue_under_two_frames_counts_for_both(cues: FrameCues) -> None:
    hits = found(cues, "Washington imposed new sanctions on Tehran.")
    assert {("economic", "sanctions"), ("external_reputation", "sanctions")} <= hits


@pytest.mark.parametrize(
    "text",
    [
        "According to the report, talks ended on Friday.",  # not an "accord"
        "She writes in defense of free speech.",  # not armed defense
        "There were conflicting accounts of the meeting.",  # not a "conflict"
        "He voted for the Jewish state's budget in the West Bank settlements.",  # names
        "Palestinian Islamic Jihad released a statement.",  # an organisation, not religion
        "The artificial intelligence industry received the ambassador's praise",  # not spies
    ],
)
def test_excluded_senses_do_not_count(cues: FrameCues, text: str) -> None:
    hits = found(cues, text)
    assert ("external_reputation", "According") not in hits
    assert not any(frame in {"security_defense", "cultural_identity"} for frame, _ in hits)


def test_social_security_is_economic_not_defense(cues: FrameCues) -> None:
    assert found(cues, "Cuts to Social Security worry retirees.") == {
        ("economic", "Social Security")
    }


# --- scoring rules ----------------------------------------------------------------------------


def test_all_fifteen_frames_are_scored_in_codebook_order(cues: FrameCues) -> None:
    assert tuple(f.key for f in cues.frames) == CODEBOOK
    assert all(f.label and f.definition for f in cues.frames)
    scores, dominant = cues.score((), 0)
    assert tuple(s.key for s in scores) == CODEBOOK
    assert all(s.count == 0 and s.per_1000 == 0.0 and not s.present for s in scores)
    assert dominant == ()
    assert by_key(scores)["other"].label == "Other"


def test_a_frame_is_present_from_the_threshold(cues: FrameCues) -> None:
    assert cues.threshold == 3
    two = sentences("Troops and tanks crossed the border; the army denied it.")
    matches = cues.find(two)
    assert [m.term for m in matches if m.category == "security_defense"] == ["troops", "army"]
    assert not by_key(cues.score(matches, 10)[0])["security_defense"].present
    three = sentences("Troops crossed the border; the army denied it.", "Missiles fell.")
    security = by_key(cues.score(cues.find(three), 9)[0])["security_defense"]
    assert security.present and security.count == 3
    assert security.per_1000 == 333.33


def test_dominant_frames_by_count_ties_in_codebook_order(cues: FrameCues) -> None:
    text = sentences(
        "The election campaign turned on one vote.",  # political: 3
        "Troops fired missiles at the army base.",  # security: 3
        "Taxes and wages rose as the economy grew.",  # economic: 3
        "Police arrested a suspect; prosecutors filed charges of murder.",  # crime: 5
    )
    scores, dominant = cues.score(cues.find(text), 40)
    counts = {s.key: s.count for s in scores if s.count}
    assert counts == {"economic": 3, "crime_punishment": 5, "security_defense": 3, "political": 3}
    assert dominant == ("crime_punishment", "economic", "security_defense")


def test_matches_keep_their_evidence(cues: FrameCues) -> None:
    text = sentences("Diplomats met at the United Nations.")
    (first, second) = cues.find(text)
    assert first == Match("p1-s1", 0, 9, "Diplomats", "diplomat", "external_reputation")
    assert text[0].text[second.start : second.end] == "United Nations"


# --- a user's lexicon -------------------------------------------------------------------------


def test_a_user_file_adds_cues_and_changes_the_threshold(tmp_path: Path) -> None:
    (tmp_path / "frames.toml").write_text(
        'threshold = 1\n[frame.economic]\ncues = ["grain corridor"]\n', encoding="utf-8"
    )
    cues = FrameCues(load_lexicons(tmp_path)["frames"])
    matches = cues.find(sentences("Ships used the grain corridor in July."))
    scores, dominant = cues.score(matches, 7)
    assert by_key(scores)["economic"].present and dominant == ("economic",)
    assert "economy" in cues.frames[0].cues  # the built-in cues stay


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("threshold = 0\n", "threshold must be a whole number"),
        ('[frame.migration]\ncues = ["asylum"]\n', "frame 'migration' has no label"),
        ('[frame.economic]\ncues = "tariff"\n', "'cues' must be a list of strings"),
    ],
)
def test_a_broken_user_file_is_a_one_line_error(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "frames.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(FramingError, match=message):
        FrameCues(load_lexicons(tmp_path)["frames"])
