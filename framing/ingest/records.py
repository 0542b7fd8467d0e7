"""Read corpus files holding one article per record: JSON Lines or CSV, plain or gzipped."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from framing.errors import FramingError
from framing.ingest.dates import parse_date

DEFAULT_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "text": "text",
        "id": "id",
        "outlet": "outlet",
        "title": "title",
        "author": "author",
        "date": "date",
        "url": "url",
    }
)
"""Which column holds each field; `--columns` (see `parse_columns`) renames them."""

_META_FIELDS = ("outlet", "title", "author", "date", "url")
_SUFFIXES = (".jsonl", ".csv", ".jsonl.gz", ".csv.gz")
_ALIASES = {"author": "authors"}
"""A column read in place of a missing one: many datasets (AllSides among them) say `authors`."""

_MAX_FIELD_CHARS = 10_000_000
"""CSV field limit: far above any article (the longest of 10,000 AllSides texts is 77k
characters) yet finite, so a runaway unclosed quote ends in an error, not in memory."""


@dataclass(frozen=True)
class Record:
    """One article of a corpus file."""

    number: int  # 1-based line (JSONL) or data row (CSV) number, for messages
    id: str  # the record's id column, or "" when absent
    text: str
    fields: dict[str, str]  # outlet, title, author, date, url ("" when absent)
    extra: dict[str, str]  # every other column, as strings, keys sorted


@dataclass(frozen=True)
class BadRecord:
    """A record that cannot be used, and why (one line, with what to do)."""

    number: int
    reason: str


class _Lines:
    """The lines of a binary stream as text, decoded one by one so that bad bytes spoil only
    their own record: `undecodable` is set when a line is not UTF-8 (its bytes are kept as
    surrogates), for the reader to report and reset."""

    def __init__(self, binary: io.BufferedIOBase) -> None:
        self._binary = binary
        self._encoding = "utf-8-sig"  # the first line may start with a byte-order mark
        self.undecodable = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._binary)
        encoding, self._encoding = self._encoding, "utf-8"
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            self.undecodable = True
            return raw.decode(encoding, "surrogateescape")


def is_corpus_file(path: Path) -> bool:
    """Whether `path` is named like a file of records (.jsonl, .csv, optionally .gz)."""
    return path.name.lower().endswith(_SUFFIXES)


def read_records(
    path: Path, columns: Mapping[str, str] = DEFAULT_COLUMNS
) -> Iterator[Record | BadRecord]:
    """Stream the records of a corpus file, in file order, one at a time.

    Fields missing from `columns` keep their default column. A column `authors` fills
    `author` when the record has no `author` column. Raises FramingError at once when the
    file cannot be opened, has an unknown suffix or is not gzip despite `.gz`; and while
    iterating when the gzip data turns out damaged or a CSV header lacks the text column.
    A line (JSONL) or row (CSV) that is not UTF-8 is a BadRecord, not the file's end.
    """
    if not is_corpus_file(path):
        raise FramingError(
            "not a corpus file", str(path), "name it .jsonl or .csv, optionally gzipped (.gz)"
        )
    with _opened(path) as binary:
        start = binary.read(2)  # gzip checks its header on the first read
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise FramingError("UTF-16 text, not UTF-8", str(path), "re-save the file as UTF-8")
    names = {**DEFAULT_COLUMNS, **columns}
    if path.name.lower().removesuffix(".gz").endswith(".csv"):
        return _csv_records(path, names)
    return _jsonl_records(path, names)


def parse_columns(option: str) -> dict[str, str]:
    """Turn `--columns text=body,outlet=source` into a full field -> column mapping."""
    columns = dict(DEFAULT_COLUMNS)
    given: set[str] = set()
    for item in option.split(","):
        field, equals, name = (part.strip() for part in item.partition("="))
        if not (equals and field and name):
            raise FramingError(
                f"expected FIELD=COLUMN, got {item.strip()!r}",
                "--columns",
                "write it as text=body,outlet=source",
            )
        if field not in DEFAULT_COLUMNS:
            raise FramingError(
                f"unknown field `{field}`", "--columns", f"use one of: {', '.join(DEFAULT_COLUMNS)}"
            )
        if field in given:
            raise FramingError(f"field `{field}` given twice", "--columns", "give it once")
        given.add(field)
        columns[field] = name
    return columns


@contextmanager
def _opened(path: Path) -> Iterator[io.BufferedIOBase]:
    """The file's bytes, decompressed if `.gz`; a file that cannot be read becomes a
    FramingError, whether that shows on opening or only later in a damaged gzip stream."""
    try:
        with gzip.open(path) if path.name.lower().endswith(".gz") else path.open("rb") as binary:
            yield binary
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise FramingError(
            f"not readable as gzip ({error})",
            str(path),
            "drop .gz from its name if it is not compressed, else re-download or re-compress it",
        ) from None
    except OSError as error:
        raise FramingError(
            f"cannot read: {error.strerror or error}", str(path), "check the path and permissions"
        ) from None


def _jsonl_records(path: Path, names: dict[str, str]) -> Iterator[Record | BadRecord]:
    """One record per non-blank line, numbered by line."""
    with _opened(path) as binary:
        lines = _Lines(binary)
        for number, line in enumerate(lines, start=1):
            if lines.undecodable:
                lines.undecodable = False
                yield _not_utf8(number)
            elif not line.isspace():
                yield _from_json(number, line, names)


def _from_json(number: int, line: str, names: dict[str, str]) -> Record | BadRecord:
    """Without its line break, a line cut short reads as "Unterminated string", which it is."""
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return BadRecord(
            number,
            f"record {number}: not valid JSON ({error.msg.removesuffix(' at')} at column "
            f"{error.colno}; fix or remove the line)",
        )
    if not isinstance(value, dict):
        return BadRecord(
            number,
            f"record {number}: a JSON {_json_type(value)}, not an object "
            "(each line must be one {...} article)",
        )
    return _record(number, value, names)


def _csv_records(path: Path, names: dict[str, str]) -> Iterator[Record | BadRecord]:
    """One record per data row after the header, numbered from 1; blank rows are skipped
    but counted, so numbers match what a spreadsheet shows under the header."""
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_FIELD_CHARS))
    with _opened(path) as binary:
        lines = _Lines(binary)
        rows = csv.reader(lines)
        header = [name.strip() for name in next((row for row in rows if row), [])]
        _check_header(header, lines.undecodable, names["text"], path)
        for number, row in enumerate(_csv_rows(rows), start=1):
            if lines.undecodable:
                lines.undecodable = False
                yield _not_utf8(number)
            elif isinstance(row, str):
                yield BadRecord(number, f"record {number}: {row}")
            elif not row:
                continue
            elif len(row) != len(header):
                yield BadRecord(
                    number,
                    f"record {number}: {len(row)} fields where the header has {len(header)} "
                    "(check this row's commas and quotes)",
                )
            else:
                yield _record(number, dict(zip(header, row, strict=True)), names)


def _csv_rows(rows: Iterator[list[str]]) -> Iterator[list[str] | str]:
    """The rows, with a row the csv module rejects given as its error message: one bad row
    (an oversized field, a stray carriage return) must not end the file."""
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield f"unreadable CSV row ({error}; check this row's quotes)"


def _check_header(header: list[str], undecodable: bool, text: str, path: Path) -> None:
    """A header without the text column would make every row bad: say so once instead."""
    if undecodable:
        raise FramingError("the header row is not UTF-8", str(path), "re-save the file as UTF-8")
    if not header:
        return
    if text not in header:
        raise FramingError(
            f"no `{text}` column in the header (it has: {', '.join(header)})",
            str(path),
            "use --columns text=NAME",
        )
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise FramingError(
            f"column `{repeated[0]}` appears twice in the header", str(path), "rename one of them"
        )


def _record(number: int, data: Mapping[str, object], names: dict[str, str]) -> Record | BadRecord:
    """Map one decoded record onto the fields; whatever is left over is kept in `extra`."""
    text = _string(data.get(names["text"]))
    if not text or text.isspace():
        return BadRecord(
            number,
            f"record {number}: no `{names['text']}` value "
            "(check the column name, or use --columns text=NAME)",
        )
    used = {names["text"], names["id"]}
    fields: dict[str, str] = {}
    for field in _META_FIELDS:
        column = _column(data, names[field])
        used.add(column)
        fields[field] = _string(data.get(column)).strip()
    fields["date"] = _iso_date(fields["date"])
    extra = {key: _string(data[key]) for key in sorted(data) if key not in used}
    return Record(number, _string(data.get(names["id"])).strip(), text, fields, extra)


def _column(data: Mapping[str, object], name: str) -> str:
    """`name`, or its alias when the record has the alias but not `name` itself."""
    alias = _ALIASES.get(name)
    return alias if alias is not None and name not in data and alias in data else name


def _string(value: object) -> str:
    """Every value as text: null is unknown (""), lists are joined the way bylines are."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(text for item in value if (text := _string(item)))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _iso_date(value: str) -> str:
    """`value` as YYYY-MM-DD when it is a recognisable date, else unchanged."""
    return parse_date(value) or value


def _not_utf8(number: int) -> BadRecord:
    return BadRecord(number, f"record {number}: not valid UTF-8 (re-save the file as UTF-8)")


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, as the user wrote it."""
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return "number"
