"""Turn a text file's bytes into text: a byte-order mark decides first, a forced encoding second,
then strict UTF-8, then the legacy code pages reference lists are found in, detected with
charset-normalizer among a closed set (Windows-1251, KOI8-R, Windows-1254, ISO-8859-9) and UTF-16
without a mark.

>>> decode_text("Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005.".encode("utf-8")).encoding
'utf-8'
>>> russian = "Иванов И. И. Очерки истории. - М. : Наука, 2019. - 512 с."
>>> [decode_text(russian.encode(cp)).encoding for cp in ("cp1251", "koi8-r", "utf-16")]
['cp1251', 'koi8-r', 'utf-16']
>>> decode_text(russian.encode("cp1251")).text == russian
True
>>> decode_text(b"Bak\\xfd", encoding="utf-8")
Traceback (most recent call last):
...
polybib._exceptions.InputError: <bytes>: byte 3 cannot be decoded as utf-8
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .._exceptions import InputError

__all__ = ["DecodedText", "ENCODINGS", "decode_text"]

# The code pages a reference list is looked for in, in the order they are preferred on a tie.
ENCODINGS = ("cp1251", "koi8-r", "cp1254", "iso8859-9")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Bytes Windows-1254 gives letters to and ISO-8859-9 keeps for control codes.
_C1 = re.compile(rb"[\x80-\x9f]")


@dataclass(frozen=True)
class DecodedText:
    """A file's text, the encoding it was read with, and how that encoding was chosen
    ("bom", "forced", "utf-8", "detected")."""

    text: str
    encoding: str
    how: str

    def describe(self) -> str:
        """One line for verbose output: ``encoding cp1251 (detected)``."""
        return f"encoding {self.encoding} ({self.how})"


def decode_text(data: bytes, *, encoding: str | None = None, name: str = "<bytes>") -> DecodedText:
    """Decode a file's bytes; `InputError` names the first undecodable byte's offset."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        if b"\x00" in data[:4096] and not codec.startswith(("utf-16", "utf-32")):
            raise InputError(f"{name}: not a text file (it holds NUL bytes)")
        return DecodedText(_strict(data, codec, name).lstrip("\ufeff"), codec, "forced")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return DecodedText(_strict(data, codec, name).lstrip("\ufeff"), codec, "bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return DecodedText(_strict(data, utf16, name), utf16, "detected")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: not a text file (it holds NUL bytes)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):
        # valid multi-byte sequences outnumber the broken ones: a damaged UTF-8 file, not a code page
        raise InputError(f"{name}: byte {utf8_error.start} cannot be decoded as utf-8") from None
    codec = _detect(data)
    if codec is None:
        raise InputError(f"{name}: byte {utf8_error.start} cannot be decoded as utf-8, and the text is in "
                         f"none of {', '.join(ENCODINGS)}; name its encoding with --encoding") from None
    return DecodedText(_strict(data, codec, name), codec, "detected")


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: byte {exc.start} cannot be decoded as {codec}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark: every other byte is the high byte of a letter from a few blocks
    (Basic Latin 0x00, Latin Extended 0x01-0x02, Cyrillic 0x04, punctuation 0x20)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if sum(1 for b in high if b in (0x00, 0x01, 0x02, 0x04, 0x20)) >= 0.95 * len(high) and \
                high.count(0) >= 0.1 * len(high):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return codec
    return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    valid = len(_UTF8_SEQUENCE.findall(data))
    high = sum(1 for b in data if b >= 0x80)
    broken = high - sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return valid > broken


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(ENCODINGS)).best()
    if best is None:
        return None
    codec = codecs.lookup(best.encoding).name
    if codec in ("cp1254", "iso8859-9"):
        # the two differ only in 0x80-0x9F: name ISO-8859-9 only when the file uses none of them
        codec = "cp1254" if _C1.search(data) else "iso8859-9"
    return codec
