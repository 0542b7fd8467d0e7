"""Decoding article bytes: encodings detected, mojibake repaired, binaries refused."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from conftest import DATA, SEEDS

from framing.errors import FramingError
from framing.ingest.decode import decode_bytes

ENCODINGS = DATA / "encodings"

PARAGRAPH = (
    "ANKARA — Turkey’s president, Recep Tayyip Erdoğan, said on Tuesday that the ceasefire "
    "talks had “moved forward, if slowly,” after a four-hour meeting with Italy’s foreign "
    "minister, Lucia Grannò.\n"
    "“We don’t expect a breakthrough this week,” Ms Grannò told reporters outside the "
    "presidential palace. Officials in Brussels were more cautious.\n"
)
WESTERN = PARAGRAPH.replace("Erdoğan", "Erdogan")
"""The paragraph as cp1252 can hold it: no ğ."""
LATIN_1 = WESTERN.translate({ord("’"): "'", ord("“"): '"', ord("”"): '"', ord("—"): "-"})
"""The paragraph as latin-1 can hold it: no curly quotes or dashes either."""


@pytest.mark.parametrize(
    ("name", "text", "encoding", "repaired"),
    [
        ("utf-8.txt", PARAGRAPH, "utf-8", False),
        ("utf-8-bom.txt", PARAGRAPH, "utf-8-sig", False),
        ("utf-16-bom.txt", PARAGRAPH, "utf-16", False),
        ("utf-16-le.txt", PARAGRAPH, "utf-16-le", False),
        ("cp1252.txt", WESTERN, "cp1252", False),
        ("latin-1.txt", LATIN_1, "latin-1", False),
        ("mojibake.txt", PARAGRAPH, "utf-8", True),
    ],
)
def test_fixture_decodes_to_the_paragraph(
    name: str, text: str, encoding: str, repaired: bool
) -> None:
    decoded = decode_bytes((ENCODINGS / name).read_bytes(), name)
    assert (decoded.text, decoded.encoding, decoded.repaired) == (text, encoding, repaired)


def test_fixtures_hold_what_their_names_say() -> None:
    assert {0x92, 0x93, 0x94, 0x97} <= set((ENCODINGS / "cp1252.txt").read_bytes())
    assert (ENCODINGS / "utf-16-le.txt").read_bytes().startswith(b"A\x00N\x00")
    assert "Turkeyâ€™s" in (ENCODINGS / "mojibake.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.stem)
def test_seeds_decode_as_plain_utf8(path: Path) -> None:
    data = path.read_bytes()
    decoded = decode_bytes(data, str(path))
    assert (decoded.text, decoded.encoding, decoded.repaired) == (data.decode(), "utf-8", False)


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("utf-32-le", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
        ("cp1251", "cp1251"),
        ("cp1255", "cp1255"),
    ],
)
def test_other_encodings(codec: str, name: str) -> None:
    text = {
        "cp1251": "Президент России Владимир Путин заявил во вторник, что переговоры "
        "с Анкарой продолжатся на следующей неделе.\n",
        "cp1255": "ראש הממשלה אמר ביום שלישי כי השיחות עם אנקרה יימשכו בשבוע הבא.\n",
    }.get(codec, PARAGRAPH)
    decoded = decode_bytes(text.encode(codec), "x.txt")
    assert (decoded.text, decoded.encoding, decoded.repaired) == (text, name, False)


@pytest.mark.parametrize(
    "text",
    [
        "Naïve “déjà vu” — the café’s ‘owner’ – said… no.\u00a0Really.",
        "ראש הממשלה אמר ביום שלישי כי השיחות יימשכו.",
        "قال رئيس الوزراء يوم الثلاثاء إن المحادثات ستستمر.",
        "Президент России заявил во вторник — «переговоры продолжатся».",
        "Erdoğan’s İstanbul; Łódź; Dvořák; Nguyễn Tấn Dũng; £5, €6, ½ off, ©2024 ™",
        "Lines\r\nend\rhow\nthey end.",
    ],
)
def test_valid_text_is_left_exactly_as_it_is(text: str) -> None:
    for codec in ("utf-8", "utf-16"):
        decoded = decode_bytes(text.encode(codec), "x.txt")
        assert (decoded.text, decoded.repaired) == (text, False)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Itâ€™s", "It’s"),
        ("cafÃ© in SÃ£o Paulo", "café in São Paulo"),
        ("ErdoÄŸan said â€œnoâ€\x9d â€” again", "Erdoğan said “no” — again"),
        ("It\x92s \x93C1\x94 mojibake", "It’s “C1” mojibake"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    decoded = decode_bytes(broken.encode(), "x.txt")
    assert (decoded.text, decoded.encoding, decoded.repaired) == (fixed, "utf-8", True)


def test_stray_cp1252_bytes_in_utf8_are_read_as_cp1252() -> None:
    data = PARAGRAPH.encode() + "Grannò’s “café”.\n".encode("cp1252")
    decoded = decode_bytes(data, "x.txt")
    assert (decoded.text, decoded.encoding) == (PARAGRAPH + "Grannò’s “café”.\n", "utf-8")
    assert decoded.repaired


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", PARAGRAPH)
    return buffer.getvalue()


def _refused(data: bytes, where: str) -> FramingError:
    with pytest.raises(FramingError) as raised:
        decode_bytes(data, where)
    assert raised.value.where == where and raised.value.fix
    return raised.value


def test_png_renamed_txt_is_refused() -> None:
    error = _refused((ENCODINGS / "png.txt").read_bytes(), "corpus/png.txt")
    assert error.what == "binary file: a PNG image, not text"
    assert error.fix == "remove it from the corpus"


@pytest.mark.parametrize(
    ("data", "kind", "fix"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG", "remove it"),
        (b"GIF89a\x01\x00\x01\x00", "GIF", "remove it"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", "extract its text"),
        (_zip(), "ZIP", "plain text"),
        (gzip.compress(PARAGRAPH.encode(), mtime=0), "gzip", "decompress it or name it .gz"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "NUL bytes", "remove it"),
        (b"\xff\xfe" + bytes(40), "NUL bytes", "remove it"),
    ],
)
def test_binary_is_refused(data: bytes, kind: str, fix: str) -> None:
    error = _refused(data, "corpus/file.txt")
    assert error.what.startswith("binary file") and kind in error.what and fix in error.fix


def test_undecodable_bytes_are_refused() -> None:
    data = (ENCODINGS / "undecodable.txt").read_bytes()
    assert b"\x00" not in data
    error = _refused(data, "corpus/undecodable.txt")
    assert error.what.startswith("undecodable bytes") and "UTF-8" in error.fix
