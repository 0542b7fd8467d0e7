"""Read folders, files and corpus files into `Source`s, setting aside what cannot be read."""

from __future__ import annotations

import glob
import json
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from framing.errors import FramingError
from framing.ingest.decode import decode_bytes
from framing.ingest.records import DEFAULT_COLUMNS, BadRecord, is_corpus_file, read_records
from framing.models import Corpus, Excluded, Metadata, Source

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = (".html", ".htm")
MANIFEST_NAME = "sources.toml"
JSON_MANIFEST_NAME = "manifest.json"
"""A dataset's manifest (BASIL, AllSides and the like), read when there is no sources.toml."""
MAX_BYTES = 5_000_000
"""Larger files are set aside: no article is 5 MB of text, but a mis-saved dump can be."""

_METADATA_KEYS = frozenset(f.name for f in fields(Metadata))
_FOLDER = frozenset({"folder name"})
_RECORD_KEYS = frozenset({"title", "author", "date", "outlet", "url"})
"""A record is structured data: its text is body only, so these are never read off the text."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class _Input:
    """A file to read, the folder it is shown relative to, and what its context states."""

    path: Path
    root: Path
    stated: Mapping[str, str] = field(default_factory=dict)
    provenance: Mapping[str, str] = field(default_factory=dict)


@dataclass
class _Collector:
    """Sources and exclusions gathered in input order, with ids kept unique."""

    sources: list[Source] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    manifests: dict[Path, dict[str, dict[str, str]]] = field(default_factory=dict)

    def add(self, source: Source) -> None:
        self.sources.append(_with_id(source, _unique_id(source.id, self.used_ids)))

    def exclude(self, path: str, reason: str) -> None:
        self.excluded.append(Excluded(path=path, reason=reason))


def load_corpus(paths: Sequence[Path], columns: Mapping[str, str] = DEFAULT_COLUMNS) -> Corpus:
    """Read every article under `paths`: folders recursively, globs, files and corpus files."""
    found = _Collector()
    for item in _inputs(paths, found):
        shown = _display_path(item.path, item.root)
        try:
            if is_corpus_file(item.path):
                _read_corpus_file(item, shown, columns, found)
            else:
                found.add(_read_article(item, shown))
        except FramingError as error:
            found.exclude(shown, error.detail)
    return Corpus(sources=tuple(found.sources), excluded=tuple(found.excluded))


def _read_article(item: _Input, shown: str) -> Source:
    """One article file: plain text, markdown (with optional front matter) or a web page."""
    data = item.path.read_bytes()
    if len(data) > MAX_BYTES:
        raise FramingError(
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one article",
            fix="split it into one file per article",
        )
    decoded = decode_bytes(data, shown)
    if not decoded.text.strip():
        raise FramingError("file is empty", fix="remove it or add the article text")
    stated, provenance = dict(item.stated), dict(item.provenance)
    text, fmt = decoded.text, ARTICLE_SUFFIXES.get(item.path.suffix.lower(), "html")
    if fmt == "html":
        text, page = _webpage_fields(decoded.text, shown)
        _fill(stated, provenance, page, "html metadata")
    elif fmt == "markdown":
        text, front = _front_matter(decoded.text, shown)
        _fill(stated, provenance, front, "front matter", outranks=_FOLDER)
    return Source(
        id=_slug(Path(shown).with_suffix("").as_posix()),
        path=shown,
        text=text,
        declared=_metadata(stated),
        declared_keys=frozenset(stated),
        provenance={k: v for k, v in provenance.items() if k in stated},
        encoding=decoded.encoding,
        format=fmt,
    )


def _read_corpus_file(
    item: _Input, shown: str, columns: Mapping[str, str], found: _Collector
) -> None:
    """A .jsonl/.csv(.gz) file: every record is an article; every field it has is stated."""
    fmt = "csv" if re.search(r"\.csv(\.gz)?$", item.path.name, re.IGNORECASE) else "jsonl"
    stem = _slug(re.sub(r"\.(jsonl|csv)(\.gz)?$", "", item.path.name, flags=re.IGNORECASE))
    for record in read_records(item.path, columns):
        where = f"{shown}#{record.number}"
        if isinstance(record, BadRecord):
            found.exclude(where, record.reason)
            continue
        stated = {k: v for k, v in item.stated.items() if k == "outlet"}
        provenance = {k: item.provenance[k] for k in stated}
        _fill(stated, provenance, record.fields, "record", outranks=_FOLDER | {"manifest"})
        provenance.update({key: "record" for key in _RECORD_KEYS if key not in stated})
        found.add(
            Source(
                id=_slug(f"{stem}-{record.id or record.number}"),
                path=where,
                text=record.text,
                declared=_metadata(stated),
                declared_keys=frozenset(stated) | _RECORD_KEYS,
                provenance=provenance,
                format=fmt,
                extra=record.extra,
            )
        )


def _webpage_fields(html: str, where: str) -> tuple[str, dict[str, str]]:
    from framing.ingest.webpage import read_webpage  # trafilatura takes half a second to import

    page = read_webpage(html, where)
    return page.text, {
        "title": page.title,
        "author": page.author,
        "date": page.date,
        "outlet": page.sitename,
        "url": page.url,
        "dek": page.description,
    }


def _fill(
    stated: dict[str, str],
    provenance: dict[str, str],
    values: Mapping[str, str],
    origin: str,
    outranks: frozenset[str] = frozenset(),
) -> None:
    """Add the known `values`, replacing only statements from the origins in `outranks`."""
    for key, value in values.items():
        if value and (key not in stated or provenance.get(key) in outranks):
            stated[key], provenance[key] = value, origin


def _front_matter(text: str, where: str) -> tuple[str, dict[str, str]]:
    """`---` / `key: value` lines / `---` at the top of a markdown file.

    The block is blanked, not cut, so that line numbers still match the file.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, {}
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if end is None:
        raise FramingError("front matter has no closing ---", where, "add a line with ---")
    values: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _METADATA_KEYS:
            continue
        values[key] = value.strip().strip("\"'")
        if key == "date" and values[key] and not _ISO_DATE.fullmatch(values[key]):
            raise FramingError(f"front matter line {number}: date is not YYYY-MM-DD", where)
    return "\n" * (end + 1) + "\n".join(lines[end + 1 :]), values


def load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Read a `sources.toml`: one `[[article]]` table per file, keyed by `file`."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FramingError(f"broken manifest: {error}", str(path), "fix the TOML syntax") from None
    entries: dict[str, dict[str, str]] = {}
    for number, entry in enumerate(data.get("article", []), start=1):
        line = _table_line(text, number)
        if not isinstance(entry.get("file"), str):
            raise FramingError(
                f"line {line}: [[article]] without `file`", str(path), 'add file = "name.txt"'
            )
        unknown = sorted(set(entry) - _METADATA_KEYS - {"file"})
        if unknown:
            known = ", ".join(sorted(_METADATA_KEYS | {"file"}))
            line = _key_line(text, number, unknown[0])
            raise FramingError(
                f"line {line}: unknown key `{unknown[0]}`", str(path), f"use one of: {known}"
            )
        for key, value in entry.items():
            if not isinstance(value, str):
                line = _key_line(text, number, key)
                raise FramingError(
                    f"line {line}: `{key}` must be a string",
                    str(path),
                    'quote it: date = "2023-10-31"',
                )
        if entry.get("date") and not _ISO_DATE.fullmatch(entry["date"]):
            line = _key_line(text, number, "date")
            raise FramingError(
                f"line {line}: date {entry['date']!r} is not YYYY-MM-DD",
                str(path),
                "write it as ISO",
            )
        entries[entry["file"]] = entry
    return entries


def load_json_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Read a dataset's `manifest.json`: an `articles` list of objects, each with `file`
    (relative to the folder) and any of the metadata keys. The dataset's other keys are its
    own and are ignored, as are empty values and a date that is not YYYY-MM-DD (the text is
    read for them instead); an `authors` list reads as `author`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FramingError(f"broken manifest: {error}", str(path), "fix the JSON") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise FramingError(
            "no `articles` list in the manifest",
            str(path),
            'give {"articles": [{"file": "a.txt", "outlet": "…"}]}, or write a sources.toml',
        )
    entries: dict[str, dict[str, str]] = {}
    for item in articles:
        if isinstance(item, dict) and isinstance(item.get("file"), str):
            entries[item["file"]] = {"file": item["file"], **_json_metadata(item)}
    return entries


def _json_metadata(item: Mapping[str, object]) -> dict[str, str]:
    entry = {
        key: value.strip()
        for key, value in item.items()
        if key in _METADATA_KEYS and isinstance(value, str) and value.strip()
    }
    authors = item.get("authors")
    if "author" not in entry and isinstance(authors, list) and authors:
        entry["author"] = ", ".join(str(a) for a in authors)
    if "date" in entry and not _ISO_DATE.fullmatch(entry["date"]):
        del entry["date"]
    return entry


def _table_line(text: str, number: int) -> int:
    """1-based line of the `number`-th `[[article]]` header."""
    headers = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[article]]"]
    return headers[number - 1] if len(headers) >= number else 1


def _key_line(text: str, number: int, key: str) -> int:
    """1-based line where `key` is set inside the `number`-th `[[article]]` table."""
    lines = text.splitlines()
    start = _table_line(text, number)
    for position in range(start, len(lines)):
        stripped = lines[position].strip()
        if stripped == "[[article]]":
            break
        if re.match(rf"{re.escape(key)}\s*=", stripped):
            return position + 1
    return start


def _inputs(paths: Sequence[Path], found: _Collector) -> Iterator[_Input]:
    """Expand folders and globs into files, each with what its manifest or folder states."""
    for path in paths:
        if not path.exists() and _GLOB_CHARS.search(str(path)):
            matches = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
            files = [p for p in matches if p.is_file() and _is_input(p)]
            if not files:
                raise FramingError("no file matches this pattern", str(path), "check the pattern")
            for file in files:
                yield from _file_inputs(file, found)
        elif not path.exists():
            raise FramingError("no such file or folder", str(path), "check the path")
        elif path.is_dir():
            yield from _folder_inputs(path, found)
        else:
            yield from _file_inputs(path, found)


def _folder_inputs(folder: Path, found: _Collector) -> Iterator[_Input]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and _is_input(p) and not _hidden(p.relative_to(folder))
    )
    if not files:
        found.exclude(
            str(folder),
            "folder holds no articles: .txt, .md, .html, .jsonl, .csv (point at your articles)",
        )
    _check_manifests(folder, files, found)
    for file in files:
        stated, provenance = _folder_outlet(file.relative_to(folder))
        entry = {k: v for k, v in _manifest_entry(file, folder, found).items() if k != "file"}
        _fill(stated, provenance, entry, "manifest", outranks=_FOLDER)
        for key in (k for k, v in entry.items() if not v):  # stated as unknown
            stated[key], provenance[key] = "", "manifest"
        yield _Input(file, folder, stated, provenance)


def _folders_between(file: Path, folder: Path) -> Iterator[Path]:
    """The folders from the file's own up to `folder`, nearest first."""
    current = file.parent
    while current != folder and folder in current.parents:
        yield current
        current = current.parent
    yield folder


def _manifest_entry(file: Path, folder: Path, found: _Collector) -> dict[str, str]:
    """What the nearest manifest naming `file` says of it: a corpus of story folders, each
    with its own manifest (BASIL's layout), is read as one corpus with every folder's metadata."""
    for place in _folders_between(file, folder):
        entry = _manifest_near(place, found).get(file.relative_to(place).as_posix())
        if entry is not None:
            return entry
    return {}


def _check_manifests(folder: Path, files: Sequence[Path], found: _Collector) -> None:
    """List each manifest entry that names no file beside or below its manifest."""
    places = sorted({place for file in files for place in _folders_between(file, folder)})
    for place in places or [folder]:
        below = {f.relative_to(place).as_posix() for f in files if place in f.parents}
        shown = "" if place == folder else place.relative_to(folder).as_posix() + "/"
        for name in sorted(set(_manifest_near(place, found)) - below):
            found.exclude(
                shown + name, "named in the manifest but not found (fix the name or the entry)"
            )


def _file_inputs(file: Path, found: _Collector) -> Iterator[_Input]:
    entry = dict(_manifest_near(file.parent, found).get(file.name, {}))
    entry.pop("file", None)
    yield _Input(file, file.parent, entry, dict.fromkeys(entry, "manifest"))


def _folder_outlet(relative: Path) -> tuple[dict[str, str], dict[str, str]]:
    """An article in a sub-folder is taken to be from the outlet the folder is named after."""
    if len(relative.parts) < 2:
        return {}, {}
    return {"outlet": relative.parts[0]}, {"outlet": "folder name"}


def _manifest_near(folder: Path, found: _Collector) -> dict[str, dict[str, str]]:
    """The folder's manifest, read once per run (a glob may name a thousand files in one
    folder); a broken one is listed as excluded and the folder read without it."""
    if folder not in found.manifests:
        found.manifests[folder] = _read_manifest(folder, found)
    return found.manifests[folder]


def _read_manifest(folder: Path, found: _Collector) -> dict[str, dict[str, str]]:
    """The folder's sources.toml, else a dataset's manifest.json, else nothing."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        manifest = folder / JSON_MANIFEST_NAME
        if not manifest.is_file():
            return {}
    try:
        if manifest.name == JSON_MANIFEST_NAME:
            return load_json_manifest(manifest)
        return load_manifest(manifest)
    except FramingError as error:
        found.exclude(str(manifest), f"{error.detail}; articles read without it")
        return {}


def _is_input(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in ARTICLE_SUFFIXES or suffix in HTML_SUFFIXES or is_corpus_file(path)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _metadata(stated: Mapping[str, str]) -> Metadata:
    return Metadata(
        **{key: value.strip() for key, value in stated.items() if key in _METADATA_KEYS}
    )


def _display_path(path: Path, root: Path) -> str:
    """The path a user recognises: relative to the folder they named."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _with_id(source: Source, source_id: str) -> Source:
    return replace(source, id=source_id)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
