"""Separate an article's body from the page around it, keeping every removed line and why."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from itertools import pairwise

from framing.ingest.boilerplate import mark_other_script, mark_rules, mark_tail
from framing.ingest.dates import find_date
from framing.ingest.lines import (
    PROSE_MIN_WORDS,
    Line,
    is_prose,
    is_sentence,
    read_lines,
    reduce_links,
    words,
)
from framing.models import Document, Metadata, Paragraph, Removal, Source

__all__ = ["PARAGRAPH_SEPARATOR", "body_text", "clean", "prose_words", "reduce_links"]

PARAGRAPH_SEPARATOR = "\n\n"
DEK_MAX_WORDS = 60
"""A subtitle is a sentence or three; a longer first paragraph is body."""
TOP_MAX_LINES = 25
"""Bylines, datelines and author boxes sit in the first lines of a page, never further down."""
HEADING_MAX_WORDS = 14
BIO_ROLES = (
    "fellow|professor|editor|correspondent|writer|author|director|analyst|journalist"
    "|researcher|reporter|columnist|contributor|lecturer"
)
_HEAD_STRUCTURE = {"repeated title", "author bio", "navigation or page furniture"}
SECTION_LABELS = {"analysis", "opinion", "commentary", "editorial", "news", "review", "column"}

_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"


def body_text(document: Document) -> str:
    """The cleaned body: paragraphs joined by blank lines. Sentence offsets index into it."""
    return PARAGRAPH_SEPARATOR.join(paragraph.text for paragraph in document.paragraphs)


def prose_words(document: Document) -> int:
    """Words of body prose (headings left out), counted at spaces: enough to tell a fragment
    from an article; readability's word count is textstat's."""
    return sum(len(p.text.split()) for p in document.paragraphs if p.kind == "text")


def clean(source: Source) -> Document:
    """Find the body of `source`; fill the metadata the manifest left unknown from the page."""
    lines = read_lines(source.text)
    meta = source.declared
    title = _mark_title(lines, meta.title, stated="title" in source.declared_keys)
    genre = _mark_section_label(lines)
    mark_rules(lines)
    mark_tail(lines)
    mark_other_script(lines)
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


def _mark_title(lines: list[Line], declared: str, *, stated: bool) -> str:
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
        if line.kept and _key(line.text) == title_key and words(line.text) <= 30:
            line.reason = "repeated title"
    return first.text.lstrip("# ").strip()


def _is_title_like(line: Line) -> bool:
    return words(line.text) <= 30 and _section_label(line.text) is None


def _mark_section_label(lines: list[Line]) -> str:
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


def _mark_bylines(lines: list[Line], declared: str) -> str:
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


def _repeats(lines: list[Line], line: Line) -> bool:
    """A bare name is a byline when the page prints it more than once."""
    return sum(_key(other.text) == _key(line.text) for other in lines) > 1


def _mark_datelines(lines: list[Line]) -> str:
    """Mark a date standing alone near the top, and return the first date found there (ISO)."""
    found = ""
    for line in _top(lines):
        dated = line.reason.startswith("page metadata") or words(line.text) <= 8
        parsed = find_date(line.text) if dated else ""
        if not parsed:
            continue
        found = found or parsed
        if words(line.text) <= 6 and line.kept:
            line.reason = "dateline"
    return found


def _mark_bios(lines: list[Line], author: str) -> None:
    """An author box ("Jane Doe is a senior fellow at …") near the top or the very end."""
    names = re.escape(author) if author else _NAME
    bio = re.compile(
        rf"^(?:{names}) (?:is|was) (?:a |an |the )?(?:[\w-]+ ){{0,5}}(?:{BIO_ROLES})\b"
    )
    kept = [line for line in lines if line.kept]
    candidates = [*_top(lines), *kept[-3:]]
    for line in candidates:
        if line.kept and words(line.text) <= 70 and bio.search(line.text):
            line.reason = "author bio"


def _mark_dek(lines: list[Line], declared: str | None) -> str:
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


def _dek_candidate(lines: list[Line], top: list[Line]) -> Line | None:
    title = next((ln for ln in lines if ln.reason.startswith("title")), None)
    if title is None:
        return None
    after_title = [ln for ln in top if ln.number > title.number]
    line = next((ln for ln in after_title if ln.kept and is_sentence(ln.text)), None)
    if line is None or words(line.text) > DEK_MAX_WORDS:
        return None
    return line if _set_apart(lines, title, line) else None


def _set_apart(lines: list[Line], title: Line, line: Line) -> bool:
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


def _mark_head_furniture(lines: list[Line]) -> None:
    """Short lines between the title and the first paragraph of prose are page furniture.

    Only short ones: a long line without a full stop may still be body (a quotation that
    ends with its source's name, a sentence cut by the save).
    """
    for line in _before_body(lines):
        if line.kept and words(line.text) < PROSE_MIN_WORDS and not is_sentence(line.text):
            line.reason = "navigation or page furniture"


def _mark_headings(lines: list[Line]) -> None:
    """A short unpunctuated line between paragraphs of body is a section heading."""
    kept = [line for line in lines if line.kept]
    for before, line, after in zip(kept, kept[1:], kept[2:], strict=False):
        if (
            words(line.text) <= HEADING_MAX_WORDS
            and not re.search(r"[.,;:!]$", line.text)
            and is_prose(before.text)
            and is_prose(after.text)
        ):
            line.kind = "heading"
            line.text = line.text.lstrip("# ").strip()


def _top(lines: list[Line]) -> list[Line]:
    """The top of the page: everything before the second kept paragraph of prose.

    The first may be a dek; bylines, datelines and author boxes sit around it.
    """
    prose = [i for i, line in enumerate(lines) if line.kept and is_prose(line.text)]
    end = prose[1] if len(prose) > 1 else prose[0] if prose else 0
    return lines[: min(end, TOP_MAX_LINES)]


def _before_body(lines: list[Line]) -> list[Line]:
    """Everything before the first kept paragraph of prose."""
    start = next((i for i, ln in enumerate(lines) if ln.kept and is_prose(ln.text)), 0)
    return lines[:start]


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
