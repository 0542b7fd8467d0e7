"""Dates as news pages write them, found inside a line or read from a whole value."""

from __future__ import annotations

import pytest

from framing.ingest.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("October 31, 2023 Topic: Gaza War Region: Middle East", "2023-10-31"),
        ("Nov 27, 2023", "2023-11-27"),
        ("Updated Sept. 5, 2023 at 4:05 PM EDT", "2023-09-05"),
        ("By Jane Roe, 6 May 2024", "2024-05-06"),
        ("Published 2024-05-06T09:00:00Z", "2024-05-06"),
        ("February 30, 2023", ""),  # not a date
        ("Mayday 12, 2023", ""),  # not a month
        ("מליאת הכנסת 28.12.22", ""),  # two-digit year: ambiguous, left unknown
    ],
)
def test_find_date(line: str, expected: str) -> None:
    assert find_date(line) == expected


def test_parse_date_takes_only_a_whole_date() -> None:
    assert parse_date("Tuesday, October 31st, 2023") == "2023-10-31"
    assert parse_date("said on October 31, 2023") == ""
    assert parse_date("10/31/2023") == ""  # month/day order unknowable
