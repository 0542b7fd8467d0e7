"""Sentence meaning as vectors, for finding the claims outlets word differently.

Word overlap misses the paraphrases news is full of ("Israel has refrained from officially
supporting Ukraine" ~ "refused to send lethal weapons to Ukraine"). A sentence embedding puts
sentences that say similar things near each other. WordLlama's default model is static (one
vector per token, averaged), 16 MB inside its wheel, numpy only, ~20k sentences a second on
one core: cheap enough for every sentence of a large corpus, and it needs no network.

Its loader looks for the tokenizer in a folder the wheel does not have and then tries to
download it (TRAPS.md): it is pointed at the wheel's own folder with downloads disabled, so a
missing file is an error here, never a request. Its import configures logging; that is undone.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

import numpy as np
import numpy.typing as npt

from framing.errors import FramingError

Vectors = npt.NDArray[np.float32]


class _Encoding(Protocol):
    ids: list[int]
    attention_mask: list[int]


class _Tokenizer(Protocol):
    def encode_batch_fast(
        self, texts: list[str], add_special_tokens: bool = ...
    ) -> list[_Encoding]: ...


class _Embedder(Protocol):
    """WordLlama's model (0.4.0): its tokenizer (padding on), token vectors and pooling."""

    tokenizer: _Tokenizer
    embedding: npt.NDArray[np.float32]

    def avg_pool(self, x: Vectors, mask: npt.NDArray[np.float32]) -> Vectors: ...


@cache
def _model() -> _Embedder:
    """WordLlama's packaged model, loaded once per process (~0.2 s)."""
    wordllama = _import_wordllama()
    folder = Path(str(wordllama.__file__)).parent
    try:
        model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)
    except (OSError, ValueError) as error:
        raise FramingError(
            f"the sentence model inside the wordllama package cannot be read ({error}); "
            "reinstall it with: pip install --force-reinstall wordllama"
        ) from error
    return cast(_Embedder, model)


def _import_wordllama() -> ModuleType:
    """wordllama, imported without its side effect: its modules call
    `logging.basicConfig(level=INFO)` on import, which would make every library's INFO
    records (WeasyPrint's progress lines) print to stderr. The root logger is put back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        wordllama = importlib.import_module("wordllama")  # here: only the aligner needs it
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return wordllama


def embed(texts: Sequence[str]) -> Vectors:
    """One unit-length vector per text (rows in input order), so a dot product is a cosine.
    Texts go to the model shortest first: a batch is padded to its longest text, and batches
    of like lengths pad least (0.55-0.65x the CPU time on 14k AllSides sentences; same bytes)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda n: len(texts[n]))
    model = _model()
    found = np.empty((len(texts), model.embedding.shape[1]), dtype=np.float32)
    for rows in _batches(order, [len(texts[n]) for n in order]):
        found[rows] = _embed_batch(model, [texts[n] for n in rows])
    return found


_BATCH = 256
"""Texts per batch at most: WordLlama's own loop took batches of 256 here."""

_BATCH_CHARACTERS = 131_072
"""Characters per batch at most, counted as its longest text times its texts: a batch is
padded to its longest text, one vector of 1 KB per token, twice over while pooling. 256
two-sentence windows of a long-winded corpus (AllSides 1,000) took 560 MB at once; this
bounds a batch near 70 MB, and a 50,000-character text goes alone. Padding adds zeros to
each sum, so batches of any size give the same bytes."""


def _batches(order: list[int], lengths: list[int]) -> Iterator[list[int]]:
    """`order` cut into batches of at most `_BATCH` texts and `_BATCH_CHARACTERS`
    (`lengths` rising, as `order` is shortest first)."""
    start = 0
    while start < len(order):
        end = start + 1
        while end - start < _BATCH and end < len(order):
            if (end - start + 1) * lengths[end] > _BATCH_CHARACTERS:
                break
            end += 1
        yield order[start:end]
        start = end


def _embed_batch(model: _Embedder, texts: list[str]) -> Vectors:
    """`WordLlama.embed(texts, norm=True)` for one batch, step for step as WordLlama 0.4.0
    does it (token ids clipped to the vocabulary, vectors averaged over the attention mask,
    then normalised), but with the tokenizer's `encode_batch_fast`: the same ids without the
    character offsets `encode_batch` also works out and nothing reads, about 15% of the
    embedding's time. The bytes are the same (tests/test_meaning.py)."""
    encoded = model.tokenizer.encode_batch_fast(texts, add_special_tokens=False)
    ids = np.array([e.ids for e in encoded], dtype=np.int32)
    mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
    np.clip(ids, 0, model.embedding.shape[0] - 1, out=ids)
    pooled = model.avg_pool(model.embedding[ids], mask)
    pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled


def cosines(a: Vectors, b: Vectors) -> npt.NDArray[np.float32]:
    """Every row of `a` against every row of `b` (both unit length)."""
    return np.asarray(a @ b.T, dtype=np.float32)
