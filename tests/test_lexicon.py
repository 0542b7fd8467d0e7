"""The lexicon core every measure shares: tokens, the phrase matcher, loading and extending."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.lexicon import LEXICON_NAMES, PhraseMatcher, load_lexicons, tokenize


def found(matcher: PhraseMatcher, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.term, m.category) for m in matcher.find(tokenize(text), text, "p1-s1")]


def test_tokens_keep_offsets_and_split_possessives() -> None:
    text = "Israel’s army, the IDF."
    tokens = tokenize(text)
    assert [t.lower for t in tokens] == ["israel", "'", "s", "army", "the", "idf"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_terms_match_their_inflections_and_longest_phrase_first() -> None:
    matcher = PhraseMatcher({"verb": ["call", "call for"], "noun": ["massacre"]})
    text = "Moscow called for calm after the massacres; Kyiv calls."
    assert found(matcher, text) == [
        ("called for", "call for", "verb"),
        ("massacres", "massacre", "noun"),
        ("calls", "call", "verb"),
    ]


def test_terms_with_capitals_match_only_as_written() -> None:
    matcher = PhraseMatcher({"actor": ["US"]})
    assert found(matcher, "Let us talk to the US envoy.") == [("US", "US", "actor")]


def test_exclude_phrases_and_their_inflections_cancel_matches_inside_them() -> None:
    matcher = PhraseMatcher({"loaded": ["regime"]}, exclude=["visa regime"])
    assert found(matcher, "Visa regimes differ; the regime fell.") == [
        ("regime", "regime", "loaded")
    ]


def test_one_term_in_two_lists_gives_a_match_for_each() -> None:
    matcher = PhraseMatcher({"economic": ["sanction"], "external": ["sanction"]})
    categories = [c for _, _, c in found(matcher, "New sanctions were imposed.")]
    assert categories == ["economic", "external"]


def test_built_in_lexicons_load_with_versions() -> None:
    lexicons = load_lexicons()
    assert list(lexicons) == list(LEXICON_NAMES)
    assert all(lex.version and lex.source == "built-in" for lex in lexicons.values())


def test_a_user_file_extends_lists_and_records_its_source(tmp_path: Path) -> None:
    user = 'version = "newsroom-1"\n[lists]\nemotive = ["dastardly"]\n'
    (tmp_path / "loaded.toml").write_text(user)
    lexicons = load_lexicons(tmp_path)
    loaded = lexicons["loaded"]
    assert "dastardly" in loaded.data["lists"]["emotive"]
    assert "brutal" in loaded.data["lists"]["emotive"]  # the built-in terms stay
    assert (loaded.version, loaded.source) == ("newsroom-1", str(tmp_path / "loaded.toml"))
    assert lexicons["frames"].source == "built-in"


def test_replace_true_replaces_the_built_in_file(tmp_path: Path) -> None:
    (tmp_path / "loaded.toml").write_text('replace = true\n[lists]\nemotive = ["dire"]\n')
    assert load_lexicons(tmp_path)["loaded"].data["lists"] == {"emotive": ["dire"]}


def test_bad_lexicon_folder_and_file_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="lexicon folder not found"):
        load_lexicons(tmp_path / "missing")
    (tmp_path / "stance.toml").write_text("hedges = [unclosed\n")
    with pytest.raises(FramingError, match="broken lexicon file") as error:
        load_lexicons(tmp_path)
    assert "\n" not in error.value.message
