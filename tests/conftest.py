"""Shared fixtures: the seed corpus analysed once, and its renderings."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from framing.analyse.segment import split_sentences
from framing.analyse.topics import default_topics
from framing.ingest.clean import clean
from framing.ingest.corpus import load_corpus
from framing.lexicon import TokenizedSentence, tokenized
from framing.models import Briefing
from framing.pipeline import build_briefing
from framing.serialise import to_json

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Commands run by the tests cache their analyses here, never in the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["FRAMING_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def seeds_briefing() -> Briefing:
    return build_briefing([SEEDS], default_topics())


@pytest.fixture(scope="session")
def seeds_json(seeds_briefing: Briefing) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(seeds_briefing))
    return data


@pytest.fixture(scope="session")
def seeds_html(seeds_json: dict[str, Any]) -> str:
    from framing.report.render import render_html

    return render_html(seeds_json)


@pytest.fixture(scope="session")
def seeds_pdf(seeds_html: str) -> bytes:
    from framing.report.render import render_pdf

    return render_pdf(seeds_html)


@pytest.fixture(scope="session")
def seed_sentences() -> dict[str, tuple[TokenizedSentence, ...]]:
    """Each seed article's cleaned sentences, tokenised as the measures read them, by id."""
    return {
        source.id: tokenized((s.id, s.text, s.heading) for s in split_sentences(clean(source)))
        for source in load_corpus([SEEDS]).sources
    }


def article(briefing: Briefing, prefix: str) -> Any:
    """The seed article whose id starts with `prefix`."""
    return next(a for a in briefing.articles if a.id.startswith(prefix))
