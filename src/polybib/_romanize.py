"""Romanisation of Cyrillic records for English-language styles (APA and Chicago ask for it) and for
the romanised "References" list of journals indexed abroad.

Russian goes through iuliia (BGN/PCGN, ISO 9 = GOST 7.79 system A, GOST 7.79 system B, ALA-LC);
Azerbaijani Cyrillic becomes the modern Latin alphabet; the letters of other Cyrillic alphabets that
the Russian schemas leave are mapped from ``data/format/romanize.json``. Only the CSL-JSON handed
to the formatter is romanised: the record keeps its original text.

>>> romanize_text("Содружество Независимых Государств", language="ru", system="bgn")
'Sodruzhestvo Nezavisimykh Gosudarstv'
>>> romanize_text("Азәрбајҹан тарихи", language="az", system="bgn")
'Azərbaycan tarixi'
>>> romanize_item({"id": "a", "type": "book", "language": "ru-Cyrl", "title": "Содружество",
...                "author": [{"family": "Шакирзаде", "given": "Н. А."}]}, system="bgn")["author"]
[{'family': 'Shakirzade', 'given': 'N. A.'}]
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import iuliia

from ._exceptions import StyleError
from ._initials import load_format_table

__all__ = ["SYSTEMS", "language_note", "romanize_item", "romanize_text"]

SYSTEMS = tuple(load_format_table("romanize")["entries"]["systems"])
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# values that are codes or dates, not text
_VERBATIM = {"id", "type", "language", "issued", "accessed", "ISBN", "ISSN", "DOI", "URL"}


@cache
def _schema(system: str) -> Any:
    systems = load_format_table("romanize")["entries"]["systems"]
    if system not in systems:
        raise StyleError(f"unknown romanisation {system!r}; choose one of {', '.join(systems)}")
    return getattr(iuliia, systems[system])


def _letters(text: str, table: dict[str, str]) -> str:
    out = []
    for char in text:
        lower = char.lower()
        if lower in table:
            mapped = table[lower]
            out.append(mapped[:1].upper() + mapped[1:] if char != lower else mapped)
        else:
            out.append(char)
    return "".join(out)


def romanize_text(text: str, *, language: str, system: str = "bgn") -> str:
    """``text`` in Latin letters (unchanged when it has no Cyrillic)."""
    if not _CYRILLIC.search(text):
        return text
    entries = load_format_table("romanize")["entries"]
    text = unicodedata.normalize("NFC", text)
    if language.split("-")[0] == "az":
        return _letters(text, entries["azerbaijani"])
    # iuliia leaves ё as it is in several schemas; Russian bibliographic practice writes е
    text = text.replace("ё", "е").replace("Ё", "Е")
    return unicodedata.normalize("NFC", _letters(_schema(system).translate(text), entries["other_letters"]))


def language_note(language: str) -> str:
    """The note a romanised list adds to an entry in ``language`` ("In Russ."), or ""."""
    return load_format_table("romanize")["entries"]["language_notes"].get(language.split("-")[0], "")


def romanize_item(item: dict[str, Any], *, system: str = "bgn") -> dict[str, Any]:
    """A copy of a CSL-JSON item with its text romanised (codes, dates and identifiers kept)."""
    language = str(item.get("language", "")).split("-")[0]

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return romanize_text(value, language=language, system=system)
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        return value

    return {key: value if key in _VERBATIM else convert(value) for key, value in item.items()}
