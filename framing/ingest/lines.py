"""The cleaner's lines: page text read into non-blank lines, links reduced, wraps mended."""

from __future__ import annotations

import re
from dataclasses import dataclass

PROSE_MIN_WORDS = 12
WRAP_MAX_CHARS = 100
WRAP_MIN_CHARS = 40
"""A wrapped line runs to near the wrap width; a shorter open-ended one is a title or heading."""

_TERMINAL = ".?!:\"'”’)…"


@dataclass
class Line:
    """A non-blank raw line on its way through the cleaner."""

    number: int
    raw: str
    text: str
    reason: str = ""
    kind: str = "text"
    end: int = 0  # last raw line, when lines were joined

    def __post_init__(self) -> None:
        self.end = self.end or self.number

    @property
    def kept(self) -> bool:
        return not self.reason


def reduce_links(text: str) -> str:
    """Replace markdown links by their anchor text and drop bare URLs, which are not prose."""
    if not any(mark in text for mark in ("](", "(/", "://", "*")):
        return text
    text = re.sub(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)", r"\1", text)
    text = re.sub(r"\s*\\?\((?:<)?(?:https?://|/)[^()\s]*?(?:>)?\\?\)", "", text)
    text = re.sub(r"\s*<https?://[^>\s]+>", "", text)
    text = re.sub(r"\s*\bhttps?://[^\s<>()]*[^\s<>().,;:!?'\"”’]", "", text)
    return re.sub(r"(\*{1,2})([^*\n]+)\1", r"\2", text)


def normalise_space(text: str) -> str:
    """Turn non-breaking and other odd spaces into plain ones and collapse runs of them."""
    return re.sub(r"[^\S\n]+", " ", text).strip()


def read_lines(text: str) -> list[Line]:
    """Non-blank lines with links reduced; a URL split over two lines is mended first."""
    raw_lines = text.splitlines()
    lines: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        cleaned = normalise_space(reduce_links(raw))
        broken = re.match(r"^[\w%.-]*\d[\w%.-]*/\)?\]?(?:\([^)\s]*\))?\s+", cleaned)
        if broken and lines and _ends_in_open_link(lines[-1].raw):
            lines[-1].text = f"{lines[-1].text} {cleaned[broken.end() :]}"
            lines[-1].raw = f"{lines[-1].raw}\n{raw}"
            lines[-1].end = number
            continue
        lines.append(Line(number, raw, cleaned or raw.strip()))
    lines = _unwrap(lines)
    for line in lines:
        if not line.text or not re.search(r"\w", line.text):
            line.reason = "link or symbol only"
    return lines


def _unwrap(lines: list[Line]) -> list[Line]:
    """Join lines that continue a sentence: text saved with a line break inside sentences.

    A line continues the one before when that one ends mid-sentence on a lower-case word and
    this one starts in lower case (a title ends on a capital; "by Jane Roe" under it stays);
    in hard-wrapped text (nearly all lines short, most open-ended) any open end of a line that
    runs to near the wrap width continues.
    """
    hard_wrapped = _hard_wrapped(lines)
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and words(previous.text) >= 4
            and not _ends_sentence(previous.text)
            and (
                (hard_wrapped and len(previous.raw.splitlines()[-1].strip()) >= WRAP_MIN_CHARS)
                or (_ends_lowercase(previous.text) and line.text[:1].islower())
            )
        ):
            previous.text = f"{previous.text} {line.text}"
            previous.raw = f"{previous.raw}\n{line.raw}"
            previous.end = line.end
        else:
            joined.append(line)
    return joined


def _hard_wrapped(lines: list[Line]) -> bool:
    """Nearly all lines short and most ending mid-sentence: wrapped at a fixed width.

    A web page's nav and teaser lines are short and open-ended too, but its paragraphs are
    long lines: so nearly all lines must be short, not just most.
    """
    long = [line.text for line in lines if words(line.text) >= 5]
    if len(long) < 8:
        return False
    short = sum(len(text) <= WRAP_MAX_CHARS for text in long)
    open_ended = sum(not _ends_sentence(text) for text in long)
    return short >= 0.9 * len(long) and open_ended >= 0.6 * len(long)


def _ends_lowercase(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and tokens[-1][:1].islower()


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _TERMINAL + ";"


def _ends_in_open_link(raw: str) -> bool:
    """True when a line ends inside a link whose address was cut at a line break."""
    return bool(re.search(r"\]\(https?://[^)\s]*[-/_]\)\s*$", raw))


def is_prose(text: str) -> bool:
    """A full sentence of paragraph length: what body text looks like, unlike furniture."""
    return words(text) >= PROSE_MIN_WORDS and is_sentence(text)


def is_sentence(text: str) -> bool:
    """Ends like a sentence and is long enough to be one, not a label with a colon."""
    return text.rstrip()[-1:] in _TERMINAL and words(text) >= 4


def words(text: str) -> int:
    """Words counted at spaces: the cleaner's rules need a length, not a tokenisation."""
    return len(text.split())
