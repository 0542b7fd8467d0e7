"""Read the user's folders and files into `Source`s, setting aside what cannot be read."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from framing.errors import FramingError
from framing.models import Corpus, Excluded, Metadata, Source

TEXT_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "sources.toml"
MAX_BYTES = 5_000_000
"""Larger files are set aside: no article is 5 MB of text, but a mis-saved dump can be."""

_METADATA_KEYS = frozenset(f.name for f in fields(Metadata))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class _Input:
    """A file to read, the folder its id is relative to, and its manifest entry if any."""

    path: Path
    root: Path
    entry: dict[str, str] | None


def load_corpus(paths: Sequence[Path]) -> Corpus:
    """Read every article under `paths` (folders are searched recursively, in sorted order)."""
    sources: list[Source] = []
    excluded: list[Excluded] = []
    used_ids: set[str] = set()
    for item in _inputs(paths):
        shown = _display_path(item.path, item.root)
        try:
            text = read_text(item.path)
        except FramingError as error:
            excluded.append(Excluded(path=shown, reason=error.detail))
            continue
        source_id = _unique_id(_slug(Path(shown).with_suffix("").as_posix()), used_ids)
        declared = _metadata(item.entry or {})
        stated = frozenset(item.entry or {}) - {"file"}
        sources.append(Source(source_id, shown, text, declared, stated))
    return Corpus(sources=tuple(sources), excluded=tuple(excluded))


def read_text(path: Path) -> str:
    """Decode one article file as UTF-8, refusing what is not article text."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise FramingError(
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one article",
            str(path),
            "split it into one file per article",
        )
    if b"\x00" in data[:8192]:
        raise FramingError("binary file, not text", str(path), "remove it from the corpus")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FramingError(
            f"not valid UTF-8 (byte {error.start})", str(path), "re-save the file as UTF-8"
        ) from None
    if not text.strip():
        raise FramingError("file is empty", str(path), "remove it or add the article text")
    return text


def load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Read a `sources.toml`: one `[[article]]` table per file, keyed by `file`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FramingError(f"broken manifest: {error}", str(path), "fix the TOML syntax") from None
    entries: dict[str, dict[str, str]] = {}
    for number, entry in enumerate(data.get("article", []), start=1):
        where = f"{path} [[article]] #{number}"
        if not isinstance(entry.get("file"), str):
            raise FramingError("missing `file`", where, 'add file = "name.txt"')
        unknown = sorted(set(entry) - _METADATA_KEYS - {"file"})
        if unknown:
            known = ", ".join(sorted(_METADATA_KEYS | {"file"}))
            raise FramingError(f"unknown key `{unknown[0]}`", where, f"use one of: {known}")
        if not all(isinstance(value, str) for value in entry.values()):
            raise FramingError(
                "every value must be a string", where, 'quote it: date = "2023-10-31"'
            )
        if entry.get("date") and not _ISO_DATE.fullmatch(entry["date"]):
            raise FramingError(
                f"date {entry['date']!r} is not YYYY-MM-DD", where, "write it as ISO"
            )
        entries[entry["file"]] = entry
    return entries


def _inputs(paths: Sequence[Path]) -> Iterable[_Input]:
    """Expand folders into their article files, each with its manifest entry."""
    for path in paths:
        if not path.exists():
            raise FramingError("no such file or folder", str(path), "check the path")
        if path.is_dir():
            manifest = _manifest_near(path)
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                raise FramingError(
                    "folder holds no .txt or .md articles", str(path), "point at your articles"
                )
            for file in files:
                yield _Input(file, path, manifest.get(file.relative_to(path).as_posix()))
        else:
            manifest = _manifest_near(path.parent)
            yield _Input(path, path.parent, manifest.get(path.name))


def _manifest_near(folder: Path) -> dict[str, dict[str, str]]:
    manifest = folder / MANIFEST_NAME
    return load_manifest(manifest) if manifest.is_file() else {}


def _metadata(entry: dict[str, str]) -> Metadata:
    return Metadata(**{key: value.strip() for key, value in entry.items() if key != "file"})


def _display_path(path: Path, root: Path) -> str:
    """The path a user recognises: relative to the folder they named."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
