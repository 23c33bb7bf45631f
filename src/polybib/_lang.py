"""Script (ISO 15924) and language (BCP 47) of a piece of text, from the languages table.

The script is the one most letters belong to; "mixed" would hide what the exporters need, so
a record carries the script of its title. The language is chosen among the languages of that
script by letters only it uses and by its frequent short words.

>>> detect_script("Содружество Независимых Государств"), detect_script("Bakı")
('Cyrl', 'Latn')
>>> detect_language("Azərbaycan Respublikasının Müstəqil Dövlətlər Birliyi ilə münasibətləri")
'az'
>>> detect_language("Взаимоотношения Азербайджанской Республики со славянскими странами")
'ru'
>>> langid("az"), langid("ru-Latn")
('azerbaijani', 'russian')
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ._tables import load_table

__all__ = ["bcp47", "detect_language", "detect_script", "langid"]

_SCRIPT_PREFIXES = (
    ("LATIN", "Latn"), ("CYRILLIC", "Cyrl"), ("GEORGIAN", "Geor"), ("ARMENIAN", "Armn"),
    ("ARABIC", "Arab"), ("GREEK", "Grek"), ("HEBREW", "Hebr"),
)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)?")


@cache
def _letter_script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return None


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in ("Zyyy" when none)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _letter_script(char) if ord(char) > 0x7f else "Latn"
            if script:
                counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Zyyy"
    return max(counts, key=counts.__getitem__)


@cache
def _languages() -> tuple[dict, ...]:
    return tuple(load_table("languages")["entries"])


def detect_language(text: str, *, script: str | None = None) -> str:
    """The most likely language code of ``text`` among the table's languages of its script."""
    script = script or detect_script(text)
    candidates = [e for e in _languages() if e["script"] == script]
    if not candidates:
        return "und"
    words = [w.casefold() for w in _WORD.findall(text)]
    best, best_score = candidates[0]["lang"], float("-inf")
    folded = text.casefold()
    present = set(folded)
    for entry in candidates:
        score = min(4.0, 2.0 * sum(1 for ch in folded if ch in entry["letters"]))
        score -= 5.0 * len(present & set(entry["excludes"]))
        vocabulary = set(entry["words"])
        score += sum(1.5 for w in words if w in vocabulary)
        score += sum(0.5 for w in words if len(w) > 3 and w.endswith(tuple(entry["suffixes"])))
        if score > best_score:
            best, best_score = entry["lang"], score
    return best


def langid(lang: str) -> str:
    """The BibLaTeX language name (``langid``) of a language code."""
    for entry in _languages():
        if entry["lang"] == lang:
            return entry["langid"]
    return ""


def bcp47(lang: str, script: str) -> str:
    """A BCP 47 tag: the language with its script ("az-Latn", "ru-Cyrl", "ru-Latn")."""
    base = lang.split("-")[0]
    return f"{base}-{script}" if script not in ("Zyyy", "") else base
