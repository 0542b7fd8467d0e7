"""Identify an article's language offline, and name the languages later stages can handle."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier
from pysbd.languages import LANGUAGE_CODES

SAMPLE_CHARS = 5_000
"""py3langid walks the text byte by byte in Python (about 4.5 ms for 5,000 characters), and an
article's opening already decides: all 10,000 AllSides articles scored 0.99 or more on it."""
MIN_LETTERS = 40
"""Fewer letters make a caption or a headline, not an article's text, and most of them fall
under MIN_CONFIDENCE anyway (59% of 20-letter snippets of English news did)."""
MIN_CONFIDENCE = 0.8
"""py3langid 0.4 divides its scores by the square root of the text's length before normalising,
so short text gets a low probability rather than a confident wrong answer: at 0.8, none of
4,000 snippets of English news (10 to 40 letters) nor 836 of German, French, Spanish, Russian,
Hebrew and Arabic news got a wrong language; a fifth of the 40-letter English ones got ""."""
MACROLANGUAGES = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}
"""Labels of the model's that name a variety of a language with an ISO 639-1 code: their
probability counts for that language (Modern Standard Arabic news also scores as "ary")."""

READABILITY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "ru"})
"""Languages textstat 0.7.8 scores meaningfully: it counts their syllables (CMUdict for English,
a Pyphen hyphenation dictionary for the others) and has a published adaptation of Flesch reading
ease for them (Amstad for German, Fernández Huerta for Spanish, Kandel and Moles for French,
Flesch–Vacca for Italian, Flesch–Douma for Dutch, Oborneva for Russian). Polish has no Flesch
constants in textstat (the formula raises), Hungarian's are unsourced, and any other language
would silently get the English constants."""
SEGMENTER_LANGUAGES = frozenset(LANGUAGE_CODES)
"""Languages pysbd has sentence rules for; any other gets its English rules."""


def detect_language(text: str) -> str:
    """ISO 639-1 code ("en", "de", "ru", "he", ...) of `text`, or "" when the text is too short
    or the identification is not confident.

    Only the first SAMPLE_CHARS characters are read. The same text always gives the same code:
    the model is a fixed naive Bayes classifier, with no sampling.
    """
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return ""
    language, probability = _most_probable(_identifier().rank(sample))
    return language if probability >= MIN_CONFIDENCE and len(language) == 2 else ""


def _has_letters(text: str, count: int) -> bool:
    """Whether `text` has `count` letters, reading only as far as needed."""
    letters = (character for character in text if character.isalpha())
    return next(islice(letters, count - 1, None), None) is not None


@cache
def _identifier() -> LanguageIdentifier:
    """Loaded once (about 0.8 s). py3langid's own shared identifier returns unnormalised scores,
    which cannot serve as a confidence."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _most_probable(ranking: Iterable[tuple[str, float]]) -> tuple[str, float]:
    """The label with the highest probability once varieties are added to their language.

    Labels without an ISO 639-1 code (e.g. "zxx", no linguistic content) come out with three
    letters, which the caller refuses.
    """
    totals: dict[str, float] = defaultdict(float)
    for label, probability in ranking:
        totals[MACROLANGUAGES.get(label, label)] += probability
    return max(totals.items(), key=lambda item: item[1])
