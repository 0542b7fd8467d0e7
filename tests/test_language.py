"""Language identification on real news prose, and the abstentions on text too thin to judge."""

from __future__ import annotations

import pytest

from framing.ingest.language import (
    READABILITY_LANGUAGES,
    SEGMENTER_LANGUAGES,
    detect_language,
)
from framing.models import Briefing

PARAGRAPHS = {
    "de": (
        "Die Bundesregierung hat am Montag in Berlin neue Hilfen für die Ukraine angekündigt. "
        "Nach Angaben des Verteidigungsministeriums sollen unter anderem weitere "
        "Luftabwehrsysteme geliefert werden. Dr. Sabine Keller, Sprecherin des Ministeriums, "
        "sagte, die Lieferungen seien mit den Partnern in der Nato abgestimmt. Kritiker aus "
        "der Opposition, z. B. aus der Linken, forderten dagegen mehr diplomatische "
        "Initiativen. Der Bundestag soll in der kommenden Woche über das Paket beraten."
    ),
    "fr": (
        "Le gouvernement français a annoncé mardi une nouvelle aide humanitaire pour la bande "
        "de Gaza. Selon le ministère des Affaires étrangères, plusieurs tonnes de médicaments "
        "et de matériel médical seront acheminées par l'Égypte dans les prochains jours. Le "
        "président Emmanuel Macron a appelé à un cessez-le-feu durable et à la libération de "
        "tous les otages. Les discussions se poursuivent au Caire sous l'égide du Qatar et de "
        "l'Égypte."
    ),
    "es": (
        "El Gobierno de España anunció el martes que reconocerá oficialmente al Estado "
        "palestino a finales de mes. El presidente Pedro Sánchez defendió la decisión ante el "
        "Congreso y aseguró que se trata de un paso necesario para la paz en Oriente Próximo. "
        "Israel llamó a consultas a su embajadora en Madrid y calificó la medida de recompensa "
        "al terrorismo. Irlanda y Noruega anunciaron un paso similar el mismo día."
    ),
    "ru": (
        "Министерство иностранных дел России в среду выступило с заявлением по ситуации на "
        "Ближнем Востоке. В ведомстве призвали стороны конфликта к немедленному прекращению "
        "огня и возобновлению переговоров. Официальный представитель МИД Мария Захарова "
        "заявила, что Москва поддерживает контакты как с Израилем, так и с палестинскими "
        "организациями. По её словам, российская сторона готова содействовать освобождению "
        "заложников."
    ),
    "he": (
        "ראש הממשלה נפגש הערב בירושלים עם שר החוץ של ארצות הברית. בפגישה דנו השניים "
        "במאמצים להשגת הפסקת אש ובשחרור החטופים המוחזקים ברצועת עזה. לפי גורמים מדיניים, "
        "ישראל הציגה עמדה נוקשה בנוגע לדרישות חמאס. הפגישה נמשכה כשלוש שעות, ובסיומה נמסר "
        "כי המגעים יימשכו בימים הקרובים."
    ),
    "ar": (
        "أعلنت وزارة الخارجية المصرية يوم الثلاثاء استئناف المفاوضات بشأن وقف إطلاق النار "
        "في قطاع غزة. وقال المتحدث باسم الوزارة إن وفودا من إسرائيل وحركة حماس ستصل إلى "
        "القاهرة خلال الأيام المقبلة. وأضاف أن مصر وقطر تواصلان جهودهما من أجل التوصل إلى "
        "اتفاق يضمن الإفراج عن الرهائن وإدخال المساعدات الإنسانية. ولم يصدر أي تعليق فوري "
        "من الجانب الإسرائيلي."
    ),
}


def test_seed_articles_are_english(seeds_briefing: Briefing) -> None:
    assert [detect_language(a.body) for a in seeds_briefing.articles] == ["en"] * len(
        seeds_briefing.articles
    )


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_news_paragraph_in_its_language(language: str) -> None:
    assert detect_language(PARAGRAPHS[language]) == language


def test_first_sentence_is_enough() -> None:
    """One sentence of news (here 55 to 105 characters) is identified like the paragraph."""
    for language, paragraph in PARAGRAPHS.items():
        first = paragraph.split(". ")[0] + "."
        assert detect_language(first) == language, first


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Russia sent a delegation to Damascus.",  # 31 letters
        "12:45 GMT · 3 min · 1,204 views · © 2024",
        "שר החוץ נפגש הערב עם עמיתו.",
    ],
)
def test_too_short_gives_empty(text: str) -> None:
    assert detect_language(text) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Netanyahu Putin Erdogan Assad Raisi Sinwar Nasrallah Zelensky Macron Scholz",
        "Hamas Hezbollah Gaza Beirut Damascus Tehran Moscow Kyiv Ankara Doha Cairo",
    ],
)
def test_names_alone_are_not_a_language(text: str) -> None:
    """Long enough, but a list of names belongs to no language: the model is not confident."""
    assert detect_language(text) == ""


def test_same_text_same_answer() -> None:
    text = PARAGRAPHS["es"][:120]
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_only_the_opening_is_read() -> None:
    """A long German article with an English appendix is German: the tail is never read."""
    german = (PARAGRAPHS["de"] + " ") * 12
    assert len(german) > 5_000
    assert detect_language(german + "The rest of this page is English. " * 400) == "de"


def test_supported_language_sets() -> None:
    assert {"en", "de", "fr", "es", "ru", "ar"} <= SEGMENTER_LANGUAGES
    assert "he" not in SEGMENTER_LANGUAGES
    assert {"en", "de", "fr", "es", "ru"} <= READABILITY_LANGUAGES
    assert not {"he", "ar", "pl", "hu", "zh"} & READABILITY_LANGUAGES
