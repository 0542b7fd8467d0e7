"""The aligner's shortcuts give what the plain reading gives: a window's words from its two
sentences', each word read once, difflib's ratio only where it decides a score, the candidate
pairs as arrays, and WordLlama's embedding without the offsets nobody reads."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from difflib import SequenceMatcher

import numpy as np
import pytest

from framing.compare.claim_candidates import candidates
from framing.compare.claim_reading import UnitReader
from framing.compare.claim_scores import _ratio_bound, corpus_weights, score_pair
from framing.compare.claim_sentences import (
    AlignArticle,
    AlignSentence,
    ClaimSentence,
    merge_spellings,
    prepare,
)
from framing.compare.claim_settings import Settings, default_settings
from framing.compare.claim_words import claim_tokens, claim_words, joined_tokens
from framing.compare.meaning import Vectors, _model, embed

_PIECES = (
    "a", "an", "A", "hundred", "Hundred", "$", "US$", "€", "5", "12", "million", "billion",
    "thousand", "per", "cent", "Cent", "percent", "%", "one", "twenty", "five", "and",
    "dollars", "euros", "1,000", "3.5", "2bn", "7th", "1990s", "dozen", "the", "Israel", "said",
    "x_y", "pct", "$5m",
)  # fmt: skip
_GAPS = ("", " ", " ", " ", "-", ", ", ". ", "; ")


def _text(rng: random.Random) -> str:
    words = [rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(rng.randint(0, 10))]
    return "".join(words).strip()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The bill would cost 5", "million dollars, officials said."),
        ("It rose 40 per.", "Cent of voters agreed."),
        ("Prices rose 40 per", "cent in a year."),
        ("He paid a", "hundred dollars."),
        ("Israel said no.", "A hundred people were hurt."),
        ("Losses reached £300m.", "Twenty-five people fled."),
        ("The army sent US$", "5bn in aid."),
        ("", "Twelve died."),
    ],
)
def test_a_window_reads_as_its_joined_text(first: str, second: str) -> None:
    """Amounts that run across the space are read as in the joined text, not per sentence."""
    assert joined_tokens(first, second) == claim_tokens(f"{first} {second}")


def test_windows_of_random_amount_words_read_as_their_joined_text() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        first, second = _text(rng), _text(rng)
        assert joined_tokens(first, second) == claim_tokens(f"{first} {second}"), (first, second)


def _articles(*texts: tuple[str, ...]) -> list[AlignArticle]:
    return [
        AlignArticle(
            f"a{n}", f"outlet{n}", tuple(AlignSentence(f"s{k}", t) for k, t in enumerate(sents))
        )
        for n, sents in enumerate(texts)
    ]


_STORY = (
    (
        "Russia refused to condemn the Hamas attack on Israel, and Putin waited ten days.",
        "The Kremlin blamed Washington for the war; it sent no weapons to Ukraine.",
        "Israel has refrained from officially supporting Ukraine since the invasion began.",
    ),
    (
        "Putin waited 10 days before calling Netanyahu about the attack on Israel.",
        "Moscow has refused to send lethal weapons to Ukraine, the Kremlin said.",
        "Russia's deployment of warplanes to Syria in 2015 propped up Bashar al-Assad.",
    ),
    (
        "The Kremlin refrained from condemning Hamas, while Putin blamed US policy.",
        "Russia deployed warplanes to Syria in September 2015 to prop up Assad.",
        "Zelenskyy said Israel had refused to send weapons and the supply of drones.",
    ),
    (
        "Zelensky said Israel had refused to send the weapons Ukraine asked for.",
        "Officials said 12 soldiers were wounded, and a dozen more were missing.",
        "The foundation paid $750,000 to settle the claims, the filing shows.",
    ),
)


@pytest.fixture(scope="module")
def units() -> list[ClaimSentence]:
    return merge_spellings(prepare(_articles(*_STORY), default_settings()))


def test_content_words_are_the_readers_own(units: list[ClaimSentence]) -> None:
    """Each word's content word, kept, gives the shared reader's set for the whole unit."""
    settings = default_settings()
    reader = UnitReader(settings)
    for unit in units:
        assert reader.content(unit.words) == settings.reader.content_words(unit.words)
        assert unit.words == claim_words(unit.sentence.text)


def test_the_bound_never_falls_below_difflibs_ratio(units: list[ClaimSentence]) -> None:
    """The longest common subsequence holds every word difflib's blocks match."""
    rng = random.Random(3)
    for _ in range(2000):
        alphabet = rng.randint(1, 6)
        a, b = (
            replace(units[0], words=tuple(str(rng.randrange(alphabet)) for _ in range(size)))
            for size in (rng.randint(1, 25), rng.randint(1, 25))
        )
        exact = SequenceMatcher(None, a.words, b.words, autojunk=False).ratio()
        assert exact <= _ratio_bound(a, b)


def test_pairs_score_the_same_without_the_exact_ratio(units: list[ClaimSentence]) -> None:
    settings = default_settings()
    vectors = embed([u.sentence.text for u in units])
    weights = corpus_weights(units, settings)
    scored = 0
    for i, a in enumerate(units):
        for b in units[i + 1 :]:
            cosine = float(vectors[a.order] @ vectors[b.order])
            exact = score_pair(a, b, cosine, weights, settings)
            quick = score_pair(a, b, cosine, weights, settings, exact_ratio=False)
            assert (exact is None) == (quick is None)
            if exact is not None and quick is not None:
                scored += 1
                assert (exact.similarity, exact.kind) == (quick.similarity, quick.kind)
                assert exact.ratio <= quick.ratio
    assert scored > 20


def _plain_candidates(
    units: list[ClaimSentence], vectors: Vectors, settings: Settings
) -> list[tuple[int, int]]:
    """The candidate nets one pair at a time, as the aligner first wrote them."""
    postings: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for word in unit.content:
            postings[word].append(unit.order)
    pairs = {
        (i, j)
        for posting in postings.values()
        if 2 <= len(posting) <= settings.max_postings
        for i in posting
        for j in posting
        if i < j and units[i].outlet != units[j].outlet
    }
    article = {u.order: u.article.article_id for u in units}
    blocks = {(article[i], article[j]) for i, j in pairs}  # a < b: units come in article order
    near = set()
    for a, b in blocks:
        rows = [u.order for u in units if article[u.order] == a]
        columns = [u.order for u in units if article[u.order] == b]
        block = vectors[rows] @ vectors[columns].T >= settings.meaning_candidate
        near |= {(rows[int(r)], columns[int(c)]) for r, c in zip(*np.nonzero(block), strict=True)}
    return sorted(pairs | near)


def test_candidate_arrays_find_the_plain_pairs(units: list[ClaimSentence]) -> None:
    """Four articles of one story, each of its own outlet: every linked pair is a block."""
    settings = default_settings()
    vectors = embed([u.sentence.text for u in units])
    found = candidates(units, vectors, settings)
    assert found == _plain_candidates(units, vectors, settings)
    assert all(type(i) is int and type(j) is int for i, j in found)
    assert candidates([], vectors[:0], settings) == []


def test_embedding_is_wordllamas_to_the_byte() -> None:
    texts = [text for sentences in _STORY for text in sentences] * 90 + ["x", "Hamas"]
    texts += [" ".join(texts[:40])] * 30  # long texts: smaller batches than WordLlama's
    order = sorted(range(len(texts)), key=lambda n: len(texts[n]))
    theirs = _model_embed([texts[n] for n in order])
    ours = embed(texts)[order]
    assert ours.tobytes() == theirs.tobytes()


def _model_embed(texts: list[str]) -> Vectors:
    model = _model()
    found: Vectors = model.embed(texts, norm=True, batch_size=256)  # type: ignore[attr-defined]
    return found
