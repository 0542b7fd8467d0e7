"""Read a saved web page into its article text and the metadata the page itself states."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from htmldate import find_date
from lxml.etree import _Element
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document

from framing.errors import FramingError

LATEST_DATE = "2099-12-31"
"""htmldate's upper bound for a date: a fixed one, so that the result never depends on today."""
_BLOCKS = ("p", "head", "quote", "item", "code", "row")
"""trafilatura's XML elements that stand as a paragraph of their own."""
_PROSE = re.compile(r"^(?:\S+\s+){9,}\S*[.!?…][\"'”’)]*$")
"""Ten words or more ending a sentence: what an article has and a list of teaser links lacks."""
_URL_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")
"""How trafilatura makes a site name out of a URL when the page names none (metadata.py)."""
LAYOUT_CELL_WORDS = 50
"""A table cell with a paragraph's worth of running text of its own lays out a page; a data
table's cells hold a figure or a few words."""
_TABLE_PARTS = (
    "./thead | ./tbody | ./tfoot | ./tr | ./*/tr | ./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th"
)


@dataclass(frozen=True)
class WebPage:
    """The article inside a saved web page: main text and the page's own metadata."""

    text: str  # paragraphs separated by one blank line; headings and block quotes are paragraphs
    title: str  # "" when unknown — never invented
    author: str  # as the page states it; several authors joined with ", "
    date: str  # ISO YYYY-MM-DD publication date, "" when unknown
    sitename: str  # the outlet as the page names it (og:site_name etc.), ""
    url: str  # canonical URL if the page states one, ""
    description: str  # the page's description/dek if stated, ""
    language: str  # the page's declared language (html lang / meta), 2-letter, ""


def read_webpage(html: str, where: str) -> WebPage:
    """The article text and metadata of `html`; `where` names the page in errors.

    trafilatura is given the parsed page and never a URL, so nothing is fetched.
    """
    tree = load_html(html) if html.strip() else None
    found = _article(tree) if tree is not None else None
    if tree is None or found is None:
        raise _no_article(where)
    document, title, paragraphs = found
    url = document.url or ""
    return WebPage(
        text="\n\n".join(paragraphs),
        title=title,
        author=", ".join(_authors(document.author or "")),
        date=_stated_date(tree),
        sitename=_stated_sitename(document.sitename or "", url),
        url=url,
        description=document.description or "",
        language=_declared_language(tree),
    )


def _article(tree: _Element) -> tuple[Document, str, list[str]] | None:
    """trafilatura's document, the title and the body paragraphs (headline left out); None
    when no paragraph is prose.

    Its balanced mode keeps every paragraph its defaults keep (precision mode drops a lede in a
    <header>, a boxed passage, a block whose class says "bottom"); the cleaner then removes the
    furniture it lets through. Recall mode is tried only when the balanced one finds no article.
    """
    _unwrap_layout_tables(tree)
    _join_live_updates(tree)
    for recall in (False, True):
        document = _extract(deepcopy(tree), recall=recall)
        if document is None:
            continue
        title = _stated_title(document.title or "", tree)
        paragraphs = _without_headline(_paragraphs(document.body), document.body, title)
        if any(_PROSE.search(paragraph) for paragraph in paragraphs):
            return document, title, paragraphs
    return None


def _unwrap_layout_tables(tree: _Element) -> None:
    """Turn tables that lay out a page into plain blocks, so that the story in a cell is read.

    Tables are left out of the text (a data table is not prose), and an older CMS sets the
    whole story in a table cell, paragraphs split by <br><br>: read as a table, that story
    would be lost and the page skipped as having no article.
    """
    for table in tree.iter("table"):
        if any(
            _own_words(cell) >= LAYOUT_CELL_WORDS for cell in table.xpath("./tr/td | ./*/tr/td")
        ):
            for part in (table, *table.xpath(_TABLE_PARTS)):
                part.tag = "div"


def _join_live_updates(tree: _Element) -> None:
    """Read the updates of a live blog as one article, not the first update alone.

    A live blog sets each timed update in an <article> of its own, side by side in one feed;
    trafilatura takes the first <article> of a page for the whole story. Sibling <article>s
    that each hold a paragraph of prose become plain blocks, so that the feed is read whole;
    teaser cards, whose text is a headline and a line, stay as they are.
    """
    for feed in {article.getparent() for article in tree.iter("article")} - {None}:
        updates = feed.findall("article")
        if len(updates) > 1 and all(_has_prose(update) for update in updates):
            for update in updates:
                update.tag = "div"


def _has_prose(element: _Element) -> bool:
    return any(_PROSE.search(" ".join(p.xpath("string()").split())) for p in element.iter("p"))


def _own_words(cell: _Element) -> int:
    """Words of a cell's text outside the tables nested in it."""
    return len(" ".join(cell.xpath("text() | ./*[not(self::table)]//text()")).split())


def _extract(tree: _Element, *, recall: bool) -> Document | None:
    """trafilatura's main text and metadata, without comments, tables, images or link targets.

    Its own date is ignored (see `_stated_date`), so its date search is kept cheap.
    """
    document = bare_extraction(
        tree,
        favor_recall=recall,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "max_date": LATEST_DATE},
    )
    return document if isinstance(document, Document) else None


def _no_article(where: str) -> FramingError:
    return FramingError(
        "no article text found in the page",
        where,
        "save the article page itself, not an index page",
    )


def _paragraphs(body: _Element) -> list[str]:
    """One string per block of trafilatura's XML, spaces normalised, loose text kept.

    Once every other whitespace is a space, a newline at each block's start and end marks the
    paragraphs; text trailing a block inside a container (a tail) stays a paragraph of its own.
    """
    for element in body.iter():
        element.text = _one_line(element.text)
        element.tail = _one_line(element.tail)
    for element in body.iter("lb"):
        element.tail = f" {element.tail or ''}"
    for element in body.iter(*_BLOCKS):
        element.text = f"\n{element.text or ''}"
        element.tail = f"\n{element.tail or ''}"
    lines = "".join(body.itertext()).split("\n")
    return [" ".join(line.split()) for line in lines if line.strip()]


def _one_line(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text) if text else text


def _stated_title(title: str, tree: _Element) -> str:
    """trafilatura's last resort for a title is the first <h2>: a section heading, not a title.

    Taken as the title, a heading would also be dropped from the body by the cleaner.
    """
    first_h2 = tree.find(".//h2")
    if (
        first_h2 is not None
        and not tree.xpath("//h1 | //head/title")
        and _key(first_h2.text_content()) == _key(title)
    ):
        return ""
    return title


def _without_headline(paragraphs: list[str], body: _Element, title: str) -> list[str]:
    """Drop the headline where trafilatura kept it above the first paragraph of prose: it is
    the title, which is metadata. A block that runs it together with a dateline and a byline
    keeps those two, as paragraphs of their own, for the cleaner to tell apart."""
    h1s = {_key(head.xpath("string()")) for head in body.iter("head") if head.get("rend") == "h1"}
    headlines = {_key(title), *h1s} - {""}
    start = next((i for i, p in enumerate(paragraphs) if _PROSE.search(p)), len(paragraphs))
    top = [piece for p in paragraphs[:start] for piece in _around(p, title) if piece]
    return [p for p in top if _key(p) not in headlines] + paragraphs[start:]


def _around(paragraph: str, title: str) -> list[str]:
    """The text before and after the title inside `paragraph`, or the paragraph itself."""
    if not title or _key(title) == _key(paragraph):
        return [paragraph]
    before, found, after = paragraph.partition(" ".join(title.split()))
    return [before.strip(), after.strip()] if found else [paragraph]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _authors(author: str) -> list[str]:
    """trafilatura joins the names it finds with "; "."""
    return [name.strip() for name in author.split(";") if name.strip()]


def _stated_date(tree: _Element) -> str:
    """The publication date the page states, never one guessed from a URL or the prose.

    htmldate trusts a date in the canonical URL before the page's own metadata, and reads one
    out of the og:image address: `url=""` turns off the first, a copy without og:image the
    second. `extensive_search=False` stops it from taking any date mentioned in the text.
    """
    probe = deepcopy(tree)
    for image in probe.xpath("//meta[@property='og:image']"):
        image.getparent().remove(image)
    found = find_date(
        probe, url="", extensive_search=False, original_date=True, max_date=LATEST_DATE
    )
    return found or ""


def _stated_sitename(sitename: str, url: str) -> str:
    """trafilatura falls back on the URL's host name, which the page does not state as a name."""
    host = _URL_HOST.match(url)
    return "" if host and sitename == host.group(1) else sitename


def _declared_language(tree: _Element) -> str:
    """The primary subtag of `<html lang>`, else of a content-language or og:locale meta."""
    metas = [
        meta.get("content", "")
        for meta in tree.iter("meta")
        if meta.get("http-equiv", "").lower() == "content-language"
        or meta.get("property") == "og:locale"
    ]
    for declared in (tree.get("lang", ""), *metas):
        primary = re.split(r"[-_,;\s]", declared.strip(), maxsplit=1)[0].lower()
        if re.fullmatch(r"[a-z]{2}", primary):
            return primary
    return ""
