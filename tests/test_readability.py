"""Readability scores, the short-text flag, and running with no network at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, article

from framing.models import Briefing
from framing.readability import measure_readability

SHORT = "Russia sent a delegation to Damascus. Israel watched closely."


def test_seed_scores(seeds_briefing: Briefing) -> None:
    scores = article(seeds_briefing, "jfeed").readability
    assert scores.words == 594 and scores.sentences == 29
    assert 20 < scores.flesch_reading_ease < 35
    assert 12 < scores.flesch_kincaid_grade < 17
    assert scores.words_per_sentence == round(594 / 29, 2)
    assert not scores.too_short


def test_short_text_is_flagged() -> None:
    scores = measure_readability(SHORT, 2)
    assert scores.too_short and scores.words == 9


BLOCK_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network blocked by the test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from pathlib import Path
from framing.briefing import build_briefing, to_json
from framing.render import render_html, render_pdf
from framing.topics import default_topics
briefing = build_briefing([Path(sys.argv[1])], default_topics())
html = render_html(__import__("json").loads(to_json(briefing)))
assert render_pdf(html).startswith(b"%PDF")
print(briefing.articles[0].readability.flesch_reading_ease)
"""


def test_runs_with_sockets_blocked(tmp_path: Path) -> None:
    """textstat's dictionary ships in a package: nothing is downloaded at first use."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_NETWORK, str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) > 0
