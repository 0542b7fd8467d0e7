"""Reading corpus files of one article per record: JSON Lines and CSV, plain and gzipped."""

from __future__ import annotations

import gzip
import json
import re
import tracemalloc
from itertools import islice
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.ingest.records import (
    DEFAULT_COLUMNS,
    BadRecord,
    Record,
    is_corpus_file,
    parse_columns,
    read_records,
)

RECORDS = Path(__file__).resolve().parent / "data" / "records"
JSONL = RECORDS / "syria-strike.jsonl"
CSV = RECORDS / "syria-strike.csv"
ALLSIDES = Path("/work/shared/eval/allsides_scale.jsonl.gz")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def records(path: Path, columns: dict[str, str] | None = None) -> list[Record]:
    """Every record of `path`, failing on any bad one."""
    read = list(read_records(path, columns or DEFAULT_COLUMNS))
    assert all(isinstance(r, Record) for r in read), read
    return [r for r in read if isinstance(r, Record)]


def bad(path: Path) -> dict[int, str]:
    return {r.number: r.reason for r in read_records(path) if isinstance(r, BadRecord)}


def good(path: Path) -> list[Record]:
    return [r for r in read_records(path) if isinstance(r, Record)]


def one_line(tmp_path: Path, record: dict[str, object]) -> Record:
    """The single record of a JSONL file holding `record`, with real text."""
    path = tmp_path / "one.jsonl"
    text = records(JSONL)[0].text
    path.write_text(json.dumps({"text": text, **record}) + "\n", encoding="utf-8")
    [read] = records(path)
    return read


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl", True),
        ("a.csv", True),
        ("a.jsonl.gz", True),
        ("A.CSV.GZ", True),
        ("a.txt", False),
        ("a.json", False),
        ("a.gz", False),
        ("a.csv.zip", False),
    ],
)
def test_is_corpus_file(name: str, expected: bool) -> None:
    assert is_corpus_file(Path(name)) is expected


def test_jsonl_records_carry_the_real_fields() -> None:
    wt, hill, nyt = records(JSONL)
    assert (wt.number, wt.id) == (1, "8Ba2r601vtt3vyZp")
    assert wt.text.startswith("BEIRUT (AP) — Russia and the Syrian military blamed Israel")
    assert wt.text.endswith(
        "Israel’s foreign ministry had no comment when asked about the accusations."
    )
    assert wt.fields == {
        "outlet": "Washington Times",
        "title": "Russia says Israel was behind Syria airstrike; 14 reported dead",
        "author": "Zeina Karam, Bassem Mroue",  # from `authors`: there is no `author` column
        "date": "2018-04-09",
        "url": "https://www.washingtontimes.com/news/2018/apr/9/russia-says-israel-was-behind-syria-airstrike/",
    }
    assert wt.extra == {"bias_label": "right", "cluster_id": "c02083", "topic": "middle_east"}
    assert list(wt.extra) == sorted(wt.extra)
    assert hill.fields["author"] == ""  # null in the source
    assert (
        hill.fields["title"]
        == "Trump after chemical attack: Russia ‘responsible’ for backing Syria"
    )
    assert nyt.fields["author"] == "Ben Hubbard, David M. Halbfinger"
    assert [r.fields["outlet"] for r in (wt, hill, nyt)] == [
        "Washington Times",
        "The Hill",
        "New York Times - News",
    ]


def test_csv_reads_the_same_as_jsonl() -> None:
    """Multi-paragraph texts are quoted fields spanning lines; null is written as empty."""
    assert records(CSV) == records(JSONL)


@pytest.mark.parametrize("source", [JSONL, CSV])
def test_gzipped_copies_read_the_same(tmp_path: Path, source: Path) -> None:
    packed = tmp_path / (source.name + ".gz")
    packed.write_bytes(gzip.compress(source.read_bytes(), mtime=0))
    assert records(packed) == records(source)


def test_broken_lines_are_set_aside_and_the_rest_read() -> None:
    path = RECORDS / "broken.jsonl"
    first, flip_side = good(path)
    assert (first.number, flip_side.number) == (1, 7)
    assert flip_side.fields["outlet"] == "The Flip Side"
    assert flip_side.fields["date"] == flip_side.fields["author"] == ""  # both null
    assert flip_side.extra["cluster_id"] == ""
    assert bad(path) == {
        2: "record 2: not valid JSON (Unterminated string starting at column 67; "
        "fix or remove the line)",
        3: "record 3: no `text` value (check the column name, or use --columns text=NAME)",
        4: "record 4: a JSON array, not an object (each line must be one {...} article)",
        6: "record 6: no `text` value (check the column name, or use --columns text=NAME)",
    }


def test_custom_column_names() -> None:
    columns = parse_columns("text=body,outlet=source")
    wt, hill, nyt = records(RECORDS / "syria-strike-custom.csv", columns)
    assert wt.text == records(JSONL)[0].text
    assert [r.fields["outlet"] for r in (wt, hill, nyt)] == [
        "Washington Times",
        "The Hill",
        "New York Times - News",
    ]
    # "April 9, 2018", "2018/04/08" and "9 Apr 2018" in the file
    assert [r.fields["date"] for r in (wt, hill, nyt)] == ["2018-04-09", "2018-04-08", "2018-04-09"]
    assert wt.fields["author"] == "Zeina Karam, Bassem Mroue"
    assert (wt.id, wt.fields["url"], wt.extra) == ("", "", {})


def test_parse_columns() -> None:
    assert parse_columns(" text = body , outlet=source ") == {
        **DEFAULT_COLUMNS,
        "text": "body",
        "outlet": "source",
    }
    assert parse_columns("title=headline=main")["title"] == "headline=main"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("txt=body", "--columns: unknown field `txt` (use one of: text, id, outlet, title, "),
        ("text", "--columns: expected FIELD=COLUMN, got 'text'"),
        ("text=", "--columns: expected FIELD=COLUMN, got 'text='"),
        ("text=body,", "--columns: expected FIELD=COLUMN, got ''"),
        ("", "--columns: expected FIELD=COLUMN, got ''"),
        ("text=a,text=b", "--columns: field `text` given twice"),
    ],
)
def test_parse_columns_refuses(option: str, message: str) -> None:
    with pytest.raises(FramingError) as error:
        parse_columns(option)
    assert error.value.message.startswith(message)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023-10-31", "2023-10-31"),
        ("2023-10-31T12:00:00Z", "2023-10-31"),
        ("2023-10-31T23:30:00-05:00", "2023-10-31"),  # the date as written, not UTC's
        ("2023-10-31 12:00:00 UTC", "2023-10-31"),
        ("October 31, 2023", "2023-10-31"),
        ("Oct. 31, 2023, 4:05 PM EDT", "2023-10-31"),
        ("Tuesday, October 31st, 2023", "2023-10-31"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("31 Oct 2023", "2023-10-31"),
        ("Tue, 31 Oct 2023 12:00:00 GMT", "2023-10-31"),
        ("2023/10/31", "2023-10-31"),
        (" 2023/1/5 ", "2023-01-05"),
        ("10/31/2023", "10/31/2023"),  # month or day first? kept as given
        ("yesterday", "yesterday"),
        ("February 30, 2023", "February 30, 2023"),
        ("Smarch 3, 2023", "Smarch 3, 2023"),
        ("", ""),
    ],
)
def test_dates(tmp_path: Path, written: str, iso: str) -> None:
    assert one_line(tmp_path, {"date": written}).fields["date"] == iso


def test_values_become_strings(tmp_path: Path) -> None:
    record = one_line(
        tmp_path,
        {
            "id": 42,
            "outlet": None,
            "authors": ["Ben Hubbard", None, "", "David M. Halbfinger"],
            "shares": 1.5,
            "paywalled": False,
            "tags": ["Syria", 2018],
            "source": {"name": "NYT", "id": 7},
        },
    )
    assert record.id == "42"
    assert record.fields["outlet"] == ""
    assert record.fields["author"] == "Ben Hubbard, David M. Halbfinger"
    assert record.extra == {
        "paywalled": "false",
        "shares": "1.5",
        "source": '{"id": 7, "name": "NYT"}',
        "tags": "Syria, 2018",
    }


def test_an_author_column_wins_over_authors(tmp_path: Path) -> None:
    record = one_line(tmp_path, {"author": "Ben Hubbard", "authors": "Ben Hubbard, David M."})
    assert record.fields["author"] == "Ben Hubbard"
    assert record.extra == {"authors": "Ben Hubbard, David M."}


def test_a_renamed_author_column_has_no_alias(tmp_path: Path) -> None:
    path = tmp_path / "renamed.jsonl"
    path.write_text(json.dumps({"text": records(JSONL)[0].text, "authors": "Ben Hubbard"}) + "\n")
    [record] = records(path, parse_columns("author=byline"))
    assert record.fields["author"] == ""
    assert record.extra == {"authors": "Ben Hubbard"}


def test_byte_order_marks_and_crlf_are_read(tmp_path: Path) -> None:
    for source in (JSONL, CSV):
        path = tmp_path / source.name
        data = source.read_bytes()
        if source is JSONL:
            data = data.replace(b"\n", b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + data)
        assert records(path) == records(source)


def test_a_line_that_is_not_utf8_spoils_only_itself(tmp_path: Path) -> None:
    lines = JSONL.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace("‘".encode(), b"\x91")  # cp1252's left quote
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"".join(lines))
    assert [r.number for r in good(path)] == [1, 3]
    assert bad(path) == {2: "record 2: not valid UTF-8 (re-save the file as UTF-8)"}


def test_a_csv_row_that_is_not_utf8_spoils_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(CSV.read_bytes().replace("‘".encode(), b"\x91"))
    assert [r.number for r in good(path)] == [1, 3]
    assert bad(path) == {2: "record 2: not valid UTF-8 (re-save the file as UTF-8)"}


def test_csv_rows_of_the_wrong_width_and_blank_rows(tmp_path: Path) -> None:
    text = records(JSONL)[0].text.replace('"', '""')
    path = tmp_path / "widths.csv"
    path.write_text(
        f'\r\noutlet,text\r\nThe Hill,"{text}"\r\n\r\nThe Hill\r\n'
        f'The Hill,"{text}",extra\r\nVox,"{text}"\r\n',
        encoding="utf-8",
    )
    assert [(r.number, r.fields["outlet"]) for r in good(path)] == [(1, "The Hill"), (5, "Vox")]
    assert bad(path) == {
        3: "record 3: 1 fields where the header has 2 (check this row's commas and quotes)",
        4: "record 4: 3 fields where the header has 2 (check this row's commas and quotes)",
    }


def test_csv_fields_over_the_default_limit_are_read(tmp_path: Path) -> None:
    """The csv module refuses fields over 131,072 characters unless told otherwise."""
    long_text = "\n\n".join([records(JSONL)[2].text] * 200)
    assert len(long_text) > 131_072
    path = tmp_path / "long.csv"
    path.write_text('outlet,text\nNew York Times - News,"' + long_text.replace('"', '""') + '"\n')
    [record] = records(path)
    assert record.text == long_text


def test_csv_header_without_the_text_column(tmp_path: Path) -> None:
    with pytest.raises(FramingError) as error:
        list(read_records(RECORDS / "syria-strike-custom.csv"))
    assert error.value.message.endswith(
        "syria-strike-custom.csv: no `text` column in the header "
        "(it has: source, title, date, author, body) (use --columns text=NAME)"
    )
    repeated = tmp_path / "repeated.csv"
    repeated.write_text("text,outlet,outlet\n")
    with pytest.raises(FramingError, match="column `outlet` appears twice in the header"):
        list(read_records(repeated))


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.csv", "empty.jsonl.gz"])
def test_empty_files_hold_no_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(b"", mtime=0) if name.endswith(".gz") else b"")
    assert list(read_records(path)) == []


def test_files_that_cannot_be_read_fail_at_once(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(JSONL.read_bytes())
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_text(JSONL.read_text(encoding="utf-8"), encoding="utf-16")
    (tmp_path / "folder.csv").mkdir()
    expected = {
        tmp_path / "missing.jsonl": "cannot read: No such file or directory",
        tmp_path / "folder.csv": "cannot read: Is a directory",
        plain: "not readable as gzip (Not a gzipped file (b'{\"'))",
        utf16: "UTF-16 text, not UTF-8 (re-save the file as UTF-8)",
        JSONL.with_suffix(".txt"): "not a corpus file (name it .jsonl or .csv",
    }
    for path, message in expected.items():
        with pytest.raises(FramingError) as error:
            read_records(path)  # before any iteration
        assert error.value.where == str(path)
        assert error.value.detail.startswith(message), error.value.detail


def test_gzip_cut_short_fails_after_the_records_before_the_cut(tmp_path: Path) -> None:
    packed = gzip.compress(JSONL.read_bytes() * 200, mtime=0)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    read: list[Record | BadRecord] = []
    with pytest.raises(FramingError) as error:
        read.extend(read_records(path))
    assert read and all(isinstance(r, Record) for r in read)
    assert error.value.detail.startswith("not readable as gzip (")
    assert "re-download or re-compress it" in error.value.detail


def test_records_are_streamed(tmp_path: Path) -> None:
    """Taking the first records of a big file costs memory for those records, not the file."""
    path = tmp_path / "big.jsonl.gz"
    data = JSONL.read_bytes() * 3000
    path.write_bytes(gzip.compress(data, compresslevel=1, mtime=0))
    tracemalloc.start()
    first = list(islice(read_records(path), 3))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert first == records(JSONL)
    assert len(data) > 10_000_000 and peak < 1_000_000


def test_first_200_allsides_records() -> None:
    if not ALLSIDES.exists():
        pytest.skip(f"{ALLSIDES} is not on this machine")
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as raw:
        sources = [json.loads(line) for line in islice(raw, 200)]
    read = list(islice(read_records(ALLSIDES), 200))
    assert all(isinstance(r, Record) for r in read)
    for record, source in zip(read, sources, strict=True):
        assert isinstance(record, Record)
        assert record.id == source["id"]
        assert record.text == source["text"] and record.text.strip()
        assert record.fields["outlet"] == source["outlet"] != ""
        if source["date"]:
            assert ISO.fullmatch(record.fields["date"]), record
        else:
            assert record.fields["date"] == ""
        assert record.fields["author"] == (source["authors"] or "")
        assert set(record.extra) == {"bias_label", "cluster_id", "topic"}
