"""Claim units on real sentences: which sentences are split into clauses, which are not, and
the two-sentence windows; and the sentence model that compares them, offline."""

from __future__ import annotations

import logging
import socket
from typing import Any

import numpy as np
import pytest

from framing.compare.claim_settings import default_settings
from framing.compare.claim_units import ClaimUnit, claim_units
from framing.compare.meaning import embed

RULES = default_settings().clauses


def units(*texts: str) -> list[ClaimUnit]:
    return list(claim_units([f"s{n}" for n in range(len(texts))], list(texts), RULES))


def clauses(text: str) -> list[str]:
    return [u.claim for u in units(text) if u.is_clause]


def test_a_sentence_joining_two_claims_is_offered_clause_by_clause() -> None:
    text = (
        "The Kremlin refrained from directly condemning Hamas, while Putin waited ten days to "
        "call Benjamin Netanyahu."
    )
    assert clauses(text) == [
        "The Kremlin refrained from directly condemning Hamas",
        "while Putin waited ten days to call Benjamin Netanyahu",
    ]


def test_and_joins_clauses_only_when_the_verb_follows_it() -> None:
    """ "and has instead blamed" opens a clause; "Israel and Hamas" joins two names."""
    refused = (
        "Since October 7, Russian President Vladimir Putin has refused to condemn Hamas’s "
        "massacre and has instead blamed Israel’s settlement policies."
    )
    assert clauses(refused)[1] == "and has instead blamed Israel’s settlement policies"
    names = (
        "Putin has repeatedly warned that the conflict between Israel and Hamas in Gaza could "
        "escalate into a regional war."
    )
    assert clauses(names) == []


def test_each_sentence_is_also_offered_with_the_next() -> None:
    found = units(
        "Rescuers pulled survivors from the collapsed block on Monday.",
        "There were 14 of them, according to the governor.",
        "He added:",
    )
    windows = [u for u in found if len(u.sentence_ids) == 2]
    assert [u.sentence_ids for u in windows] == [("s0", "s1")]  # "He added:" is too short
    assert windows[0].claim == windows[0].text
    assert [c[0] for c in windows[0].coverage] == ["s0", "s1"]


def test_clause_spans_cover_their_own_characters() -> None:
    text = "Russia vetoed the resolution; China abstained in the vote on Friday."
    first, second = [u for u in units(text) if u.is_clause]
    assert first.coverage == (("s0", first.start, first.end),)
    assert first.end <= second.start


def test_the_sentence_model_loads_from_its_wheel_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the sentence model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    vectors = embed(
        ["Putin refused to condemn Hamas.", "The Kremlin refrained from condemning Hamas."]
    )
    assert (list(root.handlers), root.level) == before  # its import configures no logging
    assert vectors.shape == (2, 256)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = embed(
        ["Putin refused to condemn Hamas.", "The Kremlin refrained from condemning Hamas."]
    )
    assert vectors.tobytes() == again.tobytes()  # same text, same vector


def test_near_in_meaning_is_nearer_than_on_another_subject() -> None:
    a, b, c = embed(
        [
            "Israel has refrained from officially supporting Ukraine.",
            "Israel refused to send lethal weapons to Ukraine.",
            "Shares of European carmakers fell sharply in Frankfurt.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2
