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
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ._tables import load_table

__all__ = ["bcp47", "detect_language", "detect_script", "langid"]

_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)?")


# Letters by script, as regex classes (counting with the regex engine is far faster than naming
# every character): Latin with its extensions and ə, Cyrillic with its supplement, Georgian,
# Armenian, Arabic (with its presentation forms), Greek, Hebrew.
_SCRIPT_LETTERS = {
    "Latn": re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0259\u1e00-\u1eff]"),
    "Cyrl": re.compile(r"[\u0400-\u052f]"),
    "Geor": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "Armn": re.compile(r"[\u0531-\u0587]"),
    "Arab": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"),
    "Grek": re.compile(r"[\u0370-\u03ff]"),
    "Hebr": re.compile(r"[\u05d0-\u05ea]"),
}


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in ("Zyyy" when none)."""
    best, best_count = "Zyyy", 0
    for script, letters in _SCRIPT_LETTERS.items():
        count = len(letters.findall(text))
        if count > best_count:
            best, best_count = script, count
    return best


@dataclass(frozen=True)
class _Language:
    lang: str
    script: str
    langid: str
    letters: frozenset[str]
    excludes: frozenset[str]
    words: frozenset[str]
    suffixes: tuple[str, ...]


@cache
def _languages() -> tuple[_Language, ...]:
    return tuple(_Language(e["lang"], e["script"], e["langid"], frozenset(e["letters"]) | frozenset(ch.lower() for ch in e["letters"] if len(ch.lower()) == 1),
                           frozenset(e["excludes"]), frozenset(e["words"]), tuple(e["suffixes"]))
                 for e in load_table("languages")["entries"])


def detect_language(text: str, *, script: str | None = None) -> str:
    """The most likely language code of ``text`` among the table's languages of its script."""
    script = script or detect_script(text)
    candidates = [e for e in _languages() if e.script == script]
    if not candidates:
        return "und"
    words = [w.casefold() for w in _WORD.findall(text)]
    long_words = [w for w in words if len(w) > 3]
    letters = Counter(text)
    present = set(text.casefold())
    best, best_score = candidates[0].lang, float("-inf")
    for entry in candidates:
        score = min(4.0, 2.0 * sum(letters[ch] for ch in entry.letters))
        score -= 5.0 * len(present & entry.excludes)
        score += 1.5 * sum(1 for w in words if w in entry.words)
        if entry.suffixes:
            score += 0.5 * sum(1 for w in long_words if w.endswith(entry.suffixes))
        if score > best_score:
            best, best_score = entry.lang, score
    return best


def langid(lang: str) -> str:
    """The BibLaTeX language name (``langid``) of a language code."""
    for entry in _languages():
        if entry.lang == lang:
            return entry.langid
    return ""


def bcp47(lang: str, script: str) -> str:
    """A BCP 47 tag: the language with its script ("az-Latn", "ru-Cyrl", "ru-Latn")."""
    base = lang.split("-")[0]
    return f"{base}-{script}" if script not in ("Zyyy", "") else base
