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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ._tables import load_table

__all__ = ["bcp47", "detect_language", "detect_script", "langid"]

_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ‘`][^\W\d_]+)?")


# Letters by script, as ranges of code points: Latin with its extensions and ə, Cyrillic with its
# supplement, Georgian, Armenian, Arabic (with its presentation forms), Greek, Hebrew. On a tie the
# script listed first wins.
_SCRIPT_LETTERS = {
    "Latn": ("AZ", "az", "\u00c0\u00d6", "\u00d8\u00f6", "\u00f8\u024f", "\u0259\u0259", "\u1e00\u1eff"),
    "Cyrl": ("\u0400\u052f",),
    "Geor": ("\u10a0\u10ff", "\u1c90\u1cbf"),
    "Armn": ("\u0531\u0587",),
    "Arab": ("\u0620\u064a", "\u066e\u06d3", "\u06fa\u06ff", "\ufb50\ufdff", "\ufe70\ufefc"),
    "Grek": ("\u0370\u03ff",),
    "Hebr": ("\u05d0\u05ea",),
}
# each script's tag: the character its letters become in _script_tags()
_SCRIPT_TAGS = tuple((script, chr(tag)) for tag, script in enumerate(_SCRIPT_LETTERS, 1))


@cache
def _script_tags() -> list[str | None]:
    """A `str.translate` table over the Basic Multilingual Plane that turns every letter into its
    script's tag and deletes every other character (the tags included), so that counting the letters
    of each script is one pass over the text and one count per script."""
    table: list[str | None] = [None] * 0x10000
    for script, tag in _SCRIPT_TAGS:
        for first, last in _SCRIPT_LETTERS[script]:
            table[ord(first): ord(last) + 1] = [tag] * (ord(last) - ord(first) + 1)
    return table


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in ("Zyyy" when none)."""
    tagged = text.translate(_script_tags())   # characters past the table stay as they are: no tags
    best, best_count = "Zyyy", 0
    for script, tag in _SCRIPT_TAGS:
        count = tagged.count(tag)
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
    strong_words: frozenset[str]
    suffixes: tuple[str, ...]


@cache
def _languages() -> tuple[_Language, ...]:
    return tuple(_Language(e["lang"], e["script"], e["langid"], frozenset(e["letters"]) | frozenset(ch.lower() for ch in e["letters"] if len(ch.lower()) == 1),
                           frozenset(e["excludes"]), frozenset(e["words"]), frozenset(e["strong_words"]),
                           tuple(e["suffixes"]))
                 for e in load_table("languages")["entries"])


@dataclass(frozen=True)
class _Index:
    """Inverted indexes over the languages of one script, built once: which languages a letter,
    an excluded letter or a word speaks for, and with what weight."""

    languages: tuple[_Language, ...]
    letters: dict[str, tuple[int, ...]]
    excludes: dict[str, tuple[int, ...]]
    words: dict[str, tuple[tuple[int, float], ...]]
    # the keys of letters and excludes as character classes: a text's few letters of interest are
    # found in one scan of the regex engine (a set intersection hashed every character of the text)
    letter_class: re.Pattern[str]
    exclude_class: re.Pattern[str]


@cache
def _index(script: str) -> _Index:
    languages = tuple(e for e in _languages() if e.script == script)
    letters: dict[str, list[int]] = {}
    excludes: dict[str, list[int]] = {}
    words: dict[str, list[tuple[int, float]]] = {}
    for i, entry in enumerate(languages):
        for ch in entry.letters:
            letters.setdefault(ch, []).append(i)
        for ch in entry.excludes:
            excludes.setdefault(ch, []).append(i)
        for word in entry.words:
            words.setdefault(word, []).append((i, 1.5))
        for word in entry.strong_words:
            words.setdefault(word, []).append((i, 3.0))
    return _Index(languages, {k: tuple(v) for k, v in letters.items()},
                  {k: tuple(v) for k, v in excludes.items()}, {k: tuple(v) for k, v in words.items()},
                  _character_class(letters), _character_class(excludes))


def _character_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern that matches any one of ``chars`` (and nothing when there are none)."""
    listed = "".join(re.escape(ch) for ch in sorted(chars))
    return re.compile(f"[{listed}]" if listed else "(?!)")


@lru_cache(maxsize=16384)
def _word_weights(script: str, word: str) -> tuple[tuple[int, float], ...]:
    """What one word of a text adds to each language of the script: its weight (case-folded) as a
    frequent or strong word, and half a point for a typical ending (words over three letters).
    One-letter words count only in lower case: "i", "v", "s" are words, "K." in "Brown K." is an initial."""
    if len(word) == 1 and not word.islower():
        return ()
    word = word.casefold()
    index = _index(script)
    weights = list(index.words.get(word, ()))
    if len(word) > 3:
        weights += [(i, 0.5) for i, entry in enumerate(index.languages) if entry.suffixes and word.endswith(entry.suffixes)]
    return tuple(weights)


def detect_language(text: str, *, script: str | None = None, prefer: str | None = None,
                    undecided: str | None = None) -> str:
    """The most likely language code of ``text`` among the table's languages of its script.

    A language scores for the letters only it uses (at most 4), against the letters it never uses
    (5 each), for its frequent and its strong words, and for its typical word endings; ties go to
    ``prefer`` when it is among the best, else to the language listed first in the table --
    or to ``undecided``, when given, if no language scored a point (the text gave no real evidence).
    """
    script = script or detect_script(text)
    index = _index(script)
    if not index.languages:
        return "und"
    scores = [0.0] * len(index.languages)
    letter_counts = [0] * len(index.languages)
    found = index.letter_class.findall(text)
    for ch in set(found):
        count = found.count(ch)
        for i in index.letters[ch]:
            letter_counts[i] += count
    for ch in set(index.exclude_class.findall(text.casefold())):
        for i in index.excludes[ch]:
            scores[i] -= 5.0
    for word in _WORD.findall(text):
        for i, weight in _word_weights(script, word):
            scores[i] += weight
    for i, count in enumerate(letter_counts):
        if count:   # (most languages' letters are not in the text)
            scores[i] += min(4.0, 2.0 * count)
    best = scores.index(max(scores))   # the first of the best
    if undecided is not None and scores[best] < 1.0:
        return undecided   # one typical ending ("learning" in Uzbek -ning) is not evidence enough
    if prefer:
        preferred = next((i for i, e in enumerate(index.languages) if e.lang == prefer), None)
        if preferred is not None and scores[preferred] >= scores[best]:
            return prefer
    return index.languages[best].lang


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
