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
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

import numpy as np
import numpy.typing as npt

from framing.errors import FramingError

Vectors = npt.NDArray[np.float32]


class _Embedder(Protocol):
    def embed(self, texts: Sequence[str], norm: bool = ..., batch_size: int = ...) -> Vectors: ...


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
    vectors = _model().embed([texts[n] for n in order], norm=True, batch_size=256)
    found = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
    found[order] = vectors
    return found


def cosines(a: Vectors, b: Vectors) -> npt.NDArray[np.float32]:
    """Every row of `a` against every row of `b` (both unit length)."""
    return np.asarray(a @ b.T, dtype=np.float32)
