"""The fast English processor gives pysbd's own sentences: pass by pass, and as a whole on hard
cases, the seeds, the test corpora and thousands of generated paragraphs."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator

import pysbd
import pytest
from conftest import DATA, SEEDS
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor

from framing.analyse import pysbd_english, segment
from framing.analyse.pysbd_english import (
    ABBREVIATION_RULES,
    AM_PM_RULES,
    CASE_FOLDS_TO_ASCII,
    CLOSING,
    LAST_RULES,
    MULTI_PERIOD_GUARD,
    NUMBER_RULES,
    REFERENCE_GUARDS,
    REPEATED_MARK_GUARDS,
    AbbreviationStops,
    EnglishProcessor,
    Guarded,
    lists_possible,
    prose_sentences,
)
from framing.ingest.clean import clean
from framing.ingest.corpus import load_corpus
from framing.models import Document, Metadata, Paragraph

HARD_CASES = [
    "Netanyahu sent his military secretary, Maj. Gen. Roman Gofman, to Moscow. "
    "U.S. President Donald Trump said nothing.",
    "It would make do with just “technical details.” At the same time, talks went on.",
    "He said “We won.” The team cheered. “Now we rest,” he added.",
    "“We won” He said it twice. “We won,” he said. “Now rest.”",
    '"We won" He said. "Fake news" Trump said',
    '"He asked why?" She said "no." It\'s O\'Brien\'s.',
    "It happened in the U.S. The next day he left. The U.S. officials met in the U.S.",
    "U.S. officials met at 9 a.m. The talks ended at 5 P.M. Then they left. I.V. drip.",
    "The list: 1. eggs 2. milk 3. bread. Options are a) one b) two c) three.",
    "He cited (i) one and (ii) two. See a. and b. then c. for more.",
    "Wait... what?! No!!! Really? Yes ... no. Maybe . . . later. End . . . .",
    "She works at Yahoo! News said so. Yum! That was good!",
    "See Fig. 3 and p. 5 of the report, pp. 7-9. No. 1 is art. 5 of it.",
    "He won 3.5 percent. It was noted.[1] Next. It was cited.2 Then more.",
    "Email a@b.com or visit www.example.com. Open report .pdf now. At 32°. 5 it froze.",
    "Smith & Co. KG won. Jones Co. lost.",
    "He said ‘no way. Not now’ and left. He said 'no way. Not now' and left.",
    "Line one.\nLine two.\n\nLine three. Tabs\tand  double  spaces. Here.",
    "Dr. Phil. I think so. Dr Phil. I agree. Gov. I mean it.",
    "Sen. Jeff Flake, R-Ariz., said Steele's comments were wrong.",
    "The bill was backed by Rep. Zoe Lofgren, D-Calif. Republicans opposed it.",
    "ſt. Kelvin \u212ay. İs. done. It ıs. over.",
    "«Bonjour. Salut» dit-il. (He left. Then came back.) [A note. Another.]",
    "“A.” “B.” “C,” “D” E.",
    "In a statement, Trump Jr.’s attorney said no. It was -- as he said. -- fine.",
    "“We do not operate by ‘secret opinions of the Department of Justice,’ ” Mr. Weich wrote.",
    "The U.S.-led coalition, e.g. France, i.e. Paris, met Mr. and Mrs. Smith at St. Paul.",
    "Rock-' The end. Trump-” The end. He said-\" Then.",
    "ראש הממשלה נפגש הערב בירושלים. בפגישה דנו השניים במאמצים להשגת הפסקת אש.",
    "",
    " ",
    ".",
    "∯ and ♨ and ☝ are pysbd's own symbols. ∮ too.",
]


def _same_as_pysbd(text: str) -> None:
    assert EnglishProcessor(text, English).process() == Processor(text, English).process()


@pytest.mark.parametrize("text", HARD_CASES)
def test_hard_cases_give_pysbd_sentences(text: str) -> None:
    _same_as_pysbd(text)


def _corpus_paragraphs() -> Iterator[str]:
    folders = [SEEDS] + [folder for folder in sorted(DATA.iterdir()) if folder.is_dir()]
    for source in load_corpus(folders).sources:
        yield from (paragraph.text for paragraph in clean(source).paragraphs)


def test_seed_and_test_corpus_paragraphs_give_pysbd_sentences() -> None:
    paragraphs = list(_corpus_paragraphs())
    assert len(paragraphs) > 250
    for text in paragraphs:
        _same_as_pysbd(text)


WORDS = (
    "the", "said", "Trump", "In", "I", "It", "The", "officials", "is", "me", "may", "man", "no",
    "Israel", "Being", "They", "KG", "He", "a", "i", "x", "A", "5", "12", "2020", "co", "Co",
    "ups", "USA", "vs", "phil", "dr", "I'm", "don't", "Trump's", "Trump’s", "What", "Who",
    "There", "We", "Mr.", "Mrs.", "Dr.", "U.S.", "U.S", "e.g.", "Sen.", "Gen.", "Jan.", "No.",
    "Co.", "Inc.", "Jr.", "a.m.", "P.M.", "D.C.", "Calif.", "R-Ky.", "a.", "A.", "1.", "2020.",
    "-", "…", "—", "Yahoo!", "3.5", "I.",
)  # fmt: skip
SUFFIXES = ("",) * 12 + (".", ".", ".", "?", "!", ",", ":", "-", "’", ".’", "'", '."', ",”")
ODDITIES = (
    "‘", "'", "(a)", "b)", "ii.", "[1]", ".5", "...", "?!", "!!!", "--", "«", "»", "「", "(", ")",
    "ſt.", "\u212ay.", "İs.", ".pdf", "a@b.com", "32°.", "{mr}", "\\", "∯", "♨", "。", "！",
    "\n", "  ", "\t",
)  # fmt: skip


def _prose(rng: random.Random) -> str:
    """A paragraph of words, abbreviations and stops, often with a quotation: mostly prose."""
    words = [w + rng.choice(SUFFIXES) for w in rng.choices(WORDS, k=rng.randint(1, 18))]
    if rng.random() < 0.6:
        first = rng.randrange(len(words))
        last = rng.randrange(first, len(words))
        opening = rng.choice('"“')
        words[first] = opening + words[first]
        words[last] += CLOSING[opening]
    return " ".join(words)


def _odd(rng: random.Random) -> str:
    """The same with brackets, lists, ellipses, line breaks and pysbd's symbols mixed in."""
    words = [rng.choice(ODDITIES) if rng.random() < 0.3 else _prose(rng) for _ in range(4)]
    return rng.choice(("", " ")).join(words)


@pytest.mark.parametrize(("make", "least_cut"), [(_prose, 150), (_odd, 0)])
def test_generated_paragraphs_give_pysbd_sentences(
    make: Callable[[random.Random], str], least_cut: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enough of the prose takes the direct cut for the test to check it."""
    cut = []

    def counted(original: str, processed: str) -> list[str] | None:
        sentences = prose_sentences(original, processed)
        cut.append(sentences is not None)
        return sentences

    monkeypatch.setattr(pysbd_english, "prose_sentences", counted)
    rng = random.Random(19)
    for _ in range(500):
        _same_as_pysbd(make(rng))
    assert sum(cut) >= least_cut


RULE_CASES = [
    "1. Eggs and 2) milk",
    "12. Milk (b) more",
    "Intro\r2. Milk\r3) Eggs",
    "It starts at 5 p∯m∯ Then at 9 A∯M∯ Then",
    "Smith Co. KG",
    "At 45 N°. 5 it froze. The U.S.'s role.",
    "J. Smith met A. Jones, B. Brown.",
]


def _all_texts() -> list[str]:
    """Hard cases, generated paragraphs, and text as the passes see it, with "∯" for stops."""
    rng = random.Random(7)
    generated = [_prose(rng) for _ in range(300)] + [_odd(rng) for _ in range(300)]
    return HARD_CASES + RULE_CASES + generated + [t.replace(".", "∯") for t in HARD_CASES]


@pytest.mark.parametrize(
    "rule", ABBREVIATION_RULES + AM_PM_RULES + NUMBER_RULES + LAST_RULES, ids=lambda r: r[0].pattern
)
def test_a_rule_changes_only_text_its_guard_finds(rule: Guarded) -> None:
    pattern, replacement, guards = rule
    changed = [t for t in _all_texts() if pattern.sub(replacement, t) != t]
    assert changed
    assert all(any(guard.search(text) for guard in guards) for text in changed)


@pytest.mark.parametrize(
    ("pattern", "guards"),
    [
        (re.compile(English.MULTI_PERIOD_ABBREVIATION_REGEX, re.I), (MULTI_PERIOD_GUARD,)),
        (re.compile(English.CONTINUOUS_PUNCTUATION_REGEX), REPEATED_MARK_GUARDS),
        (re.compile(English.NUMBERED_REFERENCE_REGEX), REFERENCE_GUARDS),
    ],
)
def test_a_pass_acts_only_on_text_its_guard_finds(
    pattern: re.Pattern[str], guards: tuple[re.Pattern[str], ...]
) -> None:
    found = [t for t in _all_texts() if pattern.search(t)]
    assert found
    assert all(any(guard.search(text) for guard in guards) for text in found)


def test_the_list_pass_changes_only_text_lists_possible_flags() -> None:
    changed = [t for t in _all_texts() if ListItemReplacer(t).add_line_break() != t]
    assert changed
    assert all(lists_possible(text) for text in changed)


def test_the_abbreviation_loop_changes_lines_as_pysbd_does() -> None:
    pysbd_loop = English.AbbreviationReplacer("", English).search_for_abbreviations_in_string
    ours = AbbreviationStops("", English).search_for_abbreviations_in_string
    lines = [line for text in _all_texts() for line in text.splitlines(True)]
    assert sum(pysbd_loop(line) != line for line in lines) > 50
    for line in lines:
        assert ours(line) == pysbd_loop(line)


def test_case_folds_are_the_characters_beyond_ascii_that_ascii_letters_match() -> None:
    everything = "".join(map(chr, range(0x80, sys.maxunicode + 1)))
    folding = set(re.findall("[a-z]", everything, re.IGNORECASE))
    assert folding == set(CASE_FOLDS_TO_ASCII.findall(everything)) == set("İıſ\u212a")


def test_prose_is_cut_without_the_segment_pass() -> None:
    text = "“We won,” Mr. Smith said. The U.S. team’s coach agreed. Then they left!"
    processor = EnglishProcessor(text, English)
    processor.split_into_segments = None  # the cut must not need pysbd's segment pass
    assert processor.process() == [
        "“We won,” Mr. Smith said.",
        "The U.S. team’s coach agreed.",
        "Then they left!",
    ]


def test_another_pysbd_version_runs_pysbd_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Maj. Gen. Roman Gofman went to Moscow. U.S. President Donald Trump said nothing."
    document = Document("d", "d.txt", Metadata(), (Paragraph("text", text),), ())
    expected = segment.split_sentences(document)
    monkeypatch.setattr(pysbd, "__version__", "0.4.0")
    monkeypatch.setattr(pysbd_english.EnglishProcessor, "process", None)
    assert segment.split_sentences(document) == expected
