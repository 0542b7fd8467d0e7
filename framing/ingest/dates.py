"""Publication dates as written by English-language sources, read into ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {
    name: number for number, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])
} | {"sept": 9}
"""English month names and abbreviations: fixed, whatever the process locale says."""
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH_NAME = r"(?P<name>[a-z]+)\.?"
_WEEKDAY = r"(?:[a-z]+,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+|T)?\d{1,2}:\d{2}\b.*)?"
"""What may follow a date and is dropped: a time of day, with or without a zone."""
_FORMS = (
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})",  # 2023/10/31
    rf"{_MONTH_NAME}\s+{_DAY},?\s+(?P<year>\d{{4}})",  # October 31, 2023
    rf"{_DAY}\s+{_MONTH_NAME},?\s+(?P<year>\d{{4}})",  # 31 Oct 2023
)
_WHOLE = tuple(re.compile(_WEEKDAY + form + _TIME, re.IGNORECASE) for form in _FORMS)
_INSIDE = tuple(re.compile(rf"(?<!\w){form}(?!\d)", re.IGNORECASE) for form in _FORMS)


def parse_date(value: str) -> str:
    """`value`, the whole of it a date (with an optional weekday and time), as YYYY-MM-DD;
    "" when it is not one. The date as written, never shifted to another time zone."""
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for pattern in _WHOLE:
        match = pattern.fullmatch(value)
        if match:
            return _iso(match)
    return ""


def find_date(text: str) -> str:
    """The first real date written inside `text` (a dateline, a metadata line), or ""."""
    found = [(m.start(), _iso(m)) for pattern in _INSIDE for m in pattern.finditer(text)]
    return next((iso for _, iso in sorted(found) if iso), "")


def _iso(match: re.Match[str]) -> str:
    parts = match.groupdict()
    month = _MONTHS.get(parts["name"].lower(), 0) if "name" in parts else int(parts["month"])
    try:
        return date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return ""
