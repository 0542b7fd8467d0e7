"""Per-article analyses kept on disk, so that a re-run cleans and analyses only what changed.

An entry (the cleaned document and its analysis) is keyed by a digest of everything they depend
on: the source as read, and the run's `settings_digest` (topics, lexicons, the code that cleans
and analyses, and the versions of the libraries it calls). Changing a title or a template
changes none of these, so it re-analyses nothing; editing one article re-analyses that one.

Entries are pickles (an order of magnitude faster to load than the JSON form), each sealed with
an HMAC under a key kept in the cache folder (mode 0600): an entry that does not verify —
corrupt, truncated, from another key or planted by someone else — is never unpickled, only
ignored and rewritten. Every write goes to a temporary file renamed into place, so two runs at
once never see half an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import pickle
import secrets
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from framing import __version__
from framing.lexicon import Lexicon
from framing.models import Source, Topic
from framing.workers import Prepared

MAGIC = b"framing-analysis-1\n"
"""The first bytes of every entry: a file without them is not ours."""
SUFFIX = ".analysis"
KEY_FILE = "hmac.key"
LIBRARIES = ("pysbd", "textstat", "vaderSentiment", "lemminflect", "py3langid", "pyphen")
"""Libraries whose answers are part of an analysis: a new version may change them."""
CODE = Path(__file__).resolve().parent
ANALYSIS_CODE = ("ingest", "analyse", "models.py", "lexicon.py", "workers.py")
"""The package's code that cleans and analyses an article."""


@dataclass(frozen=True)
class CacheInfo:
    """What `framing cache info` prints."""

    folder: Path
    entries: int
    size: int


class AnalysisCache:
    """Analyses by key in `folder`; `get` misses on anything it cannot trust."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self._key: bytes | None = None

    def get(self, key: str) -> Prepared | None:
        """The analysis stored under `key`, or None when absent, corrupt or foreign."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        payload = self._verified(data, key)
        if payload is None:
            return None
        try:
            stored = pickle.loads(payload)
        except Exception:  # a sealed entry our code cannot load: treat it as absent
            return None
        if not isinstance(stored, Prepared):
            return None
        self.hits += 1
        return stored

    def put(self, key: str, analysis: Prepared) -> None:
        """Store `analysis` under `key`, atomically; a cache that cannot be written is skipped
        (the run's own results do not depend on it)."""
        payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_atomically(self._path(key), MAGIC + self._seal(key, payload) + payload)
        except OSError:
            return

    def info(self) -> CacheInfo:
        entries = list(self._entries())
        return CacheInfo(self.folder, len(entries), sum(p.stat().st_size for p in entries))

    def clear(self) -> int:
        """Remove every entry (and nothing else); the number removed."""
        removed = 0
        for path in self._entries():
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    def _entries(self) -> Iterable[Path]:
        return sorted(self.folder.glob(f"*/*{SUFFIX}")) if self.folder.is_dir() else []

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def _seal(self, key: str, payload: bytes) -> bytes:
        mac = hmac.new(self._secret(), key.encode() + payload, hashlib.sha256)
        return mac.hexdigest().encode() + b"\n"

    def _verified(self, data: bytes, key: str) -> bytes | None:
        """The payload of `data` when it is an entry sealed under our secret for `key`."""
        if not data.startswith(MAGIC):
            return None
        seal, _, payload = data[len(MAGIC) :].partition(b"\n")
        expected = self._seal(key, payload)[:-1]
        return payload if hmac.compare_digest(seal, expected) else None

    def _secret(self) -> bytes:
        """The folder's HMAC key, made on first use, readable by its owner only. It is linked
        into place, which fails if another run made one first: then theirs is the key."""
        if self._key is None:
            path = self.folder / KEY_FILE
            if not path.exists():
                _write_atomically(path, secrets.token_bytes(32), link=True)
            self._key = path.read_bytes()
        return self._key


def article_key(settings: str, source: Source) -> str:
    """The digest a source's cleaned document and analysis are stored under: the settings and
    the source as read (sets in sorted order, so the key is the same in every process)."""
    digest = hashlib.sha256(settings.encode())
    digest.update(_canonical(asdict(source)))
    return digest.hexdigest()


def settings_digest(topics: Sequence[Topic], lexicons: Mapping[str, Lexicon]) -> str:
    """A digest of what every article's analysis in a run depends on besides the article."""
    parts = {
        "framing": __version__,
        "code": _code_digest(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "topics": [asdict(topic) for topic in topics],
        "lexicons": {name: lexicon.data for name, lexicon in sorted(lexicons.items())},
    }
    return hashlib.sha256(_canonical(parts)).hexdigest()


def _code_digest() -> str:
    """A digest of the analysis code, so a changed measure never serves an old result."""
    digest = hashlib.sha256()
    for part in ANALYSIS_CODE:
        root = CODE / part
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            digest.update(path.relative_to(CODE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _canonical(data: Any) -> bytes:
    """`data` as JSON with sorted keys and sets, the same bytes in every process."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=_plain).encode()


def _plain(value: Any) -> Any:
    """Sets as sorted lists; anything else TOML holds (dates) as its text."""
    return sorted(value) if isinstance(value, (set, frozenset)) else str(value)


def _write_atomically(path: Path, content: bytes, link: bool = False) -> None:
    """`content` at `path` (mode 0600) through a temporary sibling renamed into place, or with
    `link`, linked into place unless `path` already exists."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        if not link:
            os.replace(name, path)
        elif not path.exists():
            with contextlib.suppress(FileExistsError):
                os.link(name, path)
    finally:
        Path(name).unlink(missing_ok=True)
