"""Loaded language: the words found in the seeds and in small news sentences, where they are,
which class they belong to, what is left out, and the validity benchmark's output."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest

from framing.analyse.loaded import LoadedLanguage
from framing.analyse.segment import split_sentences
from framing.errors import FramingError
from framing.ingest.clean import clean
from framing.ingest.corpus import load_corpus
from framing.lexicon import TokenizedSentence, load_lexicons, tokenized
from framing.models import Match

ROOT = Path(__file__).resolve().parent.parent
VALIDITY = Path(__file__).resolve().parent / "data" / "validity"


@cache
def detector() -> LoadedLanguage:
    return LoadedLanguage(load_lexicons()["loaded"])


@cache
def seed_sentences() -> dict[str, tuple[TokenizedSentence, ...]]:
    articles = {}
    for source in load_corpus([ROOT / "seeds"]).sources:
        sentences = split_sentences(clean(source))
        articles[source.id] = tokenized((s.id, s.text, s.heading) for s in sentences)
    return articles


def one(text: str) -> TokenizedSentence:
    return tokenized([("s1", text, False)])[0]


def found(text: str) -> list[tuple[str, str, str]]:
    """(words as written, base term, category) of each match in one sentence."""
    return [(m.text, m.term, m.category) for m in detector().find([one(text)])]


def seed_matches(article: str) -> tuple[Match, ...]:
    return detector().find(seed_sentences()[article])


def test_seed_loaded_words_with_offsets_into_their_sentence() -> None:
    expected = {
        "the-buzz-russia-big-plans-israel-hamas-war": {"obscene", "atrocities", "mortal enemies"},
        "washington-institute-putin-alignment-middle-east": {"gruesome"},
        "russia-sides-with-israels-mortal-enemies": {"brutal", "onslaught", "vitriol"},
        "jfeed-netanyahu-secret-moscow-mission": {"massacre", "massacres"},
    }
    for article, words in expected.items():
        matches = seed_matches(article)
        sentences = {s.id: s for s in seed_sentences()[article]}
        assert words <= {m.text for m in matches}
        for match in matches:
            assert sentences[match.sentence_id].text[match.start : match.end] == match.text
    buzz = {m.text: m.category for m in seed_matches("the-buzz-russia-big-plans-israel-hamas-war")}
    assert buzz["obscene"] == buzz["atrocities"] == "emotive"


def test_seed_neutral_uses_are_not_counted() -> None:
    russia = {m.text for m in seed_matches("russia-sides-with-israels-mortal-enemies")}
    assert "regimes" not in russia  # "mutual tourism visa regimes"
    jfeed = {m.text.lower() for m in seed_matches("jfeed-netanyahu-secret-moscow-mission")}
    assert "sham" not in jfeed  # "Hay'at Tahrir al-Sham"


def test_seed_articles_differ_in_how_much_loaded_language_they_use() -> None:
    def share(article: str) -> float:
        sentences = seed_sentences()[article]
        return sum(detector().is_loaded(s) for s in sentences) / len(sentences)

    assert share("russia-sides-with-israels-mortal-enemies") > share(
        "analysis-israels-hushed-military-ties-with-russia"
    )


def test_inflections_and_categories() -> None:
    assert found("The senator slammed the bill and mocked its authors.") == [
        ("slammed", "slam", "dramatic"),
        ("mocked", "mocked", "dramatic"),
    ]
    assert found("Protesters called them thugs and radicals.") == [
        ("thugs", "thug", "derogatory"),
        ("radicals", "radical", "partisan"),
    ]
    assert found("The far-left mayor claimed the massacres were staged.") == [
        ("far-left", "far-left", "partisan"),
        ("claimed", "claim", "doubt"),
        ("massacres", "massacre", "emotive"),
    ]


def test_offsets_point_at_the_words() -> None:
    text = "Officials called the attack barbaric and utterly senseless."
    matches = detector().find([one(text)])
    assert [(m.start, m.end) for m in matches] == [(28, 36), (41, 48), (49, 58)]
    assert [m.category for m in matches] == ["emotive", "intensifier", "derogatory"]


@pytest.mark.parametrize(
    "text",
    [
        "Antioxidants neutralise free radicals in the body.",
        "The country tightened its sanctions regime and its visa regimes.",
        "Islamic State claimed responsibility for the bombing.",
        "Aid agencies flew in after the natural disaster.",
        "Jobless claims fell by 12,000 last week.",
        "The film became a cult classic in the 1990s.",
        "Fighters from Hay'at Tahrir al-Sham entered the town.",
        "Prices of blast furnaces rose as the storm approached.",
    ],
)
def test_non_loaded_uses_are_excluded(text: str) -> None:
    assert found(text) == []


def test_is_loaded_rule_reads_weights_and_threshold_from_the_lexicon() -> None:
    d = detector()
    assert d.threshold == 1.0 and d.weights["emotive"] == 1.0 and d.weights["intensifier"] == 0.5
    assert d.is_loaded(one("It was a gruesome scene."))
    assert not d.is_loaded(one("The turnout was extremely high."))  # one intensifier: half
    assert d.is_loaded(one("The turnout was extremely high and utterly unexpected."))
    assert not d.is_loaded(one("The committee met on Tuesday to discuss the budget."))


def test_user_lexicon_adds_a_category_with_default_weight(tmp_path: Path) -> None:
    (tmp_path / "loaded.toml").write_text('[lists]\nmetaphor = ["tsunami of"]\n')
    d = LoadedLanguage(load_lexicons(tmp_path)["loaded"])
    sentence = one("A tsunami of lawsuits followed.")
    assert [(m.text, m.category) for m in d.find([sentence])] == [("tsunami of", "metaphor")]
    assert d.is_loaded(sentence)


def test_lexicon_lists_are_disjoint_and_weighted() -> None:
    data = tomllib.loads((ROOT / "framing/data/loaded.toml").read_text(encoding="utf-8"))
    owners: dict[str, str] = {}
    for category, terms in data["lists"].items():
        assert category in data["weights"]
        for term in terms:
            assert owners.setdefault(term.lower(), category) == category, term
            owners[term.lower()] = category
    assert len(owners) > 600


def run_validity(*args: str) -> dict[str, object]:
    command = [sys.executable, str(ROOT / "benchmarks/validity.py"), *args]
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, object] = json.loads(output.stdout)
    return result


def test_validity_benchmark_on_fixtures() -> None:
    report = run_validity("--babe", str(VALIDITY / "babe.csv"), "--basil", str(VALIDITY / "basil"))
    babe = report["babe"]
    assert isinstance(babe, dict)
    assert set(babe) == {"file", "loaded", "vader"}
    for half in ("all", "dev", "held_out"):
        assert {"precision", "recall", "macro_f1", "biased_word_recall"} <= set(
            babe["loaded"][half]
        )
        assert {"precision", "recall", "macro_f1"} <= set(babe["vader"][half])
    # every biased row holds a listed word, no neutral row does: hand-checked
    assert babe["loaded"]["all"]["macro_f1"] == 1.0
    assert babe["loaded"]["all"]["biased_word_recall"] == 1.0
    assert 0.05 <= babe["vader"]["threshold"] <= 0.95
    basil = report["basil"]
    assert isinstance(basil, dict)
    ours = basil["all"]["loaded"]
    # spans "slammed", "gruesome failure" found, "held" not; matches "Slams" (title),
    # "slammed", "gruesome": both body matches inside a span (BASIL leaves headlines unmarked,
    # so the title's "Slams" is not scored as a miss)
    assert basil["all"]["lexical_spans"] == 3
    assert ours["span_recall"] == 0.667 and ours["precision_proxy"] == 1.0
    assert "sentence_span_recall" in basil["all"]["vader"]


@pytest.mark.parametrize(
    "text",
    [
        # BASIL (Fox News, The New York Times): the noun and the legal sense of "claim"
        "The administration sought to push back on claims by Democrats and Republicans.",
        "Jim Ziegler told The Washington Examiner that the women’s claims were overblown.",
        "The lawsuit claims the company fired her for reporting the fraud.",
        "The bishops rejected claims of a rift with the congressman.",
        # the criminal charge, not the writer's drama
        "He was arrested and accused of threatening to use a bomb.",
        # a plain reaction word of news: "Republicans were stunned by the defeat"
        "Republicans were stunned by the defeat in Tuesday’s primary.",
    ],
)
def test_neutral_senses_are_not_counted(text: str) -> None:
    assert found(text) == []


def test_the_verb_claim_with_a_person_still_casts_doubt() -> None:
    assert found("Mr. Ryan claimed that his budget was consistent with Catholic teaching.") == [
        ("claimed", "claim", "doubt")
    ]


def test_news_bias_vocabulary_from_basil_and_babe() -> None:
    assert found("Trump threatened to sue some of his accusers.") == [
        ("threatened", "threaten", "dramatic")
    ]
    assert found("The aides dangled a job in front of him and stoked fears.") == [
        ("dangled", "dangle", "dramatic"),
        ("stoked", "stoke", "dramatic"),
    ]
    assert found("He fueled outrage with a hawkish speech.") == [
        ("fueled", "fueled", "dramatic"),
        ("outrage", "outrage", "emotive"),
        ("hawkish", "hawkish", "partisan"),
    ]
    assert found("She erroneously said the letters came from a novice.") == [
        ("erroneously", "erroneously", "doubt"),
        ("novice", "novice", "derogatory"),
    ]


def test_forms_lemminflect_does_not_know_are_inflected_regularly() -> None:
    # BASIL event 077: "the Obama-Clinton machine's liberal media lapdogs"
    assert found("He attacked the machine's liberal media lapdogs.") == [
        ("liberal media", "liberal media", "partisan"),
        ("lapdogs", "lapdog", "derogatory"),
    ]
    assert found("They weaponized the inquiry.") == [("weaponized", "weaponize", "dramatic")]
    assert found("Fans flocked to Woking for the match.") == []  # "woke" is not inflected


def test_a_sense_needs_a_table(tmp_path: Path) -> None:
    (tmp_path / "loaded.toml").write_text('[senses]\nclaim = ["the"]\n')
    with pytest.raises(FramingError, match="sense must be a table"):
        LoadedLanguage(load_lexicons(tmp_path)["loaded"])


def test_training_experiment_compares_model_and_pruned_lists_with_the_rule() -> None:
    command = [
        sys.executable,
        str(ROOT / "benchmarks/train_loaded.py"),
        "--babe",
        str(VALIDITY / "babe.csv"),
        "--basil",
        str(VALIDITY / "basil"),
    ]
    runs = [
        subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT) for _ in "ab"
    ]
    assert runs[0].stdout == runs[1].stdout  # deterministic: full-batch training, sorted keys
    report = json.loads(runs[0].stdout)
    variants = {"rule", "model_lexicon", "model_words", "model_meaning", "without_claim", "pruned"}
    assert set(report) == variants | {"pruned_terms"}
    # the rule's figures are validity.py's on the same fixtures (hand-checked there)
    assert report["rule"]["dev"]["babe_macro_f1"] == 1.0
    assert report["rule"]["dev"]["inside_any_marked_span"] == 0.667
    assert report["rule"]["dev"]["loaded_without_evidence"] == 0
    # "slam" matches twice ("Slams", "slammed"), once inside a marked span; "gruesome" once
    assert report["pruned_terms"] == []
