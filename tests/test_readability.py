"""Readability scores, the short-text flag, and running with no network at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import textstat
from conftest import SEEDS, article

from framing.analyse.readability import measure_readability, readability_supported
from framing.ingest.language import READABILITY_LANGUAGES
from framing.models import Briefing

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
from framing.pipeline import build_briefing
from framing.serialise import to_json
from framing.report.render import render_html, render_pdf
from framing.analyse.topics import default_topics
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


NEWS = {
    "en": (
        "The foreign ministers met in Cairo on Tuesday to discuss a ceasefire in Gaza. "
        "Officials said the talks would continue next week."
    ),
    "de": (
        "Die Bundesregierung hat am Montag in Berlin neue Hilfen für die Ukraine angekündigt. "
        "Nach Angaben des Verteidigungsministeriums sollen unter anderem weitere "
        "Luftabwehrsysteme geliefert werden. Kritiker aus der Opposition forderten dagegen "
        "mehr diplomatische Initiativen. Der Bundestag soll in der kommenden Woche über das "
        "Paket beraten."
    ),
    "es": (
        "El ministro de Asuntos Exteriores viajó el martes a El Cairo para participar en las "
        "negociaciones. Según fuentes diplomáticas, las conversaciones continuarán la próxima "
        "semana."
    ),
    "fr": (
        "Les ministres des Affaires étrangères se sont réunis mardi au Caire pour discuter d'un "
        "cessez-le-feu à Gaza. Selon des sources diplomatiques, les pourparlers reprendront la "
        "semaine prochaine."
    ),
    "it": (
        "I ministri degli Esteri si sono incontrati martedì al Cairo per discutere di un "
        "cessate il fuoco a Gaza. Secondo fonti diplomatiche, i colloqui riprenderanno la "
        "prossima settimana."
    ),
    "nl": (
        "De ministers van Buitenlandse Zaken kwamen dinsdag in Caïro bijeen om over een "
        "staakt-het-vuren in Gaza te praten. Volgens diplomatieke bronnen worden de gesprekken "
        "volgende week hervat."
    ),
    "ru": (
        "Министры иностранных дел встретились во вторник в Каире, чтобы обсудить прекращение "
        "огня в секторе Газа. По словам дипломатов, переговоры продолжатся на следующей неделе."
    ),
}
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
)
HEBREW = (
    "ראש הממשלה נפגש הערב בירושלים עם שר החוץ של ארצות הברית. בפגישה דנו השניים "
    "במאמצים להשגת הפסקת אש ובשחרור החטופים המוחזקים ברצועת עזה. לפי גורמים מדיניים, "
    "ישראל הציגה עמדה נוקשה בנוגע לדרישות חמאס. הפגישה נמשכה כשלוש שעות, ובסיומה נמסר "
    "כי המגעים יימשכו בימים הקרובים."
)


def test_german_is_scored_as_german() -> None:
    """Amstad's German reading ease over German syllables, not Flesch's English one."""
    german = measure_readability(NEWS["de"], 4, "de")
    as_english = measure_readability(NEWS["de"], 4, "en")
    assert german.flesch_reading_ease != as_english.flesch_reading_ease
    assert 20 < german.flesch_reading_ease < 50
    assert german.gunning_fog == german.dale_chall == 0.0  # English-only in textstat 0.7.8
    assert german.words == as_english.words == 44


def test_other_languages_leave_textstat_in_english() -> None:
    before = measure_readability(NEWS["en"], 2)
    measure_readability(NEWS["de"], 4, "de")
    measure_readability(NEWS["ru"], 2, "ru")
    assert measure_readability(NEWS["en"], 2) == before
    assert round(textstat.flesch_reading_ease(NEWS["en"]), 2) == before.flesch_reading_ease


def test_textstat_global_language_is_ignored() -> None:
    """Another caller's textstat.set_lang() does not change our English scores."""
    before = measure_readability(NEWS["en"], 2)
    textstat.set_lang("de_DE")
    try:
        assert measure_readability(NEWS["en"], 2) == before
    finally:
        textstat.set_lang("en_US")


@pytest.mark.parametrize("language", sorted(READABILITY_LANGUAGES))
def test_every_supported_language_is_scored(language: str) -> None:
    """No textstat error or warning (pytest turns warnings into errors) in any of them."""
    assert set(NEWS) == READABILITY_LANGUAGES
    scores = measure_readability(NEWS[language], 2, language)
    assert readability_supported(language)
    assert scores.flesch_reading_ease != 0.0 and scores.flesch_kincaid_grade != 0.0
    assert scores.coleman_liau_index != 0.0 and scores.automated_readability_index != 0.0


@pytest.mark.parametrize("language", ["he", "ar", ""])
def test_unsupported_language_is_not_scored(language: str) -> None:
    """English formulas over Hebrew would look like scores: the formula fields stay 0.0."""
    scores = measure_readability(HEBREW, 4, language)
    assert not readability_supported(language)
    assert all(getattr(scores, formula) == 0.0 for formula in FORMULAS)
    assert scores.words == 44 and scores.sentences == 4 and scores.words_per_sentence == 11.0
    assert scores.reading_time_minutes == round(44 / 238, 2) and scores.too_short
