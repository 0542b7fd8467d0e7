"""From sources to the documents worth analysing: each cleaned, fragments set aside, repeated
articles (syndication, a page saved twice) found and counted once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.ingest.clean import body_text, clean, prose_words
from framing.ingest.duplicates import find_duplicates
from framing.models import Corpus, Document, DuplicateArticle, Excluded, Source

MIN_WORDS = 50
"""Fewer words than this is a fragment (a teaser, a caption, a failed save), not an article."""
NO_BODY = "nothing but page boilerplate (check that the file holds the article text)"


@dataclass(frozen=True, slots=True)
class UsableDocuments:
    """The ingest stage's last word: what to analyse, in input order, and what was not."""

    kept: tuple[tuple[Source, Document], ...]
    excluded: tuple[Excluded, ...]  # the corpus's unusable inputs, then the fragments
    duplicates: tuple[DuplicateArticle, ...]  # repeats, each left out of `kept`


def usable_documents(
    corpus: Corpus, documents: Sequence[Document] | None = None
) -> UsableDocuments:
    """Clean every source of `corpus` (or take its `documents`, cleaned elsewhere, one per
    source in order: a worker process cleans each as it analyses it); keep the articles, each
    first copy only."""
    excluded = list(corpus.excluded)
    kept: list[tuple[Source, Document]] = []
    cleaned = documents if documents is not None else [clean(s) for s in corpus.sources]
    for source, document in zip(corpus.sources, cleaned, strict=True):
        words = prose_words(document)
        if words < MIN_WORDS:
            excluded.append(Excluded(document.path, _too_short(words)))
        else:
            kept.append((source, document))
    duplicates = _duplicates(kept)
    repeated = {d.article_id for d in duplicates}
    first_copies = tuple((s, d) for s, d in kept if d.id not in repeated)
    return UsableDocuments(first_copies, tuple(excluded), duplicates)


def long_enough(document: Document) -> bool:
    """Whether `document` has the words of an article, not of a fragment."""
    return prose_words(document) >= MIN_WORDS


def _too_short(words: int) -> str:
    if words == 0:
        return NO_BODY
    return (
        f"only {words} words of article text after cleaning "
        f"(an article needs at least {MIN_WORDS}; check the file holds the whole article)"
    )


def _duplicates(kept: Sequence[tuple[Source, Document]]) -> tuple[DuplicateArticle, ...]:
    """Repeated articles (syndication, a page saved twice), in input order."""
    paths = {document.id: document.path for _, document in kept}
    found = find_duplicates([(document.id, body_text(document)) for _, document in kept])
    return tuple(
        DuplicateArticle(paths[d.article_id], d.article_id, d.original_id, d.similarity, d.kind)
        for d in found
    )
