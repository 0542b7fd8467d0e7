"""pysbd's English sentence rules, giving pysbd's own sentences in a fraction of its time.

pysbd's `Processor` runs dozens of regular expressions and a loop over 188 abbreviations on
every paragraph (2.7 ms for one of an AllSides article); in news prose nearly all of them find
nothing, yet each scans the text. `EnglishProcessor` is pysbd's processor doing the same passes
in the same order, each skipped only where it provably changes nothing:

- a rule runs only if the text has what every match of its pattern contains (its "guards":
  short patterns that open with a literal character, found in a fraction of the rule's time);
- the list pass runs only if the text has a list marker it acts on (`lists_possible`);
- the abbreviation loop tries only the abbreviations spelt by a word before a full stop, the
  only place where it changes anything (`actionable_abbreviations`);
- prose without brackets, single quotes, line breaks or ellipses is cut into sentences directly
  (`prose_sentences`), by the rules pysbd's segment pass applies to such text.

Each shortcut is checked against pysbd 0.3.4's code (`PROVED_FOR`); segment.py runs pysbd
itself with any other version. tests/test_pysbd_english.py compares the two.
"""

from __future__ import annotations

import re
from functools import cache

from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor
from pysbd.utils import Rule

PROVED_FOR = "0.3.4"
"""The pysbd version whose rules the shortcuts below were checked against, rule by rule."""

Guarded = tuple[re.Pattern[str], str, tuple[re.Pattern[str], ...]]
"""A pysbd rule (pattern, replacement) and its guards: every match of the pattern contains a
match of one of them, so a text none of them matches is left as it is."""


def _guarded(rule: Rule, *guards: str) -> Guarded:
    return re.compile(rule.pattern), rule.replacement, tuple(re.compile(g) for g in guards)


SINGLE_LETTERS = English.SingleLetterAbbreviationRules
ABBREVIATION_RULES = (
    _guarded(English.PossessiveAbbreviationRule, r"\.'s"),
    _guarded(English.KommanditgesellschaftRule, r"Co\."),
    _guarded(SINGLE_LETTERS.SingleUpperCaseLetterAtStartOfLineRule, r"\A[A-Z]\."),
    _guarded(SINGLE_LETTERS.SingleUpperCaseLetterRule, r"\.(?<=\s[A-Z]\.)"),
)
"""What pysbd's abbreviation pass applies before its loop, in its order."""
AM_PM_RULES = tuple(_guarded(rule, "∯") for rule in English.AmPmRules.All)
"""pysbd's rules giving "p.m." back its stop before a capital: each reads the "∯" of one."""
NUMBER_RULES = (
    _guarded(English.Numbers.PeriodBeforeNumberRule, r"\.\d"),
    _guarded(English.Numbers.NumberAfterPeriodBeforeLetterRule, r"\.(?<=\d\.)\S"),
    _guarded(English.Numbers.NewLineNumberPeriodSpaceLetterRule, "\r"),
    _guarded(English.Numbers.StartLineNumberPeriodRule, r"\A\d\."),
    _guarded(English.Numbers.StartLineTwoDigitNumberPeriodRule, r"\A\d\d\."),
)
"""pysbd's rules for stops in and after numbers ("3.5", "No. 1"), in its order."""
LAST_RULES = (
    _guarded(English.Abbreviation.WithMultiplePeriodsAndEmailRule, r"\.[a-zA-Z0-9_]"),
    _guarded(English.GeoLocationRule, r"°\."),
    _guarded(English.FileFormatRule, r"\.(?<=\s\.)"),
)
"""What pysbd's Processor applies last before its segment pass, in its order."""
MULTI_PERIOD_GUARD = re.compile(r"\.[a-z]\.", re.IGNORECASE)
"""In every match of MULTI_PERIOD_ABBREVIATION_REGEX ("U.S.")."""
REPEATED_MARK_GUARDS = (re.compile(r"![!?]"), re.compile(r"\?[!?]"))
"""In every match of CONTINUOUS_PUNCTUATION_REGEX ("?!!")."""
REFERENCE_GUARDS = (re.compile(r"∯[\[\d]"), re.compile(r"\.[\[\d]"))
"""In every match of NUMBERED_REFERENCE_REGEX (a stop, then a note's number)."""

LIST_NUMBERS = re.compile(
    f"(?:{ListItemReplacer.NUMBERED_LIST_REGEX_1})|(?:{ListItemReplacer.NUMBERED_LIST_PARENS_REGEX})"
)
"""A number the list pass would read as a list item's ("2. ", "3) ")."""
NUMBER_BEFORE_MARK = re.compile(r"\d(?:\.[\s)]|\)\s)")
"""In every LIST_NUMBERS match, found without its slow look-behinds."""
LETTER_ITEM = re.compile(r"\s[a-z]\.")
LETTER_ITEM_FIRST = re.compile(r"[a-z]\.")
"""A lower-case letter and a full stop, after a space or first: the list pass's letter item
(ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS, whose every letter is a label)."""
LETTER_IN_PARENTHESES = re.compile(ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS)
LIST_LABELS = frozenset(ListItemReplacer.LATIN_NUMERALS + ListItemReplacer.ROMAN_NUMERALS)
"""The letters and roman numerals the list pass keeps of what LETTER_IN_PARENTHESES finds."""
LIST_SYMBOLS = ("♨", "☝")
"""pysbd's markers for list items: text that already holds one is rewritten."""

ABBREVIATIONS = tuple(a.strip() for a in English.Abbreviation.ABBREVIATIONS)
DOTTED = tuple(a for a in ABBREVIATIONS if "." in a)
"""Abbreviations with a dot ("u.s", "e.g"): in pysbd's patterns it matches any character."""
CASE_FOLDS_TO_ASCII = re.compile("[İıſ\u212a]")
"""The only characters beyond ASCII that an ASCII letter matches when case is ignored (dotted
and dotless i, long s, the Kelvin sign; a test checks every code point). In a line without them
an abbreviation of letters matches a word exactly when the word's lower case is it."""

SEGMENT_BREAKERS = re.compile(
    r"""[^\S ]|\A\ |\ \Z|\ \ |--|(?<!\S)'|(?<!\S)[.!?]|\.\.|!\ [a-z]|""|“”|””
    |[‘«»「」()\[\]（）\\。．！？ȸȹ☉☈☇☄☏ƪ♟♝♬♭ᓰᓱᓳᓴᓷᓸ⎋✂⌬ǃ♨☝]""",
    re.VERBOSE,
)
"""What takes pysbd's segment pass beyond the rules `prose_sentences` follows: line breaks
(list items became them) and other white space than single spaces between words; brackets,
single quotes, em-dash pairs ("--") and empty quotations, whose stops it treats apart; stops
after a space or another stop (its ellipsis rules); "!" before a lower-case word (kept inside
the sentence); full-width stops and pysbd's own placeholder symbols."""
EXCLAMATION_WORDS = re.compile(ExclamationWords.EXCLAMATION_REGEX)
"""Names with "!" ("Yahoo!") that pysbd keeps inside a sentence."""
APOSTROPHE_AFTER_STOP = re.compile(r"[!?.\-]'")
"""An apostrophe where pysbd's cut after a quote mark would read it as one."""
STOP = re.compile(r"[.!?]")
CLOSING = {'"': '"', "“": "”"}
"""The quote marks whose quotations protect their stops, and how each closes."""
QUOTE_AFTER_STOP = re.compile(English.QUOTATION_AT_END_OF_SENTENCE_REGEX)
SPACE_AFTER_QUOTE = re.compile(English.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX)
"""pysbd's last cut: after a stop (or dash) and a quote mark, before a space and a capital."""


class EnglishProcessor(Processor):  # type: ignore[misc]
    """pysbd's Processor for the English rules (which pysbd also gives languages it has no
    rules for), with the shortcuts the module docstring lists."""

    text: str

    def process(self) -> list[str] | str:
        """pysbd 0.3.4's `Processor.process`, pass by pass, with the shortcuts."""
        if not self.text:
            return self.text
        original = self.text
        self.text = original.replace("\n", "\r")
        if lists_possible(self.text):
            self.text = ListItemReplacer(self.text).add_line_break()
        self.replace_abbreviations()
        self.text = apply_rules(self.text, NUMBER_RULES)
        if _any_match(REPEATED_MARK_GUARDS, self.text):
            self.replace_continuous_punctuation()
        if _any_match(REFERENCE_GUARDS, self.text):
            self.replace_periods_before_numeric_references()
        self.text = apply_rules(self.text, LAST_RULES)
        sentences = prose_sentences(original, self.text)
        return self.split_into_segments() if sentences is None else sentences

    def abbreviations_replacer(self) -> AbbreviationStops:
        return AbbreviationStops(self.text, self.lang)


class AbbreviationStops(English.AbbreviationReplacer):  # type: ignore[misc]
    """pysbd's abbreviation pass with its rules guarded and its loop shortened.

    Every replacement of the loop turns the full stop right after an abbreviation's text
    (which a space or the line's start precedes) into "∯", and nothing else: an abbreviation
    that no word before a stop spells leaves the line as it is, and so does a match of it
    that no stop follows.
    """

    text: str

    def replace(self) -> str:
        """pysbd 0.3.4's `AbbreviationReplacer.replace`, with its rules guarded."""
        text = apply_rules(self.text, ABBREVIATION_RULES)
        self.text = "".join(map(self.search_for_abbreviations_in_string, text.splitlines(True)))
        if MULTI_PERIOD_GUARD.search(self.text):
            self.replace_multi_period_abbreviations()
        self.text = apply_rules(self.text, AM_PM_RULES)
        if "∯" in self.text:  # in every match of the rule that puts back a sentence's stop
            self.text = self.replace_abbreviation_as_sentence_boundary()
        return self.text

    def search_for_abbreviations_in_string(self, text: str) -> str:
        """pysbd's loop over its abbreviations, in its order, each one's matches replaced as
        pysbd does; the abbreviations that cannot act are left out."""
        for abbreviation in actionable_abbreviations(text):
            matches = _abbreviation_start(abbreviation).findall(text)
            next_characters = _next_character(abbreviation).findall(text)
            for index, match in enumerate(matches):
                text = self.scan_for_replacements(text, match, index, next_characters)
        return text

    def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
        """pysbd's replacement, skipped where its pattern (the match's text, then a stop)
        does not occur."""
        if am.strip() + "." not in txt:
            return txt
        replaced: str = super().scan_for_replacements(txt, am, ind, char_array)
        return replaced


def apply_rules(text: str, rules: tuple[Guarded, ...]) -> str:
    """pysbd's `Text.apply` of the rules, in order, skipping those whose guards find nothing."""
    for pattern, replacement, guards in rules:
        if _any_match(guards, text):
            text = pattern.sub(replacement, text)
    return text


def _any_match(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def actionable_abbreviations(text: str) -> list[str]:
    """The abbreviations, in pysbd's order, that its loop tries on `text` (their text occurs
    in it) and that can change it: some word before a full stop matches them."""
    lowered = text.lower()
    if CASE_FOLDS_TO_ASCII.search(text):
        return [a for a in ABBREVIATIONS if a in lowered and _before_stop(a).search(text)]
    found = _words_before_stops(text)
    found.update(a for a in DOTTED if a in lowered and _before_stop(a).search(text))
    return [a for a in ABBREVIATIONS if a in found]


def _words_before_stops(text: str) -> set[str]:
    """Each word's text up to its first full stop, lower-cased: what an abbreviation of letters
    must be to act (a space or the line's start before it, a stop after)."""
    return {word.partition(".")[0].lower() for word in text.split() if "." in word}


@cache
def _abbreviation_start(stripped: str) -> re.Pattern[str]:
    """pysbd's pattern for an abbreviation's matches (its dots match any character, as there)."""
    return re.compile(r"(?:^|\s|\r|\n){}".format(stripped), re.IGNORECASE)  # noqa: UP032


@cache
def _next_character(stripped: str) -> re.Pattern[str]:
    """pysbd's pattern for the character after an abbreviation, braces included as there."""
    return re.compile(r"(?<={" + str(re.escape(stripped)) + "} ).{1}")


@cache
def _before_stop(stripped: str) -> re.Pattern[str]:
    """An abbreviation's matches followed by a stop: what its replacements need."""
    return re.compile(r"(?:^|\s){}\.".format(stripped), re.IGNORECASE)  # noqa: UP032


def lists_possible(text: str) -> bool:
    """Whether pysbd's list pass could change `text`: it rewrites only numbers LIST_NUMBERS
    finds, letters that are list labels, and its own list symbols."""
    if any(symbol in text for symbol in LIST_SYMBOLS):
        return True
    if NUMBER_BEFORE_MARK.search(text) and LIST_NUMBERS.search(text):
        return True
    if LETTER_ITEM.search(text) or LETTER_ITEM_FIRST.match(text):
        return True
    return ")" in text and any(
        label in LIST_LABELS for label in LETTER_IN_PARENTHESES.findall(text)
    )


def prose_sentences(original: str, processed: str) -> list[str] | None:
    """pysbd's segment pass over prose, or None for text it treats otherwise (SEGMENT_BREAKERS).

    `processed` is `original` after the earlier passes, which turned the full stops of
    abbreviations into "∯" or "∮". In such text the segment pass protects the stops inside
    quotations, then cuts after every other stop, and after a quotation that opens a sentence
    and is followed by a capital; last, a piece is cut after a stop and a closing quote mark
    followed by a space and a capital (the stop is inside the quotation).
    """
    if SEGMENT_BREAKERS.search(processed) or EXCLAMATION_WORDS.search(processed):
        return None
    if APOSTROPHE_AFTER_STOP.search(original):
        return None
    if processed.replace("∯", ".").replace("∮", ".") != original:
        return None
    stops = _open_stops(processed)
    if stops is None:
        return None
    pieces = _pieces(processed, stops) if STOP.search(processed) else [(0, len(processed))]
    return [part for start, end in pieces for part in _cut_after_quote(original[start:end])]


def _open_stops(text: str) -> list[int] | None:
    """Where the stops outside quotations are, or None if one is not followed by a space and
    a word (or the text's end), as the rules of `_pieces` need."""
    quotations = [q for mark in CLOSING for q in _quotations(text, mark)]
    stops = []
    for stop in STOP.finditer(text):
        at = stop.start()
        if any(start < at < end for start, end in quotations):
            continue
        if at + 1 < len(text) and (text[at + 1] != " " or text[at + 2] in ".!?”"):
            return None
        stops.append(at)
    return stops


def _quotations(text: str, opening: str) -> list[tuple[int, int]]:
    """(opening, closing) positions of each quotation pysbd protects (BetweenPunctuation): from
    a mark to the next closing one, the search resuming after it."""
    quotations = []
    start = text.find(opening)
    while start != -1:
        end = text.find(CLOSING[opening], start + 1)
        if end == -1:
            break
        quotations.append((start, end))
        start = text.find(opening, end + 1)
    return quotations


def _pieces(text: str, stops: list[int]) -> list[tuple[int, int]]:
    """(start, end) of what pysbd's SENTENCE_BOUNDARY_REGEX finds: a quotation that opens the
    piece and is followed by a capital, else up to the next stop, else to the end."""
    pieces = []
    start = 0
    following = iter(stops)
    while start < len(text):
        end = _quotation_end(text, start)
        if end is None:
            end = next((stop + 1 for stop in following if stop >= start), len(text))
        pieces.append((start, end))
        start = end + 1
    return pieces


def _quotation_end(text: str, start: int) -> int | None:
    """The end of the quotation opening at `start` if pysbd makes it a piece of its own: its
    last character is not a comma and a space and a capital follow."""
    closing = CLOSING.get(text[start])
    if closing is None:
        return None
    end = text.find(closing, start + 1)
    if end == -1 or text[end - 1] == "," or text[end + 1 : end + 2] != " ":
        return None
    return end + 1 if "A" <= text[end + 2 : end + 3] <= "Z" else None


def _cut_after_quote(piece: str) -> list[str]:
    """pysbd's post-processing of a piece (`Processor.post_process_segments`)."""
    return SPACE_AFTER_QUOTE.split(piece) if QUOTE_AFTER_STOP.search(piece) else [piece]
