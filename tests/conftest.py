"""Shared fixtures: the seed corpus analysed once, and its renderings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from framing.briefing import build_briefing, to_json
from framing.models import Briefing
from framing.topics import default_topics

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_briefing() -> Briefing:
    return build_briefing([SEEDS], default_topics())


@pytest.fixture(scope="session")
def seeds_json(seeds_briefing: Briefing) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_json(seeds_briefing))
    return data


@pytest.fixture(scope="session")
def seeds_html(seeds_json: dict[str, Any]) -> str:
    from framing.render import render_html

    return render_html(seeds_json)


@pytest.fixture(scope="session")
def seeds_pdf(seeds_html: str) -> bytes:
    from framing.render import render_pdf

    return render_pdf(seeds_html)


def article(briefing: Briefing, prefix: str) -> Any:
    """The seed article whose id starts with `prefix`."""
    return next(a for a in briefing.articles if a.id.startswith(prefix))
