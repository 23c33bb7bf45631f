"""Citation keys in ASCII for every script: romanised family name + year, "a", "b" ... on clashes.

Russian and other Cyrillic names are romanised with iuliia (a maintained library of the
standard transliteration schemes; we use its Wikipedia scheme, the most widely recognised),
Azerbaijani Cyrillic first goes to the official Azerbaijani Latin alphabet, then every Latin
letter is folded to ASCII.

>>> ascii_fold("Əliyev"), ascii_fold("Шакирзаде"), ascii_fold("Мамед-заде"), ascii_fold("Ağayev")
('Aliyev', 'Shakirzade', 'Mamed-zade', 'Agayev')
>>> citation_keys([("Əliyev", "2005"), ("Əliyev", "2005"), ("Osmanov", "2004"), ("Əliyev", "2005")])
['aliyev2005', 'aliyev2005a', 'osmanov2004', 'aliyev2005b']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from ._tables import load_table

__all__ = ["KeyMaker", "ascii_fold", "citation_keys"]

@cache
def _tables() -> dict[str, dict[str, str]]:
    return load_table("transliteration")["entries"]


@lru_cache(maxsize=4096)
def _transliterate_cyrillic(text: str) -> str:
    import iuliia

    return iuliia.WIKIPEDIA.translate(text)


def ascii_fold(text: str) -> str:
    """An ASCII spelling of ``text`` in any script polybib knows (the transliteration table)."""
    tables = _tables()
    text = "".join(tables["az_cyrillic"].get(ch, ch) for ch in text)
    if re.search(r"[\u0400-\u04ff]", text):
        text = _transliterate_cyrillic(text)
    for script in ("georgian", "armenian", "arabic"):
        table = tables[script]
        text = "".join(_letter(table, ch) for ch in text)
    text = "".join(tables["latin"].get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ord(ch) < 128 and not unicodedata.combining(ch))


def _letter(table: dict[str, str], char: str) -> str:
    """A letter's spelling, capitalised when the letter is a capital (Armenian has case)."""
    spelled = table.get(char.lower())
    if spelled is None:
        return char
    return spelled.capitalize() if char.isupper() else spelled


def _stem(name: str, year: str) -> str:
    base = re.sub(r"[^a-z0-9-]", "", ascii_fold(name).casefold().replace(" ", "-"))[:40].strip("-")
    return f"{base or 'ref'}{year or 'nd'}"


class KeyMaker:
    """Hands out keys one at a time, so that a list of any length can be written as it is read:
    the first record of a name and year gets the bare key, the next ones "a", "b", ... (the
    convention of Better BibTeX for Zotero)."""

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()

    def key(self, name: str, year: str) -> str:
        stem = _stem(name, year)
        count = self._seen[stem]
        self._seen[stem] += 1
        return stem if count == 0 else stem + _letters(count - 1)

    def made(self, key: str) -> bool:
        """Whether this maker has handed out ``key`` (without remembering every key it made: memory
        stays bounded by the number of distinct names and years, whatever the list's length)."""
        if self._seen.get(key, 0) > 0:
            return True
        match = re.fullmatch(r"(.*?(?:\d|nd))([a-z]+)", key)
        if not match:
            return False
        index = 0
        for letter in match.group(2):
            index = index * 26 + (ord(letter) - 96)
        return self._seen.get(match.group(1), 0) >= index + 1


def citation_keys(pairs: list[tuple[str, str]]) -> list[str]:
    """Keys for (name, year) pairs, in order; a repeated name and year gets "a", "b", ..."""
    maker = KeyMaker()
    return [maker.key(name, year) for name, year in pairs]


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(97 + rest) + letters
    return letters
