"""A team's labelled sentences, read from CSV for `framing check`: one row per sentence,
with the measure it labels and the label; a row that cannot be read is set aside with its
reason, the others are still checked."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from framing.errors import FramingError

TEXT_COLUMNS = ("sentence", "text")
"""The column holding the sentence, by the first name found."""


@dataclass(frozen=True)
class LabelledRow:
    """A row as written: the sentence, the measure named (or given for all), the label."""

    row: int  # 1-based line of the file, header included
    text: str
    measure: str
    label: str


@dataclass(frozen=True)
class LabelledFile:
    """The usable rows, and the rows set aside with why."""

    rows: tuple[LabelledRow, ...]
    skipped: tuple[tuple[int, str], ...]


def read_labelled(path: Path, measure: str = "") -> LabelledFile:
    """The rows of `path` (UTF-8 CSV with a header: sentence, measure, label); `measure`
    names the measure of every row when the file has no measure column."""
    records = _records(path)
    header = records[0] if records else []
    text_column = next((c for c in TEXT_COLUMNS if c in header), None)
    needed = [] if measure else ["measure"]
    missing = [c for c in ("label", *needed) if c not in header] + (
        [] if text_column else ["sentence"]
    )
    if missing:
        raise FramingError(
            f"no {', '.join(missing)} column (the header has: {', '.join(header) or 'nothing'})",
            str(path),
            "give a CSV with a header row: sentence,measure,label (or --measure NAME)",
        )
    rows, skipped = [], []
    for number, record in enumerate(records[1:], start=2):
        values = dict(zip(header, record, strict=False))
        text = values.get(str(text_column), "").strip()
        if not text:
            skipped.append((number, "no sentence"))
            continue
        rows.append(
            LabelledRow(
                number, text, measure or values.get("measure", "").strip(), values.get("label", "")
            )
        )
    return LabelledFile(tuple(rows), tuple(skipped))


def _records(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            records = [[cell.strip() for cell in row] for row in csv.reader(handle)]
    except FileNotFoundError:
        raise FramingError("file not found", str(path), "give the path of a CSV file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise FramingError(
            f"cannot read it as UTF-8 CSV ({error})", str(path), "save the file as UTF-8 CSV"
        ) from None
    if records:
        records[0] = [name.lower() for name in records[0]]
    return records
