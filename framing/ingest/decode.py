"""Turn an article file's bytes into text: detect the encoding, repair mojibake, refuse binaries."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

import charset_normalizer
import ftfy

from framing.errors import FramingError


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and how."""

    text: str
    encoding: str
    """The codec used, as a Python codec name: "utf-8", "utf-16-le", "cp1252", "latin-1", …"""
    repaired: bool
    """True when mojibake was repaired after decoding (or stray cp1252 bytes inside UTF-8)."""


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "remove it from the corpus"),
    (b"\xff\xd8\xff", "a JPEG image", "remove it from the corpus"),
    (b"GIF87a", "a GIF image", "remove it from the corpus"),
    (b"GIF89a", "a GIF image", "remove it from the corpus"),
    (b"%PDF-", "a PDF document", "extract its text into a .txt file"),
    (b"PK\x03\x04", "a ZIP archive (or .docx)", "save the document as plain text (.txt)"),
    (b"PK\x05\x06", "a ZIP archive (or .docx)", "save the document as plain text (.txt)"),
    (b"\x1f\x8b", "gzip-compressed data", "decompress it or name it .gz"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = (  # codec, bytes per code unit, the byte that carries an ASCII letter
    ("utf-32-le", 4, 0),
    ("utf-32-be", 4, 3),
    ("utf-16-le", 2, 0),
    ("utf-16-be", 2, 1),
)
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_STRAY = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
_WESTERN = frozenset({"cp1252", "latin_1"})
_FTFY = ftfy.TextFixerConfig(replace_lossy_sequences=False, explain=False)
"""Encoding fixes only, and no "�" put in place of bytes the mix-up lost."""


def _cp1252_char(byte: int) -> str:
    """What cp1252 reads a byte as; latin-1's C1 control for the five it leaves undefined.

    Browsers and ftfy read cp1252 this way, so this is how mojibake comes to be written.
    """
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_STRAY_AS_CP1252 = {0xDC00 + byte: _cp1252_char(byte) for byte in range(0x80, 0x100)}
"""`str.translate` table from surrogate-escaped bytes to their cp1252 characters."""


def _mojibake_pairs() -> re.Pattern[bytes]:
    """UTF-8 bytes of text that went UTF-8 -> cp1252 -> UTF-8: "Ã©", "â€™", "ÄŸ".

    A UTF-8 lead byte read as cp1252 is one of Â..ô (re-saved: C3 82..C3 B4), and the
    continuation byte after it one of cp1252's characters for 0x80..0xBF.
    """
    followers = sorted({re.escape(_cp1252_char(byte).encode()) for byte in range(0x80, 0xC0)})
    return re.compile(rb"\xc3[\x82-\xb4](?:" + b"|".join(followers) + rb")")


_MOJIBAKE_PAIRS = _mojibake_pairs()
_C1_CONTROLS = re.compile(rb"\xc2[\x80-\x9f]")
"""UTF-8 of U+0080..U+009F: cp1252 text that was read as latin-1 and re-saved."""


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode an article file's bytes, repairing mojibake; FramingError when it is not text."""
    _refuse_magic(data, where)
    decoded = _decode(data, where)
    utf8 = data if decoded.encoding.startswith("utf-8") else decoded.text.encode()
    if not _may_be_mojibake(utf8):
        return decoded
    fixed = ftfy.fix_encoding(decoded.text, _FTFY)
    return replace(decoded, text=fixed, repaired=decoded.repaired or fixed != decoded.text)


def _may_be_mojibake(utf8: bytes) -> bool:
    """Cheap test on UTF-8 bytes, so that clean text skips ftfy (its own test costs ~500x a decode).

    `in` is a memchr: most files have no C3 or C2 byte at all and never reach the regexes.
    """
    return (b"\xc3" in utf8 and bool(_MOJIBAKE_PAIRS.search(utf8))) or (
        b"\xc2" in utf8 and bool(_C1_CONTROLS.search(utf8))
    )


def _refuse_magic(data: bytes, where: str) -> None:
    """Refuse images, PDFs, archives and compressed files by their leading magic number."""
    for magic, kind, fix in _MAGIC:
        if data.startswith(magic):
            raise FramingError(f"binary file: {kind}, not text", where, fix)


def _decode(data: bytes, where: str) -> Decoded:
    """Pick the codec: a BOM, then UTF-16/32 by NUL pattern, then UTF-8, then legacy encodings."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_wide(data, codec, where)
    if b"\x00" in data:
        sniffed = _sniff_wide(data)
        if sniffed is None:
            raise _binary_nul(where)
        return _decode_wide(data, sniffed, where)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", repaired=False)
    except UnicodeDecodeError:
        return _utf8_with_strays(data) or _decode_legacy(data, where)


def _decode_wide(data: bytes, codec: str, where: str) -> Decoded:
    """Decode by a BOM's or a NUL pattern's codec; binary data shows as errors or NUL characters."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise _binary_nul(where) from None
    if "\x00" in text:
        raise _binary_nul(where)
    return Decoded(text, codec, repaired=False)


def _binary_nul(where: str) -> FramingError:
    """NUL bytes that no UTF-16/32 reading explains: binary data, or text in an odd encoding."""
    return FramingError(
        "binary file: NUL bytes, not text",
        where,
        "remove it from the corpus, or re-save it as UTF-8 if it is text",
    )


def _sniff_wide(data: bytes) -> str | None:
    """The BOM-less UTF-16/32 codec whose NUL pattern the data shows, if any.

    Mostly-ASCII text in UTF-16-LE has a NUL in nearly every odd byte and almost none in
    the even ones (and so on for BE and UTF-32); binary data has NULs anywhere.
    """
    for codec, width, letter_lane in _WIDE:
        if len(data) % width:
            continue
        units = len(data) // width
        shares = [data[lane::width].count(0) / units for lane in range(width)]
        if shares[letter_lane] < 0.05 and all(
            share > 0.5 for lane, share in enumerate(shares) if lane != letter_lane
        ):
            return codec
    return None


def _utf8_with_strays(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray cp1252 bytes (pasted text): read the strays as cp1252.

    Read whole as cp1252 instead, every valid UTF-8 character would turn into mojibake;
    so when valid multi-byte characters outnumber the invalid bytes, trust UTF-8.
    """
    text = data.decode("utf-8", "surrogateescape")
    strays = len(_STRAY.findall(text))
    if len(_NON_ASCII.findall(text)) <= strays:
        return None
    return Decoded(text.translate(_STRAY_AS_CP1252), "utf-8", repaired=True)


def _decode_legacy(data: bytes, where: str) -> Decoded:
    """A single- or double-byte legacy encoding, found by charset-normalizer.

    On short Western text charset-normalizer ties cp1252 with cp1258 or cp1250 and may pick
    those ("Grannò" -> "Granṇ"); English news is far likelier cp1252, so it wins any tie.
    Latin-1 reads 0x80–0x9F as invisible C1 controls where cp1252 has quotes and dashes.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise FramingError(
            "undecodable bytes: not UTF-8, nor any text encoding found",
            where,
            "re-save the file as UTF-8",
        )
    tied = {name for m in matches if m.chaos <= best.chaos for name in m.could_be_from_charset}
    if "cp1252" in tied and _C1_BYTES.search(data):
        codec = "cp1252"
    elif tied & _WESTERN:
        codec = "latin-1"
    else:
        codec = codecs.lookup(best.encoding).name
    return Decoded(data.decode(codec), codec, repaired=False)
