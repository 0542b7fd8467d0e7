"""Duplicate detection on real text: seed bodies, a Reuters story and Newsmax's copy of it, and
two outlets' own reports of one Charlotte protest (AllSides story_0109), in tests/data/duplicates/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from framing.ingest.duplicates import Duplicate, find_duplicates

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "duplicates"
SEED_NAMES = sorted(path.name for path in (ROOT / "seeds").glob("*.txt"))


def seed_body(name: str, paragraphs: int = 6) -> str:
    """The first body paragraphs of a seed page: blocks of 40+ words, not menus or captions."""
    blocks = (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n\n")
    return "\n\n".join([block.strip() for block in blocks if len(block.split()) >= 40][:paragraphs])


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


RUSSIA = seed_body("russia-sides-with-israels-mortal-enemies.txt")
REUTERS = fixture("reuters_mueller.txt")
NEWSMAX = fixture("newsmax_mueller.txt")


def syndicated_edit(wire: str) -> str:
    """What an outlet does to a wire story: its own first sentence, a paragraph cut, its verbs."""
    paragraphs = wire.split("\n\n")
    lead = "Robert Mueller broke his silence on Wednesday. " + paragraphs[0].split(" - ", 1)[1]
    kept = [lead, *paragraphs[1:4], *paragraphs[5:]]
    return "\n\n".join(kept).replace(" said", " told reporters")


def test_empty_input() -> None:
    assert find_duplicates([]) == ()


def test_copy_differing_in_case_whitespace_and_quotes_is_identical() -> None:
    copy = RUSSIA.upper().replace("’", "'").replace("“", '"').replace("\n\n", " \n\t ")
    assert find_duplicates([("seed", RUSSIA), ("copy", copy)]) == (
        Duplicate("copy", "seed", 1.0, "identical"),
    )


def test_lightly_edited_wire_copy_is_near_identical() -> None:
    (found,) = find_duplicates([("reuters", REUTERS), ("outlet", syndicated_edit(REUTERS))])
    assert (found.article_id, found.original_id, found.kind) == (
        "outlet",
        "reuters",
        "near-identical",
    )
    assert 0.5 <= found.similarity < 1.0
    assert found.similarity == round(found.similarity, 3)


def test_real_syndicated_copy_is_near_identical() -> None:
    """Newsmax ran the Reuters story without its dateline and with straight quotes."""
    (found,) = find_duplicates([("reuters", REUTERS), ("newsmax", NEWSMAX)])
    assert (found.original_id, found.kind) == ("reuters", "near-identical")
    assert found.similarity > 0.9


def test_two_outlets_reporting_one_story_are_not_duplicates() -> None:
    """Both reports rework the same wire facts ("release the tape", the curfew, riot gear)."""
    tribune, fox = fixture("tribune_charlotte.txt"), fixture("fox_charlotte.txt")
    assert find_duplicates([("tribune", tribune), ("fox", fox)]) == ()


def test_seed_articles_on_one_topic_are_not_duplicates() -> None:
    seeds = [(name, (ROOT / "seeds" / name).read_text(encoding="utf-8")) for name in SEED_NAMES]
    assert len(seeds) >= 5
    assert find_duplicates(seeds) == ()


def test_three_copies_point_to_the_first() -> None:
    found = find_duplicates(
        [("newsmax", NEWSMAX), ("reuters", REUTERS), ("edited", syndicated_edit(REUTERS))]
    )
    assert [(d.article_id, d.original_id) for d in found] == [
        ("edited", "newsmax"),
        ("reuters", "newsmax"),
    ]


def test_story_copied_more_widely_than_the_index_pairs_is_one_group() -> None:
    """Past 100 sketches sharing a hash only neighbours are paired; the copies still chain."""
    copies = [(f"outlet-{i:03}", f"{REUTERS}\n\nReported for outlet {i:03}.") for i in range(120)]
    found = find_duplicates(copies)
    assert len(found) == 119
    assert {d.original_id for d in found} == {"outlet-000"}
    assert {d.kind for d in found} == {"near-identical"}


def test_order_decides_the_original() -> None:
    forward = find_duplicates([("reuters", REUTERS), ("newsmax", NEWSMAX)])
    backward = find_duplicates([("newsmax", NEWSMAX), ("reuters", REUTERS)])
    assert [(d.article_id, d.original_id) for d in forward] == [("newsmax", "reuters")]
    assert [(d.article_id, d.original_id) for d in backward] == [("reuters", "newsmax")]
    assert forward[0].similarity == backward[0].similarity


def test_kind_and_similarity_compare_with_the_original() -> None:
    """An exact copy of the Newsmax version is near-identical to Reuters, not identical."""
    found = find_duplicates([("reuters", REUTERS), ("newsmax", NEWSMAX), ("again", NEWSMAX)])
    assert [(d.article_id, d.original_id, d.kind) for d in found] == [
        ("again", "reuters", "near-identical"),
        ("newsmax", "reuters", "near-identical"),
    ]
    assert found[0].similarity == found[1].similarity


def test_results_are_sorted_by_article_id() -> None:
    found = find_duplicates([("z", RUSSIA), ("m", RUSSIA), ("a", RUSSIA)])
    assert [(d.article_id, d.original_id) for d in found] == [("a", "z"), ("m", "z")]


def test_short_text_matches_only_identically() -> None:
    """45 words against the same 45 plus 15 more: most shingles shared, but under 50 words."""
    words = REUTERS.split()
    short, longer = " ".join(words[:45]), " ".join(words[:60])
    assert find_duplicates([("short", short), ("longer", longer)]) == ()
    assert find_duplicates([("longer", longer), ("short", short)]) == ()
    assert find_duplicates([("short", short), ("again", short)]) == (
        Duplicate("again", "short", 1.0, "identical"),
    )


def test_empty_texts_are_nobodys_duplicates() -> None:
    assert find_duplicates([("a", ""), ("b", " \n "), ("c", "")]) == ()


def test_threshold_decides_near_identical() -> None:
    articles = [("reuters", REUTERS), ("outlet", syndicated_edit(REUTERS))]
    assert find_duplicates(articles, threshold=0.99) == ()


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5])
def test_threshold_out_of_range_is_rejected(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        find_duplicates([("a", RUSSIA)], threshold=threshold)


def test_repeated_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="unique"):
        find_duplicates([("a", RUSSIA), ("a", REUTERS)])


def test_same_result_under_any_string_hash_seed() -> None:
    """Python randomises str hashes per process; the result must not depend on them."""
    script = (
        "import json, sys; from framing.ingest.duplicates import find_duplicates; "
        "print(find_duplicates([(i, text) for i, text in json.load(sys.stdin)]))"
    )
    corpus = mixed_corpus()
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(corpus),
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    found = find_duplicates(corpus)
    assert outputs == {f"{found!r}\n"}
    assert [(d.article_id, d.original_id) for d in found] == [
        ("newsmax", "edited"),
        ("reuters", "edited"),
        ("seed-copy", SEED_NAMES[0]),
    ]


def mixed_corpus() -> list[tuple[str, str]]:
    """Seeds, the Charlotte reports and three versions of the Reuters story, interleaved."""
    seeds = [(name, (ROOT / "seeds" / name).read_text(encoding="utf-8")) for name in SEED_NAMES]
    return [
        ("edited", syndicated_edit(REUTERS)),
        *seeds[:2],
        ("tribune", fixture("tribune_charlotte.txt")),
        ("reuters", REUTERS),
        *seeds[2:],
        ("fox", fixture("fox_charlotte.txt")),
        ("newsmax", NEWSMAX),
        ("seed-copy", (ROOT / "seeds" / SEED_NAMES[0]).read_text(encoding="utf-8")),
    ]
