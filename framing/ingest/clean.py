"""Separate an article's body from the page around it, keeping every removed line and why."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import resources
from itertools import pairwise

from framing.ingest.dates import find_date
from framing.models import Document, Metadata, Paragraph, Removal, Source

PARAGRAPH_SEPARATOR = "\n\n"
DEK_MAX_WORDS = 60
"""A subtitle is a sentence or three; a longer first paragraph is body."""
TAIL_MAX_WORDS = 40
"""After an end-of-article marker, a line this long is body: the marker was inline, not a footer."""
PROSE_MIN_WORDS = 12
WRAP_MAX_CHARS = 100
WRAP_MIN_CHARS = 40
"""A wrapped line runs to near the wrap width; a shorter open-ended one is a title or heading."""
TOP_MAX_LINES = 25
"""Bylines, datelines and author boxes sit in the first lines of a page, never further down."""
HEADING_MAX_WORDS = 14
BIO_ROLES = (
    "fellow|professor|editor|correspondent|writer|author|director|analyst|journalist"
    "|researcher|reporter|columnist|contributor|lecturer"
)
_HEAD_STRUCTURE = {"repeated title", "author bio", "navigation or page furniture"}
SECTION_LABELS = {"analysis", "opinion", "commentary", "editorial", "news", "review", "column"}

_TERMINAL = ".?!:\"'”’)…"
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NON_LATIN_LETTER = re.compile(
    r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
)


@dataclass(frozen=True)
class _Rule:
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    max_words: int
    ends_article: bool

    def matches(self, line: str) -> bool:
        return _words(line) <= self.max_words and any(p.search(line) for p in self.patterns)


@dataclass
class _Line:
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


@cache
def boilerplate_rules() -> tuple[_Rule, ...]:
    """The line rules of `data/boilerplate.toml`, compiled once."""
    data = tomllib.loads(resources.files("framing").joinpath("data/boilerplate.toml").read_text())
    return tuple(
        _Rule(
            reason=rule["reason"],
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in rule["patterns"]),
            max_words=rule["max_words"],
            ends_article=rule.get("ends_article", False),
        )
        for rule in data["rule"]
    )


def body_text(document: Document) -> str:
    """The cleaned body: paragraphs joined by blank lines. Sentence offsets index into it."""
    return PARAGRAPH_SEPARATOR.join(paragraph.text for paragraph in document.paragraphs)


def prose_words(document: Document) -> int:
    """Words of body prose (headings left out), counted at spaces: enough to tell a fragment
    from an article; readability's word count is textstat's."""
    return sum(len(p.text.split()) for p in document.paragraphs if p.kind == "text")


def clean(source: Source) -> Document:
    """Find the body of `source`; fill the metadata the manifest left unknown from the page."""
    lines = _lines(source.text)
    meta = source.declared
    title = _mark_title(lines, meta.title, stated="title" in source.declared_keys)
    genre = _mark_section_label(lines)
    _mark_rules(lines)
    _mark_tail(lines)
    _mark_other_script(lines)
    author = _mark_bylines(lines, meta.author)
    found_date = _mark_datelines(lines)
    _mark_bios(lines, meta.author or author)
    dek = _mark_dek(lines, meta.dek if "dek" in source.declared_keys else None)
    _mark_head_furniture(lines)
    _mark_headings(lines)
    inferred = {
        "title": (title, "first line"),
        "author": (author, "byline"),
        "date": (found_date, "dateline"),
        "genre": (genre, "section label"),
        "dek": (dek, "subtitle under the title"),
    }
    merged, provenance = _merge(source, inferred)
    return Document(
        id=source.id,
        path=source.path,
        meta=merged,
        paragraphs=tuple(Paragraph(ln.kind, ln.text, ln.number) for ln in lines if ln.kept),
        removed=tuple(Removal(line.number, line.raw, line.reason) for line in lines if line.reason),
        provenance=provenance,
    )


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


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with links reduced; a URL split over two lines is mended first."""
    raw_lines = text.splitlines()
    lines: list[_Line] = []
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
        lines.append(_Line(number, raw, cleaned or raw.strip()))
    lines = _unwrap(lines)
    for line in lines:
        if not line.text or not re.search(r"\w", line.text):
            line.reason = "link or symbol only"
    return lines


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """Join lines that continue a sentence: text saved with a line break inside sentences.

    A line continues the one before when that one ends mid-sentence on a lower-case word and
    this one starts in lower case (a title ends on a capital; "by Jane Roe" under it stays);
    in hard-wrapped text (nearly all lines short, most open-ended) any open end of a line that
    runs to near the wrap width continues.
    """
    hard_wrapped = _hard_wrapped(lines)
    joined: list[_Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and _words(previous.text) >= 4
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


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Nearly all lines short and most ending mid-sentence: wrapped at a fixed width.

    A web page's nav and teaser lines are short and open-ended too, but its paragraphs are
    long lines: so nearly all lines must be short, not just most.
    """
    long = [line.text for line in lines if _words(line.text) >= 5]
    if len(long) < 8:
        return False
    short = sum(len(text) <= WRAP_MAX_CHARS for text in long)
    open_ended = sum(not _ends_sentence(text) for text in long)
    return short >= 0.9 * len(long) and open_ended >= 0.6 * len(long)


def _ends_lowercase(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1][:1].islower()


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _TERMINAL + ";"


def _ends_in_open_link(raw: str) -> bool:
    """True when a line ends inside a link whose address was cut at a line break."""
    return bool(re.search(r"\]\(https?://[^)\s]*[-/_]\)\s*$", raw))


def _mark_title(lines: list[_Line], declared: str, *, stated: bool) -> str:
    """Mark the title (the declared one, or the first real line) and its repeats near the top.

    A title stated as unknown is not looked for: the first line is then body, not a guess.
    """
    if stated and not declared:
        return ""
    key = _key(declared) if declared else ""
    first = next(
        (ln for ln in lines if ln.kept and (_key(ln.text) == key if key else _is_title_like(ln))),
        None,
    )
    if first is None:
        return ""
    title_key = _key(first.text)
    first.reason = "title (kept as metadata)"
    for line in lines[lines.index(first) + 1 :]:
        if line.kept and _key(line.text) == title_key and _words(line.text) <= 30:
            line.reason = "repeated title"
    return first.text.lstrip("# ").strip()


def _is_title_like(line: _Line) -> bool:
    return _words(line.text) <= 30 and _section_label(line.text) is None


def _mark_section_label(lines: list[_Line]) -> str:
    """A label such as "Analysis |" above the title tells the genre."""
    for line in lines[:5]:
        label = _section_label(line.text)
        if label and line.kept:
            line.reason = "section label"
            return label
    return ""


def _section_label(text: str) -> str | None:
    word = text.strip(" |:").lower()
    return word if word in SECTION_LABELS and len(text) <= 20 else None


def _mark_rules(lines: list[_Line]) -> None:
    for line in lines:
        if line.kept:
            rule = next((r for r in boilerplate_rules() if r.matches(line.text)), None)
            if rule:
                line.reason = rule.reason


def _mark_tail(lines: list[_Line]) -> None:
    """Everything after an end-of-article marker goes, unless it reads like body.

    A footer is teaser titles, names and prompts; when a long paragraph follows the marker, or
    most of what follows is prose, the marker sat inside the article and only it goes.
    """
    for position, line in enumerate(lines):
        if not _is_end_marker(line.text):
            continue
        rest = lines[position + 1 :]
        prose = sum(_is_prose(later.text) for later in rest)
        if any(_words(later.text) > TAIL_MAX_WORDS for later in rest) or prose * 2 > len(rest):
            continue
        for later in rest:
            if later.kept:
                later.reason = _tail_reason(later.text)
        return


def _is_end_marker(text: str) -> bool:
    return any(rule.ends_article and rule.matches(text) for rule in boilerplate_rules())


def _tail_reason(text: str) -> str:
    if _is_other_script(text):
        return "line in another script"
    rule = next((r for r in boilerplate_rules() if r.matches(text)), None)
    return rule.reason if rule else "after the article's end (related links, site footer)"


def _mark_bylines(lines: list[_Line], declared: str) -> str:
    """Mark "By …" lines and bare author-name lines near the top; return the author found."""
    author = declared
    for line in _top(lines):
        match = re.fullmatch(rf"by:? ({_NAME}(?:,? (?:and )?{_NAME})*)", line.text, re.IGNORECASE)
        if match:
            line.reason = "byline"
            author = author or match.group(1)
    for line in _top(lines):
        if author and _key(line.text) == _key(author):
            line.reason = "byline"
        elif not author and re.fullmatch(_NAME, line.text) and _repeats(lines, line):
            line.reason, author = "byline", line.text
    return author


def _repeats(lines: list[_Line], line: _Line) -> bool:
    """A bare name is a byline when the page prints it more than once."""
    return sum(_key(other.text) == _key(line.text) for other in lines) > 1


def _mark_datelines(lines: list[_Line]) -> str:
    """Mark a date standing alone near the top, and return the first date found there (ISO)."""
    found = ""
    for line in _top(lines):
        dated = line.reason.startswith("page metadata") or _words(line.text) <= 8
        parsed = find_date(line.text) if dated else ""
        if not parsed:
            continue
        found = found or parsed
        if _words(line.text) <= 6 and line.kept:
            line.reason = "dateline"
    return found


def _mark_other_script(lines: list[_Line]) -> None:
    """In an article mostly in Latin script, drop lines written mostly in another script."""
    body = " ".join(line.text for line in lines)
    if _latin_share(body) < 0.5:
        return
    for line in lines:
        if line.kept and _is_other_script(line.text):
            line.reason = "line in another script"


def _is_other_script(text: str) -> bool:
    return _latin_share(text) < 0.5


def _latin_share(text: str) -> float:
    """Share of the letters in `text` that are Latin (ASCII text needs no counting)."""
    if text.isascii():
        return 1.0
    letters = len(_NOT_LETTER.sub("", text))
    return 1 - len(_NON_LATIN_LETTER.findall(text)) / letters if letters else 1.0


def _mark_bios(lines: list[_Line], author: str) -> None:
    """An author box ("Jane Doe is a senior fellow at …") near the top or the very end."""
    names = re.escape(author) if author else _NAME
    bio = re.compile(
        rf"^(?:{names}) (?:is|was) (?:a |an |the )?(?:[\w-]+ ){{0,5}}(?:{BIO_ROLES})\b"
    )
    kept = [line for line in lines if line.kept]
    candidates = [*_top(lines), *kept[-3:]]
    for line in candidates:
        if line.kept and _words(line.text) <= 70 and bio.search(line.text):
            line.reason = "author bio"


def _mark_dek(lines: list[_Line], declared: str | None) -> str:
    """The dek (subtitle) is metadata, not body: remove it where it stands, never elsewhere.

    Matching text alone would be wrong: a dek may repeat a body sentence word for word.
    Without a declared dek, the first short sentence after the title is taken only when the
    page sets it apart from the body (see `_set_apart`), so a news lede is never mistaken for one.
    """
    top = _top(lines)
    if declared is not None:
        line = next((ln for ln in top if declared and _key(ln.text) == _key(declared)), None)
    else:
        line = _dek_candidate(lines, top)
    if line is None:
        return declared or ""
    line.reason = "dek (kept as metadata)"
    return line.text


def _dek_candidate(lines: list[_Line], top: list[_Line]) -> _Line | None:
    title = next((ln for ln in lines if ln.reason.startswith("title")), None)
    if title is None:
        return None
    after_title = [ln for ln in top if ln.number > title.number]
    line = next((ln for ln in after_title if ln.kept and _is_sentence(ln.text)), None)
    if line is None or _words(line.text) > DEK_MAX_WORDS:
        return None
    return line if _set_apart(lines, title, line) else None


def _set_apart(lines: list[_Line], title: _Line, line: _Line) -> bool:
    """A dek is set apart: by page furniture around it, or by a gap unlike the body's."""
    position = lines.index(line)
    between = lines[lines.index(title) + 1 : position]
    if any(ln.reason in _HEAD_STRUCTURE for ln in between):
        return True
    following = lines[position + 1 :]
    if following and not following[0].kept:
        return True
    gaps = [b.number - a.end for a, b in pairwise(following)]
    if not gaps:
        return False
    usual_gap = max(set(gaps), key=gaps.count)
    return following[0].number - line.end != usual_gap


def _mark_head_furniture(lines: list[_Line]) -> None:
    """Short lines between the title and the first paragraph of prose are page furniture.

    Only short ones: a long line without a full stop may still be body (a quotation that
    ends with its source's name, a sentence cut by the save).
    """
    for line in _before_body(lines):
        if line.kept and _words(line.text) < PROSE_MIN_WORDS and not _is_sentence(line.text):
            line.reason = "navigation or page furniture"


def _mark_headings(lines: list[_Line]) -> None:
    """A short unpunctuated line between paragraphs of body is a section heading."""
    kept = [line for line in lines if line.kept]
    for before, line, after in zip(kept, kept[1:], kept[2:], strict=False):
        if (
            _words(line.text) <= HEADING_MAX_WORDS
            and not re.search(r"[.,;:!]$", line.text)
            and _is_prose(before.text)
            and _is_prose(after.text)
        ):
            line.kind = "heading"
            line.text = line.text.lstrip("# ").strip()


def _top(lines: list[_Line]) -> list[_Line]:
    """The top of the page: everything before the second kept paragraph of prose.

    The first may be a dek; bylines, datelines and author boxes sit around it.
    """
    prose = [i for i, line in enumerate(lines) if line.kept and _is_prose(line.text)]
    end = prose[1] if len(prose) > 1 else prose[0] if prose else 0
    return lines[: min(end, TOP_MAX_LINES)]


def _before_body(lines: list[_Line]) -> list[_Line]:
    """Everything before the first kept paragraph of prose."""
    start = next((i for i, ln in enumerate(lines) if ln.kept and _is_prose(ln.text)), 0)
    return lines[:start]


def _is_prose(text: str) -> bool:
    return _words(text) >= PROSE_MIN_WORDS and _is_sentence(text)


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _TERMINAL and _words(text) >= 4


def _merge(source: Source, inferred: dict[str, tuple[str, str]]) -> tuple[Metadata, dict[str, str]]:
    """What the source states wins, even "unknown"; the page fills only what it left out.

    Returns the metadata and, for each known or stated field, where it came from.
    """
    values: dict[str, str] = {}
    provenance: dict[str, str] = {}
    for key in (field.name for field in fields(Metadata)):
        if key in source.declared_keys:
            values[key] = getattr(source.declared, key)
            provenance[key] = source.provenance.get(key, "declared")
        elif inferred.get(key, ("", ""))[0]:
            values[key], provenance[key] = inferred[key]
    return replace(Metadata(), **values), dict(sorted(provenance.items()))


def _key(text: str) -> str:
    """A comparison key that ignores case, quote style, markup and spacing."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _words(text: str) -> int:
    return len(text.split())
